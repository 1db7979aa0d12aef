import { checkContainsText, containsText, equalsIgnoringCase, Where } from '../../common/sql';
import { PartyFilter } from '../dto/party-filter.input';

/** The conditions of a PartyFilter on the `party` table under `alias` (BAD_USER_INPUT at `path` for a bad one). */
export function partyWhere(filter: PartyFilter | null | undefined, alias = 'p', path = 'filter'): Where {
  checkContainsText(`${path}.nameContains`, filter?.nameContains);
  const c = (column: string) => `${alias}.${column}`;
  return (qb) => {
    if (!filter) return;
    const flag = (column: string, value: boolean | null | undefined) => {
      if (value != null) qb.where(c(column), value);
    };
    // An empty list is no condition, as in every filter.
    if (filter.codes?.length)
      qb.whereIn(
        c('code'),
        filter.codes.map((code) => code.toUpperCase()),
      );
    if (filter.kind) qb.where(c('kind'), filter.kind);
    if (filter.region) qb.where(equalsIgnoringCase(c('region'), filter.region));
    if (filter.subRegion) qb.where(equalsIgnoringCase(c('sub_region'), filter.subRegion));
    flag('ldc', filter.ldc);
    flag('lldc', filter.lldc);
    flag('sids', filter.sids);
    flag('developing', filter.developing);
    if (filter.incomeGroups?.length) qb.whereIn(c('income_group'), filter.incomeGroups);
    if (filter.conventionStatus) qb.where(c('convention_status_kind'), filter.conventionStatus);
    if (filter.nameContains) qb.where(containsText([c('name')], filter.nameContains));
  };
}
