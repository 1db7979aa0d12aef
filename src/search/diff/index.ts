export { diffStats, wordDiff, wordDiffOutcome } from './word-diff';
export { DEFAULT_MAX_EDIT_LENGTH } from './word-diff';
export type { DiffKind, DiffSegment, DiffStats, WordDiffOptions } from './word-diff';
