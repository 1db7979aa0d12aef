import { AnnotationOrigin, AnnotationStatus } from './annotation.enums';
import { Annotation } from './annotation.entity';

/**
 * An annotation a person made or reviewed, or one that follows from a reviewer's decision (origin FAMILY):
 * imports and the annotator never change it.
 */
export function isHumanAnnotation(a: Pick<Annotation, 'origin' | 'status'>): boolean {
  return a.origin !== AnnotationOrigin.RULE || a.status !== AnnotationStatus.PROPOSED;
}
