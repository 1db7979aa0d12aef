import { annotationMatchConditions } from '../annotations/annotation.conditions';
import { BadUserInputError } from '../common/errors';
import { OrderColumn } from '../common/pagination/keyset';
import { MatchMode, SortDirection } from '../common/sort-direction.enum';
import { and, containsCondition, inList, sqlIn, SqlCondition } from '../common/sql';
import { partyConditions } from '../parties/party.conditions';
import { AgreementFilter } from './dto/agreement-filter.input';
import { AgreementOrder, AgreementOrderField } from './dto/agreement-order.input';

/**
 * `agreement_id, party_code` for every party of every agreement, directly or through a bloc: a member of a
 * bloc counts as a party to the bloc's agreements unless it left the bloc before the agreement was signed.
 */
export const AGREEMENT_PARTIES_SQL = `
  select ap."agreement_id", ap."party_code" from agreement_party ap
  union
  select ap."agreement_id", bm."member_code" from agreement_party ap
    join bloc_membership bm on bm."bloc_code" = ap."party_code"
    join agreement ag on ag."id" = ap."agreement_id"
    where bm."date_left" is null or ag."date_signed" is null or bm."date_left" >= ag."date_signed"`;

function partiesCondition(idColumn: string, codes: string[]): SqlCondition {
  const list = inList(codes.map((c) => c.toUpperCase()));
  return {
    sql: `${idColumn} in (select pa."agreement_id" from (${AGREEMENT_PARTIES_SQL}) pa where pa."party_code" in ${list.sql})`,
    params: list.params,
  };
}

function checkDates(filter: AgreementFilter, path: string): void {
  if (filter.signedFrom && filter.signedTo && filter.signedFrom > filter.signedTo) {
    throw new BadUserInputError(`${path}.signedTo`, `is before signedFrom (${filter.signedFrom})`);
  }
}

/** SQL conditions on the `agreement` table under `alias` for an AgreementFilter. */
export function agreementConditions(
  filter: AgreementFilter | null | undefined,
  alias = 'a',
  path = 'filter',
): SqlCondition[] {
  const c = (column: string) => `${alias}."${column}"`;
  const conditions: SqlCondition[] = filter?.includeArchived
    ? []
    : [{ sql: `${c('archived_at')} is null`, params: [] }];
  if (!filter) return conditions;
  checkDates(filter, path);
  const id = c('id');
  if (filter.parties?.length) {
    if (filter.partiesMatch === MatchMode.ALL)
      conditions.push(...filter.parties.map((p) => partiesCondition(id, [p])));
    else conditions.push(partiesCondition(id, filter.parties));
  }
  if (filter.partyWith) {
    const where = and(partyConditions(filter.partyWith, 'wp'));
    conditions.push({
      sql: `${id} in (select wap."agreement_id" from agreement_party wap join party wp on wp."code" = wap."party_code" where ${where.sql})`,
      params: where.params,
    });
  }
  if (filter.kinds?.length) conditions.push(sqlIn(c('kind'), filter.kinds));
  if (filter.statuses?.length) conditions.push(sqlIn(c('status'), filter.statuses));
  if (filter.types?.length) {
    const list = inList(filter.types);
    conditions.push({
      sql: `${id} in (select at."agreement_id" from agreement_type at where at."type" in ${list.sql})`,
      params: list.params,
    });
  }
  if (filter.signedFrom) conditions.push({ sql: `${c('date_signed')} >= ?`, params: [filter.signedFrom] });
  if (filter.signedTo) conditions.push({ sql: `${c('date_signed')} <= ?`, params: [filter.signedTo] });
  const notTerminated = (date: string): SqlCondition => ({
    sql: `(${c('date_terminated')} is null or ${c('date_terminated')} > ?)`,
    params: [date],
  });
  if (filter.inForceOn) {
    conditions.push(
      { sql: `${c('date_in_force')} <= ?`, params: [filter.inForceOn] },
      notTerminated(filter.inForceOn),
    );
  }
  if (filter.appliedOn) {
    conditions.push(
      {
        sql: `(${c('date_in_force')} <= ? or ${c('date_provisionally_applied')} <= ?)`,
        params: [filter.appliedOn, filter.appliedOn],
      },
      notTerminated(filter.appliedOn),
    );
  }
  conditions.push(...annotationMatchConditions(filter.annotations, id, 'agreement'));
  if (filter.languages?.length) conditions.push(sqlIn(c('language'), filter.languages));
  if (filter.titleContains)
    conditions.push(containsCondition([c('title'), c('short_title')], filter.titleContains));
  if (filter.slugs?.length) conditions.push(sqlIn(c('slug'), filter.slugs));
  return conditions;
}

const ORDER_COLUMNS: Record<AgreementOrderField, { column: string; nullable: boolean }> = {
  [AgreementOrderField.DATE_SIGNED]: { column: 'date_signed', nullable: true },
  [AgreementOrderField.DATE_IN_FORCE]: { column: 'date_in_force', nullable: true },
  [AgreementOrderField.TITLE]: { column: 'title', nullable: false },
  [AgreementOrderField.SLUG]: { column: 'slug', nullable: false },
};

export function agreementOrder(order: AgreementOrder | null | undefined, alias = 'a'): OrderColumn[] {
  const field = order?.field ?? AgreementOrderField.DATE_SIGNED;
  const direction = order?.direction ?? SortDirection.ASC;
  const { column, nullable } = ORDER_COLUMNS[field];
  return [
    { sql: `${alias}."${column}"`, direction, nullable },
    { sql: `${alias}."id"`, direction, nullable: false },
  ];
}
