import { Field, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'The span of the provision text that justifies an annotation' })
export class Evidence {
  @Field(() => Int, { description: 'Start offset in the provision text (UTF-16 code units)' })
  start!: number;

  @Field(() => Int, { description: 'End offset (exclusive)' })
  end!: number;

  @Field({ description: 'The quoted words' })
  quote!: string;
}
