import { BoundedCache } from '../../common/bounded-cache';
import { shingles } from '../similarity/shingles';
import { sortedCommonCount, sortedJaccard } from '../similar/sorted-jaccard';
import { repairOcr } from './ocr-repair';
import { wordingFeatures } from './wording-features';

export enum SimilarityMeasure {
  /** Jaccard similarity of the 5-word shingles (runs of five words): reuse of the very words, in order. */
  VERBATIM = 'VERBATIM',
  /** Jaccard similarity of the content words and adjacent content-word pairs (see wording-features.ts). */
  WORDING = 'WORDING',
}

/** Texts with fewer words than this are not compared: any two short clauses look alike. */
export const MIN_COMPARED_WORDS = 12;
const WORD = /[\p{L}\p{N}]+/gu;
/**
 * VERBATIM hits are looked for among the texts whose WORDING similarity is at least this share of the VERBATIM
 * threshold: sharing runs of five words means sharing their content words and pairs, so the two scores move
 * together (`npm run bench:similarity` measures what this misses against exact all-pairs).
 */
export const VERBATIM_CANDIDATE_RATIO = 0.5;

/**
 * Whether a text of `holderLength` features holds a shorter one of `quotedLength` the way an article holds a clause
 * it quotes: `common` features shared, at least `share` of the shorter text's and at least `minShared`. The one
 * statement of the quoting relation, for the index's search (`quotedEarlier`) and for a pair (the family's line).
 */
export const holdsAsQuote = (
  common: number,
  holderLength: number,
  quotedLength: number,
  share: number,
  minShared: number,
): boolean => quotedLength < holderLength && common >= minShared && common >= share * quotedLength - 1e-9;

export interface ClauseText {
  id: number;
  agreementId: number;
  text: string;
  /** The agreement's signature date (ISO), when known: `quotedEarlier` links only to texts signed before. */
  dateSigned?: string | null;
  /** Its WORDING features, when the caller has them (the family study compares under other options). */
  features?: Uint32Array;
}

export interface ClauseHit {
  id: number;
  score: number;
}

/**
 * Look-ups of indexed provisions kept per index (an index never changes once built; a changed catalogue gets a
 * new one): a provision page asks the neighbours of the clause and of each member of its family (up to 60
 * look-ups, most of the page's time on the corpus), and the next visitor of the page, or of a page of the same
 * family, asks the same. About 40 bytes per hit.
 */
const NEIGHBOURS_KEPT = 5000;

/** The features a text is compared by, for both measures. */
export interface ClauseFeatures {
  wording: Uint32Array;
  verbatim: Uint32Array;
}

/** Long enough to compare (MIN_COMPARED_WORDS words). */
export function comparable(text: string): boolean {
  return (text.match(WORD)?.length ?? 0) >= MIN_COMPARED_WORDS;
}

/** VERBATIM features: the 5-word shingles of the OCR-repaired text. */
export function verbatimFeatures(text: string): Uint32Array {
  return shingles(repairOcr(text), 5);
}

export function clauseFeatures(text: string): ClauseFeatures {
  return { wording: wordingFeatures(text), verbatim: verbatimFeatures(text) };
}

export function scoreFeatures(a: ClauseFeatures, b: ClauseFeatures, measure: SimilarityMeasure): number {
  return measure === SimilarityMeasure.VERBATIM
    ? sortedJaccard(a.verbatim, b.verbatim)
    : sortedJaccard(a.wording, b.wording);
}

/**
 * An in-memory inverted index of every comparable provision's WORDING features. A look-up finds every
 * provision whose WORDING similarity reaches a threshold, exactly (prefix filtering over the posting lists,
 * then an exact score: no pair is missed at any threshold). VERBATIM look-ups score exactly the provisions
 * whose WORDING similarity passes VERBATIM_CANDIDATE_RATIO x the threshold (see SimilarityService).
 */
/** A turn of the event loop: what is waiting (other requests) runs first. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

export class ClauseIndex {
  private readonly position = new Map<number, number>();
  private readonly ids: number[] = [];
  private readonly agreementIds: number[] = [];
  private readonly dates: (string | null)[] = [];
  private readonly features: Uint32Array[] = [];
  private keys = new Uint32Array(0);
  private offsets = new Uint32Array(1);
  private postings = new Uint32Array(0);
  private counts = new Uint16Array(0);
  private touched = new Uint32Array(0);
  private readonly looked = new BoundedCache<string, readonly ClauseHit[]>(NEIGHBOURS_KEPT);

  static build(texts: Iterable<ClauseText>): ClauseIndex {
    const index = new ClauseIndex();
    for (const clause of texts) index.add(clause);
    for (const steps = index.postingSteps(); !steps.next().done;);
    return index;
  }

  /**
   * The same index, built a slice at a time: the features of `sliceSize` texts, then a turn of the event loop,
   * so that a server building the index of a large catalogue keeps answering (the whole corpus's features take
   * seconds, the postings' sort about one).
   */
  static async buildInSlices(texts: AsyncIterable<ClauseText>, sliceSize = 200): Promise<ClauseIndex> {
    const index = new ClauseIndex();
    let count = 0;
    for await (const clause of texts) {
      index.add(clause);
      if (++count % sliceSize === 0) await turn();
    }
    for (const steps = index.postingSteps(); !steps.next().done;) await turn();
    return index;
  }

  private add(clause: ClauseText): void {
    if (!comparable(clause.text)) return;
    this.position.set(clause.id, this.ids.length);
    this.ids.push(clause.id);
    this.agreementIds.push(clause.agreementId);
    this.dates.push(clause.dateSigned ?? null);
    this.features.push(clause.features ?? wordingFeatures(clause.text));
  }

  get size(): number {
    return this.ids.length;
  }

  has(id: number): boolean {
    return this.position.has(id);
  }

  /** The WORDING features of an indexed provision, or null (not in the index: too short, or unknown). */
  wordingOf(id: number): Uint32Array | null {
    const at = this.position.get(id);
    return at === undefined ? null : this.features[at];
  }

  agreementOf(id: number): number | null {
    const at = this.position.get(id);
    return at === undefined ? null : this.agreementIds[at];
  }

  /** The signature date (ISO) of an indexed provision's agreement, or null (undated, or not indexed). */
  dateOf(id: number): string | null {
    const at = this.position.get(id);
    return at === undefined ? null : this.dates[at];
  }

  /**
   * The indexed provisions whose WORDING similarity to an indexed provision is at least minScore, best first (ties
   * by id), itself left out; none for a provision not indexed. Kept (see NEIGHBOURS_KEPT): the list is shared,
   * frozen.
   */
  neighboursOf(id: number, minScore: number): readonly ClauseHit[] {
    const wording = this.wordingOf(id);
    if (!wording) return [];
    return this.looked.through(`${id}:${minScore}`, () =>
      Object.freeze(this.neighbours(wording, minScore, id)),
    );
  }

  /** Indexed provisions whose WORDING similarity to these features is at least minScore, best first (ties by id). */
  neighbours(query: Uint32Array, minScore: number, exclude?: number): ClauseHit[] {
    return this.wordingAtLeast(query, minScore)
      .filter((hit) => this.ids[hit.at] !== exclude)
      .map((hit) => ({ id: this.ids[hit.at], score: hit.score }))
      .sort((x, y) => y.score - x.score || x.id - y.id);
  }

  /**
   * The indexed provisions that contain at least `share` of an indexed provision's WORDING features, and at least
   * `minShared` of them, with their WORDING similarity, best first (ties by id), itself left out: longer articles
   * that quote most of it (a short clause kept whole inside a longer article scores low by Jaccard, whose union
   * counts the rest of the longer text). None for a provision not indexed. Exact, by the same prefix filtering as
   * `neighbours`. Kept, as `neighboursOf` is.
   */
  containersOf(id: number, share: number, minShared: number): readonly ClauseHit[] {
    const query = this.wordingOf(id);
    if (!query) return [];
    return this.looked.through(`${id}:contains:${share}:${minShared}`, () => {
      const needed = Math.max(minShared, Math.ceil(share * query.length - 1e-9));
      if (needed > query.length) return Object.freeze([]);
      const found = this.sharingAtLeast(query, needed, (other) => other >= query.length);
      return Object.freeze(
        found
          .filter((hit) => this.ids[hit.at] !== id)
          .map((hit) => ({
            id: this.ids[hit.at],
            score: hit.common / (query.length + this.features[hit.at].length - hit.common),
          }))
          .sort((x, y) => y.score - x.score || x.id - y.id),
      );
    });
  }

  /**
   * The shorter indexed provisions, signed before this one (both dated), of which it holds at least `share` of
   * the features and at least `minShared` of them, with their WORDING similarity, best first (ties by id): the
   * earlier short texts a long article quotes nearly whole (the reverse of `containersOf`). None for a provision
   * not indexed or undated. Exact; kept, as `neighboursOf` is.
   */
  quotedEarlier(id: number, share: number, minShared: number): readonly ClauseHit[] {
    const date = this.dates[this.position.get(id) ?? -1] ?? null;
    if (date === null) return [];
    return this.looked.through(`${id}:quoted:${share}:${minShared}`, () =>
      Object.freeze(
        this.quotes(id, share, minShared).filter((hit) => {
          const other = this.dateOf(hit.id);
          return other !== null && other < date;
        }),
      ),
    );
  }

  /**
   * The shorter indexed provisions, whatever their dates, of which this one holds at least `share` of the features
   * and at least `minShared` of them (holdsAsQuote), with their WORDING similarity, best first (ties by id): the
   * exact reverse of `containersOf` for texts of different lengths, so that a family's quoting links can be followed
   * both ways. None for a provision not indexed. Kept, as `neighboursOf` is.
   */
  quotes(id: number, share: number, minShared: number): readonly ClauseHit[] {
    const query = this.wordingOf(id);
    if (!query) return [];
    return this.looked.through(`${id}:quotes:${share}:${minShared}`, () => {
      const found = this.sharingAtLeast(
        query,
        minShared,
        (other) => other < query.length && other >= minShared,
        (other) => share * other - 1e-9,
      );
      return Object.freeze(
        found
          .filter((hit) =>
            holdsAsQuote(hit.common, query.length, this.features[hit.at].length, share, minShared),
          )
          .map((hit) => ({
            id: this.ids[hit.at],
            score: hit.common / (query.length + this.features[hit.at].length - hit.common),
          }))
          .sort((x, y) => y.score - x.score || x.id - y.id),
      );
    });
  }

  /**
   * Every indexed provision whose WORDING Jaccard similarity with `query` is at least `floor` (> 0): it shares at
   * least t (|A| + |B|) / (1 + t) features with A (so at least t|A|), and t|A| <= |B| <= |A|/t.
   */
  private wordingAtLeast(query: Uint32Array, floor: number): { at: number; score: number }[] {
    const [shortest, longest] = [floor * query.length - 1e-9, query.length / floor + 1e-9];
    return this.sharingAtLeast(
      query,
      Math.ceil(floor * query.length - 1e-9),
      (other) => other >= shortest && other <= longest,
      (other) => (floor * (query.length + other)) / (1 + floor) - 1e-9,
    )
      .map((hit) => ({
        at: hit.at,
        score: hit.common / (query.length + this.features[hit.at].length - hit.common),
      }))
      .filter((hit) => hit.score >= floor);
  }

  /**
   * Every indexed provision that shares at least `least` (>= 1) features with `query` and whose feature count
   * passes `lengthFits`, with the count shared, by prefix filtering: a text sharing at least `least` features
   * with A shares at least one of any |A| - least + 1 features of A. The posting lists of that many of A's rarest
   * features give the candidates (the long lists of common words are never walked); the count each candidate
   * shares in those lists plus the unprobed features bounds its overlap, which drops most of them against
   * `least` (or the stricter `needs` of its length); the rest are counted exactly by merging the two lists.
   */
  private sharingAtLeast(
    query: Uint32Array,
    least: number,
    lengthFits: (other: number) => boolean,
    needs: (other: number) => number = () => least,
  ): { at: number; common: number }[] {
    const { counts, touched, offsets, postings, features } = this;
    const ranges: { from: number; to: number }[] = [];
    for (let q = 0; q < query.length; q += 1) {
      const at = this.keyPosition(query[q]);
      ranges.push(at < 0 ? { from: 0, to: 0 } : { from: offsets[at], to: offsets[at + 1] });
    }
    ranges.sort((x, y) => x.to - x.from - (y.to - y.from));
    const probed = Math.min(query.length - Math.max(least, 1) + 1, ranges.length);
    let touchedCount = 0;
    for (let r = 0; r < probed; r += 1) {
      for (let p = ranges[r].from; p < ranges[r].to; p += 1) {
        const doc = postings[p];
        if (counts[doc] === 0) touched[touchedCount++] = doc;
        if (counts[doc] < 65535) counts[doc] += 1;
      }
    }
    const unprobed = query.length - probed;
    const found: { at: number; common: number }[] = [];
    for (let t = 0; t < touchedCount; t += 1) {
      const doc = touched[t];
      const shared = counts[doc];
      counts[doc] = 0;
      const other = features[doc];
      if (!lengthFits(other.length)) continue;
      const required = Math.max(least, needs(other.length));
      if (shared + Math.min(unprobed, other.length) < required) continue;
      const common = sortedCommonCount(query, other);
      if (common >= required) found.push({ at: doc, common });
    }
    return found;
  }

  /** The position of a feature in `keys`, or -1. */
  private keyPosition(key: number): number {
    const keys = this.keys;
    let low = 0;
    let high = keys.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (keys[mid] < key) low = mid + 1;
      else high = mid;
    }
    return low < keys.length && keys[low] === key ? low : -1;
  }

  /**
   * Posting lists in compressed-row form: the sorted distinct features, their offsets, the provisions. Built in
   * steps: at each `yield` an asynchronous build lets the server answer other requests (the corpus's postings
   * are millions of pairs, whose sort alone would hold the event loop for a second).
   */
  private *postingSteps(): Generator<void> {
    const docs = this.features.length;
    // One sortable number per (feature, provision): feature x 2^21 + position (< 2^53 for up to 2 million texts),
    // placed in 256 buckets by the feature's top 8 bits, so that sorting each bucket in turn sorts them all.
    const starts = new Float64Array(257);
    for (const wording of this.features)
      for (let i = 0; i < wording.length; i += 1) starts[(wording[i] >>> 24) + 1] += 1;
    for (let b = 0; b < 256; b += 1) starts[b + 1] += starts[b];
    const total = starts[256];
    const pairs = new Float64Array(total);
    const next = starts.slice(0, 256);
    for (let d = 0; d < docs; d += 1) {
      const wording = this.features[d];
      for (let i = 0; i < wording.length; i += 1) pairs[next[wording[i] >>> 24]++] = wording[i] * 2097152 + d;
      if (d % 4096 === 4095) yield;
    }
    for (let b = 0, sorted = 0; b < 256; b += 1) {
      pairs.subarray(starts[b], starts[b + 1]).sort();
      sorted += starts[b + 1] - starts[b];
      if (sorted >= 262144) {
        sorted = 0;
        yield;
      }
    }
    const keys: number[] = [];
    const offsets: number[] = [];
    const postings = new Uint32Array(total);
    let previous = -1;
    for (let i = 0; i < total; i += 1) {
      const key = Math.floor(pairs[i] / 2097152);
      postings[i] = pairs[i] - key * 2097152;
      if (key !== previous) {
        keys.push(key);
        offsets.push(i);
        previous = key;
      }
      if (i % 524288 === 524287) yield;
    }
    offsets.push(total);
    this.keys = Uint32Array.from(keys);
    this.offsets = Uint32Array.from(offsets);
    this.postings = postings;
    this.counts = new Uint16Array(docs);
    this.touched = new Uint32Array(docs);
  }
}
