/** Letters (with their combining marks) and digits; everything else separates words. */
const WORD_RUN = /[\p{L}\p{M}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const COMBINING_MARKS = /\p{M}/gu;

export function isWordChar(char: string): boolean {
  return WORD_CHAR.test(char);
}

/**
 * Characters that print nothing inside a word: the soft hyphen (a hyphenation hint, which a web page or a PDF
 * gives with the word copied from it), the zero-width non-joiner and joiner, the word joiner and the zero-width
 * no-break space (byte order mark). They are left out of words, so that "cul\u00ADtural" is "cultural"; as
 * separators they made a query for a pasted word find nothing. The zero-width space is a space: it separates.
 */
const INVISIBLE_IN_WORDS = /\u00AD|\u200C|\u200D|\u2060|\uFEFF/g;

/** The text without the characters that print nothing inside a word (INVISIBLE_IN_WORDS). */
export function withoutInvisibleJoiners(text: string): string {
  return text.replace(INVISIBLE_IN_WORDS, '');
}

/** The words of a piece of text, lower case and NFC, in order. "E-Commerce's" -> ["e", "commerce", "s"]. */
export function splitWords(text: string): string[] {
  return Array.from(withoutInvisibleJoiners(text).matchAll(WORD_RUN), (match) =>
    match[0].normalize('NFC').toLowerCase(),
  );
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
