import type { Text } from '../common/report-texts';
import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { PreferentialMechanism } from '../../annotations/annotation.enums';
import { LocalDate } from '../../graphql/scalars';
import type { AgreementFacts, PartyFacts } from '../common/report-facts';
import { EvidenceProvision, ReportAgreement, ReportFileLink, ReportParty } from '../common/report.types';

// The one declaration of the flows' shapes: what `flows-compute.ts` returns and what GraphQL serves (the
// TypeScript types carry the computation's facts; the @Field types say what GraphQL exposes of them).

@InputType({ description: 'Conditions on preferential-treatment flows; all given conditions must hold' })
export class FlowFilter {
  @Field(() => [String], { nullable: true, description: 'Granting party codes, any of (EUN for the EU)' })
  grantors?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Beneficiary party codes, any of' })
  beneficiaries?: string[] | null;

  @Field(() => [PreferentialMechanism], { nullable: true, description: 'Mechanisms, any of' })
  mechanisms?: PreferentialMechanism[] | null;

  @Field(() => [String], { nullable: true, description: 'Agreement slugs, any of' })
  agreements?: string[] | null;

  @Field(() => LocalDate, { nullable: true, description: 'Agreement signed on or after' })
  signedFrom?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Agreement signed on or before' })
  signedTo?: string | null;
}

@ObjectType({
  description:
    'A grantor gives a developing-country beneficiary preferential treatment for culture. Grantors and beneficiaries are partners in their own right: a bloc as itself, never its member states nor dependent territories',
})
export class PreferentialFlow {
  @Field(() => ReportParty)
  grantor!: PartyFacts;

  @Field(() => ReportParty)
  beneficiary!: PartyFacts;

  /** A detail value of the annotations (OTHER when they record none), served as a PreferentialMechanism. */
  @Field(() => PreferentialMechanism)
  mechanism!: string;

  @Field(() => ReportAgreement)
  agreement!: AgreementFacts;

  @Field(() => [EvidenceProvision])
  provisions!: EvidenceProvision[];

  /** No developed party: the developing parties grant each other. */
  @Field({ description: 'No developed party: the developing parties grant each other' })
  mutual!: boolean;

  @Field(() => Int, { description: 'Provisions with an ACCEPTED annotation' })
  accepted!: number;

  @Field(() => Int, { description: 'Provisions with only a PROPOSED annotation: awaiting review' })
  proposed!: number;

  /** Rests on proposed annotations only, which are not counted: awaiting review. */
  @Field({
    description:
      'The flow rests on PROPOSED annotations only, not counted as evidence (includeProposed false): awaiting review',
  })
  pending!: boolean;
}

@ObjectType({ description: 'Who grants what to whom' })
export class PreferentialFlowsReport {
  @Field()
  includeProposed!: boolean;

  @Field(() => [String])
  notes!: string[];

  /** The notes before they are put in a language (reports/common/report-texts.ts); not in GraphQL. */
  noteTexts!: Text[];

  @Field(() => [PreferentialFlow], { description: 'By grantor, beneficiary, mechanism and signature' })
  flows!: PreferentialFlow[];

  @Field(() => [ReportFileLink])
  files!: ReportFileLink[];
}

/** What the computation returns: the report without its file links (the resolver adds them). */
export type FlowsResult = Omit<PreferentialFlowsReport, 'files'>;
