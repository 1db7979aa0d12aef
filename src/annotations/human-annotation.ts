import { AnnotationOrigin, AnnotationStatus } from './annotation.enums';
import { Annotation } from './annotation.entity';

/** An annotation a person made or reviewed: imports and the annotator never change it. */
export function isHumanAnnotation(a: Pick<Annotation, 'origin' | 'status'>): boolean {
  return a.origin === AnnotationOrigin.MANUAL || a.status !== AnnotationStatus.PROPOSED;
}
