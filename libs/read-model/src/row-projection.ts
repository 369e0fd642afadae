import type pg from 'pg';
import type { RecordedEvent } from '#event-store';
import type { RecordKind } from '#events';
import type { FollowedEvents } from './followed-events.js';
import type { VersionedProjection } from './projection.js';

export interface RowKey {
  readonly tenant: string;
  readonly id: string;
}

/**
 * What a projection of one row per record defines: which events touch which row, and a pure
 * `evolve` of that row. Loading and saving happen once per batch, not once per event, which is
 * what makes a replay of millions of events fast.
 */
export interface RowProjectionDefinition<Row> extends Pick<VersionedProjection, 'name' | 'version' | 'tables' | 'createTables'> {
  readonly kind: RecordKind;
  /** Every event of `kind` when absent. */
  readonly follows?: FollowedEvents;
  keyOf(event: RecordedEvent): RowKey | undefined;
  evolve(row: Row | undefined, event: RecordedEvent): Row | undefined;
  load(tx: pg.PoolClient, keys: readonly RowKey[]): Promise<Map<string, Row>>;
  save(tx: pg.PoolClient, rows: readonly Row[]): Promise<void>;
  reset(tx: pg.PoolClient): Promise<void>;
}

export function rowKeyString(key: RowKey): string {
  return `${key.tenant}\u0000${key.id}`;
}

export function rowProjection<Row>(definition: RowProjectionDefinition<Row>): VersionedProjection {
  const { name, version, tables, createTables } = definition;
  return {
    name,
    follows: definition.follows ?? { [definition.kind]: 'all' },
    version,
    tables,
    createTables,
    reset: (tx) => definition.reset(tx),
    async applyBatch(events, tx) {
      const touched = new Map<string, RowKey>();
      const keyed: { key: string; event: RecordedEvent }[] = [];
      for (const event of events) {
        const key = definition.keyOf(event);
        if (!key) continue;
        const keyString = rowKeyString(key);
        touched.set(keyString, key);
        keyed.push({ key: keyString, event });
      }
      if (keyed.length === 0) return [];
      const rows = await definition.load(tx, [...touched.values()]);
      /** Each changed row with the revision of the last event that changed it: its version. */
      const changed = new Map<string, bigint>();
      for (const { key, event } of keyed) {
        const next = definition.evolve(rows.get(key), event);
        if (next === undefined) continue;
        rows.set(key, next);
        changed.set(key, event.revision);
      }
      await definition.save(
        tx,
        [...changed.keys()].map((key) => rows.get(key)!),
      );
      // One entry per record with its final version in the batch, however many events it took.
      return [...changed].map(([key, version]) => ({ kind: definition.kind, ...touched.get(key)!, version: version.toString() }));
    },
  };
}
