import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { SortDirection } from '../../common/sort-direction.enum';

export enum ProvisionOrderField {
  /** By agreement, then position in the agreement. */
  POSITION = 'POSITION',
  /** By the agreement's signature date (earliest first: precedents), then position. */
  AGREEMENT_DATE_SIGNED = 'AGREEMENT_DATE_SIGNED',
}
registerEnumType(ProvisionOrderField, { name: 'ProvisionOrderField' });

@InputType()
export class ProvisionOrder {
  @Field(() => ProvisionOrderField, { defaultValue: ProvisionOrderField.POSITION })
  field: ProvisionOrderField = ProvisionOrderField.POSITION;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction: SortDirection = SortDirection.ASC;
}
