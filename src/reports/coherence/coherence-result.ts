import { Severity } from '../render/report-document';
import { AgreementFacts, EvidenceRef, PartyFacts } from '../common/report-facts';
import { Outcome } from './coherence-rule';

export interface RuleCheck {
  ruleId: string;
  paragraph: string;
  severity: Severity;
  outcome: Outcome;
  message: string;
  evidence: EvidenceRef[];
  absence: string | null;
}

export interface CoherenceAgreementResult {
  agreement: AgreementFacts;
  via: string | null;
  partners: PartyFacts[];
  countedAnnotations: number;
  pendingProposed: number;
  checks: RuleCheck[];
}

export interface CoherenceFinding {
  /** 1-based, in report order; the evidence table refers to it. */
  number: number;
  ruleId: string;
  severity: Severity;
  paragraph: string;
  /** Null when the finding is about the party or several agreements at once. */
  agreement: AgreementFacts | null;
  message: string;
  evidence: EvidenceRef[];
  absence: string | null;
}

export interface ParagraphScore {
  paragraph: string;
  title: string;
  ruleIds: string[];
  /** Agreements the paragraph's rules could decide on. */
  assessed: number;
  met: number;
  /** met / assessed, null when nothing was assessed. */
  share: number | null;
}

export interface ParagraphYearScore {
  paragraph: string;
  year: number;
  assessed: number;
  met: number;
  share: number;
}

export interface CoherenceRuleInfo {
  id: string;
  paragraph: string;
  severity: Severity;
  title: string;
  checks: string;
  scored: boolean;
}

export interface CoherenceResult {
  party: PartyFacts;
  asOf: string;
  includeProposed: boolean;
  notes: string[];
  agreements: CoherenceAgreementResult[];
  findings: CoherenceFinding[];
  scores: ParagraphScore[];
  trend: ParagraphYearScore[];
  rules: CoherenceRuleInfo[];
  leftOut: AgreementFacts[];
}
