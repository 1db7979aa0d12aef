import { Field, Int, ObjectType } from '@nestjs/graphql';
import { AnnotationStatus, BindingForce } from '../../annotations/annotation.enums';
import { LocalDate } from '../../graphql/scalars';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { EvidenceProvision, ReportAgreement, ReportFileLink, ReportParty } from '../common/report.types';

@ObjectType({ description: 'A party an agreement binds, directly or through a bloc' })
export class ReportBoundParty {
  @Field(() => ReportParty)
  party!: ReportParty;

  @Field(() => String, {
    nullable: true,
    description:
      'The bloc that speaks for the party in this agreement (EUN for a member state of the EU): the bloc through which it is bound, or the bloc it was a member of when listed beside it. Null for a partner in its own right',
  })
  via!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The agreement applies to the party (provisionally or in force) from this date',
  })
  appliedFrom!: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'In force for the party from this date' })
  inForceFrom!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The party is bound until this date (exclusive): withdrawal, termination, leaving the bloc',
  })
  until!: string | null;
}

@ObjectType({ description: 'An agreement of a comparison, with its metadata rows' })
export class ComparedAgreement {
  @Field(() => ReportAgreement)
  agreement!: ReportAgreement;

  @Field(() => [ReportParty], {
    description:
      'Partners in their own right (a bloc as itself); member states of a listed bloc and dependent territories are not separate partners',
  })
  parties!: ReportParty[];

  @Field(() => [ReportBoundParty], {
    description: 'Every party the agreement binds: the partners, then member states bound through their bloc',
  })
  boundParties!: ReportBoundParty[];

  @Field(() => [ReportParty], { description: 'The developing-country partners' })
  developingParties!: ReportParty[];
}

@ObjectType({ description: 'One agreement and one code of the comparison matrix' })
export class ComparisonCell {
  @Field({ description: 'Slug of the agreement' })
  agreement!: string;

  @Field(() => TaxonomyCodeId)
  code!: TaxonomyCodeId;

  @Field(() => [EvidenceProvision], {
    description:
      'Provisions with the code, accepted first, then proposed (each gives its status); empty: no annotation at all',
  })
  provisions!: EvidenceProvision[];

  @Field(() => BindingForce, {
    nullable: true,
    description: 'Strongest binding force among the provisions counted as evidence (see includeProposed)',
  })
  strongestBindingForce!: BindingForce | null;

  @Field(() => [AnnotationStatus], { description: 'Statuses of the annotations in the cell' })
  statuses!: AnnotationStatus[];

  @Field(() => Int, { description: 'Provisions with an ACCEPTED annotation of the code' })
  accepted!: number;

  @Field(() => Int, {
    description: 'Provisions with only a PROPOSED annotation of the code: awaiting review',
  })
  proposed!: number;

  @Field({
    description:
      'Nothing counted as evidence, but proposals await review (includeProposed false): not an absence',
  })
  pending!: boolean;
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
