import { Entity, PrimaryKey, PrimaryKeyProp, Property } from '@mikro-orm/core';
import { Node } from '../graphql/node/node.interface';
import { Field, ObjectType } from '@nestjs/graphql';
import { TaxonomyCodeId } from './taxonomy-code.enum';

@ObjectType({
  description: 'A code of the clause taxonomy, with the Guidelines paragraphs it serves',
  implements: () => [Node],
})
@Entity({ tableName: 'taxonomy_code' })
export class TaxonomyCode {
  [PrimaryKeyProp]?: 'code';

  @Field(() => TaxonomyCodeId)
  @PrimaryKey({ type: 'string', length: 64 })
  code!: TaxonomyCodeId;

  @Field({ description: 'CONVENTION_REFERENCE, CULTURAL_CLAUSE, COOPERATION_AND_PREFERENCE or ECOMMERCE' })
  @Property({ type: 'string', length: 64, fieldName: 'code_group' })
  group!: string;

  @Field()
  @Property({ type: 'string' })
  name!: string;

  @Field()
  @Property({ type: 'text' })
  description!: string;

  @Field(() => [String], {
    description: 'Paragraphs of the Operational Guidelines on the digital environment',
  })
  @Property({ type: 'json' })
  guidelineParagraphs: string[] = [];

  @Field(() => [String], { description: 'Articles of the 2005 Convention' })
  @Property({ type: 'json' })
  conventionArticles: string[] = [];

  @Field(() => [String], { description: 'Allowed values of an annotation detail for this code' })
  @Property({ type: 'json' })
  detailValues: string[] = [];

  @Field(() => [String], { description: 'Decisions on borderline cases that concern this code' })
  @Property({ type: 'json' })
  borderlineRules: string[] = [];

  @Property({ type: 'integer', fieldName: 'sort_order' })
  position!: number;
}
