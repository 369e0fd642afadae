import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { recordStreamId } from '#events';
import { graphql } from './support/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const OPEN = `mutation Open($input: OpenIncidentInput!) { openIncident(input: $input) { incident { id } } }`;
const RESOLVE = `mutation Resolve($input: ResolveIncidentInput!) { resolveIncident(input: $input) { version } }`;
const STATE = `query State($id: ID!) { incident(id: $id) { state } }`;
const SLA = `query Sla($id: ID!) { incident(id: $id) {
  sla { response { warned breached status } resolution { warned breached status } }
} }`;

const WARNING = 'incident.sla-warning-reached.v1';
const BREACH = 'incident.sla-breached.v1';
const minutes = (n: number) => n * 60_000;
const days = (n: number) => n * 86_400_000;

interface SlaEvent {
  readonly type: string;
  readonly timer: string;
  readonly at: string;
}

interface SlaTimerState {
  readonly warned: boolean;
  readonly breached: boolean;
  readonly status: string;
}

/** A row of incident_timers as stored, so a test can put an old one back. */
interface TimerRow {
  readonly due_at: Date | null;
  readonly kind: string | null;
  readonly incident: unknown;
}

describe('incident timers: SLA warnings, breaches and auto-close appended by the worker as the clock moves', () => {
  let app: TestApp;
  let agent: string;

  beforeAll(async () => {
    app = await startTestApp();
    agent = await app.token('acme', ['agent']);
  });
  afterAll(async () => app?.close());

  const streamOf = (id: string) => recordStreamId('incident', 'acme', id);

  /** A P1 incident (response due after 15 min, resolution after 4 h), once its timer row exists. */
  async function openP1(title: string): Promise<{ id: string; openedAt: number }> {
    const openedAt = app.clock.now().getTime();
    const opened = await graphql<{ openIncident: { incident: { id: string } } }>(
      app.url,
      OPEN,
      { input: { title, impact: 1, urgency: 1 } },
      agent,
    );
    expect(opened.errors).toBeUndefined();
    const { id } = opened.data!.openIncident.incident;
    await until(async () => (await timerRow(id)) !== undefined, 'the timer row of the new incident');
    return { id, openedAt };
  }

  async function timerRow(id: string): Promise<TimerRow | undefined> {
    const { rows } = await app.database.pool.query<TimerRow>(
      'SELECT due_at, kind, incident FROM incident_timers WHERE incident_id = $1',
      [id],
    );
    return rows[0];
  }

  async function putTimerRow(id: string, row: TimerRow): Promise<void> {
    await app.database.pool.query(
      'UPDATE incident_timers SET due_at = $2, kind = $3, incident = $4 WHERE incident_id = $1',
      [id, row.due_at, row.kind, row.incident],
    );
  }

  async function slaEvents(id: string): Promise<SlaEvent[]> {
    const { rows } = await app.database.pool.query<SlaEvent>(
      `SELECT type, data->>'timer' AS timer, data->>'at' AS at FROM es_events
       WHERE stream_id = $1 AND type IN ($2, $3) ORDER BY revision`,
      [streamOf(id), WARNING, BREACH],
    );
    return rows;
  }

  async function closedEvents(id: string): Promise<{ automatic: boolean; at: string }[]> {
    const { rows } = await app.database.pool.query(
      "SELECT data->'automatic' AS automatic, data->>'at' AS at FROM es_events WHERE stream_id = $1 AND type = 'incident.closed.v1'",
      [streamOf(id)],
    );
    return rows;
  }

  async function sla(id: string): Promise<{ response: SlaTimerState; resolution: SlaTimerState }> {
    const read = await graphql<{ incident: { sla: { response: SlaTimerState; resolution: SlaTimerState } } }>(
      app.url,
      SLA,
      { id },
      agent,
    );
    expect(read.errors).toBeUndefined();
    return read.data!.incident.sla;
  }

  it('warns at 75 % of the response target and breaches at 100 %, once each', async () => {
    const { id, openedAt } = await openP1('Payroll down');

    app.clock.advance(minutes(12));
    await until(async () => (await slaEvents(id)).length === 1, 'the response warning');
    expect(await slaEvents(id)).toEqual([{ type: WARNING, timer: 'RESPONSE', at: iso(openedAt + minutes(11.25)) }]);

    app.clock.advance(minutes(4));
    await until(async () => (await slaEvents(id)).length === 2, 'the response breach');
    await settle();
    expect(await slaEvents(id)).toEqual([
      { type: WARNING, timer: 'RESPONSE', at: iso(openedAt + minutes(11.25)) },
      { type: BREACH, timer: 'RESPONSE', at: iso(openedAt + minutes(15)) },
    ]);
    const { rows } = await app.database.pool.query(
      `SELECT DISTINCT metadata->>'actor' AS actor, metadata->>'origin' AS origin FROM es_events
       WHERE stream_id = $1 AND type IN ($2, $3)`,
      [streamOf(id), WARNING, BREACH],
    );
    expect(rows).toEqual([{ actor: 'system:sla-timer', origin: 'system' }]);

    await until(async () => (await sla(id)).response.breached, 'the breach in the read model');
    expect((await sla(id)).response).toEqual({ warned: true, breached: true, status: 'BREACHED' });
  });

  it('catches up on everything that fell due while time jumped, at the instants it fell due, exactly once', async () => {
    const { id, openedAt } = await openP1('Core switch flapping');
    const before = (await timerRow(id))!;

    app.clock.advance(minutes(5 * 60));
    await until(async () => (await slaEvents(id)).length === 4, 'all four thresholds');
    await settle();
    const expected = [
      { type: WARNING, timer: 'RESPONSE', at: iso(openedAt + minutes(11.25)) },
      { type: BREACH, timer: 'RESPONSE', at: iso(openedAt + minutes(15)) },
      { type: WARNING, timer: 'RESOLUTION', at: iso(openedAt + minutes(180)) },
      { type: BREACH, timer: 'RESOLUTION', at: iso(openedAt + minutes(240)) },
    ];
    expect(await slaEvents(id)).toEqual(expected);
    await until(async () => (await sla(id)).resolution.breached, 'both breaches in the read model');
    expect(await sla(id)).toEqual({
      response: { warned: true, breached: true, status: 'BREACHED' },
      resolution: { warned: true, breached: true, status: 'BREACHED' },
    });
    const after = (await timerRow(id))!;
    expect(after).toMatchObject({ due_at: null, kind: null });

    // As after a crash between append and projection: the worker fires again from the old row.
    await putTimerRow(id, before);
    await settle();
    expect(await slaEvents(id)).toEqual(expected);
    await putTimerRow(id, after);
  });

  it('closes a resolved incident automatically after 7 days, once, and forgets its timer', async () => {
    const { id } = await openP1('Printer jammed');
    const resolvedAt = app.clock.now().getTime();
    const resolved = await graphql(
      app.url,
      RESOLVE,
      { input: { id, resolutionCode: 'SOLVED_PERMANENTLY', resolutionNotes: 'Cleared the jam' } },
      agent,
    );
    expect(resolved.errors).toBeUndefined();
    await until(async () => (await timerRow(id))?.kind === 'AUTO_CLOSE', 'the auto-close timer');

    app.clock.advance(days(7) - minutes(1));
    await settle();
    expect(await closedEvents(id)).toEqual([]);

    app.clock.advance(minutes(1));
    await until(async () => (await closedEvents(id)).length === 1, 'the automatic close');
    await settle();
    expect(await closedEvents(id)).toEqual([{ automatic: true, at: iso(resolvedAt + days(7)) }]);
    await until(async () => (await timerRow(id)) === undefined, 'the timer row to go');
    const read = await graphql<{ incident: { state: string } }>(app.url, STATE, { id }, agent);
    expect(read.data?.incident.state).toBe('CLOSED');
  });

  it('reschedules a timer computed with an older, shorter auto-close period instead of closing early', async () => {
    const { id } = await openP1('Monitor flickers');
    const resolvedAt = app.clock.now().getTime();
    const resolved = await graphql(
      app.url,
      RESOLVE,
      { input: { id, resolutionCode: 'SOLVED_WORKAROUND', resolutionNotes: 'New cable' } },
      agent,
    );
    expect(resolved.errors).toBeUndefined();
    await until(async () => (await timerRow(id))?.kind === 'AUTO_CLOSE', 'the auto-close timer');
    // As if the row had been written while the period was 2 days.
    await app.database.pool.query('UPDATE incident_timers SET due_at = $2 WHERE incident_id = $1', [
      id,
      new Date(resolvedAt + days(2)),
    ]);

    app.clock.advance(days(3));
    await until(
      async () => (await timerRow(id))?.due_at?.getTime() === resolvedAt + days(7),
      'the timer to move to the current period',
    );
    expect(await closedEvents(id)).toEqual([]);
  });
});

function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** Polls until the condition holds, failing after a bounded wait. */
async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Long enough for a few more worker ticks (1 s each), so a duplicate append would have happened. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 2_500));
}
