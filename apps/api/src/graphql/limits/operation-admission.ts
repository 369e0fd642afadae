import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationRule,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import type { QueryLimits } from '#config';
import type { GraphQLContext } from '../../auth/graphql-context.js';
import { ApiError } from '../../errors/api-error.js';
import type { OperationRateLimiter } from '../../rate-limit/operation-rate-limiter.js';
import { checkedCost } from './operation-cost.js';
import { queryLimitRules } from './query-limit-rules.js';
import { tokenLimitRefusal } from './query-too-complex.js';

/**
 * Everything an operation must pass before any resolver runs, the same over HTTP and WebSocket:
 * the token limit while parsing, the shape limits (and introspection) while validating, then the
 * operation's cost and the caller's rate limit, which weighs operations by their cost. Apollo runs the first two from `parseOptions`
 * and `validationRules`, and the plugin the rest; graphql-ws runs all four in `onSubscribe`.
 */
export class OperationAdmission {
  readonly parseOptions: ParseOptions;
  readonly validationRules: ValidationRule[];
  /** Apollo's schema, learnt when it starts; graphql-ws is set up after that. */
  private schema?: GraphQLSchema;

  constructor(
    private readonly limits: QueryLimits,
    private readonly rateLimiter: OperationRateLimiter,
  ) {
    this.parseOptions = { maxTokens: limits.maxTokens };
    this.validationRules = queryLimitRules(limits);
  }

  /** A refusal Apollo made while parsing, recognised as the token limit it is. */
  tokenRefusal(error: unknown): ApiError | undefined {
    return tokenLimitRefusal(error, this.limits.maxTokens);
  }

  apolloPlugin(): ApolloServerPlugin<GraphQLContext> {
    return {
      serverWillStart: async ({ schema }) => {
        this.schema = schema;
      },
      requestDidStart: async () => ({
        didResolveOperation: async ({ contextValue, document, request, operationName, schema }) => {
          const refusal = await this.afterValidation(contextValue, schema, document, request.variables, operationName);
          if (refusal) throw refusal;
        },
      }),
    };
  }

  /** graphql-ws `onSubscribe`: the arguments to run the operation with, or why it may not run. */
  async admitOverWebSocket(
    context: GraphQLContext,
    payload: SubscribePayload,
  ): Promise<Omit<ExecutionArgs, 'contextValue'> | readonly GraphQLError[]> {
    const schema = this.schema;
    if (!schema) throw new Error('GraphQL is not started yet');
    let document: DocumentNode;
    try {
      document = parse(payload.query, this.parseOptions);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      return [this.tokenRefusal(error) ?? coded(error, 'GRAPHQL_PARSE_FAILED')];
    }
    const invalid = validate(schema, document, [...specifiedRules, ...this.validationRules]);
    if (invalid.length > 0) {
      return invalid.map((error) => (error instanceof ApiError ? error : coded(error, 'GRAPHQL_VALIDATION_FAILED')));
    }
    const operationName = payload.operationName ?? undefined;
    const variables = payload.variables ?? undefined;
    const refusal = await this.afterValidation(context, schema, document, variables, operationName);
    if (refusal) return [refusal];
    return { schema, document, operationName, variableValues: variables };
  }

  private async afterValidation(
    context: GraphQLContext,
    schema: GraphQLSchema,
    document: DocumentNode,
    variables: Record<string, unknown> | undefined,
    operationName: string | null | undefined,
  ): Promise<ApiError | undefined> {
    const cost = checkedCost(this.limits, schema, document, variables, operationName ?? undefined);
    if (cost instanceof ApiError) return cost;
    return this.rateLimiter.admit(context.principal, cost);
  }
}

/** The codes Apollo gives the same errors over HTTP, so clients handle both transports alike. */
function coded(error: GraphQLError, code: string): GraphQLError {
  const { nodes, source, positions, extensions } = error;
  return new GraphQLError(error.message, { nodes, source, positions, extensions: { ...extensions, code } });
}
