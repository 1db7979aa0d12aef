import { Severity } from '../render/report-document';
import { EvidenceRef } from '../common/report-facts';
import { CoherenceAgreementFacts, CoherenceInput } from './coherence-facts';

export type Outcome = 'MET' | 'NOT_MET' | 'NOT_APPLICABLE' | 'UNKNOWN';

export interface RuleCheckResult {
  outcome: Outcome;
  /** One sentence a reader understands without the rule's text. */
  message: string;
  evidence: EvidenceRef[];
  /** When the evidence is an absence: what is missing. */
  absence: string | null;
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
  /** Counted in the paragraph scores. */
  scored: boolean;
  check(context: CoherenceRuleContext): RuleCheckResult;
}

export const result = (
  outcome: Outcome,
  message: string,
  evidence: EvidenceRef[] = [],
  absence: string | null = null,
): RuleCheckResult => ({ outcome, message, evidence, absence });

export const codeList = (codes: readonly string[]): string => codes.join(' or ');

/** "3 annotation(s)" and friends, without a dependency. */
export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function listNames(names: string[], max = 8): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}
