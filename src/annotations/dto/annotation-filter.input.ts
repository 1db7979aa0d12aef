import { Field, InputType } from '@nestjs/graphql';
import { AgreementFilter } from '../../agreements/dto/agreement-filter.input';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { AnnotationOrigin, AnnotationStatus, BindingForce } from '../annotation.enums';

@InputType({ description: 'Conditions on annotations; all given conditions must hold' })
export class AnnotationFilter {
  @Field(() => [TaxonomyCodeId], { nullable: true, description: 'Any of these codes' })
  codes?: TaxonomyCodeId[] | null;

  @Field(() => [AnnotationStatus], { nullable: true, description: 'Any of these statuses' })
  statuses?: AnnotationStatus[] | null;

  @Field(() => [AnnotationOrigin], { nullable: true })
  origins?: AnnotationOrigin[] | null;

  @Field(() => [BindingForce], { nullable: true })
  bindingForces?: BindingForce[] | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'true: only proposals a reviewer contradicted by rejecting their code on a near-identical clause; false: only the others',
  })
  contradicted?: boolean | null;

  @Field(() => AgreementFilter, { nullable: true, description: 'Conditions on the agreement' })
  agreement?: AgreementFilter | null;
}
