import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import WebSocket from 'ws';
import { recordErrorLog, type ErrorLog } from './support/error-log.js';
import { graphql, wsClient } from './support/graphql-client.js';
import { hostileHttpRequest, hostileWebSocketFrame } from './support/hostile-requests.js';
import { operationsOf, servedSchema, type Operation } from './support/operation-walk.js';
import { rawRequest } from './support/raw-http.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Fixed, so a run is repeatable; FUZZ_SEED=<n> explores others (a failure prints its seed). */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_130);
const HTTP_REQUESTS = Number(process.env.FUZZ_HTTP_RUNS ?? 2_500);
const WEBSOCKET_FRAMES = Number(process.env.FUZZ_WS_RUNS ?? 400);
const SLOWEST_ANSWER_MS = 2_000;
/** How much more heap, after a full collection, the process may hold once the fuzzing is over. */
const HEAP_GROWTH_BOUND = 64 * 1024 * 1024;

/** A collection on demand, without starting Node with --expose-gc. */
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function heapAfterCollection(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

interface CodedError {
  readonly extensions?: { readonly code?: unknown };
}

/** What is wrong with a GraphQL answer: an error without a code, or an internal one; nothing when all is coded. */
function uncoded(answer: unknown): string[] {
  if (typeof answer !== 'object' || answer === null) return [`not a GraphQL response: ${String(answer).slice(0, 200)}`];
  const { data, errors } = answer as { data?: unknown; errors?: CodedError[] };
  if (errors === undefined) return data === undefined ? ['neither data nor errors'] : [];
  if (!Array.isArray(errors) || errors.length === 0) return ['errors is not a list of errors'];
  return errors.flatMap((error) => {
    const code = error.extensions?.code;
    if (typeof code !== 'string') return [`an error without a code: ${JSON.stringify(error).slice(0, 200)}`];
    return code === 'INTERNAL_SERVER_ERROR' ? ['INTERNAL_SERVER_ERROR'] : [];
  });
}

interface FrameAnswer {
  readonly message?: unknown;
  readonly closeCode?: number;
  /** From sending the frame to its answer or the close: the connection's own setup is not counted. */
  readonly tookMs: number;
}

/** Sends one frame after the connection is acknowledged; resolves with the first answer or the close. */
function sendFrame(url: string, token: string, frame: Buffer): Promise<FrameAnswer> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    const answer = (found: Omit<FrameAnswer, 'tookMs'>) => resolve({ ...found, tookMs: performance.now() - sent });
    const socket = new WebSocket(`${url.replace(/^http/, 'ws')}/graphql`, 'graphql-transport-ws');
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string };
      if (message.type === 'connection_ack') {
        sent = performance.now();
        return socket.send(frame);
      }
      if (message.type === 'ping') return socket.send(JSON.stringify({ type: 'pong' }));
      answer({ message });
      socket.close();
    });
    socket.on('close', (closeCode) => answer({ closeCode }));
    socket.on('error', (error) => (error.message.includes('1009') ? answer({ closeCode: 1009 }) : reject(error)));
  });
}

/**
 * Thousands of hostile requests, generated: bad JSON and charsets, deep nesting, alias and
 * directive bombs, huge strings and numbers, NUL bytes, wrong types, unknown fields, batches,
 * huge WebSocket frames. Every answer is coded (`extensions.code` in a GraphQL response, which
 * the HTTP edge's refusals are too; on a WebSocket a coded error or a close code of the
 * protocol), none is an internal error or logs one, none takes over 2 s, the heap settles, and
 * the server serves normally afterwards.
 */
describe('Hostile requests', () => {
  let app: TestApp;
  let tokens: string[];
  let operations: Operation[];
  let log: ErrorLog;

  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_PRINCIPAL_PER_SECOND: '100000', RATE_LIMIT_TENANT_PER_SECOND: '100000' });
    tokens = [await app.token('acme', ['admin']), await app.token('acme', ['requester']), await app.token('acme', ['automation'])];
    operations = operationsOf(await servedSchema(app, tokens[0]!));
    log = recordErrorLog();
  }, 60_000);
  afterAll(async () => {
    log?.stop();
    await app?.close();
  });

  let heapBefore = 0;

  it('answers every hostile HTTP request with a coded error or data, within 2 s', async () => {
    // Warm up first, so that what the first requests load for good is not counted as growth.
    await graphql(app.url, '{ __typename }', {}, tokens[0]);
    heapBefore = heapAfterCollection();
    await fc.assert(
      fc.asyncProperty(hostileHttpRequest(operations, tokens), async ({ method, path, headers, body }) => {
        const started = performance.now();
        const response = await rawRequest(app.url, { method, path, headers, body });
        const took = performance.now() - started;
        expect({ problems: uncoded(response.json), status: response.status }).toEqual({ problems: [], status: expect.any(Number) });
        expect(took).toBeLessThan(SLOWEST_ANSWER_MS);
      }),
      { seed: SEED, numRuns: HTTP_REQUESTS, endOnFailure: true },
    );
  }, 120_000);

  it('answers or closes on every hostile WebSocket frame, within 2 s', async () => {
    await fc.assert(
      fc.asyncProperty(hostileWebSocketFrame(operations), async (frame) => {
        const { message, closeCode, tookMs } = await sendFrame(app.url, tokens[0]!, frame);
        if (message === undefined) {
          // graphql-ws closes with 4400 on a message it cannot read, ws with 1009 on one too large.
          expect([1009, 4400]).toContain(closeCode);
        } else {
          const { type, payload } = message as { type: string; payload: unknown };
          expect({ type, problems: uncoded(type === 'error' ? { errors: payload } : payload) }).toEqual({ type: expect.stringMatching(/^(next|error)$/), problems: [] });
        }
        expect(tookMs).toBeLessThan(SLOWEST_ANSWER_MS);
      }),
      { seed: SEED, numRuns: WEBSOCKET_FRAMES, endOnFailure: true },
    );
  }, 120_000);

  it('logs no error for them, settles its heap and serves normally afterwards', async () => {
    expect(log.requestErrors()).toEqual([]);
    const growth = heapAfterCollection() - heapBefore;
    expect(growth).toBeLessThan(HEAP_GROWTH_BOUND);
    const answer = await graphql(app.url, 'mutation { openIncident(input: {title: "Still here", impact: 3, urgency: 3}) { incidentId } }', {}, tokens[0]);
    expect(answer.errors).toBeUndefined();
    const client = wsClient(app.url, tokens[0]);
    try {
      const result = await new Promise((resolve, reject) => client.subscribe({ query: '{ tenantSettings { isDefault } }' }, { next: resolve, error: reject, complete: () => undefined }));
      expect(result).toEqual({ data: { tenantSettings: { isDefault: true } } });
    } finally {
      await client.dispose();
    }
  });
});
