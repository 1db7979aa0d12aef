import { ConventionStatusKind } from '../../parties/party.enums';
import { notPartyAsOf } from './coherence-notes';
import { CellValue, ReportDocument, Section, Severity, SEVERITIES } from '../render/report-document';
import {
  DocumentOptions,
  evidenceListCell,
  provisionCell,
  severityCell,
  yesNo,
} from '../common/document-helpers';
import { agreementName } from '../common/report-facts';
import { absoluteLink } from '../common/report-links';
import { CoherenceAgreement, CoherenceResult } from './coherence.types';
import { SCORED_PARAGRAPHS } from './coherence-rules';
import { plural } from './coherence-rule';
import { paragraphOutcome } from './coherence-compute';

/** The coherence report as a document for every file format. */
export function coherenceDocument(report: CoherenceResult, options: DocumentOptions): ReportDocument {
  const { party } = report;
  const counts = SEVERITIES.map((s) => [s, report.findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  return {
    kind: `coherence-${party.code.toLowerCase()}`,
    title: `Coherence of ${party.name}'s trade agreements with the 2005 Convention`,
    subtitle: `${plural(report.agreements.length, 'agreement')} applied on ${report.asOf}; findings: ${counts.join(', ') || 'none'}`,
    generatedAt: options.generatedAt,
    parameters: {
      Party: `${party.name} (${party.code})`,
      'As of': report.asOf,
      'Annotations counted': report.includeProposed ? 'ACCEPTED and PROPOSED' : 'ACCEPTED only',
      'Convention in force for the party':
        party.conventionInForce ??
        (party.conventionStatus === ConventionStatusKind.NOT_PARTY
          ? `no: not a Party${notPartyAsOf(party, report.asOf) || ` on ${report.asOf}`}`
          : `unknown (status ${party.conventionStatus})`),
      'Developing country': yesNo(party.developing),
    },
    notes: report.notes,
    sections: [
      scoresSection(report),
      findingsSection(report, options.linkBase),
      evidenceSection(report, options.linkBase),
      agreementsSection(report, options.linkBase),
      trendSection(report),
      rulesSection(report),
    ],
  };
}

function scoresSection(report: CoherenceResult): Section {
  return {
    id: 'scores',
    title: 'Scores by guideline paragraph',
    description:
      'For each paragraph of the Operational Guidelines on the digital environment, the share of the agreements its rules could assess that meet it.',
    chart: {
      kind: 'bar',
      title: 'Share of assessed agreements that meet each paragraph',
      categoryLabel: 'Paragraph',
      valueLabel: 'Share meeting the paragraph',
      categories: report.scores.map((s) => `¶ ${s.paragraph}`),
      series: [{ name: 'Meets', values: report.scores.map((s) => s.share) }],
      valueFormat: 'percent',
      xMax: 1,
    },
    table: {
      columns: [
        { key: 'paragraph', label: 'Paragraph', kind: 'code' },
        { key: 'title', label: 'What it asks' },
        { key: 'assessed', label: 'Assessed', kind: 'number' },
        { key: 'met', label: 'Meet it', kind: 'number' },
        { key: 'share', label: 'Share', kind: 'percent' },
        { key: 'pending', label: 'Awaiting review (not in the share)', kind: 'number' },
        { key: 'rules', label: 'Rules', kind: 'code' },
      ],
      rows: report.scores.map((s) => ({
        paragraph: s.paragraph,
        title: s.title,
        assessed: s.assessed,
        met: s.met,
        share: s.share,
        pending: s.pending,
        rules: s.ruleIds,
      })),
    },
  };
}

function findingsSection(report: CoherenceResult, linkBase: string): Section {
  return {
    id: 'findings',
    title: 'Findings',
    description:
      'Each finding says what was found (outcome NOT_MET), what awaits review (PENDING_REVIEW: evidence proposed, by the annotation rules or an annotator, that no reviewer has confirmed yet) or what cannot be judged (UNKNOWN: the record is too incomplete, or a fact is missing); why it matters under the Guidelines; and what the ministry could check. The evidence table below links every provision.',
    table: {
      columns: [
        { key: 'number', label: '#', kind: 'number' },
        { key: 'outcome', label: 'Outcome', kind: 'code' },
        { key: 'severity', label: 'Severity' },
        { key: 'paragraph', label: 'Paragraph', kind: 'code' },
        { key: 'agreement', label: 'Agreement' },
        { key: 'signed', label: 'Signed', kind: 'date' },
        { key: 'finding', label: 'What was found' },
        { key: 'why', label: 'Why it matters' },
        { key: 'check', label: 'What to check' },
        { key: 'record', label: 'What the catalogue holds' },
        { key: 'evidence', label: 'Evidence' },
        { key: 'rule', label: 'Rule', kind: 'code' },
      ],
      rowHeaderKey: 'agreement',
      rows: report.findings.map((f) => ({
        number: f.number,
        outcome: f.outcome,
        severity: severityCell(f.severity),
        paragraph: f.paragraph,
        agreement: f.agreement ? agreementName(f.agreement) : `${report.party.name} (all agreements)`,
        signed: f.agreement?.dateSigned ?? null,
        finding: f.message,
        why: f.why,
        check: f.whatToCheck,
        record: f.record,
        evidence: evidenceListCell(f.evidence, linkBase, f.absence),
        rule: f.ruleId,
      })),
    },
  };
}

function evidenceSection(report: CoherenceResult, linkBase: string): Section {
  const rows: Record<string, CellValue>[] = [];
  for (const f of report.findings) {
    for (const e of f.evidence) {
      rows.push({
        finding: f.number,
        rule: f.ruleId,
        provision: provisionCell(e, linkBase),
        pinpoint: e.pinpoint,
        code: e.code,
        binding: e.bindingForce,
        status: e.status,
        detail: e.detail,
        note: e.note,
      });
    }
  }
  return {
    id: 'evidence',
    title: 'Evidence',
    description: 'The provisions each finding cites, with the annotation that makes them evidence.',
    table: {
      columns: [
        { key: 'finding', label: 'Finding #', kind: 'number' },
        { key: 'provision', label: 'Provision' },
        { key: 'pinpoint', label: 'Pinpoint', kind: 'code' },
        { key: 'code', label: 'Code', kind: 'code' },
        { key: 'binding', label: 'Binding force', kind: 'code' },
        { key: 'status', label: 'Status', kind: 'code' },
        { key: 'detail', label: 'Detail', kind: 'code' },
        { key: 'note', label: 'Why cited' },
        { key: 'rule', label: 'Rule', kind: 'code' },
      ],
      rowHeaderKey: 'provision',
      rows,
    },
  };
}

/**
 * "meets", "not met" with the worst severity, "pending review", "legacy", "n/a" or "unknown", for one paragraph:
 * the paragraph's outcome as the scores count it (`paragraphOutcome`), so that an agreement the scores leave out as
 * unknown never reads "meets" here.
 */
function paragraphCell(result: CoherenceAgreement, paragraph: string, linkBase: string): CellValue {
  const checks = result.checks.filter((c) => c.paragraph === paragraph);
  const outcome = paragraphOutcome(checks);
  if (outcome === 'NOT_MET') {
    const failing = checks.filter((c) => c.outcome === 'NOT_MET');
    const worst = SEVERITIES.find((s) => failing.some((c) => c.severity === s)) as Severity;
    return { text: 'not met', severity: worst };
  }
  if (outcome === 'PENDING_REVIEW') return 'pending review';
  if (result.legacy) return 'legacy (before the Convention)';
  if (outcome === 'UNKNOWN') return 'unknown';
  if (outcome === 'MET') {
    const first = checks.filter((c) => c.outcome === 'MET').flatMap((c) => c.evidence)[0];
    return first ? { text: 'meets', href: absoluteLink(first.link, linkBase) } : 'meets';
  }
  return 'n/a';
}

function agreementsSection(report: CoherenceResult, linkBase: string): Section {
  return {
    id: 'agreements',
    title: 'Agreements assessed',
    description:
      'Every agreement of the party applied on the report date, with the outcome per paragraph (pending review: proposed evidence awaits a reviewer; legacy: signed before the Convention, context not failure; n/a: the rules do not apply; unknown: the record or a fact is missing) and what the catalogue holds of it.',
    table: {
      columns: [
        { key: 'agreement', label: 'Agreement' },
        { key: 'signed', label: 'Signed', kind: 'date' },
        { key: 'applied', label: 'Applied to the party since', kind: 'date' },
        ...(report.agreements.some((a) => a.via)
          ? [{ key: 'via', label: 'Via', kind: 'code' as const }]
          : []),
        { key: 'partners', label: 'Partners', kind: 'code' },
        ...SCORED_PARAGRAPHS.map((p) => ({ key: `p${p.paragraph}`, label: `¶ ${p.paragraph}` })),
        { key: 'accepted', label: 'Annotations reviewed', kind: 'number' as const },
        { key: 'proposed', label: 'Proposals awaiting review', kind: 'number' as const },
        { key: 'record', label: 'Record' },
      ],
      rows: report.agreements.map((r) => ({
        agreement: agreementName(r.agreement),
        signed: r.agreement.dateSigned,
        // The party's own date (its binding), not the agreement's: a state that acceded, or joined the bloc, later.
        applied: r.appliedFrom,
        via: r.via,
        partners: r.partners.map((p) => p.code),
        ...Object.fromEntries(
          SCORED_PARAGRAPHS.map((p) => [`p${p.paragraph}`, paragraphCell(r, p.paragraph, linkBase)]),
        ),
        accepted: r.acceptedAnnotations,
        proposed: r.proposedAnnotations,
        record: r.record.summary,
      })),
    },
  };
}

function trendSection(report: CoherenceResult): Section {
  return {
    id: 'trend',
    title: 'Trend by year of signature',
    description:
      'Share of the assessed agreements signed each year that meet each paragraph (years with no assessed agreement are left out).',
    chart: {
      kind: 'line',
      xLabel: 'Year of signature',
      yLabel: 'Share meeting the paragraph',
      yFormat: 'percent',
      yMax: 1,
      series: SCORED_PARAGRAPHS.map(({ paragraph }) => ({
        name: `¶ ${paragraph}`,
        points: report.trend.filter((t) => t.paragraph === paragraph).map((t) => ({ x: t.year, y: t.share })),
      })).filter((s) => s.points.length > 0),
    },
    table: {
      columns: [
        { key: 'year', label: 'Year', kind: 'year' },
        ...SCORED_PARAGRAPHS.map(({ paragraph }) => ({
          key: `p${paragraph}`,
          label: `¶ ${paragraph}: share meeting it`,
          kind: 'percent' as const,
        })),
      ],
      rows: [...new Set(report.trend.map((t) => t.year))]
        .sort((a, b) => a - b)
        .map((year) => ({
          year,
          ...Object.fromEntries(
            SCORED_PARAGRAPHS.map(({ paragraph }) => {
              const t = report.trend.find((x) => x.year === year && x.paragraph === paragraph);
              return [
                `p${paragraph}`,
                t
                  ? { text: `${(t.share * 100).toFixed(0)}% (${t.met} of ${t.assessed})`, value: t.share }
                  : null,
              ];
            }),
          ),
        })),
    },
  };
}

function rulesSection(report: CoherenceResult): Section {
  return {
    id: 'rules',
    title: 'Rules',
    description:
      'The rules behind the findings (docs/coherence-rules.md in the project explains each). Each ends, per agreement, in MET (reviewed evidence), PENDING_REVIEW (only proposed evidence), NOT_MET (no evidence in a record complete enough to judge), UNKNOWN (the record or a fact is missing) or NOT_APPLICABLE. Rules on what the Convention expects apply to agreements signed after its adoption (2005-10-20) and its entry into force for the party; older ones are context. HIGH needs an operative commitment as evidence; a chapter heading or a non-binding clause raises at most LOW.',
    table: {
      columns: [
        { key: 'id', label: 'Rule', kind: 'code' },
        { key: 'paragraph', label: 'Paragraph', kind: 'code' },
        { key: 'severity', label: 'Severity' },
        { key: 'title', label: 'Finding' },
        { key: 'checks', label: 'What it checks' },
        { key: 'why', label: 'Why it matters' },
        { key: 'scored', label: 'Scored' },
      ],
      rows: report.rules.map((r) => ({
        id: r.id,
        paragraph: r.paragraph,
        severity: severityCell(r.severity),
        title: r.title,
        checks: r.checks,
        why: r.why,
        scored: r.scored,
      })),
    },
  };
}
