import type { ExecutionResult, FormattedExecutionResult } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import { authenticate } from '../auth/authenticate.js';
import type { GraphQLContext } from '../auth/graphql-context.js';
import type { TokenVerifier } from '../auth/token-verifier.js';
import { formatGraphQLError } from '../errors/format-graphql-error.js';
import type { OperationAdmission } from './limits/operation-admission.js';

/** What a connection keeps: the caller, authenticated once when it connects. */
export type ConnectionState = { context: GraphQLContext };
type WsExtra = Extra & Partial<ConnectionState>;

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
 * graphql-ws: the token comes in `connectionParams.authorization`; every operation passes the
 * same admission as over HTTP (limits, rate, cost) before it runs.
 */
export function graphqlWsOptions(
  verifier: TokenVerifier,
  admission: OperationAdmission,
): ServerOptions<Record<string, unknown> | undefined, WsExtra> {
  return {
    onConnect: async (ctx) => {
      const params = ctx.connectionParams ?? {};
      ctx.extra.context = await authenticate(verifier, params.authorization ?? params.Authorization);
      if (ctx.extra.context.principal?.expiresAt) closeWhenTokenExpires(ctx.extra, ctx.extra.context.principal.expiresAt);
      return true;
    },
    onSubscribe: (ctx, _id, payload) => admission.admitOverWebSocket(ctx.extra.context ?? {}, payload),
    context: (ctx) => ctx.extra.context ?? {},
    onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatGraphQLError(error.toJSON(), error)),
    // A refused subscribe (UNAUTHENTICATED, NOT_FOUND...) arrives as a result with errors, which
    // graphql-ws would otherwise send unformatted.
    onNext: (_ctx, _id, _payload, _args, result) => formatResultErrors(result as ExecutionResult),
  };
}

function formatResultErrors(result: ExecutionResult): FormattedExecutionResult | undefined {
  if (!result.errors) return undefined;
  return { ...result, errors: result.errors.map((error) => formatGraphQLError(error.toJSON(), error)) };
}

