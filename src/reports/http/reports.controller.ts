import { publicUrl } from '../../config';
import { RATE_COSTS, RateCost, REPORT_PAGE_COST } from '../../auth/rate-limit/rate-cost.decorator';
import { giveBackPoints, refusedBeforeWork } from '../../auth/rate-limit.guard';
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
import { checkDecodableParameters, checkKnownParameters, one } from '../../common/query-parameters';
import { isLanguage } from '../../common/i18n';
import { refusedIn } from '../../common/refusal-texts';

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

/** A report file as its address and parameters name it. */
interface RequestedFile {
  request: ReturnType<typeof parseReportRequest>;
  format: ReturnType<typeof parseFormat>;
  sectionId: string | undefined;
  language: ReturnType<typeof parseLanguage>;
}

/** Reads a file's request: each parameter once (a repeated one with different values is refused by name). */
function fileRequest(kind: ReportKind, extension: string | undefined, query: RawParameters): RequestedFile {
  const format = parseFormat(extension, 'extension');
  const { section, lang, ...params } = query;
  const language = parseLanguage(one({ lang }, 'lang'));
  const sectionId = one({ section }, 'section');
  return { request: parseReportRequest(kind, params), format, sectionId, language };
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
    return this.send(req, res, () => {
      const { name, extension } = splitFile(file);
      if (query.party !== undefined)
        throw new BadRequestException('party: unknown parameter(s) party: the party is in the path');
      checkFileParameters('coherence', query, ['party']);
      return fileRequest('coherence', extension, { ...query, party: name });
    });
  }

  @Get(':file')
  other(
    @Param('file') file: string,
    @Query() query: RawParameters,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    return this.send(req, res, () => {
      const { name, extension } = splitFile(file);
      const kind = REPORT_KINDS.find((k) => k === name && REPORTS[k].file === 'one');
      if (!kind)
        throw new NotFoundException(
          `no report "${name}": use ${REPORT_KINDS.map((k) => (REPORTS[k].file === 'one' ? k : `${k}/<party>`)).join(', ')}`,
        );
      checkFileParameters(kind, query);
      return fileRequest(kind, extension, query);
    });
  }

  /**
   * The file `read` names, once read: a request refused there (a parameter, the format, the language) costs a
   * refusal's points (`refusedBeforeWork`); one refused once the report is at hand (its section) costs the report.
   */
  private async send(req: Request, res: Response, read: () => RequestedFile): Promise<void> {
    // A refusal in the file's language (`lang`, when it is one), as its sentences are: JSON and the page alike.
    const lang = (req.query as RawParameters).lang;
    try {
      await this.sendFile(req, res, read);
    } catch (error) {
      throw refusedIn(isLanguage(lang) ? lang : 'en', error);
    }
  }

  private async sendFile(req: Request, res: Response, read: () => RequestedFile): Promise<void> {
    const store = this.moduleRef.get<RateLimitStore>(RATE_LIMIT_STORE, { strict: false });
    const paying = req as AuthenticatedRequest;
    const { request, format, sectionId, language } = await refusedBeforeWork(store, paying, res, () => {
      checkDecodableParameters(req.originalUrl);
      return read();
    });
    // Every file links absolutely, so that its links still work once saved: to PUBLIC_URL, never to the Host header.
    // The HTML too, read in the browser and saved from it: its links were this server's paths, which a copy opened
    // from disk resolved to file:///provisions/...
    const base = publicUrl();
    const options = {
      linkBase: base,
      xlsxLinkBase: publicUrl(),
      sectionId,
      language,
      // A file of a report kept from an earlier computation (the one its party's page computed) is charged as that
      // page is, whatever the file's own checks say: the guard took a report's points, not knowing; the rest is
      // given back. A fresh report pays in full.
      found: async (kept: boolean) => {
        if (kept && paying.rateLimitPaid)
          await giveBackPoints(store, paying, res, RATE_COSTS.report - REPORT_PAGE_COST);
      },
    };
    // A HEAD request is answered as the GET is (the same points, turn, checks, status and headers) but its file
    // is not written: only its length is missing.
    const head = req.method === 'HEAD';
    const file = head
      ? { ...(await this.reports.fileHead(request, format, options)), body: null }
      : await this.reports.file(request, format, options);
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
