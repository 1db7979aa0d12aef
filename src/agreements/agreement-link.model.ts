import { Field, ObjectType, registerEnumType } from '@nestjs/graphql';
import { RelationKind } from './agreement.enums';
import { Agreement } from './agreement.entity';

export enum LinkDirection {
  /** This agreement is a protocol of / amends / supersedes / incorporates the other. */
  OUTGOING = 'OUTGOING',
  /** The other agreement is a protocol of / amends / supersedes / incorporates this one. */
  INCOMING = 'INCOMING',
}
registerEnumType(LinkDirection, { name: 'LinkDirection' });

@ObjectType({ description: 'A related agreement: OUTGOING "this <kind> that", INCOMING "that <kind> this"' })
export class AgreementLink {
  @Field(() => RelationKind)
  kind!: RelationKind;

  @Field(() => LinkDirection)
  direction!: LinkDirection;

  @Field(() => Agreement)
  agreement!: Agreement;
}
