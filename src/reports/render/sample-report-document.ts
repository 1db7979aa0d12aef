import { ReportDocument } from './report-document';

/**
 * A small document that exercises every feature of the model (all column kinds, links, severities, shading,
 * the three chart kinds, a chart-only section, hostile text). Used by the renderer tests and the browser test;
 * the facts in it are made up.
 */
export function sampleReportDocument(): ReportDocument {
  const codes = ['CULTURAL_EXEMPTION', 'AUDIOVISUAL_EXCLUSION', 'CONVENTION_REF_EXPLICIT'];
  return {
    kind: 'coherence',
    title: 'Coherence of <script>alert("x")</script> & co',
    subtitle: 'Country: Exampleland | all agreements',
    generatedAt: '2026-11-29T05:10:31.000Z',
    parameters: { country: 'Exampleland', years: '2005–2025', 'codes "selected"': codes.join(', ') },
    notes: ['Counts ACCEPTED annotations only', 'Shares are fractions of all provisions <b>coded</b>'],
    sections: [
      {
        id: 'findings',
        title: 'Findings',
        description: 'What looks inconsistent across the agreements of the country.\nSecond line.',
        table: {
          columns: [
            { key: 'severity', label: 'Severity' },
            { key: 'finding', label: 'Finding' },
            { key: 'agreement', label: 'Agreement', kind: 'code' },
            { key: 'provisions', label: 'Provisions', kind: 'number' },
            { key: 'signed', label: 'Signed', kind: 'date' },
          ],
          rowHeaderKey: 'finding',
          rows: [
            {
              severity: { text: 'HIGH', severity: 'HIGH' },
              finding: {
                text: 'Audiovisual excluded | but not in e-commerce',
                href: '/graphql?pinpoint=A1&art=7',
              },
              agreement: 'EX-01',
              provisions: 3,
              signed: '2019-05-01',
            },
            {
              severity: { text: 'LOW', severity: 'LOW' },
              finding: 'Convention named in preamble only\n(declaratory)',
              agreement: '=HYPERLINK("x")',
              provisions: { text: '12 (2 pending)', value: 12 },
              signed: '2021-02-03T10:00:00Z',
            },
            {
              severity: { text: 'INFO', severity: 'INFO' },
              finding: { text: 'Unsafe link dropped', href: 'javascript:alert(1)' },
              agreement: null,
              provisions: 1234.5,
              signed: null,
            },
          ],
        },
      },
      {
        id: 'scores',
        title: 'Scores by code: a rather long title that exceeds thirty-one characters',
        table: {
          columns: [
            { key: 'code', label: 'Code', kind: 'code' },
            { key: 'share', label: 'Share', kind: 'percent' },
            { key: 'agreements', label: 'Agreements', kind: 'number' },
            { key: 'source', label: 'Source' },
          ],
          rows: [
            {
              code: codes[0],
              share: 0.125,
              agreements: { text: '4', value: 4, level: 0.8 },
              source: { text: 'WTO', href: 'https://example.org/rta?id=1' },
            },
            { code: codes[1], share: 0.5, agreements: { text: '1', value: 1, level: 0.2 }, source: null },
          ],
        },
      },
      {
        id: 'matrix',
        title: 'Scores by code: a rather long title that exceeds thirty-one characters',
        chart: {
          kind: 'heatmap',
          rows: ['EX-01 Exampleland–Otherland', 'EX-02 <Trilateral>'],
          columns: codes,
          values: [
            [1, 0, null],
            [3, 2, 5],
          ],
          legend: { label: 'Provisions' },
        },
      },
      {
        id: 'trends',
        title: 'Trends',
        description: 'Share of provisions by code and year.',
        chart: {
          kind: 'line',
          xLabel: 'Year',
          yLabel: 'Share of provisions',
          yFormat: 'percent',
          series: [
            {
              name: codes[0],
              points: [
                { x: 2005, y: 0.1 },
                { x: 2010, y: 0.2 },
                { x: 2015, y: 0.15 },
              ],
            },
            {
              name: 'Series with "quotes" & <tags>',
              points: [
                { x: 2005, y: 0.05 },
                { x: 2015, y: 0.3 },
              ],
            },
          ],
        },
        table: {
          columns: [
            { key: 'year', label: 'Year', kind: 'text' },
            { key: 'share', label: 'Share', kind: 'percent', decimals: 0 },
          ],
          rows: [
            { year: '2005', share: 0.1 },
            { year: '2010', share: 0.2 },
          ],
        },
      },
      {
        id: 'flows',
        title: 'Preferential treatment flows',
        chart: {
          kind: 'bar',
          categoryLabel: 'Flows',
          valueLabel: 'Provisions',
          categories: ['Exampleland → Smallisland', 'Exampleland → Farland'],
          series: [
            { name: 'ARTIST_MOBILITY', values: [2, 1] },
            { name: 'CO_PRODUCTION', values: [1, null] },
          ],
        },
      },
    ],
  };
}

/**
 * A one-table document with the typed cells: booleans, lists (of codes, and of linked pinpoints, one link
 * unsafe), whole-number years, and empty lists. Used by the typed-cell tests of every renderer.
 */
export function typedCellsDocument(): ReportDocument {
  return {
    kind: 'flows',
    title: 'Typed cells',
    generatedAt: '2026-11-29T05:10:31.000Z',
    parameters: {},
    notes: [],
    sections: [
      {
        id: 'flows',
        title: 'Flows',
        table: {
          columns: [
            { key: 'year', label: 'Year', kind: 'year' },
            { key: 'grantors', label: 'Grantors', kind: 'code' },
            { key: 'provisions', label: 'Provisions' },
            { key: 'accepted', label: 'Accepted evidence', kind: 'number' },
            { key: 'mutual', label: 'Mutual' },
          ],
          rows: [
            {
              year: 2015,
              grantors: ['EUN', 'CAN'],
              provisions: [
                { text: 'epa/art-4', href: 'http://localhost:3000/provisions/epa/art-4' },
                { text: 'epa/art-5', href: 'http://localhost:3000/provisions/epa/art-5' },
                { text: 'epa/art-9', href: 'javascript:alert(1)' },
              ],
              accepted: 2,
              mutual: false,
            },
            {
              year: 2009,
              grantors: [],
              provisions: [{ text: 'south/art-6', href: 'http://localhost:3000/provisions/south/art-6' }],
              accepted: 1234,
              mutual: true,
            },
            { year: null, grantors: ['=CMD'], provisions: ['plain', 'text'], accepted: 0, mutual: null },
          ],
        },
      },
    ],
  };
}
