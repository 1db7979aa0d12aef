/** Letters (with their combining marks) and digits; everything else separates words. */
const WORD_RUN = /[\p{L}\p{M}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const COMBINING_MARKS = /\p{M}/gu;

export function isWordChar(char: string): boolean {
  return WORD_CHAR.test(char);
}

/** The words of a piece of text, lower case and NFC, in order. "E-Commerce's" -> ["e", "commerce", "s"]. */
export function splitWords(text: string): string[] {
  return Array.from(text.matchAll(WORD_RUN), (match) => match[0].normalize('NFC').toLowerCase());
}

/** "Électronique" -> "electronique" (for indexes built on accent-free text). */
export function foldAccents(word: string): string {
  return word.normalize('NFD').replace(COMBINING_MARKS, '').normalize('NFC');
}

/**
 * A document text reduced to the words the query syntax sees, joined by single spaces. Indexing this text (rather
 * than the raw text) makes the database tokenizer split words exactly as the query does: PostgreSQL's default
 * parser, for instance, keeps "22.7" or "www.unesco.org" as one token, which a query for `22.7` (the phrase
 * "22 7") would not find.
 */
export function searchableText(text: string, options: { foldAccents?: boolean } = {}): string {
  const words = splitWords(text);
  return (options.foldAccents ? words.map(foldAccents) : words).join(' ');
}
