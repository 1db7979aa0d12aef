import { Field, Int, ObjectType } from '@nestjs/graphql';
import { RecordCoverage, RecordPart } from './agreement.enums';

@ObjectType({ description: 'What the catalogue holds of an agreement, so that an absence can be judged' })
export class AgreementRecordCompleteness {
  @Field(() => RecordCoverage)
  coverage!: RecordCoverage;

  @Field(() => [RecordPart], { description: 'The parts whose text the catalogue holds' })
  parts!: RecordPart[];

  @Field(() => Int, { description: 'Provisions held' })
  provisions!: number;

  @Field({ description: 'One sentence for a reader: what is held and what an absence means' })
  summary!: string;
}
