import { GraphQLError, visit, type DocumentNode, type GraphQLSchema } from 'graphql';
// The CommonJS build: its ES build imports graphql's .mjs files, a second copy of graphql beside
// the one the schema is made with, which graphql refuses to mix.
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity/cjs';
import type { QueryLimits } from '#config';
import type { ApiError } from '../../errors/api-error.js';
import { queryTooComplex } from './query-too-complex.js';

/** What a top-level field adds to its selection: it is at least one database read or command. */
const ROOT_FIELD_COST = 10;

/**
 * The cost of an operation (graphql-query-complexity): every field 1, each top-level field 10
 * more, and a field taking `first` costs `first` times what it selects, with variables and
 * defaults applied (`incidents` without `first` counts its default page of 20).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number {
  const roots = new Set([schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]);
  const pageEstimator: ComplexityEstimator = ({ type, args, childComplexity }) => {
    const own = roots.has(type as never) ? 1 + ROOT_FIELD_COST : 1;
    const first = args.first;
    return typeof first === 'number' && first > 0 ? own + first * childComplexity : own + childComplexity;
  };
  return getComplexity({
    schema,
    query: document,
    variables: variables ?? {},
    operationName,
    estimators: [pageEstimator],
  });
}

/**
 * Costs of documents whose cost no variable can change, by operation name. Apollo hands the same
 * parsed document for the same query text, so a client repeating an operation pays its cost
 * computation once.
 */
const fixedCosts = new WeakMap<DocumentNode, Map<string | undefined, number>>();
const variableCost = new WeakSet<DocumentNode>();

/**
 * Whether a variable can change the cost: the estimator reads only `first`, and the counting
 * follows `@include` and `@skip`, so a variable in one of those.
 */
function costVaries(document: DocumentNode): boolean {
  if (variableCost.has(document)) return true;
  if (fixedCosts.has(document)) return false;
  let varies = false;
  const findVariables = { Variable: () => void (varies = true) };
  visit(document, {
    Argument(argument) {
      if (argument.name.value === 'first') visit(argument.value, findVariables);
      return false;
    },
    Directive(directive) {
      visit(directive, findVariables);
      return false;
    },
  });
  if (varies) variableCost.add(document);
  else fixedCosts.set(document, new Map());
  return varies;
}

function costOf(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number {
  if (costVaries(document)) return operationCost(schema, document, variables, operationName);
  const known = fixedCosts.get(document)!;
  let cost = known.get(operationName);
  if (cost === undefined) {
    cost = operationCost(schema, document, variables, operationName);
    known.set(operationName, cost);
  }
  return cost;
}

/**
 * The operation's cost, or QUERY_TOO_COMPLEX when it is more than allowed. Variables that do
 * not coerce are left to execution, which refuses them before any resolver runs (cost 0).
 */
export function checkedCost(
  limits: QueryLimits,
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number | ApiError {
  let cost: number;
  try {
    cost = costOf(schema, document, variables, operationName);
  } catch (error) {
    if (error instanceof GraphQLError) return 0;
    throw error;
  }
  if (cost <= limits.maxCost) return cost;
  return queryTooComplex('cost', limits.maxCost, `The operation costs ${cost}, more than the ${limits.maxCost} allowed`);
}
