import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  getNullableType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { graphql } from './graphql-client.js';
import type { TestApp } from './test-app.js';

/**
 * Every operation the live schema serves, with a document and generic arguments for it: what
 * the generated proofs (cross-tenant, role matrix) walk, so a new operation is covered without
 * editing them.
 */
export interface Operation {
  readonly type: 'Query' | 'Mutation' | 'Subscription';
  readonly name: string;
  /**
   * The operation with every argument as a variable and every field it can select (bounded):
   * one document per concrete type when it answers an interface or union, whose types may
   * name a field alike with different types (which one selection could not merge).
   */
  readonly documents: readonly string[];
  /** Whether some argument takes a record id (so it is tried with each record's id). */
  readonly takesId: boolean;
  /**
   * Variables for the arguments: required ones filled from their types, ids with `id`; without
   * it optional ids are left out too, and required ones get an id of no record.
   */
  variables(id?: string): Record<string, unknown>;
}

/** How deep the selection goes into object fields: enough for payload → record → journal. */
const SELECTION_DEPTH = 4;
/** An id no record has. */
const NO_RECORD = '00000000-0000-4000-8000-000000000000';
/** A DateTime every check accepts: after every recorded event, before any expiry limit matters. */
const AN_INSTANT = '2099-01-01T00:00:00.000Z';

/** The ids to call an operation with: each of `ids` where it takes one, and once without (lists unfiltered). */
export function fillingsOf(operation: Operation, ids: readonly string[]): (string | undefined)[] {
  return [...(operation.takesId ? ids : []), undefined];
}

export async function servedSchema(app: TestApp, token: string): Promise<GraphQLSchema> {
  const response = await graphql<IntrospectionQuery>(app.url, getIntrospectionQuery(), {}, token);
  return buildClientSchema(response.data!);
}

export function operationsOf(schema: GraphQLSchema): Operation[] {
  const roots = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()];
  return roots.flatMap((root) =>
    root ? Object.values(root.getFields()).map((field) => operation(schema, root.name as Operation['type'], field)) : [],
  );
}

function operation(schema: GraphQLSchema, type: Operation['type'], field: GraphQLField<unknown, unknown>): Operation {
  const variables = field.args.map((arg) => `$${arg.name}: ${arg.type.toString()}`);
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`);
  const returned = getNamedType(field.type);
  const selections = isAbstractType(returned)
    ? schema.getPossibleTypes(returned).map((concrete) => ` { __typename ... on ${concrete.name}${selection(concrete, SELECTION_DEPTH)} }`)
    : [selection(field.type, SELECTION_DEPTH)];
  const head = `${type.toLowerCase()} Probe${variables.length ? `(${variables.join(', ')})` : ''}`;
  const call = `${field.name}${args.length ? `(${args.join(', ')})` : ''}`;
  return {
    type,
    name: field.name,
    documents: selections.map((fields) => `${head} { ${call}${fields} }`),
    takesId: field.args.some((arg) => takesId(arg.type)),
    variables: (id) =>
      Object.fromEntries(
        field.args
          .map((arg) => [arg.name, value(arg.name, arg.type, id, isNonNullType(arg.type))] as const)
          .filter(([, filled]) => filled !== undefined),
      ),
  };
}

/** Every field without required arguments, objects to `depth`; of a nested abstract type its name. */
function selection(type: GraphQLOutputType, depth: number): string {
  const named = getNamedType(type);
  if (isLeafType(named)) return '';
  if (depth === 0 || !isObjectType(named)) return ' { __typename }';
  const fields = Object.values(named.getFields())
    .filter((field) => field.args.every((arg) => !isNonNullType(arg.type)))
    .map((field) => `${field.name}${selection(field.type, depth - 1)}`);
  return ` { ${fields.join(' ')} }`;
}

/** An argument or input field takes a record id: an ID, or an input object with one. */
function takesId(type: GraphQLInputType): boolean {
  const named = getNamedType(type);
  if (named.name === 'ID') return true;
  return isInputObjectType(named) && Object.values(named.getFields()).some((field) => takesId(field.type));
}

/**
 * A value of the type: ids are `id`, strings named `…Id` (references to things outside the
 * product, a UUID where one is asked) an id of no record, other scalars a plain value,
 * enums their first value, input objects their required fields and every id field. Optional
 * arguments other than ids are left out.
 */
function value(name: string, type: GraphQLInputType, id: string | undefined, required: boolean): unknown {
  if (!required && (id === undefined || !takesId(type))) return undefined;
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [value(name.replace(/s$/, ''), nullable.ofType, id, true)];
  if (isEnumType(nullable)) return nullable.getValues()[0]!.value;
  if (isInputObjectType(nullable)) {
    const fields = Object.values(nullable.getFields()).map((field) => [field.name, value(field.name, field.type, id, isNonNullType(field.type))] as const);
    return Object.fromEntries(fields.filter(([, filled]) => filled !== undefined));
  }
  switch (nullable.name) {
    case 'ID':
      return id ?? NO_RECORD;
    case 'String':
      return /Ids?$/.test(name) ? NO_RECORD : 'probe';
    case 'Int':
    case 'Float':
      return 1;
    case 'Boolean':
      return true;
    case 'DateTime':
      return AN_INSTANT;
    case 'JSON':
      return {};
    default:
      return 'probe';
  }
}
