import type { ApolloServerPlugin } from '@apollo/server';
import type { Metrics } from './metrics.js';

/** Counts and times every GraphQL operation by name and outcome, for /metrics. */
export function graphqlMetricsPlugin(metrics: Metrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const startedAt = Date.now();
      return {
        async willSendResponse({ operation, operationName, errors, response }) {
          const labels = { operation: operationName ?? 'anonymous', type: operation?.operation ?? 'unknown' };
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const firstError = errors?.[0] ?? body?.errors?.[0];
          const code = firstError ? String(firstError.extensions?.code ?? 'INTERNAL_SERVER_ERROR') : 'OK';
          metrics.graphqlOperations.inc({ ...labels, code });
          metrics.graphqlDuration.observe(labels, (Date.now() - startedAt) / 1000);
        },
      };
    },
  };
}
