import { murmur3Words } from './hash32';

export const DEFAULT_BANDS = 32;
export const DEFAULT_ROWS = 4;

/**
 * Banded LSH over MinHash signatures. Two signatures become candidates when all `rows` values of at least one of
 * the `bands` bands agree, which happens with probability 1 - (1 - J^rows)^bands for Jaccard similarity J.
 *
 * With the default 32 bands x 4 rows (128 hashes) the S-curve's threshold (1/bands)^(1/rows) is about 0.42:
 * J = 0.2 -> 5% candidates, 0.3 -> 23%, 0.42 -> 55%, 0.5 -> 87%, 0.6 -> 98.8%, 0.7 -> 99.9%.
 */
export function lshCandidateProbability(jaccard: number, bands = DEFAULT_BANDS, rows = DEFAULT_ROWS): number {
  return 1 - (1 - jaccard ** rows) ** bands;
}

/** The Jaccard similarity at which the candidate probability rises most steeply: (1/bands)^(1/rows). */
export function lshThreshold(bands = DEFAULT_BANDS, rows = DEFAULT_ROWS): number {
  return (1 / bands) ** (1 / rows);
}

/**
 * One key per band, "<band>:<16 hex digits>" (a 64-bit hash of the band's values; collisions are negligible and
 * candidates are checked anyway). Equal keys in equal bands make two signatures candidates, so the keys can be
 * stored in a table (id, key) and candidates found with a self-join on key. An empty signature has no keys.
 */
export function bandKeys(signature: Uint32Array, bands = DEFAULT_BANDS, rows = DEFAULT_ROWS): string[] {
  const { high, low } = bandHashes(signature, bands, rows);
  const keys: string[] = [];
  for (let band = 0; band < high.length; band += 1)
    keys.push(`${band}:${hex8(high[band])}${hex8(low[band])}`);
  return keys;
}

/**
 * The 64-bit hash of each band that bandKeys writes in hex, as its high and low 32 bits (for callers that store
 * the keys as numbers: no strings made). An empty signature has none.
 */
export function bandHashes(
  signature: Uint32Array,
  bands = DEFAULT_BANDS,
  rows = DEFAULT_ROWS,
): { high: Uint32Array; low: Uint32Array } {
  if (signature.length === 0) return { high: new Uint32Array(0), low: new Uint32Array(0) };
  if (signature.length !== bands * rows) {
    throw new RangeError(
      `a signature of ${signature.length} hashes does not fit ${bands} bands x ${rows} rows`,
    );
  }
  const high = new Uint32Array(bands);
  const low = new Uint32Array(bands);
  for (let band = 0; band < bands; band += 1) {
    const start = band * rows;
    high[band] = murmur3Words(signature, start, start + rows, band);
    low[band] = murmur3Words(signature, start, start + rows, ~band);
  }
  return { high, low };
}

function hex8(value: number): string {
  return value.toString(16).padStart(8, '0');
}
