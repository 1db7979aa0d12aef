import { CellValue, Column, ReportDocument, Section } from '../render/report-document';
import { formatChartPercent, formatPercent } from '../render/cell-format';
import { DocumentOptions } from '../common/document-helpers';
import { codeName, isPending } from '../common/evidence';
import { Language } from '../../common/i18n';
import { codeNameIn, reportTranslator, ReportTranslate, say } from '../common/report-texts';
import { TrendCount, TrendGroupBy, TrendsResult } from './trends.types';
import { lineHasGaps } from '../render/svg-line-chart';
import { trendsEmptyText, trendsNamed, trendsRangeText } from './trends-language';

/** Groups drawn in a heatmap; the tables hold them all. */
const HEATMAP_GROUPS = 40;

/**
 * A share with what it rests on: "25.0% (3 accepted)", "25.0% (3 accepted + 2 proposed)", or, when only proposals
 * exist and they are not counted, "2 proposed, awaiting review" in the pending style (never a bare 0%).
 */
function shareCell(c: TrendCount, includeProposed: boolean, t: ReportTranslate, lang: Language): CellValue {
  if (isPending(c, includeProposed))
    return { text: t('trends.share.pending', { count: c.proposed }), value: c.share, pending: true };
  const share = formatPercent(c.share, undefined, lang);
  return {
    text: c.proposed
      ? t('trends.share.both', { share, accepted: c.accepted, proposed: c.proposed })
      : t('trends.share.accepted', { share, accepted: c.accepted }),
    // The share counted, a number in every row, so that CSV, XLSX and JSON hold one type in the column (a
    // spreadsheet sums it); the proposals are counted in a column of their own (`proposedColumns`).
    value: c.share,
    level: c.share,
  };
}

function heatmapLabel(c: TrendCount, includeProposed: boolean, lang: Language): string {
  const share = formatChartPercent(c.share, lang);
  if (isPending(c, includeProposed)) return `(+${c.proposed})`;
  return !includeProposed && c.proposed ? `${share} +${c.proposed}` : share;
}

/** Every year from the report's first to its last (none when it counts no agreement). */
const everyYear = (report: TrendsResult): number[] =>
  report.from === null || report.to === null
    ? []
    : Array.from({ length: report.to - report.from + 1 }, (_, i) => report.from! + i);

/** The trends report as a document: charts of the shares, a wide table and a long one. */
export function trendsDocument(computed: TrendsResult, options: DocumentOptions): ReportDocument {
  const lang = options.language ?? 'en';
  // The groups named in the language in the tables, the charts and the notes alike.
  const report = trendsNamed(lang, computed);
  const t = reportTranslator(lang);
  const described = (description: () => string) => (lang === 'en' ? {} : { description: description() });
  const name = (code: TrendsResult['codes'][number]) => codeNameIn(lang, code, codeName(code));
  const by = t(`trends.by.${report.groupBy}`);
  const p = report.includeProposed;
  const range = trendsRangeText(lang, report);
  // A range that counts none says so, with the catalogue's years, rather than "0 agreements signed 2021–null".
  const empty = trendsEmptyText(lang, report);
  const capitalised = t(`trends.groupLabel.${report.groupBy}`);
  const sections: Section[] = [];
  const countOf = (g: TrendsResult['groups'][number], code: string) => g.counts.find((c) => c.code === code)!;
  if (report.groupBy === TrendGroupBy.YEAR) {
    const gaps = lineHasGaps({
      xStep: 1,
      series: [{ name: '', points: report.groups.map((g) => ({ x: Number(g.key), y: 0 })) }],
    });
    const shareChart = (
      id: string,
      title: string,
      sheetName: string,
      description: string,
      y: (c: TrendCount) => number,
      withProposed: boolean,
    ): Section => ({
      id,
      title,
      sheetName,
      // A year with no agreement has no share: the line breaks there (`xStep`), and the note says why.
      description: gaps ? `${description} ${t('trends.line.gaps')}` : description,
      chart: {
        kind: 'line',
        xStep: 1,
        valueColumns: report.codes.map((code) =>
          t(withProposed ? 'trends.col.shareOfProposed' : 'trends.col.shareOf', { clause: name(code) }),
        ),
        ...described(() => t('trends.line.chartDescription', { count: report.codes.length })),
        xLabel: t('trends.groupLabel.YEAR'),
        yLabel: t('trends.yLabel'),
        yFormat: 'percent',
        yMax: 1,
        series: report.codes.map((code) => ({
          name: name(code),
          points: report.groups.map((g) => ({ x: Number(g.key), y: y(countOf(g, code)) })),
        })),
      },
    });
    sections.push(
      shareChart(
        'shares',
        t('trends.shares.title'),
        t('trends.shares.sheet'),
        t('trends.shares.description'),
        (c) => c.acceptedShare,
        false,
      ),
      shareChart(
        'shares-with-proposed',
        t('trends.sharesProposed.title'),
        t('trends.sharesProposed.sheet'),
        t('trends.sharesProposed.description'),
        (c) => c.shareWithProposed,
        true,
      ),
      {
        id: 'volume',
        title: t('trends.volume.title'),
        chart: {
          kind: 'line',
          ...described(() => t('trends.volume.chartDescription', { count: everyYear(report).length })),
          xLabel: t('trends.groupLabel.YEAR'),
          yLabel: t('trends.volume.yLabel'),
          series: [
            {
              name: t('trends.volume.series'),
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
      title: t('trends.heatmap.title'),
      description: [
        more ? t('trends.heatmap.largest', { shown: shown.length, total: report.groups.length }) : '',
        t(p ? 'trends.heatmap.proposed' : 'trends.heatmap.accepted'),
      ]
        .filter(Boolean)
        .join(' '),
      chart: {
        kind: 'heatmap',
        ...described(() => t('trends.heatmap.chartDescription', { count: shown.length })),
        rowLabel: capitalised,
        rows: shown.map((g) => g.label),
        rowCounts: { label: t('trends.col.agreements'), values: shown.map((g) => g.agreements) },
        columns: report.codes.map(name),
        valueColumns: report.codes.map((code) =>
          t(p ? 'trends.col.shareOfProposed' : 'trends.col.shareOf', { clause: name(code) }),
        ),
        values: shown.map((g) => g.counts.map((c) => c.share)),
        cellLabels: shown.map((g) => g.counts.map((c) => heatmapLabel(c, p, lang))),
        pending: shown.map((g) => g.counts.map((c) => isPending(c, p))),
        legend: {
          label: t(p ? 'trends.heatmap.legendProposed' : 'trends.heatmap.legendAccepted'),
          format: 'percent',
          min: 0,
          max: 1,
          pendingLabel: t('trends.heatmap.pending'),
          ...(lang === 'en' ? {} : { noDataLabel: t('trends.heatmap.noData') }),
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
  // The header says the column holds a share, and of what: it sat beside counts under the clause's bare name.
  const shareColumns: Column[] = report.codes.map((code) => ({
    key: code,
    label: t(p ? 'trends.col.shareOfProposed' : 'trends.col.shareOf', { clause: name(code) }),
    kind: 'percent',
  }));
  // Per clause, the agreements with proposed evidence only, for programs: the share cells say it to a reader.
  const proposedColumns: Column[] = report.codes.map((code) => ({
    key: `${code}:proposed`,
    label: t('trends.col.proposedOf', { clause: name(code) }),
    kind: 'number',
    dataOnly: true,
  }));
  sections.push(
    {
      id: 'groups',
      title: t('trends.groups.title', { by }),
      description: t(p ? 'trends.groups.proposed' : 'trends.groups.accepted'),
      table: {
        columns: [
          groupColumn,
          { key: 'agreements', label: t('trends.col.agreements'), kind: 'number' },
          ...shareColumns,
          // Last, so that the columns before it keep their places.
          { key: 'partialRecords', label: t('trends.col.partial'), kind: 'number' },
          ...proposedColumns,
          // The group as every language's file gives it (the label is the language's), for files joined across them.
          { key: 'key', label: t('trends.col.key'), kind: byYear ? 'year' : 'code', dataOnly: true },
        ],
        rows: report.groups.map((g) => ({
          group: groupCell(g),
          key: keyCell(g),
          agreements: g.agreements,
          partialRecords: g.partialRecords,
          ...Object.fromEntries(g.counts.map((c) => [c.code, shareCell(c, p, t, lang)])),
          ...Object.fromEntries(g.counts.map((c) => [`${c.code}:proposed`, c.proposed])),
        })),
      },
    },
    {
      id: 'counts',
      title: t('trends.counts.title'),
      description: t('trends.counts.description'),
      table: {
        columns: [
          groupColumn,
          { key: 'key', label: t('trends.col.key'), kind: byYear ? 'year' : 'code' },
          { key: 'name', label: t('trends.col.clause') },
          { key: 'code', label: t('trends.col.code'), kind: 'code' },
          { key: 'accepted', label: t('trends.col.accepted'), kind: 'number' },
          { key: 'proposed', label: t('trends.col.proposed'), kind: 'number' },
          { key: 'agreements', label: t('trends.col.agreements'), kind: 'number' },
          { key: 'acceptedShare', label: t('trends.col.acceptedShare'), kind: 'percent' },
          { key: 'shareWithProposed', label: t('trends.col.shareWithProposed'), kind: 'percent' },
          { key: 'partialRecords', label: t('trends.col.partial'), kind: 'number' },
        ],
        rows: report.groups.flatMap((g) =>
          g.counts.map((c) => ({
            group: groupCell(g),
            key: keyCell(g),
            name: name(c.code),
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
    ...(lang === 'en' ? {} : { language: lang }),
    title: t('trends.title', { by, range }),
    subtitle:
      empty ?? t('trends.subtitle', { count: report.agreements, range, groups: report.groups.length }),
    generatedAt: options.generatedAt,
    parameters: {
      [t('trends.param.groupBy')]: capitalised,
      [t('trends.param.from')]: report.from === null ? t('trends.param.firstSignature') : String(report.from),
      [t('trends.param.to')]: report.to === null ? t('trends.param.lastSignature') : String(report.to),
      [t('trends.param.clauses')]: report.codes.map(name).join(', '),
      [t('trends.param.counted')]: t(p ? 'trends.counted.proposed' : 'trends.counted.accepted'),
    },
    notes: report.noteTexts.map((n) => say(lang, n)),
    sections,
  };
}
