import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainError } from '#domain';
import { PostgresEventStore, ensureEventStoreSchema } from '#event-store';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { DeciderCommandExecutor } from './decider-command-executor.js';
import { RecordCommand } from './record-command.js';
import { RecordCommandHandler } from './record-command.handler.js';
import { RecordNumberAllocator } from './record-number-allocator.js';
import { SystemCommandSender } from './system-command-sender.js';
import { RecordStates } from './record-states.js';
import { TenantSettingsService } from './tenant-settings.service.js';
import { ticketRecord, ticketSerializer, type TicketCommand } from './testing/ticket-record.js';

const now = new Date('2026-03-02T09:00:00Z');
const close: TicketCommand = { type: 'CloseTicket', data: {}, metadata: { now: now.toISOString() } };

describe(SystemCommandSender.name, () => {
  let database: TestDatabase;
  let store: PostgresEventStore;
  let handler: RecordCommandHandler;
  let sut: SystemCommandSender;

  beforeAll(async () => {
    database = await createTestDatabase();
    await ensureEventStoreSchema(database.pool);
    store = new PostgresEventStore(database.pool);
    const executor = new DeciderCommandExecutor(store, ticketSerializer);
    handler = new RecordCommandHandler(executor, new RecordNumberAllocator(store), new TenantSettingsService(store), new RecordStates(store));
    sut = new SystemCommandSender(executor);
  });
  afterAll(async () => {
    await store?.close();
    await database?.drop();
  });

  async function openTicket(): Promise<string> {
    const envelope = { tenant: 't1', actor: 'ann', origin: 'interactive', correlationId: 'c', causationId: 'c', now } as const;
    return (await handler.execute(RecordCommand.open(ticketRecord, { title: 'Printer', callerId: 'ann' }, envelope))).recordId;
  }

  const send = (recordId: string, commandId: string) =>
    sut.send(ticketRecord, { tenant: 't1', recordId, command: close, commandId, actor: 'system:test', now });

  it('appends under a system envelope whose correlation and causation are the command id', async () => {
    const recordId = await openTicket();
    expect(await send(recordId, 'timer:1')).toEqual({ done: 'now' });
    const { rows } = await database.pool.query('SELECT metadata FROM es_events WHERE stream_id = $1 ORDER BY revision DESC LIMIT 1', [
      `problem-t1-${recordId}`,
    ]);
    expect(rows[0].metadata).toEqual({
      actor: 'system:test',
      tenant: 't1',
      origin: 'system',
      commandId: 'timer:1',
      correlationId: 'timer:1',
      causationId: 'timer:1',
    });
  });

  it("records the cause a process manager names: the cause event's id and its correlation id", async () => {
    const recordId = await openTicket();
    const cause = { causationId: randomUUID(), correlationId: 'request-7' };
    await sut.send(ticketRecord, { tenant: 't1', recordId, command: close, commandId: 'pm:1', actor: 'system:test', now, cause });
    const { rows } = await database.pool.query('SELECT metadata FROM es_events WHERE stream_id = $1 ORDER BY revision DESC LIMIT 1', [
      `problem-t1-${recordId}`,
    ]);
    expect(rows[0].metadata).toMatchObject({ commandId: 'pm:1', ...cause });
  });

  it('appends nothing again for a repeated command id, and takes a refusal of what is done already as done', async () => {
    const recordId = await openTicket();
    await send(recordId, 'timer:2');
    expect(await send(recordId, 'timer:2')).toEqual({ done: 'before' });
    expect(await send(recordId, 'timer:3')).toEqual({ done: 'otherwise', refusal: 'Ticket is closed' });
    const { rows } = await database.pool.query('SELECT count(*)::int AS n FROM es_events WHERE stream_id = $1', [`problem-t1-${recordId}`]);
    expect(rows[0].n).toBe(2);
  });

  it('passes on any other refusal', async () => {
    await expect(send(randomUUID(), 'timer:4')).rejects.toBeInstanceOf(DomainError);
  });
});
