import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { GraphQLFormattedError } from 'graphql';
import type { Request } from 'express';
import { authenticate } from '../auth/authenticate.js';
import type { TokenVerifier } from '../auth/token-verifier.js';
import { formatGraphQLError } from '../errors/format-graphql-error.js';
import { graphqlMetricsPlugin } from '../metrics/graphql-metrics.plugin.js';
import type { Metrics } from '../metrics/metrics.js';
import { describeOperationTypes } from './operation-type-descriptions.js';
import { graphqlOverHttpPlugin } from './graphql-over-http.plugin.js';
import { GRAPHQL_PATH } from './graphql-ws.server.js';
import type { OperationAdmission } from './limits/operation-admission.js';

/**
 * GraphQL over HTTP (POST and GET, `application/graphql-response+json`); graphql-ws on the same
 * path is served by GraphQLWebSocketServer. The schema is generated from code; `npm run schema`
 * writes it to schema.graphql. Introspection follows GRAPHQL_INTROSPECTION.
 */
export function graphqlOptions(
  verifier: TokenVerifier,
  metrics: Metrics,
  admission: OperationAdmission,
  introspection: boolean,
): ApolloDriverConfig {
  const formatError = (formatted: GraphQLFormattedError, error: unknown) =>
    formatGraphQLError(formatted, admission.tokenRefusal(error) ?? error);
  return {
    path: GRAPHQL_PATH,
    autoSchemaFile: true,
    sortSchema: true,
    transformSchema: describeOperationTypes,
    playground: false,
    graphiql: false,
    introspection,
    parseOptions: admission.parseOptions,
    validationRules: admission.validationRules,
    includeStacktraceInErrorResponses: false,
    // Tokens travel in the Authorization header, never in cookies, so there is no ambient
    // credential for a cross-site request to abuse; the guard would also block GET queries.
    csrfPrevention: false,
    // Automatic persisted queries are not offered: a request using them gets
    // PERSISTED_QUERY_NOT_SUPPORTED, on which clients fall back to sending the document.
    persistedQueries: false,
    formatError,
    plugins: [graphqlMetricsPlugin(metrics), graphqlOverHttpPlugin(), admission.apolloPlugin()],
    context: ({ req }: { req: Request }) =>
      authenticate(verifier, req.headers.authorization, req.headers['x-correlation-id']),
  };
}
