import ExcelJS from 'exceljs';

import { renderXlsx } from './render-xlsx';
import { sampleReportDocument } from './sample-report-document';

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe('renderXlsx', () => {
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    workbook = await load(await renderXlsx(sampleReportDocument()));
  });

  it('has an About sheet, then one sheet per table with valid, unique names', () => {
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names).toEqual([
      'About',
      'Findings',
      'scores',
      'matrix',
      'Trends',
      'Preferential treatment flows',
    ]);
    for (const name of names) {
      expect(name.length).toBeLessThanOrEqual(31);
      expect(name).not.toMatch(/[*?:\\/[\]]/);
    }
  });

  it('writes the title, parameters, notes and sheet list on the About sheet', () => {
    const about = workbook.getWorksheet('About')!;
    const rows = about.getSheetValues().map((row) => (Array.isArray(row) ? row.slice(1) : []));
    expect(about.getCell('A1').value).toBe('Coherence of <script>alert("x")</script> & co');
    expect(about.getCell('A1').font?.bold).toBe(true);
    expect(rows).toContainEqual(['Generated', new Date('2026-11-29T05:10:31Z')]);
    expect(rows).toContainEqual(['country', 'Exampleland']);
    expect(rows).toContainEqual(['Counts ACCEPTED annotations only']);
    expect(rows.map((row) => row[0])).toContain(
      'matrix (Scores by code: a rather long title that exceeds thirty-one characters)',
    );
    expect(rows).toContainEqual([
      'Findings',
      'What looks inconsistent across the agreements of the country.\nSecond line.',
    ]);
  });

  it('writes a date parameter (as of) as a date cell', async () => {
    const document = sampleReportDocument();
    document.parameters = { ...document.parameters, asOf: '2026-12-03' };
    const about = (await load(await renderXlsx(document))).getWorksheet('About')!;
    const row = about
      .getSheetValues()
      .find((r) => Array.isArray(r) && r[1] === 'asOf') as ExcelJS.CellValue[];
    expect(row[2]).toEqual(new Date('2026-12-03T00:00:00Z'));
  });

  it('makes the header row bold and frozen', () => {
    const sheet = workbook.getWorksheet('Findings')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Severity',
      'Finding',
      'Agreement',
      'Provisions',
      'Signed',
    ]);
    expect(sheet.getCell('A1').font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('writes numbers as numbers, dates as dates and links as hyperlinks', () => {
    const sheet = workbook.getWorksheet('Findings')!;
    expect(sheet.getCell('A2').value).toBe('HIGH');
    expect(sheet.getCell('B2').value).toEqual({
      text: 'Audiovisual excluded | but not in e-commerce',
      hyperlink: '/graphql?pinpoint=A1&art=7',
    });
    expect(sheet.getCell('B2').type).toBe(ExcelJS.ValueType.Hyperlink);
    expect(sheet.getCell('C3').value).toBe('=HYPERLINK("x")');
    expect(sheet.getCell('C3').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('D2').value).toBe(3);
    expect(sheet.getCell('D3').value).toBe(12);
    expect(sheet.getCell('D4').value).toBe(1234.5);
    expect(sheet.getCell('E2').value).toEqual(new Date('2019-05-01T00:00:00Z'));
    expect(sheet.getCell('E2').numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getCell('E3').value).toEqual(new Date('2021-02-03T10:00:00Z'));
    expect(sheet.getCell('E4').value).toBeNull();
    expect(sheet.getCell('B4').value).toBe('Unsafe link dropped');
  });

  it('gives percentages a % number format and shades cells with a level', () => {
    const sheet = workbook.getWorksheet('scores')!;
    expect(sheet.getCell('B2').value).toBe(0.125);
    expect(sheet.getCell('B2').numFmt).toBe('0.0%');
    expect(sheet.getCell('C2').value).toBe(4);
    expect(sheet.getCell('C2').fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(sheet.getCell('D2').value).toEqual({ text: 'WTO', hyperlink: 'https://example.org/rta?id=1' });
    const trends = workbook.getWorksheet('Trends')!;
    expect(trends.getCell('B2').numFmt).toBe('0%');
  });

  it('writes the data of chart-only sections', () => {
    const sheet = workbook.getWorksheet('Preferential treatment flows')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Flows', 'ARTIST_MOBILITY', 'CO_PRODUCTION']);
    expect(sheet.getRow(3).values).toEqual([undefined, 'Exampleland → Farland', 1]);
  });

  it("shows a code column's word in a linked cell too, as in a plain one", async () => {
    // The coherence report's agreements table keeps codes (MET) in its rows and words in its column's labels: a cell
    // that cites a provision was written as its code, "MET", beside "satisfait" in the cells without a link.
    const document = sampleReportDocument();
    document.sections = [
      {
        id: 'agreements',
        title: 'Agreements',
        table: {
          columns: [{ key: 'status', label: 'Statut', kind: 'code', labels: { MET: 'satisfait' } }],
          rows: [{ status: { text: 'MET', href: '/provisions/ceta/art-7' } }, { status: 'MET' }],
        },
      },
    ];
    const sheet = (await load(await renderXlsx(document))).getWorksheet('Agreements')!;
    expect(sheet.getCell('A2').value).toEqual({ text: 'satisfait', hyperlink: '/provisions/ceta/art-7' });
    expect(sheet.getCell('A3').value).toBe('satisfait');
  });

  it('resolves relative links against linkBaseUrl', async () => {
    const resolved = await load(
      await renderXlsx(sampleReportDocument(), { linkBaseUrl: 'https://tracker.example/' }),
    );
    expect(resolved.getWorksheet('Findings')!.getCell('B2').value).toEqual({
      text: 'Audiovisual excluded | but not in e-commerce',
      hyperlink: 'https://tracker.example/graphql?pinpoint=A1&art=7',
    });
  });
});
