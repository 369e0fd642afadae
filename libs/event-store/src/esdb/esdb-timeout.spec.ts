import { describe, expect, it } from '@jest/globals';
import { EventStoreUnavailableError } from '../event-store.errors.js';
import { timeoutEachStep, withTimeout } from './esdb-timeout.js';

const never = <T>() => new Promise<T>(() => undefined);

describe('withTimeout', () => {
  it('turns a call that never answers into EventStoreUnavailableError and lets the caller abandon it', async () => {
    let abandoned = false;
    const outcome = withTimeout(never<string>(), 20, 'Appending to "s"', () => (abandoned = true));
    await expect(outcome).rejects.toBeInstanceOf(EventStoreUnavailableError);
    await expect(outcome).rejects.toThrow('Appending to "s": no answer from EventStoreDB within 20 ms');
    expect(abandoned).toBe(true);
  });

  it('passes an answer or a failure through unchanged when it comes in time', async () => {
    let abandoned = false;
    await expect(withTimeout(Promise.resolve(7), 1_000, 'x', () => (abandoned = true))).resolves.toBe(7);
    const failure = new Error('conflict');
    await expect(withTimeout(Promise.reject(failure), 1_000, 'x')).rejects.toBe(failure);
    expect(abandoned).toBe(false);
  });
});

describe('timeoutEachStep', () => {
  it('yields every item of a source that keeps answering', async () => {
    async function* source() {
      yield 1;
      yield 2;
    }
    const items: number[] = [];
    for await (const item of timeoutEachStep(source(), 1_000, 'read', () => undefined)) items.push(item);
    expect(items).toEqual([1, 2]);
  });

  it('fails with EventStoreUnavailableError when a step stalls, after the items that came', async () => {
    const stalling: AsyncIterable<number> = {
      [Symbol.asyncIterator]: () => {
        let served = 0;
        return { next: () => (served++ === 0 ? Promise.resolve({ done: false, value: 1 }) : never()) };
      },
    };
    let abandoned = false;
    const items: number[] = [];
    const reading = (async () => {
      for await (const item of timeoutEachStep(stalling, 20, 'Reading $all', () => (abandoned = true)))
        items.push(item);
    })();
    await expect(reading).rejects.toBeInstanceOf(EventStoreUnavailableError);
    expect(items).toEqual([1]);
    expect(abandoned).toBe(true);
  });
});
