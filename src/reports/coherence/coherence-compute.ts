import { SEVERITIES } from '../render/report-document';
import { agreementName, AgreementFacts } from '../common/report-facts';
import { signatureYear } from './agreement-features';
import { CoherenceInput } from './coherence-facts';
import { CoherenceRule, listNames, plural } from './coherence-rule';
import {
  CoherenceAgreementResult,
  CoherenceFinding,
  CoherenceResult,
  ParagraphScore,
  ParagraphYearScore,
  RuleCheck,
} from './coherence-result';
import { COHERENCE_RULES, SCORED_PARAGRAPHS } from './coherence-rules';
import { coherenceNotes } from './coherence-notes';

/** Runs every rule on every agreement of the input: a pure function of the loaded facts. */
export function computeCoherence(
  input: CoherenceInput,
  rules: readonly CoherenceRule[] = COHERENCE_RULES,
): CoherenceResult {
  const agreements: CoherenceAgreementResult[] = input.agreements.map((agreement) => ({
    agreement: strip(agreement),
    via: agreement.via,
    partners: agreement.partners,
    countedAnnotations: agreement.annotations.length,
    pendingProposed: agreement.pendingProposed,
    checks: rules.map((rule) => {
      const r = rule.check({ input, agreement });
      return { ruleId: rule.id, paragraph: rule.paragraph, severity: rule.severity, ...r };
    }),
  }));
  return {
    party: input.party,
    asOf: input.asOf,
    includeProposed: input.includeProposed,
    notes: coherenceNotes(input),
    agreements,
    findings: findingsOf(agreements, rules),
    scores: scoresOf(agreements, rules),
    trend: trendOf(agreements, rules),
    rules: rules.map(({ id, paragraph, severity, title, checks, scored }) => ({
      id,
      paragraph,
      severity,
      title,
      checks,
      scored,
    })),
    leftOut: input.leftOut,
  };
}

function strip(a: AgreementFacts): AgreementFacts {
  const {
    id,
    slug,
    title,
    shortTitle,
    status,
    dateSigned,
    dateProvisionallyApplied,
    dateInForce,
    dateTerminated,
  } = a;
  return {
    id,
    slug,
    title,
    shortTitle,
    status,
    dateSigned,
    dateProvisionallyApplied,
    dateInForce,
    dateTerminated,
  };
}

function pendingCaveat(result: CoherenceAgreementResult, check: RuleCheck): string {
  if (!check.absence || result.pendingProposed === 0) return '';
  const n = result.pendingProposed;
  return ` (${plural(n, 'PROPOSED annotation')} of this agreement ${n === 1 ? 'awaits' : 'await'} review.)`;
}

function findingsOf(
  agreements: CoherenceAgreementResult[],
  rules: readonly CoherenceRule[],
): CoherenceFinding[] {
  const findings: Omit<CoherenceFinding, 'number'>[] = [];
  const undecided = new Map<string, { check: RuleCheck; agreements: AgreementFacts[] }>();
  for (const result of agreements) {
    for (const check of result.checks) {
      if (check.outcome === 'NOT_MET') {
        findings.push({
          ruleId: check.ruleId,
          severity: check.severity,
          paragraph: check.paragraph,
          agreement: result.agreement,
          message: check.message + pendingCaveat(result, check),
          evidence: check.evidence,
          absence: check.absence,
        });
      } else if (check.outcome === 'UNKNOWN') {
        // One INFO finding per reason: "the party's date is unknown" once, not once per agreement.
        const key = `${check.paragraph}\u0000${check.message}`;
        const entry = undecided.get(key) ?? { check, agreements: [] };
        if (!entry.agreements.includes(result.agreement)) entry.agreements.push(result.agreement);
        undecided.set(key, entry);
      }
    }
  }
  for (const { check, agreements: list } of undecided.values()) {
    findings.push({
      ruleId: check.ruleId,
      severity: 'INFO',
      paragraph: check.paragraph,
      agreement: list.length === 1 ? list[0] : null,
      message:
        list.length === 1
          ? check.message
          : `${check.message} Concerns ${plural(list.length, 'agreement')}: ${listNames(list.map(agreementName))}.`,
      evidence: [],
      absence: null,
    });
  }
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const sorted = findings.sort(
    (a, b) =>
      SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
      ruleIndex.get(a.ruleId)! - ruleIndex.get(b.ruleId)! ||
      (a.agreement?.dateSigned ?? '9999').localeCompare(b.agreement?.dateSigned ?? '9999') ||
      (a.agreement?.slug ?? '').localeCompare(b.agreement?.slug ?? ''),
  );
  return sorted.map((f, i) => ({ number: i + 1, ...f }));
}

/** For one paragraph: decided when a scored rule of it is MET or NOT_MET; met when none is NOT_MET. */
function paragraphOutcome(result: CoherenceAgreementResult, ruleIds: string[]): 'MET' | 'NOT_MET' | null {
  const checks = result.checks.filter((c) => ruleIds.includes(c.ruleId));
  if (checks.some((c) => c.outcome === 'NOT_MET')) return 'NOT_MET';
  return checks.some((c) => c.outcome === 'MET') ? 'MET' : null;
}

const scoredRuleIds = (rules: readonly CoherenceRule[], paragraph: string) =>
  rules.filter((r) => r.scored && r.paragraph === paragraph).map((r) => r.id);

function scoresOf(agreements: CoherenceAgreementResult[], rules: readonly CoherenceRule[]): ParagraphScore[] {
  return SCORED_PARAGRAPHS.map(({ paragraph, title }) => {
    const ruleIds = scoredRuleIds(rules, paragraph);
    const outcomes = agreements.map((a) => paragraphOutcome(a, ruleIds)).filter((o) => o !== null);
    const met = outcomes.filter((o) => o === 'MET').length;
    return {
      paragraph,
      title,
      ruleIds,
      assessed: outcomes.length,
      met,
      share: outcomes.length ? met / outcomes.length : null,
    };
  });
}

function trendOf(
  agreements: CoherenceAgreementResult[],
  rules: readonly CoherenceRule[],
): ParagraphYearScore[] {
  const trend: ParagraphYearScore[] = [];
  for (const { paragraph } of SCORED_PARAGRAPHS) {
    const ruleIds = scoredRuleIds(rules, paragraph);
    const byYear = new Map<number, { assessed: number; met: number }>();
    for (const result of agreements) {
      const year = signatureYear(result.agreement);
      const outcome = paragraphOutcome(result, ruleIds);
      if (year === null || outcome === null) continue;
      const entry = byYear.get(year) ?? { assessed: 0, met: 0 };
      entry.assessed++;
      if (outcome === 'MET') entry.met++;
      byYear.set(year, entry);
    }
    for (const [year, { assessed, met }] of [...byYear].sort(([a], [b]) => a - b)) {
      trend.push({ paragraph, year, assessed, met, share: met / assessed });
    }
  }
  return trend;
}
