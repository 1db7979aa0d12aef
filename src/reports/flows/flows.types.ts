import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { PreferentialMechanism } from '../../annotations/annotation.enums';
import { LocalDate } from '../../graphql/scalars';
import { EvidenceProvision, ReportAgreement, ReportFileLink, ReportParty } from '../common/report.types';

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
  grantor!: ReportParty;

  @Field(() => ReportParty)
  beneficiary!: ReportParty;

  @Field(() => PreferentialMechanism)
  mechanism!: PreferentialMechanism;

  @Field(() => ReportAgreement)
  agreement!: ReportAgreement;

  @Field(() => [EvidenceProvision])
  provisions!: EvidenceProvision[];

  @Field({ description: 'No developed party: the developing parties grant each other' })
  mutual!: boolean;

  @Field(() => Int, { description: 'Provisions with an ACCEPTED annotation' })
  accepted!: number;

  @Field(() => Int, { description: 'Provisions with only a PROPOSED annotation: awaiting review' })
  proposed!: number;

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

  @Field(() => [PreferentialFlow], { description: 'By grantor, beneficiary, mechanism and signature' })
  flows!: PreferentialFlow[];

  @Field(() => [ReportFileLink])
  files!: ReportFileLink[];
}
