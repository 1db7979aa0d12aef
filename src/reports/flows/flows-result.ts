import { AgreementFacts, EvidenceRef, PartyFacts } from '../common/report-facts';

export interface PreferentialFlow {
  grantor: PartyFacts;
  beneficiary: PartyFacts;
  mechanism: string;
  agreement: AgreementFacts;
  provisions: EvidenceRef[];
  /** No developed party: the developing parties grant each other. */
  mutual: boolean;
  /** Provisions with an accepted annotation. */
  accepted: number;
  /** Provisions with only a proposed annotation (awaiting review). */
  proposed: number;
  /** Rests on proposed annotations only, which are not counted: awaiting review. */
  pending: boolean;
}

export interface FlowsResult {
  includeProposed: boolean;
  notes: string[];
  flows: PreferentialFlow[];
}
