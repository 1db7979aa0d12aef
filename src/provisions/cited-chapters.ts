import { EntityManager } from '@mikro-orm/knex';
import { languageKey } from './article-numbering';
import { ProvisionRepository } from './repository/provision.repository';

/** The chapter a label or citation of an article names (`articleCellLabel`): its number, else its title. */
export interface CitedChapter {
  number: string | null;
  title: string | null;
}

/** A provision as `citedChapters` reads it: its agreement, language and chapter. */
export type ChapterPlace = Partial<
  Record<
    'agreement_id' | 'language' | 'chapter_number' | 'chapter_title' | 'article_number' | 'article_title',
    unknown
  >
>;

/**
 * For the provisions of some agreements, the chapter their label names (`articleCellLabel`) where their agreement
 * numbers its articles per chapter (`numberedPerChapter`, one statement for all the agreements), or where the
 * provision has neither number nor title, else null: the
 * reports' short labels read it; the exports join the same rule to each page's statement.
 */
export async function citedChapters(
  em: EntityManager,
  ids: readonly number[],
): Promise<(p: ChapterPlace) => CitedChapter | null> {
  const perChapter = await new ProvisionRepository(em).languagesNumberedPerChapter(ids);
  // A text with neither number nor title (ToTA's unnumbered texts, 530 on the corpus: EU-Korea's signatures with
  // the agreement's footnotes, under "Conclusion") is named by its chapter: its key ("tota-12877") is no name.
  const unnamed = (p: ChapterPlace) => p.article_number == null && p.article_title == null;
  return (p) =>
    unnamed(p) || perChapter.get(Number(p.agreement_id))?.has(languageKey(p.language as string | null))
      ? {
          number: (p.chapter_number as string | null) ?? null,
          title: (p.chapter_title as string | null) ?? null,
        }
      : null;
}
