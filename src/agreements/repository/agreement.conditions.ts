import { annotationMatch } from '../../annotations/repository/annotation.conditions';
import {
  BoundWhen,
  bindingInEffect,
  boundByAny,
  inEffectFor,
} from '../../bindings/repository/binding.conditions';
import { BadUserInputError } from '../../common/errors';
import { today } from '../../common/dates';
import { AgreementStatus } from '../agreement.enums';
import { KeysetColumn } from '../../common/pagination/keyset';
import { MatchMode, SortDirection } from '../../common/sort-direction.enum';
import { checkContainsText, containsText, Where } from '../../common/sql';
import { partyWhere } from '../../parties/repository/party.conditions';
import { visibleAgreement } from './agreement-visibility';
import { AgreementFilter } from '../dto/agreement-filter.input';
import { AgreementOrder, AgreementOrderField } from '../dto/agreement-order.input';

function checkFilter(filter: AgreementFilter, path: string): void {
  checkContainsText(`${path}.titleContains`, filter.titleContains);
  checkContainsText(`${path}.partyWith.nameContains`, filter.partyWith?.nameContains);
  if (filter.signedFrom && filter.signedTo && filter.signedFrom > filter.signedTo) {
    throw new BadUserInputError(`${path}.signedTo`, `is before signedFrom (${filter.signedFrom})`);
  }
}

/** With a date filter, the parties asked for (`parties`, `partyWith`) must themselves be bound on that date. */
export function partiesBoundWhen(filter: AgreementFilter | null | undefined): BoundWhen {
  if (filter?.inForceOn) return { on: filter.inForceOn, mode: 'IN_FORCE' };
  if (filter?.appliedOn) return { on: filter.appliedOn, mode: 'APPLIED' };
  return {};
}

/**
 * The conditions of an AgreementFilter on the `agreement` table under `alias` (archived agreements left out
 * unless the filter includes them; agreements an import is still writing always, `agreement-visibility.ts`). Checks the filter first: BAD_USER_INPUT at `path` for a bad one.
 */
export function agreementWhere(
  filter: AgreementFilter | null | undefined,
  alias = 'a',
  path = 'filter',
): Where {
  if (filter) checkFilter(filter, path);
  const c = (column: string) => `${alias}.${column}`;
  const id = c('id');
  return (qb) => {
    qb.where(visibleAgreement(alias));
    if (!filter?.includeArchived) qb.whereNull(c('archived_at'));
    if (!filter) return;
    const when = partiesBoundWhen(filter);
    if (filter.parties?.length) {
      if (filter.partiesMatch === MatchMode.ALL)
        for (const party of filter.parties) qb.where(boundByAny(id, [party], when));
      else qb.where(boundByAny(id, filter.parties, when));
    }
    const partyWith = filter.partyWith;
    if (partyWith) {
      qb.whereIn(id, (sub) =>
        sub
          .select('wb.agreement_id')
          .from('agreement_binding as wb')
          .join('party as wp', 'wp.code', 'wb.party_code')
          .whereNull('wb.via')
          .where(partyWhere(partyWith, 'wp'))
          .where(bindingInEffect(when, 'wb')),
      );
    }
    if (filter.kinds?.length) qb.whereIn(c('kind'), filter.kinds);
    // The status today (`statusOn`): an agreement recorded in force whose termination has passed is TERMINATED.
    if (filter.statuses?.length) {
      const now = today();
      const others = filter.statuses.filter((x) => x !== AgreementStatus.TERMINATED);
      const terminated = filter.statuses.includes(AgreementStatus.TERMINATED);
      qb.where((any) => {
        if (others.length)
          any.orWhere((q) =>
            q
              .whereIn(c('status'), others)
              .andWhere((end) => end.whereNull(c('date_terminated')).orWhere(c('date_terminated'), '>', now)),
          );
        if (terminated)
          any
            .orWhere(c('status'), AgreementStatus.TERMINATED)
            .orWhere((q) => q.whereNotNull(c('date_terminated')).andWhere(c('date_terminated'), '<=', now));
      });
    }
    const types = filter.types;
    if (types?.length) {
      qb.whereIn(id, (sub) =>
        sub.select('at.agreement_id').from('agreement_type as at').whereIn('at.type', types),
      );
    }
    if (filter.signedFrom) qb.where(c('date_signed'), '>=', filter.signedFrom);
    if (filter.signedTo) qb.where(c('date_signed'), '<=', filter.signedTo);
    if (filter.inForceOn) qb.where(inEffectFor(id, { on: filter.inForceOn, mode: 'IN_FORCE' }));
    if (filter.appliedOn) qb.where(inEffectFor(id, { on: filter.appliedOn, mode: 'APPLIED' }));
    qb.where(annotationMatch(filter.annotations, id, 'agreement'));
    // ISO 639-1 codes are stored in lower case; a client's ES means es (as the downloads read it).
    if (filter.languages?.length)
      qb.whereIn(
        c('language'),
        filter.languages.map((l) => l.toLowerCase()),
      );
    if (filter.titleContains) qb.where(containsText([c('title'), c('short_title')], filter.titleContains));
    if (filter.slugs?.length) qb.whereIn(c('slug'), filter.slugs);
  };
}

// Dates are text (YYYY-MM-DD).
const ORDER_COLUMNS: Record<AgreementOrderField, { column: string; nullable: boolean }> = {
  [AgreementOrderField.DATE_SIGNED]: { column: 'date_signed', nullable: true },
  [AgreementOrderField.DATE_IN_FORCE]: { column: 'date_in_force', nullable: true },
  [AgreementOrderField.TITLE]: { column: 'title', nullable: false },
  [AgreementOrderField.SLUG]: { column: 'slug', nullable: false },
};

export function agreementOrder(order: AgreementOrder | null | undefined, alias = 'a'): KeysetColumn[] {
  const field = order?.field ?? AgreementOrderField.DATE_SIGNED;
  const direction = order?.direction ?? SortDirection.ASC;
  const { column, nullable } = ORDER_COLUMNS[field];
  return [
    { column: `${alias}.${column}`, direction, nullable, type: 'text' },
    { column: `${alias}.id`, direction, nullable: false, type: 'integer' },
  ];
}
