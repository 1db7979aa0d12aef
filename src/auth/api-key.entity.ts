import { Entity, Enum, OptionalProps, PrimaryKey, Property, types, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from './role.enum';

/** An API key: only its SHA-256 hash is stored; the key itself is shown once, when it is created. */
@ObjectType({ description: 'An API key (never its secret)' })
@Entity({ tableName: 'api_key' })
export class ApiKey {
  [OptionalProps]?: 'createdAt' | 'revokedAt' | 'lastUsedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field({ description: 'Who holds the key' })
  @Property({ type: 'string' })
  name!: string;

  @Field(() => Role)
  @Enum({ items: () => Role })
  role!: Role;

  @Unique()
  @Property({ type: 'string', length: 64 })
  keyHash!: string;

  @Field({ description: 'The first characters of the key, to recognise it' })
  @Property({ type: 'string', length: 16 })
  keyPrefix!: string;

  @Field(() => Date)
  @Property({ type: types.datetime })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: types.datetime, nullable: true })
  revokedAt: Date | null = null;
}
