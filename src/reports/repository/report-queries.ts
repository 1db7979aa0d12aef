import { EntityManager, Knex } from '@mikro-orm/knex';
import { visibleAgreement } from '../../agreements/repository/agreement-visibility';
import { rowsOf } from '../../common/sql';
import { boundAtSomeTime, signedOnly } from '../../bindings/repository/binding.conditions';
import { standingFactsOf } from '../../bindings/repository/binding.repository';
import { AgreementStatus, DatePrecision } from '../../agreements/agreement.enums';
import { AnnotationStatus, BindingForce } from '../../annotations/annotation.enums';
import { ConventionStatusKind, PartyKind } from '../../parties/party.enums';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { partyListsByStanding, statusOn } from '../../bindings/binding';
import { today } from '../../common/dates';
import { citedChapters } from '../../provisions/cited-chapters';
import {
  AgreementFacts,
  AnnotationFact,
  BoundPartyFacts,
  PartyFacts,
  SuspendedPartyFacts,
} from '../common/report-facts';
import { sqlBool, sqlNumber, sqlString, sqlStringArray } from './sql-values';
import { RecordCompleteness, recordsOfRows } from '../../agreements/record-completeness';
import { provisionCountOf, provisionLocationsOf } from '../../provisions/repository/provision.conditions';

/**
 * The few statements every report is built from. Each loads one kind of fact for a whole set of agreements,
 * so a report costs the same handful of statements for 2 agreements or 400. The reports' services say which
 * agreements they want (an AgreementScope) and never write SQL: the statements of reports live in this folder.
 */
export type Row = Record<string, unknown>;

/** A statement built with MikroORM's Knex (which quotes names and places parameters for the engine). */
export type Statement = Knex.QueryBuilder;

/** Knex, to build a statement on `em`'s connection. */
export const sql = (em: EntityManager): Knex => em.getKnex();

/** Runs a built statement on `em`'s connection (reads, outside any transaction, as MikroORM's reads). */
export const run = (em: EntityManager, statement: Statement): Promise<Row[]> => rowsOf<Row>(em, statement);

/** Which agreements a report reads: every given criterion holds (none given: all). */
export interface AgreementScope {
  ids?: readonly number[];
  slugs?: readonly string[];
  /** Only agreements with a signature date. */
  signed?: boolean;
  /** Signed on or after this date (YYYY-MM-DD). */
  signedFrom?: string | null;
  /** Signed on or before this date (YYYY-MM-DD). */
  signedTo?: string | null;
}

/** Narrows `statement` to the agreements (alias `ag`) in `scope`. */
export function inScope(statement: Statement, scope: AgreementScope): Statement {
  if (scope.ids) statement.whereIn('ag.id', [...scope.ids]);
  if (scope.slugs) statement.whereIn('ag.slug', [...scope.slugs]);
  if (scope.signed) statement.whereNotNull('ag.date_signed');
  if (scope.signedFrom) statement.where('ag.date_signed', '>=', scope.signedFrom);
  if (scope.signedTo) statement.where('ag.date_signed', '<=', scope.signedTo);
  return statement;
}

/** The agreements (alias `ag`) a report reads: in `scope`, archived ones and those an import is writing left out. */
export const liveInScope = (statement: Statement, scope: AgreementScope): Statement =>
  inScope(statement.whereNull('ag.archived_at').where(visibleAgreement('ag')), scope);

export const PARTY_COLUMNS = [
  'p.code',
  'p.name',
  'p.kind',
  'p.region',
  'p.developing',
  'p.convention_status_kind',
  'p.convention_in_force',
  'p.convention_deposit_year',
  'p.convention_as_of',
];

export function partyFromRow(row: Row): PartyFacts {
  return {
    code: String(row.code),
    name: String(row.name),
    kind: row.kind as PartyKind,
    region: sqlString(row.region),
    developing: sqlBool(row.developing),
    conventionStatus: row.convention_status_kind as ConventionStatusKind,
    conventionInForce: sqlString(row.convention_in_force),
    conventionAsOf: sqlString(row.convention_as_of),
    conventionDepositYear:
      row.convention_deposit_year == null ? null : sqlNumber(row.convention_deposit_year),
  };
}

/**
 * Joins to the rows of `agreement_binding as b` their party's row of the agreement (`agreement_party as ap`), whose
 * side `sidedPartyFromRow` reads (select `ap.side`).
 */
export function joinPartySide(statement: Statement): void {
  statement.leftJoin('agreement_party as ap', (on) =>
    on.on('ap.agreement_id', 'b.agreement_id').andOn('ap.party_code', 'b.party_code'),
  );
}

/** `partyFromRow` of a row of an agreement's parties, with the side of it the party is of where recorded. */
export function sidedPartyFromRow(row: Row): PartyFacts {
  const side = sqlString(row.side);
  return side === null ? partyFromRow(row) : { ...partyFromRow(row), side };
}

export async function loadParty(em: EntityManager, code: string): Promise<PartyFacts | null> {
  const rows = await run(em, sql(em).select(PARTY_COLUMNS).from('party as p').where('p.code', code));
  return rows.length ? partyFromRow(rows[0]) : null;
}

export const AGREEMENT_COLUMNS = [
  'ag.id',
  'ag.slug',
  'ag.title',
  'ag.short_title',
  'ag.status',
  'ag.date_signed',
  'ag.date_provisionally_applied',
  'ag.date_in_force',
  'ag.date_terminated',
];

export function agreementFromRow(row: Row): AgreementFacts {
  const recordedStatus = String(row.status);
  return {
    id: sqlNumber(row.id),
    slug: String(row.slug),
    title: String(row.title),
    shortTitle: sqlString(row.short_title),
    // Its status today (`statusOn`): one recorded in force whose termination has passed is terminated. The bindings
    // read the status as recorded.
    status: statusOn(
      { status: recordedStatus, dateTerminated: sqlString(row.date_terminated) },
      today(),
    ) as AgreementStatus,
    recordedStatus,
    dateSigned: sqlString(row.date_signed),
    dateProvisionallyApplied: sqlString(row.date_provisionally_applied),
    dateInForce: sqlString(row.date_in_force),
    dateTerminated: sqlString(row.date_terminated),
  };
}

/** The agreements in scope (archived ones left out), by signature date then slug. */
export async function loadAgreements(em: EntityManager, scope: AgreementScope): Promise<AgreementFacts[]> {
  const rows = await run(
    em,
    liveInScope(sql(em).select(AGREEMENT_COLUMNS).from('agreement as ag'), scope).orderBy([
      'ag.date_signed',
      'ag.slug',
    ]),
  );
  return rows.map(agreementFromRow);
}

/**
 * Whether an agreement's status is ToTA's, the WTO card's as ToTA copied it in 2017 (origin `tota`), not re-checked
 * since: an end after 2017 is not seen. The coherence report and the comparison say so.
 */
export const statusOf2017 = (row: Row): boolean => sqlString(row.origin) === 'tota';

/**
 * The agreements in scope as `loadAgreements` gives them, each with what the catalogue holds of it (`recordsOfRows`,
 * the rule the coherence report and the draft checker read), in the same statement (one more, for the full texts
 * that lack a part only): an empty cell of a record held in part says nothing of the parts not held.
 */
export async function loadAgreementsWithRecords(
  em: EntityManager,
  scope: AgreementScope,
): Promise<(AgreementFacts & { record: RecordCompleteness; statusOf2017: boolean })[]> {
  const knex = sql(em);
  const rows = await run(
    em,
    liveInScope(
      knex
        .select(
          ...AGREEMENT_COLUMNS,
          'ag.record_coverage',
          'ag.record_parts',
          'ag.origin',
          provisionCountOf(knex, 'ag.id'),
        )
        .from('agreement as ag'),
      scope,
    ).orderBy(['ag.date_signed', 'ag.slug']),
  );
  const recordOf = await recordsOfRows(
    rows,
    (row) => sqlNumber(row.id),
    (lacking) => run(em, provisionLocationsOf(knex, lacking)),
  );
  return rows.map((row) => ({
    ...agreementFromRow(row),
    record: recordOf(row),
    statusOf2017: statusOf2017(row),
  }));
}

function byAgreement<T>(rows: Row[], value: (row: Row) => T): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const row of rows) {
    const id = sqlNumber(row.agreement_id);
    const list = map.get(id) ?? [];
    list.push(value(row));
    map.set(id, list);
  }
  return map;
}

/**
 * Every party each agreement binds, from `agreement_binding` (directly or through a bloc; territories are never
 * bound, nor is a party that signed only), partners in their own right first. A member state listed beside its bloc (a mixed agreement) is bound in
 * its own right but is no separate partner: its binding's `via` names the bloc (computeBindings, the one rule).
 */
export async function loadBoundPartiesOf(
  em: EntityManager,
  ids: number[],
  day: string,
): Promise<{ bound: Map<number, BoundPartyFacts[]>; suspended: Map<number, SuspendedPartyFacts[]> }> {
  const { bound, suspended } = await loadPartiesOf(em, ids, day, false);
  return { bound, suspended };
}

/**
 * The same, and in the same statement the parties each agreement binds on no date because they signed only
 * (`signedOnly`: the TPP's twelve, never in force; Haiti of the EU-CARIFORUM EPA), in their own right (no `via`),
 * by code: never parties it binds, but what a reader looking for its signatories must be told of (the comparison).
 * A party whose rights and obligations are suspended on `day` (the reports that ask no date give today:
 * `suspendedOn`, Venezuela in MERCOSUR since 2017-08-05) is not among those bound: named apart in `suspended`
 * (in its own right, with the day its suspension began), and a member bound through it is left out with it: each
 * row's place is `partyListsByStanding`, which the exports' party columns read too (GraphQL `AgreementParty.standing`
 * places each row by the same `partyStanding`).
 */
export async function loadPartiesOf(
  em: EntityManager,
  ids: number[],
  day: string,
  withSignatoriesOnly = true,
): Promise<{
  bound: Map<number, BoundPartyFacts[]>;
  signatoriesOnly: Map<number, PartyFacts[]>;
  suspended: Map<number, SuspendedPartyFacts[]>;
}> {
  if (!ids.length) return { bound: new Map(), signatoriesOnly: new Map(), suspended: new Map() };
  const rows = await run(
    em,
    sql(em)
      .select(
        'b.agreement_id',
        'b.via',
        'b.applied_from',
        'b.in_force_from',
        'b.until',
        'b.in_force_inferred',
        'b.agreement_first_dates',
        'b.start_at_latest',
        'b.signatory_only',
        'b.suspended_from',
        'b.suspended_until',
        'ap.side',
        ...PARTY_COLUMNS,
      )
      .from('agreement_binding as b')
      .join('party as p', 'p.code', 'b.party_code')
      .modify(joinPartySide)
      .whereIn('b.agreement_id', ids)
      .where((which) => {
        which.where(boundAtSomeTime());
        if (withSignatoriesOnly) which.orWhere((signed) => signed.where(signedOnly()).whereNull('b.via'));
      })
      .orderBy(['b.agreement_id', 'p.code']),
  );
  // Sorted by the one rule (`partyListsByStanding`): parties in their own right, then the members bound through a
  // bloc, each in code order (the statement's).
  const lists = partyListsByStanding(rows, standingFactsOf, day);
  return {
    bound: byAgreement(lists.bound, (row): BoundPartyFacts => ({
      party: sidedPartyFromRow(row),
      via: sqlString(row.via),
      appliedFrom: sqlString(row.applied_from),
      inForceFrom: sqlString(row.in_force_from),
      until: sqlString(row.until),
      inForceInferred: sqlBool(row.in_force_inferred) === true,
      agreementFirstDates: sqlBool(row.agreement_first_dates) === true,
      appliedFromPrecision:
        sqlBool(row.start_at_latest) === true ? DatePrecision.AT_LATEST : DatePrecision.EXACT,
    })),
    signatoriesOnly: byAgreement(lists.SIGNATORY_ONLY, partyFromRow),
    suspended: byAgreement(lists.SUSPENDED, (row): SuspendedPartyFacts => ({
      party: sidedPartyFromRow(row),
      since: sqlString(row.suspended_from)!,
    })),
  };
}

export async function loadTypesOf(em: EntityManager, ids: number[]): Promise<Map<number, string[]>> {
  if (!ids.length) return new Map();
  const rows = await run(
    em,
    sql(em).select('at.agreement_id', 'at.type').from('agreement_type as at').whereIn('at.agreement_id', ids),
  );
  return byAgreement(rows, (row) => String(row.type));
}

/** The chapter the label of each provision names (`citedChapters`), read once for a report's agreements. */
export type CitedChapters = Awaited<ReturnType<typeof citedChapters>>;

/**
 * The annotations on agreements in `scope` (archived agreements left out) with one of `statuses` (and one of
 * `codes`, when given), every one (two of one code on a provision may cover different parties: each report
 * chooses with `onePerProvision`), in agreement and provision order.
 */
export async function loadAnnotations(
  em: EntityManager,
  agreements: AgreementScope,
  statuses: AnnotationStatus[],
  codes?: readonly TaxonomyCodeId[],
  cited?: CitedChapters,
): Promise<AnnotationFact[]> {
  if (!statuses.length || (codes && !codes.length)) return [];
  const statement = liveInScope(
    sql(em)
      .select(
        'p.agreement_id',
        'ag.slug',
        'p.key',
        'p.position',
        'p.article_number',
        'p.article_title',
        'p.language',
        'p.chapter_number',
        'p.chapter_title',
        'a.code',
        'a.detail',
        'a.binding_force',
        'a.status',
        'a.party_scope',
      )
      .from('annotation as a')
      .join('provision as p', 'p.id', 'a.provision_id')
      .join('agreement as ag', 'ag.id', 'p.agreement_id'),
    agreements,
  )
    .whereIn('a.status', statuses)
    .orderBy(['p.agreement_id', 'p.position', 'p.key', 'a.code', 'a.id']);
  if (codes) statement.whereIn('a.code', [...codes]);
  const rows = await run(em, statement);
  // The chapter each label names where the agreement numbers its articles per chapter ("Ch. 11, Art. 1").
  const chapterOf =
    cited ?? (await citedChapters(em, [...new Set(rows.map((r) => sqlNumber(r.agreement_id)))]));
  return rows.map((row): AnnotationFact => ({
    agreementId: sqlNumber(row.agreement_id),
    agreementSlug: String(row.slug),
    key: String(row.key),
    position: sqlNumber(row.position),
    articleNumber: sqlString(row.article_number),
    articleTitle: sqlString(row.article_title),
    chapter: chapterOf(row),
    code: row.code as TaxonomyCodeId,
    detail: sqlStringArray(row.detail),
    bindingForce: (row.binding_force as BindingForce | null) ?? null,
    status: row.status as AnnotationStatus,
    partyScope: row.party_scope == null ? null : sqlStringArray(row.party_scope),
  }));
}

export function loadAnnotationsOf(
  em: EntityManager,
  ids: number[],
  statuses: AnnotationStatus[],
  codes?: readonly TaxonomyCodeId[],
  cited?: CitedChapters,
): Promise<AnnotationFact[]> {
  if (!ids.length) return Promise.resolve([]);
  return loadAnnotations(em, { ids }, statuses, codes, cited);
}
