import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PostgresEventStore } from '#event-store';
import { rebuildBesideIfOutdated, ProjectionRunner } from '#projector';
import {
  INCIDENTS_TABLE,
  incidentProjection,
  liveProjectionTables,
  loadCheckpoint,
  rebuildCheckpointOf,
  rebuildSchemaOf,
  type VersionedProjection,
} from '#read-model';
import { graphql } from './support/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const OPEN = `mutation Open($input: OpenIncidentInput!) { openIncident(input: $input) { incidentId position } }`;
const READ = `query Read($id: ID!) { incident(id: $id) { id title state } incidents(first: 10) { edges { node { id } } } }`;

/** A gate the test opens: the rebuild holds its first batch until then. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  let reached!: () => void;
  const waiting = new Promise<void>((resolve) => (reached = resolve));
  return { open, opened, waiting, reached };
}

/**
 * The incident projection as a later release would ship it: another version, and tables of
 * another shape (one more column), so the swap shows.
 */
function nextVersionOf(projection: VersionedProjection, held: ReturnType<typeof gate>): VersionedProjection {
  return {
    ...projection,
    version: `${projection.version}+next`,
    createTables: `${INCIDENTS_TABLE}; ALTER TABLE incidents ADD COLUMN rebuilt_for text NOT NULL DEFAULT 'next'`,
    async applyBatch(events, tx) {
      held.reached();
      await held.opened;
      return projection.applyBatch(events, tx);
    },
  };
}

async function columnsOf(app: TestApp, schema: string): Promise<string[]> {
  const { rows } = await app.database.pool.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'incidents'`,
    [schema],
  );
  return rows.map((row) => row.column_name);
}

describe('a projection version bump', () => {
  let app: TestApp;
  let store: PostgresEventStore;
  let token: string;
  const ids: string[] = [];

  beforeAll(async () => {
    // The API alone: this test plays the projector, first the running release, then the next.
    app = await startTestApp({ RUN_PROJECTOR: 'false', CONSISTENCY_TIMEOUT_MS: '50' });
    store = new PostgresEventStore(app.database.pool);
    token = await app.token('acme', ['agent']);
    for (const title of ['Printer on fire', 'Mail is slow']) {
      const opened = await graphql<{ openIncident: { incidentId: string } }>(app.url, OPEN, { input: { title, impact: 2, urgency: 2 } }, token);
      ids.push(opened.data!.openIncident.incidentId);
    }
    const stop = new AbortController();
    const live = new ProjectionRunner(incidentProjection, store, app.database.pool);
    const running = live.run(stop.signal);
    for (;;) {
      const read = await graphql<{ incident: { id: string } | null }>(app.url, READ, { id: ids[1] }, token);
      if (read.data?.incident) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    stop.abort();
    await running;
  });
  afterAll(async () => {
    await store?.close();
    await app?.close();
  });

  it('rebuilds beside the live tables, which answer meanwhile, then swaps the new shape in at once', async () => {
    const held = gate();
    const next = nextVersionOf(incidentProjection, held);
    const rebuilding = rebuildBesideIfOutdated(next, store, app.database.pool, new AbortController().signal, () => undefined);
    await held.waiting;

    const during = await graphql<{ incident: { title: string }; incidents: { edges: unknown[] } }>(app.url, READ, { id: ids[0] }, token);
    expect(during.errors).toBeUndefined();
    expect(during.data).toMatchObject({ incident: { title: 'Printer on fire' }, incidents: { edges: [{}, {}] } });
    expect(await columnsOf(app, 'public')).not.toContain('rebuilt_for');
    expect(await columnsOf(app, rebuildSchemaOf(next))).toContain('rebuilt_for');

    held.open();
    await rebuilding;

    expect(await columnsOf(app, 'public')).toContain('rebuilt_for');
    expect(await columnsOf(app, rebuildSchemaOf(next))).toEqual([]);
    expect(await liveProjectionTables(app.database.pool, 'incidents')).toMatchObject({ version: next.version });
    expect(await loadCheckpoint(app.database.pool, rebuildCheckpointOf(next))).toBeUndefined();
    expect(await loadCheckpoint(app.database.pool, 'incidents')).toBeDefined();
    const after = await graphql<{ incident: { title: string }; incidents: { edges: unknown[] } }>(app.url, READ, { id: ids[0] }, token);
    expect(after.data).toMatchObject({ incident: { title: 'Printer on fire' }, incidents: { edges: [{}, {}] } });
  });
});
