import { Severity } from '../render/report-document';
import { AgreementFacts, EvidenceRef, PartyFacts } from '../common/report-facts';
import { RecordCompleteness } from '../../agreements/record-completeness';
import { Outcome } from './coherence-rule';

export interface RuleCheck {
  ruleId: string;
  paragraph: string;
  severity: Severity;
  outcome: Outcome;
  /** For PENDING_REVIEW: the outcome once the proposals are accepted. */
  pendingOutcome: Outcome | null;
  message: string;
  evidence: EvidenceRef[];
  absence: string | null;
}

export interface CoherenceAgreementResult {
  agreement: AgreementFacts;
  via: string | null;
  partners: PartyFacts[];
  record: RecordCompleteness;
  /** Signed before the Convention was adopted: shown as context, never as failures. */
  legacy: boolean;
  /** In force per its status, with no recorded date of entry into force. */
  inForceInferred: boolean;
  acceptedAnnotations: number;
  proposedAnnotations: number;
  checks: RuleCheck[];
}

export interface CoherenceFinding {
  /** 1-based, in report order; the evidence table refers to it. */
  number: number;
  ruleId: string;
  /** NOT_MET, PENDING_REVIEW or UNKNOWN: a finding never reports MET or NOT_APPLICABLE. */
  outcome: Outcome;
  severity: Severity;
  paragraph: string;
  /** Null when the finding is about the party or several agreements at once. */
  agreement: AgreementFacts | null;
  /** What was found. */
  message: string;
  /** Why it matters under the paragraph. */
  why: string;
  /** What the ministry could check. */
  whatToCheck: string;
  /** What the catalogue holds of the agreement. */
  record: string | null;
  evidence: EvidenceRef[];
  absence: string | null;
}

export interface ParagraphScore {
  paragraph: string;
  title: string;
  ruleIds: string[];
  /** Agreements whose outcome awaits review of proposed evidence (not in the share). */
  pending: number;
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
  why: string;
  whatToCheck: string;
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
