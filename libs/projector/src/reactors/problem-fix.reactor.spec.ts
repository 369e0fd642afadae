import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { RecordStates, TenantSettingsService } from '#commands';
import type { ProblemEventCause } from '#domain';
import { eventSerializer, recordStreamId, type DomainEvent } from '#events';
import type { RecordedEvent } from '#event-store';
import { ensureReadModelSchema, inTransaction } from '#read-model';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { logReactor } from './log-reactor.js';
import { problemFixReactor } from './problem-fix.reactor.js';
import type { ReactorEffectSender } from './reactor-effect-sender.js';
import type { Clock } from '#commands';

const AT = '2026-03-02T10:00:00.000Z';
const problem = randomUUID();
const [first, second] = [randomUUID(), randomUUID()];

let commit = 0n;
function recorded(kind: 'incident' | 'problem', id: string, event: DomainEvent): RecordedEvent {
  commit += 1n;
  return {
    ...eventSerializer.serialize(event),
    id: randomUUID(),
    streamId: recordStreamId(kind, 'acme', id),
    revision: 1n,
    position: { commit, prepare: commit },
    created: new Date(AT),
    metadata: { actor: 'carol', tenant: 'acme', correlationId: 'c', causationId: 'c', origin: 'interactive' },
  };
}
const linked = (incidentId: string) => recorded('incident', incidentId, { type: 'IncidentLinkedToProblem', data: { problemId: problem, at: AT } } as DomainEvent);
const unlinked = (incidentId: string) => recorded('incident', incidentId, { type: 'IncidentUnlinkedFromProblem', data: { problemId: problem, at: AT } } as DomainEvent);

/** The links the problem-fix reactor keeps: as of each cause it loads them for. */
describe(problemFixReactor.name, () => {
  let database: TestDatabase;
  const sut = problemFixReactor({
    records: { read: async () => ({ number: 'PRB0001001' }) } as unknown as RecordStates,
    settings: { resolveLinkedIncidentsOnFix: async () => true } as unknown as TenantSettingsService,
  });
  const cause = { tenant: 'acme', recordId: problem } as ProblemEventCause;

  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureReadModelSchema(database.pool, []);
  });
  afterAll(async () => {
    await database?.drop();
  });
  beforeEach(async () => {
    await database.pool.query('TRUNCATE problem_fix_links, reactor_outbox');
  });

  it('in a batch, a fix resolves the incidents linked before it and not those linked after', async () => {
    const runtime = logReactor(sut, { pool: database.pool, effects: {} as ReactorEffectSender, clock: { now: () => new Date(AT) } as Clock });
    const fix = recorded('problem', problem, { type: 'ProblemResolved', data: { resolutionCode: 'FIX_APPLIED', duplicateOf: null, resolutionNotes: '', at: AT } } as DomainEvent);
    await inTransaction(database.pool, (tx) => runtime.applyBatch([linked(first), fix, linked(second)], tx));
    const { rows } = await database.pool.query<{ record_id: string }>('SELECT record_id FROM reactor_outbox');
    expect(rows).toEqual([{ record_id: first }]);
    expect((await inTransaction(database.pool, (tx) => sut.load(cause, tx)))?.linkedIncidentIds).toEqual(expect.arrayContaining([first, second]));
  });

  it('keeps only the last change of each incident in a run: linked, unlinked, linked again', async () => {
    await inTransaction(database.pool, (tx) => sut.keeps!.apply([linked(first), linked(second), unlinked(first), unlinked(second), linked(second)], tx));
    const state = await inTransaction(database.pool, (tx) => sut.load(cause, tx));
    expect(state).toEqual({ problemNumber: 'PRB0001001', linkedIncidentIds: [second], resolveLinkedIncidentsOnFix: true });
  });

  it('a later run replaces and removes what an earlier one kept', async () => {
    await inTransaction(database.pool, (tx) => sut.keeps!.apply([linked(first), linked(second)], tx));
    await inTransaction(database.pool, (tx) => sut.keeps!.apply([unlinked(first)], tx));
    const state = await inTransaction(database.pool, (tx) => sut.load(cause, tx));
    expect(state?.linkedIncidentIds).toEqual([second]);
  });
});
