import { Field, InputType } from '@nestjs/graphql';
import { ConventionStatusKind, IncomeGroup, PartyKind } from '../party.enums';

@InputType({ description: 'Conditions on parties; all given conditions must hold' })
export class PartyFilter {
  @Field(() => [String], { nullable: true, description: 'Party codes (any of)' })
  codes?: string[] | null;

  @Field(() => PartyKind, { nullable: true })
  kind?: PartyKind | null;

  @Field(() => String, { nullable: true, description: 'UN M49 region, e.g. Africa' })
  region?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'UN M49 sub-region, e.g. Latin America and the Caribbean',
  })
  subRegion?: string | null;

  @Field(() => Boolean, { nullable: true })
  ldc?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  lldc?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  sids?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  developing?: boolean | null;

  @Field(() => [IncomeGroup], { nullable: true, description: 'Any of these income groups' })
  incomeGroups?: IncomeGroup[] | null;

  @Field(() => ConventionStatusKind, { nullable: true })
  conventionStatus?: ConventionStatusKind | null;

  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the name' })
  nameContains?: string | null;
}
