import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { DATABASE_RETRY_AFTER_SECONDS } from '../common/database-unavailable';
import { HTTP_STATUS_BY_CODE } from '../common/errors';
import { budgetError, budgetOf } from '../common/request-budget';
import { GraphQLContext } from './graphql-context';

/**
 * Enforces the request's budget while the operation executes (each field checks it before it resolves:
 * `instrumentSchemaFields`, installed by FieldAccessPlugin). Once it is spent the answer is one error, TIMEOUT
 * (503, with Retry-After as every 503 of the service: a request, a write too, whose time ran out waiting under
 * load, for the database's connection or a turn at costly work, is told when to try again) or RESPONSE_TOO_LARGE
 * (400), never a partial body of unbounded size.
 */
@Plugin()
export class QueryBudgetPlugin implements ApolloServerPlugin<GraphQLContext> {
  async requestDidStart({
    contextValue,
  }: {
    contextValue: GraphQLContext;
  }): Promise<GraphQLRequestListener<GraphQLContext>> {
    const budget = budgetOf(contextValue.req);
    return {
      willSendResponse: async ({ response }) => {
        if (!budget.exhausted || response.body.kind !== 'single') return;
        const error = budgetError(budget);
        response.body.singleResult = {
          errors: [{ message: error.message, extensions: { ...error.details, code: error.code } }],
        };
        response.http.status = HTTP_STATUS_BY_CODE[error.code];
        if (response.http.status === 503)
          response.http.headers.set('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
      },
    };
  }
}
