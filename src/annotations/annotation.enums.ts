import { registerEnumType } from '@nestjs/graphql';

export enum BindingForce {
  BINDING = 'BINDING',
  BEST_ENDEAVOUR = 'BEST_ENDEAVOUR',
  DECLARATORY = 'DECLARATORY',
}

export enum AnnotationOrigin {
  MANUAL = 'MANUAL',
  RULE = 'RULE',
  /** Proposed because a reviewer accepted the same code on a near-identical clause (see propagatedFrom). */
  FAMILY = 'FAMILY',
}

export enum AnnotationStatus {
  PROPOSED = 'PROPOSED',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
}

/** Detail values: the mechanism of PREFERENTIAL_TREATMENT_CULTURE. */
export enum PreferentialMechanism {
  ARTIST_MOBILITY = 'ARTIST_MOBILITY',
  CO_PRODUCTION = 'CO_PRODUCTION',
  MARKET_ACCESS = 'MARKET_ACCESS',
  TECHNICAL_ASSISTANCE = 'TECHNICAL_ASSISTANCE',
  OTHER = 'OTHER',
}

/** Detail values: the subtypes of ECOMMERCE_PROVISION, main one first. */
export enum EcommerceSubtype {
  CUSTOMS_DUTIES = 'CUSTOMS_DUTIES',
  DIGITAL_PRODUCTS_NON_DISCRIMINATION = 'DIGITAL_PRODUCTS_NON_DISCRIMINATION',
  DATA_FLOWS = 'DATA_FLOWS',
  DATA_LOCALISATION = 'DATA_LOCALISATION',
  PERSONAL_DATA = 'PERSONAL_DATA',
  CONSUMER_PROTECTION = 'CONSUMER_PROTECTION',
  AUTHENTICATION = 'AUTHENTICATION',
  PAPERLESS_TRADE = 'PAPERLESS_TRADE',
  SPAM = 'SPAM',
  COOPERATION = 'COOPERATION',
  DEFINITIONS_SCOPE = 'DEFINITIONS_SCOPE',
  OTHER = 'OTHER',
}

/** Detail value of CONVENTION_REF_EXPLICIT when the text cites the Operational Guidelines. */
export const GUIDELINES_DETAIL = 'GUIDELINES';

registerEnumType(BindingForce, { name: 'BindingForce' });
registerEnumType(AnnotationOrigin, { name: 'AnnotationOrigin' });
registerEnumType(AnnotationStatus, { name: 'AnnotationStatus' });
