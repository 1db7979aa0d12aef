import { Field, InputType, registerEnumType } from '@nestjs/graphql';
import { SortDirection } from '../../common/sort-direction.enum';

export enum AgreementOrderField {
  DATE_SIGNED = 'DATE_SIGNED',
  DATE_IN_FORCE = 'DATE_IN_FORCE',
  TITLE = 'TITLE',
  SLUG = 'SLUG',
}
registerEnumType(AgreementOrderField, { name: 'AgreementOrderField' });

@InputType({ description: 'Sort order; agreements without the date come last' })
export class AgreementOrder {
  @Field(() => AgreementOrderField, { defaultValue: AgreementOrderField.DATE_SIGNED })
  field: AgreementOrderField = AgreementOrderField.DATE_SIGNED;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
  direction: SortDirection = SortDirection.ASC;
}
