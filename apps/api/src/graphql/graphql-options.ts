import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { ExecutionResult, GraphQLFormattedError } from 'graphql';
import type { Request } from 'express';
import type { Context as WsContext } from 'graphql-ws';
import type { WebSocket } from 'ws';
import type { GraphQLContext } from '../auth/graphql-context.js';
import { InvalidTokenError } from '../auth/invalid-token.error.js';
import type { TokenVerifier } from '../auth/token-verifier.js';
import { formatGraphQLError } from '../errors/format-graphql-error.js';
import { graphqlMetricsPlugin } from '../metrics/graphql-metrics.plugin.js';
import type { Metrics } from '../metrics/metrics.js';
import { describeOperationTypes } from './operation-type-descriptions.js';
import { graphqlOverHttpPlugin } from './graphql-over-http.plugin.js';

/** Correlation ids the API takes from callers; anything else is replaced by a fresh one. */
const CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Verifies a token if one is given; a refused one is remembered, to be answered UNAUTHENTICATED. */
async function authenticate(
  verifier: TokenVerifier,
  authorization: unknown,
  correlationId?: unknown,
): Promise<GraphQLContext> {
  if (typeof authorization !== 'string' || authorization === '') return {};
  try {
    const principal = await verifier.verify(authorization);
    const given = typeof correlationId === 'string' && CORRELATION_ID.test(correlationId);
    return { principal: given ? { ...principal, correlationId } : principal };
  } catch (error) {
    if (error instanceof InvalidTokenError) return { authFailure: error };
    throw error;
  }
}

interface WsExtra {
  context?: GraphQLContext;
  readonly socket: WebSocket;
}

/** setTimeout's longest delay; a token valid for longer is checked again after that. */
const MAX_TIMER_MS = 2_147_483_647;

/**
 * A WebSocket outlives the token it was opened with unless it is closed when the token expires;
 * 4401 tells graphql-ws clients not to retry with the same token.
 */
function closeWhenTokenExpires(extra: WsExtra, expiresAt: Date): void {
  const timer = setTimeout(
    () => extra.socket.close(4401, 'Token expired'),
    Math.min(Math.max(expiresAt.getTime() - Date.now(), 0), MAX_TIMER_MS),
  );
  extra.socket.once('close', () => clearTimeout(timer));
}

/**
 * GraphQL over HTTP (POST and GET, `application/graphql-response+json`) and graphql-ws on the
 * same path. The schema is generated from code; `npm run schema` writes it to schema.graphql.
 */
export function graphqlOptions(verifier: TokenVerifier, metrics: Metrics): ApolloDriverConfig {
  return {
    path: '/graphql',
    autoSchemaFile: true,
    sortSchema: true,
    transformSchema: describeOperationTypes,
    playground: false,
    graphiql: false,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // Tokens travel in the Authorization header, never in cookies, so there is no ambient
    // credential for a cross-site request to abuse; the guard would also block GET queries.
    csrfPrevention: false,
    // Automatic persisted queries are not offered: a request using them gets
    // PERSISTED_QUERY_NOT_SUPPORTED, on which clients fall back to sending the document.
    persistedQueries: false,
    formatError: formatGraphQLError,
    plugins: [graphqlMetricsPlugin(metrics), graphqlOverHttpPlugin()],
    context: ({ req }: { req: Request }) =>
      authenticate(verifier, req.headers.authorization, req.headers['x-correlation-id']),
    subscriptions: {
      'graphql-ws': graphqlWsOptions(verifier),
    },
  };
}

/**
 * graphql-ws: the token comes in `connectionParams.authorization`. `context` is not in Nest's
 * type for these options, but Nest hands them all to graphql-ws, which reads it.
 */
function graphqlWsOptions(verifier: TokenVerifier): Record<string, unknown> {
  const formatWsErrors = (errors: readonly GraphQLFormattedError[]) =>
    errors.map((error) => formatGraphQLError(error, error));
  return {
    onConnect: async (ctx: WsContext) => {
      const params = ctx.connectionParams ?? {};
      const extra = ctx.extra as WsExtra;
      extra.context = await authenticate(verifier, params.authorization ?? params.Authorization);
      if (extra.context.principal?.expiresAt) closeWhenTokenExpires(extra, extra.context.principal.expiresAt);
      return true;
    },
    context: (ctx: WsContext) => (ctx.extra as WsExtra).context ?? {},
    onError: (_ctx: unknown, _id: unknown, _payload: unknown, errors: readonly GraphQLFormattedError[]) =>
      formatWsErrors(errors),
    // A refused subscribe (UNAUTHENTICATED, NOT_FOUND...) arrives as a result with errors, which
    // graphql-ws would otherwise send unformatted.
    onNext: (_ctx: unknown, _id: unknown, _payload: unknown, _args: unknown, result: ExecutionResult) =>
      result.errors ? { ...result, errors: result.errors.map((error) => formatGraphQLError(error.toJSON(), error)) } : undefined,
  };
}
