import { parseSearchQuery } from './parse-search-query';
import { toTsQuery, tsLexeme } from './to-ts-query';

describe('toTsQuery', () => {
  it.each([
    ['culture', "'culture'"],
    ['cultural diversity', "'cultural' & 'diversity'"],
    ['"cultural industries"', "'cultural' <-> 'industries'"],
    ['"cultural industries" quota', "('cultural' <-> 'industries') & 'quota'"],
    ['audiovis*', "'audiovis':*"],
    ['e-comm*', "'e' <-> 'comm':*"],
    ['film OR cinema', "'film' | 'cinema'"],
    ['culture NOT film', "'culture' & !'film'"],
    ['culture -"audiovisual services"', "'culture' & !('audiovisual' <-> 'services')"],
    ['a b OR c', "('a' & 'b') | 'c'"],
    ['culture -(film OR cinema)', "'culture' & !('film' | 'cinema')"],
    ['Diversité', "'diversité'"],
  ])('%s -> %s', (input, expected) => expect(toTsQuery(parseSearchQuery(input))).toBe(expected));

  it('folds accents when asked to (for an index built on unaccented text)', () => {
    expect(toTsQuery(parseSearchQuery('diversité électronique*'), { foldAccents: true })).toBe(
      "'diversite' & 'electronique':*",
    );
  });

  it('keeps tsquery operators typed by the user out of the output', () => {
    expect(toTsQuery(parseSearchQuery("a&b | !c <-> d:A 'e'"))).toBe(
      "('a' <-> 'b') & 'c' & ('d' <-> 'a') & 'e'",
    );
  });

  it('escapes quotes and backslashes in lexemes', () => {
    expect(tsLexeme("o'neil\\x")).toBe("'o''neil\\\\x'");
  });
});
