import { downloadDay, downloadFileName } from '../../common/download-name';
import { BadUserInputError } from '../../common/errors';
import { csvSections, renderCsvZip, renderSectionCsv } from './render-csv';
import { renderHtml } from './render-html';
import { renderJson } from './render-json';
import { renderMarkdown } from './render-markdown';
import { renderXlsx } from './render-xlsx';
import { renderPool } from './render-pool';
import { RenderOptions, REPORT_FORMATS, ReportDocument, ReportFormat } from './report-document';
import { assertValidReportDocument } from './validate-report-document';

export interface RenderedReport {
  body: Buffer | string;
  contentType: string;
  extension: string;
}

export const ZIP_CONTENT_TYPE = 'application/zip';

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  zip: ZIP_CONTENT_TYPE,
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/**
 * Renders a validated report document. XLSX and ZIP give a Buffer, every other format a string. A CSV is one
 * table (`csvSectionId`); a ZIP is one CSV per table. The document and the CSV's section are checked here; the
 * file is written on a worker thread (`render-pool.ts`), so that a workbook of thousands of rows never holds the
 * event loop.
 */
export async function renderReport(
  document: ReportDocument,
  format: ReportFormat,
  options: RenderOptions = {},
): Promise<RenderedReport> {
  const sectionId = checkRenderable(document, format, options);
  return renderPool().render(document, format, { ...options, sectionId });
}

/**
 * What `renderReport` checks before writing the file (the document, the format, a CSV's section), and the CSV's
 * section: all that a HEAD request needs to be answered as the GET would be, without the file.
 */
export function checkRenderable(
  document: ReportDocument,
  format: ReportFormat,
  options: RenderOptions = {},
): string | undefined {
  assertValidReportDocument(document);
  if (!REPORT_FORMATS.includes(format)) throw new Error(`Unknown report format "${String(format)}"`);
  return format === 'csv' ? csvSectionId(document, options.sectionId) : undefined;
}

/**
 * The section whose table a CSV holds: the one asked, else the report's only table. A CSV holds one table, so a
 * report of several asks for one by name (BAD_USER_INPUT `section`, naming them and the ZIP that holds them all).
 */
export function csvSectionId(document: ReportDocument, asked: string | undefined): string {
  const tables = csvSections(document).map((t) => t.section.id);
  if (asked !== undefined && !tables.includes(asked))
    throw new BadUserInputError(
      'section',
      `no section "${asked}" with a table; this report has ${tables.join(', ')}`,
    );
  if (asked !== undefined) return asked;
  if (tables.length === 1) return tables[0];
  throw new BadUserInputError(
    'section',
    `a CSV holds one table and this report has ${tables.length} (${tables.join(', ')}): name one, or ask for the ZIP of one CSV per table (zip)`,
    { sections: tables },
  );
}

/** The file written on the calling thread: what the render worker runs (`render-worker.ts`). */
export async function renderReportHere(
  document: ReportDocument,
  format: ReportFormat,
  options: RenderOptions = {},
): Promise<RenderedReport> {
  const done = (body: Buffer | string): RenderedReport => ({
    body,
    contentType: REPORT_CONTENT_TYPES[format],
    extension: format,
  });
  switch (format) {
    case 'csv':
      return done(
        renderSectionCsv(document, csvSectionId(document, options.sectionId), { bom: options.csvBom }),
      );
    case 'zip':
      return done(renderCsvZip(document, { bom: options.csvBom }));
    case 'xlsx':
      return done(await renderXlsx(document, { linkBaseUrl: options.linkBaseUrl }));
    case 'md':
      return done(renderMarkdown(document));
    case 'json':
      return done(renderJson(document));
    case 'html':
      return done(renderHtml(document));
    default:
      throw new Error(`Unknown report format "${String(format)}"`);
  }
}

/** "coherence-can-as-of-2015-01-01-2026-11-29.html": a safe download name for Content-Disposition: the kind, the terms asked (`reportFileTerms`), the section, the day it was made. */
export function reportFileName(
  document: ReportDocument,
  extension: string,
  sectionId?: string,
  terms: readonly string[] = [],
): string {
  const slug = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60);
  return downloadFileName(
    slug(document.kind) || 'report',
    [...terms.map(slug), sectionId ? slug(sectionId) : ''],
    downloadDay(document.generatedAt),
    extension,
  );
}
