import {
  ArgumentsHost,
  Catch,
  HttpException,
  HttpStatus,
  Inject,
  Logger,
  NotFoundException,
  Optional,
} from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import { ErrorCode } from './errors';
import { HTML_ERROR_PAGE, HtmlErrorPage } from './html-error-page';

const logger = new Logger('HTTP');

/** The HTTP status of an API error code, for the errors the shared rules throw on an HTTP route. */
const HTTP_STATUS: Partial<Record<string, number>> = {
  [ErrorCode.BAD_USER_INPUT]: HttpStatus.BAD_REQUEST,
  [ErrorCode.NOT_FOUND]: HttpStatus.NOT_FOUND,
  [ErrorCode.UNAUTHENTICATED]: HttpStatus.UNAUTHORIZED,
  [ErrorCode.FORBIDDEN]: HttpStatus.FORBIDDEN,
  [ErrorCode.CONFLICT]: HttpStatus.CONFLICT,
  [ErrorCode.RATE_LIMITED]: HttpStatus.TOO_MANY_REQUESTS,
  [ErrorCode.RESPONSE_TOO_LARGE]: HttpStatus.BAD_REQUEST,
};

/**
 * Where errors thrown by resolvers, controllers and pipes go.
 * - GraphQL: back to Apollo untouched (formatGraphQLError gives them their code and logs only unexpected ones,
 *   with their stack). NestJS's default would log every one, a client's bad input included, at error level
 *   with a stack: an anonymous client could fill the error log.
 * - HTTP: an API error (a GraphQLError with a code, e.g. from the validation pipe) becomes its HTTP status; a
 *   4xx is logged at info without a stack; anything else is a 500, logged at error with its stack.
 * - A browser asking for an address no route serves gets the explorer's 404 page (HTML_ERROR_PAGE).
 */
/**
 * A browser's GET of an address no route serves (Nest's "Cannot GET /x"): it asked for HTML by name, as browsers
 * do; API clients (JSON, GraphQL) keep the JSON answer.
 */
function noRoute(error: NotFoundException, host: ArgumentsHost): boolean {
  const req = host.switchToHttp().getRequest<Request>();
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    error.message.startsWith(`Cannot ${req.method} `) &&
    /\btext\/html\b/.test(req.headers.accept ?? '') &&
    req.accepts(['json', 'html']) === 'html'
  );
}

@Catch()
export class AppExceptionFilter extends BaseExceptionFilter {
  constructor(@Optional() @Inject(HTML_ERROR_PAGE) private readonly pages?: HtmlErrorPage) {
    super();
  }

  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() === 'graphql') return exception;
    if (this.pages && exception instanceof NotFoundException && noRoute(exception, host)) {
      this.pages.unknownAddress(host);
      return;
    }
    let error = exception;
    if (error instanceof GraphQLError) {
      const status = HTTP_STATUS[String(error.extensions?.code)];
      if (status) error = new HttpException({ statusCode: status, message: error.message }, status);
    }
    if (error instanceof HttpException && error.getStatus() < 500) {
      logger.log(`${error.getStatus()}: ${error.message}`);
      const req = host.switchToHttp().getRequest<Request>();
      // A GraphQL client reads `errors`, whatever refused its request (a body that is not JSON, too large).
      if (req.path.endsWith('/graphql')) {
        const res = host.switchToHttp().getResponse<Response>();
        const graphqlResponse = /application\/graphql-response\+json/.test(req.headers.accept ?? '');
        res
          .status(error.getStatus())
          .type(graphqlResponse ? 'application/graphql-response+json' : 'application/json')
          .send(
            JSON.stringify({ errors: [{ message: error.message, extensions: { code: 'BAD_REQUEST' } }] }),
          );
        return;
      }
    }
    return super.catch(error, host);
  }
}
