import { boundedMessage, HTTP_STATUS_BY_CODE } from '../common/errors';
import { GqlError } from './web-graphql.service';
import { MessageKey } from './i18n';

/**
 * A page that cannot be shown: its HTTP status, a title and what is wrong (shown to the user); `argument`, the
 * address's parameter the refusal names (`from`, `code`), which the JSON answer carries as the API's errors do,
 * printed and bounded as the message is (an unknown parameter's name is the client's text).
 */
export class WebError extends Error {
  readonly argument?: string;

  constructor(
    readonly status: number,
    message: string,
    argument?: string,
  ) {
    super(boundedMessage(message));
    this.argument = argument === undefined ? undefined : boundedMessage(argument);
  }
}

export const badRequest = (message: string, argument?: string) => new WebError(400, message, argument);
export const notFound = (message: string) => new WebError(404, message);

const STATUS_BY_CODE: Partial<Record<string, number>> = {
  ...HTTP_STATUS_BY_CODE,
  GRAPHQL_PARSE_FAILED: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
};

/** The HTTP status a GraphQL error code maps to (500 for anything unexpected). */
export const statusOf = (error: GqlError): number => STATUS_BY_CODE[error.extensions?.code ?? ''] ?? 500;

/** Page errors from a GraphQL answer: the first error decides the status; an unexpected one stays vague. */
export function fromGraphql(errors: GqlError[]): WebError {
  const first = errors[0];
  const status = statusOf(first);
  return new WebError(status, status === 500 ? '' : first.message);
}

export const ERROR_TITLES: Record<number, MessageKey> = {
  400: 'error.badRequest',
  401: 'error.unauthenticated',
  403: 'error.forbidden',
  404: 'error.notFound',
  405: 'error.methodNotAllowed',
  409: 'error.badRequest',
  413: 'error.tooLarge',
  429: 'error.tooMany',
  503: 'error.unavailable',
  500: 'error.internal',
};
