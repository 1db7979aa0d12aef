import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** Derived from agreements, their parties and bloc memberships by `computeBindings`; never written by hand. */
@Entity({ tableName: 'agreement_binding' })
@Index({ properties: ['partyCode', 'agreementId'] })
export class AgreementBinding {
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Index()
  @Property({ type: 'integer' })
  agreementId!: number;

  @Property({ type: 'string', length: 8 })
  partyCode!: string;

  @Property({ type: 'string', length: 8, nullable: true })
  via: string | null = null;

  @Property({ type: 'string', length: 10, nullable: true })
  appliedFrom: string | null = null;

  @Property({ type: 'string', length: 10, nullable: true })
  inForceFrom: string | null = null;

  @Property({ type: 'string', length: 10, nullable: true })
  until: string | null = null;

  @Property({ type: 'boolean' })
  inForceInferred: boolean = false;

  /** Signed only, or through a bloc that signed only: never bound (`Binding.signatoryOnly`). */
  @Property({ type: 'boolean' })
  signatoryOnly: boolean = false;

  /** The start dates are the agreement's first, not the party's own (`Binding.agreementFirstDates`). */
  @Property({ type: 'boolean' })
  agreementFirstDates: boolean = false;

  /** The start dates are a bound (on that day at the latest), not the day (`Binding.startAtLatest`). */
  @Property({ type: 'boolean' })
  startAtLatest: boolean = false;

  /** The party's obligations are suspended from this date (`Binding.suspendedFrom`). */
  @Property({ type: 'string', length: 10, nullable: true })
  suspendedFrom: string | null = null;

  /** The day the suspension was lifted (exclusive); null while it lasts. */
  @Property({ type: 'string', length: 10, nullable: true })
  suspendedUntil: string | null = null;
}
