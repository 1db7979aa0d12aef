/**
 * Repairs of common OCR damage in older treaty texts, for comparison and search only: the stored text is never
 * changed. Two kinds are handled:
 *
 * - words broken across a line by a hyphen ("provi-\nsions" -> "provisions"): a hyphen at the end of a line
 *   between two letters, the next line starting in lower case;
 * - digits read for letters inside a word ("prov1s10ns", "wh1ch"): in a token of at least three letters mixed
 *   with the digits 0 and 1, 0 becomes "o" and 1 becomes "i" (numbers, "1st", "10th", "1A" are left alone).
 *
 * The comparison features go further (see `foldConfusables`): they also treat "l" as "i", so that "schedu1e"
 * and "schedule" meet whichever letter the 1 stood for.
 */

const BROKEN_LINE_WORD = /(\p{L})-[ \t]*\r?\n[ \t]*(\p{Ll})/gu;
/** A letter next to a 0 or 1: the sign of a digit read for a letter. */
const LETTER_BY_DIGIT = /\p{L}[01]|[01]\p{L}/u;
/**
 * A run of letters, 0s and 1s; those holding a letter next to a 0 or 1 ("prov1s10ns", "1ndustry") are repaired. One
 * pattern for both, `[\p{L}01]*(?:\p{L}[01]|[01]\p{L})[\p{L}01]*`, backtracked over the whole run from each of its
 * letters: a run of 100,000 letters without one held the event loop 37 s (an `addProvision`; a run of Chinese text).
 */
const LETTERS_AND_DIGITS = /[\p{L}01]+/gu;
const LETTER = /\p{L}/gu;

/** Joins words hyphenated across line breaks. */
export function dehyphenate(text: string): string {
  return text.includes('-') ? text.replace(BROKEN_LINE_WORD, '$1$2') : text;
}

/** Replaces 0 and 1 by "o" and "i" inside tokens that also hold letters ("prov1s10ns" -> "provisions"). */
export function repairDigitsInWords(text: string): string {
  if (!LETTER_BY_DIGIT.test(text)) return text;
  return text.replace(LETTERS_AND_DIGITS, (token) =>
    LETTER_BY_DIGIT.test(token) && (token.match(LETTER)?.length ?? 0) >= 3
      ? token.replace(/0/g, 'o').replace(/1/g, 'i')
      : token,
  );
}

/** Both repairs: what search indexes and the VERBATIM shingles read. */
export function repairOcr(text: string): string {
  return dehyphenate(repairDigitsInWords(text));
}

/**
 * One spelling for the letters OCR confuses, for comparison features only: in a word holding a letter, "1" and
 * "l" become "i" and "0" becomes "o". Applied to both sides, so "cu1tural", "cultural" and "cuitural" meet.
 */
export function foldConfusables(word: string): string {
  let folded = word.includes('l') || word.includes('1') ? word.replace(/[1l]/g, 'i') : word;
  if (folded.includes('0')) folded = folded.replace(/0/g, 'o');
  return folded;
}
