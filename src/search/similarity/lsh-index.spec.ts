import { jaccard } from './jaccard';
import { bandKeys, lshCandidateProbability, lshThreshold } from './lsh-index';
import { minhashSignature } from './minhash';
import { shingles } from './shingles';
import {
  asText,
  mutateWords,
  seededRandom,
  syntheticVocabulary,
  syntheticWords,
} from '../../../test/support/synthetic-texts';

const signatureOf = (text: string) => minhashSignature(shingles(text));

function shareBand(a: Uint32Array, b: Uint32Array): boolean {
  const keys = new Set(bandKeys(a));
  return bandKeys(b).some((key) => keys.has(key));
}

describe('LSH threshold', () => {
  it('is about 0.42 for 32 bands x 4 rows, with the S-curve documented on lshCandidateProbability', () => {
    expect(lshThreshold()).toBeCloseTo(0.42, 2);
    expect(lshCandidateProbability(0.2)).toBeCloseTo(0.05, 2);
    expect(lshCandidateProbability(0.5)).toBeCloseTo(0.87, 2);
    expect(lshCandidateProbability(0.6)).toBeGreaterThan(0.98);
  });
});

describe('bandKeys', () => {
  const signature = signatureOf('cultural industries are exempt from this agreement');

  it('gives one key per band, the same for the same signature', () => {
    const keys = bandKeys(signature);
    expect(keys).toHaveLength(32);
    expect(keys[0]).toMatch(/^0:[0-9a-f]{16}$/);
    expect(keys[31]).toMatch(/^31:[0-9a-f]{16}$/);
    expect(bandKeys(signatureOf('Cultural industries are exempt from this Agreement.'))).toEqual(keys);
  });

  it('changes only the keys of the bands whose values changed', () => {
    const changed = signature.slice();
    changed[5] += 1; // band 1 (rows 4 to 7)
    const [before, after] = [bandKeys(signature), bandKeys(changed)];
    expect(after.filter((key, band) => key !== before[band])).toEqual([after[1]]);
  });

  it('gives no keys for an empty signature and rejects a signature that does not fit', () => {
    expect(bandKeys(new Uint32Array(0))).toEqual([]);
    expect(() => bandKeys(minhashSignature([1], 64))).toThrow(RangeError);
    expect(bandKeys(minhashSignature([1], 64), 16, 4)).toHaveLength(16);
  });
});

describe('LSH candidates (band keys shared, as the stored index finds them)', () => {
  it('a pair is a candidate when the signatures share a band key; an empty signature shares none', () => {
    const a = signatureOf('the parties shall cooperate on cultural exchanges and co-productions');
    const b = signatureOf('electronic transmissions shall not be subject to customs duties');
    expect(shareBand(a, a)).toBe(true);
    expect(shareBand(a, b)).toBe(false);
    expect(shareBand(new Uint32Array(0), new Uint32Array(0))).toBe(false);
  });

  describe('on generated texts (300 words)', () => {
    const random = seededRandom(2005);
    const vocabulary = syntheticVocabulary(random);

    /** Pairs whose exact Jaccard similarity lies in [low, high], made by replacing a share of the words. */
    function pairsBetween(low: number, high: number, count: number, rates: [number, number]) {
      const pairs: { a: Uint32Array; b: Uint32Array; similarity: number }[] = [];
      while (pairs.length < count) {
        const words = syntheticWords(random, vocabulary, 300);
        const rate = rates[0] + random() * (rates[1] - rates[0]);
        const [a, b] = [
          shingles(asText(words)),
          shingles(asText(mutateWords(random, words, vocabulary, rate))),
        ];
        const similarity = jaccard(a, b);
        if (similarity >= low && similarity <= high) {
          pairs.push({ a: minhashSignature(a), b: minhashSignature(b), similarity });
        }
      }
      return pairs;
    }

    function shareFound(pairs: { a: Uint32Array; b: Uint32Array }[]): number {
      return pairs.filter((pair) => shareBand(pair.a, pair.b)).length / pairs.length;
    }

    it('finds at least 95% of 120 pairs with Jaccard >= 0.6', () => {
      expect(shareFound(pairsBetween(0.6, 1, 120, [0, 0.06]))).toBeGreaterThanOrEqual(0.95);
    });

    it('finds most pairs just above 0.5', () => {
      expect(shareFound(pairsBetween(0.5, 0.6, 120, [0.05, 0.08]))).toBeGreaterThanOrEqual(0.8);
    });

    it('rarely makes candidates of pairs with Jaccard <= 0.2, and none of unrelated texts', () => {
      expect(shareFound(pairsBetween(0.05, 0.2, 120, [0.2, 0.4]))).toBeLessThanOrEqual(0.06);
      const unrelated = Array.from({ length: 120 }, () => ({
        a: signatureOf(asText(syntheticWords(random, vocabulary, 300))),
        b: signatureOf(asText(syntheticWords(random, vocabulary, 300))),
      }));
      expect(shareFound(unrelated)).toBe(0);
    });
  });
});
