import { registerEnumType } from '@nestjs/graphql';

export enum AgreementKind {
  BILATERAL = 'BILATERAL',
  PLURILATERAL = 'PLURILATERAL',
  REGIONAL = 'REGIONAL',
  MULTILATERAL = 'MULTILATERAL',
}

export enum AgreementType {
  FTA = 'FTA',
  /** Economic integration agreement (services), GATS Art. V. */
  EIA = 'EIA',
  CU = 'CU',
  PSA = 'PSA',
  EPA = 'EPA',
  ASSOCIATION = 'ASSOCIATION',
  DIGITAL_ECONOMY = 'DIGITAL_ECONOMY',
  CULTURAL_COOPERATION = 'CULTURAL_COOPERATION',
  CO_PRODUCTION = 'CO_PRODUCTION',
  INVESTMENT = 'INVESTMENT',
  OTHER = 'OTHER',
}

export enum AgreementStatus {
  UNDER_NEGOTIATION = 'UNDER_NEGOTIATION',
  SIGNED = 'SIGNED',
  PROVISIONALLY_APPLIED = 'PROVISIONALLY_APPLIED',
  IN_FORCE = 'IN_FORCE',
  TERMINATED = 'TERMINATED',
}

/**
 * Where a listed party stands today in every list of an agreement's parties (`partyStanding`, bindings/binding.ts,
 * the one rule the comparison, the exports and the pages read).
 */
export enum AgreementPartyStanding {
  PARTY = 'PARTY',
  THROUGH_BLOC = 'THROUGH_BLOC',
  SIGNATORY_ONLY = 'SIGNATORY_ONLY',
  SUSPENDED = 'SUSPENDED',
}

export enum PartyRole {
  ORIGINAL = 'ORIGINAL',
  ACCEDED = 'ACCEDED',
}

/**
 * Who concluded an agreement on a bloc's side: the bloc alone, or the bloc and its member states (a mixed
 * agreement). It decides when a state that joined the bloc after the signature is bound (`joinedAfterSignature`,
 * bindings/binding.ts): by an agreement of the bloc alone from its entry into the bloc, by a mixed one only from
 * its own accession instrument. Null: no source says which.
 */
export enum ConcludedBy {
  /** The bloc alone (an EU-only agreement: the EEC's 1972 free trade agreements, the interim agreements). */
  BLOC_ONLY = 'BLOC_ONLY',
  /** The bloc and its member states, each a contracting party (the association agreements, EU-Korea). */
  MIXED = 'MIXED',
}

/** How much of an agreement's text the catalogue holds. */
export enum RecordCoverage {
  /** The full text of the parts listed in `parts` was imported. */
  FULL_TEXT = 'FULL_TEXT',
  /** Only selected provisions, curated by hand: an absence proves nothing. */
  EXCERPTS = 'EXCERPTS',
  /** Facts only, no provisions. */
  METADATA_ONLY = 'METADATA_ONLY',
}

/** The parts of an agreement a record may hold. */
export enum RecordPart {
  MAIN_TEXT = 'MAIN_TEXT',
  ANNEXES = 'ANNEXES',
  SCHEDULES = 'SCHEDULES',
  PROTOCOLS = 'PROTOCOLS',
  SIDE_LETTERS = 'SIDE_LETTERS',
}

export enum RelationKind {
  PROTOCOL_OF = 'PROTOCOL_OF',
  AMENDS = 'AMENDS',
  SUPERSEDES = 'SUPERSEDES',
  INCORPORATES = 'INCORPORATES',
}

export enum SourceKind {
  OFFICIAL_TEXT = 'OFFICIAL_TEXT',
  DEPOSITARY = 'DEPOSITARY',
  WTO_RTA_DATABASE = 'WTO_RTA_DATABASE',
  GOVERNMENT_PAGE = 'GOVERNMENT_PAGE',
  ANNEX = 'ANNEX',
  OTHER = 'OTHER',
}

/**
 * How precise a party's recorded date of entry into force is: EXACT, its day; AT_LATEST, a bound the sources agree on
 * (in force for it on that day at the latest; its own day no source gives: AANZFTA for Cambodia and Lao PDR,
 * 2011-02-01). Before such a bound, whether the agreement bound the party is not known (`bindingUnknownOn`).
 */
export enum DatePrecision {
  EXACT = 'EXACT',
  AT_LATEST = 'AT_LATEST',
}

registerEnumType(DatePrecision, {
  name: 'DatePrecision',
  description:
    'How precise a date is: EXACT, the day itself; AT_LATEST, a bound (on that day at the latest; the day itself no source gives, and before it whether it held is not known)',
});
registerEnumType(AgreementKind, { name: 'AgreementKind' });
registerEnumType(AgreementType, { name: 'AgreementType' });
registerEnumType(AgreementStatus, { name: 'AgreementStatus' });
registerEnumType(AgreementPartyStanding, {
  name: 'PartyStanding',
  description:
    "Where a listed party stands today among an agreement's parties, as the comparison and the exports list them",
  valuesMap: {
    PARTY: {
      description: 'A party in its own right (a bloc as itself), bound at some time, not suspended today',
    },
    THROUGH_BLOC: {
      description:
        'A member state listed beside its bloc (a mixed agreement: Croatia in EU-Korea): bound through the bloc, with its own dates, never a party of its own or a partner',
    },
    SIGNATORY_ONLY: { description: 'Signed, bound on no date (Haiti in the EU-CARIFORUM EPA)' },
    SUSPENDED: {
      description:
        'Its rights and obligations are suspended today (Venezuela in MERCOSUR since 2017-08-05): still a party, bound by nothing while it lasts',
    },
  },
});
registerEnumType(PartyRole, { name: 'PartyRole', description: 'How a party came to an agreement' });
registerEnumType(RelationKind, { name: 'RelationKind' });
registerEnumType(RecordCoverage, {
  name: 'RecordCoverage',
  description: "How much of an agreement's text the catalogue holds",
});
registerEnumType(RecordPart, { name: 'RecordPart', description: 'A part of an agreement a record may hold' });
registerEnumType(SourceKind, { name: 'SourceKind' });
registerEnumType(ConcludedBy, {
  name: 'ConcludedBy',
  description:
    "Who concluded the agreement on a bloc's side: the bloc alone (a state joining the bloc later is bound from its entry into it) or the bloc and its member states (a mixed agreement: a later member is bound by its own accession instrument)",
});
