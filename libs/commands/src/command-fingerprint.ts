import { createHash } from 'node:crypto';
import stableStringify from 'fast-json-stable-stringify';

/**
 * What a command asked of which record, as a hash kept in its events' metadata: a retry under
 * the same commandId must ask the same, or it is a reuse of the key. Keys are sorted, so the
 * fingerprint does not depend on the order a resolver happened to build the payload in.
 */
export function commandFingerprint(streamId: string, intent: unknown): string {
  return createHash('sha256').update(stableStringify({ streamId, intent })).digest('base64url');
}
