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
