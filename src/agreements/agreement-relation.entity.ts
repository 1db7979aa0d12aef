import { Entity, Enum, ManyToOne, PrimaryKey, Unique, Rel } from '@mikro-orm/core';
import { Field, ObjectType } from '@nestjs/graphql';
import { RelationKind } from './agreement.enums';
import { Agreement } from './agreement.entity';

/** `from` is a protocol of / amends / supersedes / incorporates `to`. */
@ObjectType({ description: 'A link between two agreements' })
@Entity({ tableName: 'agreement_relation' })
@Unique({ properties: ['from', 'to', 'kind'] })
export class AgreementRelation {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Agreement, { deleteRule: 'cascade' })
  from!: Rel<Agreement>;

  @ManyToOne(() => Agreement, { deleteRule: 'cascade' })
  to!: Rel<Agreement>;

  @Field(() => RelationKind)
  @Enum({ items: () => RelationKind })
  kind!: RelationKind;
}
