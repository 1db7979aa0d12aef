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
  if (signature.length === 0) return [];
  if (signature.length !== bands * rows) {
    throw new RangeError(
      `a signature of ${signature.length} hashes does not fit ${bands} bands x ${rows} rows`,
    );
  }
  const keys: string[] = [];
  for (let band = 0; band < bands; band += 1) {
    const start = band * rows;
    const high = murmur3Words(signature, start, start + rows, band);
    const low = murmur3Words(signature, start, start + rows, ~band);
    keys.push(`${band}:${hex8(high)}${hex8(low)}`);
  }
  return keys;
}

function hex8(value: number): string {
  return value.toString(16).padStart(8, '0');
}

/** An in-memory LSH index. The probabilities above hold for the default sizes; see lshCandidateProbability. */
export class LshIndex<Id = string> {
  readonly bands: number;
  readonly rows: number;
  private readonly buckets = new Map<string, Set<Id>>();
  private readonly keysById = new Map<Id, string[]>();

  constructor(options: { bands?: number; rows?: number } = {}) {
    this.bands = options.bands ?? DEFAULT_BANDS;
    this.rows = options.rows ?? DEFAULT_ROWS;
    if (!Number.isInteger(this.bands) || !Number.isInteger(this.rows) || this.bands < 1 || this.rows < 1) {
      throw new RangeError(`bands and rows must be positive integers, not ${this.bands} x ${this.rows}`);
    }
  }

  /** How many hashes the signatures of this index have: bands x rows. */
  get numHashes(): number {
    return this.bands * this.rows;
  }

  get size(): number {
    return this.keysById.size;
  }

  get threshold(): number {
    return lshThreshold(this.bands, this.rows);
  }

  bandKeys(signature: Uint32Array): string[] {
    return bandKeys(signature, this.bands, this.rows);
  }

  /** Adds a signature, replacing the one `id` had. An empty signature is kept but is nobody's candidate. */
  add(id: Id, signature: Uint32Array): void {
    const keys = this.bandKeys(signature);
    this.remove(id);
    this.keysById.set(id, keys);
    for (const key of keys) {
      const bucket = this.buckets.get(key);
      if (bucket) bucket.add(id);
      else this.buckets.set(key, new Set([id]));
    }
  }

  remove(id: Id): boolean {
    const keys = this.keysById.get(id);
    if (!keys) return false;
    for (const key of keys) {
      const bucket = this.buckets.get(key);
      bucket?.delete(id);
      if (bucket?.size === 0) this.buckets.delete(key);
    }
    return this.keysById.delete(id);
  }

  has(id: Id): boolean {
    return this.keysById.has(id);
  }

  /** The ids whose signatures share a band with this one (an id added with this very signature included). */
  candidates(signature: Uint32Array): Set<Id> {
    const found = new Set<Id>();
    for (const key of this.bandKeys(signature)) {
      for (const id of this.buckets.get(key) ?? []) found.add(id);
    }
    return found;
  }
}
