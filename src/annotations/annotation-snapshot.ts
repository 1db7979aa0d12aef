import { Annotation } from './annotation.entity';

/** An annotation as the audit trail records it. */
export function annotationSnapshot(a: Annotation): Record<string, unknown> {
  return {
    code: a.code.code,
    detail: a.detail,
    bindingForce: a.bindingForce,
    evidence:
      a.evidenceStart == null ? null : { start: a.evidenceStart, end: a.evidenceEnd, quote: a.evidenceQuote },
    origin: a.origin,
    ruleId: a.ruleId,
    status: a.status,
    confidence: a.confidence,
    note: a.note,
    partyScope: a.partyScope,
    author: a.author,
    reviewedBy: a.reviewedBy,
    reviewReason: a.reviewReason,
    propagatedFrom: a.propagatedFrom?.id ?? null,
    contradictedBy: a.contradictedBy?.id ?? null,
    version: a.version,
  };
}
