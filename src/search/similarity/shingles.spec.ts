import { fmix32, fnv1a32, imul32, murmur3Words } from './hash32';
import { seededRandom } from '../../../test/support/synthetic-texts';
import { jaccard } from './jaccard';
import { normaliseForComparison } from './normalise-text';
import { shingles } from './shingles';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('hashes', () => {
  it('imul32 multiplies exactly like Math.imul', () => {
    const random = seededRandom(1);
    const edges = [0, 1, -1, 0x7fffffff, -0x80000000, 0xffffffff, 0x85ebca6b, 0x01000193];
    const pairs = edges.flatMap((a) => edges.map((b) => [a, b]));
    for (let i = 0; i < 10_000; i += 1) pairs.push([(random() * 2 ** 32) | 0, random() * 2 ** 32]);
    for (const [a, b] of pairs) if (imul32(a, b) !== Math.imul(a, b)) throw new Error(`imul32(${a}, ${b})`);
    expect(imul32(0xffffffff, 0xffffffff)).toBe(1);
  });

  it('match the published FNV-1a 32 test vectors', () => {
    expect(fnv1a32(bytes(''))).toBe(0x811c9dc5);
    expect(fnv1a32(bytes('a'))).toBe(0xe40c292c);
    expect(fnv1a32(bytes('foobar'))).toBe(0xbf9cf968);
  });

  it('match murmur3_x86_32 on 4-byte little-endian blocks', () => {
    expect(murmur3Words([], 0, 0, 0)).toBe(0);
    expect(murmur3Words([], 0, 0, 1)).toBe(0x514e28b7);
    expect(murmur3Words([0], 0, 1, 0)).toBe(0x2362f9de);
    expect(murmur3Words([0x74736574], 0, 1, 0)).toBe(0xba6bd213); // "test"
  });

  it('fmix32 is a bijection on a sample (no two inputs collide)', () => {
    const outputs = new Set(Array.from({ length: 10_000 }, (_, i) => fmix32(i * 7919)));
    expect(outputs.size).toBe(10_000);
  });
});

describe('normaliseForComparison', () => {
  it.each([
    ['Article 22.7 — Diversité  culturelle!', 'article 22 7 diversite culturelle'],
    ['ﬁnancial\u00a0Ñandú\n\ttrade', 'financial nandu trade'],
    ['  «E-Commerce»  ', 'e commerce'],
    ['?!', ''],
  ])('%j -> %j', (text, expected) => expect(normaliseForComparison(text)).toBe(expected));
});

describe('shingles', () => {
  it('hashes each run of k words of the normalised text, sorted and without duplicates', () => {
    const set = shingles('one two three four five six seven', 5);
    expect(Array.from(set)).toEqual(
      ['one two three four five', 'two three four five six', 'three four five six seven']
        .map((shingle) => fnv1a32(bytes(shingle)))
        .sort((a, b) => a - b),
    );
    expect(shingles('a b a b a b a b', 2)).toHaveLength(2);
  });

  it('ignores case, accents, punctuation and white space', () => {
    expect(shingles('The Parties  recognise: cultural diversité, and e-commerce.')).toEqual(
      shingles('the parties recognise cultural diversite and e commerce'),
    );
  });

  it('gives a text shorter than k words one shingle of the whole text', () => {
    expect(Array.from(shingles('Cultural  exemption', 5))).toEqual([fnv1a32(bytes('cultural exemption'))]);
  });

  it('gives an empty set for an empty or punctuation-only text', () => {
    expect(shingles('')).toHaveLength(0);
    expect(shingles(' — ; ')).toHaveLength(0);
  });

  it('rejects a k that is not a positive integer', () => {
    expect(() => shingles('a b c', 0)).toThrow(RangeError);
  });
});

describe('jaccard', () => {
  it('computes |A ∩ B| / |A ∪ B|', () => {
    expect(jaccard([1, 2, 3], [2, 3, 4])).toBe(0.5);
    expect(jaccard([1, 2], [3])).toBe(0);
    expect(jaccard([1, 1, 2], [2, 1])).toBe(1);
    expect(jaccard([], [])).toBe(0);
  });

  it('scores identical texts 1 and a 60-word text with one word changed above 0.8', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`);
    const changed = [...words];
    changed[30] = 'different';
    expect(jaccard(shingles(words.join(' ')), shingles(words.join(' ')))).toBe(1);
    // 56 shingles each, 5 of them changed: 51 / 61.
    expect(jaccard(shingles(words.join(' ')), shingles(changed.join(' ')))).toBeCloseTo(51 / 61, 10);
  });
});
