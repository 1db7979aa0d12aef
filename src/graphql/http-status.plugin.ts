import { ApolloServerPlugin, GraphQLRequestListener, HTTPGraphQLRequest } from '@apollo/server';
import { Plugin } from '@nestjs/apollo';
import Negotiator from 'negotiator';
import { DATABASE_RETRY_AFTER_SECONDS } from '../common/database-unavailable';
import { ErrorCode } from '../common/errors';

const APPLICATION_JSON = 'application/json';
const GRAPHQL_RESPONSE_JSON = 'application/graphql-response+json';

/** The media type Apollo answers with: the one the client prefers of the two, application/json without Accept. */
export function responseMediaType(request: HTTPGraphQLRequest): string {
  const accept = request.headers.get('accept');
  if (!accept) return APPLICATION_JSON;
  return (
    new Negotiator({ headers: { accept } }).mediaType([APPLICATION_JSON, GRAPHQL_RESPONSE_JSON]) ??
    APPLICATION_JSON
  );
}

/**
 * HTTP status codes as the GraphQL-over-HTTP spec has them and as clients read them:
 * - a rate-limited operation (RATE_LIMITED) answers 429, with Retry-After;
 * - an operation the service could not serve at all (SERVICE_UNAVAILABLE and no data: the database down or
 *   read-only for a write) answers 503, with Retry-After;
 * - a well-formed request answered as application/json gets 200 even when it fails to parse or validate (the
 *   spec's SHOULD for that media type): Apollo Client 3 and other application/json clients then show the
 *   error's message rather than "Received status code 400". Clients that accept
 *   application/graphql-response+json (Apollo Client 4, graphql-http) keep the 4xx.
 * Requests that are not well-formed (no query: Apollo's BAD_REQUEST; a body that is not JSON) stay 400.
 */
@Plugin()
export class HttpStatusPlugin implements ApolloServerPlugin {
  async requestDidStart(): Promise<GraphQLRequestListener<never>> {
    return {
      willSendResponse: async ({ request, response }) => {
        if (response.body.kind !== 'single') return;
        const errors = response.body.singleResult.errors ?? [];
        if (errors.some((e) => e.extensions?.code === ErrorCode.RATE_LIMITED)) response.http.status = 429;
        else if (
          response.body.singleResult.data == null &&
          errors.some((e) => e.extensions?.code === ErrorCode.SERVICE_UNAVAILABLE)
        ) {
          response.http.status = 503;
          response.http.headers.set('retry-after', String(DATABASE_RETRY_AFTER_SECONDS));
        } else if (
          response.http.status === 400 &&
          // An operation a page of the explorer runs in process has no HTTP request of its own.
          request.http !== undefined &&
          responseMediaType(request.http) === APPLICATION_JSON &&
          !errors.some((e) => e.extensions?.code === ErrorCode.BAD_REQUEST)
        )
          response.http.status = 200;
      },
    };
  }
}
