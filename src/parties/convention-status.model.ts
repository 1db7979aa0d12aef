import { Field, ObjectType } from '@nestjs/graphql';
import { LocalDate } from '../common/scalars';
import { ConventionInstrument, ConventionStatusKind } from './party.enums';

@ObjectType({ description: 'Status under the 2005 Convention on the Diversity of Cultural Expressions' })
export class ConventionStatus {
  @Field(() => ConventionStatusKind, { description: 'UNKNOWN when our sources do not say' })
  status!: ConventionStatusKind;

  @Field(() => ConventionInstrument, { nullable: true })
  instrumentType!: ConventionInstrument | null;

  @Field(() => LocalDate, { nullable: true, description: 'Date the instrument was deposited' })
  dateDeposited!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'Date the Convention entered into force for the party',
  })
  inForce!: string | null;

  @Field(() => String, { nullable: true, description: 'Where these facts come from' })
  source!: string | null;
}
