import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property, types } from '@mikro-orm/core';
import { Node } from '../graphql/node/node.interface';
import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { JSONObjectResolver } from 'graphql-scalars';
import { Role } from '../auth/role.enum';

export enum AuditOutcome {
  SUCCESS = 'SUCCESS',
  DENIED = 'DENIED',
}
registerEnumType(AuditOutcome, { name: 'AuditOutcome' });

/** One change (or one refused attempt): who, what, when, with the state before and after. */
@ObjectType({ description: 'One change to the catalogue, or one refused attempt', implements: () => [Node] })
@Entity({ tableName: 'audit_event' })
@Index({ properties: ['entityType', 'entityId'] })
@Index({ properties: ['agreementId'] })
export class AuditEvent {
  [OptionalProps]?: 'at' | 'before' | 'after';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => Date)
  @Index()
  @Property({ type: types.datetime })
  at: Date = new Date();

  /** The API key that acted (null: anonymous); exposed to reviewers only (AuditResolver). */
  @Property({ type: 'integer', nullable: true })
  actorKeyId: number | null = null;

  @Field(() => String, { nullable: true, description: "The key holder's name" })
  @Property({ type: 'string', nullable: true })
  actorName: string | null = null;

  @Field(() => Role, { nullable: true })
  @Enum({ items: () => Role, nullable: true })
  actorRole: Role | null = null;

  @Field({ description: 'e.g. annotation.review, agreement.update, or the refused operation' })
  @Property({ type: 'string', length: 80 })
  action!: string;

  @Field(() => String, { nullable: true, description: 'Agreement, Provision, Annotation, ...' })
  @Property({ type: 'string', length: 40, nullable: true })
  entityType: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  entityId: string | null = null;

  /** The agreement the change belongs to, for an agreement's history. */
  @Property({ type: 'integer', nullable: true })
  agreementId: number | null = null;

  @Field(() => JSONObjectResolver, { nullable: true })
  @Property({ type: 'json', nullable: true })
  before: Record<string, unknown> | null = null;

  @Field(() => JSONObjectResolver, { nullable: true })
  @Property({ type: 'json', nullable: true })
  after: Record<string, unknown> | null = null;

  @Field(() => AuditOutcome)
  @Enum({ items: () => AuditOutcome })
  outcome!: AuditOutcome;

  @Field(() => String, {
    nullable: true,
    description: 'Why an attempt was refused, or the reviewer’s reason',
  })
  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  /** Exposed to reviewers only (AuditResolver). */
  @Property({ type: 'string', length: 128, nullable: true })
  requestId: string | null = null;
}
