import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { v5 as uuidv5 } from 'uuid';
import type { Clock, SystemCommandOutcome } from '#commands';
import { reactToProblemFix, type ProblemEventCause, type ProblemFixState } from '#domain';
import { eventSerializer, recordStreamId, type ProblemEvent } from '#events';
import type { RecordedEvent } from '#event-store';
import { ensureReadModelSchema, inTransaction } from '#read-model';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { logReactor } from './log-reactor.js';
import type { LogReactorDefinition } from './reactor-definition.js';
import type { ReactorEffect, ReactorEffectSender } from './reactor-effect-sender.js';

const NAMESPACE = '6f1d3a52-0b7e-4c89-a1d2-3e4f5a6b7c8d';
const NOW = '2026-03-02T10:00:00.000Z';
const clock = { now: () => new Date(NOW) } as Clock;
const incidents = [randomUUID(), randomUUID()];

/** The problem-fix rule over fixed links, so the runtime alone is under test. */
const definition: LogReactorDefinition<ProblemEventCause, ProblemFixState> = {
  name: 'test-reactor',
  actor: 'system:test',
  commandIdNamespace: NAMESPACE,
  reactsTo: { problem: ['ProblemResolved'] },
  load: async () => ({ problemNumber: 'PRB0001001', linkedIncidentIds: incidents, resolveLinkedIncidentsOnFix: true }),
  react: reactToProblemFix,
};

let commit = 100n;
function fixApplied(): RecordedEvent {
  const event: ProblemEvent = { type: 'ProblemResolved', data: { resolutionCode: 'FIX_APPLIED', duplicateOf: null, resolutionNotes: 'Fixed', at: NOW } };
  const stored = eventSerializer.serialize(event);
  commit += 1n;
  return {
    ...stored,
    id: randomUUID(),
    streamId: recordStreamId('problem', 'acme', randomUUID()),
    revision: 5n,
    position: { commit, prepare: commit },
    created: new Date(NOW),
    metadata: { actor: 'carol', tenant: 'acme', correlationId: `correlation-${commit}`, causationId: 'command', origin: 'interactive' },
  };
}

/** Records what it is asked to send; fails the sending of one command id once, when told. */
class RecordingSender {
  readonly sent: ReactorEffect[] = [];
  failOnce: string | undefined;

  async send(effect: ReactorEffect): Promise<SystemCommandOutcome> {
    if (effect.commandId === this.failOnce) {
      this.failOnce = undefined;
      throw new Error('store unavailable');
    }
    this.sent.push(effect);
    return { done: 'now' };
  }
}

describe(logReactor.name, () => {
  let database: TestDatabase;
  let sender: RecordingSender;
  const signal = new AbortController().signal;

  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureReadModelSchema(database.pool, []);
  });
  afterAll(async () => {
    await database?.drop();
  });
  beforeEach(async () => {
    await database.pool.query('TRUNCATE reactor_outbox');
    sender = new RecordingSender();
  });

  const reactor = () => logReactor(definition, { pool: database.pool, effects: sender as unknown as ReactorEffectSender, clock, sendBatch: 3 });
  const pending = async () => (await database.pool.query<{ command_id: string }>('SELECT command_id FROM reactor_outbox ORDER BY cause_commit, effect_index')).rows.map((row) => row.command_id);
  const idsOf = (cause: RecordedEvent) => incidents.map((incidentId) => uuidv5(`${cause.id}/${incidentId}`, NAMESPACE));

  it('keeps the effects in the batch, sends nothing until after the commit, then sends them in log order with their cause', async () => {
    const sut = reactor();
    const causes = [fixApplied(), fixApplied()];
    await inTransaction(database.pool, (tx) => sut.applyBatch(causes, tx));
    expect(sender.sent).toEqual([]);
    expect(await pending()).toEqual(causes.flatMap(idsOf));

    await sut.afterCommit!(signal);
    expect(sender.sent.map((effect) => effect.commandId)).toEqual(causes.flatMap(idsOf));
    expect(sender.sent[0]).toEqual({
      command: {
        kind: 'incident',
        tenant: 'acme',
        recordId: incidents[0],
        command: {
          type: 'ResolveIncident',
          data: { resolutionCode: 'RESOLVED_BY_PROBLEM', resolutionNotes: 'Resolved by the fix applied to problem PRB0001001' },
          metadata: { now: NOW },
        },
      },
      commandId: idsOf(causes[0]!)[0],
      actor: 'system:test',
      cause: { causationId: causes[0]!.id, correlationId: causes[0]!.metadata.correlationId },
    });
    expect(await pending()).toEqual([]);
  });

  it('keeps what a failed sending left, and sends it again, in order, when called again', async () => {
    const sut = reactor();
    const causes = [fixApplied(), fixApplied()];
    await inTransaction(database.pool, (tx) => sut.applyBatch(causes, tx));
    const ids = causes.flatMap(idsOf);
    sender.failOnce = ids[1];
    await expect(sut.afterCommit!(signal)).rejects.toThrow('store unavailable');
    expect(await pending()).toEqual(ids.slice(1));

    await sut.afterCommit!(signal);
    expect(sender.sent.map((effect) => effect.commandId)).toEqual(ids);
    expect(await pending()).toEqual([]);
  });

  it('deciding a cause again keeps its pending effects once, under the same ids', async () => {
    const sut = reactor();
    const cause = fixApplied();
    await inTransaction(database.pool, (tx) => sut.applyBatch([cause], tx));
    await inTransaction(database.pool, (tx) => sut.applyBatch([cause], tx));
    expect(await pending()).toEqual(idsOf(cause));
  });

  it('stops between effects once aborted, leaving the rest pending', async () => {
    const sut = reactor();
    await inTransaction(database.pool, (tx) => sut.applyBatch([fixApplied()], tx));
    const aborted = new AbortController();
    aborted.abort();
    await sut.afterCommit!(aborted.signal);
    expect(sender.sent).toEqual([]);
    expect(await pending()).toHaveLength(2);
  });
});
