import { downloadDay } from '../../common/download-name';
import { CSV_BOM } from '../../common/spreadsheet-formula';
import { ModuleRef } from '@nestjs/core';
import { Controller, Get, NotFoundException, Param, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ReadAccess } from '../../auth/access.decorators';
import { RATE_COSTS, RateCost } from '../../auth/rate-limit/rate-cost.decorator';
import { refusedBeforeWork } from '../../auth/rate-limit.guard';
import { RATE_LIMIT_STORE, RateLimitStore } from '../../auth/rate-limit/rate-limit.store';
import { BudgetedRequest, budgetOf } from '../../common/request-budget';
import type { AuthenticatedRequest } from '../../auth/identity.middleware';
import { checkDecodableParameters, RawParameters } from '../../common/query-parameters';
import { ExportFormat, ExportKind, ExportService } from '../export.service';
import { exportFileName, parseExportSelection } from './export-request';

const KINDS: readonly ExportKind[] = ['agreements', 'provisions', 'annotations'];
const TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

/**
 * GET /exports/annotations.csv (or .json; agreements, provisions) with the API's filters as query parameters
 * (`export-request.ts`): the command line's export, streamed to the client row by row. Readable as the
 * GraphQL reads are (PUBLIC_READ, keys) and rate-limited as a report.
 */
@ReadAccess()
@Controller('exports')
@RateCost(RATE_COSTS.report)
export class ExportsController {
  constructor(
    private readonly exporter: ExportService,
    private readonly moduleRef: ModuleRef,
  ) {}

  @Get(':file')
  async export(
    @Param('file') file: string,
    @Query() query: RawParameters,
    @Req() req: BudgetedRequest & AuthenticatedRequest,
    @Res() res: Response,
  ): Promise<void> {
    // Refused here (the address, a parameter, a party code), a request costs a refusal's points, not an export's.
    const { kind, format, selection } = await refusedBeforeWork(
      this.moduleRef.get<RateLimitStore>(RATE_LIMIT_STORE, { strict: false }),
      req,
      res,
      async () => {
        checkDecodableParameters(req.originalUrl);
        const match = /^(agreements|provisions|annotations)\.(csv|json)$/.exec(file);
        if (!match)
          throw new NotFoundException(
            `no export "${file}": use ${KINDS.map((k) => `${k}.csv or ${k}.json`).join(', ')}`,
          );
        const kind = match[1] as ExportKind;
        const selection = parseExportSelection(kind, query);
        await this.exporter.checkParties(selection, kind === 'agreements' ? 'parties' : 'agreement.parties');
        return { kind, format: match[2] as ExportFormat, selection };
      },
    );
    // Checked before the first byte: a filter the database refuses is still a 400, not a broken stream.
    await this.exporter.agreementIds(selection);
    // A download streams for as long as the catalogue takes: the client hanging up stops it, not the deadline.
    budgetOf(req).lift();
    const stamp = downloadDay();
    res
      .status(200)
      .type(TYPES[format])
      .setHeader(
        'Content-Disposition',
        `attachment; filename="${exportFileName(kind, format, query, stamp)}"`,
      )
      .setHeader('Cache-Control', 'no-store');
    // A HEAD request has the GET's checks, status and headers, without the export: it streamed the whole
    // catalogue (5 s on the corpus's 41,000 provisions) into an answer that carries no body.
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    try {
      if (format === 'csv') res.write(CSV_BOM);
      await this.exporter.export(kind, format, res, selection);
      res.end();
    } catch (error) {
      // Headers are gone: the client sees a cut-off body, not a complete-looking file.
      res.destroy(error as Error);
    }
  }
}
