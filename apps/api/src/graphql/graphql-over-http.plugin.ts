import type { ApolloServerPlugin } from '@apollo/server';
import { ApiError } from '../errors/api-error.js';
import { APPLICATION_JSON, graphqlResponseMediaType } from '../http/graphql-media-type.js';

/**
 * What GraphQL over HTTP asks of us where Apollo Server leaves it open.
 *
 * Subscriptions are served over graphql-ws only: one sent over HTTP is refused before it runs
 * (graphql-js would run it as a query and fail inside). Apollo already refuses it over GET.
 *
 * A request error of a well-formed request (document parse, validation, variable coercion)
 * answers 200 when the response is application/json, the legacy media type whose clients may
 * not read a 4xx body, as the spec says it SHOULD; application/graphql-response+json keeps 400.
 * BAD_REQUEST means the HTTP request itself was malformed: that stays 400 in either type.
 */
export function graphqlOverHttpPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart({ request }) {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation === 'subscription') {
            throw new ApiError(
              'SUBSCRIPTION_OVER_HTTP_NOT_SUPPORTED',
              'Subscriptions are served over WebSocket (the graphql-ws protocol) at this same path, not over HTTP',
              { httpStatus: 400 },
            );
          }
        },
        async willSendResponse({ response, errors }) {
          if (response.http.status !== 400) return;
          if (graphqlResponseMediaType(request.http?.headers.get('accept')) !== APPLICATION_JSON) return;
          if (errors?.some((error) => error.extensions.code === 'BAD_REQUEST')) return;
          response.http.status = 200;
        },
      };
    },
  };
}
