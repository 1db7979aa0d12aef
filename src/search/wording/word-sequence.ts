import { normaliseForComparison } from '../similarity/normalise-text';
import { foldConfusables, repairOcr } from './ocr-repair';

/**
 * Word-sequence similarity, the measure clause families use to pick a member's source among its earlier members:
 * the longest common subsequence of the two texts' words, as a share of their mean length (2 x LCS / (m + n)).
 * Unlike the WORDING and VERBATIM measures, which compare sets of features, it reads the words in order, so it
 * tells which of two close earlier texts a clause follows in the order of its list and sentences, and an inserted
 * qualifier or changed cross-reference costs only its own words. All words count, grammatical ones included
 * ("shall" against "may", "the Parties" against "each Party"); OCR damage is repaired first (broken hyphenation,
 * 0/o and 1/l/i), so an OCR-damaged text keeps its order against a clean copy.
 */

/** FNV-1a over the UTF-16 code units of a word (32 bits). */
function hashWord(word: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i += 1) {
    hash ^= word.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/** The words of a text in order, as hashes: lower-cased, OCR-repaired, letters and digits only. */
export function sequenceTokens(text: string): Int32Array {
  const normal = normaliseForComparison(repairOcr(text));
  if (!normal) return new Int32Array(0);
  const words = normal.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const out = new Int32Array(words.length);
  words.forEach((word, i) => (out[i] = hashWord(/\p{L}/u.test(word) ? foldConfusables(word) : word)));
  return out;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/**
 * Length of the longest common subsequence of two token sequences, bit-parallel (Allison and Dix; Hyyrö):
 * O(m x n / 32) word operations, about a millisecond for two 2,000-word articles.
 */
export function lcsLength(a: Int32Array, b: Int32Array): number {
  if (a.length < b.length) [a, b] = [b, a];
  const n = a.length;
  if (n === 0 || b.length === 0) return 0;
  const words = (n + 31) >>> 5;
  const match = new Map<number, Uint32Array>();
  for (let i = 0; i < n; i += 1) {
    let mask = match.get(a[i]);
    if (!mask) match.set(a[i], (mask = new Uint32Array(words)));
    mask[i >>> 5] |= 1 << (i & 31);
  }
  const v = new Uint32Array(words).fill(0xffffffff);
  for (let j = 0; j < b.length; j += 1) {
    const mask = match.get(b[j]);
    if (!mask) continue;
    let carry = 0;
    for (let k = 0; k < words; k += 1) {
      const vk = v[k];
      const u = (vk & mask[k]) >>> 0;
      const sum = vk + u + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      v[k] = (sum | (vk & ~mask[k])) >>> 0;
    }
  }
  let ones = 0;
  for (let k = 0; k < words; k += 1) {
    const bits = k === words - 1 && n % 32 ? v[k] & ((1 << (n % 32)) - 1) : v[k];
    ones += popcount(bits);
  }
  return n - ones;
}

/** 2 x LCS / (m + n): 1 for the same words in the same order, 0 for texts sharing no word. */
export function sequenceSimilarity(a: Int32Array, b: Int32Array): number {
  const total = a.length + b.length;
  return total === 0 ? 0 : (2 * lcsLength(a, b)) / total;
}
