import { EntityManager } from '@mikro-orm/knex';
import { languageKey, languagesNumberedPerChapter, NumberedArticle } from './article-numbering';
import { ProvisionRepository } from './repository/provision.repository';

/** The chapter a label or citation of an article names (`articleCellLabel`): its number, else its title. */
export interface CitedChapter {
  number: string | null;
  title: string | null;
}

/** A provision as `citedChapters` reads it: its agreement, language and chapter. */
export type ChapterPlace = Partial<
  Record<'agreement_id' | 'language' | 'chapter_number' | 'chapter_title', unknown>
>;

/**
 * For the provisions of some agreements, the chapter their label names (`articleCellLabel`) where their agreement
 * numbers its articles per chapter (`languagesNumberedPerChapter`), else null: one statement for all the agreements,
 * run even for none, so that a caller runs the same statements whatever it finds. The exports and the reports' short
 * labels read it.
 */
export async function citedChapters(
  em: EntityManager,
  ids: readonly number[],
): Promise<(p: ChapterPlace) => CitedChapter | null> {
  const byAgreement = new Map<number, NumberedArticle[]>();
  for (const a of await new ProvisionRepository(em).chaptersOfArticles(ids)) {
    const id = Number(a.agreement_id);
    const list = byAgreement.get(id);
    if (list) list.push(a);
    else byAgreement.set(id, [a]);
  }
  const perChapter = new Map(
    [...byAgreement].map(([id, articles]) => [id, languagesNumberedPerChapter(articles)]),
  );
  return (p) =>
    perChapter.get(Number(p.agreement_id))?.has(languageKey(p.language as string | null))
      ? {
          number: (p.chapter_number as string | null) ?? null,
          title: (p.chapter_title as string | null) ?? null,
        }
      : null;
}
