import { ArgumentsHost } from '@nestjs/common';
import type { Request } from 'express';

/** Addresses of the API (JSON, GraphQL, files); the others are the explorer's pages. */
const API = /^\/(graphql|graphiql|reports|exports|health)(\/|$)/;
/**
 * An address that names a download by its format (`/search.csv`, `/reports/trends.xlsx`); a pinpoint's dot
 * (`/provisions/ceta/art-7.7`) is no format.
 */
const FILE = /\.(csv|xlsx|zip|md|json)$/i;
/**
 * A report read in the browser (`/reports/coherence/COL.html`, `/reports/trends.html`): a page the party, trends and
 * flows pages link to, whose refusals a browser reads as a page in its language. Until 7 December 2026 it was the
 * API's: a mistyped date, an unknown party or language, or the rate limit showed a browser the API's English JSON.
 */
const REPORT_PAGE = /^\/reports\/.+\.html$/i;

/**
 * The one rule for the format of a refusal: an address of the API or of a file (a download) answers its errors as
 * JSON, whatever the client accepts (it asked for data, and its error body is read by a program or saved as the
 * file); only the explorer's pages answer a browser with an HTML page.
 */
export const answersJson = (path: string): boolean =>
  (API.test(path) && !REPORT_PAGE.test(path)) || FILE.test(path);

/** A browser asking for a report's HTML (asksForPage): its refusals are the explorer's error page. */
export const asksForReportPage = (req: Request): boolean => REPORT_PAGE.test(req.path) && asksForPage(req);

/** An explorer route's refusal answered as JSON: a download, or a page asked for JSON. */
export const refusesAsJson = (req: Request): boolean =>
  answersJson(req.path) || req.accepts(['html', 'json']) === 'json';

/** A browser's request: HTML asked for by name (as browsers do), before JSON. */
const asksForHtml = (req: Request): boolean =>
  /\btext\/html\b/.test(req.headers.accept ?? '') && req.accepts(['json', 'html']) === 'html';

/** A browser asking a page: GET or HEAD, accepting HTML (by name, as browsers do) before JSON. */
export function asksForPage(req: Request): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && !answersJson(req.path) && asksForHtml(req);
}

/** A browser sending a form (whatever its encoding) to an address of the explorer, not of the API. */
export function postsFromBrowser(req: Request): boolean {
  return req.method === 'POST' && !answersJson(req.path) && asksForHtml(req);
}

/**
 * A browser sending a page's form (the draft check, the review): a form's body, HTML asked for by name before JSON.
 * Refused before its page runs (the rate limit), it is answered the page that says so, not the API's JSON.
 */
export function sendsPageForm(req: Request): boolean {
  return (
    req.method === 'POST' &&
    Boolean(req.is(['application/x-www-form-urlencoded', 'multipart/form-data'])) &&
    asksForHtml(req)
  );
}

/**
 * Who answers a browser that asked for an address no route serves with a page rather than JSON (the web
 * explorer provides it; AppExceptionFilter asks it).
 */
export const HTML_ERROR_PAGE = Symbol('HTML_ERROR_PAGE');

export interface HtmlErrorPage {
  /** Answers 404 with a page saying that nothing is at this address. */
  unknownAddress(host: ArgumentsHost): void;
  /** Answers 405 with `allow` (the methods the address takes) and a page saying that it takes no form. */
  formNotTaken(host: ArgumentsHost, allow: readonly string[]): void;
  /** Answers 400 with a page saying that the address holds bytes that are not text. */
  badAddress(host: ArgumentsHost): void;
  /** Answers the page of an error (the 503 of a request whose time ran out before its page was made). */
  failed(host: ArgumentsHost, error: unknown): void;
  /** Answers the page of a report read in the browser that was refused (`asksForReportPage`), in its language. */
  reportRefused(host: ArgumentsHost, error: unknown): void;
}
