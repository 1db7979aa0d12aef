// Fast, stable 32-bit hashes (not cryptographic). Changing any of them changes every stored signature and band key.

/** 32-bit multiplication (the low 32 bits, signed), as Math.imul. */
export const imul32: (a: number, b: number) => number = Math.imul;

const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over bytes[start, end). */
export function fnv1a32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let hash = FNV_OFFSET_BASIS;
  for (let i = start; i < end; i += 1) {
    hash ^= bytes[i];
    hash = imul32(hash, FNV_PRIME);
  }
  return hash >>> 0;
}

/** The murmur3 finaliser: a bijection on 32-bit integers that mixes every input bit into every output bit. */
export function fmix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = imul32(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul32(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** murmur3_x86_32 over 32-bit words values[start, end) (each word one 4-byte block). */
export function murmur3Words(values: ArrayLike<number>, start: number, end: number, seed: number): number {
  let h = seed >>> 0;
  for (let i = start; i < end; i += 1) {
    let k = imul32(values[i], 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    k = imul32(k, 0x1b873593);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (imul32(h, 5) + 0xe6546b64) | 0;
  }
  return fmix32(h ^ ((end - start) * 4));
}

/** splitmix32: a seeded sequence of 32-bit integers, for fixed hash parameters. */
export function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = imul32(z ^ (z >>> 16), 0x21f0aaad);
    z = imul32(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}
