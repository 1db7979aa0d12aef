import { asciiFileName, contentDisposition, fileNameWords } from './download-name';

describe('download names', () => {
  it('takes the words a user typed, in any script, without what a file name cannot hold', () => {
    expect(fileNameWords('"Cultural industries" -audiovisual')).toBe('cultural-industries-audiovisual');
    expect(fileNameWords('diversité culturelle')).toBe('diversité-culturelle');
    expect(fileNameWords('../../etc/passwd')).toBe('etc-passwd');
    expect(fileNameWords('文化 产业')).toBe('文化-产业');
    expect(fileNameWords('a\r\nContent-Type: x')).toBe('a-content-type-x');
  });

  it('reads a word holding a soft hyphen or a joiner as the word, as search does (it named it as two words)', () => {
    expect(fileNameWords('cul\u00adtural indus\u2060tries')).toBe('cultural-industries');
    expect(fileNameWords('cultu\u200dral\ufeff')).toBe('cultural');
    // The zero-width space separates, in search and here.
    expect(fileNameWords('cultural\u200bindustries')).toBe('cultural-industries');
  });

  it('cuts a long query at a hyphen, within the limit', () => {
    const words = fileNameWords('cultural industries '.repeat(10), 40);
    expect(words).toBe('cultural-industries-cultural-industries');
    expect([...fileNameWords('x'.repeat(100), 40)]).toHaveLength(40);
  });

  it('gives an ASCII name beside the UTF-8 one only when they differ', () => {
    expect(contentDisposition('search-culture-2026-01-02.csv')).toBe(
      'attachment; filename="search-culture-2026-01-02.csv"',
    );
    expect(contentDisposition('search-diversité-culturelle-2026-01-02.csv')).toBe(
      `attachment; filename="search-diversite-culturelle-2026-01-02.csv"; filename*=UTF-8''search-diversit%C3%A9-culturelle-2026-01-02.csv`,
    );
    expect(asciiFileName('search-文化-2026-01-02.csv')).toBe('search-2026-01-02.csv');
    expect(asciiFileName('search-文化.csv')).toBe('search.csv');
  });
});
