import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { eventSerializer, recordStreamId, type EventMetadata, type IncidentEvent } from '#events';
import { PostgresEventStore, type NewEvent } from '#event-store';
import { startApp, TENANT, withServer, type RunningServer } from './app-server.js';
import type { BenchDatabase } from './databases.js';
import { percentile, progress, type Figure } from './harness.js';
import { runLoad } from './load.js';

export interface LongRecordBenchOptions {
  /** Events of the long incident; the short one has ten. */
  readonly events: number;
  /** Measured on each incident in all, in rounds that take turns between them. */
  readonly seconds: number;
}

const OPEN_INCIDENT = 'mutation Open($input: OpenIncidentInput!) { openIncident(input: $input) { incidentId } }';
const ADD_WORK_NOTE = 'mutation Note($input: AddIncidentWorkNoteInput!) { addIncidentWorkNote(input: $input) { version position } }';
const SHORT = 10;
const APPEND_BATCH = 1_000;
/** Turns between the two incidents, so both see the same share of what else the machine does. */
const ROUNDS = 5;
const ROUND_WARM_UP_SECONDS = 0.2;

/**
 * The same command, `addIncidentWorkNote` through the GraphQL API by one client in a closed
 * loop, on an incident of ten events against one of `events`: a command on a long-lived record
 * should cost what it costs on a new one. The incidents are opened through the API, then given
 * their work notes by appending straight to the store, as another process would.
 */
export async function longRecordBench(database: BenchDatabase, options: LongRecordBenchOptions): Promise<Figure[]> {
  // With the in-process projector, as `npm start` runs: the read side must not grow with the
  // record either (the journal is added to, never rewritten).
  return withServer(startApp(database.url), async (app) => {
    const store = new PostgresEventStore(database.pool);
    const short = await openIncident(app);
    const long = await openIncident(app);
    await addWorkNotes(store, short, SHORT - 1);
    await addWorkNotes(store, long, options.events - 1);
    // The app's fold of the long incident stopped at its opening: this command catches it up.
    const catchUpMs = await timedNote(app, long);
    progress(`${database.label}: work notes on a ${SHORT}-event and a ${options.events}-event incident`);
    const onShort: number[] = [];
    const onLong: number[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      onShort.push(...(await addNotes(app, short, options.seconds / ROUNDS)));
      onLong.push(...(await addNotes(app, long, options.seconds / ROUNDS)));
    }
    return [
      {
        database: database.label,
        name: `addIncidentWorkNote p50, ${options.events.toLocaleString('en-US')}-event incident`,
        unit: 'ms',
        value: percentile(onLong, 50),
        baseline: percentile(onShort, 50),
        higherIsBetter: false,
        target: 0.67,
        note:
          `baseline: ${SHORT}-event incident; p99 ${percentile(onLong, 99).toFixed(1)} vs ` +
          `${percentile(onShort, 99).toFixed(1)} ms; first command after ${options.events - 1} ` +
          `events from elsewhere ${catchUpMs.toFixed(0)} ms`,
      },
    ];
  });
}

async function openIncident(app: RunningServer): Promise<string> {
  const data = await post(app, OPEN_INCIDENT, { input: { title: 'Chatty incident', impact: 2, urgency: 2 } });
  return (data as { openIncident: { incidentId: string } }).openIncident.incidentId;
}

/** Work notes appended straight to the incident's stream, in batches, as the command path stores them. */
async function addWorkNotes(store: PostgresEventStore, incidentId: string, count: number): Promise<void> {
  const streamId = recordStreamId('incident', TENANT, incidentId);
  const metadata: EventMetadata = {
    actor: `agent-1@${TENANT}`,
    tenant: TENANT,
    correlationId: randomUUID(),
    causationId: randomUUID(),
    origin: 'interactive',
  };
  let revision = 0n;
  for (let done = 0; done < count; done += APPEND_BATCH) {
    const events: NewEvent[] = Array.from({ length: Math.min(APPEND_BATCH, count - done) }, (_, index) => {
      const note: IncidentEvent = {
        type: 'IncidentWorkNoteAdded',
        data: { text: `Checked the queue again (${done + index + 1})`, at: new Date().toISOString() },
      };
      return { id: randomUUID(), ...eventSerializer.serialize(note), metadata };
    });
    revision = (await store.appendToStream(streamId, events, { expectedRevision: revision })).nextExpectedRevision;
  }
}

async function timedNote(app: RunningServer, incidentId: string): Promise<number> {
  const start = performance.now();
  await post(app, ADD_WORK_NOTE, noteOn(incidentId));
  return performance.now() - start;
}

/** Latencies of one client adding notes to the incident for `seconds`, one after the other. */
async function addNotes(app: RunningServer, incidentId: string, seconds: number): Promise<number[]> {
  const report = await runLoad({
    url: app.url,
    token: app.token,
    query: ADD_WORK_NOTE,
    variables: noteOn(incidentId),
    mode: { kind: 'closed', clients: 1, seconds, warmUpSeconds: ROUND_WARM_UP_SECONDS },
  });
  if (report.requests === 0 || report.errors > 0) throw new Error(`work notes failed: ${report.firstError ?? 'no answer'}`);
  return report.latenciesMs;
}

function noteOn(incidentId: string): Record<string, unknown> {
  return { input: { id: incidentId, text: 'Still waiting for the vendor' } };
}

async function post(app: RunningServer, query: string, variables: Record<string, unknown>): Promise<unknown> {
  const response = await fetch(app.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${app.token}` },
    body: JSON.stringify({ query, variables }),
  });
  const payload = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (payload.errors?.length || !payload.data) throw new Error(payload.errors?.[0]?.message ?? `HTTP ${response.status}`);
  return payload.data;
}
