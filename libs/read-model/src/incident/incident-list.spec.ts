import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { evolveIncident, type Incident, type IncidentStatus } from '#domain';
import type { Priority } from '#events';
import { opened } from '#domain/testing';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/test-database.js';
import { ensureReadModelSchema } from '../read-model-schema.js';
import { InvalidCursorError } from '../keyset-cursor.js';
import { incidentListCursor } from './incident-list-cursor.js';
import { findMatchingIncidentRows, listIncidents, type IncidentListFilter } from './incident-list.js';
import { incidentViewOf, type FoldedIncidentRow } from './incident-row.js';
import { incidentProjection } from './incident.projection.js';
import { saveIncidentRows } from './incident-rows.js';

interface Seed {
  readonly n: number;
  readonly tenant?: string;
  readonly status?: IncidentStatus;
  readonly priority: Priority;
  /** Minutes after 2026-01-01T00:00Z. */
  readonly openedAt: number;
  readonly title?: string;
  readonly callerId?: string;
  readonly serviceId?: string | null;
  readonly assignmentGroup?: string | null;
  readonly assignee?: string | null;
}

const seeds: readonly Seed[] = [
  { n: 1, priority: 'P3', openedAt: 10, title: 'Mail server down', serviceId: 'svc-mail', assignmentGroup: 'messaging' },
  { n: 2, priority: 'P1', openedAt: 20, title: 'Core switch failed', serviceId: 'svc-net', assignmentGroup: 'network', assignee: 'alice' },
  { n: 3, priority: 'P3', openedAt: 5, status: 'IN_PROGRESS', title: 'Mailbox full', callerId: 'bob', assignmentGroup: 'messaging', assignee: 'alice' },
  { n: 4, priority: 'P2', openedAt: 1, status: 'ON_HOLD', title: 'VPN flaky', serviceId: 'svc-vpn', assignmentGroup: 'network' },
  { n: 5, priority: 'P5', openedAt: 0, status: 'CLOSED', title: 'Printer toner low', callerId: 'bob' },
  { n: 6, priority: 'P3', openedAt: 10, status: 'RESOLVED', title: 'Calendar sync broken', serviceId: 'svc-mail' },
  { n: 7, priority: 'P1', openedAt: 30, status: 'IN_PROGRESS', title: 'Website returns 500', serviceId: 'svc-web', assignee: 'carol' },
  { n: 8, priority: 'P4', openedAt: 2, title: 'Laptop slow', callerId: 'bob', assignmentGroup: 'desktop' },
  { n: 9, priority: 'P2', openedAt: 1, status: 'CANCELED', title: 'Duplicate of VPN flaky', serviceId: 'svc-vpn' },
  { n: 10, priority: 'P3', openedAt: 10, title: 'Shared mail drive', serviceId: 'svc-mail', assignmentGroup: 'messaging' },
  { n: 11, tenant: 'globex', priority: 'P1', openedAt: 0, title: 'Mail server down at globex', serviceId: 'svc-mail' },
  { n: 12, tenant: 'globex', priority: 'P3', openedAt: 3, title: 'Other tenant printer', callerId: 'bob' },
];

/** Incident ids sort as their seed number, which makes tie-breaks on id readable. */
const idOf = (n: number) => `00000000-0000-4000-8000-${n.toString().padStart(12, '0')}`;
const numberOf = (n: number) => `INC${(1000 + n).toString().padStart(7, '0')}`;

function toRow(seed: Seed): FoldedIncidentRow {
  const at = new Date(Date.UTC(2026, 0, 1, 0, seed.openedAt)).toISOString();
  const base = evolveIncident(null, {
    ...opened,
    data: { ...opened.data, incidentId: idOf(seed.n), tenant: seed.tenant ?? 'acme', number: numberOf(seed.n), openedAt: at },
  })!;
  const incident: Incident = {
    ...base,
    title: seed.title ?? base.title,
    description: `Seed ${seed.n}`,
    status: seed.status ?? 'NEW',
    priority: seed.priority,
    callerId: seed.callerId ?? 'alice-caller',
    serviceId: seed.serviceId ?? null,
    assignmentGroup: seed.assignmentGroup ?? null,
    assignee: seed.assignee ?? null,
  };
  return {
    tenant: incident.tenant,
    id: incident.incidentId,
    version: '0',
    updatedAt: at,
    folded: incident,
    detail: { incident: incidentViewOf(incident) },
    journal: [],
  };
}

/** The reference the database must agree with: filter in memory, then priority, age, id. */
function expected(filter: IncidentListFilter, tenant = 'acme'): number[] {
  return seeds
    .filter((seed) => (seed.tenant ?? 'acme') === tenant)
    .filter((seed) => !filter.states?.length || filter.states.includes(seed.status ?? 'NEW'))
    .filter((seed) => !filter.priorities?.length || filter.priorities.includes(seed.priority))
    .filter((seed) => filter.assignmentGroup === undefined || seed.assignmentGroup === filter.assignmentGroup)
    .filter((seed) => filter.assignee === undefined || seed.assignee === filter.assignee)
    .filter((seed) => filter.serviceId === undefined || seed.serviceId === filter.serviceId)
    .filter((seed) => filter.callerId === undefined || (seed.callerId ?? 'alice-caller') === filter.callerId)
    .sort((a, b) => a.priority.localeCompare(b.priority) || a.openedAt - b.openedAt || a.n - b.n)
    .map((seed) => seed.n);
}

describe('incident list query (PostgreSQL)', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(2);
    await ensureReadModelSchema(database.pool, [incidentProjection]);
    await saveIncidentRows(database.pool, seeds.map(toRow));
  });
  afterAll(async () => database?.drop());

  /** Every page of `size`, following cursors through the opaque token as a client would. */
  async function pageThrough(filter: IncidentListFilter, size: number, tenant = 'acme'): Promise<number[][]> {
    const pages: number[][] = [];
    let after: string | undefined;
    for (;;) {
      const page = await listIncidents(database.pool, {
        tenant,
        filter,
        first: size,
        after: after === undefined ? undefined : incidentListCursor.decode(after),
      });
      pages.push(page.items.map((item) => Number(item.row.id.slice(-12))));
      if (!page.hasNextPage) return pages;
      after = incidentListCursor.encode(page.items.at(-1)!.cursor);
    }
  }

  const filters: Record<string, IncidentListFilter> = {
    'no filter': {},
    'open states': { states: ['NEW', 'IN_PROGRESS', 'ON_HOLD'] },
    'one state': { states: ['NEW'] },
    priorities: { priorities: ['P3', 'P1'] },
    'states x priorities': { states: ['NEW', 'IN_PROGRESS', 'CANCELED'], priorities: ['P1', 'P2', 'P3'] },
    'assignment group': { assignmentGroup: 'messaging' },
    'group and open states': { assignmentGroup: 'messaging', states: ['NEW', 'IN_PROGRESS'] },
    assignee: { assignee: 'alice' },
    service: { serviceId: 'svc-mail' },
    'caller (requester)': { callerId: 'bob' },
    'nothing matches': { serviceId: 'svc-none' },
  };

  it.each(Object.entries(filters))('lists %s in priority, age, id order, one tenant only', async (_name, filter) => {
    const page = await listIncidents(database.pool, { tenant: 'acme', filter, first: 100 });
    expect(page.items.map((item) => Number(item.row.id.slice(-12)))).toEqual(expected(filter));
    expect(page.hasNextPage).toBe(false);
    expect(page.items.every((item) => item.row.tenant === 'acme')).toBe(true);
  });

  it.each(Object.entries(filters))('pages through %s by keyset without gaps or repeats', async (_name, filter) => {
    for (const size of [1, 2, 3]) {
      const pages = await pageThrough(filter, size);
      expect(pages.flat()).toEqual(expected(filter));
      expect(pages.slice(0, -1).every((page) => page.length === size)).toBe(true);
    }
  });

  it('breaks ties of priority and age by id', async () => {
    const page = await listIncidents(database.pool, { tenant: 'acme', filter: { priorities: ['P3'] }, first: 10 });
    expect(page.items.map((item) => item.row.detail.incident.number)).toEqual([numberOf(3), numberOf(1), numberOf(6), numberOf(10)]);
  });

  it('keeps tenants apart', async () => {
    expect((await pageThrough({}, 5, 'globex')).flat()).toEqual([11, 12]);
    expect((await pageThrough({ callerId: 'bob' }, 5, 'globex')).flat()).toEqual([12]);
    expect((await pageThrough({}, 5, 'initech')).flat()).toEqual([]);
  });

  it('searches words of number, title and description', async () => {
    const search = async (text: string, filter: IncidentListFilter = {}) =>
      (await listIncidents(database.pool, { tenant: 'acme', filter: { ...filter, text }, first: 100 })).items.map((item) =>
        Number(item.row.id.slice(-12)),
      );
    expect(await search('mail')).toEqual([1, 10]);
    expect(await search('MAIL server')).toEqual([1]);
    expect(await search(numberOf(4))).toEqual([4]);
    expect(await search('seed 7')).toEqual([7]);
    expect(await search('vpn -duplicate')).toEqual([4]);
    expect(await search('"vpn flaky"')).toEqual([4, 9]);
    expect(await search('mail', { states: ['RESOLVED'] })).toEqual([]);
    expect(await search('globex')).toEqual([]);
  });

  it('finds changed incidents with the conditions of the list, so subscriptions agree with it', async () => {
    const everyId = seeds.map((seed) => idOf(seed.n));
    for (const filter of [...Object.values(filters), { text: 'mail' }, { text: 'vpn', states: ['ON_HOLD' as const] }]) {
      const listed = await listIncidents(database.pool, { tenant: 'acme', filter, first: 100 });
      const matched = await findMatchingIncidentRows(database.pool, 'acme', everyId, filter);
      expect(matched.map((row) => row.id)).toEqual(listed.items.map((item) => item.row.id));
    }
    expect(await findMatchingIncidentRows(database.pool, 'globex', [idOf(1)], {})).toEqual([]);
    expect(await findMatchingIncidentRows(database.pool, 'acme', [], {})).toEqual([]);
  });
});

describe('incident list cursor', () => {
  it('round-trips and stays opaque', () => {
    const cursor = { priority: 2, openedAt: '2026-01-01T00:05:00.000Z', id: idOf(4) };
    const token = incidentListCursor.encode(cursor);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(incidentListCursor.decode(token)).toEqual(cursor);
  });

  it.each([
    ['not base64 JSON', '!!!'],
    ['wrong shape', Buffer.from('{"a":1}').toString('base64url')],
    ['priority out of range', Buffer.from(JSON.stringify([9, '2026-01-01T00:00:00Z', idOf(1)])).toString('base64url')],
    ['bad instant', Buffer.from(JSON.stringify([1, 'yesterday', idOf(1)])).toString('base64url')],
    ['bad id', Buffer.from(JSON.stringify([1, '2026-01-01T00:00:00Z', 'x'])).toString('base64url')],
  ])('refuses %s', (_name, token) => {
    expect(() => incidentListCursor.decode(token)).toThrow(InvalidCursorError);
  });
});
