import { sortedJaccard } from '../similar/sorted-jaccard';
import { ClauseHit } from './clause-index';

/**
 * When other earlier members score within this margin of the best one, the one whose agreement has the most
 * parties in common with the member's is preferred as the source: negotiators start from their own earlier
 * agreements ("preferring the same parties' earlier agreements when scores are close").
 */
export const SAME_PARTIES_MARGIN = 0.05;

export interface FamilyMemberInput {
  id: number;
  agreementId: number;
  dateSigned: string | null;
  position: number;
  parties: readonly string[];
  /** The features of the measure the family is built on (WORDING or VERBATIM), ascending. */
  features: Uint32Array;
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
 * Orders a family by signature date and links each member to its probable source, the issue's "earlier member it
 * is closest to, preferring the same parties' earlier agreements when scores are close": among the members of
 * other agreements before it, those within SAME_PARTIES_MARGIN of the highest similarity (Jaccard of the family's
 * features); of these, the ones whose agreement has the most parties in common with the member's; of these, the
 * most similar. Ties go to the later member (the text a drafter had most recently at hand). Another article of the
 * same agreement is never a source. Members of the agreement(s) signed first have none.
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
    const parties = new Set(member.parties);
    const scores = ordered
      .slice(0, i)
      .filter((earlier) => earlier.agreementId !== member.agreementId)
      .map((earlier) => ({
        earlier,
        score: sortedJaccard(member.features, earlier.features),
        shared: earlier.parties.filter((party) => parties.has(party)).length,
      }));
    const templateScore = i === 0 ? 1 : sortedJaccard(member.features, ordered[0].features);
    if (!scores.length) {
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
    const top = Math.max(...scores.map((s) => s.score));
    const close = scores.filter((s) => s.score >= top - SAME_PARTIES_MARGIN);
    const most = Math.max(...close.map((s) => s.shared));
    let source = close[0];
    for (const s of close)
      if (s.shared === most && (source.shared < most || s.score >= source.score)) source = s;
    const depth = (generation.get(source.earlier.id) ?? 0) + 1;
    generation.set(member.id, depth);
    links.push({
      id: member.id,
      sourceId: source.earlier.id,
      score: source.score,
      templateScore,
      generation: depth,
      sameParties: source.shared > 0,
    });
  });
  return links;
}

export interface FamilyLimits {
  /** At most this many members (the closest first). */
  maxMembers: number;
  /** At most this many similarity steps from the provision asked about. */
  maxDepth: number;
}

export const DEFAULT_FAMILY_LIMITS: FamilyLimits = { maxMembers: 60, maxDepth: 4 };

/** The provisions at least the family's threshold similar to one provision, best first. */
export type Neighbours = (id: number) => Promise<readonly ClauseHit[]>;

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
