import { HttpException } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DomainError, ErrorCode, HTTP_STATUS_BY_CODE } from './errors';
import { setting } from '../config';
import { FORM_FIELD_LIMIT } from './form-body';

/**
 * The JSON body of every error answered outside /graphql (which answers GraphQL's `errors`): the HTTP status, the
 * code `extensions.code` would carry for the same fault, the message and, for a bad argument, its name.
 */
export interface HttpErrorBody {
  statusCode: number;
  code: string;
  message: string;
  argument?: string;
}

/**
 * The code of an HTTP refusal that no domain error named (Nest's validation pipe, a route that does not exist, a
 * body too large), for GraphQL's `extensions.code` and the HTTP body alike.
 */
const CODE_OF_STATUS: Readonly<Record<number, ErrorCode>> = {
  400: ErrorCode.BAD_USER_INPUT,
  401: ErrorCode.UNAUTHENTICATED,
  403: ErrorCode.FORBIDDEN,
  404: ErrorCode.NOT_FOUND,
  409: ErrorCode.CONFLICT,
  429: ErrorCode.RATE_LIMITED,
  503: ErrorCode.SERVICE_UNAVAILABLE,
};

export function codeOfStatus(status: number): ErrorCode {
  return CODE_OF_STATUS[status] ?? (status < 500 ? ErrorCode.BAD_REQUEST : ErrorCode.INTERNAL_SERVER_ERROR);
}

export function httpErrorBody(status: number, message: string, code = codeOfStatus(status)): HttpErrorBody {
  return { statusCode: status, code, message };
}

export interface HttpErrorAnswer {
  status: number;
  body: HttpErrorBody;
}

/**
 * The answer to an error a client caused or the service expects: a domain error with an HTTP status
 * (HTTP_STATUS_BY_CODE), an HttpException, or an http-errors error of Express's body parsers (a body that is not
 * JSON, too large). Undefined for anything else: a fault of ours.
 */
export function httpErrorAnswer(error: unknown): HttpErrorAnswer | undefined {
  if (error instanceof DomainError) {
    const status = HTTP_STATUS_BY_CODE[error.code];
    if (!status) return undefined;
    const body = httpErrorBody(status, error.message, error.code);
    if (typeof error.details.argument === 'string') body.argument = error.details.argument;
    return { status, body };
  }
  if (error instanceof HttpException)
    return { status: error.getStatus(), body: httpErrorBody(error.getStatus(), httpExceptionMessage(error)) };
  const status = error instanceof Error ? (error as { statusCode?: unknown }).statusCode : undefined;
  if (typeof status === 'number' && status >= 400 && status < 500)
    return { status, body: httpErrorBody(status, (error as Error).message) };
  return undefined;
}

/**
 * What a body parser refused, as a page names it to the browser that sent the form: a body over BODY_LIMIT, more
 * fields than FORM_FIELD_LIMIT, a character set or a compression the parsers do not read, or a body that could not
 * be read as it was sent (bytes that are not what its Content-Encoding says, fewer than its Content-Length, JSON
 * that is not).
 */
export type BodyRefusal =
  | { kind: 'tooLarge' | 'tooManyFields' | 'malformed' }
  | { kind: 'charset'; charset: string }
  | { kind: 'encoding'; encoding: string };

const bodyRefusals = new WeakMap<object, BodyRefusal>();

/** The body parsers' refusal this error is (withoutBodyWords saw it), or undefined for any other error. */
export const bodyRefusal = (error: unknown): BodyRefusal | undefined =>
  typeof error === 'object' && error !== null ? bodyRefusals.get(error) : undefined;

/**
 * An Express error handler placed right after the body parsers, which words their refusals and records what each
 * is (`bodyRefusal`: the page a browser's form gets names it in its language). A body that is not JSON
 * is said without its words: V8 quotes the text around the fault (`Unexpected token 'S', "Secret dra"... is not
 * valid JSON`), and a 4xx is answered and logged, so a draft's words would reach both; only the position is kept. A
 * compressed body is named by its encoding: zlib's "incorrect header check", brotli's "Decompression failed" and
 * "request entity too large" for a 1 kB gzip of zeros said nothing a client could act on. (Nest then answers each as
 * an HttpException with this message.)
 */
export function withoutBodyWords(
  error: unknown,
  req: Request,
  _res: unknown,
  next: (error: unknown) => void,
): void {
  if (error instanceof Error) {
    const fault = error as Error & { type?: unknown; code?: unknown; charset?: unknown; encoding?: unknown };
    const encoding = req.headers['content-encoding']?.trim().toLowerCase();
    const compressed = encoding !== undefined && encoding !== '' && encoding !== 'identity';
    let refusal: BodyRefusal = { kind: 'malformed' };
    if (fault.type === 'entity.parse.failed') {
      const position = /at position (\d+)/.exec(error.message)?.[1];
      error.message = `the body is not valid JSON${position ? ` (at character ${position})` : ''}`;
    } else if (fault.type === 'entity.too.large') {
      error.message = `the body is larger than ${setting('BODY_LIMIT')} (BODY_LIMIT)${compressed ? ', once decompressed' : ''}`;
      refusal = { kind: 'tooLarge' };
    } else if (fault.type === 'parameters.too.many') {
      error.message = `the form has more than ${FORM_FIELD_LIMIT} fields, the most read`;
      refusal = { kind: 'tooManyFields' };
    } else if (fault.type === 'charset.unsupported') {
      const charset = String(fault.charset).toUpperCase();
      error.message = `the body's character set ${charset} is not read: send it as UTF-8`;
      refusal = { kind: 'charset', charset };
    } else if (fault.type === 'encoding.unsupported') {
      error.message = `${error.message}: a body may be compressed once, as gzip, deflate or br`;
      refusal = { kind: 'encoding', encoding: String(fault.encoding) };
    }
    // zlib's codes (Z_DATA_ERROR, Z_BUF_ERROR) and brotli's (ERR__ERROR_FORMAT_PADDING_2, ...).
    else if (compressed && typeof fault.code === 'string' && /^(Z_|ERR__ERROR_)/.test(fault.code))
      error.message = `the body is not valid ${encoding} data, as its Content-Encoding says`;
    // The parsers' own refusals carry their `type` (request.size.invalid, request.aborted...); an error passed on
    // from before them (the rate limit's store failing) is none of theirs.
    else if (typeof fault.type !== 'string') return next(error);
    bodyRefusals.set(error, refusal);
  }
  next(error);
}

/** The text of an HttpException's answer (`message` of its body, or its own message). */
export function httpExceptionMessage(error: HttpException): string {
  const body = error.getResponse();
  const message = typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : body;
  return Array.isArray(message) ? message.join('; ') : typeof message === 'string' ? message : error.message;
}

/**
 * A refusal of a request to /graphql made before GraphQL answers it (its body, its deadline): GraphQL's `errors`,
 * as a GraphQL client reads every answer, in the media type it asked for.
 */
export function sendGraphqlErrors(
  req: Request,
  res: Response,
  status: number,
  message: string,
  code: ErrorCode,
): void {
  const graphqlResponse = /application\/graphql-response\+json/.test(req.headers.accept ?? '');
  res
    .status(status)
    .type(graphqlResponse ? 'application/graphql-response+json' : 'application/json')
    .send(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}
