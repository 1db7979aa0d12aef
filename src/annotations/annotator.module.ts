import { Module } from '@nestjs/common';
import { AnnotationEvaluationService } from './annotation-evaluation.service';
import { RuleAnnotationService } from './rule-annotation.service';

/** The rule annotator and its evaluation against hand labels (used by the import and the command line). */
@Module({
  providers: [RuleAnnotationService, AnnotationEvaluationService],
  exports: [RuleAnnotationService, AnnotationEvaluationService],
})
export class AnnotatorModule {}
