import { sortedJaccard } from '../similar/sorted-jaccard';
import { ClauseHit } from './clause-index';

/**
 * When an earlier member of an agreement with more parties in common with the member scores within this margin of
 * the best one, it is preferred as the source: negotiators start from their own earlier agreements.
 */
export const SAME_PARTIES_MARGIN = 0.05;

/**
 * An agreement between none of the member's parties, signed less than this many days before the member's, is not
 * taken as its source (unless no other earlier member is left): a treaty's text is settled weeks to months before
 * it is signed, and other parties' texts are seldom public before their signature, so two agreements signed days
 * apart are siblings (drafted from a common ancestor), not parent and child. A party's own earlier agreements are
 * known to its negotiators and stay candidates at any distance.
 */
export const OTHER_PARTIES_MIN_LAG_DAYS = 90;

export interface FamilyMemberInput {
  id: number;
  agreementId: number;
  dateSigned: string | null;
  position: number;
  parties: readonly string[];
  /** The features of the measure the family is built on (WORDING or VERBATIM), ascending. */
  features: Uint32Array;
  /** The WORDING features (content words and pairs), ascending: used, with `verbatim`, to attribute sources. */
  wording: Uint32Array;
  /** The VERBATIM features (5-word shingles), ascending. */
  verbatim: Uint32Array;
}

export interface FamilyLink {
  id: number;
  /** The probable source: the earlier member it is closest to (see linkFamily); null for the first agreement's members. */
  sourceId: number | null;
  score: number | null;
  templateScore: number;
  /** Steps from the template along the sources (0 for the template). */
  generation: number;
  /** The source is an agreement with a party in common. */
  sameParties: boolean;
}

/** Signature date (undated last), then agreement, position and id: the order members are read in. */
export function familyOrder(x: FamilyMemberInput, y: FamilyMemberInput): number {
  return (
    Number(x.dateSigned === null) - Number(y.dateSigned === null) ||
    (x.dateSigned ?? '').localeCompare(y.dateSigned ?? '') ||
    x.agreementId - y.agreementId ||
    x.position - y.position ||
    x.id - y.id
  );
}

/**
 * Orders a family by signature date and links each member to its probable source (attributeSource) among the
 * members of other agreements before it. Another article of the same agreement is never a source. Members of
 * the agreement(s) signed first have none.
 *
 * The template is the earliest member; when several members share the earliest date, the one most similar to
 * `seedId` (the provision asked about), so that a family is rooted in the clause it was asked for rather than
 * in a neighbouring article of the same first agreement.
 */
export function linkFamily(members: FamilyMemberInput[], seedId?: number): FamilyLink[] {
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
  }
  const ordered = [sorted[rootAt], ...sorted.filter((_, i) => i !== rootAt)];
  const links: FamilyLink[] = [];
  const generation = new Map<number, number>();
  ordered.forEach((member, i) => {
    const templateScore = i === 0 ? 1 : sortedJaccard(member.features, ordered[0].features);
    const source = attributeSource(
      member,
      ordered.slice(0, i).filter((earlier) => earlier.agreementId !== member.agreementId),
    );
    if (!source) {
      generation.set(member.id, 0);
      links.push({
        id: member.id,
        sourceId: null,
        score: null,
        templateScore,
        generation: 0,
        sameParties: false,
      });
      return;
    }
    const depth = (generation.get(source.earlier.id) ?? 0) + 1;
    generation.set(member.id, depth);
    links.push({
      id: member.id,
      sourceId: source.earlier.id,
      score: sortedJaccard(member.features, source.earlier.features),
      templateScore,
      generation: depth,
      sameParties: source.sharedParties > 0,
    });
  });
  return links;
}

/**
 * The probable source of `member` among `earlier` (members of other agreements signed before it, in family
 * order), or null when there is none. The rule, chosen on the development half of the labelled families
 * (test/fixtures/families, README "Source attribution"):
 *
 * 1. Candidates: the earlier members, less those of agreements between none of the member's parties signed less
 *    than OTHER_PARTIES_MIN_LAG_DAYS before it (siblings, not parents); all of them if that leaves none.
 * 2. Score: sourceScore, the mean of the WORDING and VERBATIM similarities (the words, and the runs of words).
 * 3. Parties: among the candidates scoring within SAME_PARTIES_MARGIN of the best, those of the agreements with
 *    the most parties in common with the member's; the best of these.
 * 4. Ties go to the later candidate (the text a drafter had most recently at hand).
 */
export function attributeSource(
  member: FamilyMemberInput,
  earlier: readonly FamilyMemberInput[],
): { earlier: FamilyMemberInput; score: number; sharedParties: number } | null {
  if (!earlier.length) return null;
  const parties = new Set(member.parties);
  const scored = earlier.map((candidate) => ({
    earlier: candidate,
    score: sourceScore(member, candidate),
    sharedParties: candidate.parties.filter((party) => parties.has(party)).length,
  }));
  const eligible = scored.filter(
    (s) =>
      s.sharedParties > 0 ||
      daysBetween(s.earlier.dateSigned, member.dateSigned) >= OTHER_PARTIES_MIN_LAG_DAYS,
  );
  const pool = eligible.length ? eligible : scored;
  let top = -Infinity;
  for (const s of pool) top = Math.max(top, s.score);
  const close = pool.filter((s) => s.score >= top - SAME_PARTIES_MARGIN);
  const most = Math.max(...close.map((s) => s.sharedParties));
  let best = close[0];
  for (const s of close) {
    if (s.sharedParties !== most) continue;
    if (best.sharedParties !== most || s.score >= best.score) best = s;
  }
  return best;
}

/**
 * How likely `earlier` is the text `member` was drafted from: the mean of their WORDING similarity (the same
 * content words, in the same local order, whatever the rewording) and their VERBATIM similarity (the same runs of
 * five words: text copied as it stood). A reworded descendant is close to its source by the first; of two earlier
 * texts with the same content, the one whose sentences it copies word for word is ahead by the second.
 */
export function sourceScore(
  member: Pick<FamilyMemberInput, 'wording' | 'verbatim'>,
  earlier: Pick<FamilyMemberInput, 'wording' | 'verbatim'>,
): number {
  return (
    (sortedJaccard(member.wording, earlier.wording) + sortedJaccard(member.verbatim, earlier.verbatim)) / 2
  );
}

/** Days from one signature date to a later one; Infinity when either is unknown. */
function daysBetween(from: string | null, to: string | null): number {
  if (!from || !to) return Infinity;
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  return Number.isNaN(days) ? Infinity : days;
}

export interface FamilyLimits {
  /** At most this many members (the closest first). */
  maxMembers: number;
  /** At most this many similarity steps from the provision asked about. */
  maxDepth: number;
}

export const DEFAULT_FAMILY_LIMITS: FamilyLimits = { maxMembers: 60, maxDepth: 4 };

/** The provisions at least the family's threshold similar to one provision, best first. */
export type Neighbours = (id: number) => Promise<ClauseHit[]>;

/**
 * The members of a family: the provision, the provisions similar to it, those similar to them, and so on (so
 * a chain of rewordings A -> B -> C is followed even when A and C share little), nearest first at each step,
 * within the limits. `truncated` says a limit cut it.
 */
export async function discoverFamily(
  seedId: number,
  neighbours: Neighbours,
  limits: FamilyLimits = DEFAULT_FAMILY_LIMITS,
): Promise<{ ids: number[]; truncated: boolean }> {
  const depth = new Map<number, number>([[seedId, 0]]);
  const queue = [seedId];
  let truncated = false;
  let full = false;
  while (queue.length && !full) {
    const current = queue.shift()!;
    // A provision at the last step can only tell that the family goes on; once that is known, skip it.
    if (truncated && depth.get(current)! >= limits.maxDepth) continue;
    for (const hit of await neighbours(current)) {
      if (depth.has(hit.id)) continue;
      if (depth.size >= limits.maxMembers) {
        truncated = full = true;
        break;
      }
      if (depth.get(current)! >= limits.maxDepth) {
        truncated = true;
        continue;
      }
      depth.set(hit.id, depth.get(current)! + 1);
      queue.push(hit.id);
    }
  }
  return { ids: [...depth.keys()], truncated };
}
