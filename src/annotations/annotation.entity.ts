import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Rel, types } from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Node } from '../graphql/node/node.interface';
import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { TimestampedEntity, TimestampedOptional } from '../common/base.entity';
import { Provision } from '../provisions/provision.entity';
import { TaxonomyCode } from '../taxonomy/taxonomy-code.entity';
import { AnnotationOrigin, AnnotationStatus, BindingForce } from './annotation.enums';

@ObjectType({
  description: 'A taxonomy code attached to a provision, with its evidence',
  implements: () => [Node],
})
@Entity({ tableName: 'annotation' })
@Index({ properties: ['code', 'status'] })
export class Annotation extends TimestampedEntity {
  [OptionalProps]?:
    TimestampedOptional | 'detail' | 'status' | 'version' | 'propagatedFrom' | 'contradictedBy';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Provision, { deleteRule: 'cascade' })
  provision!: Rel<Provision>;

  @ManyToOne(() => TaxonomyCode, { fieldName: 'code' })
  code!: Rel<TaxonomyCode>;

  @Field(() => [String], { description: 'Mechanism or e-commerce subtypes (main first)' })
  @Property({ type: 'json' })
  detail: string[] = [];

  @Field(() => BindingForce, { nullable: true })
  @Enum({ items: () => BindingForce, nullable: true })
  bindingForce: BindingForce | null = null;

  @Property({ type: 'integer', nullable: true })
  evidenceStart: number | null = null;

  @Property({ type: 'integer', nullable: true })
  evidenceEnd: number | null = null;

  @Property({ type: 'text', nullable: true })
  evidenceQuote: string | null = null;

  @Field(() => AnnotationOrigin)
  @Enum({ items: () => AnnotationOrigin })
  origin!: AnnotationOrigin;

  @Field(() => String, { nullable: true, description: 'The rule that proposed it (origin RULE)' })
  @Property({ type: 'string', length: 160, nullable: true })
  ruleId: string | null = null;

  /** Origin FAMILY: the accepted annotation of a near-identical clause this proposal copies (API: propagatedFrom). */
  @ManyToOne(() => Annotation, { nullable: true, deleteRule: 'set null' })
  propagatedFrom: Rel<Annotation> | null = null;

  /**
   * A PROPOSED annotation whose code a reviewer rejected on a near-identical clause: that rejection
   * (API: contradictedBy). The proposal stays PROPOSED until a person decides.
   */
  @ManyToOne(() => Annotation, { nullable: true, deleteRule: 'set null' })
  contradictedBy: Rel<Annotation> | null = null;

  @Field(() => AnnotationStatus)
  @Enum({ items: () => AnnotationStatus })
  status: AnnotationStatus = AnnotationStatus.PROPOSED;

  @Field(() => Float, { nullable: true })
  @Property({ type: 'double', nullable: true })
  confidence: number | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note: string | null = null;

  @Field(() => [String], {
    nullable: true,
    description:
      'The parties the provision protects or binds when it names some of them only (a reservation "for Canada"); null: all parties',
  })
  @Property({ type: 'json', nullable: true })
  partyScope: string[] | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', nullable: true })
  author: string | null = null;

  /**
   * The API key that created it (ownership: an annotator edits and withdraws only its own). In the API through
   * a REVIEWER-only field (AnnotationsResolver.createdByKeyId), as every key id.
   */
  @Property({ type: 'integer', nullable: true })
  createdByKeyId: number | null = null;

  @Field(() => String, { nullable: true, description: 'Who accepted or rejected it' })
  @Property({ type: 'string', nullable: true })
  reviewedBy: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: types.datetime, nullable: true })
  reviewedAt: Date | null = null;

  @Field(() => String, { nullable: true, description: "The reviewer's reason" })
  @Property({ type: 'text', nullable: true })
  reviewReason: string | null = null;

  @Field(() => Int, { description: 'Optimistic-locking version: send it back with an update' })
  @Property({ type: 'integer', version: true })
  version!: number;
}
