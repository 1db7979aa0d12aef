import { ReportDocument } from '../render/report-document';
import { DocumentOptions, evidenceListCell, provisionCell } from '../common/document-helpers';
import { mechanismColor } from './mechanism-colors';
import { flowPairs, PENDING_SERIES } from './flow-pairs';
import { countedParameter, detailWords, forceWords, statusWords } from '../common/evidence';
import { agreementName } from '../common/report-facts';
import { Language } from '../../common/i18n';
import { partyNameIn } from '../../parties/party-names';
import { dateIn, partyWithCode, reportTranslator, ReportTranslate, say } from '../common/report-texts';
import { FlowFilter, FlowsResult } from './flows.types';

/** Pairs drawn in the chart; the table holds them all. */
const CHART_PAIRS = 40;

function filterParameters(filter: FlowFilter, t: ReportTranslate, lang: Language): Record<string, string> {
  const entries: [string, string | null | undefined][] = [
    [t('flows.param.grantors'), filter.grantors?.join(', ')],
    [t('flows.param.beneficiaries'), filter.beneficiaries?.join(', ')],
    [t('flows.param.mechanisms'), filter.mechanisms?.map((m) => detailWords(m, lang)).join(', ')],
    [t('flows.param.agreements'), filter.agreements?.join(', ')],
    [t('flows.param.signedFrom'), filter.signedFrom && dateIn(lang, filter.signedFrom)],
    [t('flows.param.signedTo'), filter.signedTo && dateIn(lang, filter.signedTo)],
  ];
  return Object.fromEntries(entries.filter((e): e is [string, string] => Boolean(e[1])));
}

/** The flows as a document: a bar chart of grantor → beneficiary pairs, the flows, and their provisions. */
export function flowsDocument(
  report: FlowsResult,
  filter: FlowFilter,
  options: DocumentOptions,
): ReportDocument {
  const lang = options.language ?? 'en';
  const t = reportTranslator(lang);
  const withProposed = report.includeProposed;
  const partyName = (p: { code: string; name: string }) => partyNameIn(lang, p.code, p.name);
  // Provisions per pair and series (`flowPairs`, as the flows page counts them): one series per mechanism for what
  // is counted, in the mechanisms' fixed order, one for what awaits review.
  const PENDING_NAME = t('status.PROPOSED');
  const seriesName = (s: string) => (s === PENDING_SERIES ? PENDING_NAME : detailWords(s, lang));
  const { pairs: allPairs, series: usedSeries } = flowPairs(report.flows, withProposed);
  const pairLabel = (p: (typeof allPairs)[number]) =>
    t('flows.pair', { grantor: partyName(p.grantor), beneficiary: partyName(p.beneficiary) });
  const shown = allPairs.slice(0, CHART_PAIRS);
  const provisions = new Map<string, { flow: (typeof report.flows)[number]; pinpoint: string }>();
  for (const flow of report.flows)
    for (const p of flow.provisions)
      if (!provisions.has(p.pinpoint)) provisions.set(p.pinpoint, { flow, pinpoint: p.pinpoint });
  const grantorsOf = (pinpoint: string) => [
    ...new Set(
      report.flows
        .filter((f) => f.provisions.some((p) => p.pinpoint === pinpoint))
        .map((f) => f.grantor.code),
    ),
  ];
  const beneficiariesOf = (pinpoint: string) => [
    ...new Set(
      report.flows
        .filter((f) => f.provisions.some((p) => p.pinpoint === pinpoint))
        .map((f) => f.beneficiary.code),
    ),
  ];
  const pending = report.flows.filter((f) => f.pending).length;
  const counts = { flows: report.flows.length, pairs: allPairs.length, provisions: provisions.size };
  const pendingSeries = withProposed ? '' : ` ${t('flows.pairs.pendingSeries')}`;
  return {
    kind: 'flows',
    ...(lang === 'en' ? {} : { language: lang }),
    title: t('flows.title'),
    subtitle: pending ? t('flows.subtitlePending', { ...counts, pending }) : t('flows.subtitle', counts),
    generatedAt: options.generatedAt,
    parameters: {
      ...filterParameters(filter, t, lang),
      [t('trends.param.counted')]: countedParameter(withProposed, lang),
    },
    parameterDates: Object.fromEntries(
      [
        [t('flows.param.signedFrom'), filter.signedFrom],
        [t('flows.param.signedTo'), filter.signedTo],
      ].filter((e): e is [string, string] => typeof e[1] === 'string'),
    ),
    notes: report.noteTexts.map((n) => say(lang, n)),
    sections: [
      {
        id: 'pairs',
        title: t('flows.pairs.title'),
        description:
          allPairs.length > shown.length
            ? `${t('flows.pairs.largest', { shown: shown.length, total: allPairs.length })}${pendingSeries}`
            : `${t('flows.pairs.all')}${pendingSeries}`,
        chart: {
          kind: 'bar',
          ...(lang === 'en'
            ? {}
            : { description: t('flows.pairs.chartDescription', { count: shown.length }) }),
          categoryLabel: t('flows.pairs.title'),
          valueLabel: t('col.provisions'),
          categories: shown.map(pairLabel),
          // The CSV's header alone says what the number is: provisions, per mechanism.
          valueColumns: usedSeries.map((s) => t('flows.pairs.column', { mechanism: seriesName(s) })),
          series: usedSeries.map((s) => ({
            name: seriesName(s),
            values: shown.map((p) => p.counts.get(s) ?? null),
            ...(s === PENDING_SERIES ? { pending: true } : {}),
            ...(mechanismColor(s) ? { color: mechanismColor(s) } : {}),
          })),
          stacked: true,
        },
      },
      {
        id: 'flows',
        title: t('flows.flows.title'),
        table: {
          columns: [
            { key: 'grantor', label: t('flows.col.grantor') },
            { key: 'beneficiary', label: t('flows.col.beneficiary') },
            { key: 'mechanism', label: t('flows.col.mechanism') },
            { key: 'agreement', label: t('col.agreement') },
            { key: 'signed', label: t('col.signed'), kind: 'date' },
            { key: 'provisions', label: t('col.provisions'), links: true },
            { key: 'accepted', label: t('flows.col.accepted'), kind: 'number' },
            {
              key: 'proposed',
              label: t(withProposed ? 'flows.col.proposed' : 'flows.col.proposedWaiting'),
              kind: 'number',
            },
            // Without proposals counted, a flow that rests on them alone is awaiting review, not an absence.
            ...(withProposed ? [] : [{ key: 'pending', label: t('flows.col.pending') }]),
            { key: 'mutual', label: t('flows.col.mutual') },
          ],
          rows: report.flows.map((f) => ({
            grantor: say(lang, partyWithCode(f.grantor)),
            beneficiary: say(lang, partyWithCode(f.beneficiary)),
            mechanism: detailWords(f.mechanism, lang),
            agreement: agreementName(f.agreement),
            signed: f.agreement.dateSigned,
            provisions: evidenceListCell(f.provisions, options.linkBase, null, undefined, lang),
            accepted: f.accepted,
            proposed: f.proposed,
            ...(withProposed ? {} : { pending: f.pending }),
            mutual: f.mutual,
          })),
        },
      },
      {
        id: 'provisions',
        title: t('flows.provisions.title'),
        table: {
          columns: [
            { key: 'agreement', label: t('col.agreement') },
            { key: 'provision', label: t('col.provision'), links: true },
            { key: 'pinpoint', label: t('col.pinpoint'), kind: 'code' },
            { key: 'mechanism', label: t('flows.col.mechanisms') },
            { key: 'binding', label: t('col.binding') },
            { key: 'status', label: t('col.review') },
            { key: 'grantors', label: t('flows.col.grantors'), kind: 'code' },
            { key: 'beneficiaries', label: t('flows.col.beneficiaries'), kind: 'code' },
          ],
          rowHeaderKey: 'provision',
          rows: [...provisions.values()].map(({ flow, pinpoint }) => {
            const x = flow.provisions.find((e) => e.pinpoint === pinpoint)!;
            return {
              agreement: agreementName(flow.agreement),
              provision: provisionCell(x, options.linkBase, lang),
              pinpoint,
              mechanism: (x.detail.length ? x.detail : ['OTHER']).map((d) => detailWords(d, lang)),
              binding: forceWords(x.bindingForce, lang),
              status:
                x.status === 'ACCEPTED'
                  ? statusWords(x.status, lang)
                  : { text: statusWords(x.status, lang) ?? '', pending: !withProposed },
              grantors: grantorsOf(pinpoint),
              beneficiaries: beneficiariesOf(pinpoint),
            };
          }),
        },
      },
    ],
  };
}
