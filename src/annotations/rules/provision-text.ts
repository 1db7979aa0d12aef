import {
  normalizeWhitespace,
  normalizeWithOffsets,
  NormalizedText,
  toOriginalSpan,
} from '../../ingest/text/normalize-whitespace';
import { EvidenceSpan } from './annotator.types';
import { allSpans, Span } from './patterns';
import { tailHeading } from './sections';

// A sentence ends at . ! or ? followed by a space and something that can start a sentence or a numbered paragraph.
const SENTENCE_END = /[.!?](?= (?:[\p{Lu}\d(["“'‘¿¡]))/gu;

// A cross-reference to another chapter or article by title: "Chapter Sixteen (Electronic Commerce)",
// "Article 2206 (Exceptions - Cultural Industries)". Its words name another provision's subject, not this one's.
const CROSS_REFERENCE =
  /(?:Chapters?|Articles?|Sections?|Annex|Cap[ií]tulos?|Art[ií]culos?|Secci[oó]n|Anexo|Chapitres?)\s+[\w.\-–]{1,20}(?:\s*\([^)]{0,20}\))?\s*\([^)]{2,150}\)/giu;

/** The apostrophes and the marks typed for one (’ ʼ ‘ ′ ´ `), each as the plain apostrophe. */
const APOSTROPHE_LIKE = /[\u2019\u02bc\u2018\u2032\u00b4\u0060]/g;

/**
 * Every apostrophe-like mark as "'", one character for one. The rules are written with "'" ("s'applique",
 * "l'annexe"); a text typed with "’" (what a word processor puts, U+2019) was not matched by a rule that forgot
 * to allow it: "Le présent accord ne s’applique pas aux industries culturelles" was no cultural exemption.
 */
export function foldApostrophes(text: string): string {
  return text.replace(APOSTROPHE_LIKE, "'");
}

/**
 * The one form of text the rules read: white space folded to single spaces and apostrophes to "'"
 * (`ProvisionText` reads a provision's text so, with its offsets; titles and table rows are read through this).
 */
export function ruleText(text: string): string {
  return foldApostrophes(normalizeWhitespace(text));
}

/**
 * A provision's text, white-space-normalised, apostrophes folded (`ruleText`), with sentence lookup and mapping back to the original.
 * Rule matches ignore masked parts: cross-references by title, and the heading of the next section that some
 * sources glue to the end of an article.
 */
export class ProvisionText {
  readonly normalized: NormalizedText;
  private sentenceEnds: number[] | null = null;
  private readonly masks: Span[];
  private disjointMasks: { spans: Span[]; ends: number[] } | null = null;

  constructor(original: string) {
    const folded = normalizeWithOffsets(original);
    // One character for one: the offsets back to the original stay as they are.
    this.normalized = { ...folded, text: foldApostrophes(folded.text) };
    this.masks = allSpans(CROSS_REFERENCE, this.text);
    const heading = ruleText(tailHeading(original) ?? '');
    if (heading && this.text.endsWith(heading)) {
      this.masks.push({ start: this.text.length - heading.length, end: this.text.length });
    }
  }

  /** Matches of a global regex outside the masked parts. */
  find(pattern: RegExp): Span[] {
    const spans = allSpans(pattern, this.text);
    if (this.masks.length === 0) return spans;
    // The masks as disjoint intervals in order, each match looked up by binary search: a text of thousands of
    // cross-references and matches (a pasted draft) would otherwise cost their product.
    const masks = (this.disjointMasks ??= disjoint(this.masks));
    return spans.filter((span) => {
      const mask = masks.spans[firstAtLeast(masks.ends, span.start + 1)];
      return !(mask && mask.start < span.end && span.start < mask.end);
    });
  }

  findFirst(pattern: RegExp): Span | null {
    return this.find(pattern)[0] ?? null;
  }

  get text(): string {
    return this.normalized.text;
  }

  /** The sentence (or numbered paragraph) that contains the span, in normalised offsets. */
  sentenceAround(span: Span): Span {
    // Binary searches over the sentence ends: a rule asks this for every match, and a text of thousands of sentences
    // and matches (a pasted draft) would otherwise cost their product.
    const ends = this.ends();
    const before = firstAtLeast(ends, span.start) - 1;
    const after = firstAtLeast(ends, Math.max(span.start, span.end - 1));
    const start = before >= 0 ? ends[before] + 2 : 0;
    const end = after < ends.length ? ends[after] + 1 : this.text.length;
    return { start: Math.min(start, span.start), end: Math.max(end, span.end) };
  }

  sentenceText(span: Span): string {
    const sentence = this.sentenceAround(span);
    return this.text.slice(sentence.start, sentence.end);
  }

  /** Evidence for a normalised span: original offsets and the original words. */
  evidence(span: Span): EvidenceSpan {
    const original = toOriginalSpan(this.normalized, span.start, span.end);
    return { ...original, quote: this.normalized.original.slice(original.start, original.end) };
  }

  private ends(): number[] {
    if (!this.sentenceEnds) {
      this.sentenceEnds = [];
      SENTENCE_END.lastIndex = 0;
      for (let match = SENTENCE_END.exec(this.text); match; match = SENTENCE_END.exec(this.text)) {
        this.sentenceEnds.push(match.index);
      }
    }
    return this.sentenceEnds;
  }
}

/** The index of the first of the ascending `values` at least `bound` (`values.length` when none is). */
function firstAtLeast(values: readonly number[], bound: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle] < bound) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Spans as disjoint spans in order (overlapping ones joined), with their ends for binary search. */
function disjoint(spans: readonly Span[]): { spans: Span[]; ends: number[] } {
  const joined: { start: number; end: number }[] = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const last = joined[joined.length - 1];
    if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
    else joined.push({ start: span.start, end: span.end });
  }
  return { spans: joined, ends: joined.map((span) => span.end) };
}
