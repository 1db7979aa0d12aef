import type { BarSeries } from '../render/report-document';

/** What a paragraph's bar is drawn from: its score's counts (`ParagraphScore`). */
export interface ScoreCounts {
  met: number;
  assessed: number;
  pending: number;
  notAssessed: number;
}

/** The names of the bars' parts, in the reader's language. */
export interface ScoreBarNames {
  met: string;
  notAssessed: string;
  notMet: string;
  pending: string;
}

/**
 * The bars of the scores, one per paragraph: the agreements the paragraph applies to, stacked by outcome (meets,
 * not assessed, does not meet, awaiting review), in agreements. A share of the assessed alone drew a full bar
 * for Canada's 19.5 from 1 agreement of the 8 it applies to (the other 7 unknown on records of excerpts): drawn
 * in agreements, the agreements not assessed stay in sight beside the one that meets it. The share itself is
 * written with its base beside the bars ("1 of 1 assessed agreement meets it; 7 not assessed").
 * The party page and the report files both draw them from here. Odd series are striped by the renderer, so
 * "not assessed" (second) is never read as "meets" in black and white.
 */
export function scoreBarSeries(scores: readonly ScoreCounts[], names: ScoreBarNames): BarSeries[] {
  return [
    { name: names.met, values: scores.map((s) => s.met) },
    { name: names.notAssessed, values: scores.map((s) => s.notAssessed) },
    { name: names.notMet, values: scores.map((s) => s.assessed - s.met) },
    { name: names.pending, values: scores.map((s) => s.pending) },
  ];
}
