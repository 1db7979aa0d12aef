import { say, text, Text } from '../common/report-texts';
import { BindingForce, EcommerceSubtype } from '../../annotations/annotation.enums';
import { AnnotationFact, EvidenceRef, evidenceOf } from '../common/report-facts';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { provisionPath } from '../common/report-links';
import { ChapterFact, CoherenceAgreementFacts } from './coherence-facts';

/** What the rules read off an agreement's annotations and chapters. Each helper is one documented test. */

export const withCode = (a: CoherenceAgreementFacts, ...codes: TaxonomyCodeId[]): AnnotationFact[] =>
  a.annotations.filter((x) => codes.includes(x.code));

/** E-commerce subtypes that bind cultural policy when left without a carve-out. */
export const EXPOSING_ECOMMERCE_SUBTYPES: readonly string[] = [
  EcommerceSubtype.CUSTOMS_DUTIES,
  EcommerceSubtype.DIGITAL_PRODUCTS_NON_DISCRIMINATION,
];

/**
 * ECOMMERCE_PROVISION annotations with a CUSTOMS_DUTIES or DIGITAL_PRODUCTS_NON_DISCRIMINATION subtype that
 * are binding (or of unknown force): best-endeavour and declaratory wording commits nobody.
 */
export function ecommerceObligations(a: CoherenceAgreementFacts): AnnotationFact[] {
  return withCode(a, TaxonomyCodeId.ECOMMERCE_PROVISION).filter(
    (x) =>
      x.detail.some((d) => EXPOSING_ECOMMERCE_SUBTYPES.includes(d)) &&
      x.bindingForce !== BindingForce.BEST_ENDEAVOUR &&
      x.bindingForce !== BindingForce.DECLARATORY,
  );
}

/** Agreement types that carry services or investment commitments. */
export const SERVICES_TYPES: readonly string[] = ['EIA', 'INVESTMENT'];

export function hasServicesCommitments(a: CoherenceAgreementFacts): boolean {
  return a.types.some((t) => SERVICES_TYPES.includes(t)) || a.servicesChapters.length > 0;
}

/** Articles of a chapter cited as evidence, each with a note saying why. */
export function chapterEvidence(
  chapters: ChapterFact[],
  why: 'coh.evidence.operative' | 'coh.evidence.first',
): EvidenceRef[] {
  return chapters.map((c) => {
    const noteText = text(why, { chapter: chapterLabel(c) });
    return {
      pinpoint: `${c.agreementSlug}/${c.key}`,
      link: provisionPath(`${c.agreementSlug}/${c.key}`),
      agreement: c.agreementSlug,
      articleNumber: c.articleNumber,
      articleTitle: c.articleTitle,
      chapter: c.chapter,
      code: null,
      detail: [],
      bindingForce: null,
      status: null,
      note: say('en', noteText),
      noteText,
    };
  });
}

/** Culture taken out of the commitments in some way: exemption, audiovisual exclusion or e-commerce carve-out. */
export const PROTECTION_CODES: readonly TaxonomyCodeId[] = [
  TaxonomyCodeId.CULTURAL_EXEMPTION,
  TaxonomyCodeId.AUDIOVISUAL_EXCLUSION,
  TaxonomyCodeId.ECOMMERCE_CULTURAL_CARVE_OUT,
];

export const culturalProtection = (a: CoherenceAgreementFacts): AnnotationFact[] =>
  withCode(a, ...PROTECTION_CODES);

/** Has commitments that culture may need protecting from: services or investment, or e-commerce obligations. */
export const isExposed = (a: CoherenceAgreementFacts): boolean =>
  hasServicesCommitments(a) || ecommerceObligations(a).length > 0;

export const evidence = (annotations: AnnotationFact[]): EvidenceRef[] =>
  annotations.map((x) => evidenceOf(x));

export const signatureYear = (a: { dateSigned: string | null }): number | null =>
  a.dateSigned ? Number(a.dateSigned.slice(0, 4)) : null;

/** Five-year periods of signature: 2010–2014, 2015–2019... */
export function periodOf(year: number): { start: number; label: string } {
  const start = year - (((year % 5) + 5) % 5);
  return { start, label: `${start}–${start + 4}` };
}

/** 'chapter 9 "Investment"' (ToTA numbers may already say "CHAPTER VIII"). */
export function chapterLabel(c: Pick<ChapterFact, 'chapterNumber' | 'chapterTitle'>): Text {
  const title = c.chapterTitle ?? '';
  if (!c.chapterNumber) return text('coh.chapterUnnumbered', { title });
  return /^(chap|cap[ií]tulo)/i.test(c.chapterNumber)
    ? text('coh.chapterNamed', { number: c.chapterNumber, title })
    : text('coh.chapter', { number: c.chapterNumber, title });
}
