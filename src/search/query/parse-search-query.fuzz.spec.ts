import { seededRandom } from '../../../test/support/synthetic-texts';
import { parseSearchQuery } from './parse-search-query';
import { isTerm, SearchQuery } from './search-query.ast';
import { SearchQuerySyntaxError } from './search-query-syntax.error';
import { queryTerms } from './query-terms';
import { toFts5Match } from './to-fts5-match';
import { toTsQuery } from './to-ts-query';

const PIECES = [
  'a',
  'b',
  'cu',
  'ltur',
  'film',
  'é',
  'ñ',
  'Ω',
  '1',
  '22',
  '"',
  '"',
  '*',
  '*',
  '(',
  '(',
  ')',
  ')',
  '-',
  '-',
  ' ',
  ' ',
  ' ',
  ' ',
  '\u00a0',
  'OR',
  'OR',
  'AND',
  'NOT',
  'NOT',
  'or',
  'not',
  '.',
  "'",
  ':',
  '&',
  '|',
  '!',
  '^',
  '\\',
  '\n',
  '\u0301',
  '😀',
];

function randomQuery(random: () => number): string {
  const length = Math.floor(random() * 24);
  return Array.from({ length }, () => PIECES[Math.floor(random() * PIECES.length)]).join('');
}

function assert(condition: boolean, what: string): void {
  if (!condition) throw new Error(what);
}

/** Checks the invariants the translations rely on; returns the number of nodes. */
function checkShape(node: SearchQuery, underNot = false): number {
  if (isTerm(node)) {
    const words = node.kind === 'WORD' ? [node.word] : node.kind === 'PREFIX' ? [node.prefix] : node.words;
    for (const word of words) assert(/^[\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}]+$/u.test(word), `word ${word}`);
    if (node.kind === 'PHRASE') assert(node.words.length > 1, 'one-word phrase');
    return 1;
  }
  if (node.kind === 'NOT') {
    assert(!underNot, 'NOT outside an AND');
    return 1 + checkShape(node.child);
  }
  assert(node.children.length > 1, 'AND/OR with one child');
  if (node.kind === 'AND')
    assert(
      node.children.some((child) => child.kind !== 'NOT'),
      'AND of only NOTs',
    );
  return 1 + node.children.reduce((sum, child) => sum + checkShape(child, node.kind !== 'AND'), 0);
}

function balanced(text: string): boolean {
  let depth = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (quoted) continue;
    depth += char === '(' ? 1 : char === ')' ? -1 : 0;
    if (depth < 0) return false;
  }
  return depth === 0 && !quoted;
}

describe('parseSearchQuery on random input', () => {
  it('either parses into a well-formed query that both translations accept, or throws SearchQuerySyntaxError', () => {
    const random = seededRandom(20240611);
    const outcomes = { parsed: 0, rejected: new Map<string, number>() };
    for (let i = 0; i < 20_000; i += 1) {
      const input = randomQuery(random);
      let query: SearchQuery;
      try {
        query = parseSearchQuery(input);
      } catch (error) {
        if (!(error instanceof SearchQuerySyntaxError)) throw new Error(`${JSON.stringify(input)}: ${error}`);
        assert(error.message.length > 0, 'empty message');
        const { position } = error;
        if (position !== undefined) assert(position >= 1 && position <= input.length, `position ${position}`);
        outcomes.rejected.set(error.code, (outcomes.rejected.get(error.code) ?? 0) + 1);
        continue;
      }
      outcomes.parsed += 1;
      try {
        assert(query.kind !== 'NOT', 'pure negation');
        checkShape(query);
        assert(balanced(toFts5Match(query)), 'unbalanced FTS5 expression');
        assert(balanced(toTsQuery(query)) && !toTsQuery(query).includes("''"), 'bad tsquery');
        queryTerms(query);
      } catch (error) {
        throw new Error(`${JSON.stringify(input)}: ${error}`);
      }
    }
    // The generator must exercise both paths and most kinds of rejection.
    expect(outcomes.parsed).toBeGreaterThan(2_000);
    expect([...outcomes.rejected.keys()].sort()).toEqual(
      expect.arrayContaining([
        'BAD_PREFIX',
        'DOUBLE_NOT',
        'EMPTY_PARENTHESES',
        'EMPTY_PHRASE',
        'EMPTY_QUERY',
        'MISPLACED_STAR',
        'MISSING_OPERAND',
        'ONLY_NOT_TERMS',
        'UNCLOSED_PARENTHESIS',
        'UNCLOSED_QUOTE',
        'UNMATCHED_PARENTHESIS',
      ]),
    );
  });
});
