import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { SortDirection } from '../../common/sort-direction.enum';

export enum AnnotationOrderField {
  /** By id (creation order). */
  ID = 'ID',
  /**
   * By the rule's calibrated confidence (its measured precision on labelled data); annotations without one
   * (made by people) come last either way. ASC puts the likely-wrong proposals first, for reviewers.
   */
  CONFIDENCE = 'CONFIDENCE',
}
registerEnumType(AnnotationOrderField, { name: 'AnnotationOrderField' });

@InputType()
export class AnnotationOrder {
  @Field(() => AnnotationOrderField, { defaultValue: AnnotationOrderField.ID })
  field: AnnotationOrderField = AnnotationOrderField.ID;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction: SortDirection = SortDirection.ASC;
}
