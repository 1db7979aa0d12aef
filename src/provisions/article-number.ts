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
 * Empty where the provision has no number. `chapterWord` is the reports' in their language ("Chap.", "Cap."); the
 * exports' cells keep "Ch.".
 */
export function articleCellLabel(
  n: string | null | undefined,
  chapter: { number: string | null | undefined; title: string | null | undefined } | null = null,
  chapterWord = 'Ch.',
): string {
  if (!n) return '';
  const article = `Art. ${articleNumberForm(n)}`;
  const division = chapter?.number ? divisionNumber('chapter', chapter.number) : null;
  const named = division
    ? division.worded
      ? division.number
      : `${chapterWord} ${division.number}`
    : chapter?.title;
  return named ? `${named}, ${article}` : article;
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
