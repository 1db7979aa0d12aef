import type { DiffKindEnum, WordDiffResult } from '../dto/similarity.models';
import { sortedJaccard } from '../similar/sorted-jaccard';
import { verbatimFeatures } from '../wording/clause-index';
import { wordingFeatures } from '../wording/wording-features';
import { diffStats, wordDiffOutcome } from './word-diff';

/** Two texts compared: the word diff from the first to the second, and both similarities. */
export interface TextComparison {
  diff: WordDiffResult;
  verbatimScore: number;
  wordingScore: number;
}

/** A word diff from one text to another, with its counts, saying whether it is coarse. */
export function diffOf(from: string, to: string): WordDiffResult {
  const { segments: diff, coarse } = wordDiffOutcome(from, to);
  const segments = diff.map((s) => ({
    kind: s.kind as DiffKindEnum,
    text: s.text,
    ...(s.aText === undefined ? {} : { aText: s.aText }),
  }));
  return { segments, stats: { ...diffStats(diff), coarse } };
}

/** The word diff from `a` to `b` and their VERBATIM and WORDING similarities. */
export function compareTexts(a: string, b: string): TextComparison {
  return {
    diff: diffOf(a, b),
    verbatimScore: sortedJaccard(verbatimFeatures(a), verbatimFeatures(b)),
    wordingScore: sortedJaccard(wordingFeatures(a), wordingFeatures(b)),
  };
}
