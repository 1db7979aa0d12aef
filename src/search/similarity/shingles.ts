import { fnv1a32 } from './hash32';
import { normaliseForComparison } from './normalise-text';

const SPACE = 0x20;
const encoder = new TextEncoder();

/**
 * The set of word k-shingles of a text (runs of k consecutive words of its normalised form), each as the FNV-1a
 * hash of its UTF-8 bytes (words joined by one space), sorted ascending without duplicates.
 * A text of fewer than k words gives one shingle (all its words); an empty text gives none.
 */
export function shingles(text: string, k = 5): Uint32Array {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, not ${k}`);
  const bytes = encoder.encode(normaliseForComparison(text));
  if (bytes.length === 0) return new Uint32Array(0);
  const starts = [0];
  for (let i = 0; i < bytes.length; i += 1) if (bytes[i] === SPACE) starts.push(i + 1);
  const words = starts.length;
  const wordEnd = (word: number): number => (word + 1 < words ? starts[word + 1] - 1 : bytes.length);
  if (words <= k) return Uint32Array.of(fnv1a32(bytes));
  const hashes = new Uint32Array(words - k + 1);
  for (let first = 0; first < hashes.length; first += 1) {
    hashes[first] = fnv1a32(bytes, starts[first], wordEnd(first + k - 1));
  }
  return uniqueSorted(hashes);
}

function uniqueSorted(values: Uint32Array): Uint32Array {
  values.sort();
  let length = 0;
  for (let i = 0; i < values.length; i += 1) {
    if (i === 0 || values[i] !== values[i - 1]) values[length++] = values[i];
  }
  return values.slice(0, length);
}
