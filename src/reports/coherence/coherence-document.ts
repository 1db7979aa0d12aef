import { DatePrecision } from '../../agreements/agreement.enums';
import { scoreBarSeries } from './score-bars';
import { ConventionStatusKind } from '../../parties/party.enums';
import { CellValue, ReportDocument, Section, Severity, SEVERITIES } from '../render/report-document';
import {
  DocumentOptions,
  evidenceListCell,
  provisionCell,
  severityCell,
  severityLabels,
  yesNo,
} from '../common/document-helpers';
import { agreementName, notPartyUntil } from '../common/report-facts';
import { detailWords, forceWords, statusWords } from '../common/evidence';
import { AnnotationStatus, BindingForce } from '../../annotations/annotation.enums';
import { pageLink } from '../common/report-links';
import { CoherenceAgreement, CoherenceResult } from './coherence.types';
import { SCORED_PARAGRAPHS } from './coherence-rules';
import { paragraphOutcome } from './coherence-compute';
import { coherenceIn } from './coherence-language';
import { Language } from '../../common/i18n';
import {
  dateIn,
  asOfParam,
  dateParam,
  partyParam,
  percentIn,
  reportTranslator,
  ReportTextKey,
  ReportTranslate,
} from '../common/report-texts';
import { CONVENTION_ADOPTED, conventionInForceBy } from '../../parties/convention-dates';

/** The coherence report as a document for every file format. */
export function coherenceDocument(computed: CoherenceResult, options: DocumentOptions): ReportDocument {
  const lang = options.language ?? 'en';
  const report = coherenceIn(lang, computed);
  const t = reportTranslator(lang);
  const { party } = report;
  const counts = SEVERITIES.map((s) => [s, report.findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => t('coh.severityCount', { count: n, severity: t(`severity.${s}`) }));
  return {
    kind: `coherence-${party.code.toLowerCase()}`,
    ...(lang === 'en' ? {} : { language: lang }),
    title: t('coh.title', { party: partyParam(party) }),
    subtitle: t('coh.subtitle', {
      count: report.agreements.length,
      date: dateParam(report.asOf),
      findings: counts.join(', ') || t('value.noFinding'),
    }),
    generatedAt: options.generatedAt,
    parameters: {
      [t('coh.param.party')]: t('value.partyWithCode', { name: partyParam(party), code: party.code }),
      [t('coh.param.asOf')]: dateIn(lang, report.asOf),
      [t('coh.param.counted')]: t(
        report.includeProposed ? 'coh.param.countedAll' : 'coh.param.countedAccepted',
      ),
      [t('coh.param.inForce')]: party.conventionInForce
        ? dateIn(lang, party.conventionInForce)
        : party.conventionStatus === ConventionStatusKind.NOT_PARTY
          ? notPartyParameter(party, report.asOf, t)
          : party.conventionDepositYear !== null
            ? t('coh.param.inForceBy', {
                year: String(party.conventionDepositYear),
                date: dateIn(lang, conventionInForceBy(null, party.conventionDepositYear)!),
              })
            : t('coh.param.inForceUnknown', { status: party.conventionStatus }),
      [t('coh.param.developing')]: yesNo(party.developing, lang),
    },
    parameterDates: {
      [t('coh.param.asOf')]: report.asOf,
      ...(party.conventionInForce ? { [t('coh.param.inForce')]: party.conventionInForce } : {}),
    },
    notes: report.notes,
    sections: [
      scoresSection(report, t, lang),
      findingsSection(report, options.linkBase, t, lang),
      evidenceSection(report, options.linkBase, t, lang),
      agreementsSection(report, options.linkBase, t, lang),
      trendSection(report, t, lang),
      rulesSection(report, t, lang),
    ],
  };
}

/** A chart's text alternative: the renderers generate an English one; another language gives its own. */
const describedIn = (lang: Language, description: () => string) =>
  lang === 'en' ? {} : { description: description() };

function scoresSection(report: CoherenceResult, t: ReportTranslate, lang: Language): Section {
  return {
    id: 'scores',
    title: t('coh.scores.title'),
    description: t('coh.scores.description'),
    chart: {
      kind: 'bar',
      title: t('coh.scores.chart'),
      ...describedIn(lang, () => t('coh.scores.chartDescription', { count: report.scores.length })),
      categoryLabel: t('coh.col.paragraph'),
      valueLabel: t('coh.scores.agreements'),
      categories: report.scores.map((s) => t('paragraph.short', { paragraph: s.paragraph })),
      series: scoreBarSeries(report.scores, {
        met: t('coh.scores.meets'),
        notAssessed: t('coh.scores.notAssessed'),
        notMet: t('coh.scores.notMet'),
        pending: t('coh.scores.pending'),
      }),
      stacked: true,
    },
    table: {
      columns: [
        { key: 'paragraph', label: t('coh.col.paragraph'), kind: 'code' },
        { key: 'title', label: t('coh.col.asks') },
        { key: 'assessed', label: t('coh.col.assessed'), kind: 'number' },
        { key: 'met', label: t('coh.col.met'), kind: 'number' },
        { key: 'share', label: t('coh.col.share'), kind: 'percent' },
        { key: 'pending', label: t('coh.col.pending'), kind: 'number' },
        { key: 'notAssessed', label: t('coh.col.notAssessed'), kind: 'number' },
        { key: 'rules', label: t('coh.col.rules'), kind: 'code' },
      ],
      rows: report.scores.map((s) => ({
        paragraph: s.paragraph,
        title: s.title,
        assessed: s.assessed,
        met: s.met,
        share: s.share,
        pending: s.pending,
        notAssessed: s.notAssessed,
        rules: s.ruleIds,
      })),
    },
  };
}

const OUTCOMES = ['MET', 'PENDING_REVIEW', 'NOT_MET', 'UNKNOWN', 'NOT_APPLICABLE'] as const;

/**
 * The outcomes' words in the language, for a reader (a column's `labels`): the rows keep the codes, as GraphQL has
 * them, in every language (the README: what stays the same for programs). French JSON read "NON SATISFAITE".
 */
const outcomeLabels = (t: ReportTranslate): Record<string, string> =>
  Object.fromEntries(OUTCOMES.map((o) => [o, t(`outcome.${o}`)]));

function findingsSection(
  report: CoherenceResult,
  linkBase: string,
  t: ReportTranslate,
  lang: Language,
): Section {
  return {
    id: 'findings',
    title: t('coh.findings.title'),
    description: t('coh.findings.description'),
    table: {
      columns: [
        { key: 'number', label: '#', kind: 'number' },
        { key: 'outcome', label: t('coh.col.outcome'), kind: 'code', labels: outcomeLabels(t) },
        { key: 'severity', label: t('coh.col.severity'), kind: 'code', labels: severityLabels(lang) },
        { key: 'paragraph', label: t('coh.col.paragraph'), kind: 'code' },
        { key: 'agreement', label: t('coh.col.agreement') },
        { key: 'signed', label: t('coh.col.signed'), kind: 'date' },
        { key: 'finding', label: t('coh.col.found') },
        { key: 'why', label: t('coh.col.why') },
        { key: 'check', label: t('coh.col.check') },
        { key: 'record', label: t('coh.col.record') },
        { key: 'evidence', label: t('coh.col.evidence'), links: true },
        { key: 'rule', label: t('coh.col.rule'), kind: 'code' },
      ],
      rowHeaderKey: 'agreement',
      rows: report.findings.map((f) => ({
        number: f.number,
        outcome: f.outcome,
        severity: severityCell(f.severity),
        paragraph: f.paragraph,
        agreement: f.agreement
          ? agreementName(f.agreement)
          : t('coh.allAgreements', { party: partyParam(report.party) }),
        signed: f.agreement?.dateSigned ?? null,
        finding: f.message,
        why: f.why,
        check: f.whatToCheck,
        record: f.record,
        evidence: evidenceListCell(f.evidence, linkBase, f.absence, t('coh.absence'), lang),
        rule: f.ruleId,
      })),
    },
  };
}

function evidenceSection(
  report: CoherenceResult,
  linkBase: string,
  t: ReportTranslate,
  lang: Language,
): Section {
  const rows: Record<string, CellValue>[] = [];
  for (const f of report.findings) {
    for (const e of f.evidence) {
      rows.push({
        finding: f.number,
        rule: f.ruleId,
        provision: provisionCell(e, linkBase, lang),
        pinpoint: e.pinpoint,
        code: e.code,
        binding: e.bindingForce,
        status: e.status,
        detail: e.detail,
        note: e.note,
      });
    }
  }
  // The binding force, review status and detail are codes in CSV and JSON (what scripts read, in every language)
  // and words for a reader: the columns' `labels`.
  const words = <C extends string>(codes: Iterable<C>, word: (code: C) => string | null) =>
    Object.fromEntries([...codes].map((c) => [c, word(c) ?? c]));
  const details = new Set(report.findings.flatMap((f) => f.evidence.flatMap((e) => e.detail)));
  return {
    id: 'evidence',
    title: t('coh.evidence.title'),
    description: t('coh.evidence.description'),
    table: {
      columns: [
        { key: 'finding', label: t('coh.col.finding'), kind: 'number' },
        { key: 'provision', label: t('coh.col.provision'), links: true },
        { key: 'pinpoint', label: t('coh.col.pinpoint'), kind: 'code' },
        { key: 'code', label: t('coh.col.code'), kind: 'code' },
        {
          key: 'binding',
          label: t('coh.col.binding'),
          kind: 'code',
          labels: words(Object.values(BindingForce), (f) => forceWords(f, lang)),
        },
        {
          key: 'status',
          // The annotation's review status today, whatever the report's date (`coh.evidence.description`).
          label: t('coh.col.reviewToday'),
          kind: 'code',
          labels: words(Object.values(AnnotationStatus), (s) => statusWords(s, lang)),
        },
        {
          key: 'detail',
          label: t('coh.col.detail'),
          kind: 'code',
          labels: words(details, (d) => detailWords(d, lang)),
        },
        { key: 'note', label: t('coh.col.note') },
        { key: 'rule', label: t('coh.col.rule'), kind: 'code' },
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
/**
 * A check whose outcome proposals alone decide, counted with `includeProposed` (`coh.onProposals`): its cell says so,
 * as its finding does, so that "meets" or "not met" never reads as established on evidence no one has reviewed.
 */
const onProposals = (c: CoherenceAgreement['checks'][number]): boolean =>
  c.texts.message.key === 'coh.onProposals';

/**
 * The codes of a paragraph's cell in the agreements table and the words a reader sees for them (the column's
 * `labels`): CSV and JSON write the codes in every language, as the findings' outcomes; HTML, Markdown and XLSX the
 * words.
 */
const PARAGRAPH_CELL_WORDS = {
  MET: 'coh.cell.meets',
  MET_ON_PROPOSALS: 'coh.cell.meetsProposed',
  NOT_MET: 'coh.cell.notMet',
  NOT_MET_ON_PROPOSALS: 'coh.cell.notMetProposed',
  PENDING_REVIEW: 'coh.cell.pending',
  LEGACY: 'coh.cell.legacy',
  UNKNOWN: 'coh.cell.unknown',
  NOT_APPLICABLE: 'coh.cell.na',
} as const satisfies Record<string, ReportTextKey>;

const paragraphCellLabels = (t: ReportTranslate): Record<string, string> =>
  Object.fromEntries(Object.entries(PARAGRAPH_CELL_WORDS).map(([code, key]) => [code, t(key)]));

function paragraphCell(
  result: CoherenceAgreement,
  paragraph: string,
  linkBase: string,
  t: ReportTranslate,
  lang: Language,
): CellValue {
  const checks = result.checks.filter((c) => c.paragraph === paragraph);
  const outcome = paragraphOutcome(checks);
  if (outcome === 'NOT_MET') {
    const failing = checks.filter((c) => c.outcome === 'NOT_MET');
    const worst = SEVERITIES.find((s) => failing.some((c) => c.severity === s)) as Severity;
    return {
      text: failing.every(onProposals) ? 'NOT_MET_ON_PROPOSALS' : 'NOT_MET',
      severity: worst,
    };
  }
  if (outcome === 'PENDING_REVIEW') return 'PENDING_REVIEW';
  if (result.legacy) return 'LEGACY';
  if (outcome === 'UNKNOWN') return 'UNKNOWN';
  if (outcome === 'MET') {
    // The provision cited by every rule of the paragraph that is met, where there is one: 19.5's "refer explicitly"
    // links the reference naming the Convention, not the first reference to cultural diversity (EU - Ukraine linked
    // Art. 430, which names no Convention, where Art. 440 does).
    const met = checks.filter((c) => c.outcome === 'MET');
    const cited = met.flatMap((c) => c.evidence);
    const first = cited.find((e) => met.every((c) => c.evidence.some((x) => x.link === e.link))) ?? cited[0];
    const meets = met.some(onProposals) ? 'MET_ON_PROPOSALS' : 'MET';
    return first ? { text: meets, href: pageLink(first.link, linkBase, lang) } : meets;
  }
  return 'NOT_APPLICABLE';
}

function agreementsSection(
  report: CoherenceResult,
  linkBase: string,
  t: ReportTranslate,
  lang: Language,
): Section {
  return {
    id: 'agreements',
    title: t('coh.agreements.title'),
    description: t('coh.agreements.description'),
    table: {
      columns: [
        { key: 'agreement', label: t('coh.col.agreement') },
        { key: 'signed', label: t('coh.col.signed'), kind: 'date' },
        { key: 'applied', label: t('coh.col.applied'), kind: 'date' },
        // The same columns for every party, empty where they say nothing of it, so that a script may read them by
        // position (FRA had `via`, HRV `via` and `role`, JAM `firstDates` instead of `via`, until 7 December 2026).
        // Where a date is the agreement's first, not the party's own (coh.note.firstDates), the table says which.
        { key: 'firstDates', label: t('coh.col.firstDates') },
        // Where a date is a bound the sources agree on, not the party's day (coh.note.atLatest): "on or before".
        { key: 'atLatest', label: t('coh.col.atLatest') },
        // Where it is the signature, for an agreement in force with no date of entry into force (coh.note.inferred).
        { key: 'inferred', label: t('coh.col.inferred') },
        { key: 'via', label: t('coh.col.via'), kind: 'code' as const },
        // Where the party joined an agreement after its signature (Korea, DEPA): the signature is not its own, and
        // the date applied is its accession.
        {
          key: 'role',
          label: t('coh.col.role'),
          kind: 'code' as const,
          labels: { ACCEDED: t('coh.cell.acceded'), ORIGINAL: t('coh.cell.original') },
        },
        { key: 'partners', label: t('coh.col.partners'), kind: 'code' },
        // Codes (PARAGRAPH_CELL_WORDS), the reader's words as the column's labels: the French ZIP's agreements.csv
        // wrote "non satisfait" beside findings.csv's NOT_MET (reports24).
        ...SCORED_PARAGRAPHS.map((p) => ({
          key: `p${p.paragraph}`,
          label: t('paragraph.short', { paragraph: p.paragraph }),
          links: true,
          kind: 'code' as const,
          labels: paragraphCellLabels(t),
        })),
        { key: 'accepted', label: t('coh.col.accepted'), kind: 'number' as const },
        { key: 'proposed', label: t('coh.col.proposed'), kind: 'number' as const },
        { key: 'record', label: t('coh.col.recordShort') },
      ],
      rows: report.agreements.map((r) => ({
        agreement: agreementName(r.agreement),
        signed: r.agreement.dateSigned,
        // The party's date (its binding): its own where recorded (a state that acceded, or joined the bloc, later);
        // the agreement's first on an agreement of three or more sides that records none, and said to be.
        applied: r.appliedFrom,
        firstDates: r.agreementFirstDates,
        atLatest: r.appliedFromPrecision === DatePrecision.AT_LATEST,
        inferred: r.inForceInferred,
        via: r.via,
        role: r.role === 'ACCEDED' || r.role === 'ORIGINAL' ? r.role : null,
        partners: r.partners.map((p) => p.code),
        ...Object.fromEntries(
          SCORED_PARAGRAPHS.map((p) => [`p${p.paragraph}`, paragraphCell(r, p.paragraph, linkBase, t, lang)]),
        ),
        accepted: r.acceptedAnnotations,
        proposed: r.proposedAnnotations,
        record: r.record.summary,
      })),
    },
  };
}

function trendSection(report: CoherenceResult, t: ReportTranslate, lang: Language): Section {
  const series = SCORED_PARAGRAPHS.map(({ paragraph }) => ({
    name: t('paragraph.short', { paragraph }),
    points: report.trend.filter((x) => x.paragraph === paragraph).map((x) => ({ x: x.year, y: x.share })),
  })).filter((s) => s.points.length > 0);
  return {
    id: 'trend',
    title: t('coh.trend.title'),
    description: t('coh.trend.description'),
    chart: {
      kind: 'line',
      ...describedIn(lang, () => t('coh.trend.chartDescription', { count: series.length })),
      xLabel: t('coh.col.yearSigned'),
      yLabel: t('coh.scores.share'),
      yFormat: 'percent',
      yMax: 1,
      series,
    },
    table: {
      columns: [
        { key: 'year', label: t('coh.col.year'), kind: 'year' },
        ...SCORED_PARAGRAPHS.map(({ paragraph }) => ({
          key: `p${paragraph}`,
          label: t('coh.col.paragraphShare', { paragraph }),
          kind: 'percent' as const,
        })),
      ],
      rows: [...new Set(report.trend.map((x) => x.year))]
        .sort((a, b) => a - b)
        .map((year) => ({
          year,
          ...Object.fromEntries(
            SCORED_PARAGRAPHS.map(({ paragraph }) => {
              const x = report.trend.find((y) => y.year === year && y.paragraph === paragraph);
              return [
                `p${paragraph}`,
                x
                  ? {
                      text: t('coh.trend.cell', {
                        share: percentIn(lang, x.share, 0),
                        met: x.met,
                        assessed: x.assessed,
                      }),
                      value: x.share,
                    }
                  : null,
              ];
            }),
          ),
        })),
    },
  };
}

function rulesSection(report: CoherenceResult, t: ReportTranslate, lang: Language): Section {
  return {
    id: 'rules',
    title: t('coh.rules.title'),
    description: t('coh.rules.description', { adopted: dateParam(CONVENTION_ADOPTED) }),
    table: {
      columns: [
        { key: 'id', label: t('coh.col.rule'), kind: 'code' },
        { key: 'paragraph', label: t('coh.col.paragraph'), kind: 'code' },
        { key: 'severity', label: t('coh.col.severity'), kind: 'code', labels: severityLabels(lang) },
        { key: 'title', label: t('coh.col.ruleTitle') },
        { key: 'checks', label: t('coh.col.checks') },
        { key: 'why', label: t('coh.col.why') },
        { key: 'scored', label: t('coh.col.scored') },
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

/** "No: not a Party" as of the report's date, or as of the date the sources stop when they do not reach it. */
function notPartyParameter(party: CoherenceResult['party'], asOf: string, t: ReportTranslate): string {
  const until = notPartyUntil(party, asOf);
  return until
    ? t('coh.param.notPartyUntil', { until: asOfParam(until) })
    : t('coh.param.notPartyOn', { date: dateParam(asOf) });
}
