import { RATE_COSTS, RateCost } from '../auth/rate-limit/rate-cost.decorator';
import { Controller, Get, HttpCode, Param, Post, Req, Res, UseFilters } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Request, Response } from 'express';
import { ReadAccess } from '../auth/access.decorators';
import { agreementPage } from './pages/agreement.page';
import { agreementsPage } from './pages/agreements.page';
import { comparePage } from './pages/compare.page';
import { draftCheckPage } from './pages/draft-check.page';
import { flowsPage } from './pages/flows.page';
import { homePage } from './pages/home.page';
import { partiesPage } from './pages/parties.page';
import { partyPage } from './pages/party.page';
import { provisionPage } from './pages/provision.page';
import { reviewPage } from './pages/review.page';
import { searchCsv, searchPage } from './pages/search.page';
import { trendsPage } from './pages/trends.page';
import { ASSET_PATHS } from './web-assets';
import { WebContext } from './web-context';
import { WebExceptionFilter } from './web-exception.filter';
import { WebGraphqlService } from './web-graphql.service';
import { PageResult } from './web-page';
import { ApiKeysService } from '../auth/api-keys.service';
import { ClauseIndexService } from '../search/wording/clause-index.service';

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
    return this.serve(req, res, homePage);
  }

  @Get('search')
  @RateCost(RATE_COSTS.search)
  search(@Req() req: Request, @Res() res: Response) {
    return this.serve(req, res, searchPage);
  }

  @Get('search.csv')
  @RateCost(RATE_COSTS.search)
  searchCsv(@Req() req: Request, @Res() res: Response) {
    return this.serve(req, res, searchCsv);
  }

  @Get('agreements')
  agreements(@Req() req: Request, @Res() res: Response) {
    return this.serve(req, res, agreementsPage);
  }

  @Get('agreements/:slug')
  agreement(@Param('slug') slug: string, @Req() req: Request, @Res() res: Response) {
    return this.serve(req, res, (ctx) => agreementPage(ctx, slug));
  }

  @Get('provisions/*pinpoint')
  @RateCost(RATE_COSTS.search)
  provision(@Param('pinpoint') segments: string | string[], @Req() req: Request, @Res() res: Response) {
    const pinpoint = Array.isArray(segments) ? segments.join('/') : segments;
    const clauses = this.moduleRef.get(ClauseIndexService, { strict: false });
    return this.serve(req, res, (ctx) => provisionPage(ctx, pinpoint, clauses));
  }

  @Get('parties')
  parties(@Req() req: Request, @Res() res: Response) {
    return this.serve(req, res, partiesPage);
  }

  @Get('parties/:code')
  @RateCost(RATE_COSTS.report)
  party(@Param('code') code: string, @Req() req: Request, @Res() res: Response) {
    return this.serve(req, res, (ctx) => partyPage(ctx, code));
  }

  @Get('compare')
  @RateCost(RATE_COSTS.report)
  compare(@Req() req: Request, @Res() res: Response) {
    return this.serve(req, res, comparePage);
  }

  @Get('trends')
  @RateCost(RATE_COSTS.report)
  trends(@Req() req: Request, @Res() res: Response) {
    return this.serve(req, res, trendsPage);
  }

  @Get('flows')
  @RateCost(RATE_COSTS.report)
  flows(@Req() req: Request, @Res() res: Response) {
    return this.serve(req, res, flowsPage);
  }

  @Get('draft-check')
  draftCheck(@Req() req: Request, @Res() res: Response) {
    return this.serve(req, res, draftCheckPage);
  }

  @Post('draft-check')
  @RateCost(RATE_COSTS.draftCheck)
  @HttpCode(200)
  draftCheckPost(@Req() req: Request, @Res() res: Response) {
    return this.serve(req, res, draftCheckPage);
  }

  @Get('review')
  review(@Req() req: Request, @Res() res: Response) {
    return this.serve(req, res, (ctx) => reviewPage(ctx, this.keys));
  }

  @Post('review')
  @RateCost(RATE_COSTS.write)
  @HttpCode(200)
  reviewPost(@Req() req: Request, @Res() res: Response) {
    return this.serve(req, res, (ctx) => reviewPage(ctx, this.keys));
  }

  private async serve(req: Request, res: Response, build: Builder): Promise<void> {
    // What the builder throws goes to WebExceptionFilter, which answers an error page.
    const result = await build(new WebContext(req, res, this.graphql, ASSET_PATHS));
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Vary', 'Accept-Language, Cookie');
    if (typeof result === 'string') {
      res.type('text/html; charset=utf-8').send(result);
    } else if (result.kind === 'json') {
      res.json(result.body);
    } else if (result.kind === 'redirect') {
      res.redirect(303, result.location);
    } else {
      res.status(200).type(result.type);
      res.setHeader('Content-Disposition', `attachment; filename="${result.filename}"`);
      res.send(result.body);
    }
  }
}
