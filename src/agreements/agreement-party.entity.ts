import { OptionalProps, Entity, Enum, ManyToOne, PrimaryKey, Property, Unique, Rel } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/knex';
import { Field, ObjectType } from '@nestjs/graphql';
import { LocalDate } from '../graphql/scalars';
import { Party } from '../parties/party.entity';
import { DatePrecision, PartyRole } from './agreement.enums';
import { Agreement } from './agreement.entity';

@ObjectType({ description: 'A party to an agreement, with how and when it joined or left' })
@Entity({ tableName: 'agreement_party' })
@Unique({ properties: ['agreement', 'party'] })
export class AgreementParty {
  [OptionalProps]?:
    | 'role'
    | 'withdrawn'
    | 'dateJoined'
    | 'dateWithdrawn'
    | 'dateSigned'
    | 'dateProvisionallyApplied'
    | 'dateInForce'
    | 'dateInForcePrecision'
    | 'signatoryOnly'
    | 'suspendedFrom'
    | 'suspendedUntil'
    | 'suspensionSource'
    | 'side';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @ManyToOne(() => Agreement, { deleteRule: 'cascade' })
  agreement!: Rel<Agreement>;

  @Field(() => Party)
  @ManyToOne(() => Party)
  party!: Party;

  @Field(() => PartyRole)
  @Enum({ items: () => PartyRole })
  role: PartyRole = PartyRole.ORIGINAL;

  @Field(() => LocalDate, { nullable: true, description: 'Accession date (acceded parties)' })
  @Property({ type: 'string', length: 10, nullable: true })
  dateJoined: string | null = null;

  @Field(() => LocalDate, { nullable: true })
  @Property({ type: 'string', length: 10, nullable: true })
  dateWithdrawn: string | null = null;

  @Field(() => LocalDate, {
    nullable: true,
    description: "This party's own date of signature, where the sources give one (else the agreement's)",
  })
  @Property({ type: 'string', length: 10, nullable: true })
  dateSigned: string | null = null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      "The date the agreement began to apply provisionally to this party, where the sources give one of its own; null: the agreement's date stands for it, which on an agreement of three or more sides is only the first (agreementFirstDates)",
  })
  @Property({ type: 'string', length: 10, nullable: true })
  dateProvisionallyApplied: string | null = null;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      "The date the agreement entered into force for this party, where the sources give one of its own; null: the agreement's date stands for it, which on an agreement of three or more sides is only the first (agreementFirstDates)",
  })
  @Property({ type: 'string', length: 10, nullable: true })
  dateInForce: string | null = null;

  @Field(() => DatePrecision, {
    description:
      'How precise dateInForce is: EXACT, its day; AT_LATEST, a bound the sources agree on (in force for the party on that day at the latest; its own day not recorded, and before it whether the agreement bound it is not known)',
  })
  @Enum({ items: () => DatePrecision, default: DatePrecision.EXACT })
  dateInForcePrecision: DatePrecision = DatePrecision.EXACT;

  @Field({
    description:
      'The party signed but the agreement neither applies to it nor is in force for it (it has not ratified it or ' +
      "applied it provisionally): it is not bound, whatever the agreement's own dates",
  })
  @Property({ type: 'boolean' })
  signatoryOnly: boolean = false;

  /** True when the party has left, even where the date is not known. */
  @Field({
    description:
      'The party has left the agreement, or leaves it on dateWithdrawn where that lies ahead (a notified withdrawal); ' +
      'true whenever dateWithdrawn is given, which dates it; alone, the date is not known',
  })
  @Property({ type: 'boolean' })
  withdrawn: boolean = false;

  @Field(() => LocalDate, {
    nullable: true,
    description:
      "The party's rights and obligations under the agreement are suspended from this date (MERCOSUR suspended " +
      "Venezuela's on 2017-08-05): still a party, but not bound while the suspension lasts",
  })
  @Property({ type: 'string', length: 10, nullable: true })
  suspendedFrom: string | null = null;

  @Field(() => LocalDate, {
    nullable: true,
    description: 'The day the suspension was lifted (bound again from it); null while it lasts',
  })
  @Property({ type: 'string', length: 10, nullable: true })
  suspendedUntil: string | null = null;

  @Field(() => String, { nullable: true, description: 'Where the suspension is stated' })
  @Property({ type: 'text', nullable: true })
  suspensionSource: string | null = null;

  /**
   * The side (part) of the agreement the party is of, where the text divides it so: parties of one side are no
   * partners of each other under it (EFTA - Colombia Art. 1.5 applies it between each EFTA State and Colombia, not
   * among the EFTA States). Null: not recorded, every party is every other's partner save in a bloc's agreement
   * (`sameSide`, report-facts.ts).
   */
  @Field(() => String, {
    nullable: true,
    description:
      "The side of the agreement the party is of, where its text applies it only between sides (EFTA - Colombia Art. 1.5: between each EFTA State and Colombia, not among the EFTA States): parties of one side are no partners of each other under it. Given for one party, given for all, at least two sides. Null: not recorded (every other party is a partner, save the other parties of a bloc's agreement)",
  })
  @Property({ type: 'text', nullable: true })
  side: string | null = null;
}

/** What a door (the API's mutations, `import json`) says of one party to an agreement. */
export interface AgreementPartyFacts {
  code: string;
  role: PartyRole;
  dateJoined?: string | null;
  dateWithdrawn?: string | null;
  /** Follows from dateWithdrawn where there is one (`WITHDRAWN_CONFLICT`); alone: left on a date nobody recorded. */
  withdrawn?: boolean | null;
  signatoryOnly: boolean;
  dateSigned?: string | null;
  dateProvisionallyApplied?: string | null;
  dateInForce?: string | null;
  dateInForcePrecision?: DatePrecision | null;
  suspendedFrom?: string | null;
  suspendedUntil?: string | null;
  suspensionSource?: string | null;
  side?: string | null;
}

/**
 * The values of the party row for `p`, made the same way whichever door it comes through (a withdrawal date means
 * withdrawn): what a row is created with, and what a writer compares a held row with.
 */
export function agreementPartyValues(p: AgreementPartyFacts) {
  return {
    code: p.code.toUpperCase(),
    role: p.role,
    dateJoined: p.dateJoined ?? null,
    dateWithdrawn: p.dateWithdrawn ?? null,
    withdrawn: Boolean(p.dateWithdrawn) || Boolean(p.withdrawn),
    signatoryOnly: p.signatoryOnly,
    dateSigned: p.dateSigned ?? null,
    dateProvisionallyApplied: p.dateProvisionallyApplied ?? null,
    dateInForce: p.dateInForce ?? null,
    dateInForcePrecision: p.dateInForcePrecision ?? DatePrecision.EXACT,
    suspendedFrom: p.suspendedFrom ?? null,
    suspendedUntil: p.suspendedUntil ?? null,
    suspensionSource: p.suspensionSource ?? null,
    side: p.side?.trim() || null,
  };
}

/** The party row of `agreement` for `p` (agreementPartyValues). */
export function createAgreementParty(
  em: EntityManager,
  agreement: Agreement,
  p: AgreementPartyFacts,
): AgreementParty {
  const { code, ...values } = agreementPartyValues(p);
  return em.create(AgreementParty, { agreement, party: em.getReference(Party, code), ...values });
}
