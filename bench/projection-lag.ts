import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { READ_MODEL_CHANNEL, type ReadModelUpdate } from '#read-model';
import type { TimedResponse } from './load.js';

interface Heard {
  readonly atMs: number;
  readonly position: string;
}

const SETTLE_TIMEOUT_MS = 30_000;

/**
 * Listens to the projector's committed-change notifications, as the API's subscriptions do, to
 * learn when each mutation's row became visible in the read model.
 */
export class ProjectionLagProbe {
  private readonly heard: Heard[] = [];

  private constructor(
    private readonly client: pg.Client,
    private readonly projection: string,
  ) {}

  static async listen(databaseUrl: string, projection: string): Promise<ProjectionLagProbe> {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    const probe = new ProjectionLagProbe(client, projection);
    client.on('notification', ({ payload }) => probe.hear(payload));
    await client.query(`LISTEN ${READ_MODEL_CHANNEL}`);
    return probe;
  }

  /**
   * Lag of each response: from its arrival to the first notification at or past its position
   * (position tokens sort as strings); zero when the row was visible before the response came.
   */
  async lagsMs(timed: readonly TimedResponse[]): Promise<number[]> {
    const responses = timed.map((response) => ({ ...response, position: untagged(response.position) }));
    const last = responses.reduce((max, response) => (response.position > max ? response.position : max), '');
    const deadline = Date.now() + SETTLE_TIMEOUT_MS;
    while ((this.heard.at(-1)?.position ?? '') < last) {
      if (Date.now() > deadline) throw new Error('the projector did not catch up within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return responses.map((response) => Math.max(0, this.firstCovering(response.position).atMs - response.atMs));
  }

  async close(): Promise<void> {
    await this.client.end();
  }

  private hear(payload: string | undefined): void {
    const update = JSON.parse(payload ?? '{}') as Partial<ReadModelUpdate>;
    if (update.projection !== this.projection || !update.position) return;
    this.heard.push({ atMs: performance.timeOrigin + performance.now(), position: update.position });
  }

  /** Notifications come in position order from one projector, so a binary search finds it. */
  private firstCovering(position: string): Heard {
    let low = 0;
    let high = this.heard.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.heard[middle]!.position >= position) high = middle;
      else low = middle + 1;
    }
    return this.heard[low]!;
  }
}

/**
 * Mutations answer position tokens tagged with their store (`pg.<store>.<position>`), while the
 * projector's notifications carry the bare position; both end in the same fixed-width hex.
 */
function untagged(token: string): string {
  return token.slice(token.lastIndexOf('.') + 1);
}
