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

// Characters that OCR and typesetting put in place of a letter (the letter's class in `tolerant`).
const LETTER_CLASSES: Record<string, string> = {
  l: '[l1I|]',
  i: '[il1|íì]',
  o: '[o0óò]',
  e: '[eéèê]',
  a: '[aáà]',
  u: '[uúü]',
  c: '[cç]',
};
const MULTI_LETTER: Record<string, string> = { m: '(?:m|rn)', w: '(?:w|vv)' };
// A word broken at a line end: a hard or soft hyphen, then (after white space folding) at most one space.
const WORD_BREAK = '(?:[-\\u00ad\\u2010]\\s?)?';

/**
 * Makes a phrase pattern tolerant of how texts are written and scanned: every literal letter also matches its
 * usual OCR confusions (l/1/I, o/0, m/rn, accents dropped or added), a word may be hyphenated across a line
 * (hard or soft hyphen) between any two letters, a space may be any white space, and curly and straight
 * apostrophes are interchangeable. Regex syntax in `source` (groups, alternatives, quantifiers) is kept.
 */
export function tolerant(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (char === '\\') {
      out += char + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (char === ']') inClass = false;
      out += char;
      continue;
    }
    if (char === '[') {
      inClass = true;
      out += char;
      continue;
    }
    if (char === '(' && source[i + 1] === '?') {
      // (?: (?= (?! (?<= (?<! : copy the group opener whole, its letters are syntax.
      const opener = /^\(\?(?:<[=!]|[:=!])/.exec(source.slice(i))?.[0] ?? '(?';
      out += opener;
      i += opener.length - 1;
      continue;
    }
    if (char === ' ') {
      out += '\\s+';
      continue;
    }
    if (char === '’' || char === "'") {
      out += "[’'`´]";
      continue;
    }
    const lower = char.toLowerCase();
    const continuesWord = /[\p{L}(]/u.test(source[i + 1] ?? '');
    if (/\p{L}/u.test(char)) {
      out += MULTI_LETTER[lower] ?? LETTER_CLASSES[lower] ?? char;
      if (continuesWord) out += WORD_BREAK;
      continue;
    }
    out += char;
    if (char === ')' && continuesWord) out += WORD_BREAK;
  }
  return out;
}
