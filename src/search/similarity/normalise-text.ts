const COMBINING_MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/**
 * The form texts are compared in: compatibility-decomposed (ligatures and full-width forms become plain letters),
 * lower case, accents removed, every run of punctuation and white space one space, numbers kept.
 * "Article 22.7 — Diversité" -> "article 22 7 diversite".
 */
export function normaliseForComparison(text: string): string {
  return text.normalize('NFKD').toLowerCase().replace(COMBINING_MARKS, '').replace(NOT_WORD, ' ').trim();
}
