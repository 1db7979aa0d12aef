import { GraphQLError } from 'graphql';

/** The `extensions.code` values this API answers with (besides GraphQL's own parse and validation codes). */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  TIMEOUT = 'TIMEOUT',
  RESPONSE_TOO_LARGE = 'RESPONSE_TOO_LARGE',
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

/** A bad argument: `argument` names it (a dotted path for input fields, e.g. `filter.signedFrom`). */
export class BadUserInputError extends GraphQLError {
  constructor(argument: string, message: string, extra: Record<string, unknown> = {}) {
    super(`${argument}: ${message}`, { extensions: { code: ErrorCode.BAD_USER_INPUT, argument, ...extra } });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(what: string, key: string) {
    super(`${what} "${key}" not found`, { extensions: { code: ErrorCode.NOT_FOUND, what, key } });
  }
}

export class ConflictError extends GraphQLError {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code: ErrorCode.CONFLICT, ...extra } });
  }
}
