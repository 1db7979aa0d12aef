import { AnnotationOrigin, AnnotationStatus } from '../../annotations/annotation.enums';

/**
 * Least WORDING similarity at which a clause counts as a near-identical copy of a reviewed one: a reviewer's
 * decision reaches it. At 0.8 the copies share nearly all content words and word pairs; reworded descendants
 * (0.3-0.7) are family members but not copies, and get nothing.
 */
export const NEAR_COPY_MIN_SCORE = 0.8;

export interface ReviewedAnnotation {
  id: number;
  provisionId: number;
  status: AnnotationStatus;
  evidenceQuote: string | null;
}

export interface NearCopy {
  provisionId: number;
  score: number;
  text: string;
}

/** An annotation of the reviewed one's code, on a near copy or linked to the reviewed one. */
export interface SameCodeAnnotation {
  id: number;
  provisionId: number;
  origin: AnnotationOrigin;
  status: AnnotationStatus;
  propagatedFromId: number | null;
  contradictedById: number | null;
}

export interface Span {
  start: number;
  end: number;
  quote: string;
}

export interface PropagationPlan {
  /** Near copies without any annotation of the code: each gets a FAMILY proposal. */
  propose: { provisionId: number; score: number; evidence: Span | null }[];
  /** PROPOSED annotations of the code on near copies, contradicted by a rejection. */
  contradict: number[];
  /** Proposals this annotation contradicted while it was rejected; it is accepted, back in review or withdrawn now. */
  lift: number[];
  /** FAMILY proposals copied from this annotation while it was accepted; it is rejected, back in review or withdrawn now. */
  withdraw: number[];
}

/**
 * What one review changes on the near copies of the reviewed clause. Acceptance proposes the code where a copy
 * has no annotation of it (an existing proposal, acceptance or rejection there stands); rejection marks the
 * copies' proposals of the code as contradicted and withdraws the FAMILY proposals an earlier acceptance made.
 * An annotation no longer decided (PROPOSED again after an edit, or being withdrawn: pass it as PROPOSED) takes
 * both back: its FAMILY proposals are withdrawn and its contradictions lifted. Nothing is accepted or rejected
 * here: every proposal waits for a person.
 */
export function planPropagation(
  reviewed: ReviewedAnnotation,
  copies: readonly NearCopy[],
  sameCode: readonly SameCodeAnnotation[],
): PropagationPlan {
  const plan: PropagationPlan = { propose: [], contradict: [], lift: [], withdraw: [] };
  const others = sameCode.filter((a) => a.id !== reviewed.id);
  const onCopy = new Set(copies.map((c) => c.provisionId));
  const copied = (a: SameCodeAnnotation) =>
    a.origin === AnnotationOrigin.FAMILY &&
    a.status === AnnotationStatus.PROPOSED &&
    a.propagatedFromId === reviewed.id;
  const contradicted = (a: SameCodeAnnotation) => a.contradictedById === reviewed.id;
  if (reviewed.status === AnnotationStatus.ACCEPTED) {
    const annotated = new Set(others.map((a) => a.provisionId));
    for (const copy of copies) {
      if (copy.provisionId === reviewed.provisionId || annotated.has(copy.provisionId)) continue;
      plan.propose.push({
        provisionId: copy.provisionId,
        score: copy.score,
        evidence: reviewed.evidenceQuote ? locateQuote(copy.text, reviewed.evidenceQuote) : null,
      });
    }
    plan.lift = others.filter(contradicted).map((a) => a.id);
  } else if (reviewed.status === AnnotationStatus.REJECTED) {
    plan.withdraw = others.filter(copied).map((a) => a.id);
    plan.contradict = others
      .filter(
        (a) =>
          onCopy.has(a.provisionId) &&
          a.status === AnnotationStatus.PROPOSED &&
          !copied(a) &&
          !contradicted(a),
      )
      .map((a) => a.id);
  } else {
    plan.withdraw = others.filter(copied).map((a) => a.id);
    plan.lift = others.filter(contradicted).map((a) => a.id);
  }
  return plan;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where a reviewed annotation's evidence reads in a copy: the same words in the same order, whatever the case,
 * spacing and line breaks between them; null when the copy words it otherwise.
 */
export function locateQuote(text: string, quote: string): Span | null {
  const words = quote.trim().split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  const found = new RegExp(words.map(escapeRegExp).join('\\s+'), 'iu').exec(text);
  if (!found) return null;
  return { start: found.index, end: found.index + found[0].length, quote: found[0] };
}
