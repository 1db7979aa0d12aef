import { EntityManager } from '@mikro-orm/knex';
import { AnnotationStatus } from '../../annotations/annotation.enums';
import { inList } from '../../common/sql';
import { AgreementFacts, AnnotationFact } from '../common/report-facts';
import {
  AGREEMENT_COLUMNS,
  agreementFromRow,
  countedStatuses,
  groupByAgreement,
  loadAnnotationsOf,
  loadPartiesOf,
  loadParty,
  loadTypesOf,
} from '../common/report-queries';
import { sqlNumber, sqlString } from '../common/sql-values';
import { ChapterFact, CoherenceAgreementFacts, CoherenceInput } from './coherence-facts';
import { isServicesOrInvestmentChapter, SERVICES_CHAPTER_LIKE_PATTERNS } from './services-chapters';

/**
 * The party's agreements, directly or through a bloc (as AGREEMENT_PARTIES_SQL: a member is party to its bloc's
 * agreements unless it left before the signature), leaving out those the party withdrew from by `asOf`.
 */
const PARTY_AGREEMENTS_SQL = `
  select ${AGREEMENT_COLUMNS}, x."via" from agreement ag join (
    select ap."agreement_id", null as "via" from agreement_party ap
      where ap."party_code" = ? and (not ap."withdrawn" or ap."date_withdrawn" > ?)
    union all
    select ap."agreement_id", ap."party_code" as "via" from agreement_party ap
      join bloc_membership bm on bm."bloc_code" = ap."party_code"
      join agreement a2 on a2."id" = ap."agreement_id"
      where bm."member_code" = ?
        and (bm."date_left" is null or a2."date_signed" is null or bm."date_left" >= a2."date_signed")
  ) x on x."agreement_id" = ag."id"
  where ag."archived_at" is null
  order by ag."date_signed", ag."slug"`;

/** In force or provisionally applied on `date`, and not terminated by then. */
export function isAppliedOn(a: AgreementFacts, date: string): boolean {
  const started =
    (a.dateInForce !== null && a.dateInForce <= date) ||
    (a.dateProvisionallyApplied !== null && a.dateProvisionallyApplied <= date);
  return started && (a.dateTerminated === null || a.dateTerminated > date);
}

async function partyAgreements(
  em: EntityManager,
  code: string,
  asOf: string,
): Promise<(AgreementFacts & { via: string | null })[]> {
  const rows = await em
    .getConnection()
    .execute<Record<string, unknown>[]>(PARTY_AGREEMENTS_SQL, [code, asOf, code]);
  const byId = new Map<number, AgreementFacts & { via: string | null }>();
  for (const row of rows) {
    const agreement = { ...agreementFromRow(row), via: sqlString(row.via) };
    const seen = byId.get(agreement.id);
    if (!seen || (seen.via && !agreement.via)) byId.set(agreement.id, agreement);
  }
  return [...byId.values()];
}

/** The first article of each chapter on services, investment or establishment. */
async function servicesChapters(em: EntityManager, ids: number[]): Promise<ChapterFact[]> {
  if (!ids.length) return [];
  const list = inList(ids);
  const like = SERVICES_CHAPTER_LIKE_PATTERNS.map(() => `lower(c."chapter_title") like ?`).join(' or ');
  const rows = await em.getConnection().execute<Record<string, unknown>[]>(
    `select p."agreement_id", ag."slug", p."chapter_number", p."chapter_title", p."key", p."article_number", p."article_title"
     from (select c."agreement_id", c."chapter_title", min(c."position") as "first" from provision c
           where c."agreement_id" in ${list.sql} and (${like})
           group by c."agreement_id", c."chapter_title") f
     join provision p on p."agreement_id" = f."agreement_id" and p."position" = f."first" and p."chapter_title" = f."chapter_title"
     join agreement ag on ag."id" = p."agreement_id"
     order by p."agreement_id", p."position"`,
    [...list.params, ...SERVICES_CHAPTER_LIKE_PATTERNS],
  );
  const seen = new Set<string>();
  const chapters: ChapterFact[] = [];
  for (const row of rows) {
    const title = String(row.chapter_title);
    const id = `${String(row.agreement_id)}\u0000${title}`;
    if (seen.has(id) || !isServicesOrInvestmentChapter(title)) continue;
    seen.add(id);
    chapters.push({
      agreementId: sqlNumber(row.agreement_id),
      agreementSlug: String(row.slug),
      chapterNumber: sqlString(row.chapter_number),
      chapterTitle: title,
      key: String(row.key),
      articleNumber: sqlString(row.article_number),
      articleTitle: sqlString(row.article_title),
    });
  }
  return chapters;
}

/** Everything the coherence rules need for one party, in six statements; null for an unknown party. */
export async function loadCoherenceInput(
  em: EntityManager,
  partyCode: string,
  asOf: string,
  includeProposed: boolean,
): Promise<CoherenceInput | null> {
  const party = await loadParty(em, partyCode);
  if (!party) return null;
  const all = await partyAgreements(em, party.code, asOf);
  const applied = all.filter((a) => isAppliedOn(a, asOf));
  const ids = applied.map((a) => a.id);
  const [parties, types, annotations, chapters] = [
    await loadPartiesOf(em, ids),
    await loadTypesOf(em, ids),
    await loadAnnotationsOf(em, ids, [AnnotationStatus.ACCEPTED, AnnotationStatus.PROPOSED]),
    await servicesChapters(em, ids),
  ];
  const counted = countedStatuses(includeProposed);
  const annotationsOf = groupByAgreement(annotations);
  const chaptersOf = groupByAgreement(chapters);
  const agreements: CoherenceAgreementFacts[] = applied.map((a) => {
    const own: AnnotationFact[] = annotationsOf.get(a.id) ?? [];
    const direct = parties.get(a.id) ?? [];
    return {
      ...a,
      types: types.get(a.id) ?? [],
      parties: direct,
      partners: direct.filter((p) => p.code !== party.code && p.code !== a.via),
      annotations: own.filter((x) => counted.includes(x.status)),
      pendingProposed: includeProposed ? 0 : own.filter((x) => x.status === AnnotationStatus.PROPOSED).length,
      servicesChapters: chaptersOf.get(a.id) ?? [],
    };
  });
  const appliedIds = new Set(ids);
  const leftOut = all.filter((a) => !appliedIds.has(a.id)).map(({ via: _via, ...facts }) => facts);
  return { party, asOf, includeProposed, agreements, leftOut };
}
