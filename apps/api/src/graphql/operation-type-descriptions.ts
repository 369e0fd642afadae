import { GraphQLObjectType, GraphQLSchema } from 'graphql';

const DESCRIPTIONS = {
  query:
    'Reads, always of your own tenant. Those served from read models take `consistentWith` to read your own writes; ' +
    '`history` and `incidentAsOf` read the event store itself',
  mutation:
    'Commands, one per intent. Each takes one `input` with an optional `commandId` (idempotency key: a retry appends ' +
    'nothing) and `expectedVersion` (optimistic concurrency), and returns the new `version` and a `position`',
  subscription:
    'Live updates over the graphql-ws protocol on the same path, pushed once the read model has committed the change',
} as const;

/**
 * Code-first decorators cannot describe the root operation types, so the schema gets their
 * descriptions here (as Nest's `transformSchema`).
 */
export function describeOperationTypes(schema: GraphQLSchema): GraphQLSchema {
  const config = schema.toConfig();
  const roots = new Set([config.query, config.mutation, config.subscription]);
  const described = (type: GraphQLObjectType | null | undefined, description: string) =>
    type && new GraphQLObjectType({ ...type.toConfig(), description });
  return new GraphQLSchema({
    ...config,
    query: described(config.query, DESCRIPTIONS.query),
    mutation: described(config.mutation, DESCRIPTIONS.mutation),
    subscription: described(config.subscription, DESCRIPTIONS.subscription),
    types: config.types.filter((type) => !roots.has(type as GraphQLObjectType)),
  });
}
