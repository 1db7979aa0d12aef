/**
 * The word a record may write before an article's number: "ARTICLE", "Art.", "ARTÍCULO", "Articulo", "ARTICLES"
 * (ToTA's "ARTICLES 7.3"), and the misspellings the ToTA corpus holds ("ARTÍÍCULO", "ARTÍTÍCULO", "ARTIICLE",
 * "ARTICTE", "ARTICIE", "ARTCLE"): a word of letters beginning "art", then a dot, a dash, a colon or a space.
 */
const ARTICLE_WORD = /^art\p{L}{0,8}(?:\.\s*|\s*[-–—:]\s*|\s+)(?=\S)/iu;

/**
 * An article number in the form it is stored, compared and shown in, the one rule of every door (an import's record,
 * ToTA's files, the API's `articleNumber`, the provisions' filter): the number alone, without the word the record
 * may carry ("ARTICLE 22.6", "Art. 7", "ARTÍCULO 3", "ARTICLE - IV", "ARTICLE: 8.4" are 22.6, 7, 3, IV, 8.4; ToTA
 * writes the word in 40,174 of its 40,258 numbers), so that analysts join and sort on it (ToTA's rows were "ARTICLE
 * 2106" beside the fixtures' "2106" until 7 December 2026) and every label adds its own word; a word alone
 * ("ARTICLE") is kept, being no number. In its compatibility form (NFKC), so that a number typed in full-width forms
 * ("７.４", "Ａｒｔｉｃｌｅ" and an ideographic space, as a Chinese, Japanese or Korean keyboard types them) is the
 * number 7.4 (hostile19). Keys are made from the record's own words (`articleKey`), unchanged by this.
 */
export const articleNumberForm = (n: string): string => {
  const typed = n.normalize('NFKC').trim();
  return typed.replace(ARTICLE_WORD, '').trim() || typed;
};

/**
 * An article's number for a spreadsheet's cell that no reader takes for a number or a date: "Art. 12.10" (the
 * reports' short label), where the bare "12.10" is read by pandas, LibreOffice and Excel as 12.1, and "1.2" as a
 * number or a date; "Ch. 11, Art. 1" where its agreement numbers its articles per chapter (`numberedPerChapter`,
 * `chapter` its chapter's number or, with none, its title), as every label of such an article names its chapter.
 * An article held under a protocol's or annex's key (`key` "protocol-iii-cultural-cooperation/art-3") is named by
 * that protocol, in the key's words, and by no chapter ("Protocol III cultural cooperation, Art. 3"): the main text
 * has an Article 3 of its own, and the record's chapter of such an article is the protocol again (the comparison's
 * labels named both, "Protocol III cultural cooperation, Protocol III on Cultural Cooperation, Art. 1") or a
 * section of it (the EPA's "1": "Ch. 1, Art. 2", no protocol named). The one rule of every label of an article:
 * the exports, the pages' CSVs, the reports (`shortProvisionLabel`) and the pages (`citedChapter`).
 * Empty where the provision has no number. `chapterWord` is the reports' in their language ("Chap.", "Cap."); the
 * exports' cells keep "Ch.".
 */
export function articleCellLabel(
  n: string | null | undefined,
  chapter: { number: string | null | undefined; title: string | null | undefined } | null = null,
  chapterWord = 'Ch.',
  key: string | null = null,
  words: KeyWords = keyWordsAsWritten,
): string {
  if (!n) return '';
  const article = `Art. ${articleNumberForm(n)}`;
  const containers = key ? keyParts(key, words).containers : [];
  if (containers.length) return [...containers, article].join(', ');
  const division = chapter?.number ? divisionNumber('chapter', chapter.number) : null;
  const named = division
    ? division.worded
      ? division.number
      : `${chapterWord} ${division.number}`
    : chapter?.title;
  return named ? `${named}, ${article}` : article;
}

/**
 * A key's last part that an importer made of its own id or of a position, no word a reader takes in, so a label never
 * shows it: ToTA's article id ("tota-12877", in a further language version "tota-12877.es"), a plain text's place
 * ("text-7", "text-7-9" where taken).
 */
export const isInternalKeyPart = (part: string): boolean => /^(tota|text)-\d+(-\d+)?(\.[a-z-]+)?$/.test(part);

/** "Text without an article number", in each language of the pages and reports. */
export const UNNUMBERED_TEXT = {
  en: 'Text without an article number',
  fr: 'Texte sans numéro d’article',
  es: 'Texto sin número de artículo',
} as const;

/**
 * The name of a text with neither number nor title whose key is an importer's id (`isInternalKeyPart`): its
 * chapter's title ("Conclusion", EU-Korea's signatures and footnotes), else a text without an article number. The
 * one rule of the reports' labels and the exports' cells.
 */
export const unnamedTextLabel = (
  chapter: { title?: string | null } | null | undefined,
  lang: keyof typeof UNNUMBERED_TEXT = 'en',
): string => chapter?.title ?? UNNUMBERED_TEXT[lang];

/** A provision's key within its pinpoint (`<agreement slug>/<key>`; keys may contain slashes, slugs do not). */
export const keyOfPinpoint = (pinpoint: string): string => pinpoint.slice(pinpoint.indexOf('/') + 1);

/**
 * How a part of a provision key reads: its own words (the exports' cells, `keyWordsAsWritten`), or a report's
 * language (`keyPartIn` of the report texts, "Protocole III coopération culturelle").
 */
export type KeyWords = (part: string) => string;

/** A part of a provision key in its own words: "protocol-iii-cultural-cooperation" is "protocol III cultural cooperation". */
export const keyWordsAsWritten: KeyWords = (part) =>
  part
    .split('-')
    .filter(Boolean)
    .map((w) => (/^x{0,3}(ix|iv|v?i{0,3})$/.test(w) ? w.toUpperCase() : w))
    .join(' ')
    // "co-production", "e-commerce", "non-discrimination": a prefix keeps its hyphen.
    .replace(/\b(co|e|non|sub|inter|multi|cross) (?=\w)/gi, '$1-');

/**
 * A provision key's protocols and annexes in words ("protocol-iii-cultural-cooperation/art-3": "Protocol III
 * cultural cooperation"), and its own last part ("art-3").
 */
export function keyParts(
  key: string,
  words: KeyWords = keyWordsAsWritten,
): { containers: string[]; own: string } {
  const parts = key.split('/');
  const own = parts.pop()!;
  return { containers: parts.map((part, i) => keyInWords(part, i === 0, words)), own };
}

/** A part of a provision key in words, the first of a label with a capital. */
export function keyInWords(part: string, capital: boolean, words: KeyWords = keyWordsAsWritten): string {
  const text = words(part);
  return capital ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

const DIVISION_WORDS = {
  chapter: /^(chapter|chapitre|cap[ií]tulo)\s+/i,
  section: /^(section|secci[oó]n)\s+/i,
};
/** A number that carries the word of another kind of division: "TITLE III", "PART 2", "ANNEX I". */
const OTHER_DIVISION = /^\p{L}{2,}\.?\s+\S/u;

/**
 * A chapter's or section's number as its label shows it: without the record's own word for that division
 * ("CHAPTER 4", "CAPÍTULO 4", "SECTION A" are 4, 4, A; ToTA numbers mostly carry it) and `worded: false`, so that
 * the label adds its own word, as for articles; a number carrying another division's word ("TITLE III", "PART 2")
 * as it is, `worded: true`, as the label must not call it a chapter.
 */
export function divisionNumber(kind: 'chapter' | 'section', n: string): { number: string; worded: boolean } {
  const trimmed = n.trim();
  const bare = trimmed.replace(DIVISION_WORDS[kind], '').trim();
  if (bare !== trimmed) return { number: bare || trimmed, worded: false };
  return { number: trimmed, worded: OTHER_DIVISION.test(trimmed) };
}
