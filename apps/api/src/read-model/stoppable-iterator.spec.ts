import { EventEmitter, on } from 'node:events';
import { describe, expect, it } from '@jest/globals';
import { stoppable } from './stoppable-iterator.js';

/** Like the change feed: listens from the call on, ends quietly when the signal aborts. */
function listen(emitter: EventEmitter, signal: AbortSignal): AsyncGenerator<number> {
  const events = on(emitter, 'change', { signal });
  return (async function* () {
    try {
      for await (const [value] of events) yield value as number;
    } catch (error) {
      if (!signal.aborted) throw error;
    }
  })();
}

describe('stoppable', () => {
  it('hands on what the generator yields', async () => {
    const emitter = new EventEmitter();
    const values = stoppable((signal) => listen(emitter, signal));
    emitter.emit('change', 1);
    emitter.emit('change', 2);
    expect(await values.next()).toEqual({ value: 1, done: false });
    expect(await values.next()).toEqual({ value: 2, done: false });
  });

  it('stops a generator waiting on a quiet source, and removes its listener', async () => {
    const emitter = new EventEmitter();
    const values = stoppable((signal) => listen(emitter, signal));
    expect(emitter.listenerCount('change')).toBe(1);
    const pending = values.next();
    await new Promise((resolve) => setImmediate(resolve));

    await expect(values.return!()).resolves.toMatchObject({ done: true });
    await expect(pending).resolves.toEqual({ value: undefined, done: true });
    expect(emitter.listenerCount('change')).toBe(0);
    expect(await values.next()).toEqual({ value: undefined, done: true });
  });
});
