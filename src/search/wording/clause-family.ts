import { sortedJaccard } from '../similar/sorted-jaccard';
import { ClauseHit } from './clause-index';

/**
 * When another earlier member scores within this margin of the best one and shares a party with the member,
 * it is preferred as the source: negotiators start from their own earlier agreements.
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
  /** The probable source: the earlier member it is closest to (see linkFamily); null for the template. */
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
 * Orders a family by signature date and links each member to its probable source: among the members before
 * it, the one with the highest similarity; but when a member of an agreement sharing a party scores within
 * SAME_PARTIES_MARGIN of that best one, the best such member. Ties go to the later member (the text a drafter
 * had most recently at hand). The template is the earliest member.
 */
export function linkFamily(members: FamilyMemberInput[]): FamilyLink[] {
  const ordered = [...members].sort(familyOrder);
  const links: FamilyLink[] = [];
  const generation = new Map<number, number>();
  ordered.forEach((member, i) => {
    if (i === 0) {
      generation.set(member.id, 0);
      links.push({
        id: member.id,
        sourceId: null,
        score: null,
        templateScore: 1,
        generation: 0,
        sameParties: false,
      });
      return;
    }
    const parties = new Set(member.parties);
    const scores = ordered.slice(0, i).map((earlier) => ({
      earlier,
      score: sortedJaccard(member.features, earlier.features),
      shared: earlier.parties.some((party) => parties.has(party)),
    }));
    let best = scores[0];
    for (const s of scores) if (s.score >= best.score) best = s;
    let source = best;
    if (!best.shared) {
      let shared: (typeof scores)[number] | null = null;
      for (const s of scores) if (s.shared && (!shared || s.score >= shared.score)) shared = s;
      if (shared && shared.score >= best.score - SAME_PARTIES_MARGIN) source = shared;
    }
    const depth = (generation.get(source.earlier.id) ?? 0) + 1;
    generation.set(member.id, depth);
    links.push({
      id: member.id,
      sourceId: source.earlier.id,
      score: source.score,
      templateScore: sortedJaccard(member.features, ordered[0].features),
      generation: depth,
      sameParties: source.shared,
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
