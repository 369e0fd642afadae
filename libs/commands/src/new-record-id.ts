import { randomUUID } from 'node:crypto';
import { v5 as uuidv5 } from 'uuid';
import type { CommandEnvelope } from './command-envelope.js';

/**
 * The id of a record about to be opened: derived from the caller's idempotency key when there is
 * one, so a retried open finds the record the first attempt opened. Keys are the caller's own:
 * another caller's equal key opens another record.
 */
export function newRecordId(idNamespace: string, { tenant, actor, commandId }: CommandEnvelope): string {
  return commandId ? uuidv5(`${tenant}/${actor}/${commandId}`, idNamespace) : randomUUID();
}
