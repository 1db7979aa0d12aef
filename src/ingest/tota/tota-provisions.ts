import { ProvisionLocation } from '../../provisions/provision-location.enum';
import { TotaTreaty } from './tota-treaty';

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

const PREAMBLE_CHAPTER = /^\s*(preamble|pre[aá]mbulo|pr[eé]ambule)\s*$/i;

/**
 * The articles of a treaty as provisions. ToTA puts the preamble in a pseudo-chapter named "Preamble";
 * annexes, protocols and side letters were removed by its makers, so everything else is operative text
 * (the "Conclusion" pseudo-chapter with signature blocks and footnotes included).
 */
export function totaProvisions(treaty: TotaTreaty): TotaProvision[] {
  return treaty.chapters.flatMap((chapter) => {
    const location = PREAMBLE_CHAPTER.test(chapter.name ?? '')
      ? ProvisionLocation.PREAMBLE
      : ProvisionLocation.OPERATIVE;
    return chapter.articles.map((article) => ({
      ref: article.articleIdentifier,
      location,
      chapterNumber: chapter.number,
      chapterTitle: chapter.name,
      articleNumber: article.number,
      articleTitle: article.name,
      text: article.text,
      order: article.order,
    }));
  });
}
