import { describe, expect, it, jest } from '@jest/globals';
import { collect } from '../../../../test/support/async-iterables.js';
import {
  fakeClient,
  productEvent,
  readAllOf,
  serverRead,
  serverSubscription,
  systemEvents,
  type WireEvent,
} from '../../../../test/support/esdb-wire-events.js';
import { ForeignEventError } from '../event-store.errors.js';
import type { RecordedEvent } from '../event-store.port.js';
import { EsdbEventStore } from './esdb-event-store.js';

const positions = (events: readonly RecordedEvent[]) => events.map((event) => event.position.commit);

/** A log as a fresh secure node holds it, with product events between the server's own. */
const LOG: readonly WireEvent[] = [
  systemEvents.scavengeSettings(10n),
  systemEvents.userCreated(20n),
  productEvent(30n),
  systemEvents.statsCollected(40n),
  systemEvents.scavengeStarted(50n),
  systemEvents.scavengeLink(60n),
  productEvent(70n, 'incident-acme-2'),
  systemEvents.statsCollected(80n),
];

/** A foreign event: another writer's, in a stream with a product prefix, without the envelope. */
const foreign = (position: bigint): WireEvent => ({
  streamId: 'incident-acme-9',
  type: 'IncidentImported',
  position,
  data: { legacy: true },
});

describe('EsdbEventStore over what a server really sends', () => {
  describe('system events', () => {
    it('are skipped, unconverted, by a forward readAll from the start', async () => {
      const store = new EsdbEventStore(fakeClient({ readAll: readAllOf(LOG) }));
      expect(positions(await collect(store.readAll()))).toEqual([30n, 70n]);
    });

    it('are skipped by a backward readAll, so the newest product event is found behind them', async () => {
      const store = new EsdbEventStore(fakeClient({ readAll: readAllOf(LOG) }));
      expect(positions(await collect(store.readAll({ direction: 'backwards', maxCount: 1 })))).toEqual([70n]);
      expect(
        positions(await collect(store.readAll({ direction: 'backwards', fromPosition: { commit: 50n, prepare: 50n } }))),
      ).toEqual([30n]);
    });

    it('are skipped by a subscription', async () => {
      const subscribeToAll = jest.fn(() => serverSubscription(LOG));
      const store = new EsdbEventStore(fakeClient({ subscribeToAll }));
      const subscription = store.subscribeToAll();
      const received: RecordedEvent[] = [];
      for await (const event of subscription) {
        received.push(event);
        if (received.length === 2) break;
      }
      await store.close();
      expect(positions(received)).toEqual([30n, 70n]);
    });
  });

  describe('foreign events', () => {
    const log = [productEvent(10n), foreign(20n), productEvent(30n)];

    it('stop a filtered readAll with ForeignEventError naming the position', async () => {
      const store = new EsdbEventStore(fakeClient({ readAll: readAllOf(log) }));
      const error = await collect(store.readAll({ filter: { streamPrefixes: ['incident-'] } })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ForeignEventError);
      expect(error).toMatchObject({ streamId: 'incident-acme-9', eventType: 'IncidentImported', position: { commit: 20n } });
    });

    it('stop a backward readAll the same way', async () => {
      const store = new EsdbEventStore(fakeClient({ readAll: readAllOf(log) }));
      await expect(collect(store.readAll({ direction: 'backwards' }))).rejects.toBeInstanceOf(ForeignEventError);
    });

    it('are never met when the filter leaves their streams out', async () => {
      const elsewhere: WireEvent = { streamId: 'orders-1', type: 'OrderPlaced', position: 20n, data: {} };
      const store = new EsdbEventStore(fakeClient({ readAll: readAllOf([productEvent(10n), elsewhere, productEvent(30n)]) }));
      const events = await collect(store.readAll({ filter: { streamPrefixes: ['incident-'] } }));
      expect(positions(events)).toEqual([10n, 30n]);
    });

    it('end a subscription with ForeignEventError, unretried, after what came before', async () => {
      const subscribeToAll = jest.fn(() => serverSubscription(log));
      const store = new EsdbEventStore(fakeClient({ subscribeToAll }));
      const received: RecordedEvent[] = [];
      const error = await (async () => {
        for await (const event of store.subscribeToAll({ filter: { streamPrefixes: ['incident-'] } })) received.push(event);
      })().catch((e: unknown) => e);
      await store.close();
      expect(positions(received)).toEqual([10n]);
      expect(error).toBeInstanceOf(ForeignEventError);
      expect(subscribeToAll).toHaveBeenCalledTimes(1);
    });

    it.each([
      ['no metadata at all', undefined],
      ['metadata that is not JSON', Buffer.from([0xde, 0xad])],
      ['JSON metadata without the envelope', '{"$correlationId":"x"}'],
    ])('stop a stream read when the event has %s', async (_, metadata) => {
      const readStream = jest.fn(() => serverRead([productEvent(10n), { ...foreign(20n), metadata }]));
      const store = new EsdbEventStore(fakeClient({ readStream }));
      const error = await collect(store.readStream('incident-acme-9')).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ForeignEventError);
    });
  });

  describe('filtered readAll', () => {
    it('reads in pages from where the last one ended, and stops asking once it has maxCount', async () => {
      const log = Array.from({ length: 20 }, (_, index) =>
        index % 3 === 0 ? productEvent(BigInt(index + 1) * 10n) : systemEvents.statsCollected(BigInt(index + 1) * 10n),
      );
      const readAll = readAllOf(log);
      const store = new EsdbEventStore(fakeClient({ readAll }), { readAllPageSize: 4 });
      const events = await collect(store.readAll({ filter: { streamPrefixes: ['incident-'] }, maxCount: 3 }));
      expect(positions(events)).toEqual([10n, 40n, 70n]);
      expect(readAll.mock.calls.map(([options]) => options.maxCount)).toEqual([4, 4]);
      expect(readAll.mock.calls[1]![0].fromPosition).toEqual({ commit: 40n, prepare: 40n });
    });

    it('reads every page to the end of the log, repeating no event at a page boundary', async () => {
      const log = Array.from({ length: 9 }, (_, index) => productEvent(BigInt(index + 1) * 10n));
      const store = new EsdbEventStore(fakeClient({ readAll: readAllOf(log) }), { readAllPageSize: 4 });
      expect(positions(await collect(store.readAll()))).toEqual(log.map((event) => event.position));
      expect(positions(await collect(store.readAll({ direction: 'backwards' })))).toEqual(
        log.map((event) => event.position).reverse(),
      );
    });
  });
});
