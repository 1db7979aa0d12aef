import { Column, ReportDocument, Section } from '../render/report-document';
import { DocumentOptions } from '../common/document-helpers';
import { TrendGroupBy, TrendsResult } from './trends-result';

const GROUP_NAMES: Record<TrendGroupBy, string> = {
  [TrendGroupBy.YEAR]: 'year of signature',
  [TrendGroupBy.REGION]: 'region',
  [TrendGroupBy.AGREEMENT_TYPE]: 'agreement type',
  [TrendGroupBy.PARTY]: 'party',
};

/** Groups drawn in a heatmap; the tables hold them all. */
const HEATMAP_GROUPS = 40;

/** The trends report as a document: charts of the shares, a wide table and a long one. */
export function trendsDocument(report: TrendsResult, options: DocumentOptions): ReportDocument {
  const by = GROUP_NAMES[report.groupBy];
  const range = report.from !== null ? `${report.from}–${report.to}` : 'no agreement';
  const capitalised = by[0].toUpperCase() + by.slice(1);
  const sections: Section[] = [];
  if (report.groupBy === TrendGroupBy.YEAR) {
    sections.push(
      {
        id: 'shares',
        title: 'Share of agreements with each code',
        description:
          'Share of the agreements signed each year that have at least one provision with the code.',
        chart: {
          kind: 'line',
          xLabel: 'Year of signature',
          yLabel: 'Share of agreements',
          yFormat: 'percent',
          yMax: 1,
          series: report.codes.map((code) => ({
            name: code,
            points: report.groups.map((g) => ({
              x: Number(g.key),
              y: g.counts.find((c) => c.code === code)!.share,
            })),
          })),
        },
      },
      {
        id: 'volume',
        title: 'Agreements signed per year',
        chart: {
          kind: 'line',
          xLabel: 'Year of signature',
          yLabel: 'Agreements',
          series: [
            {
              name: 'Agreements signed',
              points: report.groups.map((g) => ({ x: Number(g.key), y: g.agreements })),
            },
          ],
        },
      },
    );
  } else {
    const shown = report.groups.slice(0, HEATMAP_GROUPS);
    sections.push({
      id: 'shares',
      title: 'Share of agreements with each code',
      description:
        report.groups.length > shown.length
          ? `The ${shown.length} largest of ${report.groups.length} groups; the tables list them all.`
          : undefined,
      chart: {
        kind: 'heatmap',
        rows: shown.map((g) => `${g.label} (${g.agreements})`),
        columns: report.codes,
        values: shown.map((g) => g.counts.map((c) => c.share)),
        legend: { label: 'Share of agreements', format: 'percent', min: 0, max: 1 },
      },
    });
  }
  const shareColumns: Column[] = report.codes.map((code) => ({ key: code, label: code, kind: 'percent' }));
  sections.push(
    {
      id: 'groups',
      title: `By ${by}`,
      description: 'Share of the agreements of each group that have the code.',
      table: {
        columns: [
          { key: 'group', label: capitalised },
          { key: 'agreements', label: 'Agreements', kind: 'number' },
          ...shareColumns,
        ],
        rows: report.groups.map((g) => ({
          group: g.label,
          agreements: g.agreements,
          ...Object.fromEntries(
            g.counts.map((c) => [
              c.code,
              { text: `${(c.share * 100).toFixed(1)}% (${c.agreements})`, value: c.share, level: c.share },
            ]),
          ),
        })),
      },
    },
    {
      id: 'counts',
      title: 'Counts',
      description: 'One row per group and code.',
      table: {
        columns: [
          { key: 'group', label: capitalised },
          { key: 'key', label: 'Key', kind: 'code' },
          { key: 'code', label: 'Code', kind: 'code' },
          { key: 'with', label: 'Agreements with the code', kind: 'number' },
          { key: 'agreements', label: 'Agreements', kind: 'number' },
          { key: 'share', label: 'Share', kind: 'percent' },
        ],
        rows: report.groups.flatMap((g) =>
          g.counts.map((c) => ({
            group: g.label,
            key: g.key,
            code: c.code,
            with: c.agreements,
            agreements: g.agreements,
            share: c.share,
          })),
        ),
      },
    },
  );
  return {
    kind: `trends-${report.groupBy.toLowerCase().replace('_', '-')}`,
    title: `Trends by ${by}, ${range}`,
    subtitle: `${report.agreements} agreements signed ${range}, ${report.groups.length} groups`,
    generatedAt: options.generatedAt,
    parameters: {
      'Group by': capitalised,
      From: report.from === null ? 'first signature' : String(report.from),
      To: report.to === null ? 'last signature' : String(report.to),
      Codes: report.codes.join(', '),
      'Annotations counted': report.includeProposed ? 'ACCEPTED and PROPOSED' : 'ACCEPTED only',
    },
    notes: report.notes,
    sections,
  };
}
