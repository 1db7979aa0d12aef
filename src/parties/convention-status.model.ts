import { Field, Int, ObjectType } from '@nestjs/graphql';
import { LocalDate } from '../graphql/scalars';
import { ConventionConfidence, ConventionInstrument, ConventionStatusKind } from './party.enums';

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

  @Field(() => Int, {
    nullable: true,
    description: 'The year the instrument was deposited, where the sources give the year and no day',
  })
  depositYear!: number | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      'The latest date the Convention can have entered into force for the party: `inForce` when recorded, else ' +
      'three months after the end of `depositYear` (and not before 2007-03-18); null when neither is known',
  })
  inForceBy!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The date up to which the sources were checked, for a State found not to be a Party (NOT_PARTY) or not ' +
      'found as one (UNKNOWN): YYYY-MM-DD, or YYYY-MM or YYYY when the source is no more precise. Null for a ' +
      'Party and when no source gives a date. A NOT_PARTY status holds as of this date, not necessarily today.',
  })
  asOf!: string | null;

  @Field(() => ConventionConfidence, {
    nullable: true,
    description: 'How far the sources behind this status can be trusted; null when no source was found',
  })
  confidence!: ConventionConfidence | null;

  @Field(() => String, { nullable: true, description: 'Where these facts come from' })
  source!: string | null;
}
