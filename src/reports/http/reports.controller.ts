import { publicUrl } from '../../config';
import { RATE_COSTS, RateCost, REPORT_PAGE_COST } from '../../auth/rate-limit/rate-cost.decorator';
import { giveBackPoints } from '../../auth/rate-limit.guard';
import { RATE_LIMIT_STORE, RateLimitStore } from '../../auth/rate-limit/rate-limit.store';
import type { AuthenticatedRequest } from '../../auth/identity.middleware';
import { ModuleRef } from '@nestjs/core';
import {
  BadRequestException,
  Controller,
  Get,
  NotFoundException,
  Param,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { ReadAccess } from '../../auth/access.decorators';
import {
  parseFormat,
  parseLanguage,
  parseReportRequest,
  RawParameters,
  REPORT_KINDS,
  REPORT_PARAMETERS,
  ReportKind,
  REPORTS,
} from '../common/report-request';
import { ReportsService } from '../reports.service';
import { checkKnownParameters, one } from '../../common/query-parameters';

/** "CAN.html" into its name and extension. */
function splitFile(file: string): { name: string; extension: string | undefined } {
  const dot = file.lastIndexOf('.');
  return dot < 0
    ? { name: file, extension: undefined }
    : { name: file.slice(0, dot), extension: file.slice(dot + 1) };
}

/**
 * Refuses by name a parameter the file does not take (`grupBy`, `lang[x]`: the file answered as if it were not
 * there), naming those it takes: the report's own (less those in the path) and the file's `section` and `lang`.
 */
function checkFileParameters(kind: ReportKind, query: RawParameters, inPath: string[] = []): void {
  const taken = [...REPORT_PARAMETERS[kind].filter((name) => !inPath.includes(name)), 'section', 'lang'];
  checkKnownParameters(query, taken, `/reports/${kind}`);
}

/**
 * Report files: GET /reports/coherence/CAN.html, /reports/compare.zip?agreements=a,b, /reports/trends.xlsx?groupBy=YEAR,
 * /reports/flows.md. A CSV holds one table (`section=<id>` picks one: `csvSectionId`); the ZIP holds one CSV per
 * table.
 */
@ReadAccess()
@Controller('reports')
@RateCost(RATE_COSTS.report)
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly moduleRef: ModuleRef,
  ) {}

  @Get('coherence/:file')
  coherence(
    @Param('file') file: string,
    @Query() query: RawParameters,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { name, extension } = splitFile(file);
    if (query.party !== undefined)
      throw new BadRequestException('party: unknown parameter(s) party: the party is in the path');
    checkFileParameters('coherence', query, ['party']);
    return this.send('coherence', extension, { ...query, party: name }, req, res);
  }

  @Get(':file')
  other(
    @Param('file') file: string,
    @Query() query: RawParameters,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const { name, extension } = splitFile(file);
    const kind = REPORT_KINDS.find((k) => k === name && REPORTS[k].file === 'one');
    if (!kind)
      throw new NotFoundException(
        `no report "${name}": use ${REPORT_KINDS.map((k) => (REPORTS[k].file === 'one' ? k : `${k}/<party>`)).join(', ')}`,
      );
    checkFileParameters(kind, query);
    return this.send(kind, extension, query, req, res);
  }

  private async send(
    kind: ReportKind,
    extension: string | undefined,
    query: RawParameters,
    req: Request,
    res: Response,
  ): Promise<void> {
    const format = parseFormat(extension, 'extension');
    const { section, lang, ...params } = query;
    // Each once (a repeated one with different values is refused by name, not chosen or dropped).
    const language = parseLanguage(one({ lang }, 'lang'));
    const sectionId = one({ section }, 'section');
    // Every file links absolutely, so that its links still work once saved: to PUBLIC_URL, never to the Host header.
    // The HTML too, read in the browser and saved from it: its links were this server's paths, which a copy opened
    // from disk resolved to file:///provisions/...
    const base = publicUrl();
    const request = parseReportRequest(kind, params);
    const options = {
      linkBase: base,
      xlsxLinkBase: publicUrl(),
      sectionId,
      language,
    };
    // A HEAD request is answered as the GET is (the same points, turn, checks, status and headers) but its file
    // is not written: only its length is missing.
    const head = req.method === 'HEAD';
    const file = head
      ? { ...(await this.reports.fileHead(request, format, options)), body: null }
      : await this.reports.file(request, format, options);
    // A file of a report kept from an earlier computation (the one its party's page computed) is charged as that
    // page is: the guard took a report's points, not knowing; the rest is given back. A fresh report pays in full.
    if (file.kept && (req as AuthenticatedRequest).rateLimitPaid)
      await giveBackPoints(
        this.moduleRef.get<RateLimitStore>(RATE_LIMIT_STORE, { strict: false }),
        req as AuthenticatedRequest,
        res,
        RATE_COSTS.report - REPORT_PAGE_COST,
      );
    res
      .status(200)
      .type(file.contentType)
      .setHeader(
        'Content-Disposition',
        `${format === 'html' ? 'inline' : 'attachment'}; filename="${file.fileName}"`,
      )
      .setHeader('Cache-Control', 'no-store');
    if (file.body === null) res.end();
    else res.send(file.body);
  }
}
