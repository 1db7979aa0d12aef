import { uniqueSheetNames } from './sheet-names';

describe('uniqueSheetNames', () => {
  it('removes forbidden characters, leading and trailing apostrophes, and cuts at 31 characters', () => {
    expect(uniqueSheetNames(['a/b:c*d?e[f]g\\h', "'quoted'", 'x'.repeat(40)])).toEqual([
      'a b c d e f g h',
      'quoted',
      'x'.repeat(31),
    ]);
  });

  it('makes names unique ignoring case, avoiding taken and reserved names', () => {
    expect(uniqueSheetNames(['About', 'Trends', 'trends', 'History', '', '***'], ['About'])).toEqual([
      'About (2)',
      'Trends',
      'trends (2)',
      'History (2)',
      'Sheet 5',
      'Sheet 6',
    ]);
  });

  it('keeps the suffix within 31 characters', () => {
    const long = 'Scores by code: a rather long title';
    const [first, second] = uniqueSheetNames([long, long]);
    expect(first).toBe('Scores by code a rather long…');
    expect(second).toBe('Scores by code a rather… (2)');
    expect(second.length).toBeLessThanOrEqual(31);
  });

  it("names long titles the cut makes alike by their sections' ids, not by (2)", () => {
    const shares = 'Share of agreements with accepted evidence of each clause';
    const withProposed = 'Share of agreements with accepted or proposed evidence of each clause';
    expect(
      uniqueSheetNames(
        [shares, withProposed, 'Counts'],
        ['About'],
        ['shares', 'shares-with-proposed', 'counts'],
      ),
    ).toEqual(['shares', 'shares-with-proposed', 'Counts']);
    // Without ids (or a title short enough to be whole), as before.
    expect(uniqueSheetNames([shares, withProposed])).toEqual([
      'Share of agreements with…',
      'Share of agreements with… (2)',
    ]);
  });

  it('cuts a long title after a whole word, with an ellipsis', () => {
    expect(
      uniqueSheetNames([
        'Résultats par paragraphe des Directives opérationnelles',
        'Évolution par année de signature',
      ]),
    ).toEqual(['Résultats par paragraphe des…', 'Évolution par année de…']);
  });
});
