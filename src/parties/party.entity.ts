import { PrimaryKeyProp, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Node } from '../graphql/node/node.interface';
import { Field, ObjectType } from '@nestjs/graphql';
import {
  ConventionConfidence,
  ConventionInstrument,
  ConventionStatusKind,
  IncomeGroup,
  PartyKind,
} from './party.enums';

@ObjectType({
  description: 'A country or a bloc (the European Union) that can be party to an agreement',
  implements: () => [Node],
})
@Entity({ tableName: 'party' })
export class Party {
  [PrimaryKeyProp]?: 'code';

  @Field({ description: 'ISO 3166-1 alpha-3, or a bloc code (EUN: the European Union)' })
  @PrimaryKey({ type: 'string', length: 8 })
  code!: string;

  @Field()
  @Property({ type: 'string' })
  name!: string;

  @Field(() => PartyKind)
  @Enum({ items: () => PartyKind })
  kind!: PartyKind;

  @Field(() => String, { nullable: true, description: 'UN M49 numeric code' })
  @Property({ type: 'string', length: 3, nullable: true })
  m49: string | null = null;

  @Field(() => String, { nullable: true, description: 'UN M49 region' })
  @Index()
  @Property({ type: 'string', nullable: true })
  region: string | null = null;

  @Field(() => String, { nullable: true, description: 'UN M49 sub-region' })
  @Property({ type: 'string', nullable: true })
  subRegion: string | null = null;

  @Field(() => String, { nullable: true, description: 'UN M49 intermediate region' })
  @Property({ type: 'string', nullable: true })
  intermediateRegion: string | null = null;

  @Field({ description: 'UN least developed country' })
  @Property({ type: 'boolean' })
  ldc: boolean = false;

  @Field({ description: 'UN landlocked developing country' })
  @Property({ type: 'boolean' })
  lldc: boolean = false;

  @Field({ description: 'UN small island developing state' })
  @Property({ type: 'boolean' })
  sids: boolean = false;

  @Field(() => IncomeGroup, { nullable: true, description: 'World Bank income group (FY23)' })
  @Enum({ items: () => IncomeGroup, nullable: true })
  incomeGroup: IncomeGroup | null = null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Developing country per the taxonomy: not high income (World Bank), or an LDC or SIDS; null when unknown',
  })
  @Property({ type: 'boolean', nullable: true })
  developing: boolean | null = null;

  @Field(() => String, {
    nullable: true,
    description:
      'For a dependent territory (an overseas territory, a crown dependency): the state it belongs to. A territory listed in an agreement is not a party to it',
  })
  @Property({ type: 'string', length: 8, nullable: true })
  territoryOf: string | null = null;

  @Enum({ items: () => ConventionStatusKind })
  conventionStatusKind: ConventionStatusKind = ConventionStatusKind.UNKNOWN;

  @Enum({ items: () => ConventionInstrument, nullable: true })
  conventionInstrument: ConventionInstrument | null = null;

  @Property({ type: 'string', length: 10, nullable: true })
  conventionDeposited: string | null = null;

  @Property({ type: 'string', length: 10, nullable: true })
  conventionInForce: string | null = null;

  /** The year the instrument was deposited, where the sources give no day (conventionInForceBy). */
  @Property({ type: 'integer', nullable: true })
  conventionDepositYear: number | null = null;

  /** YYYY-MM-DD, or YYYY-MM / YYYY when the source is no more precise. */
  @Property({ type: 'string', length: 10, nullable: true })
  conventionAsOf: string | null = null;

  @Enum({ items: () => ConventionConfidence, nullable: true })
  conventionConfidence: ConventionConfidence | null = null;

  @Property({ type: 'text', nullable: true })
  conventionSource: string | null = null;

  @Property({ type: 'json', nullable: true })
  factSources: Record<string, string> | null = null;
}
