import ExcelJS from 'exceljs';

import { closeRenderPool } from './render-pool';
import { renderReport, reportFileName } from './render-report';
import { csvSections } from './render-csv';
import { REPORT_FORMATS } from './report-document';
import { sampleReportDocument } from './sample-report-document';

// The render workers this file started stop with it: an idle worker thread left to the process's exit held
// jest's worker past its grace period ("A worker process has failed to exit gracefully").
afterAll(() => closeRenderPool());

describe('renderReport', () => {
  it.each([
    ['zip', 'application/zip', 'buffer'],
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'buffer'],
    ['md', 'text/markdown; charset=utf-8', 'string'],
    ['json', 'application/json; charset=utf-8', 'string'],
    ['html', 'text/html; charset=utf-8', 'string'],
  ] as const)('renders %s as %s', async (format, contentType, bodyType) => {
    const rendered = await renderReport(sampleReportDocument(), format);
    expect(rendered.contentType).toBe(contentType);
    expect(rendered.extension).toBe(format);
    expect(Buffer.isBuffer(rendered.body)).toBe(bodyType === 'buffer');
    expect(rendered.body.length).toBeGreaterThan(100);
  });

  it('covers every format', () => {
    expect(REPORT_FORMATS).toEqual(['csv', 'zip', 'xlsx', 'md', 'json', 'html']);
  });

  it('refuses a CSV of a report of several tables without a section, naming them (it answered a ZIP)', async () => {
    const document = sampleReportDocument();
    const tables = csvSections(document).map((t) => t.section.id);
    expect(tables.length).toBeGreaterThan(1);
    await expect(renderReport(document, 'csv')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { argument: 'section', sections: tables },
    });
    const one = await renderReport(document, 'csv', { sectionId: tables[1], csvBom: false });
    expect(one.contentType).toBe('text/csv; charset=utf-8');
  });

  it('renders the only table of a one-table report as one CSV', async () => {
    const document = sampleReportDocument();
    const rendered = await renderReport({ ...document, sections: [document.sections[3]] }, 'csv', {
      csvBom: false,
    });
    expect(rendered).toEqual({
      body: 'Year,Share (%)\r\n2005,10\r\n2010,20\r\n',
      contentType: 'text/csv; charset=utf-8',
      extension: 'csv',
    });
  });

  it('renders one section as CSV when asked, without BOM if asked', async () => {
    const rendered = await renderReport(sampleReportDocument(), 'csv', {
      sectionId: 'trends',
      csvBom: false,
    });
    expect(rendered.body).toBe('Year,Share (%)\r\n2005,10\r\n2010,20\r\n');
  });

  it('passes linkBaseUrl to XLSX', async () => {
    const rendered = await renderReport(sampleReportDocument(), 'xlsx', {
      linkBaseUrl: 'https://t.example/app/',
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(rendered.body as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Findings')!.getCell('B2').hyperlink).toBe(
      'https://t.example/graphql?pinpoint=A1&art=7',
    );
  });

  it('refuses invalid documents and unknown formats', async () => {
    await expect(renderReport({ ...sampleReportDocument(), generatedAt: 'now' }, 'json')).rejects.toThrow(
      'generatedAt is not an ISO date',
    );
    await expect(renderReport(sampleReportDocument(), 'pdf' as never)).rejects.toThrow(
      'Unknown report format "pdf"',
    );
  });
});

describe('reportFileName', () => {
  it('builds a safe name from kind, section and date', () => {
    expect(reportFileName(sampleReportDocument(), 'html')).toBe('coherence-2026-11-29.html');
    expect(reportFileName({ ...sampleReportDocument(), kind: '../Trends Report' }, 'csv', 'By Year')).toBe(
      'trends-report-by-year-2026-11-29.csv',
    );
  });
});
