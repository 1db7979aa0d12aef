import { parse } from 'csv-parse/sync';

import { strFromU8, unzipSync } from 'fflate';
import { csvSections, neutraliseFormula, renderCsvZip, renderSectionCsv } from './render-csv';
import { sampleReportDocument } from './sample-report-document';
import { formulasInSemicolonLocale } from '../../../test/support/download-readers';

describe('renderSectionCsv', () => {
  const csv = renderSectionCsv(sampleReportDocument(), 'findings', { bom: false });
  const records: string[][] = parse(csv);

  it('writes a header with a link column after each linked column, then one row per record', () => {
    expect(records[0]).toEqual([
      'Severity',
      'Finding',
      'Finding (link)',
      'Agreement',
      'Provisions',
      'Signed',
    ]);
    expect(records).toHaveLength(4);
    expect(records[1]).toEqual([
      'HIGH',
      'Audiovisual excluded | but not in e-commerce',
      '/graphql?pinpoint=A1&art=7',
      'EX-01',
      '3',
      '2019-05-01',
    ]);
  });

  it("names the link column in the document's language", () => {
    const header = (language: 'fr' | 'es') =>
      (
        parse(
          renderSectionCsv({ ...sampleReportDocument(), language }, 'findings', { bom: false }),
        ) as string[][]
      )[0];
    expect(header('fr')[2]).toBe('Finding (lien)');
    expect(header('es')[2]).toBe('Finding (enlace)');
    const zipped = unzipSync(renderCsvZip({ ...sampleReportDocument(), language: 'fr' }, { bom: false }));
    expect(strFromU8(zipped['findings.csv'])).toContain('Finding (lien)');
  });

  it('keeps numbers raw, line breaks quoted, and neutralises formulas and unsafe links', () => {
    expect(records[2][1]).toBe('Convention named in preamble only\n(declaratory)');
    expect(records[2][3]).toBe('\'=HYPERLINK("x")');
    expect(records[2][4]).toBe('12');
    expect(records[3][2]).toBe('');
    expect(records[3][4]).toBe('1234.5');
    expect(csv).toContain('\r\n');
  });

  it('writes percentages as the pages show them, in percent rounded as shown, the header saying so, and chart-only sections as their data', () => {
    // truth12: shares were fractions with 16 decimals (0.3333333333333333) under a header that did not say so, beside
    // pages showing "33.3%".
    const scores: string[][] = parse(renderSectionCsv(sampleReportDocument(), 'scores', { bom: false }));
    expect(scores[1].slice(0, 3)).toEqual(['CULTURAL_EXEMPTION', '12.5', '4']);
    const percentColumns = sampleReportDocument()
      .sections.find((s) => s.id === 'scores')!
      .table!.columns.map((c, i) => [c, i] as const)
      .filter(([c]) => c.kind === 'percent');
    expect(percentColumns.length).toBeGreaterThan(0);
    for (const [c, i] of percentColumns) expect(scores[0][i]).toBe(`${c.label} (%)`);
    const third = {
      ...sampleReportDocument(),
      sections: [
        {
          id: 'third',
          title: 'Third',
          table: {
            columns: [{ key: 'share', label: 'Share', kind: 'percent' as const }],
            rows: [{ share: 1 / 3 }, { share: 2 / 3 }, { share: 1 }],
          },
        },
      ],
    };
    expect(parse(renderSectionCsv(third, 'third', { bom: false }))).toEqual([
      ['Share (%)'],
      ['33.3'],
      ['66.7'],
      ['100'],
    ]);
    const flows: string[][] = parse(renderSectionCsv(sampleReportDocument(), 'flows', { bom: false }));
    expect(flows).toEqual([
      ['Flows', 'ARTIST_MOBILITY', 'CO_PRODUCTION'],
      ['Exampleland → Smallisland', '2', '1'],
      ['Exampleland → Farland', '1', ''],
    ]);
  });

  it('writes a column that holds a text as text in every row, never a fraction beside percentages', () => {
    // truth8: the trends' groups.csv gave 0.0109 (a share with no proposals) beside "1.8% (5 accepted + 5 proposed)".
    const document = sampleReportDocument();
    const table = {
      columns: [
        { key: 'group', label: 'Group' },
        { key: 'share', label: 'Share' },
        { key: 'agreements', label: 'Agreements', kind: 'number' as const },
      ],
      rows: [
        {
          group: 'Europe',
          share: { text: '1.1% (3 accepted)', value: 3 / 274, level: 3 / 274 },
          agreements: 274,
        },
        { group: 'Asia', share: { text: '2.1% (5 accepted + 5 proposed)', level: 5 / 239 }, agreements: 239 },
        { group: 'Africa', share: null, agreements: 49 },
      ],
    };
    const withTable = { ...document, sections: [{ id: 'groups', title: 'Groups', table }] };
    const written: string[][] = parse(renderSectionCsv(withTable, 'groups', { bom: false }));
    expect(written.slice(1)).toEqual([
      ['Europe', '1.1% (3 accepted)', '274'],
      ['Asia', '2.1% (5 accepted + 5 proposed)', '239'],
      ['Africa', '', '49'],
    ]);
  });

  it('starts with a byte order mark by default and rejects unknown sections', () => {
    expect(renderSectionCsv(sampleReportDocument(), 'findings').startsWith('\uFEFFSeverity,')).toBe(true);
    expect(() => renderSectionCsv(sampleReportDocument(), 'nope')).toThrow('Unknown report section "nope"');
  });
});

describe('renderCsvZip', () => {
  it('writes one CSV per table, named by section id, each one table with one header row', () => {
    const document = sampleReportDocument();
    const entries = unzipSync(renderCsvZip(document, { bom: false }));
    expect(Object.keys(entries)).toEqual([
      'about.csv',
      ...csvSections(document).map((t) => `${t.section.id}.csv`),
    ]);
    for (const { section, table } of csvSections(document)) {
      const rows = parse(strFromU8(entries[`${section.id}.csv`]), {
        relax_column_count: false,
      }) as string[][];
      expect(rows[0].length).toBeGreaterThanOrEqual(table.columns.length);
      expect(rows).toHaveLength(table.rows.length + 1);
    }
    expect(parse(strFromU8(entries['trends.csv']))).toEqual([
      ['Year', 'Share (%)'],
      ['2005', '10'],
      ['2010', '20'],
    ]);
  });

  it('carries the title, the parameters and the notes in about.csv, as the other whole-report files do', () => {
    // The notes are what the tables are true under (statuses not re-checked, partners left out for want of a
    // date, dates that are an agreement's first): a ZIP of the tables alone stated them without their caveats.
    const document = sampleReportDocument();
    const about = parse(strFromU8(unzipSync(renderCsvZip(document, { bom: false }))['about.csv']), {
      relax_column_count: false,
    }) as string[][];
    expect(about[0]).toEqual(['Item', 'Text']);
    expect(about).toContainEqual(['Report', document.title]);
    // Each row says what it is: the subtitle was a second 'Report'.
    expect(about).toContainEqual(['Subject', document.subtitle]);
    expect(about).toContainEqual(['Generated', document.generatedAt]);
    for (const [name, value] of Object.entries(document.parameters))
      expect(about).toContainEqual([`Parameters: ${name}`, value]);
    // A date parameter written in the language's words is a day in the file, as in the XLSX's date cells.
    const [dateName] = Object.keys(document.parameters);
    const dated = parse(
      strFromU8(
        unzipSync(
          renderCsvZip(
            {
              ...document,
              language: 'fr',
              parameters: { ...document.parameters, [dateName]: '5 déc. 2026' },
              parameterDates: { [dateName]: '2026-12-05' },
            },
            { bom: false },
          ),
        )['about.csv'],
      ),
    ) as string[][];
    expect(dated.find(([item]) => item.startsWith('Paramètres') && item.endsWith(dateName))?.[1]).toBe(
      '2026-12-05',
    );
    expect(about.filter((row) => row[0] === 'Notes').map((row) => row[1])).toEqual(document.notes);
    const french = parse(
      strFromU8(unzipSync(renderCsvZip({ ...document, language: 'fr' }, { bom: false }))['about.csv']),
    ) as string[][];
    expect(french[0]).toEqual(['Élément', 'Texte']);
    expect(french.filter((row) => row[0] === 'Notes').map((row) => row[1])).toEqual(document.notes);
  });

  it('gives the same bytes for the same document', () => {
    expect(renderCsvZip(sampleReportDocument()).equals(renderCsvZip(sampleReportDocument()))).toBe(true);
  });
});

describe('a CSV opened where the list separator is `;` or tab', () => {
  it('holds no formula in a cell, a header, a link or the about file (Films;=1+1; and Films<tab>=1+1 were ones there)', () => {
    const document = {
      ...sampleReportDocument(),
      title: 'Report;=TITLE()',
      notes: ['A note;@SUM(1)'],
      sections: [
        {
          id: 'cells',
          title: 'Cells',
          table: {
            columns: [
              { key: 'name', label: 'Name;=HEADER()' },
              { key: 'codes', label: 'Codes', kind: 'code' as const },
            ],
            rows: [
              { name: { text: 'Films;=1+1;', href: 'https://example.org/a;=2+2' }, codes: ['CAN', '+cmd'] },
              { name: 'plain', codes: 'x;-y' },
              { name: 'Films\t=1+1\tand a line\r=2+2', codes: [] },
            ],
          },
        },
      ],
    };
    const csv = renderSectionCsv(document, 'cells', { bom: false });
    expect(formulasInSemicolonLocale(csv)).toEqual([]);
    // What a comma reader reads: the text, an apostrophe after each `;` that a formula's character follows.
    expect((parse(csv) as string[][])[1][0]).toBe("Films;'=1+1;");
    const about = strFromU8(unzipSync(renderCsvZip(document, { bom: false }))['about.csv']);
    expect(formulasInSemicolonLocale(about)).toEqual([]);
  });
});

describe('neutraliseFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+cmd', "'+cmd"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['-x', "'-x"],
    ['-3', '-3'],
    ['+4.5', '+4.5'],
    ['plain', 'plain'],
    ['Films;=1+1;', "Films;'=1+1;"],
    ['=a;@b;c', "'=a;'@b;c"],
    ['-3;-4', "'-3;'-4"],
    // A reader that trims spaces (LibreOffice's Trim spaces) reads ' =b' as '=b' (hostile23).
    ['a; =b', "a;' =b"],
    ['a; b', 'a; b'],
    ['Films\n=1+1', "Films\n'=1+1"],
    ['a\r\n@b\r+c\n-3', "a\r\n'@b\r'+c\n'-3"],
    ['x\r\r\r=y', "x\r'\r'\r'=y"],
    ['two\nlines', 'two\nlines'],
    ['a\t=1+1', "a\t'=1+1"],
    ['a;\t=b\t\t-c', "a;'\t'=b\t'\t'-c"],
    ['tab\tinside', 'tab\tinside'],
  ])('%s becomes %s', (input, output) => expect(neutraliseFormula(input)).toBe(output));
});
