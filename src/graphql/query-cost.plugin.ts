import { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { ErrorCode } from '../common/errors';

export const maxQueryCost = (): number => Number(process.env.MAX_QUERY_COST ?? 25_000);

/**
 * Rejects an operation whose cost is over the limit before it runs. Lists cost their page size times the
 * cost of one item (`complexity` on connection fields); every other field costs 1.
 */
@Plugin()
export class QueryCostPlugin implements ApolloServerPlugin {
  constructor(private readonly schemaHost: GraphQLSchemaHost) {}

  async requestDidStart(): Promise<GraphQLRequestListener<object>> {
    const { schema } = this.schemaHost;
    return {
      didResolveOperation: async ({ request, document }) => {
        let cost: number;
        try {
          cost = getComplexity({
            schema,
            operationName: request.operationName,
            query: document,
            variables: request.variables,
            estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
          });
        } catch {
          // Variables that do not fit their types: execution rejects them with BAD_USER_INPUT (400).
          return;
        }
        if (cost > maxQueryCost()) {
          throw new GraphQLError(
            `The query costs ${cost}, over the limit of ${maxQueryCost()}: ask for smaller pages or fewer fields`,
            {
              extensions: {
                code: ErrorCode.BAD_USER_INPUT,
                argument: 'query',
                cost,
                maxCost: maxQueryCost(),
              },
            },
          );
        }
      },
    };
  }
}
