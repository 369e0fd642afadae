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
import { AppendAnnouncer } from './append-announcer.js';
import { logFilterCondition } from './log-filter-sql.js';
import { LogWake } from './log-wake.js';
import { mapPostgresError, postgresErrorCode } from './postgres-errors.js';
import { EVENT_COLUMNS, toRecordedEvent, type EventRow } from './postgres-event-row.js';
import { PollingSubscription } from './polling-subscription.js';

export interface PostgresEventStoreOptions {
  /** How many events one read query fetches. */
  readonly pageSize?: number;
  /**
   * How often a waiting subscription reads anyway, in case an announcement of an append was lost;
   * appends wake subscriptions at once, in this process and (LISTEN/NOTIFY) in others.
   */
  readonly pollIntervalMs?: number;
  /** Whether `close()` ends the pool (true when the store created it). */
  readonly ownsPool?: boolean;
  /**
   * Where reads of the global log and subscriptions (a projector's work) take connections, so
   * they never wait behind commands, nor commands behind them; the main pool when absent.
   */
  readonly logPool?: Pool;
}

interface LogPage {
  from: Position | undefined;
  inclusive: boolean;
  backwards: boolean;
  limit: number;
  filter: LogFilter | undefined;
}

interface AppendRow {
  appended: boolean;
  revision: string | null;
  commit_id: string | null;
  seq: string | null;
}

/** Named, so each connection parses and plans it once instead of on every append. */
const APPEND = {
  name: 'es_append',
  text: 'SELECT appended, revision::text AS revision, commit_id, seq::text AS seq FROM es_append($1, $2, $3, $4, $5, $6)',
};
const UNIQUE_VIOLATION = '23505';
const INVALID_TEXT_REPRESENTATION = '22P02';
/** Only visible once every older transaction has ended: see event-store-schema.ts. */
const VISIBLE = 'commit_id < pg_snapshot_xmin(pg_current_snapshot())';
const MAX_REVISION = (1n << 63n) - 1n;

export class PostgresEventStore implements EventStore {
  private readonly pageSize: number;
  private readonly wake: LogWake;
  private readonly announcer: AppendAnnouncer;
  private knownIdentity: Promise<StoreIdentity> | undefined;

  constructor(
    private readonly pool: Pool,
    private readonly options: PostgresEventStoreOptions = {},
  ) {
    this.pageSize = options.pageSize ?? 1000;
    this.wake = new LogWake(options.logPool ?? pool, options.pollIntervalMs ?? 1_000);
    this.announcer = new AppendAnnouncer(pool);
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    { expectedRevision }: { readonly expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (events.length === 0) throw new InvalidAppendError('An append needs at least one event');
    let row: AppendRow | undefined;
    try {
      const result = await this.pool.query<AppendRow>({
        ...APPEND,
        values: [
          streamId,
          String(expectedRevision),
          events.map((event) => event.id),
          events.map((event) => event.type),
          events.map((event) => JSON.stringify(event.data)),
          events.map((event) => JSON.stringify(event.metadata)),
        ],
      });
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
    const position = { commit: BigInt(row.commit_id!), prepare: BigInt(row.seq!) };
    this.wake.appended(position);
    this.announcer.announce(position);
    return { nextExpectedRevision: BigInt(row.revision!), position };
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
    const waiter = this.wake.waiter();
    return new PollingSubscription({
      after: options.after,
      readAfter: async (after) => {
        const page = { from: after, inclusive: false, backwards: false, limit: this.pageSize, filter: options.filter };
        const { events, horizon } = await this.readLogPageWithHorizon(page);
        waiter.read(horizon, events.length > 0);
        return { events, toTheEnd: events.length < page.limit };
      },
      waitForAppend: (signal) => waiter.wait(signal),
      close: () => waiter.close(),
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
    this.wake.close();
    await this.announcer.close();
    if (this.options.ownsPool) await this.pool.end();
  }

  /** One page of the visible global log, in either direction from a position. */
  private async readLogPage(page: LogPage): Promise<RecordedEvent[]> {
    const { sql, params } = logPageSql(page, EVENT_COLUMNS, VISIBLE);
    const rows = await this.query<EventRow>(sql, params, this.options.logPool);
    return rows.map(toRecordedEvent);
  }

  /**
   * A page read forwards, with the horizon of the snapshot it was read in (the oldest transaction
   * then running): every event that committed below it was there to be read, so a subscription
   * can tell appends it has seen from appends not yet visible. One statement, so one snapshot.
   */
  private async readLogPageWithHorizon(page: LogPage): Promise<{ events: RecordedEvent[]; horizon: bigint }> {
    const { sql, params } = logPageSql(page, '*', 'commit_id < snapshot.horizon');
    const rows = await this.query<EventRow & { horizon_text: string }>(
      `SELECT snapshot.horizon::text AS horizon_text, ${EVENT_COLUMNS}
       FROM (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS horizon) snapshot
       LEFT JOIN LATERAL (${sql}) e ON true
       ORDER BY e.commit_id, e.seq`,
      params,
      this.options.logPool,
    );
    const events = rows[0]?.commit_text === null ? [] : rows.map(toRecordedEvent);
    return { events, horizon: BigInt(rows[0]!.horizon_text) };
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

/** The query of one page of the log; `visible` says which commits may be read. */
function logPageSql(page: LogPage, columns: string, visible: string): { sql: string; params: unknown[] } {
  const filter = logFilterCondition(page.filter, 4);
  const comparison = `${page.backwards ? '<' : '>'}${page.inclusive ? '=' : ''}`;
  const order = page.backwards ? 'DESC' : 'ASC';
  return {
    sql: `SELECT ${columns} FROM es_events
       WHERE ${visible} AND ${filter.sql}
         AND ($1::text IS NULL OR (commit_id, seq) ${comparison} ($1::xid8, $2::bigint))
       ORDER BY commit_id ${order}, seq ${order} LIMIT $3`,
    params: [page.from?.commit.toString() ?? null, page.from?.prepare.toString() ?? null, page.limit, ...filter.params],
  };
}
