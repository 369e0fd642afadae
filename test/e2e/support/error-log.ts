/**
 * The contexts Nest logs a request's failures under: formatGraphQLError, the HTTP edge and
 * Nest's own exception handler. Background work left running by another suite in the same Jest
 * process (a projection retrying, say) may log meanwhile; that is not the request's doing.
 */
const REQUEST_CONTEXTS = /^\[Nest\] \d+\s+- .*?\s(ERROR|FATAL) \[(GraphQL|HTTP|ExceptionsHandler)\]/;
const COLOURS = /\x1b\[[0-9;]*m/g;

export interface ErrorLog {
  /** Error entries (with their stacks) logged for requests while recording. */
  requestErrors(): string[];
  stop(): void;
}

/** Starts recording stderr, where Nest writes ERROR lines and stacks; it is still written through. */
export function recordErrorLog(): ErrorLog {
  const stderr = process.stderr;
  const write = stderr.write;
  let text = '';
  stderr.write = function (this: typeof stderr, chunk: unknown, ...rest: unknown[]) {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof stderr.write;
  return {
    // A stack is written right after its entry, so it stays with it when split at each entry.
    requestErrors: () =>
      text
        .replace(COLOURS, '')
        .split(/(?=\[Nest\] )/)
        .filter((entry) => REQUEST_CONTEXTS.test(entry)),
    stop: () => {
      stderr.write = write;
    },
  };
}
