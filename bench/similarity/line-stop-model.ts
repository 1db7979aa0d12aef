/**
 * Run 18's learned line stop: where the seed's line of sources stops (the family's template), decided by a logistic
 * regression fitted on the labelled family files instead of hand-set thresholds. `line-stop-fit.ts` fits it
 * (README of test/fixtures/families, run 18); this file holds the features and the decision, so that the study
 * (`family-study.ts`, rule `run 18 L` with LEARN_TABLE) and the fitter score the same rule. Not adopted: over the
 * leave-one-file-out folds it found fewer templates than run 13's hand-set stops (docs/similarity-log.md, run 18).
 */

/** What the rule sees of one step of the seed's line, from a member to its source. */
export interface LineStepFacts {
  /** Steps from the seed (0: the seed's own source). */
  at: number;
  /** Jaccard of member and source (the family's measure). */
  jaccard: number;
  /** Word-sequence similarity of member and source (the attribution measure). */
  sequence: number;
  /** The source is in the seed's core (linked by similarity alone, or a predecessor). */
  sourceInCore: boolean;
  /** The source joined the core as a predecessor (withPredecessors). */
  sourceIsPredecessor: boolean;
  /** The two agreements have a party in common. */
  sharedParty: boolean;
  /** Years between the two signatures (0 when either is undated). */
  years: number;
  /** Member and source both have a subject (chapter title words) and share none of its words. */
  otherSubject: boolean;
  /** The member has a subject and none of its words is in the source's titles. */
  subjectNotInSource: boolean;
  /** Member and source share a word of their titles. */
  headingsShared: boolean;
  /** Features of the member and of the source. */
  memberSize: number;
  sourceSize: number;
  /** The share of the source's features the member holds. */
  sourceHeld: number;
  /** The share of the features every member of the line so far holds that the source holds too. */
  keptHeld: number;
  /** Members of the family found, of other agreements than the source's, at least the family's threshold similar to it. */
  sourceSupport: number;
  /** The source has a source of its own (the line goes on past it). */
  sourceLinked: boolean;
  /** Run 13's rule stops here (lineStopsAt: weak or quoted outside the core, or another kind of clause). */
  ruleStop: boolean;
}

/** The features, in the table's order. */
export const LINE_STOP_FEATURES = [
  'jaccard',
  'sequence',
  'sourceInCore',
  'sourceIsPredecessor',
  'sharedParty',
  'log1p(years)',
  'otherSubject',
  'subjectNotInSource',
  'headingsShared',
  'log(sourceSize / memberSize)',
  'sourceHeld',
  'keptHeld',
  'log1p(sourceSupport)',
  'sourceLinked',
  'firstStep',
  'ruleStop',
] as const;

export function lineStopFeatures(x: LineStepFacts): number[] {
  return [
    x.jaccard,
    x.sequence,
    Number(x.sourceInCore),
    Number(x.sourceIsPredecessor),
    Number(x.sharedParty),
    Math.log1p(Math.max(0, x.years)),
    Number(x.otherSubject),
    Number(x.subjectNotInSource),
    Number(x.headingsShared),
    Math.log(Math.max(1, x.sourceSize) / Math.max(1, x.memberSize)),
    x.sourceHeld,
    x.keptHeld,
    Math.log1p(x.sourceSupport),
    Number(x.sourceLinked),
    Number(x.at === 0),
    Number(x.ruleStop),
  ];
}

/** A fitted logistic regression over standardised features: p = 1 / (1 + exp(-(bias + sum w (f - mean) / sd))). */
export interface LineStopTable {
  mean: number[];
  sd: number[];
  weights: number[];
  bias: number;
}

export function lineStopProbability(x: LineStepFacts, table: LineStopTable): number {
  const f = lineStopFeatures(x);
  let z = table.bias;
  for (let i = 0; i < f.length; i += 1) z += (table.weights[i] * (f[i] - table.mean[i])) / table.sd[i];
  return 1 / (1 + Math.exp(-z));
}

/** Solves A x = b (A symmetric positive definite, small) by Gaussian elimination with partial pivoting. */
export function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c += 1) {
    let p = c;
    for (let r = c + 1; r < n; r += 1) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < n; r += 1) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k += 1) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}
