// Regular-expression helpers for rules. Texts are matched after white space is folded to single spaces.
// JavaScript's \b only knows ASCII letters, so word edges are written with Unicode-aware look-arounds
// ("aplicará", "télévision" end in letters \b does not see).

const LETTER_BEFORE = '(?<![\\p{L}\\p{N}])';
const LETTER_AFTER = '(?![\\p{L}\\p{N}])';

/** A case-insensitive global regex for `source` as whole words (no letter or digit on either side). */
export function words(source: string): RegExp {
  return new RegExp(`${LETTER_BEFORE}(?:${source})${LETTER_AFTER}`, 'giu');
}

/** Like `words`, but only the start is anchored at a word edge: `stem('cultur')` matches "culture", "cultural". */
export function stem(source: string): RegExp {
  return new RegExp(`${LETTER_BEFORE}(?:${source})`, 'giu');
}

/** Joins alternatives into one non-capturing group source. */
export function anyOf(...sources: string[]): string {
  return `(?:${sources.join('|')})`;
}

/** Tests a global regex without disturbing its state. */
export function test(pattern: RegExp, text: string): boolean {
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** All matches of a global regex, as spans. */
export function allSpans(pattern: RegExp, text: string): Span[] {
  const spans: Span[] = [];
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    spans.push({ start: match.index, end: match.index + match[0].length });
    if (match[0].length === 0) pattern.lastIndex++;
  }
  pattern.lastIndex = 0;
  return spans;
}
