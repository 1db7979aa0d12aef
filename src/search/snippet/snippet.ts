import { foldAccents, QueryTerms } from '../query';

export interface SnippetOptions {
  /** Put before each match (default «). */
  open: string;
  /** Put after each match (default »). */
  close: string;
  /** Length of the snippet in words. */
  words: number;
}

export const DEFAULT_SNIPPET: SnippetOptions = { open: '«', close: '»', words: 30 };

const WORD_RUN = /[\p{L}\p{M}\p{N}]+/gu;
const HAS_WORD = /[\p{L}\p{M}\p{N}]/u;
const NOT_ASCII = /[\u0080-\uffff]/;
const WHITE_SPACE_RUN = /\s+/gu;
/** Windows are tried around at most this many matches (a common word can match thousands of times). */
const MAX_WINDOWS = 200;

interface Token {
  start: number;
  end: number;
  word: string;
}

/** A run of matched tokens [first, last] and the query term it matched. */
interface Match {
  first: number;
  last: number;
  term: number;
}

interface Scan {
  text: string;
  tokens: Token[];
  matches: Match[];
  distinct: number;
}

/**
 * The passage of a provision that best shows why it matched: `words` words around the most distinct query terms,
 * each match (or run of adjacent matches) wrapped in open/close, "…" where the text goes on. Words match as the
 * index matches them (case and accents folded, split at punctuation). Sources are tried in order (text, summary,
 * titles); the one with the most distinct terms wins. With no match anywhere (all terms under NOT), the start of
 * the first source.
 */
export function snippet(
  sources: (string | null | undefined)[],
  terms: QueryTerms,
  options: SnippetOptions = DEFAULT_SNIPPET,
): string {
  const matcher = new TermMatcher(terms);
  let best: Scan | null = null;
  for (const text of sources) {
    if (!text) continue;
    const found = scan(text, matcher, options.words);
    if (found.tokens.length && (!best || found.distinct > best.distinct)) best = found;
    if (best && best.distinct === matcher.termCount) break;
  }
  if (!best) return '';
  const window = bestWindow(best.tokens.length, best.matches, options.words);
  return render(best.text, best.tokens, best.matches, window, options);
}

class TermMatcher {
  readonly termCount: number;
  /** How many tokens a match can span: the longest phrase. */
  readonly reach: number;
  private readonly words: Map<string, number>;
  private readonly prefixes: string[];
  private readonly phrases: { words: string[]; prefix: boolean }[];

  constructor(terms: QueryTerms) {
    this.words = new Map(terms.words.map((w, i) => [foldAccents(w), i]));
    this.prefixes = terms.prefixes.map(foldAccents);
    this.phrases = [
      ...terms.phrases.map((p) => ({ words: p.map(foldAccents), prefix: false })),
      ...terms.prefixPhrases.map((p) => ({ words: p.map(foldAccents), prefix: true })),
    ];
    this.termCount = this.words.size + this.prefixes.length + this.phrases.length;
    this.reach = Math.max(1, ...this.phrases.map((p) => p.words.length));
  }

  /** The match that starts at token `at`, if any (phrases first, then words, then prefixes). */
  matchAt(tokens: Token[], at: number): Match | null {
    const phraseBase = this.words.size + this.prefixes.length;
    for (const [i, phrase] of this.phrases.entries()) {
      if (phraseAt(tokens, at, phrase.words, phrase.prefix)) {
        return { first: at, last: at + phrase.words.length - 1, term: phraseBase + i };
      }
    }
    const word = tokens[at].word;
    const exact = this.words.get(word);
    if (exact !== undefined) return { first: at, last: at, term: exact };
    const prefix = this.prefixes.findIndex((p) => word.startsWith(p));
    return prefix >= 0 ? { first: at, last: at, term: this.words.size + prefix } : null;
  }
}

/**
 * Tokenizes and matches as it goes, and stops once a window holds every term (no later window can do better),
 * so that a rare word in a long annex costs little more than the words before it.
 */
function scan(text: string, matcher: TermMatcher, size: number): Scan {
  const tokens: Token[] = [];
  const matches: Match[] = [];
  let next = 0;
  let stopAt = matcher.termCount === 0 ? size : Infinity;
  const test = (upTo: number) => {
    for (; next < upTo; next += 1) {
      const match = matcher.matchAt(tokens, next);
      if (!match) continue;
      matches.push(match);
      next = match.last;
      if (stopAt === Infinity && windowTerms(matches, match, size) === matcher.termCount) {
        stopAt = match.first + size;
      }
    }
  };
  WORD_RUN.lastIndex = 0;
  for (let m = WORD_RUN.exec(text); m && tokens.length < stopAt; m = WORD_RUN.exec(text)) {
    const raw = m[0].toLowerCase();
    tokens.push({
      start: m.index,
      end: m.index + m[0].length,
      word: NOT_ASCII.test(raw) ? foldAccents(raw.normalize('NFC')) : raw,
    });
    test(tokens.length - matcher.reach + 1);
  }
  test(tokens.length);
  return { text, tokens, matches, distinct: new Set(matches.map((match) => match.term)).size };
}

/** Distinct terms among the matches that fit in one window ending with `last`. */
function windowTerms(matches: Match[], last: Match, size: number): number {
  const terms = new Set<number>();
  for (let i = matches.length - 1; i >= 0 && matches[i].first > last.last - size; i -= 1)
    terms.add(matches[i].term);
  return terms.size;
}

function phraseAt(tokens: Token[], at: number, words: string[], prefix: boolean): boolean {
  if (at + words.length > tokens.length) return false;
  return words.every((word, k) => {
    const token = tokens[at + k].word;
    return prefix && k === words.length - 1 ? token.startsWith(word) : token === word;
  });
}

/** [first, last] token of the window with the most distinct terms, then the most matches, then the earliest. */
function bestWindow(tokenCount: number, matches: Match[], size: number): [number, number] {
  const length = Math.max(1, size);
  const clamp = (start: number): [number, number] => {
    const first = Math.max(0, Math.min(start, tokenCount - length));
    return [first, Math.min(tokenCount, first + length) - 1];
  };
  let best = clamp(0);
  let bestScore = [-1, -1];
  const lead = Math.floor(length / 3);
  for (const match of matches.slice(0, MAX_WINDOWS)) {
    const window = clamp(match.first - lead);
    const inside = matches.filter((m) => m.first >= window[0] && m.last <= window[1]);
    const score = [new Set(inside.map((m) => m.term)).size, inside.length];
    if (score[0] > bestScore[0] || (score[0] === bestScore[0] && score[1] > bestScore[1])) {
      best = window;
      bestScore = score;
    }
  }
  return best;
}

function render(
  text: string,
  tokens: Token[],
  matches: Match[],
  [first, last]: [number, number],
  options: SnippetOptions,
): string {
  const squash = (part: string) => part.replace(WHITE_SPACE_RUN, ' ');
  const atEnd = last === tokens.length - 1 && !HAS_WORD.test(text.slice(tokens[last].end));
  let out = first > 0 ? '… ' : '';
  let at = first > 0 ? tokens[first].start : 0;
  for (const [start, end] of markedRanges(text, tokens, matches, first, last)) {
    out += `${squash(text.slice(at, start))}${options.open}${squash(text.slice(start, end))}${options.close}`;
    at = end;
  }
  if (!atEnd) return `${out}${squash(text.slice(at, tokens[last].end))} …`.trim();
  return `${out}${squash(text.slice(at))}`.trim();
}

/** Character ranges of the matches inside the window; matches with only white space between them are one range. */
function markedRanges(text: string, tokens: Token[], matches: Match[], first: number, last: number) {
  const ranges: [number, number][] = [];
  for (const match of matches) {
    if (match.first < first || match.last > last) continue;
    const start = tokens[match.first].start;
    const end = tokens[match.last].end;
    const previous = ranges[ranges.length - 1];
    if (previous && /^\s*$/u.test(text.slice(previous[1], start))) previous[1] = end;
    else ranges.push([start, end]);
  }
  return ranges;
}
