import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal.js';
import type { CommandEnvelope } from '#commands';
import { parseRecordVersion } from '#events';
import { ApiError } from '../errors/api-error.js';

/** What every mutation input may carry besides its own fields. */
export interface CommandOptions {
  readonly commandId?: string | null;
  readonly expectedVersion?: string | null;
}

/** Builds the envelope of a command from the caller and the mutation's common input fields. */
export function commandEnvelope(
  principal: Principal,
  options: CommandOptions,
  now: Date,
  extra: { reason?: string; correlationId?: string } = {},
): CommandEnvelope {
  const commandId = options.commandId ?? undefined;
  return {
    tenant: principal.tenant,
    actor: principal.subject,
    origin: principal.serviceAccountId || principal.roles.includes('automation') ? 'automation' : 'interactive',
    ...(principal.serviceAccountId ? { serviceAccountId: principal.serviceAccountId } : {}),
    commandId,
    correlationId: extra.correlationId ?? principal.correlationId ?? randomUUID(),
    causationId: commandId ?? randomUUID(),
    expectedVersion: parseVersion(options.expectedVersion),
    reason: extra.reason,
    now,
  };
}

function parseVersion(version: string | null | undefined): bigint | undefined {
  if (version === null || version === undefined) return undefined;
  const revision = parseRecordVersion(version);
  if (revision === undefined) {
    throw new ApiError('BAD_USER_INPUT', 'expectedVersion must be a version this API returned', {
      field: 'expectedVersion',
    });
  }
  return revision;
}
