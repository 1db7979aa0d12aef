import { AgreementStatus, RecordCoverage, RecordPart } from '../../src/agreements/agreement.enums';
import { recordCompleteness } from '../../src/agreements/record-completeness';
import { AnnotationStatus, BindingForce } from '../../src/annotations/annotation.enums';
import { ConventionStatusKind, PartyKind } from '../../src/parties/party.enums';
import { TaxonomyCodeId } from '../../src/taxonomy/taxonomy-code.enum';
import { AnnotationFact, PartyFacts } from '../../src/reports/common/report-facts';
import { CoherenceAgreementFacts, CoherenceInput } from '../../src/reports/coherence/coherence-facts';

/** Small made-up facts for the unit tests of the rules (no database). */

export function party(code: string, overrides: Partial<PartyFacts> = {}): PartyFacts {
  return {
    code,
    name: `Party ${code}`,
    kind: PartyKind.COUNTRY,
    region: 'Europe',
    developing: false,
    conventionStatus: ConventionStatusKind.PARTY,
    conventionInForce: '2007-03-18',
    conventionAsOf: null,
    conventionDepositYear: null,
    ...overrides,
  };
}

let nextId = 1;

export function annotation(
  code: TaxonomyCodeId,
  overrides: Partial<AnnotationFact> & { agreementSlug?: string } = {},
): AnnotationFact {
  const key = overrides.key ?? `art-${nextId++}`;
  return {
    agreementId: 0,
    agreementSlug: 'x',
    key,
    position: 1,
    articleNumber: key.replace('art-', ''),
    articleTitle: null,
    chapter: null,
    code,
    detail: [],
    bindingForce: BindingForce.BINDING,
    status: AnnotationStatus.ACCEPTED,
    partyScope: null,
    ...overrides,
  };
}

export function agreement(
  slug: string,
  overrides: Partial<CoherenceAgreementFacts> = {},
): CoherenceAgreementFacts {
  const id = nextId++;
  const facts: CoherenceAgreementFacts = {
    id,
    slug,
    title: `Agreement ${slug}`,
    shortTitle: slug.toUpperCase(),
    status: AgreementStatus.IN_FORCE,
    recordedStatus: AgreementStatus.IN_FORCE,
    dateSigned: '2015-06-01',
    dateProvisionallyApplied: null,
    dateInForce: '2016-01-01',
    dateTerminated: null,
    via: null,
    types: ['FTA'],
    parties: [],
    partners: [party('PPP')],
    annotations: [],
    servicesChapters: [],
    servicesObligations: [],
    record: recordCompleteness(RecordCoverage.FULL_TEXT, [RecordPart.MAIN_TEXT], 100),
    inForceInferred: false,
    appliedFrom: '2016-01-01',
    agreementFirstDates: false,
    ...overrides,
  };
  facts.annotations = facts.annotations.map((a) => ({ ...a, agreementId: id, agreementSlug: slug }));
  return facts;
}

export function input(
  agreements: CoherenceAgreementFacts[],
  overrides: Partial<CoherenceInput> = {},
): CoherenceInput {
  return {
    party: party('AAA'),
    asOf: '2024-01-01',
    includeProposed: false,
    agreements,
    leftOut: [],
    ...overrides,
  };
}

export const ecommerce = (...detail: string[]) => annotation(TaxonomyCodeId.ECOMMERCE_PROVISION, { detail });

export const servicesChapter = (slug: string) => ({
  agreementId: 0,
  agreementSlug: slug,
  chapterNumber: '9',
  chapterTitle: 'Trade in Services',
  key: 'art-9.1',
  articleNumber: '9.1',
  articleTitle: 'Scope',
  chapter: null,
});
