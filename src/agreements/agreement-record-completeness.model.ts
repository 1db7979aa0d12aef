import { Field, Int, ObjectType } from '@nestjs/graphql';
import { RecordCoverage, RecordPart } from './agreement.enums';

@ObjectType({ description: 'What the catalogue holds of an agreement, so that an absence can be judged' })
export class AgreementRecordCompleteness {
  @Field(() => RecordCoverage)
  coverage!: RecordCoverage;

  @Field(() => [RecordPart], { description: 'The parts whose text the catalogue holds' })
  parts!: RecordPart[];

  @Field(() => [RecordPart], {
    description:
      'The parts not held in full of which some provisions are held (the full text of the main text with two articles of a protocol)',
  })
  partial!: RecordPart[];

  @Field(() => Int, { description: 'Provisions held' })
  provisions!: number;

  @Field({ description: 'One sentence for a reader: what is held and what an absence means' })
  summary!: string;
}
