import { bandKeys, estimateJaccard, shingles } from '../../src/search/similarity';
import {
  bandKeyNumber,
  bandKeyToken,
  comparisonText,
  SHINGLE_WORDS,
  signatureFromBytes,
} from '../../src/search/sync/provision-index-rows';
import { RawSqlite } from './raw-sqlite';

const MIN_SCORE = 0.5;
const ESTIMATE_MARGIN = 0.2;
const BUCKETS: [number, number][] = [
  [0.5, 0.6],
  [0.6, 0.8],
  [0.8, 1.01],
];

/**
 * Recall of the LSH candidate search on a sample: every pair (sampled provision, any provision) whose exact
 * Jaccard similarity is at least 0.5, computed exhaustively through an inverted index of the sample's shingles,
 * against the candidates the band keys give (and those kept by the MinHash estimate check that follows).
 */
export async function candidateRecall(db: RawSqlite, size: number, random: () => number) {
  const rows = await db.all<{ id: number; text: string | null; summary: string | null; signature: Buffer }>(
    `select p."id", p."text", p."summary", s."signature" from provision p
     join provision_signature s on s."provision_id" = p."id" order by p."id"`,
  );
  const all = rows.map((row) => shingles(comparisonText(row), SHINGLE_WORDS));
  const sample = [...new Set(Array.from({ length: size }, () => Math.floor(random() * rows.length)))];
  const bySingle = new Map<number, number[]>();
  sample.forEach((row, k) => {
    for (const shingle of all[row]) bySingle.set(shingle, [...(bySingle.get(shingle) ?? []), k]);
  });
  const common = sample.map(() => new Map<number, number>());
  all.forEach((set, j) => {
    for (const shingle of set)
      for (const k of bySingle.get(shingle) ?? []) common[k].set(j, (common[k].get(j) ?? 0) + 1);
  });
  let pairs = 0;
  let found = 0;
  let kept = 0;
  const buckets = BUCKETS.map(() => ({ pairs: 0, found: 0 }));
  for (const [k, row] of sample.entries()) {
    const signature = signatureFromBytes(rows[row].signature);
    const match = bandKeys(signature)
      .map((key) => `"${bandKeyToken(bandKeyNumber(key))}"`)
      .join(' OR ');
    const candidates = new Set(
      (
        await db.all<{ id: number }>('select rowid as id from provision_band where provision_band match ?', [
          match,
        ])
      ).map((c) => c.id),
    );
    for (const [j, shared] of common[k]) {
      if (j === row) continue;
      const score = shared / (all[row].length + all[j].length - shared);
      if (score < MIN_SCORE) continue;
      pairs += 1;
      const bucket = buckets[BUCKETS.findIndex(([low, high]) => score >= low && score < high)];
      bucket.pairs += 1;
      if (!candidates.has(rows[j].id)) continue;
      found += 1;
      bucket.found += 1;
      if (estimateJaccard(signature, signatureFromBytes(rows[j].signature)) >= MIN_SCORE - ESTIMATE_MARGIN)
        kept += 1;
    }
  }
  return {
    sample: sample.length,
    corpus: rows.length,
    pairs,
    found,
    kept,
    recall: pairs ? found / pairs : 1,
    keptRecall: pairs ? kept / pairs : 1,
    byBucket: BUCKETS.map(
      ([low, high], i) =>
        `[${low}, ${Math.min(high, 1)}${high > 1 ? ']' : ')'}: ${buckets[i].found}/${buckets[i].pairs}`,
    ).join(', '),
  };
}
