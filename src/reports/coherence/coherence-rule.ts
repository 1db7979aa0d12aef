import { RecordPart } from '../../agreements/agreement.enums';
import { Severity } from '../render/report-document';
import { EvidenceRef } from '../common/report-facts';
import { CoherenceAgreementFacts, CoherenceInput } from './coherence-facts';
import type { CoherenceOutcome } from './coherence.types';
import { Language } from '../../common/i18n';
import { ReportTextKey, say, text, Text, TextParam } from '../common/report-texts';

/** What a rule concludes for one agreement. A rule itself answers all but PENDING_REVIEW, which the report derives. */
export type Outcome = `${CoherenceOutcome}`;

export interface RuleCheckResult {
  outcome: Outcome;
  /** One sentence a reader understands without the rule's text (in every language: reports/common/report-texts.ts). */
  message: Text;
  evidence: EvidenceRef[];
  /** When the evidence is an absence: what is missing, in plain words. */
  absence: Text | null;
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
  /** The texts below are the English of `rule.<id>.*` in reports/common/report-texts.ts (`ruleTexts`). */
  title: string;
  /** The data the rule looks at, as docs/coherence-rules.md states it. */
  checks: string;
  /** Counted in the paragraph scores; scored rules ask what the Convention expects, so they apply in time only. */
  scored: boolean;
  /** Why it matters under the paragraph, for an official. */
  why: string;
  /** What the ministry could check when the rule is not met. */
  whatToCheck: string;
  /** The parameters of `checks` (lists of codes or types the rule reads). */
  checksParams?: Record<string, TextParam>;
  /**
   * False when the rule asks nothing of the party whatever the agreement and its dates (18.2 of a developing
   * party): its own check then answers NOT_APPLICABLE before the Convention's gate, so a missing Convention date
   * does not make it UNKNOWN. Default: it may apply.
   */
  appliesToParty?(party: CoherenceInput['party']): boolean;
  /** The part of the text an absence must be judged on (default: the main text). */
  absenceNeeds?: RecordPart;
  check(context: CoherenceRuleContext): RuleCheckResult;
}

export const result = (
  outcome: Outcome,
  message: Text,
  evidence: EvidenceRef[] = [],
  absence: Text | null = null,
  operative?: boolean,
): RuleCheckResult => ({
  outcome,
  message,
  evidence,
  absence,
  ...(operative === undefined ? {} : { operative }),
});

type RuleTextField = 'title' | 'checks' | 'why' | 'whatToCheck';

const ruleKey = (id: string, field: RuleTextField) => `rule.${id}.${field}` as ReportTextKey;

/** What a rule is, in a language: its title, what it checks, why it matters, what to check. */
export function ruleTextsIn(
  lang: Language,
  id: string,
  checksParams?: Record<string, TextParam>,
): Record<RuleTextField, string> {
  return {
    title: say(lang, text(ruleKey(id, 'title'))),
    checks: say(lang, text(ruleKey(id, 'checks'), checksParams)),
    why: say(lang, text(ruleKey(id, 'why'))),
    whatToCheck: say(lang, text(ruleKey(id, 'whatToCheck'))),
  };
}

/** A rule's own texts in English, with the parameters other languages need: spread into its definition. */
export const ruleTexts = (id: string, checksParams?: Record<string, TextParam>) => ({
  ...ruleTextsIn('en', id, checksParams),
  ...(checksParams ? { checksParams } : {}),
});
