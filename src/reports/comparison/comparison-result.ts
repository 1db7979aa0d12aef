import { AnnotationStatus, BindingForce } from '../../annotations/annotation.enums';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { AgreementFacts, BoundPartyFacts, EvidenceRef, PartyFacts } from '../common/report-facts';

export interface ComparedAgreement {
  agreement: AgreementFacts;
  /** Partners in their own right (a bloc as itself). */
  parties: PartyFacts[];
  /** Every party bound, with the bloc that speaks for it. */
  boundParties: BoundPartyFacts[];
  developingParties: PartyFacts[];
}

export interface ComparisonCell {
  agreement: string;
  code: TaxonomyCodeId;
  /** Accepted and proposed alike, accepted first; each says its status. */
  provisions: EvidenceRef[];
  /** Among the provisions counted as evidence. */
  strongestBindingForce: BindingForce | null;
  statuses: AnnotationStatus[];
  /** Provisions with an accepted annotation of the code. */
  accepted: number;
  /** Provisions with only a proposed annotation of the code (awaiting review). */
  proposed: number;
  /** Nothing counted but proposals await review. */
  pending: boolean;
}

export interface ComparisonResult {
  includeProposed: boolean;
  codes: TaxonomyCodeId[];
  notes: string[];
  agreements: ComparedAgreement[];
  /** One per agreement and code, agreement-major, in the order asked. */
  cells: ComparisonCell[];
}
