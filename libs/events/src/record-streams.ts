import { RECORD_KIND_NAMES, type RecordKind } from './record-kinds.js';

/**
 * Stream names, as durable as stored event names: `<kind>-<tenant>-<uuid>`. The tenant is part of
 * every name, so a record id of another tenant simply names a stream that does not exist. The
 * id is a fixed-length UUID at the end, so tenants may contain dashes.
 */

const UUID_LENGTH = 36;

export function recordStreamId(kind: RecordKind, tenant: string, id: string): string {
  return `${kind}-${tenant}-${id.toLowerCase()}`;
}

export function recordStreamPrefix(kind: RecordKind): string {
  return `${kind}-`;
}

/** The tenant and id a record stream belongs to, or undefined for other streams. */
export function parseRecordStreamId(
  kind: RecordKind,
  streamId: string,
): { tenant: string; id: string } | undefined {
  const prefix = recordStreamPrefix(kind);
  if (!streamId.startsWith(prefix) || streamId.length < prefix.length + UUID_LENGTH + 2) return undefined;
  const id = streamId.slice(-UUID_LENGTH);
  const tenant = streamId.slice(prefix.length, -UUID_LENGTH - 1);
  return tenant ? { tenant, id } : undefined;
}

/** Every record stream starts with one of these: what projections follow in the log. */
export const RECORD_STREAM_PREFIXES: readonly string[] = RECORD_KIND_NAMES.map(recordStreamPrefix);
