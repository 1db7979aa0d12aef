/** A numbered article of an agreement, with the chapter it is in (null: in none). */
export interface NumberedArticle {
  language: string | null;
  article_number: string;
  chapter_number: string | null;
  chapter_title: string | null;
}

/** The key of a provision's language in `languagesNumberedPerChapter` (a provision of no recorded language: ''). */
export const languageKey = (language: string | null | undefined): string => language ?? '';

/**
 * The languages in which an agreement numbers its articles per chapter: where one article number is in more than one
 * of its chapters (AANZFTA's Chapter 7 and Chapter 11 each have an Article 1 Scope), so that the number alone names
 * no article and a citation must name the chapter too ("Chapter 11, Article 1"). Read per language, as a further
 * language version repeats every number in chapters of its own words ("CAPÍTULO 11" beside "CHAPTER 11"). A chapter
 * is known by its number, else its title; an article in no chapter is in a chapter of its own.
 */
export function languagesNumberedPerChapter(articles: readonly NumberedArticle[]): Set<string> {
  const chapterOf = new Map<string, string>();
  const perChapter = new Set<string>();
  for (const a of articles) {
    const language = languageKey(a.language);
    const number = `${language}\u0000${a.article_number}`;
    const chapter = a.chapter_number ?? a.chapter_title ?? '';
    const first = chapterOf.get(number);
    if (first === undefined) chapterOf.set(number, chapter);
    else if (first !== chapter) perChapter.add(language);
  }
  return perChapter;
}
