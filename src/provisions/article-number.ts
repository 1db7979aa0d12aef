/**
 * An article number without the word the record may carry ("ARTICLE 22.6", "Art. 7", "Artículo 3" are 22.6, 7,
 * 3; ToTA numbers often carry it, some with a dash or colon: "ARTICLE - IV", "ARTICLE: 8.4"): every label adds
 * its own word.
 */
export const articleNumber = (n: string): string =>
  n.replace(/^(article|articles|art\.?|artículo|articulo)(?:\s*[-–—:]\s*|\s+)/i, '').trim() || n;

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
