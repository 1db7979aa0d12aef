import { parseSearchQuery } from './parse-search-query';
import { SearchQuery } from './search-query.ast';
import { SearchQuerySyntaxError } from './search-query-syntax.error';
import { fts5String, toFts5Match } from './to-fts5-match';

describe('toFts5Match', () => {
  it.each([
    ['culture', '"culture"'],
    ['cultural diversity', '"cultural" AND "diversity"'],
    ['"cultural industries"', '"cultural industries"'],
    ['audiovis*', '"audiovis"*'],
    ['e-comm*', '"e comm"*'],
    ['e-commerce', '"e commerce"'],
    ['film OR cinema', '"film" OR "cinema"'],
    ['culture NOT film', '"culture" NOT "film"'],
    ['culture -film -"audiovisual services"', '"culture" NOT ("film" OR "audiovisual services")'],
    ['cultural industries -film', '("cultural" AND "industries") NOT "film"'],
    ['a b OR c', '("a" AND "b") OR "c"'],
    ['(film OR cinema) -(tv radio)', '("film" OR "cinema") NOT ("tv" AND "radio")'],
    ['commerce NOT (electronic NOT customs)', '"commerce" NOT ("electronic" NOT "customs")'],
  ])('%s -> %s', (input, expected) => expect(toFts5Match(parseSearchQuery(input))).toBe(expected));

  it('quotes words that are FTS5 keywords or syntax in the user text', () => {
    expect(toFts5Match(parseSearchQuery('NEAR(body: x) or not ^AND'))).toBe(
      '"near" AND "body" AND "x" AND "or" AND "not" AND "and"',
    );
  });

  it('doubles double quotes inside FTS5 strings', () => {
    expect(fts5String('say "hi"')).toBe('"say ""hi"""');
  });

  it('refuses a hand-built pure negation', () => {
    const pure: SearchQuery = { kind: 'NOT', child: { kind: 'WORD', word: 'film' } };
    expect(() => toFts5Match(pure)).toThrow(SearchQuerySyntaxError);
    expect(() => toFts5Match({ kind: 'AND', children: [pure, pure] })).toThrow(
      'a query cannot be only NOT terms',
    );
  });
});
