import { ArgumentsHost, Catch, ExceptionFilter, Injectable, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { writtenMeanwhile } from '../common/written-meanwhile';
import { databaseUnavailable, DATABASE_RETRY_AFTER_SECONDS } from '../common/database-unavailable';
import { DomainError } from '../common/errors';
import { brokenEscape } from '../common/query-parameters';
import { BudgetedRequest } from '../common/request-budget';
import { HtmlErrorPage, refusesAsJson } from '../common/html-error-page';
import { BodyRefusal, bodyRefusal, httpErrorAnswer, httpErrorBody } from '../common/http-error-body';
import { FORM_FIELD_LIMIT } from '../common/form-body';
import { bodyLimitBytes } from '../app.setup';
import { sizeFormat } from './i18n';
import { markup } from './html';
import { layout } from './layout';
import { ASSET_PATHS } from './web-assets';
import { WebContext } from './web-context';
import { ERROR_TITLES, WebError } from './web-errors';
import { WebGraphqlService } from './web-graphql.service';
import { refusedText } from './refused-text';

/**
 * Whatever stops a page of the explorer answers a page, not JSON: what the page builder throws (WebError, 400
 * or 404 naming the problem) and what refuses the request before it (the rate limit: 429 with Retry-After and
 * when to retry, in the page's language; the access rules: 401 or 403; a form's body a body parser refused: over
 * BODY_LIMIT, 413 naming the limit, or too many fields, a character set or a compression it does not read, a body
 * it could not read, each named in the page's language; a form sent to a page that takes none: 405). A client that asked a page for JSON
 * (`Accept: application/json`, the provision page) gets the API's JSON answer. The API's routes keep theirs
 * (AppExceptionFilter).
 */
@Catch()
@Injectable()
export class WebExceptionFilter implements ExceptionFilter, HtmlErrorPage {
  private readonly logger = new Logger('Web');

  constructor(private readonly graphql: WebGraphqlService) {}

  /** A browser asked for an address no route serves (AppExceptionFilter hands it over). */
  unknownAddress(host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const ctx = new WebContext(req, host.switchToHttp().getResponse<Response>(), this.graphql, ASSET_PATHS);
    this.catch(new WebError(404, ctx.t('error.noPage', { path: req.path })), host);
  }

  /** A browser sent a form to a page that takes none (`POST /agreements`): 405, with what the address takes. */
  formNotTaken(host: ArgumentsHost, allow: readonly string[]): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const ctx = new WebContext(req, res, this.graphql, ASSET_PATHS);
    res.setHeader('Allow', allow.join(', '));
    this.catch(new WebError(405, ctx.t('error.formNotTaken', { path: req.path })), host);
  }

  /** A browser asked for an address Express could not decode (`/parties/%FF`, `/parties/%ZZ`). */
  badAddress(host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const ctx = new WebContext(req, host.switchToHttp().getResponse<Response>(), this.graphql, ASSET_PATHS);
    const escape = brokenEscape(req.path);
    const message = escape
      ? ctx.t('error.brokenEscape', { path: req.path, escape })
      : ctx.t('error.undecodable', { path: req.path });
    this.catch(new WebError(400, message), host);
  }

  /** The page of an error that did not reach this filter (a request whose time ran out first). */
  failed(host: ArgumentsHost, error: unknown): void {
    this.catch(error, host);
  }

  /**
   * A report read in the browser and refused: a reason of the API's (a bad date or grouping, an unknown party) said
   * as the pages say one (`refusedText`), with its status; the rate limit's and the server's as any page says them.
   */
  reportRefused(host: ArgumentsHost, error: unknown): void {
    const answer = error instanceof DomainError ? httpErrorAnswer(error) : undefined;
    if (!answer || answer.status >= 500 || answer.status === 429) return this.catch(error, host);
    const req = host.switchToHttp().getRequest<Request>();
    const ctx = new WebContext(req, host.switchToHttp().getResponse<Response>(), this.graphql, ASSET_PATHS);
    const argument = (error as DomainError).details.argument;
    this.catch(
      new WebError(
        answer.status,
        refusedText(ctx, error as DomainError),
        typeof argument === 'string' ? argument : undefined,
      ),
      host,
    );
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) {
      // The request's budget ran out and the client already has its 503: the page's work stopping is expected.
      const exhausted = (req as BudgetedRequest).budget?.exhausted;
      if (exhausted) this.logger.warn(`${req.method} ${req.path}: stopped, ${exhausted}`);
      else
        this.logger.error(
          exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
        );
      return;
    }
    const unavailable = databaseUnavailable(exception);
    if (unavailable) {
      this.logger.error(`${req.method} ${req.path}: ${(exception as Error).message}`);
      exception = unavailable;
    }
    exception = writtenMeanwhile(exception) ?? exception;
    const ctx = new WebContext(req, res, this.graphql, ASSET_PATHS);
    const { t } = ctx;
    let status = 500;
    let message = '';
    if (exception instanceof WebError) {
      status = exception.status;
      message = exception.message;
    } else {
      // A domain error, an HttpException, or a body parser's refusal of a page's form (AppExceptionFilter hands it
      // over): the status and words the API would answer.
      const answer = httpErrorAnswer(exception);
      if (answer) ({ status, message } = { status: answer.status, message: answer.body.message });
    }
    // A form's body a body parser refused, before its page read any of it: said in the page's language.
    const refusal = bodyRefusal(exception);
    if (refusal && !refusesAsJson(req)) message = formRefusalText(ctx, refusal);
    if (status === 503) {
      // Work refused or stopped in time (a spent budget, a database refusing writes or not answering): its
      // message says so.
      this.logger.warn(`${req.method} ${req.path}: 503, ${message}`);
      if (!res.getHeader('Retry-After')) res.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    } else if (status >= 500) {
      this.logger.error(
        exception instanceof Error ? (exception.stack ?? exception.message) : String(exception),
      );
      message = '';
    }
    // A download (`/search.csv`) answers as the API's files do (answersJson); a page asked for JSON likewise.
    const json = refusesAsJson(req);
    if (status === 429) {
      const seconds = Math.max(1, Number(res.getHeader('Retry-After')) || 60);
      if (!res.getHeader('Retry-After')) res.setHeader('Retry-After', String(seconds));
      const at = new Date(Date.now() + seconds * 1000).toISOString().slice(11, 19);
      if (!json) message = t('error.tooManyText', { seconds, at });
    }
    res.setHeader('Cache-Control', 'no-store');
    if (json) {
      const body = httpErrorBody(
        status,
        message || t('error.internalText'),
        exception instanceof DomainError ? exception.code : undefined,
      );
      // The parameter a refusal names, as the API's answers and the exports' carry it (README: Errors outside GraphQL).
      if (exception instanceof WebError && exception.argument && status < 500)
        body.argument = exception.argument;
      res.status(status).json(body);
      return;
    }
    const title = t(ERROR_TITLES[status] ?? (status < 500 ? 'error.badRequest' : 'error.internal'));
    const body = markup`<h1>${title}</h1>
      <div class="notice error" role="alert">
        <p><strong>${t(status === 429 ? 'error.tooManyTitle' : status >= 500 ? 'error.serverTitle' : refusal ? 'error.formTitle' : 'error.title')}</strong> (HTTP ${status})</p>
        <p class="error-message">${message || t('error.internalText')}</p>
      </div>
      <p>
        <a href="${ctx.href('/')}">${t('error.back')}</a> ·
        <a href="${ctx.href('/search')}">${t('nav.search')}</a> ·
        <a href="${ctx.href('/agreements')}">${t('nav.agreements')}</a>
      </p>`;
    res.status(status).type('text/html; charset=utf-8').send(layout(ctx, { title, body }));
  }
}

/** What a body parser refused of a page's form, in the page's language (BodyRefusal). */
function formRefusalText(ctx: WebContext, refusal: BodyRefusal): string {
  switch (refusal.kind) {
    case 'tooLarge':
      return ctx.t('error.bodyTooLarge', { limit: sizeFormat(ctx.lang).format(bodyLimitBytes()) });
    case 'tooManyFields':
      return ctx.t('error.formTooManyFields', { limit: FORM_FIELD_LIMIT });
    case 'charset':
      return ctx.t('error.formCharset', { charset: refusal.charset });
    case 'encoding':
      return ctx.t('error.formEncoding', { encoding: refusal.encoding });
    case 'malformed':
      return ctx.t('error.formMalformed');
  }
}
