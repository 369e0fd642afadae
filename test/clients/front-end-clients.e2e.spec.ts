import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApolloClient, HttpLink, InMemoryCache, gql, split } from '@apollo/client';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { Client as UrqlClient, cacheExchange, fetchExchange, subscriptionExchange } from '@urql/core';
import { createClient, type Client as WsClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startTestApp, type TestApp } from '../e2e/support/test-app.js';

const OPEN = `mutation Open($input: OpenIncidentInput!) {
  openIncident(input: $input) { position version incident { id number state } }
}`;
const INCIDENT = `query Incident($id: ID!, $after: String) { incident(id: $id, consistentWith: $after) { id number priority } }`;
const CHANGED = `subscription Changed { incidentsChanged { id title state } }`;
const NOTE = `mutation Note($input: AddIncidentWorkNoteInput!) { addIncidentWorkNote(input: $input) { version } }`;

interface Opened {
  openIncident: { position: string; version: string; incident: { id: string; number: string; state: string } };
}

/**
 * The front-end setups the README gives, run as written against the real server: a client
 * library that works here works unchanged in a browser.
 */
describe('front-end GraphQL clients, set up as the README says', () => {
  let app: TestApp;
  let token: string;
  const sockets: WsClient[] = [];

  function wsClient(): WsClient {
    const client = createClient({
      url: `${app.url.replace(/^http/, 'ws')}/graphql`,
      connectionParams: { authorization: `Bearer ${token}` },
      webSocketImpl: WebSocket,
    });
    sockets.push(client);
    return client;
  }

  beforeAll(async () => {
    app = await startTestApp();
    token = await app.token('acme', ['agent']);
  });
  afterAll(async () => {
    await Promise.all(sockets.map((socket) => socket.dispose()));
    await app?.close();
  });

  it('Apollo Client: mutation, read-your-write query and a live subscription', async () => {
    const httpLink = new HttpLink({ uri: `${app.url}/graphql`, headers: { authorization: `Bearer ${token}` } });
    const wsLink = new GraphQLWsLink(wsClient());
    const client = new ApolloClient({
      link: split(
        ({ query }) => {
          const definition = getMainDefinition(query);
          return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
        },
        wsLink,
        httpLink,
      ),
      cache: new InMemoryCache(),
    });

    const pushes: { id: string; title: string }[] = [];
    const subscription = client.subscribe<{ incidentsChanged: { id: string; title: string } }>({ query: gql(CHANGED) }).subscribe({
      next: ({ data }) => data && pushes.push(data.incidentsChanged),
    });

    const opened = await client.mutate<Opened>({
      mutation: gql(OPEN),
      variables: { input: { title: 'Apollo says hello', impact: 1, urgency: 2 } },
    });
    const { id, number } = opened.data!.openIncident.incident;
    const read = await client.query<{ incident: { number: string; priority: string } }>({
      query: gql(INCIDENT),
      variables: { id, after: opened.data!.openIncident.position },
    });
    expect(read.data).toMatchObject({ incident: { number, priority: 'P2' } });
    await pokeUntil(
      () => pushes.some((push) => push.id === id),
      () => client.mutate({ mutation: gql(NOTE), variables: { input: { id, text: 'poke' } } }),
    );
    expect(pushes.find((push) => push.id === id)).toMatchObject({ title: 'Apollo says hello' });
    subscription.unsubscribe();
  });

  it('urql: mutation, read-your-write query and a live subscription', async () => {
    const socket = wsClient();
    const client = new UrqlClient({
      url: `${app.url}/graphql`,
      fetchOptions: () => ({ headers: { authorization: `Bearer ${token}` } }),
      exchanges: [
        cacheExchange,
        fetchExchange,
        subscriptionExchange({
          forwardSubscription: (request) => ({
            subscribe: (sink) => ({ unsubscribe: socket.subscribe({ ...request, query: request.query ?? '' }, sink) }),
          }),
        }),
      ],
    });

    const pushes: { id: string; title: string }[] = [];
    const subscription = client.subscription(CHANGED, {}).subscribe((result) => {
      if (result.data) pushes.push(result.data.incidentsChanged);
    });

    const opened = await client.mutation<Opened>(OPEN, { input: { title: 'urql says hello', impact: 3, urgency: 3 } }).toPromise();
    expect(opened.error).toBeUndefined();
    const { id, number } = opened.data!.openIncident.incident;
    const read = await client.query(INCIDENT, { id, after: opened.data!.openIncident.position }).toPromise();
    expect(read.data).toMatchObject({ incident: { number, priority: 'P5' } });
    await pokeUntil(
      () => pushes.some((push) => push.id === id),
      () => client.mutation(NOTE, { input: { id, text: 'poke' } }).toPromise(),
    );
    subscription.unsubscribe();
  });
});

/**
 * graphql-ws does not acknowledge a subscribe, so a change made right after it may come before
 * the server listens: the record is changed again until a push arrives.
 */
async function pokeUntil(pushed: () => boolean, poke: () => Promise<unknown>, attempts = 40): Promise<void> {
  for (let attempt = 0; attempt < attempts && !pushed(); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    if (!pushed()) await poke();
  }
  expect(pushed()).toBe(true);
}
