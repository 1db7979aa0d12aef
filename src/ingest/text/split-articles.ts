import { ProvisionLocation } from '../../provisions/provision-location.enum';
import {
  Heading,
  isPageMarker,
  isShortTitle,
  parseHeading,
  withoutClosingHashes,
  withoutEmphasisMarks,
} from './treaty-headings';

/** One provision cut out of a plain-text or Markdown treaty. */
export interface SplitProvision {
  readonly location: ProvisionLocation;
  readonly chapterNumber: string | null;
  readonly chapterTitle: string | null;
  readonly sectionNumber: string | null;
  readonly sectionTitle: string | null;
  /** Bare number ("5", "22.7", "O-06"; "premier"/"1er" give "1"); null for the preamble and annex bodies. */
  readonly articleNumber: string | null;
  readonly articleTitle: string | null;
  /** 0-based position in the treaty. */
  readonly order: number;
  /** The provision's lines, headings left out, paragraph breaks kept. */
  readonly text: string;
  /**
   * The title heading the whole text, above its first chapter, section or article (a draft's "# Agreement on
   * Electronic Commerce", or a first line in capitals): the same on every provision; null when there is none.
   */
  readonly documentTitle: string | null;
}

interface Draft {
  location: ProvisionLocation;
  chapterNumber: string | null;
  chapterTitle: string | null;
  sectionNumber: string | null;
  sectionTitle: string | null;
  articleNumber: string | null;
  articleTitle: string | null;
  lines: string[];
  /** Came from a heading (kept even if empty). */
  headed: boolean;
}

type TitleTarget = 'article' | 'chapter' | 'section' | 'annex';

/**
 * Splits a treaty into provisions at its headings: articles ("Article 5", "ARTICLE 22.7", "Article O-06",
 * "Artículo 3", "Article premier"), with chapter (Chapter/Chapitre/Capítulo) and section (Section/Sección)
 * headings giving the place of each article; text before the first article or chapter is the preamble.
 * Annex and protocol headings switch the location of what follows. A heading line without a title takes the
 * next short line as its title. Page numbers left in a pasted document ("- 11 -", "Page 3 of 24") are dropped.
 * A text with no "Article" heading may number its articles bare ("1. Scope", "2. Customs Duties"): a numbered
 * line that reads as a title, its numbers rising, starts an article. A text with no structure at all is one
 * operative provision unless it says it is a preamble (a heading, or "agree as follows").
 */
export function splitArticles(text: string): SplitProvision[] {
  const lines = text.split(/\r\n|\r|\n/);
  const articleHeadings = lines.some((line) => parseHeading(line)?.kind === 'article');
  let documentTitle: string | null = null;
  let lastBare: number[] | null = null;
  let preambleHeaded = false;
  let titleLine: string | null = null;
  const drafts: Draft[] = [];
  let location = ProvisionLocation.OPERATIVE;
  let chapter = { number: null as string | null, title: null as string | null };
  let section = { number: null as string | null, title: null as string | null };
  let current: Draft | null = null;
  let awaitingTitle: TitleTarget | null = null;
  let seenStructure = false;
  const preamble: Draft = draft(ProvisionLocation.PREAMBLE, false);

  function draft(at: ProvisionLocation, headed: boolean, heading?: Heading): Draft {
    return {
      location: at,
      chapterNumber: at === ProvisionLocation.PREAMBLE ? null : chapter.number,
      chapterTitle: at === ProvisionLocation.PREAMBLE ? null : chapter.title,
      sectionNumber: at === ProvisionLocation.PREAMBLE ? null : section.number,
      sectionTitle: at === ProvisionLocation.PREAMBLE ? null : section.title,
      articleNumber: heading?.kind === 'article' ? heading.number : null,
      articleTitle: heading?.title ?? null,
      lines: heading?.inlineText ? [heading.inlineText] : [],
      headed,
    };
  }

  function start(next: Draft): void {
    current = next;
    drafts.push(next);
  }

  for (const rawLine of lines) {
    const line = rawLine.trim();
    if (isPageMarker(line)) continue;
    if (!line) {
      if (current && (current as Draft).lines.length > 0) (current as Draft).lines.push('');
      continue;
    }
    // A first line in capitals, before anything else, is the text's title (and stays in its text).
    if (documentTitle === null && !seenStructure && !current && isCapitalTitle(line)) {
      documentTitle = stripMarkdown(line);
      titleLine = line;
    }
    let heading = parseHeading(rawLine);
    if (!heading && !articleHeadings) {
      const bare = bareArticleHeading(rawLine, lastBare);
      if (bare) {
        lastBare = bare.rank;
        heading = bare.heading;
      }
    }
    if (!heading && awaitingTitle && takesTitle(line, rawLine)) {
      const title = stripMarkdown(line);
      if (awaitingTitle === 'chapter') chapter = { ...chapter, title };
      else if (awaitingTitle === 'section') section = { ...section, title };
      else if (current) {
        const label = awaitingTitle === 'annex' ? (current as Draft).articleTitle : null;
        (current as Draft).articleTitle = label ? `${label}: ${title}` : title;
      }
      if (current && awaitingTitle !== 'article' && awaitingTitle !== 'annex') current = null;
      awaitingTitle = null;
      continue;
    }
    awaitingTitle = null;
    if (heading) {
      switch (heading.kind) {
        case 'preamble':
          preambleHeaded = true;
          current = preamble;
          location = ProvisionLocation.OPERATIVE;
          continue;
        case 'article':
          seenStructure = true;
          start(draft(location, true, heading));
          awaitingTitle = heading.title || heading.inlineText ? null : 'article';
          continue;
        case 'chapter':
        case 'part':
          seenStructure = true;
          if (location !== ProvisionLocation.OPERATIVE && heading.kind === 'part')
            location = ProvisionLocation.OPERATIVE;
          chapter = { number: heading.number, title: heading.title };
          section = { number: null, title: null };
          current = null;
          awaitingTitle = heading.title ? null : 'chapter';
          continue;
        case 'section':
          seenStructure = true;
          section = { number: heading.number, title: heading.title };
          current = null;
          awaitingTitle = heading.title ? null : 'section';
          continue;
        case 'annex':
        case 'protocol': {
          seenStructure = true;
          location = heading.kind === 'annex' ? ProvisionLocation.ANNEX : ProvisionLocation.PROTOCOL;
          chapter = { number: null, title: null };
          section = { number: null, title: null };
          const body = draft(location, true);
          body.articleTitle = [
            heading.kind === 'annex' ? `Annex${heading.number ? ` ${heading.number}` : ''}` : null,
            heading.title,
          ]
            .filter(Boolean)
            .join(': ');
          start(body);
          awaitingTitle = heading.title ? null : 'annex';
          continue;
        }
      }
    }
    if (/^\s{0,3}#{1,6}\s/.test(rawLine)) {
      // A Markdown heading without a known keyword: the title of a bare article, else a section.
      const title = stripMarkdown(line);
      const bare = current as Draft | null;
      if (bare && bare.headed && bare.lines.length === 0 && !bare.articleTitle) bare.articleTitle = title;
      else if (!seenStructure) {
        // Above any chapter, section or article: the title of the whole text (the last one, after a cover note).
        documentTitle = title;
        current = null;
      } else {
        section = { number: null, title };
        current = null;
      }
      continue;
    }
    if (!current) {
      if (!seenStructure) current = preamble;
      else start(draft(location, false));
    }
    (current as Draft).lines.push(line);
  }

  // No structure at all (a clause pasted alone): operative text, unless it says it is a preamble.
  if (!seenStructure && !preambleHeaded && !AGREE_AS_FOLLOWS.test(preamble.lines.join(' ')))
    preamble.location = ProvisionLocation.OPERATIVE;
  // A preamble that is only the text's title line is no provision when articles follow.
  const titleOnly = drafts.length > 0 && preamble.lines.join('\n').trim() === titleLine;
  const all = preamble.lines.length > 0 && !titleOnly ? [preamble, ...drafts] : drafts;
  return all
    .map((item) => ({
      ...item,
      body: item.lines
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim(),
    }))
    .filter((item) => item.body.length > 0 || item.headed)
    .map((item, order) => ({
      location: item.location,
      chapterNumber: item.chapterNumber,
      chapterTitle: item.chapterTitle,
      sectionNumber: item.sectionNumber,
      sectionTitle: item.sectionTitle,
      articleNumber: item.articleNumber,
      articleTitle: item.articleTitle,
      order,
      text: item.body,
      documentTitle,
    }));
}

/** The formula that ends a preamble: "Have agreed as follows", "Han convenido lo siguiente", "sont convenus". */
const AGREE_AS_FOLLOWS =
  /\bagree(?:d|s)? (?:as follows|upon the following)|\bhan (?:convenido|acordado)|\bacuerdan lo siguiente|\bconvienen\b|\bsont convenu|\bconviennent\b/i;

/** A line in capitals (letters, few words, no sentence end) that can title a whole text. */
function isCapitalTitle(line: string): boolean {
  const plain = stripMarkdown(line);
  return (
    /\p{Lu}{2}/u.test(plain) &&
    plain === plain.toUpperCase() &&
    plain.split(/\s+/).length <= 12 &&
    !/[.;,:]$/.test(plain) &&
    !/^[\d(]/.test(plain)
  );
}

/**
 * "1. Scope", "2 Customs Duties", "## 3. Online Consumer Protection": an article numbered without the word, read
 * only in a text with no "Article" heading, when the rest reads as a title and the number is above the last one
 * ("1.1 This Chapter shall apply ..." is a paragraph: a sentence, no title).
 */
function bareArticleHeading(
  rawLine: string,
  last: number[] | null,
): { heading: Heading; rank: number[] } | null {
  const line = stripMarkdown(rawLine.trim());
  const match = /^(\d{1,3}(?:\.\d{1,3})?)[.)]?\s+(\S.*)$/su.exec(line);
  if (!match || !takesTitle(match[2], match[2])) return null;
  const rank = match[1].split('.').map(Number);
  if (last && compareRanks(rank, last) <= 0) return null;
  const heading: Heading = {
    kind: 'article',
    number: match[1],
    title: match[2].trim(),
    inlineText: null,
    markdown: /^\s{0,3}#{1,6}\s/.test(rawLine),
  };
  return { heading, rank };
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const d = (a[i] ?? -1) - (b[i] ?? -1);
    if (d) return d;
  }
  return 0;
}

const TRAILING_FUNCTION_WORD =
  /\s(?:that|and|or|of|the|to|in|for|with|by|on|a|an|shall|may|que|de|del|y|o|la|el|los|las|en|por|les|et|ou|des|du|le|à)$/i;

/** A short line without sentence punctuation or paragraph numbering can be the title of the heading above. */
function takesTitle(line: string, rawLine: string): boolean {
  if (/^(?:\d+[.)]|\([a-z0-9]+\)|[a-z][.)])\s/i.test(line)) return false;
  if (/^\s{0,3}#{1,6}\s/.test(rawLine)) return true;
  if (!isShortTitle(line) || !/^[\p{Lu}\d"“«]/u.test(line) || /[,:;]$/.test(line)) return false;
  // A wrapped line of running text is not a title: titles are short or mostly capitalised.
  const words = line.split(/\s+/);
  const long = words.filter((word) => word.replace(/[^\p{L}]/gu, '').length > 3);
  const capitalised = long.filter((word) => /^[\p{Lu}"“«(]/u.test(word));
  if (TRAILING_FUNCTION_WORD.test(line)) return false;
  return words.length <= 6 || capitalised.length >= 0.6 * long.length;
}

function stripMarkdown(line: string): string {
  return withoutEmphasisMarks(withoutClosingHashes(line.replace(/^#{1,6}\s+/, ''))).trim();
}
