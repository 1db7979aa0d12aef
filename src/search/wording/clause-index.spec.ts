import { sortedCommonCount, sortedJaccard } from '../similar/sorted-jaccard';
import {
  asText,
  mutateWords,
  seededRandom,
  syntheticVocabulary,
  syntheticWords,
} from '../../../test/support/synthetic-texts';
import { ClauseIndex, MIN_COMPARED_WORDS } from './clause-index';
import { wordingFeatures } from './wording-features';

describe('ClauseIndex', () => {
  const random = seededRandom(11);
  const vocabulary = syntheticVocabulary(random);
  // 60 base texts, each with 5 variants from 5% to 70% of the words replaced: similarities from about 0.05 to 0.9.
  const texts: { id: number; agreementId: number; text: string }[] = [];
  for (let base = 0; base < 60; base += 1) {
    const words = syntheticWords(random, vocabulary, 40 + Math.floor(random() * 200));
    texts.push({ id: texts.length + 1, agreementId: base, text: asText(words) });
    for (const rate of [0.05, 0.15, 0.3, 0.5, 0.7]) {
      texts.push({
        id: texts.length + 1,
        agreementId: 100 + texts.length,
        text: asText(mutateWords(random, words, vocabulary, rate)),
      });
    }
  }
  texts.push({ id: 9999, agreementId: 1, text: 'Too short to compare at all.' });
  const index = ClauseIndex.build(texts);
  const featuresOf = new Map(texts.map((text) => [text.id, wordingFeatures(text.text)]));

  it('leaves out texts under the word minimum', () => {
    expect(MIN_COMPARED_WORDS).toBe(12);
    expect(index.has(9999)).toBe(false);
    expect(index.size).toBe(texts.length - 1);
    expect(index.wordingOf(9999)).toBeNull();
  });

  it.each([0.1, 0.2, 0.3, 0.5, 0.8])(
    'finds exactly the texts at least %p similar, best first',
    (threshold) => {
      for (const probe of texts.slice(0, 60)) {
        const own = index.wordingOf(probe.id)!;
        const expected = texts
          .filter((other) => other.id !== probe.id && index.has(other.id))
          .map((other) => ({ id: other.id, score: sortedJaccard(own, featuresOf.get(other.id)!) }))
          .filter((hit) => hit.score >= threshold)
          .sort((x, y) => y.score - x.score || x.id - y.id);
        expect(index.neighbours(own, threshold, probe.id)).toEqual(expected);
      }
    },
  );

  it.each([
    [0.8, 16],
    [0.5, 40],
    [0.3, 1],
  ])('finds exactly the longer texts holding at least %p of a text (and %p features)', (share, least) => {
    for (const probe of texts.slice(0, 60)) {
      const own = index.wordingOf(probe.id)!;
      const expected = texts
        .filter((other) => other.id !== probe.id && index.has(other.id))
        .map((other) => ({ other: featuresOf.get(other.id)!, id: other.id }))
        .filter(({ other }) => other.length >= own.length)
        .filter(({ other }) => {
          const common = sortedCommonCount(own, other);
          return common >= share * own.length - 1e-9 && common >= least;
        })
        .map(({ other, id }) => ({ id, score: sortedJaccard(own, other) }))
        .sort((x, y) => y.score - x.score || x.id - y.id);
      expect(index.containersOf(probe.id, share, least)).toEqual(expected);
    }
  });

  it.each([
    [0.7, 16],
    [0.5, 1],
  ])(
    'finds exactly the shorter texts signed before a text that it holds at least %p of (and %p features)',
    (share, least) => {
      // Dates by id: a text is earlier than every text with a higher id; every seventh is undated.
      const dateOf = (id: number) => (id % 7 === 0 ? null : `2000-01-01T${String(id).padStart(5, '0')}`);
      const dated = ClauseIndex.build(texts.map((text) => ({ ...text, dateSigned: dateOf(text.id) })));
      for (const probe of texts.slice(0, 120)) {
        const own = dated.wordingOf(probe.id)!;
        const expected =
          dateOf(probe.id) === null
            ? []
            : texts
                .filter((other) => other.id !== probe.id && dated.has(other.id))
                .filter((other) => dateOf(other.id) !== null && dateOf(other.id)! < dateOf(probe.id)!)
                .map((other) => ({ other: featuresOf.get(other.id)!, id: other.id }))
                .filter(({ other }) => other.length < own.length)
                .filter(({ other }) => {
                  const common = sortedCommonCount(own, other);
                  return common >= least && common >= share * other.length - 1e-9;
                })
                .map(({ other, id }) => ({ id, score: sortedJaccard(own, other) }))
                .sort((x, y) => y.score - x.score || x.id - y.id);
        expect(dated.quotedEarlier(probe.id, share, least)).toEqual(expected);
      }
    },
  );

  it('finds the earlier short text a long article quotes whole, not a later one, nor in an undated index', () => {
    const quoted = texts[6].text;
    const padding = asText(syntheticWords(seededRandom(5), vocabulary, 400));
    const build = (shortDate: string | null, longDate: string | null) =>
      ClauseIndex.build([
        { id: 1, agreementId: 1, text: quoted, dateSigned: shortDate },
        { id: 2, agreementId: 2, text: `${padding} ${quoted}`, dateSigned: longDate },
      ]);
    const earlier = build('2004-07-05', '2008-07-30');
    expect(earlier.quotedEarlier(2, 0.7, 16).map((hit) => hit.id)).toEqual([1]);
    expect(earlier.quotedEarlier(2, 0.7, 16)[0].score).toBeLessThan(0.3);
    // Never from the short text to the long one (that is containersOf), nor to a later or an undated text.
    expect(earlier.quotedEarlier(1, 0.7, 16)).toEqual([]);
    expect(build('2008-07-30', '2004-07-05').quotedEarlier(2, 0.7, 16)).toEqual([]);
    expect(build(null, '2008-07-30').quotedEarlier(2, 0.7, 16)).toEqual([]);
    expect(build('2004-07-05', null).quotedEarlier(2, 0.7, 16)).toEqual([]);
  });

  it('finds the long article that quotes a short text whole, which Jaccard misses', () => {
    const quoted = texts[6].text;
    const padding = asText(syntheticWords(seededRandom(5), vocabulary, 400));
    const quoting = ClauseIndex.build([
      ...texts,
      { id: 5000, agreementId: 5000, text: `${padding} ${quoted}` },
    ]);
    expect(quoting.neighboursOf(texts[6].id, 0.3).map((hit) => hit.id)).not.toContain(5000);
    const containers = quoting.containersOf(texts[6].id, 0.8, 16);
    expect(containers.map((hit) => hit.id)).toContain(5000);
    expect(containers.find((hit) => hit.id === 5000)!.score).toBeLessThan(0.3);
    // Only the longer text: the long article holds far more than the short one.
    expect(quoting.containersOf(5000, 0.8, 16).map((hit) => hit.id)).not.toContain(texts[6].id);
  });

  it('answers for a text that is not in the index (a draft)', () => {
    const draft = texts[6].text.replace(/\s\S+$/, ' appended');
    const hits = index.neighbours(wordingFeatures(draft), 0.5);
    expect(hits[0].id).toBe(texts[6].id);
  });

  it('built a slice at a time, is the same index, and lets the event loop run between slices', async () => {
    async function* source() {
      yield* texts;
    }
    let turns = 0;
    const ticking = setInterval(() => (turns += 1), 0);
    const sliced = await ClauseIndex.buildInSlices(source(), 20);
    clearInterval(ticking);
    expect(turns).toBeGreaterThan(0);
    expect(sliced.size).toBe(index.size);
    for (const probe of texts.slice(0, 30)) {
      expect(sliced.wordingOf(probe.id)).toEqual(index.wordingOf(probe.id));
      expect(sliced.neighbours(index.wordingOf(probe.id) ?? new Uint32Array(0), 0.3)).toEqual(
        index.neighbours(index.wordingOf(probe.id) ?? new Uint32Array(0), 0.3),
      );
    }
  });
});
