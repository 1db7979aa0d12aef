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
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  md: 'text/markdown; charset=utf-8',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/**
 * Renders a validated report document. XLSX and ZIP give a Buffer, every other format a string. CSV is one
 * table per file: the section `options.sectionId` names, the only table of a one-table report, else a ZIP of
 * one CSV per table (extension "zip"). The document is checked here; the file is written on a worker thread
 * (`render-pool.ts`), so that a workbook of thousands of rows never holds the event loop.
 */
export async function renderReport(
  document: ReportDocument,
  format: ReportFormat,
  options: RenderOptions = {},
): Promise<RenderedReport> {
  assertValidReportDocument(document);
  if (!REPORT_FORMATS.includes(format)) throw new Error(`Unknown report format "${String(format)}"`);
  return renderPool().render(document, format, options);
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
    case 'csv': {
      const csvOptions = { bom: options.csvBom };
      if (options.sectionId !== undefined)
        return done(renderSectionCsv(document, options.sectionId, csvOptions));
      const tables = csvSections(document);
      if (tables.length === 1) return done(renderSectionCsv(document, tables[0].section.id, csvOptions));
      return { body: renderCsvZip(document, csvOptions), contentType: ZIP_CONTENT_TYPE, extension: 'zip' };
    }
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
  const parts = [
    slug(document.kind) || 'report',
    ...terms.map(slug),
    sectionId ? slug(sectionId) : '',
    document.generatedAt.slice(0, 10),
  ];
  return `${parts.filter(Boolean).join('-')}.${extension}`;
}
