import { RecordPart } from '../../agreements/agreement.enums';
import { Severity } from '../render/report-document';
import { EvidenceRef } from '../common/report-facts';
import { CoherenceAgreementFacts, CoherenceInput } from './coherence-facts';
import type { CoherenceOutcome } from './coherence.types';

/** What a rule concludes for one agreement. A rule itself answers all but PENDING_REVIEW, which the report derives. */
export type Outcome = `${CoherenceOutcome}`;

export interface RuleCheckResult {
  outcome: Outcome;
  /** One sentence a reader understands without the rule's text. */
  message: string;
  evidence: EvidenceRef[];
  /** When the evidence is an absence: what is missing, in plain words. */
  absence: string | null;
  /** A NOT_MET whose evidence includes an operative (binding) commitment; HIGH needs it. */
  operative?: boolean;
}

export interface CoherenceRuleContext {
  input: CoherenceInput;
  agreement: CoherenceAgreementFacts;
}

export interface CoherenceRule {
  id: string;
  /** Paragraph of the Operational Guidelines on the digital environment the rule serves. */
  paragraph: string;
  /** Severity of a NOT_MET finding (a rule that cannot decide reports INFO). */
  severity: Severity;
  title: string;
  /** The data the rule looks at, as docs/coherence-rules.md states it. */
  checks: string;
  /** Counted in the paragraph scores; scored rules ask what the Convention expects, so they apply in time only. */
  scored: boolean;
  /** Why it matters under the paragraph, for an official. */
  why: string;
  /** What the ministry could check when the rule is not met. */
  whatToCheck: string;
  /** The part of the text an absence must be judged on (default: the main text). */
  absenceNeeds?: RecordPart;
  check(context: CoherenceRuleContext): RuleCheckResult;
}

export const result = (
  outcome: Outcome,
  message: string,
  evidence: EvidenceRef[] = [],
  absence: string | null = null,
  operative?: boolean,
): RuleCheckResult => ({
  outcome,
  message,
  evidence,
  absence,
  ...(operative === undefined ? {} : { operative }),
});

export const codeList = (codes: readonly string[]): string => codes.join(' or ');

/** "3 annotation(s)" and friends, without a dependency. */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
