import { lcsLength, sequenceSimilarity, sequenceTokens } from './word-sequence';

/** The textbook dynamic programme, to check the bit-parallel one against. */
function lcsByTable(a: Int32Array, b: Int32Array): number {
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [0];
    for (let j = 1; j <= b.length; j += 1)
      row[j] = a[i - 1] === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], row[j - 1]);
    previous = row;
  }
  return previous[b.length];
}

describe('word sequences', () => {
  it('finds the longest common subsequence, across 32-word blocks and with negative tokens', () => {
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    for (let run = 0; run < 400; run += 1) {
      const alphabet = 1 + Math.floor(random() * 9);
      const draw = () =>
        Int32Array.from({ length: Math.floor(random() * 140) }, () => Math.floor(random() * alphabet) - 4);
      const [a, b] = [draw(), draw()];
      expect(lcsLength(a, b)).toBe(lcsByTable(a, b));
    }
  });

  it('scores 1 for the same words in the same order, less for reordered ones, 0 for no word in common', () => {
    const text =
      'Each Party shall endeavour to accept trade administration documents submitted electronically';
    const reordered =
      'trade administration documents submitted electronically each Party shall endeavour to accept';
    expect(sequenceSimilarity(sequenceTokens(text), sequenceTokens(text.toUpperCase()))).toBe(1);
    expect(sequenceSimilarity(sequenceTokens(text), sequenceTokens(reordered))).toBeCloseTo(12 / 22, 10); // the six words of "Each ... accept"
    expect(sequenceSimilarity(sequenceTokens(text), sequenceTokens('nothing alike here'))).toBe(0);
    expect(sequenceSimilarity(new Int32Array(0), new Int32Array(0))).toBe(0);
  });

  it('reads OCR-damaged words as their clean spelling, numbers as they are', () => {
    const clean = sequenceTokens('the provisions of this Agreement on cultural in-\ndustries, Article 2005');
    const damaged = sequenceTokens(
      'the prov1s10ns of th1s Agreement on cu1tural indus-\ntries, Article 2005',
    );
    expect(Array.from(damaged)).toEqual(Array.from(clean));
    expect(Array.from(sequenceTokens('Article 2005'))).not.toEqual(
      Array.from(sequenceTokens('Article 2006')),
    );
  });
});
