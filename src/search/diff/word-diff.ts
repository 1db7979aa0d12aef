import { diffWords } from 'diff';
import { repairDigitsInWords } from '../wording/ocr-repair';

export type DiffKind = 'EQUAL' | 'INSERT' | 'DELETE';

export interface DiffSegment {
  kind: DiffKind;
  text: string;
  /**
   * An EQUAL segment as `a` writes it, when that differs from `text` (b's): a word compared OCR-repaired, such as
   * "prov1s10ns" in `a` against "provisions" in `b`. Absent when both write it alike.
   */
  aText?: string;
}

export interface DiffStats {
  equalWords: number;
  insertedWords: number;
  deletedWords: number;
  /** equalWords / max(words of a, words of b): 1 for texts with the same words, 0 when none is shared. */
  similarity: number;
}

export interface WordDiffOptions {
  ignoreCase?: boolean;
  /**
   * The most tokens (words and punctuation marks) the diff may insert plus delete; beyond it the diff gives up and
   * returns the common leading and trailing words as EQUAL and everything between as one DELETE and one INSERT.
   * The cost grows with its square: 1,000 keeps the worst case near 0.1 s on long, unrelated texts.
   */
  maxEditLength?: number;
}

export const DEFAULT_MAX_EDIT_LENGTH = 1000;

const WHITE_SPACE_RUN = /\s+/gu;
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * A word-level diff of two texts (jsdiff's diffWords on white-space-normalised text: runs of white space, line
 * breaks and non-breaking spaces become one space; words are compared OCR-repaired, `repairDigitsInWords`, and
 * shown as stored). Punctuation marks are tokens of their own; adjacent segments
 * of the same kind are merged. Joining the EQUAL and INSERT texts gives normalised `b`; joining the EQUAL (their
 * `aText` where given) and DELETE texts gives `a` up to white space (EQUAL text carries the white space of `b`).
 */
export function wordDiff(a: string, b: string, options: WordDiffOptions = {}): DiffSegment[] {
  return wordDiffOutcome(a, b, options).segments;
}

/**
 * `wordDiff`, saying whether it is coarse: the texts differ in more than `maxEditLength` tokens, so only their
 * common leading and trailing words are EQUAL and everything between is one DELETE and one INSERT (words the two
 * share in between are not found).
 */
export function wordDiffOutcome(
  a: string,
  b: string,
  options: WordDiffOptions = {},
): { segments: DiffSegment[]; coarse: boolean } {
  const [storedOld, storedNew] = [normaliseWhiteSpace(a), normaliseWhiteSpace(b)];
  const [oldText, newText] = [repairDigitsInWords(storedOld), repairDigitsInWords(storedNew)];
  const { segments, coarse } = diffRepaired(oldText, newText, options);
  return {
    segments:
      oldText === storedOld && newText === storedNew
        ? segments
        : withStoredWords(segments, { stored: storedOld, repaired: oldText }, storedNew),
    coarse,
  };
}

function diffRepaired(
  oldText: string,
  newText: string,
  options: WordDiffOptions,
): { segments: DiffSegment[]; coarse: boolean } {
  const changes = diffWords(oldText, newText, {
    ignoreCase: options.ignoreCase,
    maxEditLength: options.maxEditLength ?? DEFAULT_MAX_EDIT_LENGTH,
  });
  const segments: DiffSegment[] = [];
  const push = (kind: DiffKind, text: string): void => {
    if (text === '') return;
    const last = segments[segments.length - 1];
    if (last?.kind === kind) last.text += text;
    else segments.push({ kind, text });
  };
  if (changes) {
    for (const change of changes)
      push(change.added ? 'INSERT' : change.removed ? 'DELETE' : 'EQUAL', change.value);
  } else {
    for (const [kind, text] of coarseDiff(oldText, newText, options.ignoreCase ?? false)) push(kind, text);
  }
  return { segments, coarse: !changes };
}

/**
 * The segments of a diff of OCR-repaired texts, holding the words as stored: a word whose digits stand for letters
 * ("prov1s10ns") is compared as repaired, so it is not shown as a change, and shown as it is written. The repair
 * keeps every character's place, so EQUAL and INSERT segments are slices of the new text in order; a DELETE is
 * found in the old text from where the last segment found there ended (left repaired if it cannot be found, as when
 * case-insensitive comparison met a letter whose lower case has another length).
 */
function withStoredWords(
  segments: DiffSegment[],
  old: { stored: string; repaired: string },
  storedNew: string,
): DiffSegment[] {
  let newAt = 0;
  let oldAt = 0;
  // Where these words are in the old text, from `oldAt` on. An EQUAL segment carries b's white space, which may
  // differ from a's ("a, b" against "a,b"): white space is then matched loosely.
  const findOld = (words: string): { at: number; end: number } | null => {
    if (!words) return null;
    const exact = old.repaired.indexOf(words, oldAt);
    if (exact >= 0) return { at: exact, end: exact + words.length };
    const chars = [...words.replace(WHITE_SPACE_RUN, '')].map((c) =>
      c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    );
    const loose = new RegExp(chars.join('\\s*'), 'gu');
    loose.lastIndex = oldAt;
    const match = loose.exec(old.repaired);
    return match ? { at: match.index, end: match.index + match[0].length } : null;
  };
  return segments.map(({ kind, text }) => {
    const words = text.trim();
    const lead = text.length - text.trimStart().length;
    if (kind === 'DELETE') {
      const found = findOld(words);
      if (!found) return { kind, text };
      oldAt = found.end;
      const stored = old.stored.slice(found.at, found.end);
      return { kind, text: text.slice(0, lead) + stored + text.slice(lead + words.length) };
    }
    const stored = storedNew.slice(newAt, newAt + text.length);
    newAt += text.length;
    const found = kind === 'EQUAL' ? findOld(words) : null;
    if (found) {
      oldAt = found.end;
      // The same words repaired; as stored, a's may differ from b's (the OCR damage is in one of them).
      const storedOld = old.stored.slice(found.at, found.end);
      const storedWords = stored.slice(lead, lead + words.length);
      if (storedOld.replace(WHITE_SPACE_RUN, '') !== storedWords.replace(WHITE_SPACE_RUN, ''))
        return {
          kind,
          text: stored,
          aText: stored.slice(0, lead) + storedOld + stored.slice(lead + words.length),
        };
    }
    return { kind, text: stored };
  });
}

/** Common leading and trailing white-space-separated tokens, and the rest as one deletion and one insertion. */
function coarseDiff(a: string, b: string, ignoreCase: boolean): [DiffKind, string][] {
  const [tokensA, tokensB] = [a ? a.split(' ') : [], b ? b.split(' ') : []];
  const same = (x: string, y: string): boolean =>
    ignoreCase ? x.toLowerCase() === y.toLowerCase() : x === y;
  const shorter = Math.min(tokensA.length, tokensB.length);
  let head = 0;
  while (head < shorter && same(tokensA[head], tokensB[head])) head += 1;
  let tail = 0;
  while (
    tail < shorter - head &&
    same(tokensA[tokensA.length - 1 - tail], tokensB[tokensB.length - 1 - tail])
  ) {
    tail += 1;
  }
  const start = tokensB.slice(0, head).join(' ');
  const end = tokensB.slice(tokensB.length - tail).join(' ');
  // The space between parts goes with the changed text, so that each side joins up with single spaces.
  const changed = (tokens: string[]): string => {
    const middle = tokens.slice(head, tokens.length - tail).join(' ');
    if (!middle) return '';
    return start ? ` ${middle}` : end ? `${middle} ` : middle;
  };
  return [
    ['EQUAL', start],
    ['DELETE', changed(tokensA)],
    ['INSERT', changed(tokensB)],
    ['EQUAL', start && end ? ` ${end}` : end],
  ];
}

/**
 * Counts words (runs of letters and digits; punctuation does not count) in the segments. A text's word count is
 * its EQUAL plus DELETE (or INSERT) words.
 */
export function diffStats(segments: DiffSegment[]): DiffStats {
  const counts = { EQUAL: 0, INSERT: 0, DELETE: 0 };
  for (const segment of segments) counts[segment.kind] += countWords(segment.text);
  const longer = Math.max(counts.EQUAL + counts.DELETE, counts.EQUAL + counts.INSERT);
  return {
    equalWords: counts.EQUAL,
    insertedWords: counts.INSERT,
    deletedWords: counts.DELETE,
    similarity: longer === 0 ? 1 : counts.EQUAL / longer,
  };
}

function normaliseWhiteSpace(text: string): string {
  return text.replace(WHITE_SPACE_RUN, ' ').trim();
}

function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}
