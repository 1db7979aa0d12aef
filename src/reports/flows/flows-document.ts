import { ReportDocument } from '../render/report-document';
import { DocumentOptions, evidenceListCell, provisionCell } from '../common/document-helpers';
import { countedParameter, detailWords, forceWords, statusWords } from '../common/evidence';
import { agreementName } from '../common/report-facts';
import { FlowFilter, FlowsResult } from './flows.types';

/** Pairs drawn in the chart; the table holds them all. */
const CHART_PAIRS = 40;

function filterParameters(filter: FlowFilter): Record<string, string> {
  const entries: [string, string | null | undefined][] = [
    ['Grantors', filter.grantors?.join(', ')],
    ['Beneficiaries', filter.beneficiaries?.join(', ')],
    ['Mechanisms', filter.mechanisms?.map(detailWords).join(', ')],
    ['Agreements', filter.agreements?.join(', ')],
    ['Signed from', filter.signedFrom],
    ['Signed to', filter.signedTo],
  ];
  return Object.fromEntries(entries.filter((e): e is [string, string] => Boolean(e[1])));
}

/** The flows as a document: a bar chart of grantor → beneficiary pairs, the flows, and their provisions. */
export function flowsDocument(
  report: FlowsResult,
  filter: FlowFilter,
  options: DocumentOptions,
): ReportDocument {
  const withProposed = report.includeProposed;
  // Provisions per pair and series: one series per mechanism for what is counted, one for what awaits review.
  const PENDING_SERIES = 'proposed, awaiting review';
  const pairs = new Map<string, Map<string, number>>();
  for (const flow of report.flows) {
    const pair = `${flow.grantor.name} → ${flow.beneficiary.name}`;
    const bySeries = pairs.get(pair) ?? new Map<string, number>();
    const counted = withProposed ? flow.provisions.length : flow.accepted;
    const add = (series: string, n: number) => n && bySeries.set(series, (bySeries.get(series) ?? 0) + n);
    add(detailWords(flow.mechanism), counted);
    if (!withProposed) add(PENDING_SERIES, flow.proposed);
    pairs.set(pair, bySeries);
  }
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  const shown = [...pairs]
    .sort((a, b) => total(b[1]) - total(a[1]) || a[0].localeCompare(b[0]))
    .slice(0, CHART_PAIRS);
  const mechanisms = [...new Set(report.flows.map((f) => detailWords(f.mechanism)))]
    .filter((m) => [...pairs.values()].some((bySeries) => bySeries.has(m)))
    .sort();
  if ([...pairs.values()].some((bySeries) => bySeries.has(PENDING_SERIES))) mechanisms.push(PENDING_SERIES);
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
  return {
    kind: 'flows',
    title: 'Preferential treatment for culture: who grants what to whom',
    subtitle: `${report.flows.length} flows${
      report.flows.some((f) => f.pending)
        ? ` (${report.flows.filter((f) => f.pending).length} pending review)`
        : ''
    }, ${pairs.size} grantor–beneficiary pairs, ${provisions.size} provisions`,
    generatedAt: options.generatedAt,
    parameters: {
      ...filterParameters(filter),
      'Evidence counted': countedParameter(withProposed),
    },
    notes: report.notes,
    sections: [
      {
        id: 'pairs',
        title: 'Grantor → beneficiary',
        description:
          pairs.size > shown.length
            ? `Provisions per pair and mechanism: the ${shown.length} largest of ${pairs.size} pairs.${withProposed ? '' : ' Provisions with proposed annotations only are a series of their own.'}`
            : `Provisions per pair and mechanism.${withProposed ? '' : ' Provisions with proposed annotations only are a series of their own.'}`,
        chart: {
          kind: 'bar',
          categoryLabel: 'Grantor → beneficiary',
          valueLabel: 'Provisions',
          categories: shown.map(([pair]) => pair),
          series: mechanisms.map((m) => ({ name: m, values: shown.map(([, byM]) => byM.get(m) ?? null) })),
          stacked: true,
        },
      },
      {
        id: 'flows',
        title: 'Flows',
        table: {
          columns: [
            { key: 'grantor', label: 'Grantor' },
            { key: 'beneficiary', label: 'Beneficiary' },
            { key: 'mechanism', label: 'Mechanism' },
            { key: 'agreement', label: 'Agreement' },
            { key: 'signed', label: 'Signed', kind: 'date' },
            { key: 'provisions', label: 'Provisions' },
            { key: 'accepted', label: 'Accepted evidence (provisions)', kind: 'number' },
            {
              key: 'proposed',
              label: withProposed
                ? 'Proposed evidence (provisions)'
                : 'Proposed evidence, awaiting review (provisions)',
              kind: 'number',
            },
            // Without proposals counted, a flow that rests on them alone is awaiting review, not an absence.
            ...(withProposed ? [] : [{ key: 'pending', label: 'Proposed evidence only (awaiting review)' }]),
            { key: 'mutual', label: 'Mutual' },
          ],
          rows: report.flows.map((f) => ({
            grantor: `${f.grantor.name} (${f.grantor.code})`,
            beneficiary: `${f.beneficiary.name} (${f.beneficiary.code})`,
            mechanism: detailWords(f.mechanism),
            agreement: agreementName(f.agreement),
            signed: f.agreement.dateSigned,
            provisions: evidenceListCell(f.provisions, options.linkBase, null),
            accepted: f.accepted,
            proposed: f.proposed,
            ...(withProposed ? {} : { pending: f.pending }),
            mutual: f.mutual,
          })),
        },
      },
      {
        id: 'provisions',
        title: 'Provisions',
        table: {
          columns: [
            { key: 'agreement', label: 'Agreement' },
            { key: 'provision', label: 'Provision' },
            { key: 'pinpoint', label: 'Pinpoint', kind: 'code' },
            { key: 'mechanism', label: 'Mechanisms' },
            { key: 'binding', label: 'Binding force' },
            { key: 'status', label: 'Review' },
            { key: 'grantors', label: 'Grantors', kind: 'code' },
            { key: 'beneficiaries', label: 'Beneficiaries', kind: 'code' },
          ],
          rowHeaderKey: 'provision',
          rows: [...provisions.values()].map(({ flow, pinpoint }) => {
            const x = flow.provisions.find((e) => e.pinpoint === pinpoint)!;
            return {
              agreement: agreementName(flow.agreement),
              provision: provisionCell(x, options.linkBase),
              pinpoint,
              mechanism: x.detail.length ? x.detail.map(detailWords) : ['other'],
              binding: forceWords(x.bindingForce),
              status:
                x.status === 'ACCEPTED'
                  ? statusWords(x.status)
                  : { text: statusWords(x.status) ?? '', pending: !withProposed },
              grantors: grantorsOf(pinpoint),
              beneficiaries: beneficiariesOf(pinpoint),
            };
          }),
        },
      },
    ],
  };
}
