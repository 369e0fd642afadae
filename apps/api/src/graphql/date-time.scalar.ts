import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/**
 * Instants as ISO-8601 strings in UTC. Read models keep instants as strings already, which the
 * built-in DateTime scalar would refuse to serialize.
 */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'An instant, as an ISO-8601 string in UTC (2026-03-02T09:15:00.000Z)',
  serialize: (value) => toIso(value),
  parseValue: (value) => toIso(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be an ISO-8601 string');
    return toIso(ast.value);
  },
});

function toIso(value: unknown): string {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO-8601 instant');
  return date.toISOString();
}
