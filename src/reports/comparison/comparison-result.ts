import { AnnotationStatus, BindingForce } from '../../annotations/annotation.enums';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { AgreementFacts, EvidenceRef, PartyFacts } from '../common/report-facts';

export interface ComparedAgreement {
  agreement: AgreementFacts;
  parties: PartyFacts[];
  developingParties: PartyFacts[];
}

export interface ComparisonCell {
  agreement: string;
  code: TaxonomyCodeId;
  provisions: EvidenceRef[];
  strongestBindingForce: BindingForce | null;
  statuses: AnnotationStatus[];
}

export interface ComparisonResult {
  includeProposed: boolean;
  codes: TaxonomyCodeId[];
  notes: string[];
  agreements: ComparedAgreement[];
  /** One per agreement and code, agreement-major, in the order asked. */
  cells: ComparisonCell[];
}
