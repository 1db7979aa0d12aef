import type { Text } from '../common/report-texts';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { AnnotationStatus, BindingForce } from '../../annotations/annotation.enums';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { AgreementRecordCompleteness } from '../../agreements/agreement-record-completeness.model';
import type { AgreementFacts, PartyFacts, SuspendedPartyFacts } from '../common/report-facts';
import {
  EvidenceProvision,
  ReportAgreement,
  ReportBoundParty,
  ReportFileLink,
  ReportParty,
  ReportSuspendedParty,
} from '../common/report.types';

// The one declaration of the comparison's shapes: what `comparison-compute.ts` returns and what GraphQL serves
// (the TypeScript types carry the computation's facts; the @Field types say what GraphQL exposes of them).

@ObjectType({ description: 'An agreement of a comparison, with its metadata rows' })
export class ComparedAgreement {
  @Field(() => ReportAgreement)
  agreement!: AgreementFacts;

  /** Partners in their own right (a bloc as itself). */
  @Field(() => [ReportParty], {
    description:
      'Partners in their own right (a bloc as itself); member states of a listed bloc and dependent territories are not separate partners',
  })
  parties!: PartyFacts[];

  /** Every party bound, with the bloc that speaks for it. */
  @Field(() => [ReportBoundParty], {
    description: 'Every party the agreement binds: the partners, then member states bound through their bloc',
  })
  boundParties!: ReportBoundParty[];

  @Field(() => [ReportParty], { description: 'The developing-country partners' })
  developingParties!: PartyFacts[];

  /** Signed only: never bound (the TPP, never in force, binds none of its twelve). */
  @Field(() => [ReportParty], {
    description:
      'Parties that signed the agreement and are bound by it on no date (signed only: the TPP, never in force; Haiti of the EU-CARIFORUM EPA, which it never applied); not among `parties`',
  })
  signatoriesOnly!: PartyFacts[];

  /** Suspended on the report's day (Venezuela in MERCOSUR since 2017-08-05): not in `parties` nor `boundParties`. */
  @Field(() => [ReportSuspendedParty], {
    description:
      'Parties whose rights and obligations under the agreement are suspended today (Venezuela in MERCOSUR since 2017-08-05): still parties, bound by nothing while it lasts; not among `parties`, `boundParties` or `developingParties`',
  })
  suspendedParties!: SuspendedPartyFacts[];

  @Field(() => AgreementRecordCompleteness, {
    description:
      'What the catalogue holds of the agreement: held only in part, its empty cells say nothing of the provisions not held',
  })
  record!: AgreementRecordCompleteness;
}

@ObjectType({ description: 'One agreement and one code of the comparison matrix' })
export class ComparisonCell {
  @Field({ description: 'Slug of the agreement' })
  agreement!: string;

  @Field(() => TaxonomyCodeId)
  code!: TaxonomyCodeId;

  /** Accepted and proposed alike, accepted first; each says its status. */
  @Field(() => [EvidenceProvision], {
    description:
      'Provisions with the code, accepted first, then proposed (each gives its status); empty: no annotation at all',
  })
  provisions!: EvidenceProvision[];

  /** Among the provisions counted as evidence. */
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

  /** The notes before they are put in a language (reports/common/report-texts.ts); not in GraphQL. */
  noteTexts!: Text[];

  @Field(() => [ComparedAgreement], { description: 'In the order asked' })
  agreements!: ComparedAgreement[];

  /** One per agreement and code, agreement-major, in the order asked. */
  @Field(() => [ComparisonCell], { description: 'One per agreement and code, agreement by agreement' })
  cells!: ComparisonCell[];

  @Field(() => [ReportFileLink])
  files!: ReportFileLink[];
}

/** What the computation returns: the report without its file links (the resolver adds them). */
export type ComparisonResult = Omit<AgreementComparison, 'files'>;
