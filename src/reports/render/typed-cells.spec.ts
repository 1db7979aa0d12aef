import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import MarkdownIt from 'markdown-it';

import { renderSectionCsv } from './render-csv';
import { renderHtml } from './render-html';
import { renderJson } from './render-json';
import { renderMarkdown } from './render-markdown';
import { renderXlsx } from './render-xlsx';
import { CellValue, isRichCell, ReportDocument } from './report-document';
import { typedCellsDocument } from './sample-report-document';
import { assertValidReportDocument } from './validate-report-document';

const link = (path: string) => `http://localhost:3000/provisions/${path}`;

describe('typed cells: booleans, lists and years in every format', () => {
  const document = typedCellsDocument();

  it('does not take a list for a rich cell', () => {
    expect(isRichCell(['EUN'] as CellValue)).toBe(false);
    expect(isRichCell({ text: 'x' })).toBe(true);
  });

  it('keeps them typed in JSON: booleans, arrays with every link, whole-number years', () => {
    const rows = (JSON.parse(renderJson(document)) as ReportDocument).sections[0].table!.rows;
    expect(rows[0]).toEqual({
      year: 2015,
      grantors: ['EUN', 'CAN'],
      provisions: [
        { text: 'epa/art-4', href: link('epa/art-4') },
        { text: 'epa/art-5', href: link('epa/art-5') },
        { text: 'epa/art-9', href: 'javascript:alert(1)' },
      ],
      accepted: 2,
      mutual: false,
    });
    expect(rows[1].mutual).toBe(true);
    expect(rows[1].grantors).toEqual([]);
  });

  it('writes one CSV field per list (";"), its links in the link column in the same order, booleans as true/false', () => {
    const records = parse(renderSectionCsv(document, 'flows', { bom: false })) as string[][];
    expect(records).toEqual([
      ['Year', 'Grantors', 'Provisions', 'Provisions (link)', 'Accepted evidence', 'Mutual'],
      [
        '2015',
        'EUN;CAN',
        'epa/art-4;epa/art-5;epa/art-9',
        `${link('epa/art-4')};${link('epa/art-5')};`,
        '2',
        'false',
      ],
      ['2009', '', 'south/art-6', link('south/art-6'), '1234', 'true'],
      // A list without links leaves its link field empty (not ";").
      ['', "'=CMD", 'plain;text', '', '0', ''],
    ]);
  });

  it('writes booleans as boolean cells, years as numbers, lists as text linked to the first with every link in the note', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await renderXlsx(document)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Flows')!;
    const cells = (r: number) => [1, 2, 3, 4, 5].map((c) => sheet.getRow(r).getCell(c));
    const [year, grantors, provisions, accepted, mutual] = cells(2);
    expect(year.value).toBe(2015);
    expect(year.type).toBe(ExcelJS.ValueType.Number);
    expect(grantors.value).toBe('EUN;CAN');
    expect(provisions.value).toEqual({
      text: 'epa/art-4;epa/art-5;epa/art-9',
      hyperlink: link('epa/art-4'),
    });
    const note = provisions.note as string | { texts: { text: string }[] };
    const noteText = typeof note === 'string' ? note : note.texts.map((t) => t.text).join('');
    expect(noteText).toBe(`epa/art-4: ${link('epa/art-4')}\nepa/art-5: ${link('epa/art-5')}`);
    expect(accepted.value).toBe(2);
    expect(mutual.value).toBe(false);
    expect(mutual.type).toBe(ExcelJS.ValueType.Boolean);
    expect(cells(3).map((c) => c.value)).toEqual([
      2009,
      null,
      { text: 'south/art-6', hyperlink: link('south/art-6') },
      1234,
      true,
    ]);
    expect(cells(3)[2].note).toBeUndefined();
    expect(cells(4)[1].value).toBe('=CMD');
    expect(cells(4)[1].numFmt).toBe('@');
  });

  it('shows every item of a list with its own link in Markdown, and yes/no for booleans', () => {
    const markdown = renderMarkdown(document);
    expect(markdown).toContain(
      `| 2015 | EUN, CAN | [epa/art-4](${link('epa/art-4')}), [epa/art-5](${link('epa/art-5')}), epa/art-9 | 2 | no |`,
    );
    expect(markdown).toContain(`| 2009 |  | [south/art-6](${link('south/art-6')}) | 1,234 | yes |`);
    const tokens = new MarkdownIt('commonmark').enable('table').parse(markdown, {});
    const hrefs = tokens
      .flatMap((t) => t.children ?? [])
      .filter((t) => t.type === 'link_open')
      .map((t) => t.attrGet('href'));
    expect(hrefs).toEqual([link('epa/art-4'), link('epa/art-5'), link('south/art-6')]);
  });

  it('shows every item of a list with its own link in HTML, and yes/no for booleans', () => {
    const html = renderHtml(document);
    expect(html).toContain(
      `<tr><th scope="row">2015</th><td class="code">EUN, CAN</td><td><a href="${link('epa/art-4')}">epa/art-4</a>, <a href="${link('epa/art-5')}">epa/art-5</a>, epa/art-9</td><td class="num">2</td><td>no</td></tr>`,
    );
    expect(html).toContain('<td class="num">1,234</td><td>yes</td>');
    expect(html).not.toContain('javascript:');
  });

  it('refuses list items without text and years that are not whole', () => {
    const bad = typedCellsDocument();
    const rows = bad.sections[0].table!.rows;
    rows[0].provisions = [{ href: '/x' } as unknown as string];
    rows[1].year = 2015.5;
    expect(() => assertValidReportDocument(bad)).toThrow(
      /row 0 "provisions" item 0 has no text.*row 1 "year" is not a whole year/,
    );
  });
});
