import { Injectable } from '@nestjs/common';
import { coherenceDocument } from './coherence/coherence-document';
import { CoherenceReportService } from './coherence/coherence.service';
import { DocumentOptions } from './common/document-helpers';
import { ReportRequest, reportFileTerms, reportPath } from './common/report-request';
import { Language } from '../common/i18n';
import { kindIn } from './common/report-texts';
import { absoluteLink } from './common/report-links';
import { csvSections } from './render/render-csv';
import { comparisonDocument } from './comparison/comparison-document';
import { ComparisonReportService } from './comparison/comparison.service';
import { flowsDocument } from './flows/flows-document';
import { FlowsReportService } from './flows/flows.service';
import {
  checkRenderable,
  csvSectionId,
  renderReport,
  REPORT_CONTENT_TYPES,
  reportFileName,
} from './render/render-report';
import { RenderOptions, ReportDocument, ReportFormat } from './render/report-document';
import { trendsDocument } from './trends/trends-document';
import { TrendsReportService } from './trends/trends.service';

export interface ReportFile {
  document: ReportDocument;
  body: Buffer | string;
  contentType: string;
  fileName: string;
  /** Whether the report was kept from an earlier computation rather than computed for this file. */
  kept: boolean;
}

export interface FileOptions {
  /** Prefix of links in the document ('' keeps them relative: HTML pages the service serves). */
  linkBase: string;
  /** XLSX only: the address relative links resolve against. */
  xlsxLinkBase?: string;
  /** CSV: the section whose table the file holds (needed when the report has several tables). */
  sectionId?: string;
  generatedAt?: string;
  /** The language of the file's texts (default English). */
  language?: Language;
  /** Told, once the report is at hand and before the file's own checks, whether it was kept (`ReportFile.kept`). */
  found?: (kept: boolean) => Promise<void>;
}

/** Computes any report into a document and renders it: the one path for HTTP, the CLI and the tests. */
@Injectable()
export class ReportsService {
  constructor(
    private readonly coherence: CoherenceReportService,
    private readonly comparison: ComparisonReportService,
    private readonly trends: TrendsReportService,
    private readonly flows: FlowsReportService,
  ) {}

  /** The report as a document; every section with a table carries the address of that table as one CSV. */
  async document(request: ReportRequest, options: DocumentOptions): Promise<ReportDocument> {
    return (await this.documentKept(request, options)).document;
  }

  /** The document, and whether its report was kept from an earlier computation (`kept`). */
  private async documentKept(
    request: ReportRequest,
    options: DocumentOptions,
  ): Promise<{ document: ReportDocument; kept: boolean }> {
    const language = options.language ?? 'en';
    const { document, kept } = await this.compute(request, { ...options, language });
    const tables = new Set(csvSections(document).map((t) => t.section.id));
    return {
      kept,
      document: {
        ...document,
        sections: document.sections.map((section) =>
          tables.has(section.id)
            ? {
                ...section,
                csv: absoluteLink(reportPath(request, 'csv', section.id, language), options.linkBase),
              }
            : section,
        ),
      },
    };
  }

  /** The report computed into a document; only the coherence report is kept between requests (`computeKept`). */
  private async compute(
    request: ReportRequest,
    options: DocumentOptions,
  ): Promise<{ document: ReportDocument; kept: boolean }> {
    switch (request.kind) {
      case 'coherence': {
        const { result, kept } = await this.coherence.computeKept(request.args);
        return { document: coherenceDocument(result, options), kept };
      }
      case 'compare':
        return {
          document: comparisonDocument(await this.comparison.compute(request.args), options),
          kept: false,
        };
      case 'trends':
        return { document: trendsDocument(await this.trends.compute(request.args), options), kept: false };
      case 'flows':
        return {
          document: flowsDocument(await this.flows.compute(request.args), request.args.filter ?? {}, options),
          kept: false,
        };
    }
  }

  async file(request: ReportRequest, format: ReportFormat, options: FileOptions): Promise<ReportFile> {
    const head = await this.fileHead(request, format, options);
    const rendered = await renderReport(head.document, format, head.renderOptions);
    return {
      document: head.document,
      body: rendered.body,
      contentType: head.contentType,
      fileName: head.fileName,
      kept: head.kept,
    };
  }

  /**
   * Everything about a file but the file itself (for a HEAD request): the document is computed and checked as for
   * the file, so that the answer's status and headers are the file's, without writing it (an XLSX of the EU's
   * coherence report was written, on the render thread, to be thrown away).
   */
  async fileHead(
    request: ReportRequest,
    format: ReportFormat,
    options: FileOptions,
  ): Promise<Omit<ReportFile, 'body'> & { renderOptions: RenderOptions }> {
    const { document, kept } = await this.documentKept(request, {
      linkBase: options.linkBase,
      generatedAt: options.generatedAt ?? new Date().toISOString(),
      language: options.language,
    });
    await options.found?.(kept);
    const language = document.language ?? 'en';
    // A section named is one the report has, whatever the format; a CSV holds one table (csvSectionId).
    if (options.sectionId !== undefined || format === 'csv') csvSectionId(document, options.sectionId);
    const renderOptions: RenderOptions = {
      sectionId: format === 'csv' ? options.sectionId : undefined,
      linkBaseUrl: options.xlsxLinkBase,
    };
    checkRenderable(document, format, renderOptions);
    return {
      document,
      kept,
      contentType: REPORT_CONTENT_TYPES[format],
      renderOptions,
      fileName: reportFileName(
        // The words of the report and its section in the file's language ("tendances-annee-...", "coherencia-can-...").
        { ...document, kind: kindIn(language, document.kind) },
        format,
        format === 'csv' && options.sectionId !== undefined ? kindIn(language, options.sectionId) : undefined,
        reportFileTerms(request, language),
      ),
    };
  }
}
