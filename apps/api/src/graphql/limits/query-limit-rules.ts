import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { NoSchemaIntrospectionCustomRule, type GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import type { QueryLimits } from '#config';
import { queryTooComplex, type QueryLimitName } from './query-too-complex.js';

/**
 * The validation rules that bound an operation's shape (graphql-armor's depth, alias and
 * directive counters), plus the ban on introspection when it is turned off. The same rules run
 * for HTTP (Apollo) and WebSocket (graphql-ws), so neither path is a way around the other.
 */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, ...reportAs('depth', limits.maxDepth) }),
    maxAliasesRule({ n: limits.maxAliases, ...reportAs('aliases', limits.maxAliases) }),
    maxDirectivesRule({ n: limits.maxDirectives, ...reportAs('directives', limits.maxDirectives) }),
    ...(limits.introspection ? [] : [NoSchemaIntrospectionCustomRule]),
  ];
}

/** graphql-armor throws by default; reported instead, the refusal is an ordinary validation error. */
function reportAs(limit: QueryLimitName, max: number) {
  return {
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(queryTooComplex(limit, max, error.message.replace(/^Syntax Error: /, ''))),
    ],
  };
}
