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

export enum PartyRole {
  ORIGINAL = 'ORIGINAL',
  ACCEDED = 'ACCEDED',
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

registerEnumType(AgreementKind, { name: 'AgreementKind' });
registerEnumType(AgreementType, { name: 'AgreementType' });
registerEnumType(AgreementStatus, { name: 'AgreementStatus' });
registerEnumType(PartyRole, { name: 'PartyRole', description: 'How a party came to an agreement' });
registerEnumType(RelationKind, { name: 'RelationKind' });
registerEnumType(RecordCoverage, {
  name: 'RecordCoverage',
  description: "How much of an agreement's text the catalogue holds",
});
registerEnumType(RecordPart, { name: 'RecordPart', description: 'A part of an agreement a record may hold' });
registerEnumType(SourceKind, { name: 'SourceKind' });
