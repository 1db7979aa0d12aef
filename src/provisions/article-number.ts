/**
 * An article number in the form it is stored and compared in: its compatibility form (NFKC), so that a number typed
 * in full-width forms ("７.４", as a Chinese, Japanese or Korean keyboard types it) is the number 7.4 at every door
 * (the API's `articleNumber`, an import's record, a heading of `import text`) and in the filter (hostile19).
 */
export const articleNumberForm = (n: string): string => n.normalize('NFKC');

/**
 * An article number without the word the record may carry ("ARTICLE 22.6", "Art. 7", "Artículo 3" are 22.6, 7,
 * 3; ToTA numbers often carry it, some with a dash or colon: "ARTICLE - IV", "ARTICLE: 8.4"): every label adds
 * its own word, and the provisions' filter (`provisionWhere`) reads a number typed by a person so. Full-width
 * forms, as a Chinese, Japanese or Korean keyboard types them ("７.４", "Ａｒｔｉｃｌｅ" and an ideographic space),
 * are the same number (NFKC): the filter found nothing for "７.４" while the catalogue holds Art. 7.4 (hostile19).
 */
export const articleNumber = (n: string): string => {
  const typed = articleNumberForm(n);
  return (
    typed.replace(/^(article|articles|art\.?|artículo|articulo)(?:\s*[-–—:]\s*|\s+)/i, '').trim() || typed
  );
};

/**
 * An article's number for a spreadsheet's cell that no reader takes for a number or a date: "Art. 12.10" (the
 * reports' short label), where the bare "12.10" is read by pandas, LibreOffice and Excel as 12.1, and "1.2" as a
 * number or a date. Empty where the provision has no number.
 */
export const articleCellLabel = (n: string | null | undefined): string =>
  n ? `Art. ${articleNumber(n)}` : '';

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
