import { imul32, splitmix32 } from './hash32';

export const DEFAULT_NUM_HASHES = 128;
/** Fixed, so that signatures are the same in every process; changing it invalidates stored signatures. */
const SEED = 0x2005_c0de;
const MAX_NUM_HASHES = 1024;

/** Parameters (a odd, b) of h_i(x) = fmix32(a_i * x + b_i mod 2^32): each h_i is a permutation of 32-bit values. */
const PARAMETERS = (() => {
  const next = splitmix32(SEED);
  const parameters = new Uint32Array(MAX_NUM_HASHES * 2);
  for (let i = 0; i < MAX_NUM_HASHES; i += 1) {
    parameters[2 * i] = next() | 1;
    parameters[2 * i + 1] = next();
  }
  return parameters;
})();

/**
 * The MinHash signature of a shingle set: for each of numHashes fixed hash functions, the smallest hash of any
 * shingle. The signature for n hashes is the first n values of the signature for more. An empty set gives an
 * empty signature, which matches nothing.
 */
export function minhashSignature(
  shingleHashes: ArrayLike<number>,
  numHashes = DEFAULT_NUM_HASHES,
): Uint32Array {
  if (!Number.isInteger(numHashes) || numHashes < 1 || numHashes > MAX_NUM_HASHES) {
    throw new RangeError(`numHashes must be an integer from 1 to ${MAX_NUM_HASHES}, not ${numHashes}`);
  }
  const count = shingleHashes.length;
  if (count === 0) return new Uint32Array(0);
  // The same values as min_s fmix32(a_i * s + b_i) in unsigned arithmetic, computed in int32 throughout (the low 32
  // bits are the same; fmix32 of hash32.ts written out), one hash function at a time so that its parameters and its
  // minimum stay in registers. The minimum of unsigned values is the signed minimum of the values with their top
  // bit flipped.
  const hashes = asInt32(shingleHashes);
  const signature = new Uint32Array(numHashes);
  for (let i = 0; i < numHashes; i += 1) {
    const a = SIGNED_PARAMETERS[2 * i];
    const b = SIGNED_PARAMETERS[2 * i + 1];
    let min = 0x7fffffff;
    for (let s = 0; s < count; s += 1) {
      let h = (imul32(hashes[s], a) + b) | 0;
      h ^= h >>> 16;
      h = imul32(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = imul32(h, 0xc2b2ae35);
      h ^= h >>> 16;
      h ^= TOP_BIT;
      if (h < min) min = h;
    }
    signature[i] = (min ^ TOP_BIT) >>> 0;
  }
  return signature;
}

const TOP_BIT = -0x80000000;

/** PARAMETERS as int32 (the same bits). */
const SIGNED_PARAMETERS = new Int32Array(PARAMETERS.buffer);

/** The shingle hashes as int32 (the same bits): a view of a Uint32Array, else a copy. */
function asInt32(values: ArrayLike<number>): Int32Array {
  if (values instanceof Uint32Array || values instanceof Int32Array)
    return new Int32Array(values.buffer, values.byteOffset, values.length);
  return Int32Array.from(values as ArrayLike<number>, (value) => value | 0);
}

/**
 * The share of positions where two signatures agree: an unbiased estimate of the Jaccard similarity (standard
 * error sqrt(J(1-J)/n), about 0.044 at J = 0.5 with 128 hashes). 0 when either signature is empty.
 */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  if (a.length !== b.length) {
    throw new RangeError(`signatures differ in length (${a.length} and ${b.length}): compare like with like`);
  }
  let equal = 0;
  for (let i = 0; i < a.length; i += 1) if (a[i] === b[i]) equal += 1;
  return equal / a.length;
}
