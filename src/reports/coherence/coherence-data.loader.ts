import { EntityManager } from '@mikro-orm/knex';
import { AnnotationStatus } from '../../annotations/annotation.enums';
import { inList } from '../../common/sql';
import { AgreementFacts, AnnotationFact, PartyFacts } from '../common/report-facts';
import {
  AGREEMENT_COLUMNS,
  agreementFromRow,
  groupByAgreement,
  loadAnnotationsOf,
  PARTY_COLUMNS,
  partyFromRow,
  loadParty,
  loadTypesOf,
} from '../common/report-queries';
import { sqlBool, sqlNumber, sqlString, sqlStringArray } from '../common/sql-values';
import { ChapterFact, CoherenceAgreementFacts, CoherenceInput } from './coherence-facts';
import { isServicesObligation, isServicesOrInvestmentChapter } from './services-chapters';
import { Binding, isBoundOn } from '../../bindings/binding';
import { RecordCoverage, RecordPart } from '../../agreements/agreement.enums';
import { RecordCompleteness, recordCompleteness } from '../../agreements/record-completeness';

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

type PartyAgreement = AgreementFacts & {
  binding: Binding;
  record: RecordCompleteness;
};

async function partyAgreements(em: EntityManager, code: string): Promise<PartyAgreement[]> {
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(PARTY_AGREEMENTS_SQL, [code]);
  return rows.map((row) => {
    const facts = agreementFromRow(row);
    return {
      ...facts,
      binding: {
        agreementId: facts.id,
        partyCode: code,
        via: sqlString(row.via),
        appliedFrom: sqlString(row.applied_from),
        inForceFrom: sqlString(row.in_force_from),
        until: sqlString(row.until),
        inForceInferred: sqlBool(row.in_force_inferred) === true,
      },
      record: recordCompleteness(
        sqlString(row.record_coverage) as RecordCoverage | null,
        sqlStringArray(row.record_parts) as RecordPart[],
        sqlNumber(row.provisions),
      ),
    };
  });
}

/**
 * The parties each agreement binds directly (not through a bloc) on `date` (applied): the partners are read from
 * these. The members of a bloc bound through it (the EU's agreements: 2,000 rows of 2,200) are left out in SQL.
 */
async function directlyBoundOn(
  em: EntityManager,
  ids: number[],
  date: string,
): Promise<Map<number, { party: PartyFacts; via: string | null }[]>> {
  const map = new Map<number, { party: PartyFacts; via: string | null }[]>();
  if (!ids.length) return map;
  const list = inList(ids);
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(
    `select b."agreement_id", b."party_code", b."via", b."applied_from", b."in_force_from", b."until", b."in_force_inferred", ${PARTY_COLUMNS}
       from agreement_binding b join party p on p."code" = b."party_code"
       where b."agreement_id" in ${list.sql} and b."via" is null order by p."code"`,
    list.params,
  );
  for (const row of rows) {
    const binding: Binding = {
      agreementId: sqlNumber(row.agreement_id),
      partyCode: String(row.party_code),
      via: sqlString(row.via),
      appliedFrom: sqlString(row.applied_from),
      inForceFrom: sqlString(row.in_force_from),
      until: sqlString(row.until),
      inForceInferred: sqlBool(row.in_force_inferred) === true,
    };
    if (!isBoundOn(binding, date, 'APPLIED')) continue;
    const entry = map.get(binding.agreementId) ?? [];
    entry.push({ party: partyFromRow(row), via: binding.via });
    map.set(binding.agreementId, entry);
  }
  return map;
}

/**
 * The articles of the chapters on services, investment or establishment, read once: the first article of each
 * such chapter (where a services commitment begins) and its operative articles (national treatment, market access).
 * Two statements: the distinct chapter titles of the agreements (on SQLite from the index on agreement and chapter
 * title, without reading the provisions' rows and their texts), of which the word test keeps the services
 * chapters; then the articles of those chapters.
 */
async function servicesArticles(
  em: EntityManager,
  ids: number[],
): Promise<{ chapters: ChapterFact[]; obligations: ChapterFact[] }> {
  if (!ids.length) return { chapters: [], obligations: [] };
  const conn = em.getConnection();
  const list = inList(ids);
  const titleRows = await conn.execute<Record<string, unknown>[]>(
    `select distinct p."chapter_title" from provision p where p."agreement_id" in ${list.sql} and p."chapter_title" is not null`,
    list.params,
  );
  const titles = titleRows.map((row) => String(row.chapter_title)).filter(isServicesOrInvestmentChapter);
  // Asked even with no title (`in (null)` matches nothing): the report runs the same statements for any party.
  const titleList = inList(titles);
  const rows = await conn.execute<Record<string, unknown>[]>(
    `select p."agreement_id", ag."slug", p."chapter_number", p."chapter_title", p."key", p."article_number", p."article_title"
     from provision p join agreement ag on ag."id" = p."agreement_id"
     where p."agreement_id" in ${list.sql} and p."chapter_title" in ${titleList.sql}
     order by p."agreement_id", p."position", p."key"`,
    [...list.params, ...titleList.params],
  );
  const seen = new Set<string>();
  const chapters: ChapterFact[] = [];
  const obligations: ChapterFact[] = [];
  for (const row of rows) {
    const title = String(row.chapter_title);
    const fact: ChapterFact = {
      agreementId: sqlNumber(row.agreement_id),
      agreementSlug: String(row.slug),
      chapterNumber: sqlString(row.chapter_number),
      chapterTitle: title,
      key: String(row.key),
      articleNumber: sqlString(row.article_number),
      articleTitle: sqlString(row.article_title),
    };
    const chapter = `${fact.agreementId}\u0000${title}`;
    if (!seen.has(chapter)) {
      seen.add(chapter);
      chapters.push(fact);
    }
    if (isServicesObligation(title, fact.articleTitle)) obligations.push(fact);
  }
  return { chapters, obligations };
}

/** Bloc -> its members (at any time): a partner never is a fellow member of the bloc the party is bound through. */
async function blocMembers(em: EntityManager): Promise<Map<string, Set<string>>> {
  const rows = await em
    .getConnection()
    .execute<Record<string, unknown>[]>(`select "bloc_code", "member_code" from bloc_membership`);
  const map = new Map<string, Set<string>>();
  for (const row of rows) {
    const set = map.get(String(row.bloc_code)) ?? new Set<string>();
    set.add(String(row.member_code));
    map.set(String(row.bloc_code), set);
  }
  return map;
}

/** Annotations count for the party unless they name the parties they cover and it (or its bloc) is not among them. */
const coversParty = (a: AnnotationFact, code: string, via: string | null): boolean =>
  !a.partyScope || a.partyScope.includes(code) || (via !== null && a.partyScope.includes(via));

/** Everything the coherence rules need for one party, in a fixed handful of statements; null for an unknown party. */
export async function loadCoherenceInput(
  em: EntityManager,
  partyCode: string,
  asOf: string,
  includeProposed: boolean,
): Promise<CoherenceInput | null> {
  const party = await loadParty(em, partyCode);
  if (!party) return null;
  const all = await partyAgreements(em, party.code);
  const applied = all.filter((a) => isBoundOn(a.binding, asOf, 'APPLIED'));
  const ids = applied.map((a) => a.id);
  // One after another: inside a transaction they share one connection.
  const bound = await directlyBoundOn(em, ids, asOf);
  const members = await blocMembers(em);
  const types = await loadTypesOf(em, ids);
  const annotations = await loadAnnotationsOf(em, ids, [
    AnnotationStatus.ACCEPTED,
    AnnotationStatus.PROPOSED,
  ]);
  const { chapters, obligations } = await servicesArticles(em, ids);
  const annotationsOf = groupByAgreement(annotations);
  const chaptersOf = groupByAgreement(chapters);
  const obligationsOf = groupByAgreement(obligations);
  const agreements: CoherenceAgreementFacts[] = applied.map(({ binding, record, ...a }) => {
    const via = binding.via;
    const fellow = new Set([...(members.get(via ?? '') ?? []), ...(members.get(party.code) ?? [])]);
    const direct = (bound.get(a.id) ?? []).map((b) => b.party);
    return {
      ...a,
      via,
      types: types.get(a.id) ?? [],
      parties: direct,
      partners: direct.filter((p) => p.code !== party.code && p.code !== via && !fellow.has(p.code)),
      annotations: (annotationsOf.get(a.id) ?? []).filter((x) => coversParty(x, party.code, via)),
      servicesChapters: chaptersOf.get(a.id) ?? [],
      servicesObligations: obligationsOf.get(a.id) ?? [],
      record,
      inForceInferred: binding.inForceInferred,
    };
  });
  const appliedIds = new Set(ids);
  const leftOut = all
    .filter((a) => !appliedIds.has(a.id))
    .map(({ binding: _b, record: _r, ...facts }) => facts);
  return { party, asOf, includeProposed, agreements, leftOut };
}
