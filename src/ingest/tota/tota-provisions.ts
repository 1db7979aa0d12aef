import { PREAMBLE_HEADING } from '../../provisions/preamble';
import { ProvisionLocation } from '../../provisions/provision-location.enum';
import { TotaArticle, TotaChapter, TotaTreaty } from './tota-treaty';

/** One ToTA article as a provision: the unit that the annotator and the dev labels work on. */
export interface TotaProvision {
  /** The article_identifier (unique across the corpus). */
  readonly ref: string;
  readonly location: ProvisionLocation;
  readonly chapterNumber: string | null;
  readonly chapterTitle: string | null;
  readonly articleNumber: string | null;
  readonly articleTitle: string | null;
  readonly text: string;
  readonly order: number;
}

/**
 * The articles of a treaty as provisions. ToTA puts the preamble in a pseudo-chapter named "Preamble";
 * annexes, protocols and side letters were removed by its makers, so everything else is operative text
 * (the "Conclusion" pseudo-chapter with signature blocks and footnotes included). An article of the Preamble
 * pseudo-chapter that carries its own number is an operative article that ToTA filed there (156 in the corpus:
 * the first articles of association and free trade agreements, whose preamble ToTA does not hold), so it is
 * operative and in no chapter: read as a preamble, its obligations would be declaratory recitals.
 */
export function totaProvisions(treaty: TotaTreaty): TotaProvision[] {
  return treaty.chapters.flatMap((chapter) =>
    chapter.articles.map((article) => ({
      ref: article.articleIdentifier,
      ...placeOf(chapter, article),
      articleNumber: article.number,
      articleTitle: article.name,
      text: article.text,
      order: article.order,
    })),
  );
}

function placeOf(
  chapter: TotaChapter,
  article: TotaArticle,
): Pick<TotaProvision, 'location' | 'chapterNumber' | 'chapterTitle'> {
  const inChapter = { chapterNumber: chapter.number, chapterTitle: chapter.name };
  if (!PREAMBLE_HEADING.test(chapter.name ?? ''))
    return { location: ProvisionLocation.OPERATIVE, ...inChapter };
  if (article.number === null) return { location: ProvisionLocation.PREAMBLE, ...inChapter };
  return { location: ProvisionLocation.OPERATIVE, chapterNumber: null, chapterTitle: null };
}
