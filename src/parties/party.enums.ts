import { registerEnumType } from '@nestjs/graphql';

export enum PartyKind {
  COUNTRY = 'COUNTRY',
  BLOC = 'BLOC',
}

/** World Bank income group (FY23). */
export enum IncomeGroup {
  LOW = 'LOW',
  LOWER_MIDDLE = 'LOWER_MIDDLE',
  UPPER_MIDDLE = 'UPPER_MIDDLE',
  HIGH = 'HIGH',
}

export enum ConventionStatusKind {
  PARTY = 'PARTY',
  NOT_PARTY = 'NOT_PARTY',
  UNKNOWN = 'UNKNOWN',
}

export enum ConventionInstrument {
  /** Ratification, acceptance or approval (Art. 26): the sources' lists do not tell the three apart. */
  RATIFICATION = 'RATIFICATION',
  ACCESSION = 'ACCESSION',
  SUCCESSION = 'SUCCESSION',
}

/** How far the sources behind a Convention status can be trusted (the corpus lists' `confidence`). */
export enum ConventionConfidence {
  HIGH = 'HIGH',
  MEDIUM = 'MEDIUM',
  LOW = 'LOW',
}

registerEnumType(PartyKind, { name: 'PartyKind' });
registerEnumType(IncomeGroup, { name: 'IncomeGroup' });
registerEnumType(ConventionStatusKind, { name: 'ConventionStatusKind' });
registerEnumType(ConventionInstrument, {
  name: 'ConventionInstrument',
  description:
    'The instrument a State deposited to become a Party to the 2005 Convention (its Art. 26 and 27)',
  valuesMap: {
    RATIFICATION: {
      description:
        'Ratification, acceptance or approval (Art. 26), of equal effect: the depositary lists the sources follow do not tell the three apart (Canada, for one, accepted the Convention)',
    },
  },
});
registerEnumType(ConventionConfidence, {
  name: 'ConventionConfidence',
  description: 'How far the sources behind a Convention status can be trusted',
});
