import { sortedCommonCount, sortedJaccard } from '../similar/sorted-jaccard';
import { ClauseHit, ClauseIndex, holdsAsQuote } from './clause-index';
import { sequenceSimilarity } from './word-sequence';
import { wordingTokens } from './wording-features';

/**
 * When other earlier members score within this margin of the best one, the one whose agreement has the most
 * parties in common with the member's is preferred as the source: negotiators start from their own earlier
 * agreements ("preferring the same parties' earlier agreements when scores are close").
 */
export const SAME_PARTIES_MARGIN = 0.05;

/**
 * Within this of the closest (by the attribution measure), earlier members are equally close: the later one is
 * the source (the text a drafter had most recently at hand). About two or three words in a 200-word article.
 */
export const EQUALLY_CLOSE = 0.01;

export interface FamilyMemberInput {
  id: number;
  agreementId: number;
  dateSigned: string | null;
  position: number;
  parties: readonly string[];
  /** The features of the measure the family is built on (WORDING or VERBATIM), ascending. */
  features: Uint32Array;
  /**
   * The member's words in order (sequenceTokens). When every member has them, sources are chosen by word-sequence
   * similarity (see linkFamily); otherwise by the Jaccard similarity of `features`.
   */
  sequence?: Int32Array;
  /** What the clause is about, by its titles (clauseHeadings); without them the kind of clause is not compared. */
  headings?: ClauseHeadings;
}

/** The content words of a provision's titles, what its kind of clause is read from (see ofAnotherKind). */
export interface ClauseHeadings {
  /** The words of its chapter's title, or of its article's title when it has no chapter: what the clause is about. */
  subject: ReadonlySet<string>;
  /** The words of its chapter's and its article's titles. */
  all: ReadonlySet<string>;
}

export function clauseHeadings(chapterTitle: string | null, articleTitle: string | null): ClauseHeadings {
  return {
    subject: new Set(wordingTokens(chapterTitle || articleTitle || '')),
    all: new Set(wordingTokens(`${chapterTitle ?? ''} ${articleTitle ?? ''}`)),
  };
}

/**
 * Below this similarity (Jaccard by the family's measure) a source whose titles name none of the words of the
 * member's subject does not continue the seed's line (see ofAnotherKind). The family's own threshold: a source
 * linked that weakly is not a copy of the member. Chosen by leave-one-file-out over the eight labelled family
 * files (README of test/fixtures/families, run 11).
 */
export const OTHER_KIND_MAX = 0.3;

/**
 * Whether `source` is another kind of clause than `member`: both have titles, no word of the member's subject
 * (its chapter's title) is in the source's chapter or article title, and the two share less than OTHER_KIND_MAX.
 * A general exception written out for a goods chapter is then not traced to an agreement-wide exception article,
 * nor an e-commerce chapter's transparency article to a general transparency article.
 */
function ofAnotherKind(
  member: ClauseHeadings | undefined,
  source: ClauseHeadings | undefined,
  score: number,
): boolean {
  if (!member || !source || score >= OTHER_KIND_MAX || !member.subject.size || !source.all.size) return false;
  return ![...member.subject].some((word) => source.all.has(word));
}

export interface FamilyLink {
  id: number;
  /**
   * The probable source: the member signed before it that it is closest to (see linkFamily); null for the first
   * agreement's members, undated ones, and those sharing less than WEAK_SOURCE with the closest (a line of their own).
   */
  sourceId: number | null;
  /** Similarity to the source by the family's measure (WORDING or VERBATIM Jaccard). */
  score: number | null;
  templateScore: number;
  /** Steps from the template along the sources (0 for the template). */
  generation: number;
  /** The source is an agreement with a party in common. */
  sameParties: boolean;
  /** The family's template: the earliest member, or where the seed's line begins (see linkFamily). */
  template: boolean;
}

/** Signature date (undated last), then agreement, position and id: the order members are read in. */
export function familyOrder(
  x: Pick<FamilyMemberInput, 'id' | 'agreementId' | 'dateSigned' | 'position'>,
  y: Pick<FamilyMemberInput, 'id' | 'agreementId' | 'dateSigned' | 'position'>,
): number {
  return (
    Number(x.dateSigned === null) - Number(y.dateSigned === null) ||
    (x.dateSigned ?? '').localeCompare(y.dateSigned ?? '') ||
    x.agreementId - y.agreementId ||
    x.position - y.position ||
    x.id - y.id
  );
}

/**
 * The template of a family, the same whichever member it was found from: its earliest member by signature date
 * (familyOrder). When several share that date (articles of the first agreement, or agreements signed the same
 * day), the one most members are closest to (each other member counts for the earliest-dated member most similar
 * to it, by the family's features), then the greatest sum of similarities to the other members, then the first in
 * familyOrder: a family whose first agreement holds two related articles is rooted in the one its later members
 * follow (the Hungary Europe Agreement's cultural cooperation article, not its information article, for the
 * cultural cooperation family). A newer text is never the template of older ones.
 */
export function familyTemplate(
  members: readonly Pick<FamilyMemberInput, 'id' | 'agreementId' | 'dateSigned' | 'position' | 'features'>[],
): number {
  const sorted = [...members].sort(familyOrder);
  const earliest = sorted.filter((m) => m.dateSigned === sorted[0].dateSigned);
  if (earliest.length === 1) return earliest[0].id;
  const votes = new Map<number, number>(earliest.map((m) => [m.id, 0]));
  const sums = new Map<number, number>(earliest.map((m) => [m.id, 0]));
  for (const other of members) {
    let closest: number | null = null;
    let best = -1;
    for (const m of earliest) {
      if (m.id === other.id) continue;
      const score = sortedJaccard(m.features, other.features);
      sums.set(m.id, sums.get(m.id)! + score);
      if (score > best) [best, closest] = [score, m.id];
    }
    if (closest !== null && !votes.has(other.id)) votes.set(closest, votes.get(closest)! + 1);
  }
  return earliest.reduce((a, b) =>
    votes.get(b.id)! > votes.get(a.id)! ||
    (votes.get(b.id) === votes.get(a.id) && sums.get(b.id)! > sums.get(a.id)!)
      ? b
      : a,
  ).id;
}

/**
 * Whether `earlier` was signed before `member`, on a date both records give: only such a member can be a source. An
 * agreement signed the same day (EFTA's agreements with Jordan and Croatia, 2001-06-21; the Union's association
 * agreements with Georgia and Moldova, 2014-06-27) was not drafted from the other, and an undated one is not known
 * to come after any member.
 */
const signedBefore = (earlier: FamilyMemberInput, member: FamilyMemberInput): boolean =>
  earlier.dateSigned !== null && member.dateSigned !== null && earlier.dateSigned < member.dateSigned;

interface Scored {
  earlier: FamilyMemberInput;
  /** Position in the family's reading order (later members have higher ones). */
  at: number;
  score: number;
  shared: number;
}

/**
 * The earlier members worth scoring for a source and their attribution scores. With word sequences, each
 * candidate's bound (2 x the words the two texts have in common, bag of words, over their total length) caps its
 * word-sequence similarity; candidates are scored in decreasing bound until the bound falls below the best score
 * less SAME_PARTIES_MARGIN, since no further candidate can then be close (the answer is the one all-pairs scoring
 * gives, at a fraction of the cost in large families).
 */
function scoreCandidates(
  member: FamilyMemberInput,
  earlier: { earlier: FamilyMemberInput; at: number; shared: number }[],
  useSequence: boolean,
  sortedTokens: Map<number, Int32Array>,
): Scored[] {
  if (!useSequence)
    return earlier.map((e) => ({ ...e, score: sortedJaccard(member.features, e.earlier.features) }));
  const own = member.sequence!;
  const ownSorted = sortedTokens.get(member.id)!;
  const bounded = earlier
    .map((e) => {
      const total = own.length + e.earlier.sequence!.length;
      const bound = total ? (2 * sortedCommonCount(ownSorted, sortedTokens.get(e.earlier.id)!)) / total : 0;
      return { ...e, bound };
    })
    .sort((x, y) => y.bound - x.bound || x.at - y.at);
  const out: Scored[] = [];
  let best = 0;
  for (const e of bounded) {
    if (out.length && e.bound < best - SAME_PARTIES_MARGIN) break;
    const score = sequenceSimilarity(own, e.earlier.sequence!);
    best = Math.max(best, score);
    out.push({ earlier: e.earlier, at: e.at, shared: e.shared, score });
  }
  return out;
}

/**
 * Orders a family by signature date and links each member to its probable source, the issue's "earlier member it
 * is closest to, preferring the same parties' earlier agreements when scores are close": among the members of
 * other agreements before it, those within SAME_PARTIES_MARGIN of the highest similarity; of these, the ones whose
 * agreement has the most parties in common with the member's; of these, the most similar, and of those within
 * EQUALLY_CLOSE of it the later one (the text a drafter had most recently at hand). Another article of the same
 * agreement is never a source, nor a member signed the same day or undated (signedBefore): members of the
 * agreement(s) signed first, and undated members, have none.
 *
 * "Closest" is word-sequence similarity (word-sequence.ts) when the members carry their words: it reads the words
 * in order, as a drafter copying a text does, so of two close earlier texts the one whose order of lists and
 * sentences the member keeps is the closer; the family's features (WORDING or VERBATIM Jaccard, sets) find the
 * members but tie or mislead between close earlier texts. Without words, the Jaccard of the features.
 *
 * The template is the earliest member; when several members share the earliest date, the one most similar to
 * `seedId` (the provision asked about), so that a family is rooted in the clause it was asked for rather than
 * in a neighbouring article of the same first agreement. With `core` (the members linked to the seed by
 * similarity alone, see discoverFamily), the template is where the seed's line begins instead: the line is
 * followed back from the seed along the sources and stops before a source outside the core that is
 * WEAK_SOURCE-weak or, above the seed's own source, a shorter text the member quotes, or before a source of
 * another kind of clause, in the core or not (ofAnotherKind, when members carry their headings; see
 * rootedInSeedLine): a family found through a long article quoting a member is wider than the clause asked about.
 */
export function linkFamily(
  members: FamilyMemberInput[],
  seedId?: number,
  core?: ReadonlySet<number>,
): FamilyLink[] {
  const steps = linkingSteps(members, seedId, core);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `linkFamily` in steps: it yields after each member's source is chosen and returns the links. A member's
 * candidates are scored by word sequence (a few milliseconds a pair for long articles), so the whole family (up to
 * FAMILY_MAX_MEMBERS) is a second or more of work: the service runs the steps with `runInSteps`, which gives the
 * event loop a turn between them (KORUS art. 18.10's family at minScore 0.1 held every other client, health
 * probes included, 1.0 to 2.1 s).
 */
export function* linkingSteps(
  members: FamilyMemberInput[],
  seedId?: number,
  core?: ReadonlySet<number>,
): Generator<void, FamilyLink[]> {
  const sorted = [...members].sort(familyOrder);
  const seed = members.find((m) => m.id === seedId);
  const firstDate = sorted[0]?.dateSigned;
  let rootAt = 0;
  if (seed) {
    let best = -1;
    sorted.forEach((m, i) => {
      if (m.dateSigned !== firstDate) return;
      const score = m.id === seed.id ? 1 : sortedJaccard(m.features, seed.features);
      if (score > best) [best, rootAt] = [score, i];
    });
  } else if (sorted.length) {
    const templateId = familyTemplate(members);
    rootAt = sorted.findIndex((m) => m.id === templateId);
  }
  const ordered = [sorted[rootAt], ...sorted.filter((_, i) => i !== rootAt)];
  const useSequence = members.length > 0 && members.every((m) => m.sequence !== undefined);
  const sortedTokens = new Map<number, Int32Array>(
    useSequence ? members.map((m) => [m.id, Int32Array.from(m.sequence!).sort()]) : [],
  );
  const links: FamilyLink[] = [];
  const generation = new Map<number, number>();
  // Members signed after others but sharing too little with the closest to have a source: each begins a line.
  const lineStarts = new Set<number>();
  for (const [i, member] of ordered.entries()) {
    if (i > 0) yield;
    const parties = new Set(member.parties);
    const earlier = ordered
      .slice(0, i)
      .map((e, at) => ({ earlier: e, at, shared: e.parties.filter((party) => parties.has(party)).length }))
      .filter((e) => e.earlier.agreementId !== member.agreementId && signedBefore(e.earlier, member));
    const templateScore = i === 0 ? 1 : sortedJaccard(member.features, ordered[0].features);
    if (!earlier.length) {
      generation.set(member.id, 0);
      links.push({
        id: member.id,
        sourceId: null,
        score: null,
        templateScore,
        generation: 0,
        sameParties: false,
        template: i === 0,
      });
      continue;
    }
    const scores = scoreCandidates(member, earlier, useSequence, sortedTokens);
    const top = Math.max(...scores.map((s) => s.score));
    const close = scores.filter((s) => s.score >= top - SAME_PARTIES_MARGIN);
    const most = Math.max(...close.map((s) => s.shared));
    const pool = close.filter((s) => s.shared === most);
    const poolTop = Math.max(...pool.map((s) => s.score));
    const source = pool
      .filter((s) => s.score >= poolTop - EQUALLY_CLOSE)
      .reduce((a, b) => (b.at > a.at ? b : a));
    const score = useSequence ? sortedJaccard(member.features, source.earlier.features) : source.score;
    // The closest of texts that share almost nothing with the member is not its source: a general exceptions
    // article was given a cultural exemption of another tradition as its "probable source" at 6%.
    const sourced = score >= WEAK_SOURCE;
    if (!sourced) lineStarts.add(member.id);
    const depth = sourced ? (generation.get(source.earlier.id) ?? 0) + 1 : 0;
    generation.set(member.id, depth);
    links.push({
      id: member.id,
      sourceId: sourced ? source.earlier.id : null,
      score: sourced ? score : null,
      templateScore,
      generation: depth,
      sameParties: sourced && source.shared > 0,
      template: false,
    });
  }
  return core && seedId !== undefined ? rootedInSeedLine(links, members, seedId, core, lineStarts) : links;
}

/**
 * An earlier member sharing less than this of a member's features (Jaccard by the family's measure) is not its
 * source, however it is the closest: the member begins a line of its own (a general exceptions article of 1992
 * holding a creative arts exception, a general e-commerce article holding the objective of another drafting
 * tradition). Chosen on the five labelled family files (README of test/fixtures/families, run 8) for the sources
 * outside the seed's core; since 7 December 2026 for every member (a general exceptions article was shown a
 * cultural exemption of another tradition as its "probable source" at 6%).
 */
export const WEAK_SOURCE = 0.1;

/**
 * Whether `member` holds `source` the way a new article holds a clause it quotes: the source is the shorter text
 * and at least QUOTED_EARLIER_SHARE of its features (and QUOTED_MIN_FEATURES) are in the member, the relation
 * `quotedEarlier` links a long article to the earlier text it quotes by.
 */
function holdsQuoted(member: Uint32Array, source: Uint32Array): boolean {
  const shared = sortedCommonCount(member, source);
  return holdsAsQuote(shared, member.length, source.length, QUOTED_EARLIER_SHARE, QUOTED_MIN_FEATURES);
}

/**
 * Whether the seed's line stops before `link`'s source (see rootedInSeedLine); `step` counts the links followed
 * from the seed (0: the seed's own source).
 */
function lineStopsAt(
  link: FamilyLink,
  step: number,
  featuresOf: ReadonlyMap<number, Uint32Array>,
  core: ReadonlySet<number>,
  headingsOf: ReadonlyMap<number, ClauseHeadings | undefined>,
): boolean {
  if (link.sourceId === null) return true;
  if (ofAnotherKind(headingsOf.get(link.id), headingsOf.get(link.sourceId), link.score!)) return true;
  if (core.has(link.sourceId)) return false;
  return step > 0 && holdsQuoted(featuresOf.get(link.id)!, featuresOf.get(link.sourceId)!);
}

/**
 * The family with its template where the seed's line begins: from the seed, along the sources, until a member
 * with no source (WEAK_SOURCE: none of the earlier members is close enough, run 8) or, above the
 * seed's own source, is a shorter earlier text that the member holds as a quote (holdsQuoted, run 9): that member
 * built a new article around the quoted clause, and the drafting tradition the seed follows starts with it (the
 * Canadian general e-commerce article of 2008, which opens with the United States model's one sentence and adds
 * its own paragraphs, is where Canada's later articles start). The seed's own source is never cut that way: it is
 * the text the seed was drafted from, quoted or not, and asked about the article that quotes, the family shows
 * where the quoted clause comes from. The member where the line stops is the template: it loses its source, and
 * the similarity to the template and the generations are counted from it. The earlier members found through
 * quoting stay in the family with their own sources. The line also stops before a source of another kind of
 * clause (ofAnotherKind, run 11), in the core or not: a general exceptions formula copied by goods chapters,
 * investment chapters and agreement-wide articles is one family by its words, and the seed's tradition starts where
 * its kind of clause does (the GATT Article XX exceptions written out in goods chapters from 2000 on, not the EFTA
 * Convention's exceptions article of 1960). Without such a step, the earliest member stays the template. Sources of
 * every other member are unchanged.
 */
function rootedInSeedLine(
  links: FamilyLink[],
  members: FamilyMemberInput[],
  seedId: number,
  core: ReadonlySet<number>,
  lineStarts: ReadonlySet<number>,
): FamilyLink[] {
  const linkOf = new Map(links.map((link) => [link.id, link]));
  const featuresOf = new Map(members.map((m) => [m.id, m.features]));
  const headingsOf = new Map(members.map((m) => [m.id, m.headings]));
  let at = linkOf.get(seedId);
  for (let step = 0; at && !lineStopsAt(at, step, featuresOf, core, headingsOf); step += 1)
    at = linkOf.get(at.sourceId!);
  if (!at || (at.sourceId === null && !lineStarts.has(at.id))) return links;
  const templateId = at.id;
  const template = featuresOf.get(templateId)!;
  const generation = new Map<number, number>();
  return links.map((link) => {
    const rooted =
      link.id === templateId ? { ...link, sourceId: null, score: null, sameParties: false } : link;
    const depth = rooted.sourceId === null ? 0 : (generation.get(rooted.sourceId) ?? 0) + 1;
    generation.set(link.id, depth);
    return {
      ...rooted,
      generation: depth,
      templateScore: link.id === templateId ? 1 : sortedJaccard(featuresOf.get(link.id)!, template),
      template: link.id === templateId,
    };
  });
}

export interface FamilyLimits {
  /** At most this many members (the closest first), near-copies not counted (see nearCopy). */
  maxMembers: number;
  /** At most this many similarity steps from the provision asked about. */
  maxDepth: number;
  /**
   * A member reached by a similarity link at least this similar (Jaccard by the family's measure) from a member
   * already admitted is a near-copy of it: it does not count toward maxMembers and, with `collapse`, takes that
   * member's step (the two are one node for the walk). None: every member counts.
   */
  nearCopy?: number;
  /** With nearCopy: near-copies take the step of the member they copy, not one more. */
  collapse?: boolean;
  /** With nearCopy: at most this many members in all, near-copies included. */
  maxWithCopies?: number;
}

export const DEFAULT_FAMILY_LIMITS: FamilyLimits = { maxMembers: 60, maxDepth: 4 };

/**
 * A WORDING family also follows a member to the longer articles that quote it nearly whole: those holding at least
 * this share of its features (content words and adjacent pairs). A short clause kept inside a long article (the
 * two opening sentences of a cultural cooperation article, a one-sentence commitment with a reference added)
 * scores low by Jaccard, whose union counts the rest of the long text; chosen on the labelled families (README of
 * test/fixtures/families).
 */
export const QUOTED_SHARE = 0.8;
/** ... and at least this many of them (about eight content words and their pairs): a few common words are no quote. */
export const QUOTED_MIN_FEATURES = 16;

/**
 * A WORDING family also follows a long article back to the shorter texts signed before it that it holds at least
 * this share of (and QUOTED_MIN_FEATURES of their features): the earlier clause it quoted, a candidate source
 * (an e-commerce article that keeps an earlier agreement's short consumer-protection or customs-duties commitment
 * among new paragraphs). Such a text joins the family as a leaf: it is not followed further unless a similarity
 * or quoting link reaches it too, as a long article quotes several clauses (a definitions article defines
 * cultural industries and tax terms) and following each would join unrelated families. Lower than QUOTED_SHARE:
 * only earlier texts, and never followed. Chosen on the four labelled family files (README of
 * test/fixtures/families, run 7).
 */
export const QUOTED_EARLIER_SHARE = 0.7;

/**
 * A link a family follows. `quoting`: a link by quoting (QUOTED_SHARE or QUOTED_EARLIER_SHARE), not by similarity;
 * `leaf`: to an earlier text the member quotes (QUOTED_EARLIER_SHARE), not followed further.
 */
export interface FamilyHit extends ClauseHit {
  quoting?: boolean;
  leaf?: boolean;
}

/**
 * The links a WORDING family follows from a member: the provisions at least `minScore` similar, best first, then
 * the longer ones that quote it (QUOTED_SHARE), by similarity, then, as leaves, the earlier shorter texts it
 * quotes (QUOTED_EARLIER_SHARE). Only leaves in that direction: an article is not followed through the short
 * texts it quotes, as a long article quotes several clauses (a definitions article defines cultural industries
 * and tax conventions), and following each would join unrelated families.
 */
export function wordingFamilyLinks(index: ClauseIndex, id: number, minScore: number): FamilyHit[] {
  const similar = index.neighboursOf(id, minScore);
  const seen = new Set(similar.map((hit) => hit.id));
  const quoting = index
    .containersOf(id, QUOTED_SHARE, QUOTED_MIN_FEATURES)
    .filter((hit) => !seen.has(hit.id))
    .map((hit) => ({ ...hit, quoting: true }));
  for (const hit of quoting) seen.add(hit.id);
  const quoted = index
    .quotedEarlier(id, QUOTED_EARLIER_SHARE, QUOTED_MIN_FEATURES)
    .filter((hit) => !seen.has(hit.id))
    .map((hit) => ({ ...hit, quoting: true, leaf: true }));
  return [...similar, ...quoting, ...quoted];
}

/**
 * The links of a WORDING family from a provision, each of which the provision at the other end gives back (so a
 * family is the same whichever member it is found from, see familyComponent): the provisions at least `minScore`
 * similar, best first; the longer ones quoting it (QUOTED_SHARE) and the shorter ones it quotes at that share;
 * the earlier shorter texts it quotes (QUOTED_EARLIER_SHARE) and the later longer ones quoting it at that share.
 * Every link is followed.
 */
export function symmetricFamilyLinks(index: ClauseIndex, id: number, minScore: number): FamilyHit[] {
  const date = index.dateOf(id);
  const later = (other: number) => {
    const at = index.dateOf(other);
    return date !== null && at !== null && at > date;
  };
  const links: FamilyHit[] = [...index.neighboursOf(id, minScore)];
  const seen = new Set(links.map((hit) => hit.id));
  const quoting = [
    ...index.containersOf(id, QUOTED_SHARE, QUOTED_MIN_FEATURES),
    ...index.quotes(id, QUOTED_SHARE, QUOTED_MIN_FEATURES),
    ...index.quotedEarlier(id, QUOTED_EARLIER_SHARE, QUOTED_MIN_FEATURES),
    ...index
      .containersOf(id, QUOTED_EARLIER_SHARE, QUOTED_MIN_FEATURES)
      .filter((hit) => later(hit.id) && index.wordingOf(hit.id)!.length > index.wordingOf(id)!.length),
  ];
  for (const hit of quoting)
    if (!seen.has(hit.id)) {
      seen.add(hit.id);
      links.push({ ...hit, quoting: true });
    }
  return links;
}

/**
 * The family of a provision: every provision joined to it by a chain of links (`neighbours`, which must give each
 * link from both of its ends: similarity, and symmetricFamilyLinks under WORDING), in both time directions, so
 * that it is the same set whichever member it is found from. Found breadth first from the provision; when the
 * family has more than `maxMembers`, the search stops there and `truncated` says so: the members are then the
 * ones nearest (in links) to the provision asked about, and another member's page can show others.
 */
export async function familyComponent(
  seedId: number,
  neighbours: Neighbours,
  maxMembers: number,
): Promise<{ ids: number[]; truncated: boolean }> {
  const found = new Set([seedId]);
  const queue = [seedId];
  while (queue.length)
    for (const hit of await neighbours(queue.shift()!)) {
      if (found.has(hit.id)) continue;
      if (found.size >= maxMembers) return { ids: [...found], truncated: true };
      found.add(hit.id);
      queue.push(hit.id);
    }
  return { ids: [...found], truncated: false };
}

/** The links a family follows from one provision (at least the family's threshold similar), best first. */
export type Neighbours = (id: number) => Promise<readonly FamilyHit[]>;

/**
 * The members of a family: the provision, the provisions similar to it, those similar to them, and so on (so
 * a chain of rewordings A -> B -> C is followed even when A and C share little), nearest first at each step,
 * within the limits. A member reached only by `leaf` links is not followed further. `truncated` says a limit cut
 * it. `core`: the members linked to the provision by similarity links alone (no `quoting` link), among the links
 * looked up.
 */
export async function discoverFamily(
  seedId: number,
  neighbours: Neighbours,
  limits: FamilyLimits = DEFAULT_FAMILY_LIMITS,
): Promise<{ ids: number[]; truncated: boolean; core: Set<number> }> {
  const depth = new Map<number, number>([[seedId, 0]]);
  /** Members counted toward maxMembers (all but near-copies). */
  let counted = 1;
  const leaves = new Set<number>();
  const similar = new Map<number, number[]>();
  const queue = [seedId];
  let truncated = false;
  let full = false;
  while (queue.length && !full) {
    const current = queue.shift()!;
    // A provision at the last step can only tell that the family goes on; once that is known, skip it.
    if (truncated && depth.get(current)! >= limits.maxDepth) continue;
    for (const hit of await neighbours(current)) {
      if (!hit.quoting) {
        (similar.get(current) ?? similar.set(current, []).get(current)!).push(hit.id);
        (similar.get(hit.id) ?? similar.set(hit.id, []).get(hit.id)!).push(current);
      }
      if (depth.has(hit.id)) {
        // A leaf that a following link reaches too is followed after all.
        if (!hit.leaf && leaves.delete(hit.id)) queue.push(hit.id);
        continue;
      }
      const copy = limits.nearCopy !== undefined && !hit.quoting && hit.score >= limits.nearCopy;
      if (depth.size >= (limits.maxWithCopies ?? Infinity) || (!copy && counted >= limits.maxMembers)) {
        truncated = full = true;
        break;
      }
      const step = copy && limits.collapse ? depth.get(current)! : depth.get(current)! + 1;
      if (step > limits.maxDepth) {
        truncated = true;
        continue;
      }
      if (!copy) counted += 1;
      depth.set(hit.id, step);
      if (hit.leaf) leaves.add(hit.id);
      else queue.push(hit.id);
    }
  }
  return { ids: [...depth.keys()], truncated, core: linkedBySimilarity(seedId, similar, depth) };
}

/**
 * A WORDING family also takes the predecessor of its earliest member found by similarity: the text signed before
 * it that is at least this similar (Jaccard), below the family's threshold, and whose agreement has a party in
 * common with that member's (see withPredecessors). Chosen by leave-one-file-out over the seven labelled family
 * files at 0.22 (README of test/fixtures/families, run 10), lowered to 0.12 by leave-one-file-out over the ten
 * files (run 13: the same templates, two more sources over the folds; 0.1 loses two templates).
 */
export const PREDECESSOR_MIN = 0.12;
/** ... followed back at most this many times (the predecessor's own predecessor, and so on). */
export const PREDECESSOR_STEPS = 3;

/**
 * Adds to a WORDING family (its members `ids` and its `core`, as discoverFamily found them; both are extended in
 * place) the predecessors of its earliest core member: the most similar text signed before it, at least
 * PREDECESSOR_MIN similar and of an agreement sharing a party with that member's, joins the family and its core,
 * then the same from it, up to PREDECESSOR_STEPS times. The reason (run 10): where a family's template is missed,
 * it is mostly not reached at all; the first article of a drafting tradition is often reworded more than its
 * followers copy each other (the 2003 Singapore-Australia electronic authentication article, 0.22 from the United
 * States strand that followed, the EFTA Convention's national treasures article), and negotiators start from
 * their own earlier agreements, so a weaker link backwards, to the same parties only, finds it without the flood a
 * lower threshold brings. Sources and the template are then chosen by linkFamily as for any member.
 */
export async function withPredecessors(
  index: ClauseIndex,
  family: { ids: number[]; core: Set<number> },
  partiesOf: (agreementIds: number[]) => Promise<ReadonlyMap<number, readonly string[]>>,
): Promise<void> {
  const found = new Set(family.ids);
  for (let step = 0; step < PREDECESSOR_STEPS; step += 1) {
    let first: number | null = null;
    for (const id of family.core) {
      const date = index.dateOf(id);
      if (date !== null && (first === null || date < index.dateOf(first)!)) first = id;
    }
    if (first === null) return;
    const firstDate = index.dateOf(first)!;
    const before = index.neighboursOf(first, PREDECESSOR_MIN).filter((hit) => {
      const date = index.dateOf(hit.id);
      return date !== null && date < firstDate && !family.core.has(hit.id);
    });
    if (!before.length) return;
    const agreements = [first, ...before.map((hit) => hit.id)].map((id) => index.agreementOf(id)!);
    const parties = await partiesOf([...new Set(agreements)]);
    const own = new Set(parties.get(agreements[0]) ?? []);
    const pick = before.find((_, i) =>
      (parties.get(agreements[i + 1]) ?? []).some((party) => own.has(party)),
    );
    if (!pick) return;
    family.core.add(pick.id);
    if (!found.has(pick.id)) {
      found.add(pick.id);
      family.ids.push(pick.id);
    }
  }
}

/** The members reachable from the seed through the similarity links looked up. */
function linkedBySimilarity(
  seedId: number,
  similar: Map<number, number[]>,
  members: Map<number, number>,
): Set<number> {
  const core = new Set([seedId]);
  const queue = [seedId];
  while (queue.length)
    for (const next of similar.get(queue.shift()!) ?? [])
      if (members.has(next) && !core.has(next)) {
        core.add(next);
        queue.push(next);
      }
  return core;
}
