import { Worker } from 'node:worker_threads';

export type LoadMode =
  | { readonly kind: 'closed'; readonly clients: number; readonly seconds: number; readonly warmUpSeconds: number }
  | { readonly kind: 'open'; readonly rate: number; readonly seconds: number };

export interface LoadRequest {
  /** The GraphQL endpoint. */
  readonly url: string;
  readonly token: string;
  readonly query: string;
  readonly variables: Record<string, unknown>;
  readonly mode: LoadMode;
  /**
   * A query sent after each successful mutation with `$id` (the payload's `incidentId`) and
   * `$position`: a user reading their own write. Its latency goes to `readLatenciesMs`.
   */
  readonly readBack?: string;
}

/** When a response arrived (epoch ms, comparable across threads) and the position it returned. */
export interface TimedResponse {
  readonly atMs: number;
  readonly position: string;
}

export interface LoadReport {
  requests: number;
  errors: number;
  firstError?: string;
  seconds: number;
  latenciesMs: number[];
  /** With `readBack` only; a failed read counts in `errors`. */
  readLatenciesMs: number[];
  /** Open-loop runs only. */
  responses: TimedResponse[];
}

/** Drives an endpoint from a worker thread and resolves with what it measured. */
export function runLoad(request: LoadRequest): Promise<LoadReport> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./load-worker.js', import.meta.url), { workerData: request });
    worker.once('message', (report: LoadReport) => resolve(report));
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`load worker exited with code ${code}`)));
  });
}
