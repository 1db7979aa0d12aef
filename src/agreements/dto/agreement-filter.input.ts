import { Field, InputType } from '@nestjs/graphql';
import { AnnotationMatch } from '../../annotations/dto/annotation-match.input';
import { LocalDate } from '../../graphql/scalars';
import { MatchMode } from '../../common/sort-direction.enum';
import { PartyFilter } from '../../parties/dto/party-filter.input';
import { AgreementKind, AgreementStatus, AgreementType } from '../agreement.enums';

@InputType({ description: 'Conditions on agreements; all given conditions must hold' })
export class AgreementFilter {
  @Field(() => [String], {
    nullable: true,
    description:
      "Party codes. A country also matches its blocs' agreements (a member state matches the EU's agreements, unless it left the bloc before the signature)",
  })
  parties?: string[] | null;

  @Field(() => MatchMode, { defaultValue: MatchMode.ANY, description: 'Any of `parties`, or all of them' })
  partiesMatch: MatchMode = MatchMode.ANY;

  @Field(() => PartyFilter, {
    nullable: true,
    description:
      'Has at least one partner that matches this filter (a party in its own right: a bloc as itself, not the member states bound through it); with inForceOn or appliedOn, a partner on that date',
  })
  partyWith?: PartyFilter | null;

  @Field(() => [AgreementKind], { nullable: true, description: 'Any of these kinds' })
  kinds?: AgreementKind[] | null;

  @Field(() => [AgreementType], { nullable: true, description: 'Has any of these types' })
  types?: AgreementType[] | null;

  @Field(() => [AgreementStatus], { nullable: true, description: 'Any of these statuses' })
  statuses?: AgreementStatus[] | null;

  @Field(() => LocalDate, { nullable: true, description: 'Signed on or after' })
  signedFrom?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Signed on or before' })
  signedTo?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'In force on this date (entered into force, not terminated)',
  })
  inForceOn?: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'In force or provisionally applied on this date',
  })
  appliedOn?: string | null;

  @Field(() => AnnotationMatch, { nullable: true, description: 'Has provisions annotated with these codes' })
  annotations?: AnnotationMatch | null;

  @Field(() => [String], { nullable: true, description: 'Language of the text we hold (ISO 639-1), any of' })
  languages?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the title or short title' })
  titleContains?: string | null;

  @Field(() => [String], { nullable: true, description: 'These slugs only' })
  slugs?: string[] | null;

  @Field(() => Boolean, { defaultValue: false, description: 'Include agreements an editor has archived' })
  includeArchived: boolean = false;
}
