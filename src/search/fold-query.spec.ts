import { parseSearchQuery, SearchQuerySyntaxError, toFts5Match, toTsQuery } from './query';
import { foldSearchQuery } from './fold-query';

const folded = (input: string) => foldSearchQuery(parseSearchQuery(input));

describe('foldSearchQuery', () => {
  it('folds accents in words, prefixes and phrases', () => {
    expect(toFts5Match(folded('diversité "expressions culturelles" électron* "télé comm"*'))).toBe(
      '"diversite" AND "expressions culturelles" AND "electron"* AND "tele comm"*',
    );
    expect(toTsQuery(folded('Diversité -Économie'))).toBe("'diversite' & !'economie'");
  });

  it('repairs digits read for letters as the index does, so that a word copied from a damaged text finds it', () => {
    expect(toFts5Match(folded('"cultural industries" prov1s10ns cu1tur* "of th1s agreement"'))).toBe(
      '"cultural industries" AND "provisions" AND "cuitur"* AND "of this agreement"',
    );
    // Numbers and ordinals stay as they are.
    expect(toFts5Match(folded('1988 1st 10th'))).toBe('"1988" AND "1st" AND "10th"');
  });

  it('drops words that fold to nothing and reshapes the tree around them', () => {
    // A lone combining acute accent is a word to the parser and nothing once folded.
    expect(folded('culture \u0301')).toEqual({ kind: 'WORD', word: 'culture' });
    expect(folded('"\u0301 culture"')).toEqual({ kind: 'WORD', word: 'culture' });
    expect(folded('film OR \u0301')).toEqual({ kind: 'WORD', word: 'film' });
  });

  it('rejects a query with nothing left, or with only NOT terms left', () => {
    expect(() => folded('\u0301')).toThrow(SearchQuerySyntaxError);
    expect(() => folded('\u0301 -film')).toThrow(expect.objectContaining({ code: 'ONLY_NOT_TERMS' }));
    expect(() => folded('culture OR (\u0301 -film)')).toThrow(
      expect.objectContaining({ code: 'ONLY_NOT_TERMS' }),
    );
  });

  it('never gives the engines an empty string', () => {
    for (const input of ['a \u0301', '"xy \u0301\u0301"*', 'x -"\u0301 y"', '(\u0301 OR b) c']) {
      const query = folded(input);
      expect(toFts5Match(query)).not.toContain('""');
      expect(toTsQuery(query)).not.toContain("''");
    }
  });
});
