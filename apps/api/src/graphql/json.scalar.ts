import { GraphQLScalarType, valueFromASTUntyped } from 'graphql';

/**
 * Any JSON value, as is. For payloads whose shape is the event's own (history): typing every
 * stored event version in the schema would tie clients to each one, and auditors want them raw.
 */
export const JSONScalar = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  description: 'Any JSON value: object, array, string, number, boolean or null',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
