import { Language } from '../../common/i18n';
import { EvidenceRef } from '../common/report-facts';
import { recordText, ReportTextKey, say, text } from '../common/report-texts';
import { ruleTextsIn } from './coherence-rule';
import { COHERENCE_RULES } from './coherence-rules';
import { CoherenceResult } from './coherence.types';

const RULES = new Map(COHERENCE_RULES.map((r) => [r.id, r]));

/** A cited provision's note in a language. */
export const evidenceIn = (lang: Language, e: EvidenceRef): EvidenceRef =>
  e.noteText ? { ...e, note: say(lang, e.noteText) } : e;

/** What a scored paragraph asks, in a language (`scored.<paragraph>`). */
export const paragraphTitleIn = (lang: Language, paragraph: string, english: string): string =>
  say(lang, text(`scored.${paragraph}` as ReportTextKey)) || english;

/**
 * The coherence report with every sentence a person reads in `lang`: the findings, the checks, the notes, the
 * rules, the paragraphs and what the records hold. English is the report as computed (the API's stable texts);
 * identifiers, codes and numbers are the same in every language.
 */
export function coherenceIn(lang: Language, report: CoherenceResult): CoherenceResult {
  if (lang === 'en') return report;
  const s = (t: Parameters<typeof say>[1]) => say(lang, t);
  return {
    ...report,
    notes: report.noteTexts.map(s),
    agreements: report.agreements.map((a) => ({
      ...a,
      record: { ...a.record, summary: s(recordText(a.record)) },
      checks: a.checks.map((c) => ({
        ...c,
        message: s(c.texts.message),
        absence: c.texts.absence && s(c.texts.absence),
        evidence: c.evidence.map((e) => evidenceIn(lang, e)),
      })),
    })),
    findings: report.findings.map((f) => {
      const rule = ruleTextsIn(lang, f.ruleId, RULES.get(f.ruleId)?.checksParams);
      return {
        ...f,
        message: s(f.texts.message),
        absence: f.texts.absence && s(f.texts.absence),
        record: f.texts.record ? s(f.texts.record) : null,
        why: rule.why,
        whatToCheck: rule.whatToCheck,
        evidence: f.evidence.map((e) => evidenceIn(lang, e)),
      };
    }),
    scores: report.scores.map((p) => ({ ...p, title: paragraphTitleIn(lang, p.paragraph, p.title) })),
    rules: report.rules.map((r) => ({ ...r, ...ruleTextsIn(lang, r.id, RULES.get(r.id)?.checksParams) })),
  };
}
