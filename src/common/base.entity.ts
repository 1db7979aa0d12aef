import { Property, types } from '@mikro-orm/core';
import { Field, ObjectType } from '@nestjs/graphql';

export type TimestampedOptional = 'createdAt' | 'updatedAt';

/** Creation and update timestamps shared by the editable entities. */
@ObjectType({ isAbstract: true })
export abstract class TimestampedEntity {
  @Field(() => Date)
  @Property({ type: types.datetime, onCreate: () => new Date() })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: types.datetime, onCreate: () => new Date(), onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
