import { describe, expect, it } from '@jest/globals';
import type { RecordedEvent } from '#event-store';
import { FollowerQueue } from './follower-queue.js';

const metadata = { actor: 'a', tenant: 't', correlationId: 'c', causationId: 'c', origin: 'system' } as const;

function commit(kind: 'incident' | 'problem', at: number): RecordedEvent[] {
  return [
    {
      id: `00000000-0000-4000-8000-${String(at).padStart(12, '0')}`,
      streamId: `${kind}-t-00000000-0000-4000-8000-00000000000${kind === 'incident' ? 1 : 2}`,
      revision: 0n,
      type: kind === 'incident' ? 'incident.opened.v1' : 'problem.logged.v1',
      data: {},
      metadata,
      position: { commit: BigInt(at), prepare: BigInt(at) },
      created: new Date(0),
    },
  ];
}

describe(FollowerQueue.name, () => {
  const signal = new AbortController().signal;

  it('folds the commits a follower merely passes into one stretch, handed over only once it has waited', async () => {
    const sut = new FollowerQueue({ problem: 'all' }, 100);
    for (let at = 1; at <= 50; at += 1) await sut.deliver(commit('incident', at), signal);
    const started = Date.now();
    const taken = await sut.take(10, signal, { waitMs: 60_000, passMs: 40 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(35);
    expect(taken).toEqual([{ events: [], through: { commit: 50n, prepare: 50n } }]);
  });

  it('hands over what the follower follows at once, with the stretch passed before it', async () => {
    const sut = new FollowerQueue({ problem: 'all' }, 100);
    await sut.deliver(commit('incident', 1), signal);
    await sut.deliver(commit('problem', 2), signal);
    await sut.deliver(commit('incident', 3), signal);
    const taken = await sut.take(10, signal, { waitMs: 60_000, passMs: 60_000 });
    expect(taken.map((stretch) => [stretch.events.length, stretch.through.commit])).toEqual([
      [0, 1n],
      [1, 2n],
      [0, 3n],
    ]);
  });

  it('counts what waits as passed only when none of it is to be applied, and what was taken is applied', async () => {
    const sut = new FollowerQueue({ problem: 'all' }, 100);
    await sut.deliver(commit('problem', 1), signal);
    expect(sut.passableThrough).toBeUndefined();
    const taken = await sut.take(10, signal, { waitMs: 60_000, passMs: 60_000 });
    expect(taken.map((stretch) => stretch.through.commit)).toEqual([1n]);
    await sut.deliver(commit('incident', 2), signal);
    expect(sut.passableThrough).toBeUndefined();
    sut.settled();
    expect(sut.passableThrough).toEqual({ commit: 2n, prepare: 2n });
    await sut.deliver(commit('problem', 3), signal);
    expect(sut.passableThrough).toBeUndefined();
  });
});
