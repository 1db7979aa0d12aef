import { AgreementStatus } from '../../agreements/agreement.enums';
import { AnnotationStatus, BindingForce } from '../../annotations/annotation.enums';
import { ConventionStatusKind, PartyKind } from '../../parties/party.enums';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { provisionPath } from './report-links';

/** What the reports know of a party: loaded once per report, never per agreement. */
export interface PartyFacts {
  code: string;
  name: string;
  kind: PartyKind;
  region: string | null;
  developing: boolean | null;
  conventionStatus: ConventionStatusKind;
  conventionInForce: string | null;
}

export interface AgreementFacts {
  id: number;
  slug: string;
  title: string;
  shortTitle: string | null;
  status: AgreementStatus;
  dateSigned: string | null;
  dateProvisionallyApplied: string | null;
  dateInForce: string | null;
  dateTerminated: string | null;
}

/** One annotation with the provision it sits on. */
export interface AnnotationFact {
  agreementId: number;
  agreementSlug: string;
  key: string;
  position: number;
  articleNumber: string | null;
  articleTitle: string | null;
  code: TaxonomyCodeId;
  detail: string[];
  bindingForce: BindingForce | null;
  status: AnnotationStatus;
  /** The parties the provision covers when it names some only; null: all. */
  partyScope: string[] | null;
}

/** A provision cited as evidence: an annotated one, or the first article of a chapter. */
export interface EvidenceRef {
  pinpoint: string;
  /** Relative link to the provision page. */
  link: string;
  agreement: string;
  articleNumber: string | null;
  articleTitle: string | null;
  code: TaxonomyCodeId | null;
  detail: string[];
  bindingForce: BindingForce | null;
  status: AnnotationStatus | null;
  note: string | null;
}

export const pinpointOf = (a: Pick<AnnotationFact, 'agreementSlug' | 'key'>): string =>
  `${a.agreementSlug}/${a.key}`;

export function evidenceOf(annotation: AnnotationFact, note: string | null = null): EvidenceRef {
  const pinpoint = pinpointOf(annotation);
  return {
    pinpoint,
    link: provisionPath(pinpoint),
    agreement: annotation.agreementSlug,
    articleNumber: annotation.articleNumber,
    articleTitle: annotation.articleTitle,
    code: annotation.code,
    detail: annotation.detail,
    bindingForce: annotation.bindingForce,
    status: annotation.status,
    note,
  };
}

/** "Art. 22.6 Cultural Industries", or the key when the provision has no number. */
export function provisionLabel(p: Pick<EvidenceRef, 'articleNumber' | 'articleTitle' | 'pinpoint'>): string {
  // ToTA numbers often carry the word already ("ARTICLE 12", "Artículo 3").
  const number = p.articleNumber
    ? /^(art|artículo|articulo)/i.test(p.articleNumber)
      ? p.articleNumber
      : `Art. ${p.articleNumber}`
    : null;
  const label = [number, p.articleTitle].filter(Boolean).join(' ');
  return label || p.pinpoint.slice(p.pinpoint.indexOf('/') + 1);
}

export const agreementName = (a: Pick<AgreementFacts, 'shortTitle' | 'title'>): string =>
  a.shortTitle ?? a.title;

/** A party bound by an agreement (from `agreement_binding`), as the comparison, trends and flows see it. */
export interface BoundPartyFacts {
  party: PartyFacts;
  /**
   * The bloc that speaks for the party in this agreement: the bloc through which it is bound, or, for a member
   * state listed beside its bloc, that bloc. Null for a partner in its own right.
   */
  via: string | null;
  appliedFrom: string | null;
  inForceFrom: string | null;
  until: string | null;
}

/** The partners in their own right (a bloc as itself): never a bloc's member states, never a territory. */
export const partnersOf = (bound: BoundPartyFacts[]): PartyFacts[] =>
  bound.filter((b) => b.via === null).map((b) => b.party);

/** The statuses a report counts: accepted, and proposed ones too when asked. */
export function countedStatuses(includeProposed: boolean): AnnotationStatus[] {
  return includeProposed
    ? [AnnotationStatus.ACCEPTED, AnnotationStatus.PROPOSED]
    : [AnnotationStatus.ACCEPTED];
}

const FORCE_RANK: Record<string, number> = {
  [BindingForce.BINDING]: 3,
  [BindingForce.BEST_ENDEAVOUR]: 2,
  [BindingForce.DECLARATORY]: 1,
};

export const forceRank = (force: BindingForce | null): number => (force ? FORCE_RANK[force] : 0);

/** ACCEPTED beats PROPOSED, then the stronger binding force: one annotation per provision and code. */
export function betterAnnotation(a: AnnotationFact, b: AnnotationFact): boolean {
  if (a.status !== b.status) return a.status === AnnotationStatus.ACCEPTED;
  return forceRank(a.bindingForce) > forceRank(b.bindingForce);
}

export function groupByAgreement<T extends { agreementId: number }>(items: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    const list = map.get(item.agreementId) ?? [];
    list.push(item);
    map.set(item.agreementId, list);
  }
  return map;
}
