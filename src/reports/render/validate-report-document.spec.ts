import { ReportDocument } from './report-document';
import { sampleReportDocument } from './sample-report-document';
import { assertValidReportDocument } from './validate-report-document';

describe('assertValidReportDocument', () => {
  it('accepts the sample document', () => {
    expect(() => assertValidReportDocument(sampleReportDocument())).not.toThrow();
  });

  it('takes a date parameter only for a parameter it has, as a day', () => {
    const document = { ...sampleReportDocument(), parameters: { Date: '5 déc. 2026' } };
    expect(() =>
      assertValidReportDocument({ ...document, parameterDates: { Date: '2026-12-05' } }),
    ).not.toThrow();
    expect(() =>
      assertValidReportDocument({ ...document, parameterDates: { Du: '2026-12-05', Date: '5 déc.' } }),
    ).toThrow(
      'Invalid report document: parameterDates "Du" is no parameter; parameterDates "Date" is not a day YYYY-MM-DD',
    );
  });

  it('lists every problem at once', () => {
    const document: ReportDocument = {
      kind: 'k',
      title: ' ',
      generatedAt: 'yesterday',
      parameters: {},
      notes: [],
      sections: [
        {
          id: 'a',
          title: 'A',
          table: {
            columns: [
              { key: 'x', label: 'X' },
              { key: 'x', label: 'X again' },
            ],
            rowHeaderKey: 'y',
            rows: [{ x: { text: 't', level: 2 } }, { x: Number.NaN }],
          },
        },
        {
          id: 'a',
          title: 'B',
          chart: {
            kind: 'heatmap',
            rows: ['r'],
            columns: ['c1', 'c2'],
            values: [[1]],
            legend: { label: 'v' },
          },
        },
      ],
    };
    expect(() => assertValidReportDocument(document)).toThrow(
      'Invalid report document: title is empty; generatedAt is not an ISO date; section "a": duplicate column key "x"; ' +
        'section "a": rowHeaderKey "y" is not a column; section "a": row 0 "x" level out of 0..1; ' +
        'section "a": row 1 "x" is not finite; section "a": duplicate id; section "a": heatmap values do not match columns',
    );
  });
});
