import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError } from '#domain';
import { PostgresEventStore, ensureEventStoreSchema } from '#event-store';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import type { CommandEnvelope } from './command-envelope.js';
import { DeciderCommandExecutor } from './decider-command-executor.js';
import { IdempotencyKeyReusedError } from './idempotency-key-reused.error.js';
import { RecordCommand } from './record-command.js';
import { RecordCommandHandler } from './record-command.handler.js';
import { RecordNumberAllocator } from './record-number-allocator.js';
import { RecordStates } from './record-states.js';
import { TenantSettingsService } from './tenant-settings.service.js';
import { ticketRecord, ticketSerializer } from './testing/ticket-record.js';

function envelope(actor: string, extra: Partial<CommandEnvelope> = {}): CommandEnvelope {
  return { tenant: 't1', actor, origin: 'interactive', correlationId: 'c', causationId: 'c', now: new Date('2026-03-02T09:00:00Z'), ...extra };
}

function refusal(error: unknown): { code: string; field?: string } {
  if (!(error instanceof DomainError)) throw error;
  return { code: error.code, ...(error.field ? { field: error.field } : {}) };
}

describe(RecordCommandHandler.name, () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let sut: RecordCommandHandler;

  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureEventStoreSchema(database.pool);
    store = new PostgresEventStore(database.pool);
    sut = new RecordCommandHandler(new DeciderCommandExecutor(store, ticketSerializer), new RecordNumberAllocator(store), new TenantSettingsService(store), new RecordStates(store));
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  const open = (actor: string, extra: Partial<CommandEnvelope> = {}, title = 'Printer') =>
    sut.execute(RecordCommand.open(ticketRecord, { title, callerId: actor }, envelope(actor, extra)));

  async function eventsOf(recordId: string): Promise<{ type: string; metadata: Record<string, unknown> }[]> {
    const { rows } = await database.pool.query('SELECT type, metadata FROM es_events WHERE stream_id = $1 ORDER BY revision', [
      `problem-t1-${recordId}`,
    ]);
    return rows;
  }

  it('opens a record of any definition under its kind, with a number of its prefix', async () => {
    const opened = await open('ann');
    expect(opened).toMatchObject({ tenant: 't1', version: 0n });
    const [event] = await eventsOf(opened.recordId);
    expect(event!.type).toBe('test.ticket-opened.v1');
    const { rows } = await database.pool.query("SELECT data FROM es_events WHERE stream_id = $1", [`problem-t1-${opened.recordId}`]);
    expect(rows[0].data).toMatchObject({ ticketId: opened.recordId, number: expect.stringMatching(/^PRB\d{7}$/) });
  });

  it("derives the id of an opened record from the caller's key: a retry finds it, another caller's equal key opens another", async () => {
    const first = await open('ann', { commandId: 'k-open' });
    const retry = await open('ann', { commandId: 'k-open' });
    const other = await open('bob', { commandId: 'k-open' });
    expect(retry).toEqual(first);
    expect(other.recordId).not.toBe(first.recordId);
    expect(await eventsOf(first.recordId)).toHaveLength(1);
    await expect(open('ann', { commandId: 'k-open' }, 'Scanner')).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
  });

  it('completes an intent on the record its id names, in either case, with the envelope as metadata', async () => {
    const { recordId } = await open('ann');
    const noted = await sut.execute(
      RecordCommand.intent(ticketRecord, recordId.toUpperCase(), { type: 'NoteTicket', data: { text: 'toner' } }, envelope('bob', { reason: 'why' })),
    );
    expect(noted).toMatchObject({ recordId, version: 1n });
    expect((await eventsOf(recordId))[1]).toMatchObject({ type: 'test.ticket-noted.v1', metadata: { actor: 'bob', reason: 'why' } });
  });

  it('fingerprints what the caller asked: the same key for another intent is a reuse', async () => {
    const { recordId } = await open('ann');
    const note = (text: string) =>
      sut.execute(RecordCommand.intent(ticketRecord, recordId, { type: 'NoteTicket', data: { text } }, envelope('ann', { commandId: 'k-note' })));
    const first = await note('a');
    expect(await note('a')).toEqual(first);
    await expect(note('b')).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    expect(await eventsOf(recordId)).toHaveLength(2);
  });

  it("keeps the caller's scope to the records the actor was the caller of, and answers NOT_FOUND for any other", async () => {
    const { recordId } = await open('ann');
    const close = (actor: string) =>
      sut.execute(RecordCommand.intent(ticketRecord, recordId, { type: 'CloseTicket', data: {} }, envelope(actor), 'caller'));
    expect(refusal(await close('bob').catch((error: unknown) => error))).toEqual({ code: 'NOT_FOUND', field: 'id' });
    await expect(close('ann')).resolves.toMatchObject({ version: 1n });
  });

  it('answers NOT_FOUND for what is no record id, and lets the decider refuse a record that does not exist', async () => {
    const intent = { type: 'CloseTicket', data: {} } as const;
    const notAnId = await sut.execute(RecordCommand.intent(ticketRecord, 'x-1', intent, envelope('ann'))).catch((error: unknown) => error);
    expect(refusal(notAnId)).toEqual({ code: 'NOT_FOUND', field: 'id' });
    const missing = await sut.execute(RecordCommand.intent(ticketRecord, randomUUID(), intent, envelope('ann'), 'caller')).catch((error: unknown) => error);
    expect(refusal(missing)).toEqual({ code: 'NOT_FOUND' });
  });
});
