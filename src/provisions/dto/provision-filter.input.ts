import { Field, InputType } from '@nestjs/graphql';
import { AgreementFilter } from '../../agreements/dto/agreement-filter.input';
import { AnnotationMatch } from '../../annotations/dto/annotation-match.input';
import { BindingForce } from '../../annotations/annotation.enums';
import { ProvisionLocation } from '../provision-location.enum';

@InputType({ description: 'Conditions on provisions; all given conditions must hold' })
export class ProvisionFilter {
  @Field(() => AgreementFilter, {
    nullable: true,
    description: 'Conditions on the agreement the provision is in',
  })
  agreement?: AgreementFilter | null;

  @Field(() => [ProvisionLocation], { nullable: true, description: 'Any of these locations' })
  locations?: ProvisionLocation[] | null;

  @Field(() => [String], { nullable: true, description: 'Language (ISO 639-1), any of' })
  languages?: string[] | null;

  @Field(() => AnnotationMatch, { nullable: true })
  annotations?: AnnotationMatch | null;

  @Field(() => [BindingForce], {
    nullable: true,
    description:
      'Has an annotation with any of these binding forces (of the `annotations` codes and statuses when given; else any code, not rejected)',
  })
  bindingForces?: BindingForce[] | null;

  @Field(() => String, { nullable: true, description: 'Article number as written, e.g. 7.4 or ARTICLE 22.7' })
  articleNumber?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Case-insensitive part of the text, summary or titles (for ranked search use searchProvisions)',
  })
  textContains?: string | null;
}
