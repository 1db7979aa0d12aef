import type { BarSeries } from '../render/report-document';
import { PALETTE } from '../render/svg-common';

const NOT_MET_COLOR = PALETTE[4];

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
 * The party page and the report files both draw them from here. "Does not meet" is drawn in the palette's
 * vermilion (its position's colour was green), and the evidence awaiting review striped, as in every chart.
 */
export function scoreBarSeries(scores: readonly ScoreCounts[], names: ScoreBarNames): BarSeries[] {
  return [
    { name: names.met, values: scores.map((s) => s.met) },
    { name: names.notAssessed, values: scores.map((s) => s.notAssessed) },
    { name: names.notMet, values: scores.map((s) => s.assessed - s.met), color: NOT_MET_COLOR },
    { name: names.pending, values: scores.map((s) => s.pending), pending: true },
  ];
}
