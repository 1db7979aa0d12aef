import { NO_WORDS_MESSAGE, parseSearchQuery } from './parse-search-query';
import { SearchQuerySyntaxError } from './search-query-syntax.error';

const word = (w: string) => ({ kind: 'WORD', word: w });
const not = (child: unknown) => ({ kind: 'NOT', child });
const and = (...children: unknown[]) => ({ kind: 'AND', children });
const or = (...children: unknown[]) => ({ kind: 'OR', children });
const phrase = (words: string[], prefix = false) => ({ kind: 'PHRASE', words, prefix });

describe('parseSearchQuery', () => {
  describe('syntax', () => {
    it.each([
      ['culture', word('culture')],
      ['Cultural  Diversity', and(word('cultural'), word('diversity'))],
      ['cultural AND diversity', and(word('cultural'), word('diversity'))],
      ['"cultural industries"', phrase(['cultural', 'industries'])],
      ['"Cultural, industries!"', phrase(['cultural', 'industries'])],
      ['"broadcasting"', word('broadcasting')],
      ['audiovis*', { kind: 'PREFIX', prefix: 'audiovis' }],
      ['"cultural indus"*', phrase(['cultural', 'indus'], true)],
      ['e-comm*', phrase(['e', 'comm'], true)],
      ['film OR cinema', or(word('film'), word('cinema'))],
      ['culture NOT film', and(word('culture'), not(word('film')))],
      ['culture -film', and(word('culture'), not(word('film')))],
      ['culture -"audiovisual services"', and(word('culture'), not(phrase(['audiovisual', 'services'])))],
      ['culture AND NOT film', and(word('culture'), not(word('film')))],
      ['culture -(film OR cinema)', and(word('culture'), not(or(word('film'), word('cinema'))))],
      ['(film OR cinema) quota', and(or(word('film'), word('cinema')), word('quota'))],
      ['a (b (c d))', and(word('a'), word('b'), word('c'), word('d'))],
      ['a OR (b OR c)', or(word('a'), word('b'), word('c'))],
    ])('%s', (input, expected) => expect(parseSearchQuery(input)).toEqual(expected));

    it('binds NOT tightest, then AND, then OR', () => {
      expect(parseSearchQuery('a b OR c -d')).toEqual(
        or(and(word('a'), word('b')), and(word('c'), not(word('d')))),
      );
    });

    it('treats upper-case AND/OR/NOT as operators and any other case as words', () => {
      expect(parseSearchQuery('rules or not')).toEqual(and(word('rules'), word('or'), word('not')));
      expect(parseSearchQuery('Or Not And')).toEqual(and(word('or'), word('not'), word('and')));
      expect(parseSearchQuery('"OR"')).toEqual(word('or'));
    });

    it('keeps Unicode letters in words and folds case only', () => {
      expect(parseSearchQuery('Diversité ÑANDÚ comercio electrónico')).toEqual(
        and(word('diversité'), word('ñandú'), word('comercio'), word('electrónico')),
      );
    });

    it('handles letters outside the Basic Multilingual Plane', () => {
      expect(parseSearchQuery('x -𝐀𝐁 𝐀𝐁*')).toEqual(
        and(word('x'), not(word('𝐀𝐁'.toLowerCase())), { kind: 'PREFIX', prefix: '𝐀𝐁' }),
      );
    });

    it('composes decomposed accents (NFD input) so they match NFC text', () => {
      expect(parseSearchQuery('diversite\u0301')).toEqual(word('diversité'));
    });

    it('splits a bare word at punctuation into a phrase', () => {
      expect(parseSearchQuery('e-commerce')).toEqual(phrase(['e', 'commerce']));
      expect(parseSearchQuery("party's audio/visual")).toEqual(
        and(phrase(['party', 's']), phrase(['audio', 'visual'])),
      );
      expect(parseSearchQuery('culture,')).toEqual(word('culture'));
    });

    it('ignores stray punctuation between terms', () => {
      expect(parseSearchQuery('culture & film --- "x"')).toEqual(
        and(word('culture'), word('film'), word('x')),
      );
    });

    it('reads a minus inside a word as punctuation and a leading minus as NOT', () => {
      expect(parseSearchQuery('co-production -film')).toEqual(
        and(phrase(['co', 'production']), not(word('film'))),
      );
      expect(parseSearchQuery('culture - film')).toEqual(and(word('culture'), word('film')));
    });

    it('accepts non-breaking spaces and tabs as white space', () => {
      expect(parseSearchQuery('cultural\u00a0industries\tOR\nfilm')).toEqual(
        or(and(word('cultural'), word('industries')), word('film')),
      );
    });

    it('accepts a query of exactly 500 characters and 40 terms', () => {
      const forty = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
      expect(parseSearchQuery(forty)).toMatchObject({ kind: 'AND' });
      expect(parseSearchQuery(`${'x'.repeat(498)} y`)).toMatchObject({ kind: 'AND' });
    });
  });

  describe('rejections', () => {
    it.each([
      ['', 'EMPTY_QUERY', 'empty query', undefined],
      ['   \u00a0', 'EMPTY_QUERY', 'empty query', undefined],
      ['&& ;', 'EMPTY_QUERY', NO_WORDS_MESSAGE, undefined],
      ['\u{1F600}', 'EMPTY_QUERY', NO_WORDS_MESSAGE, undefined],
      ['culture "film', 'UNCLOSED_QUOTE', 'unclosed quote at position 9', 9],
      ['culture " , "', 'EMPTY_PHRASE', 'empty phrase at position 9', 9],
      ['culture NOT', 'MISSING_OPERAND', 'NOT at position 9 needs a term after it', 9],
      ['culture NOT OR film', 'MISSING_OPERAND', 'NOT at position 9 needs a term after it', 9],
      ['(culture NOT)', 'MISSING_OPERAND', 'NOT at position 10 needs a term after it', 10],
      ['NOT film', 'ONLY_NOT_TERMS', 'a query cannot be only NOT terms', undefined],
      ['-film -cinema', 'ONLY_NOT_TERMS', 'a query cannot be only NOT terms', undefined],
      ['culture NOT NOT film', 'DOUBLE_NOT', 'NOT at position 13 follows another NOT: remove both', 13],
      ['OR film', 'MISSING_OPERAND', 'OR at position 1 needs a term on each side', 1],
      ['film OR', 'MISSING_OPERAND', 'OR at position 6 needs a term on each side', 6],
      ['film OR OR tv', 'MISSING_OPERAND', 'OR at position 6 needs a term on each side', 6],
      ['film AND', 'MISSING_OPERAND', 'AND at position 6 needs a term on each side', 6],
      ['(film', 'UNCLOSED_PARENTHESIS', 'unclosed parenthesis at position 1', 1],
      ['((film) tv', 'UNCLOSED_PARENTHESIS', 'unclosed parenthesis at position 1', 1],
      ['film)', 'UNMATCHED_PARENTHESIS', 'unmatched ) at position 5', 5],
      [')film', 'UNMATCHED_PARENTHESIS', 'unmatched ) at position 1', 1],
      ['film ()', 'EMPTY_PARENTHESES', 'empty parentheses at position 6', 6],
      ['c*', 'BAD_PREFIX', 'prefix needs at least 2 letters before * (the * at position 2)', 2],
      ['film *', 'BAD_PREFIX', 'prefix needs at least 2 letters before * (the * at position 6)', 6],
      ['film-*', 'BAD_PREFIX', 'prefix needs at least 2 letters before * (the * at position 6)', 6],
      ['"audio v"*', 'BAD_PREFIX', 'prefix needs at least 2 letters before * (the * at position 10)', 10],
      [
        'cul*ture',
        'MISPLACED_STAR',
        '* at position 4 must end a word (write cultur* to find culture, cultural, ...)',
        4,
      ],
      [
        'film**',
        'MISPLACED_STAR',
        '* at position 5 must end a word (write cultur* to find culture, cultural, ...)',
        5,
      ],
      [
        'x'.repeat(501),
        'QUERY_TOO_LONG',
        'query too long: at most 500 characters (this one has 501)',
        undefined,
      ],
    ])('%j', (input, code, message, position) => {
      if (code === undefined) return expect(() => parseSearchQuery(input)).not.toThrow();
      const error = catchError(() => parseSearchQuery(input));
      expect(error).toBeInstanceOf(SearchQuerySyntaxError);
      expect(error).toMatchObject({ code, message, position });
    });

    it('rejects more than 500 characters', () => {
      expect(catchError(() => parseSearchQuery('x'.repeat(501)))).toMatchObject({
        code: 'QUERY_TOO_LONG',
        message: 'query too long: at most 500 characters (this one has 501)',
      });
    });

    it('rejects a side of an OR that is only NOT terms, naming the OR', () => {
      expect(catchError(() => parseSearchQuery('culture OR -film'))).toMatchObject({
        code: 'ONLY_NOT_TERMS',
        position: 9,
        message: expect.stringMatching(/^a side of the OR at position 9 has only NOT terms/),
      });
    });

    it('rejects parentheses that hold only NOT terms, even when negated again', () => {
      for (const input of ['culture (-film)', 'culture -(-film)', 'culture NOT (NOT film OR tv)']) {
        expect(catchError(() => parseSearchQuery(input))).toMatchObject({ code: 'ONLY_NOT_TERMS' });
      }
      expect(catchError(() => parseSearchQuery('culture (-film)'))).toMatchObject({
        message: 'the parentheses at position 9 hold only NOT terms: add a term to search for',
      });
    });

    it('rejects more than 40 terms, counting phrases and negated terms', () => {
      const words = Array.from({ length: 40 }, (_, i) => `w${i}`).join(' ');
      expect(catchError(() => parseSearchQuery(`${words} -"a b"`))).toMatchObject({
        code: 'TOO_MANY_TERMS',
        message: 'query too long: at most 40 terms (this one has 41)',
      });
    });

    it('rejects parentheses nested deeper than 16 levels', () => {
      expect(parseSearchQuery(`${'('.repeat(16)}a${')'.repeat(16)}`)).toEqual(word('a'));
      expect(catchError(() => parseSearchQuery(`${'('.repeat(17)}a${')'.repeat(17)}`))).toMatchObject({
        code: 'TOO_DEEP',
        position: 17,
      });
    });
  });
});

function catchError(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
