import { Field, ObjectType } from '@nestjs/graphql';
import { LocalDate } from '../graphql/scalars';
import { Party } from './party.entity';

@ObjectType({ description: 'A membership of a bloc, seen from the bloc (member) or from the member (bloc)' })
export class BlocMember {
  @Field(() => Party)
  party!: Party;

  @Field(() => LocalDate, { nullable: true })
  dateJoined!: string | null;

  @Field(() => LocalDate, { nullable: true })
  dateLeft!: string | null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      "After leaving, the bloc's agreements bound the member until this date (a transition period)",
  })
  dateBoundUntil!: string | null;

  @Field(() => String, { nullable: true })
  note!: string | null;
}
