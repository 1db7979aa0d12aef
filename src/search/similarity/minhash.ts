import { fmix32, imul32, splitmix32 } from './hash32';

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
  if (shingleHashes.length === 0) return new Uint32Array(0);
  const signature = new Uint32Array(numHashes).fill(0xffffffff);
  for (let s = 0; s < shingleHashes.length; s += 1) {
    const shingle = shingleHashes[s];
    for (let i = 0; i < numHashes; i += 1) {
      const value = fmix32(imul32(shingle, PARAMETERS[2 * i]) + PARAMETERS[2 * i + 1]);
      if (value < signature[i]) signature[i] = value;
    }
  }
  return signature;
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
