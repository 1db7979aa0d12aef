import { fmix32, imul32, splitmix32 } from './hash32';
import { jaccard } from './jaccard';
import { estimateJaccard, minhashSignature } from './minhash';
import { shingles } from './shingles';
import {
  asText,
  mutateWords,
  seededRandom,
  syntheticVocabulary,
  syntheticWords,
} from '../../../test/support/synthetic-texts';

const SAMPLE =
  'The Parties affirm their right to adopt measures to protect and promote the diversity of cultural expressions.';

describe('minhashSignature', () => {
  it('is deterministic across runs and processes (fixed seeds: these values must never change)', () => {
    const signature = minhashSignature(shingles(SAMPLE));
    expect(signature).toBeInstanceOf(Uint32Array);
    expect(signature).toHaveLength(128);
    expect(Array.from(signature.slice(0, 4))).toEqual([0x0b4a3c05, 0x062a5875, 0x13c52bda, 0x5ec609b2]);
    expect(minhashSignature(shingles(SAMPLE))).toEqual(signature);
  });

  it('gives the first n values of a longer signature for n hashes', () => {
    const set = shingles(SAMPLE);
    expect(minhashSignature(set, 64)).toEqual(minhashSignature(set, 128).slice(0, 64));
  });

  it('gives an empty signature for an empty set, which matches nothing', () => {
    const empty = minhashSignature(shingles(''));
    expect(empty).toHaveLength(0);
    expect(estimateJaccard(empty, empty)).toBe(0);
    expect(estimateJaccard(empty, minhashSignature(shingles(SAMPLE)))).toBe(0);
  });

  it('is min over the shingles of fmix32(a_i * s + b_i mod 2^32) for every i, as first written', () => {
    // The definition, one shingle at a time in unsigned arithmetic: the int32 loop must give the same values.
    const next = splitmix32(0x2005_c0de);
    const parameters = Array.from({ length: 128 }, () => [next() | 1, next()]);
    const reference = (set: ArrayLike<number>) =>
      Uint32Array.from(parameters, ([a, b]) => {
        let min = 0xffffffff;
        for (let s = 0; s < set.length; s += 1) min = Math.min(min, fmix32(imul32(set[s], a) + (b >>> 0)));
        return min;
      });
    const random = seededRandom(11);
    const sets = [
      shingles(SAMPLE),
      Uint32Array.of(0, 0xffffffff, 0x80000000, 0x7fffffff),
      Uint32Array.from({ length: 2000 }, () => Math.floor(random() * 2 ** 32)),
    ];
    for (const set of sets) {
      expect(minhashSignature(set)).toEqual(reference(set));
      expect(minhashSignature(Array.from(set))).toEqual(reference(set));
      expect(minhashSignature(set.subarray(1), 64)).toEqual(reference(set.subarray(1)).slice(0, 64));
    }
  });

  it('rejects a bad number of hashes and signatures of different lengths', () => {
    expect(() => minhashSignature([1], 0)).toThrow(RangeError);
    expect(() => minhashSignature([1], 1025)).toThrow(RangeError);
    expect(() => estimateJaccard(minhashSignature([1], 64), minhashSignature([1], 128))).toThrow(RangeError);
  });
});

describe('estimateJaccard', () => {
  const random = seededRandom(7);
  const vocabulary = syntheticVocabulary(random);

  it('scores identical texts 1, one word changed in 60 high, unrelated texts low', () => {
    const words = syntheticWords(random, vocabulary, 60);
    const changed = [...words];
    changed[20] = 'different';
    const signature = minhashSignature(shingles(asText(words)));
    expect(estimateJaccard(signature, minhashSignature(shingles(asText(words))))).toBe(1);
    // Exact Jaccard is 51/61 = 0.84; the estimate's standard error is 0.03.
    expect(estimateJaccard(signature, minhashSignature(shingles(asText(changed))))).toBeGreaterThan(0.72);
    const unrelated = minhashSignature(shingles(asText(syntheticWords(random, vocabulary, 60))));
    expect(estimateJaccard(signature, unrelated)).toBeLessThan(0.05);
  });

  it('estimates the exact Jaccard similarity without bias on generated pairs', () => {
    const errors: number[] = [];
    for (let i = 0; i < 300; i += 1) {
      const a = syntheticWords(random, vocabulary, 300);
      const b = mutateWords(random, a, vocabulary, random() * 0.3);
      const [shinglesA, shinglesB] = [shingles(asText(a)), shingles(asText(b))];
      errors.push(
        estimateJaccard(minhashSignature(shinglesA), minhashSignature(shinglesB)) -
          jaccard(shinglesA, shinglesB),
      );
    }
    const mean = errors.reduce((sum, error) => sum + error, 0) / errors.length;
    const meanAbsolute = errors.reduce((sum, error) => sum + Math.abs(error), 0) / errors.length;
    expect(Math.abs(mean)).toBeLessThan(0.01);
    expect(meanAbsolute).toBeLessThan(0.04);
    expect(Math.max(...errors.map(Math.abs))).toBeLessThan(0.2); // 4.5 standard errors at J = 0.5
  });
});
