import { PartyFilter } from '../dto/party-filter.input';
import { containsCondition, sqlIn, SqlCondition } from '../../common/sql';

/** SQL conditions on the `party` table under `alias` for a PartyFilter. */
export function partyConditions(filter: PartyFilter | null | undefined, alias = 'p'): SqlCondition[] {
  if (!filter) return [];
  const c = (column: string) => `${alias}."${column}"`;
  const conditions: SqlCondition[] = [];
  const flag = (column: string, value: boolean | null | undefined) => {
    if (value != null) conditions.push({ sql: `${c(column)} = ?`, params: [value] });
  };
  if (filter.codes)
    conditions.push(
      sqlIn(
        c('code'),
        filter.codes.map((code) => code.toUpperCase()),
      ),
    );
  if (filter.kind) conditions.push({ sql: `${c('kind')} = ?`, params: [filter.kind] });
  if (filter.region) conditions.push({ sql: `lower(${c('region')}) = lower(?)`, params: [filter.region] });
  if (filter.subRegion)
    conditions.push({ sql: `lower(${c('sub_region')}) = lower(?)`, params: [filter.subRegion] });
  flag('ldc', filter.ldc);
  flag('lldc', filter.lldc);
  flag('sids', filter.sids);
  flag('developing', filter.developing);
  if (filter.incomeGroups) conditions.push(sqlIn(c('income_group'), filter.incomeGroups));
  if (filter.conventionStatus) {
    conditions.push({ sql: `${c('convention_status_kind')} = ?`, params: [filter.conventionStatus] });
  }
  if (filter.nameContains) conditions.push(containsCondition([c('name')], filter.nameContains));
  return conditions;
}
