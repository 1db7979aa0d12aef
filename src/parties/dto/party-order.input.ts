import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { SortDirection } from '../../common/sort-direction.enum';

export enum PartyOrderField {
  CODE = 'CODE',
  NAME = 'NAME',
}
registerEnumType(PartyOrderField, { name: 'PartyOrderField' });

@InputType()
export class PartyOrder {
  @Field(() => PartyOrderField, { defaultValue: PartyOrderField.CODE })
  field: PartyOrderField = PartyOrderField.CODE;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction: SortDirection = SortDirection.ASC;
}
