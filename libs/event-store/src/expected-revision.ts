/**
 * What an append expects of the stream, as in EventStoreDB: an exact revision (the revision of
 * the stream's last event), no stream at all, any state, or a stream that exists.
 */
export type ExpectedRevision = bigint | 'any' | 'no_stream' | 'stream_exists';

export function describeExpectedRevision(expected: ExpectedRevision): string {
  return typeof expected === 'bigint' ? `revision ${expected}` : expected;
}

/** The current revision of a stream as errors report it; `'no_stream'` when it has no events. */
export type ActualRevision = bigint | 'no_stream';
