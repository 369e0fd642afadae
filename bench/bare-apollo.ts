import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { RunningServer } from './app-server.js';

const TYPE_DEFS = `#graphql
  input OpenIncidentInput { title: String!, description: String = "", impact: Int!, urgency: Int! }
  type IncidentPayload { version: String!, position: String! }
  type Query { ok: Boolean! }
  type Mutation { openIncident(input: OpenIncidentInput!): IncidentPayload! }
`;

/**
 * The product's HTTP stack (Apollo Server 5 on Express 5, JSON POST) with the same mutation
 * signature and an in-memory resolver: what the product's GraphQL path costs before Nest, auth,
 * validation and the event store.
 */
export async function startBareApollo(): Promise<RunningServer> {
  let opened = 0;
  const apollo = new ApolloServer({
    typeDefs: TYPE_DEFS,
    resolvers: {
      Query: { ok: () => true },
      Mutation: {
        openIncident: () => {
          opened += 1;
          return { version: '0', position: opened.toString(16).padStart(32, '0') };
        },
      },
    },
    csrfPrevention: false,
    includeStacktraceInErrorResponses: false,
  });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(apollo));
  const server = createServer(app).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    token: 'unused',
    async close() {
      server.closeAllConnections();
      server.close();
      await apollo.stop();
    },
  };
}
