import { EntityManager } from '@mikro-orm/knex';
import { AuditActor } from '../audit/audit.service';
import { ReviewDecision } from './dto/annotation-mutation.inputs';

/**
 * Emitted (and awaited) after a review commits. Listeners elsewhere (the clause families of the search module)
 * react to it, so that the annotation workflow does not depend on them.
 */
export const ANNOTATION_REVIEWED = 'annotation.reviewed';

export interface AnnotationReviewed {
  annotationId: number;
  decision: ReviewDecision;
  actor: AuditActor;
}

/**
 * Emitted (and awaited) after an edit that sent a reviewed annotation back to review (PROPOSED) commits: what
 * its review did elsewhere (proposals copied from an acceptance, contradictions by a rejection) no longer holds.
 */
export const ANNOTATION_REOPENED = 'annotation.reopened';

export interface AnnotationReopened {
  annotationId: number;
  actor: AuditActor;
}

/**
 * Emitted (and awaited) inside the transaction that withdraws a reviewed annotation, before its row goes:
 * listeners take back, in that transaction (`tx`), what its review did elsewhere. A listener's failure fails the
 * withdrawal, so that nothing is left pointing at an annotation that no longer exists.
 */
export const ANNOTATION_WITHDRAWING = 'annotation.withdrawing';

export interface AnnotationWithdrawing {
  annotationId: number;
  actor: AuditActor;
  tx: EntityManager;
}
