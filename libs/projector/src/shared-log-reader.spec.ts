import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  PostgresEventStore,
  encodePositionToken,
  ensureEventStoreSchema,
  type EventStore,
  type Position,
  type RecordedEvent,
} from '#event-store';
import { ensureReadModelSchema, loadCheckpoint, type FollowedEvents, type Projection } from '#read-model';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { LogReader } from './log-reader.js';
import { ProjectionRunner, type ProjectionRunnerOptions } from './projection-runner.js';

const metadata = { actor: 'a', tenant: 't', correlationId: 'c', causationId: 'c', origin: 'system' } as const;

/** Remembers the events it was handed; writes nothing, so only the runner's own statements run. */
function recording(name: string, follows: FollowedEvents): Projection & { readonly handed: RecordedEvent[]; batches: number } {
  const handed: RecordedEvent[] = [];
  return {
    name,
    follows,
    handed,
    batches: 0,
    async applyBatch(events) {
      this.batches += 1;
      handed.push(...events);
      return [];
    },
    reset: async () => void handed.splice(0),
  };
}

/** The store, counting the subscriptions to the log open at any time, and all it opened. */
function countingSubscriptions(store: EventStore): { store: EventStore; open: () => number; opened: () => number } {
  let open = 0;
  let opened = 0;
  const counted: EventStore = Object.create(store);
  counted.subscribeToAll = (options) => {
    const subscription = store.subscribeToAll(options);
    open += 1;
    opened += 1;
    let closed = false;
    return {
      [Symbol.asyncIterator]: () => subscription[Symbol.asyncIterator](),
      close: async () => {
        if (!closed) open -= 1;
        closed = true;
        await subscription.close();
      },
    };
  };
  return { store: counted, open: () => open, opened: () => opened };
}

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('followers sharing one reader of the log', () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  const stop = new AbortController();

  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureEventStoreSchema(database.pool);
    await ensureReadModelSchema(database.pool, []);
    store = new PostgresEventStore(database.pool);
  });
  afterAll(async () => {
    stop.abort();
    await store?.close();
    await database?.drop();
  });
  beforeEach(async () => {
    await database.pool.query('TRUNCATE projection_checkpoints, es_events');
  });

  async function append(kind: 'incident' | 'problem', type: string, count = 1): Promise<Position> {
    const events = Array.from({ length: count }, () => ({ id: randomUUID(), type, data: {}, metadata }));
    return (await store.appendToStream(`${kind}-t-${randomUUID()}`, events, { expectedRevision: 'no_stream' })).position;
  }

  function start(runners: ProjectionRunner[], signal: AbortSignal): Promise<void[]> {
    return Promise.all(runners.map((runner) => runner.run(signal)));
  }

  const at = async (position: Position) => encodePositionToken(position, await store.identity());

  it('reads the log once for all of them once they have caught up, and hands each what it follows', async () => {
    await append('incident', 'incident.opened.v1', 3);
    await append('problem', 'problem.logged.v1');
    const counted = countingSubscriptions(store);
    const reader = new LogReader(counted.store);
    const options: ProjectionRunnerOptions = { reader, retryDelayMs: 10 };
    const incidents = recording('incidents-only', { incident: 'all' });
    const problems = recording('problems-only', { problem: ['ProblemLogged'] });
    const runners = [incidents, problems].map((projection) => new ProjectionRunner(projection, counted.store, database.pool, options));
    const run = new AbortController();
    const running = start(runners, AbortSignal.any([run.signal, stop.signal]));
    try {
      const head = await at(await append('incident', 'incident.opened.v1'));
      await until(() => runners.every((runner) => runner.status().position === head), 'both are at the head');
      await until(() => counted.open() === 1, 'one subscription serves both');
      const next = await at(await append('problem', 'problem.logged.v1', 2));
      await until(() => runners.every((runner) => runner.status().position === next), 'both pass the next append');
      expect(counted.open()).toBe(1);
      expect(incidents.handed.map((event) => event.type)).toEqual(Array(4).fill('incident.opened.v1'));
      expect(problems.handed.map((event) => event.type)).toEqual(Array(3).fill('problem.logged.v1'));
    } finally {
      run.abort();
      await running;
    }
    expect(counted.open()).toBe(0);
  });

  it('passes what it does not follow without a transaction, and moves its checkpoint there lazily', async () => {
    const first = await append('problem', 'problem.logged.v1');
    const problems = recording('problems-lazy', { problem: 'all' });
    const lazy = new ProjectionRunner(problems, store, database.pool, { reader: new LogReader(store), lazyCheckpointMs: 600_000 });
    const run = new AbortController();
    const running = lazy.run(AbortSignal.any([run.signal, stop.signal]));
    try {
      await until(() => lazy.hasPassed(first), 'the problem is applied');
      expect((await loadCheckpoint(database.pool, 'problems-lazy'))?.position).toEqual(first);
      const ignored = await append('incident', 'incident.opened.v1', 5);
      await until(() => lazy.hasPassed(ignored), 'the incident events are passed');
      expect(problems.batches).toBe(1);
      expect((await loadCheckpoint(database.pool, 'problems-lazy'))?.position).toEqual(first);
      // Its next write takes the checkpoint past everything it passed.
      const second = await append('problem', 'problem.logged.v1');
      await until(() => lazy.hasPassed(second), 'the next problem is applied');
      expect((await loadCheckpoint(database.pool, 'problems-lazy'))?.position).toEqual(second);
    } finally {
      run.abort();
      await running;
    }
    expect(lazy.hasPassed(first)).toBe(false);
  });

  it('flushes a checkpoint left behind after the bounded time, with no write of its own', async () => {
    await append('problem', 'problem.logged.v1');
    const problems = recording('problems-flushed', { problem: 'all' });
    const runner = new ProjectionRunner(problems, store, database.pool, { reader: new LogReader(store), lazyCheckpointMs: 50 });
    const run = new AbortController();
    const running = runner.run(AbortSignal.any([run.signal, stop.signal]));
    try {
      const ignored = await append('incident', 'incident.opened.v1');
      await until(async () => (await loadCheckpoint(database.pool, 'problems-flushed'))?.position.commit === ignored.commit, 'the checkpoint moves');
      expect(problems.batches).toBe(1);
    } finally {
      run.abort();
      await running;
    }
  });

  it('lets a follower far behind catch up on its own, then join the one reader the live follower uses', async () => {
    const counted = countingSubscriptions(store);
    const reader = new LogReader(counted.store);
    const live = recording('live', { incident: 'all' });
    const liveRunner = new ProjectionRunner(live, counted.store, database.pool, { reader });
    const run = new AbortController();
    const signal = AbortSignal.any([run.signal, stop.signal]);
    const running = [liveRunner.run(signal)];
    try {
      for (let i = 0; i < 40; i += 1) await append('incident', 'incident.opened.v1', 5);
      const head = await at(await append('incident', 'incident.opened.v1'));
      await until(() => liveRunner.status().position === head, 'the live follower is at the head');
      const late = recording('late', { incident: 'all' });
      const lateRunner = new ProjectionRunner(late, counted.store, database.pool, { reader, maxBatch: 10 });
      running.push(lateRunner.run(signal));
      // Appends go on all the while, so the late one is never level with the shared reader by
      // chance: it closes the gap itself.
      let appended = 201;
      const deadline = Date.now() + 20_000;
      // The live one opened its own and the shared one; the late one its own, which it leaves.
      while (counted.opened() < 3 || counted.open() !== 1) {
        if (Date.now() > deadline) throw new Error('the late follower never joined the shared reader');
        await append('incident', 'incident.opened.v1');
        appended += 1;
      }
      const after = await at(await append('incident', 'incident.opened.v1'));
      await until(() => lateRunner.status().position === after && liveRunner.status().position === after, 'both reach the new head');
      expect(counted.open()).toBe(1);
      expect(late.handed.map((event) => event.id)).toEqual(live.handed.map((event) => event.id));
      expect(late.handed).toHaveLength(appended + 1);
    } finally {
      run.abort();
      await Promise.all(running);
    }
  });

  it('closes a long gap to the shared reader without losing what lies in it', async () => {
    const reader = new LogReader(store);
    const live = recording('gap-live', { incident: 'all' });
    const liveRunner = new ProjectionRunner(live, store, database.pool, { reader });
    const run = new AbortController();
    const signal = AbortSignal.any([run.signal, stop.signal]);
    const running = [liveRunner.run(signal)];
    try {
      // More than a follower reads itself to join the shared reader, with one problem at the end.
      await append('problem', 'problem.logged.v1');
      for (let i = 0; i < 200; i += 1) await append('incident', 'incident.opened.v1', 50);
      await append('problem', 'problem.logged.v1');
      const head = await at(await append('incident', 'incident.opened.v1'));
      await until(() => liveRunner.status().position === head, 'the live follower is at the head');
      const problems = recording('gap-problems', { problem: 'all' });
      const lateRunner = new ProjectionRunner(problems, store, database.pool, { reader, maxBatch: 1 });
      running.push(lateRunner.run(signal));
      await until(() => lateRunner.status().position === head, 'the late follower reaches the head');
      expect(problems.handed.map((event) => event.type)).toEqual(['problem.logged.v1', 'problem.logged.v1']);
    } finally {
      run.abort();
      await Promise.all(running);
    }
  });
});
