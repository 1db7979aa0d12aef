import { annotationMatchConditions } from '../../annotations/repository/annotation.conditions';
import { BoundWhen, boundByAny, inEffectFor } from '../../bindings/repository/binding.conditions';
import { BadUserInputError } from '../../common/errors';
import { OrderColumn } from '../../common/pagination/keyset';
import { MatchMode, SortDirection } from '../../common/sort-direction.enum';
import { and, containsCondition, inList, sqlIn, SqlCondition } from '../../common/sql';
import { partyConditions } from '../../parties/repository/party.conditions';
import { AgreementFilter } from '../dto/agreement-filter.input';
import { AgreementOrder, AgreementOrderField } from '../dto/agreement-order.input';

function checkDates(filter: AgreementFilter, path: string): void {
  if (filter.signedFrom && filter.signedTo && filter.signedFrom > filter.signedTo) {
    throw new BadUserInputError(`${path}.signedTo`, `is before signedFrom (${filter.signedFrom})`);
  }
}

/** With a date filter, the parties asked for must themselves be bound on that date. */
export function partiesBoundWhen(filter: AgreementFilter | null | undefined): BoundWhen {
  if (filter?.inForceOn) return { on: filter.inForceOn, mode: 'IN_FORCE' };
  if (filter?.appliedOn) return { on: filter.appliedOn, mode: 'APPLIED' };
  return {};
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
  const when = partiesBoundWhen(filter);
  if (filter.parties?.length) {
    if (filter.partiesMatch === MatchMode.ALL)
      conditions.push(...filter.parties.map((p) => boundByAny(id, [p], when)));
    else conditions.push(boundByAny(id, filter.parties, when));
  }
  if (filter.partyWith) {
    const where = and(partyConditions(filter.partyWith, 'wp'));
    conditions.push({
      sql: `${id} in (select wb."agreement_id" from agreement_binding wb join party wp on wp."code" = wb."party_code" where wb."via" is null and ${where.sql})`,
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
  if (filter.inForceOn) conditions.push(inEffectFor(id, { on: filter.inForceOn, mode: 'IN_FORCE' }));
  if (filter.appliedOn) conditions.push(inEffectFor(id, { on: filter.appliedOn, mode: 'APPLIED' }));
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
