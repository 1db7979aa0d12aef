import { EntityManager } from '@mikro-orm/knex';
import { RecordCoverage, RecordPart } from '../../agreements/agreement.enums';
import { RecordCompleteness, recordCompleteness } from '../../agreements/record-completeness';
import { Binding } from '../../bindings/binding';
import { inList } from '../../common/sql';
import { AgreementFacts, PartyFacts } from '../common/report-facts';
import { ChapterFact } from '../coherence/coherence-facts';
import { AGREEMENT_COLUMNS, agreementFromRow, PARTY_COLUMNS, partyFromRow, run } from './report-queries';
import { sqlBool, sqlNumber, sqlString, sqlStringArray } from './sql-values';

/** The statements of the coherence report beyond those every report shares (report-queries.ts). */

export type PartyAgreement = AgreementFacts & {
  binding: Binding;
  record: RecordCompleteness;
};

const bindingFromRow = (row: Record<string, unknown>, agreementId: number, partyCode: string): Binding => ({
  agreementId,
  partyCode,
  via: sqlString(row.via),
  appliedFrom: sqlString(row.applied_from),
  inForceFrom: sqlString(row.in_force_from),
  until: sqlString(row.until),
  inForceInferred: sqlBool(row.in_force_inferred) === true,
});

/**
 * The party's agreements as agreement_binding records them (directly or through a bloc; the one rule lives in
 * src/bindings/binding.ts), with the dates the binding holds between.
 */
const PARTY_AGREEMENTS_SQL = `
  select ${AGREEMENT_COLUMNS}, b."via", b."applied_from", b."in_force_from", b."until", b."in_force_inferred",
         ag."record_coverage", ag."record_parts", (select count(*) from provision pr where pr."agreement_id" = ag."id") as "provisions"
  from agreement ag join agreement_binding b on b."agreement_id" = ag."id"
  where b."party_code" = ? and ag."archived_at" is null
  order by ag."date_signed", ag."slug"`;

export async function partyAgreements(em: EntityManager, code: string): Promise<PartyAgreement[]> {
  const rows = await run(em, PARTY_AGREEMENTS_SQL, [code]);
  return rows.map((row) => {
    const facts = agreementFromRow(row);
    return {
      ...facts,
      binding: bindingFromRow(row, facts.id, code),
      record: recordCompleteness(
        sqlString(row.record_coverage) as RecordCoverage | null,
        sqlStringArray(row.record_parts) as RecordPart[],
        sqlNumber(row.provisions),
      ),
    };
  });
}

/**
 * The parties each agreement binds directly (not through a bloc), at any date, by party code: the partners are
 * read from these. The members of a bloc bound through it (the EU's agreements: 2,000 rows of 2,200) are left
 * out in SQL.
 */
export async function directBindingsOf(
  em: EntityManager,
  ids: number[],
): Promise<{ binding: Binding; party: PartyFacts }[]> {
  if (!ids.length) return [];
  const list = inList(ids);
  const rows = await run(
    em,
    `select b."agreement_id", b."party_code", b."via", b."applied_from", b."in_force_from", b."until", b."in_force_inferred", ${PARTY_COLUMNS}
       from agreement_binding b join party p on p."code" = b."party_code"
       where b."agreement_id" in ${list.sql} and b."via" is null order by p."code"`,
    list.params,
  );
  return rows.map((row) => ({
    binding: bindingFromRow(row, sqlNumber(row.agreement_id), String(row.party_code)),
    party: partyFromRow(row),
  }));
}

/**
 * The distinct chapter titles of the agreements (on SQLite from the index on agreement and chapter title, without
 * reading the provisions' rows and their texts).
 */
export async function chapterTitlesOf(em: EntityManager, ids: number[]): Promise<string[]> {
  if (!ids.length) return [];
  const list = inList(ids);
  const rows = await run(
    em,
    `select distinct p."chapter_title" from provision p where p."agreement_id" in ${list.sql} and p."chapter_title" is not null`,
    list.params,
  );
  return rows.map((row) => String(row.chapter_title));
}

/** The articles of the agreements in chapters with these titles, in agreement and provision order. */
export async function articlesInChapters(
  em: EntityManager,
  ids: number[],
  titles: string[],
): Promise<ChapterFact[]> {
  const list = inList(ids);
  // Asked even with no title (`in (null)` matches nothing): the report runs the same statements for any party.
  const titleList = inList(titles);
  const rows = await run(
    em,
    `select p."agreement_id", ag."slug", p."chapter_number", p."chapter_title", p."key", p."article_number", p."article_title"
     from provision p join agreement ag on ag."id" = p."agreement_id"
     where p."agreement_id" in ${list.sql} and p."chapter_title" in ${titleList.sql}
     order by p."agreement_id", p."position", p."key"`,
    [...list.params, ...titleList.params],
  );
  return rows.map((row) => ({
    agreementId: sqlNumber(row.agreement_id),
    agreementSlug: String(row.slug),
    chapterNumber: sqlString(row.chapter_number),
    chapterTitle: String(row.chapter_title),
    key: String(row.key),
    articleNumber: sqlString(row.article_number),
    articleTitle: sqlString(row.article_title),
  }));
}

/** Bloc -> its members (at any time). */
export async function blocMembers(em: EntityManager): Promise<Map<string, Set<string>>> {
  const rows = await run(em, `select "bloc_code", "member_code" from bloc_membership`);
  const map = new Map<string, Set<string>>();
  for (const row of rows) {
    const set = map.get(String(row.bloc_code)) ?? new Set<string>();
    set.add(String(row.member_code));
    map.set(String(row.bloc_code), set);
  }
  return map;
}
