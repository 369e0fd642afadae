import { describe, expect, it, jest } from '@jest/globals';
import { EsdbEventStore } from '#event-store';
import { fakeClient, readAllOf, systemEvents } from '../../../../test/support/esdb-wire-events.js';
import { HealthController } from './health.controller.js';

describe('HealthController over EventStoreDB', () => {
  it("leaves the health check up when the newest events are the server's own (a fresh store, after a scavenge)", async () => {
    const readAll = readAllOf([systemEvents.scavengeSettings(10n), systemEvents.scavengeStarted(20n)]);
    const store = new EsdbEventStore(fakeClient({ readAll }));
    const pool = { query: async () => ({ rows: [] }) };
    const response = { status: jest.fn() };
    const health = new HealthController(store, pool as never);
    await expect(health.health(response as never)).resolves.toMatchObject({ status: 'ok', eventStore: 'up' });
    expect(response.status).not.toHaveBeenCalled();
  });
});
