/**
 * Run 18's learned source choice: which earlier member of a family a member was drafted from, decided by a
 * conditional logit (a softmax over the member's candidates) fitted on the labelled sources instead of linkFamily's
 * hand-set order (word sequence, SAME_PARTIES_MARGIN, EQUALLY_CLOSE). `source-fit.ts` fits it (README of
 * test/fixtures/families, run 18); the study (`family-study.ts`, rules `run 18 S ...`) applies it to every member of
 * every family found, and run 13's line stop then gives the template. Not adopted (docs/similarity-log.md, run 18).
 */

/** One candidate source of a member, as the rule sees it. */
export interface SourceCandidateFacts {
  /** Word-sequence similarity to the member. */
  sequence: number;
  /** Jaccard (the family's measure) to the member. */
  jaccard: number;
  /** Parties the two agreements have in common. */
  sharedParties: number;
  /** Years between the candidate's signature and the member's. */
  years: number;
  /** Features of the member and of the candidate. */
  memberSize: number;
  candidateSize: number;
  /** The candidate is in the seed's core (see discoverFamily). */
  inCore: boolean;
  /** Run 13's rule (linkFamily) names it the source. */
  ruleChoice: boolean;
}

export const SOURCE_FEATURES = [
  'sequence',
  'sequence - best sequence',
  'jaccard',
  'jaccard - best jaccard',
  'sharedParties / most shared',
  'sharedParty',
  'log1p(years)',
  'log1p(rank by date, latest 0)',
  '|log(candidateSize / memberSize)|',
  'inCore',
  'ruleChoice',
] as const;

/** The features of each of a member's candidates (they depend on the others: the best, the latest). */
export function sourceFeatures(candidates: readonly SourceCandidateFacts[]): number[][] {
  const bestSequence = Math.max(...candidates.map((c) => c.sequence));
  const bestJaccard = Math.max(...candidates.map((c) => c.jaccard));
  const mostShared = Math.max(1, ...candidates.map((c) => c.sharedParties));
  const byDate = [...candidates].map((c) => c.years).sort((a, b) => a - b);
  return candidates.map((c) => [
    c.sequence,
    c.sequence - bestSequence,
    c.jaccard,
    c.jaccard - bestJaccard,
    c.sharedParties / mostShared,
    Number(c.sharedParties > 0),
    Math.log1p(Math.max(0, c.years)),
    Math.log1p(byDate.indexOf(c.years)),
    Math.abs(Math.log(Math.max(1, c.candidateSize) / Math.max(1, c.memberSize))),
    Number(c.inCore),
    Number(c.ruleChoice),
  ]);
}

/** A fitted conditional logit over standardised features: the candidate of the highest sum w (f - mean) / sd. */
export interface SourceTable {
  mean: number[];
  sd: number[];
  weights: number[];
}

/** The index of the chosen candidate (the first of equal scores). */
export function chooseSource(candidates: readonly SourceCandidateFacts[], table: SourceTable): number {
  const rows = sourceFeatures(candidates);
  let best = 0;
  let bestScore = -Infinity;
  rows.forEach((f, k) => {
    const score = f.reduce((s, v, j) => s + (table.weights[j] * (v - table.mean[j])) / table.sd[j], 0);
    if (score > bestScore) [best, bestScore] = [k, score];
  });
  return best;
}
