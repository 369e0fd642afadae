import type { ExecutionResult, FormattedExecutionResult } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import { authenticate } from '../auth/authenticate.js';
import type { GraphQLContext } from '../auth/graphql-context.js';
import type { TokenVerifier } from '../auth/token-verifier.js';
import type { ReadModelUpdateFeed } from '../read-model/read-model-update-feed.js';
import { ApiError } from '../errors/api-error.js';
import { formatGraphQLError } from '../errors/format-graphql-error.js';
import type { OperationAdmission } from './limits/operation-admission.js';

/**
 * What a connection keeps: the caller, authenticated when it connects, and the credential, as a
 * service account's standing is checked again before each of its operations.
 */
export type ConnectionState = { context: GraphQLContext; authorization: unknown };
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
  updates: ReadModelUpdateFeed,
): ServerOptions<Record<string, unknown> | undefined, WsExtra> {
  return {
    onConnect: async (ctx) => {
      const params = ctx.connectionParams ?? {};
      ctx.extra.authorization = params.authorization ?? params.Authorization;
      ctx.extra.context = await authenticate(verifier, ctx.extra.authorization);
      if (ctx.extra.context.principal?.expiresAt) closeWhenTokenExpires(ctx.extra, ctx.extra.context.principal.expiresAt);
      if (ctx.extra.context.principal?.serviceAccountId) closeWhenAccountStops(verifier, updates, ctx.extra);
      return true;
    },
    onSubscribe: async (ctx, _id, payload) => {
      const refusal = await reauthenticateServiceAccount(verifier, ctx.extra);
      return refusal ? [refusal] : admission.admitOverWebSocket(ctx.extra.context ?? {}, payload);
    },
    context: (ctx) => ctx.extra.context ?? {},
    onError: (_ctx, _id, _payload, errors) => errors.map((error) => formatGraphQLError(error.toJSON(), error)),
    // A refused subscribe (UNAUTHENTICATED, NOT_FOUND...) arrives as a result with errors, which
    // graphql-ws would otherwise send unformatted.
    onNext: (_ctx, _id, _payload, _args, result) => formatResultErrors(result as ExecutionResult),
  };
}

/**
 * Subscriptions already running would go on pushing after a service account is revoked or
 * rotated; when its read model announces a change, its standing is checked again and the socket
 * closed with 4401 and the reason (revoked, rotated) if it no longer stands.
 */
function closeWhenAccountStops(verifier: TokenVerifier, updates: ReadModelUpdateFeed, extra: WsExtra): void {
  const accountId = extra.context!.principal!.serviceAccountId;
  const stop = updates.onUpdate(({ records }) => {
    if (!records.some((record) => record.kind === 'service-account' && record.id === accountId)) return;
    reauthenticateServiceAccount(verifier, extra).then(
      (refusal) => refusal && extra.socket.close(4401, `Service account ${String(refusal.extensions.reason)}`),
      () => undefined,
    );
  });
  extra.socket.once('close', stop);
}

/**
 * A revoked, rotated or expired service account's socket gets UNAUTHENTICATED (with the reason)
 * for its next operation, and keeps getting it: the credential never works again.
 */
async function reauthenticateServiceAccount(verifier: TokenVerifier, extra: WsExtra): Promise<ApiError | undefined> {
  if (!extra.context?.principal?.serviceAccountId) return undefined;
  const context = await authenticate(verifier, extra.authorization);
  if (context.principal) return undefined;
  const failure = context.authFailure!;
  return new ApiError('UNAUTHENTICATED', failure.message, { reason: failure.reason });
}

function formatResultErrors(result: ExecutionResult): FormattedExecutionResult | undefined {
  if (!result.errors) return undefined;
  return { ...result, errors: result.errors.map((error) => formatGraphQLError(error.toJSON(), error)) };
}

