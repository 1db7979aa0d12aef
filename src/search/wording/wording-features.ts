import { normaliseForComparison } from '../similarity/normalise-text';
import { foldConfusables, dehyphenate } from './ocr-repair';
import { SPANISH_ENGLISH } from './spanish-english';

/**
 * The WORDING measure compares two clauses as sets of content words and of pairs of adjacent content words, so
 * that a clause keeps most of its score when it is reworded the way treaty language usually is:
 *
 * - reordered sentences and clauses keep their words and most of their word pairs;
 * - an inserted qualifier ("a person engaged in") adds a few features instead of breaking every 5-word run;
 * - changed cross-references ("Article 2106", "paragraph 3(b)") do not count: numbers, single letters and
 *   roman numerals are dropped;
 * - grammatical words (articles, prepositions, "shall") do not count: they are dropped;
 * - plurals are reduced ("industries" -> "industry", "measures" -> "measure");
 * - OCR damage is repaired (broken hyphenation, 0/o and 1/l/i confusions).
 *
 * The score is the Jaccard similarity of the two feature sets: 1 for the same content words in the same local
 * order, about 0.3 to 0.5 for a clause reworded from the same template, under 0.1 for unrelated articles.
 */

const STOP_WORDS = new Set(
  [
    // English
    'a an the of to in into on onto at by for from with within without as and or nor but if then than that this these those',
    'such which who whom whose what where when while be is are was were been being shall should will would may might can could',
    'must do does did has have had it its their them they he she his her any all each every either neither both other another',
    'some no not so also there thereof therein thereto hereby herein upon under over between among per via',
    // Spanish
    'el la los las lo un una unos unas de del al y e o u en por para con sin que se su sus como cual cuales este esta estos',
    'estas ese esa sera seran sobre entre ni no es son ha han',
    // French
    'le les l des du d et ou en au aux par pour avec sans qui que qu se sa son ses ce cet cette ces dans sur entre est sont',
    'ne pas ni sera seront leur leurs',
  ]
    .join(' ')
    .split(' ')
    .map(foldConfusables),
);

const ROMAN_NUMERAL = /^(?:x{0,3})(?:ix|iv|v?i{0,3})$/;
/** ASCII, or ASCII with typographic punctuation (curly quotes, dashes, no-break spaces) that becomes a space. */
function plainText(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0x80 && c !== 0xa0 && (c < 0x2000 || c > 0x206f)) return false;
  }
  return true;
}
const NOT_ASCII_WORD = /[^a-z0-9]+/g;

/** normaliseForComparison, with a fast path for the ASCII texts that make up most of the corpus. */
function normalise(text: string): string {
  return plainText(text)
    ? text.toLowerCase().replace(NOT_ASCII_WORD, ' ').trim()
    : normaliseForComparison(text);
}

function hasLetter(word: string): boolean {
  for (let i = 0; i < word.length; i += 1) {
    const c = word.charCodeAt(i);
    if (c < 48 || c > 57) return true;
  }
  return false;
}

/** Light plural reduction, the same for every language the corpus holds (consistency matters, not linguistics). */
function reduce(word: string): string {
  const n = word.length;
  if (n <= 3 || word.charCodeAt(n - 1) !== 115 /* s */) return word;
  if (n > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  const before = word.charCodeAt(n - 2);
  if (before === 115 /* s */) return n > 4 && word.endsWith('sses') ? word.slice(0, -2) : word;
  if (before === 117 /* u */ || before === 105 /* i */) return word;
  return word.slice(0, -1);
}

/**
 * Across languages (run 12 of the clause families, test/fixtures/families/README.md): a Spanish text's content words
 * are put into English by a word table learned from the corpus's one parallel text (spanish-english.ts, made by
 * bench/similarity/learn-word-table.ts), so that a Spanish translation of an English clause shares its words.
 * The study of run 12 also tried cutting words to a prefix (`prefix`). `translate` is the table (null: words are compared as written), `bothOrders` whether a translated text's adjacent
 * words are paired in both orders (Spanish puts most adjectives after their noun).
 */
export interface WordingOptions {
  translate: ReadonlyMap<string, string> | null;
  bothOrders: boolean;
  /** Each word cut to its first this many letters (a crude stemmer for any language), or null: words whole. */
  prefix?: number | null;
}

/** The Spanish-to-English table, keeping the entries whose probability is at least `minProbability`. */
export function spanishEnglish(minProbability: number): ReadonlyMap<string, string> {
  return new Map(SPANISH_ENGLISH.filter(([, , p]) => p >= minProbability).map(([es, en]) => [es, en]));
}

/** The comparison as written: no table (run 11 and before). */
export const AS_WRITTEN: WordingOptions = { translate: null, bothOrders: false };

/** How WORDING compares texts (the service's one setting; the family study passes others). */
export const WORDING_OPTIONS: WordingOptions = AS_WRITTEN;

/** Grammatical words that tell Spanish text from English (folded as tokens are). */
const SPANISH_MARKS = new Set(
  'el la los las del que por para con una se sus al'.split(' ').map(foldConfusables),
);
const ENGLISH_MARKS = new Set(
  'the of and to shall for with by that any or be is'.split(' ').map(foldConfusables),
);
/** French ones (French shares 'la', 'que' and 'se' with Spanish). */
const FRENCH_MARKS = new Set('le les des du et est dans aux pour une au'.split(' ').map(foldConfusables));

/**
 * Spanish words that carry no content (determiners, modal futures): dropped from a translated text, as their English
 * counterparts are stop words ('each', 'any', 'shall').
 */
const SPANISH_GRAMMAR = new Set(
  'cada cualquier cualquiera todo toda todos todas dicho dicha dichos dichas otro otra otros otras mismo misma mismos mismas cuando donde si tal tales debera deberan podra podran sera seran asi cuyo cuya'
    .split(' ')
    .map(foldConfusables),
);

/** A word through the table; a Spanish plural in -es, which `reduce` leaves as -e, is looked up without it. */
function translated(word: string, table: ReadonlyMap<string, string>): string {
  return table.get(word) ?? (word.endsWith('e') ? table.get(word.slice(0, -1)) : undefined) ?? word;
}

/** A text is Spanish when its Spanish grammatical words outnumber its English and its French ones (at least three). */
function spanish(words: readonly string[]): boolean {
  let es = 0;
  let en = 0;
  let fr = 0;
  for (const raw of words) {
    const word = foldConfusables(raw);
    if (SPANISH_MARKS.has(word)) es += 1;
    else if (ENGLISH_MARKS.has(word)) en += 1;
    else if (FRENCH_MARKS.has(word)) fr += 1;
  }
  return es >= 3 && es > en && es > fr;
}

/** The content words of a text in order, normalised as described above, and whether they were translated. */
export function wordingWords(
  text: string,
  options: WordingOptions = WORDING_OPTIONS,
): { tokens: string[]; translated: boolean } {
  const normal = normalise(dehyphenate(text));
  if (!normal) return { tokens: [], translated: false };
  const words = normal.split(' ');
  const table = options.translate && spanish(words) ? options.translate : null;
  const tokens: string[] = [];
  for (const raw of words) {
    if (raw.length < 2 || !hasLetter(raw)) continue;
    if (ROMAN_NUMERAL.test(raw)) continue;
    const folded = foldConfusables(raw);
    if (STOP_WORDS.has(folded)) continue;
    const word = reduce(folded);
    if (word !== folded && STOP_WORDS.has(word)) continue;
    if (!table) tokens.push(word);
    else if (!SPANISH_GRAMMAR.has(word)) {
      const english = translated(word, table);
      if (!STOP_WORDS.has(english)) tokens.push(english);
    }
  }
  const prefix = options.prefix;
  if (prefix) for (let i = 0; i < tokens.length; i += 1) tokens[i] = tokens[i].slice(0, prefix);
  return { tokens, translated: table !== null };
}

/** The content words of a text in order, normalised as described above. */
export function wordingTokens(text: string, options: WordingOptions = WORDING_OPTIONS): string[] {
  return wordingWords(text, options).tokens;
}

/** FNV-1a over the UTF-16 code units of a string (32 bits). */
function hashString(value: string, seed = 0x811c9dc5): number {
  let hash = seed;
  for (let i = 0; i < value.length; i += 1) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

const PAIR_SEED = 0x9747b28c;
const SPACE = 0x20;

/**
 * The WORDING features of a text: the hashes of its content words and of each pair of adjacent content words
 * (hashed with another seed, so a pair never meets a word), ascending without duplicates.
 */
export function wordingFeatures(text: string, options: WordingOptions = WORDING_OPTIONS): Uint32Array {
  const { tokens, translated } = wordingWords(text, options);
  const bothOrders = translated && options.bothOrders;
  const hashes = new Uint32Array(tokens.length * (bothOrders ? 3 : 2));
  let n = 0;
  // A pair's hash is FNV-1a of "first second" from PAIR_SEED, continued from the first word's state.
  let pairState = 0;
  for (let i = 0; i < tokens.length; i += 1) {
    hashes[n++] = hashString(tokens[i]);
    if (i > 0) hashes[n++] = hashString(tokens[i], pairState);
    if (i > 0 && bothOrders) hashes[n++] = hashString(tokens[i - 1], pairOf(tokens[i]));
    pairState = pairOf(tokens[i]);
  }
  const sorted = hashes.subarray(0, n).sort();
  let length = 0;
  for (let i = 0; i < sorted.length; i += 1) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[length++] = sorted[i];
  }
  return sorted.slice(0, length);
}

/** The state of a pair's hash after its first word. */
const pairOf = (word: string) => Math.imul(hashString(word, PAIR_SEED) ^ SPACE, 0x01000193) >>> 0;
