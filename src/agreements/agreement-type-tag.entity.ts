import { Entity, Enum, ManyToOne, PrimaryKeyProp, Rel } from '@mikro-orm/core';
import { AgreementType } from './agreement.enums';
import { Agreement } from './agreement.entity';

/** One type of an agreement (an agreement can be an FTA and an EIA at once). */
@Entity({ tableName: 'agreement_type' })
export class AgreementTypeTag {
  [PrimaryKeyProp]?: ['agreement', 'type'];

  @ManyToOne(() => Agreement, { primary: true, deleteRule: 'cascade' })
  agreement!: Rel<Agreement>;

  @Enum({ items: () => AgreementType, primary: true })
  type!: AgreementType;
}
