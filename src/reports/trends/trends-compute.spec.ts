import { TaxonomyCodeId as C } from '../../taxonomy/taxonomy-code.enum';
import { agreement } from '../../../test/support/coherence-test-data';
import { REPORT_FORMATS } from '../render/report-document';
import { renderReport } from '../render/render-report';
import { computeTrends } from './trends-compute';
import { trendsDocument } from './trends-document';
import { TrendGroupBy } from './trends-result';

describe('computeTrends', () => {
  const a = agreement('a', { dateSigned: '2005-01-01' });
  const b = agreement('b', { dateSigned: '2005-06-01' });
  const c = agreement('c', { dateSigned: '2010-06-01' });
  const codesOf = new Map([
    [a.id, new Set([C.CULTURAL_EXEMPTION, C.ECOMMERCE_PROVISION])],
    [c.id, new Set([C.CULTURAL_EXEMPTION])],
  ]);
  const base = {
    from: null,
    to: null,
    codes: [C.CULTURAL_EXEMPTION, C.ECOMMERCE_PROVISION],
    includeProposed: false,
    agreements: [a, b, c],
    codesOf,
  };

  it('counts agreements with each code per year, and the share', () => {
    const report = computeTrends({ ...base, groupBy: TrendGroupBy.YEAR, keysOf: new Map() });
    expect(report).toMatchObject({ from: 2005, to: 2010, agreements: 3 });
    expect(report.groups.map((g) => [g.key, g.agreements, g.counts.map((x) => x.agreements)])).toEqual([
      ['2005', 2, [1, 1]],
      ['2010', 1, [1, 0]],
    ]);
    expect(report.groups[0].counts[0].share).toBe(0.5);
  });

  it('puts an agreement in every group it belongs to, largest group first, unknown keys together', () => {
    const keysOf = new Map([
      [
        a.id,
        [
          { key: 'Europe', label: 'Europe' },
          { key: 'Asia', label: 'Asia' },
        ],
      ],
      [b.id, [{ key: 'Europe', label: 'Europe' }]],
    ]);
    const report = computeTrends({ ...base, groupBy: TrendGroupBy.REGION, keysOf });
    expect(report.groups.map((g) => [g.label, g.agreements])).toEqual([
      ['Europe', 2],
      ['Asia', 1],
      ['Unknown region', 1],
    ]);
    expect(report.notes.some((n) => n.includes('every group'))).toBe(true);
  });

  it.each(REPORT_FORMATS)('renders YEAR and PARTY groupings as %s', async (format) => {
    for (const groupBy of [TrendGroupBy.YEAR, TrendGroupBy.PARTY]) {
      const report = computeTrends({ ...base, groupBy, keysOf: new Map() });
      const file = await renderReport(
        trendsDocument(report, { linkBase: '', generatedAt: '2026-01-01T00:00:00Z' }),
        format,
      );
      expect(file.body.length).toBeGreaterThan(200);
    }
  });
});
