import { RATE_COSTS, RateCost, REPORT_PAGE_COST } from '../auth/rate-limit/rate-cost.decorator';
import { Controller, Get, HttpCode, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ReadAccess } from '../auth/access.decorators';
import type { AuthenticatedRequest } from '../auth/identity.middleware';
import { chargeAsRefusal } from '../auth/rate-limit.guard';
import { RATE_LIMIT_STORE, RateLimitStore } from '../auth/rate-limit/rate-limit.store';
import { AGREEMENT_PARAMETERS, agreementPage } from './pages/agreement.page';
import { AGREEMENTS_PARAMETERS, agreementsPage } from './pages/agreements.page';
import { COMPARE_PARAMETERS, comparePage } from './pages/compare.page';
import { draftCheckPage } from './pages/draft-check.page';
import { FLOWS_PARAMETERS, flowsPage } from './pages/flows.page';
import { homePage } from './pages/home.page';
import { PARTIES_PARAMETERS, partiesPage } from './pages/parties.page';
import { PARTY_PARAMETERS, partyPage } from './pages/party.page';
import { PROVISION_PARAMETERS, provisionPage } from './pages/provision.page';
import { REVIEW_PARAMETERS, reviewPage } from './pages/review.page';
import { SEARCH_CSV_PARAMETERS, SEARCH_PARAMETERS, searchCsv, searchPage } from './pages/search.page';
import { TRENDS_PARAMETERS, trendsPage } from './pages/trends.page';
import { ASSET_PATHS } from './web-assets';
import { WebContext } from './web-context';
import { WebExceptionFilter } from './web-exception.filter';
import { WebGraphqlService } from './web-graphql.service';
import { PageResult } from './web-page';
import { ApiKeysService } from '../auth/api-keys.service';
import { ClauseIndexService } from '../search/wording/clause-index.service';
import { contentDisposition } from '../common/download-name';
import { DraftCheckService } from '../search/draft/draft-check.service';
import { draftCheckJson } from '../search/draft/draft-check.json';

type Builder = (ctx: WebContext) => Promise<PageResult>;

/**
 * The explorer's pages, server-rendered from GraphQL operations run in process (WebGraphqlService). Every
 * route answers HTML; bad input gives a page saying what is wrong with 400 or 404, and a refusal (rate limit,
 * access) a page too (WebExceptionFilter).
 *
 * Each page takes its points once, as a route (`@RateCost`: 1 unless it searches, reports, checks a draft or
 * writes); the GraphQL operations it runs in process are part of it and take none (see RateLimitGuard).
 */
@ReadAccess()
@UseFilters(WebExceptionFilter)
@Controller()
export class WebController {
  constructor(
    private readonly graphql: WebGraphqlService,
    private readonly keys: ApiKeysService,
    private readonly moduleRef: ModuleRef,
  ) {}

  @Get()
  home(@Req() req: Request, @Res() res: Response) {
    return this.serve(req, res, homePage, []);
  }

  @Get('search')
  @RateCost(RATE_COSTS.search)
  search(@Req() req: Request, @Res() res: Response) {
    return this.serve(req, res, searchPage, SEARCH_PARAMETERS);
  }

  @Get('search.csv')
  @RateCost(RATE_COSTS.search)
  searchCsv(@Req() req: Request, @Res() res: Response) {
    return this.serve(req, res, searchCsv, SEARCH_CSV_PARAMETERS);
  }

  @Get('agreements')
  agreements(@Req() req: Request, @Res() res: Response) {
    return this.serve(req, res, agreementsPage, AGREEMENTS_PARAMETERS);
  }

  @Get('agreements/:slug')
  agreement(@Param('slug') slug: string, @Req() req: Request, @Res() res: Response) {
    return this.serve(req, res, (ctx) => agreementPage(ctx, slug), AGREEMENT_PARAMETERS);
  }

  @Get('provisions/*pinpoint')
  @RateCost(RATE_COSTS.search)
  provision(@Param('pinpoint') segments: string | string[], @Req() req: Request, @Res() res: Response) {
    const pinpoint = Array.isArray(segments) ? segments.join('/') : segments;
    const clauses = this.moduleRef.get(ClauseIndexService, { strict: false });
    return this.serve(req, res, (ctx) => provisionPage(ctx, pinpoint, clauses), PROVISION_PARAMETERS);
  }

  @Get('parties')
  parties(@Req() req: Request, @Res() res: Response) {
    return this.serve(req, res, partiesPage, PARTIES_PARAMETERS);
  }

  @Get('parties/:code')
  @RateCost(REPORT_PAGE_COST, { heavy: true })
  party(@Param('code') code: string, @Req() req: Request, @Res() res: Response) {
    return this.serve(req, res, (ctx) => partyPage(ctx, code), PARTY_PARAMETERS);
  }

  @Get('compare')
  @RateCost(REPORT_PAGE_COST, { heavy: true })
  compare(@Req() req: Request, @Res() res: Response) {
    return this.serve(req, res, comparePage, COMPARE_PARAMETERS);
  }

  @Get('trends')
  @RateCost(REPORT_PAGE_COST, { heavy: true })
  trends(@Req() req: Request, @Res() res: Response) {
    return this.serve(req, res, trendsPage, TRENDS_PARAMETERS);
  }

  @Get('flows')
  @RateCost(REPORT_PAGE_COST, { heavy: true })
  flows(@Req() req: Request, @Res() res: Response) {
    return this.serve(req, res, flowsPage, FLOWS_PARAMETERS);
  }

  @Get('draft-check')
  draftCheck(@Req() req: Request, @Res() res: Response) {
    return this.serve(req, res, draftCheckPage, []);
  }

  @Post('draft-check')
  @RateCost(RATE_COSTS.draftCheck)
  @HttpCode(200)
  draftCheckPost(@Req() req: Request, @Res() res: Response) {
    // The form's download button: the JSON door's answer (`draftCheckJson`), for the parties the page has read.
    const checker = this.moduleRef.get(DraftCheckService, { strict: false });
    return this.serve(
      req,
      res,
      (ctx) => draftCheckPage(ctx, async (input) => draftCheckJson(await checker.check(input))),
      [],
    );
  }

  @Get('review')
  review(@Req() req: Request, @Res() res: Response) {
    return this.serve(req, res, (ctx) => reviewPage(ctx, this.keys), REVIEW_PARAMETERS);
  }

  @Post('review')
  @RateCost(RATE_COSTS.write)
  @HttpCode(200)
  reviewPost(@Req() req: Request, @Res() res: Response) {
    return this.serve(req, res, (ctx) => reviewPage(ctx, this.keys), REVIEW_PARAMETERS);
  }

  /** Builds the page from its address: `parameters` are those it takes (WebContext.takeOnly), `lang` aside. */
  private async serve(
    req: Request,
    res: Response,
    build: Builder,
    parameters: readonly string[],
  ): Promise<void> {
    // What the builder throws goes to WebExceptionFilter, which answers an error page.
    const ctx = new WebContext(req, res, this.graphql, ASSET_PATHS);
    ctx.takeOnly(parameters);
    const result = await build(ctx);
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Vary', 'Accept-Language, Cookie');
    if (typeof result === 'string') {
      res.type('text/html; charset=utf-8').send(result);
    } else if (result.kind === 'json') {
      res.json(result.body);
    } else if (result.kind === 'redirect') {
      // Where a case-folded address leads never changes: that one may be kept, and costs what a refusal does.
      if (result.permanent) {
        res.setHeader('Cache-Control', 'public, max-age=86400');
        await chargeAsRefusal(
          this.moduleRef.get<RateLimitStore>(RATE_LIMIT_STORE, { strict: false }),
          req as AuthenticatedRequest,
          res,
        );
      }
      res.redirect(result.permanent ? 301 : 303, result.location);
    } else {
      res.status(200).type(result.type);
      res.setHeader('Content-Disposition', contentDisposition(result.filename));
      res.send(result.body);
    }
  }
}
