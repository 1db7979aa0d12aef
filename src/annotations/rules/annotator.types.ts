import { BindingForce } from '../annotation.enums';
import { ProvisionLocation } from '../../provisions/provision-location.enum';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';

export interface AnnotatorParty {
  /** ISO 3166-1 alpha-3 code. */
  readonly code: string;
  /** Developing country in the taxonomy's sense (World Bank FY23 class not HIGH, or UN LDC/SIDS); null if unknown. */
  readonly developing: boolean | null;
}

export interface AnnotatorProvision {
  readonly ref: string;
  readonly location: ProvisionLocation;
  readonly chapterNumber?: string | null;
  readonly chapterTitle?: string | null;
  /** Title of the section or sub-chapter the provision sits in, when the source gives it. */
  readonly sectionTitle?: string | null;
  readonly articleNumber?: string | null;
  readonly articleTitle?: string | null;
  readonly text: string;
  /** ISO 639-1 code; defaults to the agreement's language. */
  readonly language?: string | null;
}

export interface AnnotatorAgreement {
  /** ISO 639-1 code of the text (en, es, fr). */
  readonly language: string;
  readonly parties: readonly AnnotatorParty[];
  /**
   * The title heading the whole text, when the source gives one above its chapters (a draft's "Agreement on
   * Electronic Commerce"): the outermost part its operative articles sit in. The draft checker passes it.
   */
  readonly title?: string | null;
  /** In document order. */
  readonly provisions: readonly AnnotatorProvision[];
}

export interface EvidenceSpan {
  /** Offsets into the ORIGINAL provision text, [start, end). */
  readonly start: number;
  readonly end: number;
  /** The original text of that span. */
  readonly quote: string;
}

export interface ProposedAnnotation {
  readonly ref: string;
  readonly code: TaxonomyCodeId;
  /** Mechanism (PREFERENTIAL_TREATMENT_CULTURE), subtypes main first (ECOMMERCE_PROVISION), GUIDELINES, or empty. */
  readonly detail: string[];
  readonly bindingForce: BindingForce;
  readonly location: ProvisionLocation;
  readonly evidence: EvidenceSpan | null;
  /** Stable id of the rule that fired: CODE/language/name. */
  readonly ruleId: string;
  /** 0..1 */
  readonly confidence: number;
}
