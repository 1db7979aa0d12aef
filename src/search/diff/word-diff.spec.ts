import { diffStats, DiffSegment, wordDiff, wordDiffOutcome } from './word-diff';

/** The two texts a diff was made from, rebuilt from its segments. */
function sides(segments: DiffSegment[]): [string, string] {
  const join = (kind: string) =>
    segments
      .filter((segment) => segment.kind === 'EQUAL' || segment.kind === kind)
      .map((segment) => (kind === 'DELETE' ? (segment.aText ?? segment.text) : segment.text))
      .join('');
  return [join('DELETE'), join('INSERT')];
}

describe('wordDiff', () => {
  it('marks inserted words', () => {
    expect(
      wordDiff(
        'This Agreement shall not apply to cultural industries.',
        'This Agreement shall not apply to measures concerning cultural industries.',
      ),
    ).toEqual([
      { kind: 'EQUAL', text: 'This Agreement shall not apply to ' },
      { kind: 'INSERT', text: 'measures concerning ' },
      { kind: 'EQUAL', text: 'cultural industries.' },
    ]);
  });

  it('marks replaced words as a deletion then an insertion, and punctuation as tokens of its own', () => {
    expect(
      wordDiff(
        'Parties shall cooperate on audiovisual services.',
        'Parties shall endeavour to cooperate on audio-visual services',
      ),
    ).toEqual([
      { kind: 'EQUAL', text: 'Parties shall ' },
      { kind: 'INSERT', text: 'endeavour to ' },
      { kind: 'EQUAL', text: 'cooperate on ' },
      { kind: 'DELETE', text: 'audiovisual' },
      { kind: 'INSERT', text: 'audio-visual' },
      { kind: 'EQUAL', text: ' services' },
      { kind: 'DELETE', text: '.' },
    ]);
  });

  it('ignores differences in white space (line breaks, tabs, non-breaking spaces)', () => {
    expect(wordDiff('cultural\n  industries\u00a0of a Party ', '\tcultural industries of a Party')).toEqual([
      { kind: 'EQUAL', text: 'cultural industries of a Party' },
    ]);
  });

  it('handles empty texts', () => {
    expect(wordDiff('', 'new text')).toEqual([{ kind: 'INSERT', text: 'new text' }]);
    expect(wordDiff('old text', ' ')).toEqual([{ kind: 'DELETE', text: 'old text' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('compares case-insensitively when asked to, keeping the new text', () => {
    expect(wordDiff('Culture and Trade', 'culture AND trade', { ignoreCase: true })).toEqual([
      { kind: 'EQUAL', text: 'culture AND trade' },
    ]);
    expect(wordDiff('Culture and trade', 'culture and trade')).toHaveLength(3);
  });

  it('never gives two adjacent segments of the same kind, and its sides rebuild both texts', () => {
    const a =
      'The Parties shall, where appropriate, cooperate on film co-production and the exchange of artists.';
    const b =
      'Each Party shall endeavour to cooperate on co-production of films and on exchanges of artists, where appropriate.';
    const segments = wordDiff(a, b);
    segments.slice(1).forEach((segment, i) => expect(segment.kind).not.toBe(segments[i].kind));
    expect(sides(segments)).toEqual([a, b]);
  });

  describe('beyond maxEditLength', () => {
    it('falls back to the common start and end around one deletion and one insertion', () => {
      const segments = wordDiff('a b one two three c d', 'a b four five c d', { maxEditLength: 1 });
      expect(segments).toEqual([
        { kind: 'EQUAL', text: 'a b' },
        { kind: 'DELETE', text: ' one two three' },
        { kind: 'INSERT', text: ' four five' },
        { kind: 'EQUAL', text: ' c d' },
      ]);
    });

    it('says so (coarse), and not of a diff within the bound', () => {
      expect(wordDiffOutcome('a b one two three c d', 'a b four five c d', { maxEditLength: 1 }).coarse).toBe(
        true,
      );
      expect(wordDiffOutcome('a b one c d', 'a b four c d', { maxEditLength: 2 }).coarse).toBe(false);
    });

    it.each([
      ['x y z', 'q r'],
      ['x y c d', 'q c d'],
      ['c d', 'q r c d'],
      ['a b x', 'a b'],
      ['a b', 'a b q r'],
      ['', 'q r s'],
      ['a b c d', 'a x b y c d'],
    ])('rebuilds both texts: %j -> %j', (a, b) => {
      expect(sides(wordDiff(a, b, { maxEditLength: 1 }))).toEqual([a, b]);
    });
  });
});

describe('wordDiff and OCR damage', () => {
  it('compares words OCR-repaired, so a digit read for a letter is no change, and shows them as stored', () => {
    // Each side as it is written: b's words in `text`, a's in `aText` where they differ (a side-by-side view
    // quotes each text as it is, not with the other's damage).
    expect(wordDiff('Nothing in these prov1s10ns applies', 'Nothing in these provisions applies')).toEqual([
      {
        kind: 'EQUAL',
        text: 'Nothing in these provisions applies',
        aText: 'Nothing in these prov1s10ns applies',
      },
    ]);
    expect(wordDiff('the provisions of th1s Chapter', 'the prov1s10ns of that Chapter')).toEqual([
      { kind: 'EQUAL', text: 'the prov1s10ns of ', aText: 'the provisions of ' },
      { kind: 'DELETE', text: 'th1s' },
      { kind: 'INSERT', text: 'that' },
      { kind: 'EQUAL', text: ' Chapter' },
    ]);
    // A deleted damaged word is shown as the old text has it, also after an equal one.
    expect(wordDiff('wh1ch prov1s10ns and 0ther w0rds end', 'which provisions end')).toEqual([
      { kind: 'EQUAL', text: 'which provisions ', aText: 'wh1ch prov1s10ns ' },
      { kind: 'DELETE', text: 'and 0ther w0rds ' },
      { kind: 'EQUAL', text: 'end' },
    ]);
  });
});

describe('wordDiff on random texts', () => {
  it('rebuilds b exactly and a up to white space', () => {
    let state = 2005;
    const random = () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const pieces = [
      'the',
      'The',
      'party',
      'parties',
      'culture',
      ',',
      '.',
      ';',
      ' ',
      '  ',
      '\n',
      'é',
      'e-commerce',
      '(a)',
      '22.7',
      'Ω',
      '—',
      'prov1s10ns',
      'provisions',
      '10th',
    ];
    const text = () =>
      Array.from(
        { length: Math.floor(random() * 25) },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join(random() < 0.5 ? ' ' : '');
    const squeeze = (value: string) => value.replace(/\s+/g, ' ').trim();
    const strip = (value: string) => value.replace(/\s+/g, '');
    for (let i = 0; i < 2_000; i += 1) {
      const [a, b] = [text(), text()];
      for (const maxEditLength of [undefined, 3]) {
        const [oldSide, newSide] = sides(wordDiff(a, b, { maxEditLength }));
        // a's words come back as a writes them, OCR damage included (EQUAL's aText where b writes them otherwise).
        if (newSide !== squeeze(b) || strip(oldSide) !== strip(a)) {
          throw new Error(
            `${JSON.stringify([a, b, maxEditLength])} -> ${JSON.stringify([oldSide, newSide])}`,
          );
        }
      }
    }
    // For example, text appended to b leaves the space before it in the EQUAL segment.
    expect(sides(wordDiff('a  b', 'a b c'))).toEqual(['a b ', 'a b c']);
  });
});

describe('diffStats', () => {
  it('counts words (not punctuation) and divides the equal words by the longer text', () => {
    const segments = wordDiff(
      'Parties shall cooperate on audiovisual services.',
      'Parties shall endeavour to cooperate on audio-visual services',
    );
    // a: 6 words; b: 9 words (audio-visual is two).
    expect(diffStats(segments)).toEqual({
      equalWords: 5,
      insertedWords: 4,
      deletedWords: 1,
      similarity: 5 / 9,
    });
  });

  it('gives 1 for identical texts, 0 for texts with no common word', () => {
    expect(diffStats(wordDiff('same words here', 'same  words here'))).toMatchObject({
      similarity: 1,
      equalWords: 3,
    });
    expect(diffStats(wordDiff('one two three', 'four five'))).toEqual({
      equalWords: 0,
      insertedWords: 2,
      deletedWords: 3,
      similarity: 0,
    });
    expect(diffStats([])).toMatchObject({ similarity: 1 });
  });
});
