import { EntityManager } from '@mikro-orm/knex';
import { visibleAgreement } from '../../agreements/repository/agreement-visibility';
import { provisionCountOf, provisionLocationsOf } from '../../provisions/repository/provision.conditions';
import { RecordCompleteness, recordsOfRows } from '../../agreements/record-completeness';
import { Binding, BlocMembershipFact } from '../../bindings/binding';
import { standingFactsOf } from '../../bindings/repository/binding.repository';
import { AgreementFacts, PartyFacts } from '../common/report-facts';
import { ChapterFact } from '../coherence/coherence-facts';
import type { CitedChapters } from './report-queries';
import {
  AGREEMENT_COLUMNS,
  agreementFromRow,
  PARTY_COLUMNS,
  joinPartySide,
  sidedPartyFromRow,
  run,
  sql,
  statusOf2017,
} from './report-queries';
import { sqlBool, sqlNumber, sqlString } from './sql-values';

/** The statements of the coherence report beyond those every report shares (report-queries.ts). */

export type PartyAgreement = AgreementFacts & {
  binding: Binding;
  record: RecordCompleteness;
  /** The status is ToTA's, the WTO card's as ToTA copied it in 2017 (origin `tota`): an end since is not seen. */
  statusOf2017: boolean;
  /**
   * The party's own role in the agreement (its row among the agreement's parties): ACCEDED for a party that joined
   * after the signature (Korea, DEPA, 2024); null when it is bound through a bloc and not listed itself.
   */
  role: 'ORIGINAL' | 'ACCEDED' | null;
  /** For a party bound through a bloc (`binding.via`), the bloc's own role in the agreement; else null. */
  blocRole: 'ORIGINAL' | 'ACCEDED' | null;
  /**
   * Where the suspension the binding holds is recorded (`AgreementParty.suspensionSource` of the row it comes from:
   * the party's own, or its bloc's for a member bound through it), as the agreement page shows it; null without one.
   */
  suspensionSource: string | null;
};

const BINDING_COLUMNS = [
  'b.via',
  'b.applied_from',
  'b.in_force_from',
  'b.until',
  'b.in_force_inferred',
  'b.signatory_only',
  'b.agreement_first_dates',
  'b.start_at_latest',
  'b.suspended_from',
  'b.suspended_until',
];

const bindingFromRow = (row: Record<string, unknown>, agreementId: number, partyCode: string): Binding => ({
  agreementId,
  partyCode,
  ...standingFactsOf(row),
  appliedFrom: sqlString(row.applied_from),
  inForceFrom: sqlString(row.in_force_from),
  until: sqlString(row.until),
  inForceInferred: sqlBool(row.in_force_inferred) === true,
  agreementFirstDates: sqlBool(row.agreement_first_dates) === true,
  startAtLatest: sqlBool(row.start_at_latest) === true,
});

const ownRole = (role: string | null): PartyAgreement['role'] =>
  role === 'ACCEDED' ? 'ACCEDED' : role === null ? null : 'ORIGINAL';

/**
 * The party's agreements as agreement_binding records them (directly or through a bloc; the one rule lives in
 * src/bindings/binding.ts), with the dates the binding holds between.
 */
export async function partyAgreements(em: EntityManager, code: string): Promise<PartyAgreement[]> {
  const knex = sql(em);
  const provisions = provisionCountOf(knex, 'ag.id');
  const rows = await run(
    em,
    knex
      .select(
        ...AGREEMENT_COLUMNS,
        ...BINDING_COLUMNS,
        'ag.record_coverage',
        'ag.record_parts',
        'ag.origin',
        'own.role as own_role',
        'susp.suspension_source',
        'susp.role as via_role',
        provisions,
      )
      .from('agreement as ag')
      .join('agreement_binding as b', 'b.agreement_id', 'ag.id')
      .leftJoin('agreement_party as own', (on) =>
        on.on('own.agreement_id', '=', 'ag.id').andOn('own.party_code', '=', 'b.party_code'),
      )
      // The row the binding's suspension comes from (computeBindings: the party's own, or its bloc's).
      .leftJoin('agreement_party as susp', (on) =>
        on
          .on('susp.agreement_id', '=', 'ag.id')
          .andOn((side) =>
            side
              .on('susp.party_code', '=', 'b.via')
              .orOn((own) => own.onNull('b.via').andOn('susp.party_code', '=', 'b.party_code')),
          ),
      )
      .where('b.party_code', code)
      .whereNull('ag.archived_at')
      .where(visibleAgreement('ag'))
      .orderBy(['ag.date_signed', 'ag.slug']),
  );
  const recordOf = await recordsOfRows(
    rows,
    (row) => Number(row.id),
    (ids) => run(em, provisionLocationsOf(knex, ids)),
  );
  return rows.map((row) => {
    const facts = agreementFromRow(row);
    return {
      ...facts,
      binding: bindingFromRow(row, facts.id, code),
      record: recordOf(row),
      statusOf2017: statusOf2017(row),
      role: ownRole(sqlString(row.own_role)),
      blocRole: sqlString(row.via) === null ? null : ownRole(sqlString(row.via_role)),
      suspensionSource: sqlString(row.suspension_source),
    };
  });
}

/**
 * The parties each agreement binds directly (not through a bloc), at any date, by party code, with their role (as
 * `partyAgreements` reads the party's own): the partners are read from these. The members of a bloc bound through it
 * (the EU's agreements: 2,000 rows of 2,200) are left out in SQL.
 */
export async function directBindingsOf(
  em: EntityManager,
  ids: number[],
): Promise<{ binding: Binding; party: PartyFacts; role: PartyAgreement['role'] }[]> {
  if (!ids.length) return [];
  const rows = await run(
    em,
    sql(em)
      .select('b.agreement_id', 'b.party_code', ...BINDING_COLUMNS, 'ap.side', 'ap.role', ...PARTY_COLUMNS)
      .from('agreement_binding as b')
      .join('party as p', 'p.code', 'b.party_code')
      .modify(joinPartySide)
      .whereIn('b.agreement_id', ids)
      .whereNull('b.via')
      .orderBy('p.code'),
  );
  return rows.map((row) => ({
    binding: bindingFromRow(row, sqlNumber(row.agreement_id), String(row.party_code)),
    party: sidedPartyFromRow(row),
    role: ownRole(sqlString(row.role)),
  }));
}

/**
 * The distinct chapter titles of the agreements (on SQLite from the index on agreement and chapter title, without
 * reading the provisions' rows and their texts).
 */
export async function chapterTitlesOf(em: EntityManager, ids: number[]): Promise<string[]> {
  if (!ids.length) return [];
  const rows = await run(
    em,
    sql(em)
      .distinct('p.chapter_title')
      .from('provision as p')
      .whereIn('p.agreement_id', ids)
      .whereNotNull('p.chapter_title'),
  );
  return rows.map((row) => String(row.chapter_title));
}

/** The articles of the agreements in chapters with these titles, in agreement and provision order. */
export async function articlesInChapters(
  em: EntityManager,
  ids: number[],
  titles: string[],
  cited: CitedChapters,
): Promise<ChapterFact[]> {
  // Asked even with no title (matching nothing): the report runs the same statements for any party.
  const rows = await run(
    em,
    sql(em)
      .select(
        'p.agreement_id',
        'ag.slug',
        'p.chapter_number',
        'p.chapter_title',
        'p.key',
        'p.article_number',
        'p.article_title',
        'p.language',
      )
      .from('provision as p')
      .join('agreement as ag', 'ag.id', 'p.agreement_id')
      .whereIn('p.agreement_id', ids)
      .whereIn('p.chapter_title', titles)
      .orderBy(['p.agreement_id', 'p.position', 'p.key']),
  );
  return rows.map((row) => ({
    agreementId: sqlNumber(row.agreement_id),
    agreementSlug: String(row.slug),
    chapterNumber: sqlString(row.chapter_number),
    chapterTitle: String(row.chapter_title),
    key: String(row.key),
    articleNumber: sqlString(row.article_number),
    articleTitle: sqlString(row.article_title),
    chapter: cited(row),
  }));
}

/** Every bloc membership, with its dates (a member at any time). */
export async function blocMemberships(em: EntityManager): Promise<BlocMembershipFact[]> {
  const rows = await run(
    em,
    sql(em)
      .select('bloc_code', 'member_code', 'date_joined', 'date_left', 'date_bound_until')
      .from('bloc_membership'),
  );
  return rows.map((row) => ({
    bloc: String(row.bloc_code),
    member: String(row.member_code),
    dateJoined: sqlString(row.date_joined),
    dateLeft: sqlString(row.date_left),
    dateBoundUntil: sqlString(row.date_bound_until),
  }));
}

/** Bloc -> its members (at any time), from `blocMemberships`. */
export function blocMembers(memberships: readonly BlocMembershipFact[]): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const m of memberships) {
    const set = map.get(m.bloc) ?? new Set<string>();
    set.add(m.member);
    map.set(m.bloc, set);
  }
  return map;
}
