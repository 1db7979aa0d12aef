import { searchFileName } from './search.page';

const none = { codes: [], parties: [], types: [], bindings: [], languages: [], locations: [] };
const day = '2026-12-05';

describe('the search CSV file name', () => {
  it('names the query and every filter, so that two different searches are two files', () => {
    expect(searchFileName({ ...none, q: 'cultural' }, day)).toBe('search-cultural-2026-12-05.csv');
    expect(searchFileName({ ...none, q: 'cultural', parties: ['CAN'] }, day)).toBe(
      'search-cultural-party-can-2026-12-05.csv',
    );
    expect(
      searchFileName(
        {
          ...none,
          q: 'audiovisual',
          parties: ['CAN', 'KOR'],
          codes: ['CULTURAL_EXEMPTION'],
          from: 2000,
          to: 2010,
        },
        day,
      ),
    ).toBe('search-audiovisual-code-cultural-exemption-party-can-kor-from-2000-to-2010-2026-12-05.csv');
    expect(searchFileName({ ...none, q: 'culture', languages: ['fr'], locations: ['PREAMBLE'] }, day)).toBe(
      'search-culture-language-fr-location-preamble-2026-12-05.csv',
    );
  });

  it('says which words the query excludes: the file without a word never takes the name of the file with it', () => {
    const without = searchFileName({ ...none, q: '"cultural industries" -audiovisual' }, day);
    const withIt = searchFileName({ ...none, q: '"cultural industries" audiovisual' }, day);
    expect(without).toBe('search-cultural-industries-not-audiovisual-2026-12-05.csv');
    expect(withIt).toBe('search-cultural-industries-audiovisual-2026-12-05.csv');
    expect(searchFileName({ ...none, q: 'culture NOT tourism' }, day)).toBe(
      'search-culture-not-tourism-2026-12-05.csv',
    );
    // A hyphen inside a word is no exclusion.
    expect(searchFileName({ ...none, q: 'e-commerce' }, day)).toBe('search-e-commerce-2026-12-05.csv');
  });

  it('bounds the filter part as the query part is bounded', () => {
    const parties = Array.from({ length: 10 }, (_, i) => `P${i}${i}`);
    const name = searchFileName(
      { ...none, q: 'x', parties, codes: ['CULTURAL_EXEMPTION', 'AUDIOVISUAL_EXCLUSION'] },
      day,
    );
    expect(name.length).toBeLessThanOrEqual('search-x--2026-12-05.csv'.length + 100);
    expect(name.endsWith('-2026-12-05.csv')).toBe(true);
  });
});
