import { annotationSteps } from '../../annotations/rules/annotate-agreement';
import { AnnotatorParty, ProposedAnnotation } from '../../annotations/rules/annotator.types';
import { splitArticles, SplitProvision } from '../../ingest/text/split-articles';
import { comparable } from '../wording/clause-index';
import { wordingFeatures } from '../wording/wording-features';
import type { DraftLanguage } from './draft-language';

/** What the draft checker reads of a draft's text, before it asks the catalogue anything. */
export interface DraftTextInput {
  readonly text: string;
  readonly language: DraftLanguage;
  readonly parties: readonly AnnotatorParty[];
}

/** A draft's articles, what the rules found in them, and the WORDING features their precedents are looked up by. */
export interface DraftArticles {
  /** The articles with words (page furniture, rules and numbers alone are no article); none: nothing to check. */
  readonly split: SplitProvision[];
  readonly annotations: ProposedAnnotation[];
  /** Each article's WORDING features, null when it has too few words to be compared. */
  readonly features: (Uint32Array | null)[];
}

/**
 * The draft's text work, pure and in steps (it yields between articles): split into articles, annotated by the
 * rules, each article's features computed. Run on the text thread for a long draft (`draftArticlesInTurn`: one
 * article of 200,000 characters took the rules 150 to 360 ms and its features as long, on the event loop), in
 * turns on the event loop otherwise (`runInSteps`).
 */
export function* draftArticleSteps(input: DraftTextInput): Generator<void, DraftArticles> {
  const split = splitArticles(input.text).filter((article) => /\p{L}/u.test(article.text));
  if (!split.length) return { split, annotations: [], features: [] };
  yield;
  const annotations = yield* annotationSteps({
    language: input.language,
    title: split[0].documentTitle,
    parties: input.parties,
    provisions: split.map((article, i) => ({
      ref: String(i),
      location: article.location,
      chapterNumber: article.chapterNumber,
      chapterTitle: article.chapterTitle,
      sectionTitle: article.sectionTitle,
      articleNumber: article.articleNumber,
      articleTitle: article.articleTitle,
      text: article.text,
      language: input.language,
    })),
  });
  const features: (Uint32Array | null)[] = [];
  for (const article of split) {
    features.push(comparable(article.text) ? wordingFeatures(article.text) : null);
    yield;
  }
  return { split, annotations, features };
}

/** `draftArticleSteps` run to its end at once (on the text thread). */
export function draftArticles(input: DraftTextInput): DraftArticles {
  const steps = draftArticleSteps(input);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}
