/** What the app wrote to stderr, where Nest writes ERROR lines and stacks, while recording. */
export interface ErrorLog {
  text(): string;
  stop(): void;
}

/** Starts recording stderr (it is still written through), to show that a refusal logged nothing. */
export function recordErrorLog(): ErrorLog {
  const stderr = process.stderr;
  const write = stderr.write;
  let text = '';
  stderr.write = function (this: typeof stderr, chunk: unknown, ...rest: unknown[]) {
    text += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof stderr.write;
  return {
    text: () => text,
    stop: () => {
      stderr.write = write;
    },
  };
}
