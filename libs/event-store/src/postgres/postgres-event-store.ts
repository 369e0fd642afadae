import { EventEmitter, once } from 'node:events';
import type { Pool } from 'pg';
import { InvalidAppendError, StreamNotFoundError, WrongExpectedRevisionError } from '../event-store.errors.js';
import type {
  AppendResult,
  EventStore,
  LogFilter,
  LogSubscription,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
} from '../event-store.port.js';
import type { ExpectedRevision } from '../expected-revision.js';
import type { Position } from '../position.js';
import type { StoreIdentity } from '../store-identity.js';
import { logFilterCondition } from './log-filter-sql.js';
import { mapPostgresError, postgresErrorCode } from './postgres-errors.js';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './postgres-event-row.js';
import { PollingSubscription } from './polling-subscription.js';

export interface PostgresEventStoreOptions {
  /** How many events one read query fetches. */
  readonly pageSize?: number;
  /** How often an idle subscription looks for events appended by other processes. */
  readonly pollIntervalMs?: number;
  /** Whether `close()` ends the pool (true when the store created it). */
  readonly ownsPool?: boolean;
  /**
   * Where reads of the global log and subscriptions (a projector's work) take connections, so
   * they never wait behind commands, nor commands behind them; the main pool when absent.
   */
  readonly logPool?: Pool;
}

interface AppendRow {
  appended: boolean;
  revision: string | null;
  commit_id: string | null;
  seq: string | null;
}

const UNIQUE_VIOLATION = '23505';
const INVALID_TEXT_REPRESENTATION = '22P02';
/** Only visible once every older transaction has ended: see event-store-schema.ts. */
const VISIBLE = 'commit_id < pg_snapshot_xmin(pg_current_snapshot())';
const MAX_REVISION = (1n << 63n) - 1n;

export class PostgresEventStore implements EventStore {
  private readonly pageSize: number;
  private readonly pollIntervalMs: number;
  /** Wakes this process's subscriptions as soon as it appends, instead of at the next poll. */
  private readonly appended = new EventEmitter().setMaxListeners(0);
  private knownIdentity: Promise<StoreIdentity> | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly options: PostgresEventStoreOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 1000;
    this.pollIntervalMs = options.pollIntervalMs ?? 25;
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    { expectedRevision }: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (events.length === 0) throw new InvalidAppendError('An append needs at least one event');
    let row: AppendRow | undefined;
    try {
      const result = await this.pool.query<AppendRow>(
        'SELECT appended, revision::text AS revision, commit_id, seq::text AS seq FROM es_append($1, $2, $3, $4, $5, $6)',
        [
          streamId,
          String(expectedRevision),
          events.map((event) => event.id),
          events.map((event) => event.type),
          events.map((event) => JSON.stringify(event.data)),
          events.map((event) => JSON.stringify(event.metadata)),
        ],
      );
      row = result.rows[0];
    } catch (error) {
      const code = postgresErrorCode(error);
      if (code === UNIQUE_VIOLATION) return this.alreadyAppended(streamId, events, error);
      if (code === INVALID_TEXT_REPRESENTATION) throw new InvalidAppendError('Event ids must be UUIDs');
      throw mapPostgresError(error);
    }
    if (!row?.appended) {
      const earlier = await this.findEarlierAppend(streamId, events);
      if (earlier) return earlier;
      const actual = row?.revision === null || row?.revision === undefined ? 'no_stream' : BigInt(row.revision);
      throw new WrongExpectedRevisionError(streamId, expectedRevision, actual);
    }
    this.appended.emit('append');
    return {
      nextExpectedRevision: BigInt(row.revision!),
      position: { commit: BigInt(row.commit_id!), prepare: BigInt(row.seq!) },
    };
  }

  async *readStream(streamId: string, options: ReadStreamOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    let from = options.fromRevision ?? (backwards ? MAX_REVISION : 0n);
    let first = true;
    while (remaining > 0) {
      const limit = Math.min(this.pageSize, remaining);
      const rows = await this.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM es_events WHERE stream_id = $1 AND revision ${backwards ? '<=' : '>='} $2
         ORDER BY revision ${backwards ? 'DESC' : 'ASC'} LIMIT $3`,
        [streamId, from.toString(), limit],
      );
      if (first && rows.length === 0 && !(await this.streamExists(streamId))) {
        throw new StreamNotFoundError(streamId);
      }
      first = false;
      for (const row of rows) yield toRecordedEvent(row);
      if (rows.length < limit) return;
      remaining -= rows.length;
      const last = BigInt(rows[rows.length - 1]!.revision_text);
      from = backwards ? last - 1n : last + 1n;
    }
  }

  async *readAll(options: ReadAllOptions = {}): AsyncIterable<RecordedEvent> {
    const backwards = options.direction === 'backwards';
    let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
    let from = options.fromPosition;
    let inclusive = true;
    while (remaining > 0) {
      const limit = Math.min(this.pageSize, remaining);
      const page = await this.readLogPage({ from, inclusive, backwards, limit, filter: options.filter });
      yield* page;
      if (page.length < limit) return;
      remaining -= page.length;
      from = page[page.length - 1]!.position;
      inclusive = false;
    }
  }

  subscribeToAll(options: SubscribeOptions = {}): LogSubscription {
    return new PollingSubscription({
      after: options.after,
      readAfter: (after) =>
        this.readLogPage({ from: after, inclusive: false, backwards: false, limit: this.pageSize, filter: options.filter }),
      waitForAppend: (signal) => this.waitForAppend(signal),
    });
  }

  async identity(): Promise<StoreIdentity> {
    this.knownIdentity ??= this.pool
      .query<{ instance_id: string }>('SELECT instance_id::text AS instance_id FROM es_store_identity')
      .then(({ rows }) => {
        const row = rows[0];
        if (!row) throw new Error('The event store schema has no identity row; ensureEventStoreSchema sets it up');
        return { kind: 'postgres' as const, instanceId: row.instance_id };
      })
      .catch((error: unknown) => {
        this.knownIdentity = undefined;
        throw mapPostgresError(error);
      });
    return this.knownIdentity;
  }

  async ping(): Promise<void> {
    try {
      await this.pool.query('SELECT 1');
    } catch (error) {
      throw mapPostgresError(error);
    }
  }

  async close(): Promise<void> {
    this.appended.emit('close');
    if (this.options.ownsPool) await this.pool.end();
  }

  /** One page of the visible global log, in either direction from a position. */
  private async readLogPage(page: {
    from: Position | undefined;
    inclusive: boolean;
    backwards: boolean;
    limit: number;
    filter: LogFilter | undefined;
  }): Promise<RecordedEvent[]> {
    const filter = logFilterCondition(page.filter, 4);
    const comparison = `${page.backwards ? '<' : '>'}${page.inclusive ? '=' : ''}`;
    const order = page.backwards ? 'DESC' : 'ASC';
    const rows = await this.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM es_events
       WHERE ${VISIBLE} AND ${filter.sql}
         AND ($1::text IS NULL OR (commit_id, seq) ${comparison} ($1::xid8, $2::bigint))
       ORDER BY commit_id ${order}, seq ${order} LIMIT $3`,
      [page.from?.commit.toString() ?? null, page.from?.prepare.toString() ?? null, page.limit, ...filter.params],
      this.options.logPool,
    );
    return rows.map(toRecordedEvent);
  }

  /** Resolves on this process's next append, the poll interval, or abort, whichever is first. */
  private async waitForAppend(signal: AbortSignal): Promise<void> {
    const timeout = AbortSignal.timeout(this.pollIntervalMs);
    await once(this.appended, 'append', { signal: AbortSignal.any([signal, timeout]) }).catch(() => undefined);
  }

  private async streamExists(streamId: string): Promise<boolean> {
    const rows = await this.query('SELECT 1 FROM es_events WHERE stream_id = $1 LIMIT 1', [streamId]);
    return rows.length > 0;
  }

  /**
   * Appends are idempotent by event id, as in EventStoreDB: a retry of an append that already
   * happened returns its original result instead of failing or writing twice.
   */
  private async findEarlierAppend(streamId: string, events: readonly NewEvent[]): Promise<AppendResult | undefined> {
    const rows = await this.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM es_events WHERE id = ANY($1::uuid[]) ORDER BY revision`,
      [events.map((event) => event.id)],
    );
    if (rows.length !== events.length) return undefined;
    const recorded = rows.map(toRecordedEvent);
    const sameAppend = recorded.every(
      (event, index) =>
        event.streamId === streamId &&
        event.id === events[index]!.id &&
        event.revision === recorded[0]!.revision + BigInt(index),
    );
    if (!sameAppend) return undefined;
    const last = recorded[recorded.length - 1]!;
    return { nextExpectedRevision: last.revision, position: last.position };
  }

  private async alreadyAppended(streamId: string, events: readonly NewEvent[], cause: unknown): Promise<AppendResult> {
    const earlier = await this.findEarlierAppend(streamId, events);
    if (earlier) return earlier;
    throw new InvalidAppendError(`An event id of this append is already used elsewhere (${String(cause)})`);
  }

  private async query<Row extends object>(sql: string, params: unknown[], pool: Pool = this.pool): Promise<Row[]> {
    try {
      return (await pool.query<Row>(sql, params)).rows;
    } catch (error) {
      throw mapPostgresError(error);
    }
  }
}
