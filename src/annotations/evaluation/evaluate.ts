import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { LabelRow } from './dev-labels';

// Article-level scoring of annotator output against the dev labels (labels/README.md): a labelled
// (article, code) pair is a positive, every other pair in the universe a negative; offsets are ignored.

export interface UniverseAgreement {
  readonly treatyIdentifier: string;
  readonly articleIdentifiers: readonly string[];
}

export interface Prediction {
  readonly treatyIdentifier: string;
  readonly articleIdentifier: string;
  readonly code: TaxonomyCodeId;
  readonly detail?: readonly string[];
  readonly bindingForce?: string | null;
  readonly location?: string | null;
  /** The rule that proposed it and its confidence (for calibration and the reliability table). */
  readonly ruleId?: string;
  readonly confidence?: number;
}

export interface Counts {
  readonly positives: number;
  readonly predicted: number;
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  /** null when nothing was predicted. */
  readonly precision: number | null;
  /** null when there is no positive. */
  readonly recall: number | null;
  readonly f1: number | null;
}

export interface CodeScore extends Counts {
  readonly code: TaxonomyCodeId;
}

export interface AttributeAgreement {
  readonly compared: number;
  readonly agreeing: number;
}

export interface Scoring {
  readonly perCode: CodeScore[];
  readonly micro: Counts;
  /**
   * Unweighted means over the codes that have at least one positive (a code with positives but no prediction
   * counts as precision 0, recall 0, F1 0); `codes` says how many codes the means cover.
   */
  readonly macro: {
    readonly codes: number;
    readonly precision: number;
    readonly recall: number;
    readonly f1: number;
  };
  /** On true positives: binding force, location, main detail (first subtype / mechanism), any detail overlap. */
  readonly attributes: {
    readonly bindingForce: AttributeAgreement;
    readonly location: AttributeAgreement;
    readonly mainDetail: AttributeAgreement;
    readonly detailOverlap: AttributeAgreement;
  };
  /** Pairs left out as "don't care" (borderline scoring). */
  readonly dontCare: number;
}

export interface EvaluationResult {
  readonly universeSize: number;
  /** Predictions on articles outside the universe (not scored). */
  readonly outsideUniverse: number;
  /** (a) every label row counts. */
  readonly all: Scoring;
  /** (b) BORDERLINE rows, and predictions on the same pairs, are "don't care". */
  readonly withoutBorderline: Scoring;
}

const DETAILED_CODES = new Set([
  TaxonomyCodeId.ECOMMERCE_PROVISION,
  TaxonomyCodeId.PREFERENTIAL_TREATMENT_CULTURE,
]);

const pairKey = (treaty: string, article: string, code: string) => `${treaty}\u0000${article}\u0000${code}`;
const articleKey = (treaty: string, article: string) => `${treaty}\u0000${article}`;

export function evaluate(
  labels: readonly LabelRow[],
  universe: readonly UniverseAgreement[],
  predictions: readonly Prediction[],
): EvaluationResult {
  const articles = new Set(
    universe.flatMap((agreement) =>
      agreement.articleIdentifiers.map((id) => articleKey(agreement.treatyIdentifier, id)),
    ),
  );
  const inUniverse = (treaty: string, article: string) => articles.has(articleKey(treaty, article));
  const scopedLabels = labels.filter((label) => inUniverse(label.treatyIdentifier, label.articleIdentifier));
  const scopedPredictions = uniquePredictions(
    predictions.filter((prediction) => inUniverse(prediction.treatyIdentifier, prediction.articleIdentifier)),
  );
  const borderline = new Set(
    scopedLabels
      .filter((label) => label.borderline)
      .map((label) => pairKey(label.treatyIdentifier, label.articleIdentifier, label.code)),
  );
  return {
    universeSize: articles.size,
    outsideUniverse:
      predictions.length -
      predictions.filter((p) => inUniverse(p.treatyIdentifier, p.articleIdentifier)).length,
    all: score(scopedLabels, scopedPredictions, new Set()),
    withoutBorderline: score(scopedLabels, scopedPredictions, borderline),
  };
}

function uniquePredictions(predictions: Prediction[]): Prediction[] {
  const seen = new Map<string, Prediction>();
  for (const prediction of predictions) {
    const key = pairKey(prediction.treatyIdentifier, prediction.articleIdentifier, prediction.code);
    if (!seen.has(key)) seen.set(key, prediction);
  }
  return [...seen.values()];
}

function score(labels: LabelRow[], predictions: Prediction[], dontCare: Set<string>): Scoring {
  const labelled = new Map<string, LabelRow>();
  for (const label of labels) {
    const key = pairKey(label.treatyIdentifier, label.articleIdentifier, label.code);
    if (!dontCare.has(key)) labelled.set(key, label);
  }
  const predicted = new Map<string, Prediction>();
  for (const prediction of predictions) {
    const key = pairKey(prediction.treatyIdentifier, prediction.articleIdentifier, prediction.code);
    if (!dontCare.has(key)) predicted.set(key, prediction);
  }
  const perCode = Object.values(TaxonomyCodeId).map((code): CodeScore => {
    const positives = [...labelled.values()].filter((label) => label.code === code).length;
    const guesses = [...predicted.entries()].filter(([, prediction]) => prediction.code === code);
    const tp = guesses.filter(([key]) => labelled.has(key)).length;
    return { code, ...counts(positives, guesses.length, tp) };
  });
  const sum = (pick: (score: CodeScore) => number) => perCode.reduce((total, item) => total + pick(item), 0);
  const attributes = {
    bindingForce: { compared: 0, agreeing: 0 },
    location: { compared: 0, agreeing: 0 },
    mainDetail: { compared: 0, agreeing: 0 },
    detailOverlap: { compared: 0, agreeing: 0 },
  };
  for (const [key, prediction] of predicted) {
    const label = labelled.get(key);
    if (!label) continue;
    tally(attributes.bindingForce, label.bindingForce, prediction.bindingForce);
    tally(attributes.location, label.location, prediction.location);
    if (DETAILED_CODES.has(label.code) && label.detail.length > 0) {
      const detail = prediction.detail ?? [];
      tally(attributes.mainDetail, label.detail[0], detail[0]);
      attributes.detailOverlap.compared++;
      if (detail.some((item) => label.detail.includes(item))) attributes.detailOverlap.agreeing++;
    }
  }
  return {
    perCode,
    micro: counts(
      sum((item) => item.positives),
      sum((item) => item.predicted),
      sum((item) => item.tp),
    ),
    macro: macroAverage(perCode),
    attributes,
    dontCare: dontCare.size,
  };
}

function macroAverage(perCode: CodeScore[]): Scoring['macro'] {
  const scored = perCode.filter((item) => item.positives > 0);
  const mean = (pick: (item: CodeScore) => number | null) =>
    scored.length === 0 ? 0 : scored.reduce((total, item) => total + (pick(item) ?? 0), 0) / scored.length;
  return {
    codes: scored.length,
    precision: mean((item) => item.precision),
    recall: mean((item) => item.recall),
    f1: mean((item) => item.f1),
  };
}

function tally(
  into: { compared: number; agreeing: number },
  expected: string | null,
  actual: string | null | undefined,
) {
  if (!expected) return;
  into.compared++;
  if (expected === actual) into.agreeing++;
}

function counts(positives: number, predicted: number, tp: number): Counts {
  const precision = predicted > 0 ? tp / predicted : null;
  const recall = positives > 0 ? tp / positives : null;
  const f1 =
    precision === null || recall === null
      ? null
      : precision + recall === 0
        ? 0
        : (2 * precision * recall) / (precision + recall);
  return { positives, predicted, tp, fp: predicted - tp, fn: positives - tp, precision, recall, f1 };
}
