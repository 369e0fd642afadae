import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { graphql } from './support/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const OPEN = `mutation Open($input: OpenIncidentInput!) { openIncident(input: $input) { position incident { id } } }`;
const LIST = `query List($filter: IncidentFilter, $first: Int, $after: String, $at: String) {
  incidents(filter: $filter, first: $first, after: $after, consistentWith: $at) {
    edges { cursor node { title priority callerId } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

interface ListData {
  incidents: {
    edges: { cursor: string; node: { title: string; priority: string; callerId: string } }[];
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  };
}

describe('incidents: a Relay connection in queue order, filtered, paged by keyset, per tenant', () => {
  let app: TestApp;
  let agent: string;
  let requester: string;
  /** Every write's position; the last one makes a list read its writes. */
  let at: string;

  async function open(token: string, input: Record<string, unknown>): Promise<void> {
    const result = await graphql<{ openIncident: { position: string } }>(app.url, OPEN, { input }, token);
    expect(result.errors).toBeUndefined();
    at = result.data!.openIncident.position;
    app.clock.advance(60_000);
  }

  async function list(variables: Record<string, unknown>, token = agent) {
    return graphql<ListData>(app.url, LIST, { at, ...variables }, token);
  }

  async function titles(variables: Record<string, unknown>, token = agent): Promise<string[]> {
    const result = await list(variables, token);
    expect(result.errors).toBeUndefined();
    return result.data!.incidents.edges.map((edge) => edge.node.title);
  }

  beforeAll(async () => {
    app = await startTestApp();
    agent = await app.token('acme', ['agent']);
    requester = await app.token('acme', ['requester'], 'pat@acme');
    const globex = await app.token('globex', ['agent']);
    await open(agent, { title: 'VPN flaky', impact: 2, urgency: 2, serviceId: 'svc-vpn', assignmentGroup: 'network', assignee: 'alice' });
    await open(agent, { title: 'Mail server down', impact: 1, urgency: 1, serviceId: 'svc-mail', assignmentGroup: 'messaging' });
    await open(agent, { title: 'Printer jammed', impact: 3, urgency: 3, serviceId: 'svc-print' });
    await open(agent, { title: 'Mailbox quota reached', impact: 2, urgency: 1, serviceId: 'svc-mail', assignmentGroup: 'messaging' });
    await open(agent, { title: 'Laptop slow', impact: 2, urgency: 2, serviceId: 'svc-desktop' });
    await open(requester, { title: 'My keyboard is broken', impact: 3, urgency: 2 });
    await open(globex, { title: 'Mail server down at globex', impact: 1, urgency: 1, serviceId: 'svc-mail' });
  });
  afterAll(async () => app?.close());

  const queue = ['Mail server down', 'Mailbox quota reached', 'VPN flaky', 'Laptop slow', 'My keyboard is broken', 'Printer jammed'];

  it('lists the tenant in priority order, oldest first within a priority', async () => {
    const result = await list({});
    expect(result.errors).toBeUndefined();
    expect(result.data!.incidents.edges.map((edge) => [edge.node.title, edge.node.priority])).toEqual([
      ['Mail server down', 'P1'],
      ['Mailbox quota reached', 'P2'],
      ['VPN flaky', 'P3'],
      ['Laptop slow', 'P3'],
      ['My keyboard is broken', 'P4'],
      ['Printer jammed', 'P5'],
    ]);
    expect(result.data!.incidents.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('pages forward with opaque cursors until the end', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const result: Awaited<ReturnType<typeof list>> = await list({ first: 2, after });
      const { edges, pageInfo } = result.data!.incidents;
      pages += 1;
      seen.push(...edges.map((edge) => edge.node.title));
      expect(pageInfo.startCursor).toBe(edges[0]!.cursor);
      expect(pageInfo.endCursor).toBe(edges.at(-1)!.cursor);
      expect(pageInfo.hasPreviousPage).toBe(after !== null);
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(queue);
  });

  it.each([
    ['priority', { priority: ['P3', 'P1'] }, ['Mail server down', 'VPN flaky', 'Laptop slow']],
    ['state', { state: ['NEW'] }, queue],
    ['a state with nothing in it', { state: ['RESOLVED', 'CLOSED'] }, []],
    ['service', { serviceId: 'svc-mail' }, ['Mail server down', 'Mailbox quota reached']],
    ['assignment group', { assignmentGroup: 'messaging' }, ['Mail server down', 'Mailbox quota reached']],
    ['assignee', { assignee: 'alice' }, ['VPN flaky']],
    ['text', { text: 'mail' }, ['Mail server down']],
    ['text with or', { text: 'mailbox or vpn' }, ['Mailbox quota reached', 'VPN flaky']],
    ['number', { text: 'INC0001003' }, ['Printer jammed']],
    ['blank text, which is no criterion', { text: '  ' }, queue],
    ['several criteria', { serviceId: 'svc-mail', priority: ['P2'], state: ['NEW', 'IN_PROGRESS'] }, ['Mailbox quota reached']],
  ])('filters by %s', async (_name, filter, expected) => {
    expect(await titles({ filter })).toEqual(expected);
  });

  it('shows requesters only the incidents they reported', async () => {
    expect(await titles({}, requester)).toEqual(['My keyboard is broken']);
    expect(await titles({ filter: { text: 'mail' } }, requester)).toEqual([]);
  });

  it("never shows another tenant's incidents", async () => {
    const globex = await app.token('globex', ['auditor']);
    expect(await titles({}, globex)).toEqual(['Mail server down at globex']);
    expect(await titles({ filter: { text: 'mailbox' } }, globex)).toEqual([]);
    expect(await titles({}, await app.token('initech', ['agent']))).toEqual([]);
  });

  it.each([
    ['first below 1', { first: 0 }, 'first'],
    ['first above 100', { first: 101 }, 'first'],
    ['an invented cursor', { after: 'bm90IGEgY3Vyc29y' }, 'after'],
    ['a too long text', { filter: { text: 'x'.repeat(201) } }, 'filter.text'],
  ])('refuses %s with BAD_USER_INPUT naming the field', async (_name, variables, field) => {
    const result = await list(variables);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('refuses an unknown state through GraphQL validation, and callers without a token', async () => {
    const wrongEnum = await list({ filter: { state: ['OPEN'] } });
    expect(wrongEnum.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const anonymous = await graphql(app.url, LIST, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
