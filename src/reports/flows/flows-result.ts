import { AgreementFacts, EvidenceRef, PartyFacts } from '../common/report-facts';

export interface PreferentialFlow {
  grantor: PartyFacts;
  beneficiary: PartyFacts;
  mechanism: string;
  agreement: AgreementFacts;
  provisions: EvidenceRef[];
  /** No developed party: the developing parties grant each other. */
  mutual: boolean;
}

export interface FlowsResult {
  includeProposed: boolean;
  notes: string[];
  flows: PreferentialFlow[];
}
