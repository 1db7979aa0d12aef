import { barChartSvg } from './svg-bar-chart';
import { BarChart, HeatmapChart, LineChart } from './report-document';
import { niceMax, niceTicks, tickLabel } from './svg-common';
import { renderChartSvg } from './svg-charts';
import { lineChartSvg, lineHasGaps, lineRuns } from './svg-line-chart';

const count = (svg: string, pattern: RegExp) => (svg.match(pattern) ?? []).length;

describe('niceTicks', () => {
  it('gives round ticks covering the range', () => {
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0, 0.3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(0, 0.07)).toEqual([0, 0.02, 0.04, 0.06, 0.08]);
    expect(niceTicks(2005, 2015, 10, true)).toEqual([
      2005, 2006, 2007, 2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015,
    ]);
    expect(niceTicks(0, 2, 5, true)).toEqual([0, 1, 2]);
    expect(niceTicks(0, 12, 5, true)).toEqual([0, 5, 10, 15]);
    expect(niceTicks(3, 3)).toEqual([3, 3.2, 3.4, 3.6, 3.8, 4]);
  });

  it('rounds maxima up and labels ticks with the decimals the step needs', () => {
    expect(niceMax(0.27)).toBeCloseTo(0.3);
    expect(niceMax(7)).toBe(8);
    expect(niceMax(0)).toBe(1);
    expect(tickLabel(0.25, 0.05, 'percent')).toBe('25%');
    expect(tickLabel(0.025, 0.005, 'percent')).toBe('2.5%');
    expect(tickLabel(1500, 500, 'number')).toBe('1,500');
  });
});

describe('renderChartSvg', () => {
  const line: LineChart = {
    kind: 'line',
    xLabel: 'Region',
    yLabel: 'Provisions',
    series: [
      {
        name: 'A',
        points: [
          { x: 'Africa', y: 3 },
          { x: 'Asia', y: 5 },
        ],
      },
      {
        name: 'B',
        points: [
          { x: 'Asia', y: 1 },
          { x: 'Europe', y: 2 },
        ],
      },
      { name: 'C', points: [] },
    ],
  };

  it('draws a line chart: axes, ticks, one polyline per series, legend, title and aria-label', () => {
    const svg = renderChartSvg(line, 'c1', 'Provisions by region');
    expect(svg).toMatch(
      /^<svg id="c1" class="chart chart-line" role="img"[^>]* aria-label="Provisions by region"/,
    );
    expect(svg).toContain('<title id="c1-title">Provisions by region</title>');
    expect(svg).toContain(
      '<desc id="c1-desc">Line chart of Provisions by Region from Africa to Europe; 3 series: A, B, C.</desc>',
    );
    expect(count(svg, /<polyline /g)).toBe(3);
    expect(svg).toContain('>Africa</text>');
    expect(svg).toContain('>Europe</text>');
    expect(count(svg, /<g class="axis/g)).toBe(2);
    expect(count(svg, /<g class="legend">/g)).toBe(1);
    // Integer data: whole-number ticks only.
    expect(svg).not.toMatch(/>\d+\.\d<\/text>/);
    expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  });

  it('lays a line chart out for a phone: its own width, the y title across the top, at most 5 year labels, the legend across', () => {
    const years: LineChart = {
      kind: 'line',
      xLabel: 'Year',
      yLabel: 'Share of agreements with each code',
      yFormat: 'percent',
      yMin: 0,
      yMax: 1,
      series: [
        {
          name: 'Implicit reference to cultural diversity',
          points: Array.from({ length: 30 }, (_, i) => ({ x: 1990 + i, y: (i % 3) / 2 })),
        },
      ],
    };
    const wide = lineChartSvg(years, 'w', 'Shares');
    const phone = lineChartSvg(years, 'p', 'Shares', { width: 360 });
    expect(wide).toMatch(/viewBox="0 0 760 /);
    expect(phone).toMatch(/viewBox="0 0 360 /);
    expect(wide).toMatch(/transform="rotate\(-90 /);
    expect(phone).not.toContain('rotate(');
    expect(phone).toMatch(/<text x="4" y="14" font-weight="600">Share of agreements with each code<\/text>/);
    const yearLabels = (svg: string) => [...svg.matchAll(/>(\d{4})<\/text>/g)].map((m) => m[1]);
    expect(yearLabels(wide).length).toBeGreaterThan(5);
    expect(yearLabels(phone).length).toBeLessThanOrEqual(5);
    // The legend's name whole: it spans the phone's width, not the plot's.
    expect(phone).toContain('>Implicit reference to cultural diversity</text>');
  });

  it('draws a weak point hollow, its detail in the tooltip', () => {
    const svg = lineChartSvg(
      {
        kind: 'line',
        xLabel: 'Year',
        yLabel: 'Share',
        yFormat: 'percent',
        series: [
          {
            name: 'A',
            points: [
              { x: 2000, y: 1, weak: true, detail: '1 of 1 agreement' },
              { x: 2001, y: 0.25, detail: '2 of 8 agreements' },
            ],
          },
        ],
      },
      'c',
      'Shares',
    );
    expect(count(svg, /class="weak"/g)).toBe(1);
    expect(svg).toMatch(/fill="#fff"[^>]*class="weak"><title>A, 2000: 100% \(1 of 1 agreement\)<\/title>/);
    expect(svg).toContain('<title>A, 2001: 25% (2 of 8 agreements)</title>');
  });

  it('uses the chart title over the section title', () => {
    expect(renderChartSvg({ ...line, title: 'Own <title>' }, 'c', 'Section')).toContain(
      'aria-label="Own &lt;title&gt;"',
    );
  });

  it('draws a heatmap: one rect per cell, the value in each, labels and legend', () => {
    const heatmap: HeatmapChart = {
      kind: 'heatmap',
      rows: ['Agreement 1', 'Agreement 2'],
      columns: ['CODE_A', 'CODE_B', 'CODE_C'],
      values: [
        [0.1, 0.5, null],
        [1, 0, 0.25],
      ],
      cellLabels: [
        [null, 'half', null],
        [null, null, null],
      ],
      legend: { label: 'Share', format: 'percent' },
    };
    const svg = renderChartSvg(heatmap, 'h', 'Matrix');
    expect(count(svg, /<g class="cell"><rect /g)).toBe(6);
    for (const text of ['10%', 'half', '–', '100%', '0%', '25%']) expect(svg).toContain(`>${text}</text>`);
    expect(svg).toContain('fill="url(#h-nodata)"');
    expect(svg).toContain('<title>Agreement 1 × CODE_C: no data</title>');
    expect(svg).toContain('>CODE_B<title>CODE_B</title></text>');
    expect(svg).toContain('Heatmap of Share: 2 rows by 3 columns, shaded from 0% (light) to 100% (dark).');
  });

  it('never labels a share that is neither none nor all as 0% or 100% (Asia: 1 cultural exemption in 239)', () => {
    const heatmap: HeatmapChart = {
      kind: 'heatmap',
      rows: ['Asia'],
      columns: ['CULTURAL_EXEMPTION', 'ECOMMERCE_PROVISION', 'AUDIOVISUAL_EXCLUSION', 'NONE', 'ALL'],
      values: [[1 / 239, 238 / 239, 11 / 239, 0, 1]],
      legend: { label: 'Share', format: 'percent' },
    };
    const svg = renderChartSvg(heatmap, 'h', 'Matrix');
    for (const text of ['0.4%', '99.6%', '5%', '0%', '100%']) expect(svg).toContain(`>${text}</text>`);
    expect(svg).toContain('<title>Asia × CULTURAL_EXEMPTION: 0.4%</title>');
    expect(svg).toContain('<title>Asia × ECOMMERCE_PROVISION: 99.6%</title>');
    expect(renderChartSvg({ ...heatmap, values: [[1 / 30000, 0, 0, 0, 0]] }, 'h', 'Matrix')).toContain(
      '>0.003%</text>',
    );
    const french = renderChartSvg({ ...heatmap, language: 'fr' }, 'h', 'Matrice');
    expect(french).toContain('>0,4\u00a0%</text>');
  });

  it('draws grouped and stacked bar charts', () => {
    const bar: BarChart = {
      kind: 'bar',
      categoryLabel: 'Flows',
      valueLabel: 'Provisions',
      categories: ['EU → CARIFORUM', 'EU → Korea'],
      series: [
        { name: 'ARTIST_MOBILITY', values: [3, 1] },
        { name: 'CO_PRODUCTION', values: [2, null] },
      ],
    };
    const grouped = renderChartSvg(bar, 'b', 'Flows');
    expect(count(grouped, /<rect class="bar"/g)).toBe(3);
    expect(grouped).toContain('<title>EU → CARIFORUM, CO_PRODUCTION: 2</title>');
    expect(grouped).toContain('fill="#e69f00"');
    const stacked = renderChartSvg({ ...bar, stacked: true }, 'b', 'Flows');
    expect(count(stacked, /<rect class="bar"/g)).toBe(3);
    expect(stacked).toContain('font-weight="600">5</text>');
  });

  it("lays a bar chart out for a phone's width, labels, bars and legend inside it", () => {
    const bar: BarChart = {
      kind: 'bar',
      categoryLabel: 'Paragraph',
      valueLabel: 'Agreements',
      categories: ['§19.4 Cultural goods and services keep their specificity in e-commerce', '§19.5 Refer'],
      series: [
        { name: 'meet it', values: [3, 1] },
        { name: 'not assessed', values: [8, 4] },
        { name: 'do not meet it', values: [1, 0] },
      ],
      stacked: true,
    };
    expect(barChartSvg(bar, 'b', 'Scores')).toContain('viewBox="0 0 760 ');
    const svg = barChartSvg(bar, 'b', 'Scores', { width: 360 });
    expect(svg).toContain('viewBox="0 0 360 ');
    const rights = [...svg.matchAll(/<rect [^>]*x="([\d.]+)"[^>]*width="([\d.]+)"/g)].map(
      (m) => +m[1] + +m[2],
    );
    expect(Math.max(...rights)).toBeLessThanOrEqual(360);
    // The category labels end at the plot, right-aligned, and are cut to fit 40 % of the width.
    expect(svg).toContain('§19.5 Refer');
    expect(svg).toMatch(/>§19\.4 Cultural goods…</);
  });

  it('puts a no-break space before the colon of each tooltip in French, as the rest of a French page does', () => {
    const bar: BarChart = {
      kind: 'bar',
      categoryLabel: 'Flux',
      valueLabel: 'Accords',
      categories: ['§19.5'],
      series: [{ name: 'Satisfont', values: [1] }],
      language: 'fr',
    };
    expect(renderChartSvg(bar, 'b', 'Scores')).toContain('<title>§19.5, Satisfont\u00a0: 1</title>');
    expect(renderChartSvg({ ...bar, language: 'en' }, 'b', 'Scores')).toContain(
      '<title>§19.5, Satisfont: 1</title>',
    );
    const frenchLine = renderChartSvg({ ...line, language: 'fr' }, 'l', 'Tendances');
    expect(frenchLine).toContain('A, Africa\u00a0: 3');
    const heat: HeatmapChart = {
      kind: 'heatmap',
      rows: ['Asie'],
      columns: ['Exemption'],
      values: [[0.5]],
      legend: { label: 'Part', format: 'percent' },
      language: 'fr',
    };
    expect(renderChartSvg(heat, 'h', 'Carte')).toMatch(/<title>Asie × Exemption\u00a0: /);
    for (const svg of [renderChartSvg(bar, 'b', 'Scores'), frenchLine, renderChartSvg(heat, 'h', 'Carte')])
      expect(svg).not.toMatch(/<title>[^<]*[^\u00a0]: [^<]*<\/title>/);
  });

  it('survives empty charts', () => {
    const empty = [
      renderChartSvg({ kind: 'line', xLabel: 'x', yLabel: 'y', series: [] }, 'e1', 'Empty'),
      renderChartSvg(
        { kind: 'heatmap', rows: [], columns: [], values: [], legend: { label: 'v' } },
        'e2',
        'Empty',
      ),
      renderChartSvg(
        { kind: 'bar', categoryLabel: 'c', valueLabel: 'v', categories: [], series: [] },
        'e3',
        'Empty',
      ),
    ];
    for (const svg of empty) {
      expect(svg).toMatch(/^<svg [\s\S]*<\/svg>$/);
      expect(svg).not.toMatch(/NaN|undefined|Infinity/);
    }
  });
});

describe('bar chart stripes', () => {
  const chart = (pending: boolean): BarChart => ({
    kind: 'bar',
    categoryLabel: 'Pair',
    valueLabel: 'flows',
    categories: ['EUN → JAM', 'EUN → CRI'],
    series: [
      { name: 'artist mobility', values: [1, 0] },
      { name: 'co-production', values: [1, 0] },
      { name: 'market access', values: [1, 0] },
      { name: 'technical assistance', values: [1, 1] },
      ...(pending ? [{ name: 'awaiting review', values: [0, 1], pending: true }] : []),
    ],
    stacked: true,
  });
  const fills = (svg: string) =>
    [...svg.matchAll(/<rect class="bar"[^>]* fill="([^"]+)"[^>]*><title>[^,]*, ([^:]+):/g)].map(
      ([, fill, series]) => ({ series, striped: fill.startsWith('url(') }),
    );

  it('draws accepted series in plain colours: stripes mean awaiting review, and only a pending series has them', () => {
    const accepted = renderChartSvg(chart(false), 'flows-bars', 'Flows');
    expect(accepted).not.toContain('<pattern');
    expect(fills(accepted).filter((f) => f.striped)).toEqual([]);
    const withPending = renderChartSvg(chart(true), 'flows-bars', 'Flows');
    expect([
      ...new Set(
        fills(withPending)
          .filter((f) => f.striped)
          .map((f) => f.series),
      ),
    ]).toEqual(['awaiting review']);
    // The legend shows the same look as the bars.
    expect(withPending).toMatch(/<g class="legend">(?:(?!<\/g>).)*fill="url\(#flows-bars-pending\)"/);
  });
});

describe('a line measured each year (xStep)', () => {
  const chart = (xStep?: number): LineChart => ({
    kind: 'line',
    xLabel: 'Year',
    yLabel: 'Share',
    yFormat: 'percent',
    ...(xStep ? { xStep } : {}),
    series: [{ name: 'A', points: [1992, 1996, 1997, 2000].map((x) => ({ x, y: 0.5 })) }],
  });
  const count = (svg: string, re: RegExp) => (svg.match(re) ?? []).length;

  it('breaks at the years with no point, and draws a lone point as a marker', () => {
    expect(lineRuns(chart(1).series[0].points, 1).map((r) => r.map((p) => p.x))).toEqual([
      [1992],
      [1996, 1997],
      [2000],
    ]);
    const svg = lineChartSvg(chart(1), 'gaps', 'Gaps');
    // One line, 1996–1997: none from 1992 to 1996 nor from 1997 to 2000.
    expect(count(svg, /<polyline /g)).toBe(1);
    expect(lineHasGaps(chart(1))).toBe(true);
  });

  it('joins every point without a step, as before', () => {
    expect(count(lineChartSvg(chart(), 'joined', 'Joined'), /<polyline /g)).toBe(1);
    expect(lineHasGaps(chart())).toBe(false);
    expect(lineRuns(chart().series[0].points)).toHaveLength(1);
  });
});
