import { CellValue, Column, ReportDocument, Section } from '../render/report-document';
import { formatPercent } from '../render/cell-format';
import { DocumentOptions } from '../common/document-helpers';
import { codeName, countedParameter, isPending } from '../common/evidence';
import { TrendCount, TrendGroupBy, TrendsResult } from './trends.types';

const GROUP_NAMES: Record<TrendGroupBy, string> = {
  [TrendGroupBy.YEAR]: 'year of signature',
  [TrendGroupBy.REGION]: 'region',
  [TrendGroupBy.AGREEMENT_TYPE]: 'agreement type',
  [TrendGroupBy.PARTY]: 'party',
};

/** Groups drawn in a heatmap; the tables hold them all. */
const HEATMAP_GROUPS = 40;

/**
 * A share with what it rests on: "25.0% (3 accepted)", "25.0% (3 accepted + 2 proposed)", or, when only proposals
 * exist and they are not counted, "2 proposed, awaiting review" in the pending style (never a bare 0%).
 */
function shareCell(c: TrendCount, includeProposed: boolean): CellValue {
  if (isPending(c, includeProposed))
    return { text: `${c.proposed} proposed, awaiting review`, pending: true };
  const basis = c.proposed ? `${c.accepted} accepted + ${c.proposed} proposed` : `${c.accepted} accepted`;
  return {
    text: `${formatPercent(c.share)} (${basis})`,
    // A pure number only when nothing else is behind it, so that CSV and XLSX never drop the proposals.
    ...(c.proposed ? {} : { value: c.share }),
    level: c.share,
  };
}

function heatmapLabel(c: TrendCount, includeProposed: boolean): string {
  const share = `${Math.round(c.share * 100)}%`;
  if (isPending(c, includeProposed)) return `(+${c.proposed})`;
  return !includeProposed && c.proposed ? `${share} +${c.proposed}` : share;
}

/** Every year from the report's first to its last (none when it counts no agreement). */
const everyYear = (report: TrendsResult): number[] =>
  report.from === null || report.to === null
    ? []
    : Array.from({ length: report.to - report.from + 1 }, (_, i) => report.from! + i);

/** The trends report as a document: charts of the shares, a wide table and a long one. */
export function trendsDocument(report: TrendsResult, options: DocumentOptions): ReportDocument {
  const by = GROUP_NAMES[report.groupBy];
  const p = report.includeProposed;
  const range = report.from !== null ? `${report.from}–${report.to}` : 'no agreement';
  const capitalised = by[0].toUpperCase() + by.slice(1);
  const sections: Section[] = [];
  const countOf = (g: TrendsResult['groups'][number], code: string) => g.counts.find((c) => c.code === code)!;
  if (report.groupBy === TrendGroupBy.YEAR) {
    const shareChart = (
      id: string,
      title: string,
      description: string,
      y: (c: TrendCount) => number,
    ): Section => ({
      id,
      title,
      description,
      chart: {
        kind: 'line',
        xLabel: 'Year of signature',
        yLabel: 'Share of agreements',
        yFormat: 'percent',
        yMax: 1,
        series: report.codes.map((code) => ({
          name: codeName(code),
          points: report.groups.map((g) => ({ x: Number(g.key), y: y(countOf(g, code)) })),
        })),
      },
    });
    sections.push(
      shareChart(
        'shares',
        'Share of agreements with accepted evidence of each clause',
        'Share of the agreements signed each year that have at least one provision whose annotation a reviewer accepted.',
        (c) => c.acceptedShare,
      ),
      shareChart(
        'shares-with-proposed',
        'Share of agreements with accepted or proposed evidence of each clause',
        'The same share counting also the proposed annotations (by the annotation rules or an annotator) that nobody has reviewed yet: the gap between the two charts is what awaits review.',
        (c) => c.shareWithProposed,
      ),
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
              // Every year of the range: a year in which none was signed is a 0, not a line drawn across it.
              points: everyYear(report).map((x) => ({
                x,
                y: report.groups.find((g) => Number(g.key) === x)?.agreements ?? 0,
              })),
            },
          ],
        },
      },
    );
  } else {
    const shown = report.groups.slice(0, HEATMAP_GROUPS);
    const more = report.groups.length > shown.length;
    sections.push({
      id: 'shares',
      title: 'Share of agreements with each clause',
      description: [
        more
          ? `The ${shown.length} largest of ${report.groups.length} groups; the tables list them all.`
          : '',
        p
          ? 'Shares count accepted and proposed evidence.'
          : 'Shares count accepted evidence; "+n": n more agreements have proposed evidence only, awaiting review; hatched cells in brackets have proposed evidence only.',
      ]
        .filter(Boolean)
        .join(' '),
      chart: {
        kind: 'heatmap',
        rowLabel: 'Group (agreements)',
        rows: shown.map((g) => `${g.label} (${g.agreements})`),
        columns: report.codes.map(codeName),
        values: shown.map((g) => g.counts.map((c) => c.share)),
        cellLabels: shown.map((g) => g.counts.map((c) => heatmapLabel(c, p))),
        pending: shown.map((g) => g.counts.map((c) => isPending(c, p))),
        legend: {
          label: p ? 'Share of agreements (accepted or proposed)' : 'Share of agreements (accepted evidence)',
          format: 'percent',
          min: 0,
          max: 1,
          pendingLabel: 'proposed only, awaiting review',
        },
      },
    });
  }
  // Grouped by year, a group is its year (a number); the group of undated agreements keeps its label.
  const byYear = report.groupBy === TrendGroupBy.YEAR;
  const groupCell = (g: TrendsResult['groups'][number]): CellValue =>
    byYear && /^\d{4}$/.test(g.key) ? Number(g.key) : g.label;
  const keyCell = (g: TrendsResult['groups'][number]): CellValue =>
    byYear && /^\d{4}$/.test(g.key) ? Number(g.key) : g.key;
  const groupColumn: Column = { key: 'group', label: capitalised, ...(byYear ? { kind: 'year' } : {}) };
  const shareColumns: Column[] = report.codes.map((code) => ({
    key: code,
    label: codeName(code),
    kind: 'percent',
  }));
  sections.push(
    {
      id: 'groups',
      title: `By ${by}`,
      description: p
        ? 'Share of the agreements of each group that have the clause, accepted or proposed, and how many of each.'
        : 'Share of the agreements of each group that have the clause in an accepted annotation, and how many more have it in proposed annotations only (awaiting review).',
      table: {
        columns: [
          groupColumn,
          { key: 'agreements', label: 'Agreements', kind: 'number' },
          ...shareColumns,
          // Last, so that the columns before it keep their places.
          { key: 'partialRecords', label: 'Partial records', kind: 'number' },
        ],
        rows: report.groups.map((g) => ({
          group: groupCell(g),
          agreements: g.agreements,
          partialRecords: g.partialRecords,
          ...Object.fromEntries(g.counts.map((c) => [c.code, shareCell(c, p)])),
        })),
      },
    },
    {
      id: 'counts',
      title: 'Counts',
      description:
        'One row per group and clause: agreements with accepted evidence, agreements with proposed evidence only (awaiting review), and the shares with and without the proposals.',
      table: {
        columns: [
          groupColumn,
          { key: 'key', label: 'Key', kind: byYear ? 'year' : 'code' },
          { key: 'name', label: 'Clause' },
          { key: 'code', label: 'Code', kind: 'code' },
          { key: 'accepted', label: 'Agreements with accepted evidence', kind: 'number' },
          { key: 'proposed', label: 'Agreements with proposed evidence only', kind: 'number' },
          { key: 'agreements', label: 'Agreements', kind: 'number' },
          { key: 'acceptedShare', label: 'Share, accepted', kind: 'percent' },
          { key: 'shareWithProposed', label: 'Share, accepted or proposed', kind: 'percent' },
          { key: 'partialRecords', label: 'Partial records', kind: 'number' },
        ],
        rows: report.groups.flatMap((g) =>
          g.counts.map((c) => ({
            group: groupCell(g),
            key: keyCell(g),
            name: codeName(c.code),
            code: c.code,
            accepted: c.accepted,
            proposed: c.proposed,
            partialRecords: g.partialRecords,
            agreements: g.agreements,
            acceptedShare: c.acceptedShare,
            shareWithProposed: c.shareWithProposed,
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
      Clauses: report.codes.map(codeName).join(', '),
      'Evidence counted': countedParameter(p),
    },
    notes: report.notes,
    sections,
  };
}
