import { HttpException, Logger } from '@nestjs/common';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { isProduction, setting } from '../config';
import { DomainError, ErrorCode } from '../common/errors';
import { codeOfStatus, httpExceptionMessage } from '../common/http-error-body';
import { budgetError, currentBudget } from '../common/request-budget';
import { databaseUnavailable } from '../common/database-unavailable';
import { writtenMeanwhile } from '../common/written-meanwhile';

const logger = new Logger('GraphQL');

/** Codes whose message is meant for the client; anything else is hidden behind INTERNAL_SERVER_ERROR. */
const PUBLIC_CODES = new Set<string>([
  ...Object.values(ErrorCode).filter((c) => c !== ErrorCode.INTERNAL_SERVER_ERROR),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

/**
 * Every error leaves with an `extensions.code`; stack traces only in development; an unexpected error
 * (a bug, a failed statement) is logged and answered with a generic message, never its SQL or stack; a database
 * that cannot serve now is SERVICE_UNAVAILABLE (`databaseUnavailable`), logged with the driver's message. Once the
 * request's budget is spent, an error that is not the application's own is the budget's (TIMEOUT or
 * RESPONSE_TOO_LARGE), not logged: work stopped because the budget ran out (a field's resolver that was
 * interrupted) fails as the budget, as QueryBudgetPlugin answers.
 */
/** Apollo's refusal names its own option (`introspection: true`), not the setting an operator of this service has. */
const INTROSPECTION_OFF =
  'Introspection (__schema, __type) is off on this server in production; an operator allows it with GRAPHQL_INTROSPECTION=true';

export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown, development: boolean) {
  let original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const budget = original instanceof DomainError ? undefined : currentBudget();
  if (budget?.exhausted) original = budgetError(budget);
  const unavailable = databaseUnavailable(original);
  if (unavailable) {
    logger.error(
      `${unavailable.message}: ${original instanceof Error ? original.message : String(original)}`,
    );
    original = unavailable;
  }
  original = writtenMeanwhile(original) ?? original;
  let code = formatted.extensions?.code as string | undefined;
  let message = formatted.message;
  let details: Record<string, unknown> = {};
  if (original instanceof DomainError) {
    code = original.code;
    message = original.message;
    details = { ...original.details };
  } else if (original instanceof HttpException) {
    code = codeOfStatus(original.getStatus());
    message = httpExceptionMessage(original);
  } else if (original instanceof GraphQLError && original.extensions?.code) {
    code = String(original.extensions.code);
  }
  if (!code || !PUBLIC_CODES.has(code)) {
    logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
    code = ErrorCode.INTERNAL_SERVER_ERROR;
    message = 'Internal server error';
  }
  if (code === 'GRAPHQL_VALIDATION_FAILED' && message.startsWith('GraphQL introspection is not allowed'))
    message = INTROSPECTION_OFF;
  // No suggestions in production (field names, enum values, argument names): they map the schema for a prober.
  if (!development && isProduction() && !setting('GRAPHQL_SUGGESTIONS'))
    message = message.replace(/ ?Did you mean [^?]*\?/g, '');
  const { stacktrace, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  const result: GraphQLFormattedError = {
    message,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { ...extensions, ...details, code, ...(development && stacktrace ? { stacktrace } : {}) },
  };
  return result;
}
