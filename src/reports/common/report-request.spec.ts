import { BadUserInputError } from '../../common/errors';
import { TaxonomyCodeId } from '../../taxonomy/taxonomy-code.enum';
import { TrendGroupBy } from '../trends/trends.types';
import { parseFormat, parseReportRequest, reportPath, ReportRequest } from './report-request';

const paramsOf = (path: string) => Object.fromEntries(new URL(path, 'http://x').searchParams);

describe('report requests', () => {
  it.each<ReportRequest>([
    { kind: 'coherence', args: { party: 'CAN', asOf: '2020-01-01', includeProposed: true } },
    {
      kind: 'compare',
      args: { agreements: ['a', 'b'], codes: [TaxonomyCodeId.CULTURAL_EXEMPTION], includeProposed: false },
    },
    {
      kind: 'trends',
      args: { groupBy: TrendGroupBy.REGION, codes: undefined, from: 1990, to: 2020, includeProposed: false },
    },
    {
      kind: 'flows',
      args: { filter: { grantors: ['EUN'], signedFrom: '2000-01-01' }, includeProposed: false },
    },
  ])('round-trips the $kind address', (request) => {
    const path = reportPath(request, 'csv');
    const party = request.kind === 'coherence' ? { party: 'CAN' } : {};
    const parsed = parseReportRequest(request.kind, { ...paramsOf(path), ...party });
    expect(reportPath(parsed, 'csv')).toBe(path);
  });

  it('rejects unknown parameters, values and formats with a message naming them', () => {
    const error = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(BadUserInputError);
        return (e as BadUserInputError).message;
      }
      throw new Error('no error');
    };
    expect(error(() => parseReportRequest('trends', { groupBy: 'DECADE' }))).toContain(
      'unknown value(s) DECADE',
    );
    expect(error(() => parseReportRequest('trends', { from: '19x0' }))).toContain('is not a year');
    expect(error(() => parseReportRequest('compare', { agreement: 'a' }))).toContain(
      'unknown parameter(s) agreement',
    );
    expect(error(() => parseReportRequest('compare', {}))).toContain('agreements: is required');
    expect(
      error(() => parseReportRequest('coherence', { party: 'CAN', includeProposed: 'maybe' })),
    ).toContain('is not true or false');
    expect(error(() => parseFormat('pdf'))).toContain('"pdf" is not a report format');
  });

  it('takes a value repeated alike (or beside a blank) as one, and refuses one repeated with different values', () => {
    expect(
      parseReportRequest('coherence', { party: 'CAN', asOf: ['2020-01-01', '2020-01-01', ''] }).args,
    ).toMatchObject({ asOf: '2020-01-01' });
    expect(() =>
      parseReportRequest('coherence', { party: 'CAN', asOf: ['2020-01-01', '2021-01-01'] }),
    ).toThrow('asOf: was sent 2 times with different values ("2020-01-01", "2021-01-01"); send it once');
    expect(() => parseReportRequest('trends', { groupBy: 'year,region' })).toThrow(
      'groupBy: takes one grouping (got YEAR, REGION)',
    );
    expect(parseReportRequest('trends', { groupBy: ['region', 'REGION'] }).args).toMatchObject({
      groupBy: TrendGroupBy.REGION,
    });
  });

  it('reads lists given comma-separated or repeated', () => {
    const request = parseReportRequest('compare', { agreements: ['a,b', 'c'], codes: 'cultural_exemption' });
    expect(request.args).toMatchObject({ agreements: ['a', 'b', 'c'], codes: ['CULTURAL_EXEMPTION'] });
  });
});
