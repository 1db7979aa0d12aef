import { SearchTerm } from './search-query.ast';
import { SearchQuerySyntaxError } from './search-query-syntax.error';
import { isWordChar, splitWords } from './query-words';

export type OperatorToken = {
  type: 'AND' | 'OR' | 'NOT' | 'LPAREN' | 'RPAREN';
  position: number;
  text: string;
};
export type TermToken = { type: 'TERM'; term: SearchTerm; position: number };
export type Token = OperatorToken | TermToken;

const WHITE_SPACE = /\s/u;
const OPERATORS = new Set(['AND', 'OR', 'NOT']);
export const MIN_PREFIX_LENGTH = 2;

/**
 * Splits a query into terms and operators. Positions are 1-based. A bare token with no word characters ("&", "--")
 * yields no token: punctuation between words means nothing.
 */
export function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const char = input[i];
    const position = i + 1;
    if (WHITE_SPACE.test(char)) {
      i += 1;
    } else if (char === '(' || char === ')') {
      tokens.push({ type: char === '(' ? 'LPAREN' : 'RPAREN', position, text: char });
      i += 1;
    } else if (char === '"') {
      i = readPhrase(input, i, tokens);
    } else if (char === '-' && startsNegatedTerm(input, i)) {
      tokens.push({ type: 'NOT', position, text: '-' });
      i += 1;
    } else {
      i = readBareToken(input, i, tokens);
    }
  }
  return tokens;
}

/** A leading minus is NOT when it starts a token and a term or group follows right after it. */
function startsNegatedTerm(input: string, i: number): boolean {
  const before = i === 0 ? ' ' : input[i - 1];
  const after = i + 1 < input.length ? String.fromCodePoint(input.codePointAt(i + 1) as number) : ' ';
  return (
    (WHITE_SPACE.test(before) || before === '(') && (isWordChar(after) || after === '"' || after === '(')
  );
}

function readPhrase(input: string, start: number, tokens: Token[]): number {
  const close = input.indexOf('"', start + 1);
  if (close === -1) {
    throw new SearchQuerySyntaxError('UNCLOSED_QUOTE', `unclosed quote at position ${start + 1}`, start + 1);
  }
  const body = input.slice(start + 1, close);
  const words = splitWords(body);
  if (words.length === 0) {
    throw new SearchQuerySyntaxError('EMPTY_PHRASE', `empty phrase at position ${start + 1}`, start + 1);
  }
  const prefix = input[close + 1] === '*';
  if (prefix) checkPrefixWord(words[words.length - 1], body.trimEnd(), close + 2);
  tokens.push({ type: 'TERM', term: makeTerm(words, prefix), position: start + 1 });
  return prefix ? close + 2 : close + 1;
}

function readBareToken(input: string, start: number, tokens: Token[]): number {
  let end = start;
  while (end < input.length && !WHITE_SPACE.test(input[end]) && !'"()'.includes(input[end])) end += 1;
  const raw = input.slice(start, end);
  const position = start + 1;
  if (OPERATORS.has(raw)) {
    tokens.push({ type: raw as OperatorToken['type'], position, text: raw });
    return end;
  }
  const star = raw.indexOf('*');
  if (star !== -1 && star !== raw.length - 1) {
    throw new SearchQuerySyntaxError(
      'MISPLACED_STAR',
      `* at position ${position + star} must end a word (write cultur* to find culture, cultural, ...)`,
      position + star,
    );
  }
  const prefix = star !== -1;
  const body = prefix ? raw.slice(0, -1) : raw;
  const words = splitWords(body);
  if (prefix) checkPrefixWord(words[words.length - 1], body, position + raw.length - 1);
  if (words.length > 0) tokens.push({ type: 'TERM', term: makeTerm(words, prefix), position });
  return end;
}

function checkPrefixWord(lastWord: string | undefined, body: string, starPosition: number): void {
  const lastChar = Array.from(body).pop();
  const endsWithWord = lastChar !== undefined && isWordChar(lastChar);
  if (!lastWord || !endsWithWord || [...lastWord].length < MIN_PREFIX_LENGTH) {
    throw new SearchQuerySyntaxError(
      'BAD_PREFIX',
      `prefix needs at least ${MIN_PREFIX_LENGTH} letters before * (the * at position ${starPosition})`,
      starPosition,
    );
  }
}

function makeTerm(words: string[], prefix: boolean): SearchTerm {
  if (words.length > 1) return { kind: 'PHRASE', words, prefix };
  return prefix ? { kind: 'PREFIX', prefix: words[0] } : { kind: 'WORD', word: words[0] };
}
