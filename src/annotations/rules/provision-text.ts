import { normalizeWithOffsets, NormalizedText, toOriginalSpan } from '../../ingest/text/normalize-whitespace';
import { EvidenceSpan } from './annotator.types';
import { allSpans, Span } from './patterns';
import { tailHeading } from './sections';

// A sentence ends at . ! or ? followed by a space and something that can start a sentence or a numbered paragraph.
const SENTENCE_END = /[.!?](?= (?:[\p{Lu}\d(["“'‘¿¡]))/gu;

// A cross-reference to another chapter or article by title: "Chapter Sixteen (Electronic Commerce)",
// "Article 2206 (Exceptions - Cultural Industries)". Its words name another provision's subject, not this one's.
const CROSS_REFERENCE =
  /(?:Chapters?|Articles?|Sections?|Annex|Cap[ií]tulos?|Art[ií]culos?|Secci[oó]n|Anexo|Chapitres?)\s+[\w.\-–]{1,20}(?:\s*\([^)]{0,20}\))?\s*\([^)]{2,150}\)/giu;

/**
 * A provision's text, white-space-normalised, with sentence lookup and mapping back to the original.
 * Rule matches ignore masked parts: cross-references by title, and the heading of the next section that some
 * sources glue to the end of an article.
 */
export class ProvisionText {
  readonly normalized: NormalizedText;
  private sentenceEnds: number[] | null = null;
  private readonly masks: Span[];

  constructor(original: string) {
    this.normalized = normalizeWithOffsets(original);
    this.masks = allSpans(CROSS_REFERENCE, this.text);
    const heading = tailHeading(original);
    if (heading && this.text.endsWith(heading)) {
      this.masks.push({ start: this.text.length - heading.length, end: this.text.length });
    }
  }

  /** Matches of a global regex outside the masked parts. */
  find(pattern: RegExp): Span[] {
    const spans = allSpans(pattern, this.text);
    if (this.masks.length === 0) return spans;
    return spans.filter((span) => !this.masks.some((mask) => span.start < mask.end && span.end > mask.start));
  }

  findFirst(pattern: RegExp): Span | null {
    return this.find(pattern)[0] ?? null;
  }

  get text(): string {
    return this.normalized.text;
  }

  /** The sentence (or numbered paragraph) that contains the span, in normalised offsets. */
  sentenceAround(span: Span): Span {
    const ends = this.ends();
    let start = 0;
    let end = this.text.length;
    for (const boundary of ends) {
      if (boundary < span.start) start = boundary + 2;
      else if (boundary >= span.end - 1) {
        end = boundary + 1;
        break;
      }
    }
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
