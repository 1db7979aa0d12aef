import { Field, ObjectType } from '@nestjs/graphql';
import { Url } from '../graphql/scalars';
import { SourceKind } from './agreement.enums';

@ObjectType({ description: 'Where a text or a fact of an agreement can be checked' })
export class AgreementSource {
  @Field(() => Url)
  url!: string;

  @Field(() => String, { nullable: true, description: 'ISO 639-1' })
  language?: string | null;

  @Field(() => SourceKind)
  kind!: SourceKind;
}

@ObjectType({ description: "An agreement's identifiers in other datasets" })
export class AgreementExternalIds {
  @Field(() => String, { nullable: true, description: 'WTO Regional Trade Agreements database id' })
  wtoRtaId!: string | null;

  @Field(() => String, { nullable: true, description: 'ToTA treaty identifier' })
  totaId!: string | null;

  @Field(() => String, { nullable: true, description: 'DESTA number' })
  destaNumber!: string | null;
}

@ObjectType({ description: 'The source of one fact of a record' })
export class FactSource {
  @Field({ description: 'The fact, e.g. dateSigned or parties' })
  fact!: string;

  @Field()
  source!: string;
}
