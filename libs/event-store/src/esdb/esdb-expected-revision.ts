import { ANY, NO_STREAM, STREAM_EXISTS, type AppendExpectedRevision } from '@eventstore/db-client';
import { InvalidAppendError } from '../event-store.errors.js';
import type { ExpectedRevision } from '../expected-revision.js';

/** The port's expectations have the client's names; revisions are unsigned 64-bit on the wire. */
export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      if (expected < 0n) throw new InvalidAppendError(`Expected revision ${expected} is negative`);
      return expected;
  }
}
