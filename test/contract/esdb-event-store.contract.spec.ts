import { describe, it, jest } from '@jest/globals';
import { EsdbEventStore } from '#event-store';
import { startTestEventStoreDb } from '../support/eventstoredb.js';
import { describeEventStoreContract } from './event-store.contract.js';

/** Pulling the image and starting the server can take longer than Jest's default hook timeout. */
const SERVER_START_TIMEOUT_MS = 180_000;

const givenUrl = process.env.TEST_EVENTSTORE_URL;
const canRun = process.env.CONTAINER_RUNTIME === 'available' || Boolean(givenUrl);

if (canRun) {
  jest.setTimeout(SERVER_START_TIMEOUT_MS);
  const server = givenUrl ? 'EventStoreDB at TEST_EVENTSTORE_URL' : 'EventStoreDB in a container';
  // One server for the whole suite: the contract suite isolates tests by stream prefix.
  describeEventStoreContract(`EsdbEventStore on ${server}`, async () => {
    const eventStoreDb = await startTestEventStoreDb();
    const store = new EsdbEventStore(eventStoreDb.connectionString);
    return {
      store,
      async dispose() {
        await store.close();
        await eventStoreDb.stop();
      },
    };
  });
} else {
  const reason =
    process.env.CONTAINER_RUNTIME_MISSING_REASON ||
    'no container runtime probe ran (CONTAINER_RUNTIME is unset) and TEST_EVENTSTORE_URL is unset';
  // Not console.log: Jest's reporter drops the console output of a suite whose tests all skip.
  process.stdout.write(`EventStoreDB contract suite skipped: ${reason}\n`);
  describe.skip('event store contract: EsdbEventStore', () => {
    it('needs a container runtime or TEST_EVENTSTORE_URL', () => undefined);
  });
}
