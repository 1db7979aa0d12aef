import {
  Collection,
  Entity,
  Enum,
  Index,
  ManyToOne,
  OneToMany,
  PrimaryKey,
  Property,
  Unique,
  Rel,
} from '@mikro-orm/core';
import { OptionalProps } from '@mikro-orm/core';
import { Node } from '../graphql/node/node.interface';
import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { TimestampedEntity, TimestampedOptional } from '../common/base.entity';
import { PROVISION_TEXT_COST } from '../common/list-cost';
import { Agreement } from '../agreements/agreement.entity';
import { Annotation } from '../annotations/annotation.entity';
import { ProvisionLocation } from './provision-location.enum';

@ObjectType({
  description: 'One article, preamble, annex paragraph, protocol article or side letter',
  implements: () => [Node],
})
@Entity({ tableName: 'provision' })
@Unique({ properties: ['agreement', 'key'] })
@Index({ properties: ['agreement', 'position'] })
export class Provision extends TimestampedEntity {
  [OptionalProps]?: TimestampedOptional | 'position' | 'version';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Agreement, { deleteRule: 'cascade' })
  agreement!: Rel<Agreement>;

  /** Unique within the agreement; the pinpoint is `<agreement slug>/<key>`. */
  @Field({ description: 'Unique within the agreement, e.g. art-7.4 or preamble' })
  @Property({ type: 'string', length: 160 })
  key!: string;

  @Field(() => ProvisionLocation)
  @Enum({ items: () => ProvisionLocation })
  location!: ProvisionLocation;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  chapterNumber: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  chapterTitle: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'Section (or sub-chapter) number, where the text has one',
  })
  @Property({ type: 'string', length: 64, nullable: true })
  sectionNumber: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  sectionTitle: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 64, nullable: true })
  articleNumber: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  articleTitle: string | null = null;

  @Field(() => Int, { description: 'Position in the agreement' })
  @Property({ type: 'integer' })
  position: number = 0;

  @Field(() => String, { nullable: true, description: 'ISO 639-1' })
  @Property({ type: 'string', length: 8, nullable: true })
  language: string | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'The text, where it may be stored',
    complexity: PROVISION_TEXT_COST,
  })
  @Property({ type: 'text', nullable: true, lazy: false })
  text: string | null = null;

  @Field(() => String, { nullable: true, description: 'Our own summary of what the provision does' })
  @Property({ type: 'text', nullable: true })
  summary: string | null = null;

  @Field(() => String, { nullable: true, description: 'Identifier in the source dataset (ToTA article id)' })
  @Index()
  @Property({ type: 'string', length: 64, nullable: true })
  externalId: string | null = null;

  @Field(() => Int, { description: 'Optimistic-locking version: send it back with an update' })
  @Property({ type: 'integer', version: true })
  version!: number;

  @OneToMany(() => Annotation, (a) => a.provision)
  annotations = new Collection<Annotation>(this);
}
