import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import type { LoadReport, LoadRequest, TimedResponse } from './load.js';

/*
 * The HTTP load generator, in its own thread so that building requests and parsing responses
 * does not take turns with the server on the benchmark's event loop.
 */

const request = workerData as LoadRequest;
const body = JSON.stringify({ query: request.query, variables: request.variables });
const headers = { 'content-type': 'application/json', authorization: `Bearer ${request.token}` };
const now = () => performance.timeOrigin + performance.now();

const report: LoadReport = { requests: 0, errors: 0, seconds: 0, latenciesMs: [], readLatenciesMs: [], responses: [] };

interface Payload {
  readonly position?: string;
  readonly incidentId?: string;
}

async function send(record: boolean): Promise<void> {
  const start = now();
  try {
    const response = await fetch(request.url, { method: 'POST', headers, body });
    const { result, end, error } = await answer(response);
    if (!record) return;
    if (!result) return failed(error);
    report.requests += 1;
    report.latenciesMs.push(end - start);
    if (request.mode.kind === 'open' && result.position) report.responses.push({ atMs: end, position: result.position } satisfies TimedResponse);
    if (request.readBack) await readBack(result);
  } catch (error) {
    if (!record) return;
    report.errors += 1;
    report.firstError ??= error instanceof Error ? error.message : String(error);
  }
}

/** The payload's first field, or why there is none. */
async function answer(response: Response): Promise<{ result?: Payload; end: number; error?: string }> {
  const payload = (await response.json()) as { data?: Record<string, Payload> | null; errors?: { message: string }[] };
  const end = now();
  const result = payload.data ? Object.values(payload.data)[0] : undefined;
  if (response.ok && !payload.errors && result) return { result, end };
  return { end, error: payload.errors?.[0]?.message ?? `HTTP ${response.status}` };
}

function failed(error: string | undefined): void {
  report.errors += 1;
  report.firstError ??= error;
}

async function readBack(written: Payload): Promise<void> {
  const start = now();
  const variables = { id: written.incidentId, position: written.position };
  const response = await fetch(request.url, { method: 'POST', headers, body: JSON.stringify({ query: request.readBack, variables }) });
  const { result, end, error } = await answer(response);
  if (!result) return failed(`read back: ${error}`);
  report.readLatenciesMs.push(end - start);
}

/** Each client sends its next request as soon as the last one is answered. */
async function closedLoop(clients: number, seconds: number, warmUpSeconds: number): Promise<void> {
  const warmUpEnd = now() + warmUpSeconds * 1000;
  const end = warmUpEnd + seconds * 1000;
  const client = async () => {
    while (now() < warmUpEnd) await send(false);
    while (now() < end) await send(true);
  };
  await Promise.all(Array.from({ length: clients }, client));
  report.seconds = seconds;
}

/** Requests leave on a fixed schedule, answered or not, as independent users would send them. */
async function openLoop(rate: number, seconds: number): Promise<void> {
  const start = now();
  const total = Math.round(rate * seconds);
  const inFlight: Promise<void>[] = [];
  for (let index = 0; index < total; index += 1) {
    const wait = start + (index * 1000) / rate - now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(true));
  }
  await Promise.all(inFlight);
  report.seconds = (now() - start) / 1000;
}

const { mode } = request;
await (mode.kind === 'closed' ? closedLoop(mode.clients, mode.seconds, mode.warmUpSeconds) : openLoop(mode.rate, mode.seconds));
parentPort!.postMessage(report);
