import { sortedJaccard } from './sorted-jaccard';

export interface LineageInput {
  id: number;
  dateSigned: string | null;
  agreementId: number;
  position: number;
  shingles: Uint32Array;
}

export interface LineageLink {
  id: number;
  /** The earlier member with the highest similarity (the earliest on ties); null for the template. */
  sourceId: number | null;
  score: number | null;
  templateScore: number;
}

/**
 * Orders a family of clauses by signature date (undated last, then agreement and position) and links each member
 * to the earlier member it is most similar to: the probable source it was copied from.
 */
export function orderLineage(members: LineageInput[]): LineageLink[] {
  const ordered = [...members].sort(
    (x, y) =>
      Number(x.dateSigned === null) - Number(y.dateSigned === null) ||
      (x.dateSigned ?? '').localeCompare(y.dateSigned ?? '') ||
      x.agreementId - y.agreementId ||
      x.position - y.position ||
      x.id - y.id,
  );
  return ordered.map((member, i) => {
    if (i === 0) return { id: member.id, sourceId: null, score: null, templateScore: 1 };
    let best = { id: ordered[0].id, score: -1 };
    for (let j = 0; j < i; j += 1) {
      const score = sortedJaccard(member.shingles, ordered[j].shingles);
      if (score > best.score) best = { id: ordered[j].id, score };
    }
    return {
      id: member.id,
      sourceId: best.id,
      score: best.score,
      templateScore: sortedJaccard(member.shingles, ordered[0].shingles),
    };
  });
}
