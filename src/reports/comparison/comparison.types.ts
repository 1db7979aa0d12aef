import { Field, ObjectType } from '@nestjs/graphql';
import { AnnotationStatus, BindingForce } from '../../annotations/annotation.enums';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { EvidenceProvision, ReportAgreement, ReportFileLink, ReportParty } from '../common/report.types';

@ObjectType({ description: 'An agreement of a comparison, with its metadata rows' })
export class ComparedAgreement {
  @Field(() => ReportAgreement)
  agreement!: ReportAgreement;

  @Field(() => [ReportParty], { description: 'Direct parties (a bloc as itself)' })
  parties!: ReportParty[];

  @Field(() => [ReportParty])
  developingParties!: ReportParty[];
}

@ObjectType({ description: 'One agreement and one code of the comparison matrix' })
export class ComparisonCell {
  @Field({ description: 'Slug of the agreement' })
  agreement!: string;

  @Field(() => TaxonomyCodeId)
  code!: TaxonomyCodeId;

  @Field(() => [EvidenceProvision], { description: 'Provisions with the code (empty: none counted)' })
  provisions!: EvidenceProvision[];

  @Field(() => BindingForce, { nullable: true })
  strongestBindingForce!: BindingForce | null;

  @Field(() => [AnnotationStatus], { description: 'Statuses of the annotations counted in the cell' })
  statuses!: AnnotationStatus[];
}

@ObjectType({ description: 'Agreements compared code by code' })
export class AgreementComparison {
  @Field()
  includeProposed!: boolean;

  @Field(() => [TaxonomyCodeId])
  codes!: TaxonomyCodeId[];

  @Field(() => [String])
  notes!: string[];

  @Field(() => [ComparedAgreement], { description: 'In the order asked' })
  agreements!: ComparedAgreement[];

  @Field(() => [ComparisonCell], { description: 'One per agreement and code, agreement by agreement' })
  cells!: ComparisonCell[];

  @Field(() => [ReportFileLink])
  files!: ReportFileLink[];
}
