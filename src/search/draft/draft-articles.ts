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
  const split = footnotesWithTheirArticles(
    splitArticles(input.text).filter((article) => /\p{L}/u.test(article.text)),
  );
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

/** A footnote's first line: "(^6) For greater certainty ..." (a PDF's transcription) or Markdown's "[^6]: ...". */
const FOOTNOTE_START = /^\s*(?:\(\^(\d+)\)|\[\^(\d+)\]:)/;

/** A call of a footnote in an article's text: "clearing systems^6", "entity.^7", Markdown's "[^6]". */
const FOOTNOTE_CALL = /(?<!\()\^(\d+)(?![\d)])|\[\^(\d+)\](?!:)/g;

/**
 * A draft's footnotes with the article that calls them. A transcribed draft sets a page's footnotes at its foot,
 * which may be inside the next article: the WTO e-commerce draft's footnotes 6 and 7, called in Article 10, sat in
 * Article 11 (customs duties on electronic transmissions), whose precedents were then looked up with words of
 * payment systems (TPP 14.3 at 20 %, "no clause" found; 24 % without them). A footnote (its first line, and the
 * lines after it up to a blank line or the next footnote) moves to the end of the article whose text calls it; one
 * no article calls stays where it is. The draft is never stored: this is the draft checker's reading only.
 */
export function footnotesWithTheirArticles(split: SplitProvision[]): SplitProvision[] {
  const bodies: string[][] = [];
  const notes: { n: string; lines: string[]; from: number }[] = [];
  split.forEach((article, i) => {
    const body: string[] = [];
    let note: { n: string; lines: string[]; from: number } | null = null;
    for (const line of article.text.split('\n')) {
      const start = FOOTNOTE_START.exec(line);
      if (start) {
        note = { n: start[1] ?? start[2], lines: [line], from: i };
        notes.push(note);
      } else if (note && line.trim()) note.lines.push(line);
      else {
        note = null;
        body.push(line);
      }
    }
    bodies.push(body);
  });
  if (!notes.length) return split;
  const texts = bodies.map((body) => body.join('\n'));
  // Each footnote's first caller, read in one pass over the texts.
  const callers = new Map<string, number>();
  texts.forEach((text, i) => {
    for (const call of text.matchAll(FOOTNOTE_CALL)) {
      const n = call[1] ?? call[2];
      if (!callers.has(n)) callers.set(n, i);
    }
  });
  const moved = bodies.map(() => [] as string[]);
  for (const note of notes) moved[callers.get(note.n) ?? note.from].push(note.lines.join('\n'));
  const touched = new Set([
    ...notes.map((note) => note.from),
    ...moved.flatMap((m, i) => (m.length ? [i] : [])),
  ]);
  return split.map((article, i) => ({
    ...article,
    // An article no footnote left or joined is as the splitter gave it.
    text: touched.has(i)
      ? [texts[i].replace(/\n{3,}/g, '\n\n').trim(), ...moved[i]].filter(Boolean).join('\n\n')
      : article.text,
  }));
}
