import { LabelRow } from './dev-labels';
import { Prediction } from './evaluate';

/** Predicted confidence bands, [from, to): the last one includes 1. */
export const CONFIDENCE_BANDS: ReadonlyArray<readonly [number, number]> = [
  [0, 0.5],
  [0.5, 0.7],
  [0.7, 0.8],
  [0.8, 0.9],
  [0.9, 0.95],
  [0.95, 1],
];

export interface ReliabilityRow {
  readonly from: number;
  readonly to: number;
  readonly predictions: number;
  readonly correct: number;
  /** Mean predicted confidence in the band (null when empty). */
  readonly meanConfidence: number | null;
  /** Observed precision in the band (null when empty). */
  readonly precision: number | null;
}

const pairKey = (treaty: string, article: string, code: string) => `${treaty}\u0000${article}\u0000${code}`;

/**
 * Reliability of the proposals' confidence: for each band of predicted confidence, how many proposals fall in
 * it and what share of them the labels confirm. A calibrated annotator's precision in a band is close to the
 * band's mean confidence. Predictions outside the labelled universe must be filtered out by the caller.
 */
export function reliabilityTable(
  labels: readonly LabelRow[],
  predictions: readonly Prediction[],
): ReliabilityRow[] {
  const positive = new Set(labels.map((l) => pairKey(l.treatyIdentifier, l.articleIdentifier, l.code)));
  const seen = new Set<string>();
  const scored = predictions.filter((p) => {
    const key = pairKey(p.treatyIdentifier, p.articleIdentifier, p.code);
    if (seen.has(key) || p.confidence === undefined) return false;
    seen.add(key);
    return true;
  });
  return CONFIDENCE_BANDS.map(([from, to], index) => {
    const last = index === CONFIDENCE_BANDS.length - 1;
    const inBand = scored.filter(
      (p) => p.confidence! >= from && (p.confidence! < to || (last && p.confidence! <= to)),
    );
    const correct = inBand.filter((p) =>
      positive.has(pairKey(p.treatyIdentifier, p.articleIdentifier, p.code)),
    );
    return {
      from,
      to,
      predictions: inBand.length,
      correct: correct.length,
      meanConfidence: inBand.length
        ? inBand.reduce((sum, p) => sum + p.confidence!, 0) / inBand.length
        : null,
      precision: inBand.length ? correct.length / inBand.length : null,
    };
  });
}
