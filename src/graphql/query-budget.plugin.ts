import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { HTTP_STATUS_BY_CODE } from '../common/errors';
import { budgetError, budgetOf } from '../common/request-budget';
import { GraphQLContext } from './graphql-context';

/**
 * Enforces the request's budget while the operation executes (each field checks it before it resolves:
 * `instrumentSchemaFields`, installed by FieldAccessPlugin). Once it is spent the answer is one error, TIMEOUT
 * (503) or RESPONSE_TOO_LARGE (400), never a partial body of unbounded size.
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
      },
    };
  }
}
