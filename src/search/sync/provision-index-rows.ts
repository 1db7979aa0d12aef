import { foldAccents, withoutInvisibleJoiners } from '../query';
import { bandHashes, minhashSignature, shingles } from '../similarity';
import { repairOcr } from '../wording/ocr-repair';

/** The columns of a provision that the search and similarity indexes are built from. */
export interface ProvisionSource {
  id: number;
  chapter_title: string | null;
  section_title: string | null;
  article_number: string | null;
  article_title: string | null;
  text: string | null;
  summary: string | null;
}

/** Texts shorter than this are left out of the similarity index: any two short clauses look alike. */
export const MIN_SIMILARITY_WORDS = 12;

/** Word shingle length for similarity (the similarity module's default). */
export const SHINGLE_WORDS = 5;

export interface SearchDocument {
  title: string;
  body: string;
}

export interface Fingerprint {
  words: number;
  signature: Uint32Array;
  /** LSH band keys as integers (52 bits of each 64-bit key), to store and join on. */
  bandKeys: number[];
}

/** What a provision is searched by: its titles and number, and its text and our summary, accent-folded. */
export function searchDocument(source: ProvisionSource): SearchDocument {
  const join = (parts: (string | null)[]) =>
    parts
      .filter((part): part is string => Boolean(part))
      .map(indexedWords)
      .filter(Boolean)
      .join(' ');
  return {
    title: join([source.article_number, source.article_title, source.section_title, source.chapter_title]),
    body: join([source.text, source.summary]),
  };
}

const WORD_RUN = /[\p{L}\p{M}\p{N}]+/gu;
const WORD_OR_NUMBER = /[\p{L}\p{N}]+/gu;

/**
 * searchableText(text, { foldAccents: true }) of the query module, three times faster on long texts: it folds and
 * lowercases the whole text at once instead of word by word (and leaves out words that fold to nothing). OCR
 * damage is repaired first (repairOcr: "prov1s10ns" and "provi-\nsions" are indexed as "provisions"); the stored
 * text is not changed.
 */
export function indexedWords(text: string): string {
  return (
    foldAccents(repairOcr(withoutInvisibleJoiners(text)))
      .toLowerCase()
      .match(WORD_RUN) ?? []
  ).join(' ');
}

/** The text a provision is compared by: its text, or our summary where we hold no text. */
export function comparisonText(source: Pick<ProvisionSource, 'text' | 'summary'>): string {
  return source.text || source.summary || '';
}

/** The MinHash signature and band keys of a text, or null for a text too short to compare. */
export function fingerprint(text: string): Fingerprint | null {
  // Counted on the raw text (shingles() normalises it, and normalising twice costs a sixth of the import's
  // similarity work); the count differs from the normalised one only for words split by stray combining marks.
  const words = text.match(WORD_OR_NUMBER)?.length ?? 0;
  if (words < MIN_SIMILARITY_WORDS) return null;
  const signature = minhashSignature(shingles(text, SHINGLE_WORDS));
  return { words, signature, bandKeys: bandKeyNumbers(signature) };
}

/** "7:0123456789abcdef" -> the number of its first 13 hex digits (exact in a double, fits a 64-bit column). */
export function bandKeyNumber(key: string): number {
  return parseInt(key.slice(key.indexOf(':') + 1, key.indexOf(':') + 14), 16);
}

/**
 * `bandKeys(signature).map(bandKeyNumber)` without the strings: the first 13 hex digits of a key are the band
 * hash's high 32 bits and the top 20 bits of its low ones.
 */
export function bandKeyNumbers(signature: Uint32Array): number[] {
  const { high, low } = bandHashes(signature);
  const numbers: number[] = [];
  for (let band = 0; band < high.length; band += 1) numbers.push(high[band] * 0x100000 + (low[band] >>> 12));
  return numbers;
}

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * A band key as an FTS5 token (base 36): `key.toString(36)`, which V8 makes slowly for numbers beyond 31 bits.
 * The division is exact: below 2^53, floor(key / 36) cannot round up to the next integer.
 */
export function bandKeyToken(key: number): string {
  if (!Number.isSafeInteger(key) || key < 0) return key.toString(36);
  let rest = key;
  let token = '';
  do {
    const quotient = Math.floor(rest / 36);
    token = BASE36[rest - quotient * 36] + token;
    rest = quotient;
  } while (rest > 0);
  return token;
}

export function signatureToBytes(signature: Uint32Array): Buffer {
  return Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength);
}

export function signatureFromBytes(bytes: Uint8Array): Uint32Array {
  const copy = new Uint8Array(bytes);
  return new Uint32Array(copy.buffer, 0, copy.byteLength / 4);
}
