import { EntityManager } from '@mikro-orm/knex';
import { visibleAgreement } from '../../agreements/repository/agreement-visibility';
import { boundAtSomeTime } from '../../bindings/repository/binding.conditions';
import { provisionCountOf, provisionLocationsOf } from '../../provisions/repository/provision.conditions';
import { orderNullsLast, rowsInTransaction, selectAnyEquals } from '../../common/sql';
import { AnnotationStatus } from '../../annotations/annotation.enums';
import { RecordCompleteness, recordsOfRows } from '../../agreements/record-completeness';
import { joinPartySide } from '../../reports/repository/report-queries';
import { sqlString, sqlStringArray } from '../../reports/repository/sql-values';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';

/** The statements of the draft checker: they only read. */

export interface DraftPartyRow {
  code: string;
  name: string;
  kind: string;
  developing: number | boolean | null;
  convention_status_kind: string;
  convention_in_force: string | null;
  convention_deposit_year: number | null;
}

/** The rows of the parties with these codes (unknown codes have none). */
export function partiesWithCodes(em: EntityManager, codes: readonly string[]): Promise<DraftPartyRow[]> {
  return rowsInTransaction<DraftPartyRow>(
    em,
    em
      .getKnex()
      .select(
        'code',
        'name',
        'kind',
        'developing',
        'convention_status_kind',
        'convention_in_force',
        'convention_deposit_year',
      )
      .from('party')
      .whereIn('code', [...codes]),
  );
}

/**
 * Every partner of each live agreement one of these parties is a partner of, with the agreement's signature date
 * and what the catalogue holds of it (`record`: an absence in excerpts proves nothing): one row per agreement and
 * partner. Partners are the parties an agreement binds in their own right (`agreement_binding` with no `via`, as
 * computeBindings decides): no territory, no member state bound through its bloc or listed beside it, and no party
 * that signed only (`boundAtSomeTime`: Haiti's practice is not the EU-CARIFORUM EPA, which it does not apply).
 */
export async function partnerAgreementsOf(
  em: EntityManager,
  codes: readonly string[],
): Promise<
  {
    agreementId: number;
    partyCode: string;
    /** The side of the agreement the party is of, where recorded (`sameSide`). */
    side: string | null;
    dateSigned: string | null;
    record: RecordCompleteness;
  }[]
> {
  const knex = em.getKnex();
  const theirs = knex
    .select('agreement_id')
    .from('agreement_binding')
    .whereIn('party_code', [...codes])
    .whereNull('via')
    .where(boundAtSomeTime('agreement_binding'));
  const provisions = provisionCountOf(knex, 'a.id');
  const rows = await rowsInTransaction<Record<string, unknown>>(
    em,
    knex
      .select(
        'b.agreement_id',
        'b.party_code',
        'ap.side',
        'a.date_signed',
        'a.record_coverage',
        'a.record_parts',
        provisions,
      )
      .from('agreement_binding as b')
      .join('agreement as a', 'a.id', 'b.agreement_id')
      .modify(joinPartySide)
      .whereNull('a.archived_at')
      .where(visibleAgreement('a'))
      .whereNull('b.via')
      .where(boundAtSomeTime('b'))
      .whereIn('b.agreement_id', theirs),
  );
  const recordOf = await recordsOfRows(
    rows,
    (row) => Number(row.agreement_id),
    (ids) => rowsInTransaction(em, provisionLocationsOf(knex, ids)),
  );
  return rows.map((row) => ({
    agreementId: Number(row.agreement_id),
    partyCode: String(row.party_code),
    side: sqlString(row.side),
    dateSigned: sqlString(row.date_signed),
    record: recordOf(row),
  }));
}

/**
 * The blocs through which each of these parties is bound by agreements it is no partner of (a member state bound by,
 * or listed beside, its bloc's agreements: `agreement_binding.via`), as [party, bloc] pairs.
 */
export async function blocsBindingThrough(
  em: EntityManager,
  codes: readonly string[],
): Promise<{ party: string; bloc: string }[]> {
  const rows = await rowsInTransaction<{ party_code: string; via: string }>(
    em,
    em
      .getKnex()
      .distinct('b.party_code', 'b.via')
      .from('agreement_binding as b')
      .join('agreement as a', 'a.id', 'b.agreement_id')
      .modify(joinPartySide)
      .whereNull('a.archived_at')
      .where(visibleAgreement('a'))
      .whereIn('b.party_code', [...codes])
      .whereNotNull('b.via')
      .where(boundAtSomeTime('b'))
      .orderBy(['b.party_code', 'b.via']),
  );
  return rows.map((row) => ({ party: String(row.party_code), bloc: String(row.via) }));
}

/**
 * The distinct (agreement, code, status, parties covered) of the annotations (not rejected) of these agreements;
 * `partyScope` null when the annotation names no parties (it covers them all).
 */
export async function annotatedCodesOf(
  em: EntityManager,
  agreementIds: readonly number[],
): Promise<{ agreementId: number; code: string; status: string; partyScope: string[] | null }[]> {
  const rows = await rowsInTransaction<Record<string, unknown>>(
    em,
    em
      .getKnex()
      .distinct('p.agreement_id', 'an.code', 'an.status', 'an.party_scope')
      .from('annotation as an')
      .join('provision as p', 'p.id', 'an.provision_id')
      .whereNot('an.status', AnnotationStatus.REJECTED)
      .whereIn('p.agreement_id', [...agreementIds]),
  );
  return rows.map((row) => ({
    agreementId: Number(row.agreement_id),
    code: String(row.code),
    status: String(row.status),
    partyScope: row.party_scope == null ? null : sqlStringArray(row.party_scope),
  }));
}

/**
 * At most `limit` provisions of live agreements annotated (not rejected) with one of `codes`, in these agreements
 * only when given, with their agreement and language and whether a reviewer has accepted one of those annotations
 * (`reviewed`; else they are proposals): the reviewed ones first, then the most recently signed, an agreement with
 * no date of signature last (ties by id).
 */
export async function latestAnnotatedProvisions(
  em: EntityManager,
  codes: readonly TaxonomyCodeId[],
  agreementIds: readonly number[] | null,
  limit: number,
): Promise<{ id: number; agreementId: number; language: string | null; reviewed: boolean }[]> {
  const statement = em
    .getKnex()
    .select('p.id', 'p.agreement_id', 'p.language')
    .modify(selectAnyEquals, 'reviewed', 'an.status', AnnotationStatus.ACCEPTED)
    .from('annotation as an')
    .join('provision as p', 'p.id', 'an.provision_id')
    .join('agreement as a', 'a.id', 'p.agreement_id')
    .whereNot('an.status', AnnotationStatus.REJECTED)
    .whereIn('an.code', [...codes])
    .whereNull('a.archived_at')
    .where(visibleAgreement('a'))
    .groupBy('p.id', 'p.agreement_id', 'p.language')
    .modify(orderNullsLast, [
      { column: 'reviewed', direction: 'desc', nullable: false },
      // An agreement with no date of signature last on both engines: PostgreSQL puts NULL first in a descending
      // order, SQLite last, so an undated agreement's clause was the first offered on one and the last on the
      // other. (Knex's own `nulls: 'last'` is `(x is null) desc` on SQLite: NULL first.)
      { column: 'a.date_signed', direction: 'desc', nullable: true, aggregate: 'max' },
      { column: 'p.id', direction: 'asc', nullable: false },
    ])
    .limit(Number(limit));
  if (agreementIds) statement.whereIn('p.agreement_id', [...agreementIds]);
  const rows = await rowsInTransaction<{
    id: number;
    agreement_id: number;
    language: string | null;
    reviewed: number | string;
  }>(em, statement);
  return rows.map((row) => ({
    id: Number(row.id),
    agreementId: Number(row.agreement_id),
    language: row.language,
    reviewed: Number(row.reviewed) === 1,
  }));
}
