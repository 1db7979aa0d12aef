import { heatmapSvg } from '../../reports/render/svg-heatmap';
import { lineChartSvg, lineHasGaps } from '../../reports/render/svg-line-chart';
import { LineChart } from '../../reports/render/report-document';
import { markup, raw } from '../html';
import { label } from '../labels';
import { trendsEmptyText, trendsGroupLabel } from '../../reports/trends/trends-language';
import { TrendGroupBy } from '../../reports/trends/trends.types';
import { chartedCodes, FEW_AGREEMENTS, fewAgreements } from '../../reports/trends/trends-chart';
import { downloads, layout } from '../layout';
import {
  select,
  textField,
  checkboxes,
  codeOptions,
  includeProposedBox,
  reportFileLabel,
  shareText,
  NARROW_CHART,
} from '../views/common';
import { WebContext } from '../web-context';
import { TAXONOMY_CODES, TREND_GROUPS } from '../web-enums';

interface TrendsData {
  trends: {
    agreements: number;
    from: number | null;
    to: number | null;
    catalogueFirstYear: number | null;
    catalogueLastYear: number | null;
    codes: string[];
    notes: string[];
    files: { format: string; url: string }[];
    groups: {
      key: string;
      label: string;
      agreements: number;
      /** proposed: agreements with the code in proposals only (awaiting review; counted in `agreements` only with includeProposed). */
      counts: { code: string; agreements: number; share: number; proposed: number }[];
    }[];
  };
}

const TRENDS_QUERY = `query WebTrends($groupBy: TrendGroupBy!, $codes: [TaxonomyCodeId!], $from: Int, $to: Int, $includeProposed: Boolean!, $language: ReportLanguage!) {
  trends(groupBy: $groupBy, codes: $codes, from: $from, to: $to, includeProposed: $includeProposed, language: $language) {
    agreements from to catalogueFirstYear catalogueLastYear codes notes files { format url }
    groups { key label agreements counts { code agreements share proposed } }
  }
}`;

/** What the trends page takes. */
export const TRENDS_PARAMETERS: readonly string[] = ['groupBy', 'codes', 'from', 'to', 'includeProposed'];

/** GET /trends?groupBy=YEAR&codes=...&from=&to=: line charts by year, a heatmap otherwise, the table and the files. */
export async function trendsPage(ctx: WebContext): Promise<string> {
  const { t } = ctx;
  const groupBy = ctx.enumParam('groupBy', TREND_GROUPS, 'YEAR');
  const codes = ctx.enumList('codes', TAXONOMY_CODES);
  const { from, to } = ctx.years();
  const includeProposed = ctx.flag('includeProposed');
  const [names, { trends }] = await Promise.all([
    ctx.codeNames(),
    ctx.query<TrendsData>(TRENDS_QUERY, {
      groupBy,
      codes: codes.length ? codes : undefined,
      from,
      to,
      includeProposed,
      // The notes and the files in the page's language.
      language: ctx.lang.toUpperCase(),
    }),
  ]);
  const empty = trendsEmptyText(ctx.lang, trends);
  /** A code as the charts and the table show it: its name in the page language (the code is the table's title). */
  const nameOf = (code: string) => names.get(code) ?? code;
  /** A group as the heatmap and the table show it: named as in the notes and the files (trendsGroupLabel). */
  const groupName = (g: TrendsData['trends']['groups'][number]) =>
    trendsGroupLabel(ctx.lang, groupBy as TrendGroupBy, g);
  const share = (g: TrendsData['trends']['groups'][number], code: string) =>
    g.counts.find((c) => c.code === code)?.share ?? 0;
  // By year, the lines a reader can follow: the codes chosen, else the most frequent (every code stays in the table).
  const charted = chartedCodes(trends.codes, trends.groups, codes.length > 0);
  const countOf = (g: TrendsData['trends']['groups'][number], code: string) =>
    g.counts.find((c) => c.code === code)?.agreements ?? 0;
  const lineChart: LineChart = {
    kind: 'line',
    language: ctx.lang,
    xLabel: t('common.year'),
    yLabel: t('trends.chart'),
    yFormat: 'percent',
    yMin: 0,
    yMax: 1,
    // A year with no agreement has no share: the lines break there, and the caption says so.
    xStep: 1,
    description: t('chart.lines', {
      value: t('trends.chart'),
      category: t('common.year').toLocaleLowerCase(ctx.lang),
      count: charted.length,
    }),
    series: charted.map((code) => ({
      name: nameOf(code),
      points: trends.groups.map((g) => ({
        x: Number(g.key),
        y: share(g, code),
        weak: fewAgreements(g.agreements),
        detail: t('trends.pointOf', { count: countOf(g, code), total: g.agreements }),
      })),
    })),
  };
  // A year of few agreements has shares that jump (0, 50, 100%): its points are hollow, the caption says why.
  const weakYears = groupBy === 'YEAR' && trends.groups.some((g) => fewAgreements(g.agreements));
  const gaps = groupBy === 'YEAR' && lineHasGaps(lineChart);
  const chart =
    trends.groups.length === 0
      ? ''
      : groupBy === 'YEAR'
        ? // Drawn twice: for a page, and for a phone, where the page's chart shrinks its text to 6 px; CSS shows one.
          markup`<div class="chart-wide">
              ${raw(lineChartSvg(lineChart, 'trends-line', t('trends.chart')))}
            </div>
            <div class="chart-narrow">
              ${raw(lineChartSvg(lineChart, 'trends-line-narrow', t('trends.chart'), { width: NARROW_CHART }))}
            </div>`
        : raw(
            heatmapSvg(
              {
                kind: 'heatmap',
                language: ctx.lang,
                rows: trends.groups.map(groupName),
                columns: trends.codes.map(nameOf),
                values: trends.groups.map((g) => trends.codes.map((code) => share(g, code))),
                legend: {
                  label: t('trends.chart'),
                  min: 0,
                  max: 1,
                  format: 'percent',
                  noDataLabel: t('chart.noData'),
                  pendingLabel: t('flows.pending'),
                },
                description: t('chart.heatmap', {
                  value: t('trends.chart'),
                  category: label(ctx.lang, groupBy),
                }),
              },
              'trends-heatmap',
              t('trends.chart'),
            ),
          );
  const body = markup`<h1>${t('trends.title')}</h1>
    <form method="get" action="${ctx.href('/trends')}">${ctx.langField()}
      <div class="filters">
        ${select(
          't-group',
          'groupBy',
          t('trends.groupBy'),
          TREND_GROUPS.map((g): [string, string] => [g, label(ctx.lang, g)]),
          groupBy,
        )}
        ${textField('t-from', 'from', t('common.from'), from, 'inputmode="numeric"')}
        ${textField('t-to', 'to', t('common.to'), to, 'inputmode="numeric"')}
      </div>
      ${checkboxes(t('common.codes'), 'codes', codeOptions(names, TAXONOMY_CODES), codes)}
      ${includeProposedBox(ctx, includeProposed)}
      <p><button type="submit">${t('common.apply')}</button></p>
    </form>
    <p role="status">${t('agreements.count', { count: trends.agreements })}${
      // A range that counts none says so beside the catalogue's years, as the files do (trendsEmptyText).
      empty ? ` · ${empty}` : ''
    }</p>
    <figure class="chart-wrap"${groupBy === 'YEAR' ? '' : raw(' tabindex="0"')}>
      ${
        // The chart's title as text a reader sees (the SVG's <title> is for assistive technology and tooltips).
        chart
          ? markup`<figcaption>
            <strong class="chart-title">${t('trends.chart')}</strong>
            ${
              groupBy === 'YEAR' && (charted.length < trends.codes.length || weakYears || gaps)
                ? markup`<span class="hint">
                    ${charted.length < trends.codes.length ? t('trends.chartTop', { shown: charted.length, total: trends.codes.length }) : ''}
                    ${weakYears ? t('trends.fewAgreements', { count: FEW_AGREEMENTS }) : ''}
                    ${gaps ? t('trends.gaps') : ''}
                  </span>`
                : ''
            }
          </figcaption>`
          : ''
      }
      ${chart}
    </figure>
    ${
      // No table of headers only: the sentence above says the range is empty.
      empty
        ? ''
        : markup`<div class="table-wrap" tabindex="0" role="region" aria-label="${t('trends.table')}">
      <table>
        <caption>
          ${t('trends.table')}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t('trends.group')}</th>
            <th scope="col" class="num">${t('trends.agreements')}</th>
            ${trends.codes.map((c) => markup`<th scope="col" class="num" title="${c}" data-code="${c}">${nameOf(c)}</th>`)}
          </tr>
        </thead>
        <tbody>
          ${trends.groups.map(
            (g) =>
              markup`<tr>
                <th scope="row">${groupName(g)}</th>
                <td class="num">${g.agreements}</td>
                ${trends.codes.map((code) => {
                  const count = g.counts.find((c) => c.code === code);
                  // Proposals awaiting review are no absence: said beside the count when they are not counted in it.
                  const waiting =
                    count && !includeProposed && count.proposed
                      ? ` ${t('trends.pending', { count: count.proposed })}`
                      : '';
                  return markup`<td class="num">
                    ${count ? `${count.agreements} (${shareText(ctx, count.share)})${waiting}` : '0'}
                  </td>`;
                })}
              </tr>`,
          )}
        </tbody>
      </table>
    </div>`
    }
    ${
      trends.notes.length
        ? markup`<ul class="hint">
            ${trends.notes.map((n) => markup`<li>${n}</li>`)}
          </ul>`
        : ''
    }
    ${downloads(
      ctx,
      trends.files.map((f) => ({ label: reportFileLabel(f.format), href: f.url })),
    )}`;
  return layout(ctx, { title: t('trends.title'), section: 'trends', body });
}
