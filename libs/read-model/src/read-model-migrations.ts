export interface Migration {
  readonly id: string;
  readonly sql: string;
}

/**
 * The read-model database's own bookkeeping. Append new migrations; never change what one that
 * has shipped does to a database it finds. Projections own their tables since 0006: a projection
 * whose tables change takes a new version and is rebuilt beside the old ones
 * (projection-tables.ts), with no migration.
 */
export const READ_MODEL_MIGRATIONS: readonly Migration[] = [
  {
    id: '0001-projection-checkpoints',
    sql: `
      CREATE TABLE projection_checkpoints (
        projection text PRIMARY KEY,
        commit_position numeric(20) NOT NULL,
        prepare_position numeric(20) NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`,
  },
  {
    // Created the first incident tables; their projections create them now (0006).
    id: '0002-incidents',
    sql: `SELECT 1`,
  },
  {
    // Created the first incident tables; their projections create them now (0006).
    id: '0003-incident-timers',
    sql: `SELECT 1`,
  },
  {
    // Added list indexes to the first incident table; its projection creates them now (0006).
    id: '0004-incident-list-indexes',
    sql: `SELECT 1`,
  },
  {
    // Positions of two event stores look alike and mean nothing to each other: a checkpoint
    // names the store it belongs to, so a projector pointed at another store refuses to resume.
    id: '0005-checkpoint-store',
    sql: `
      ALTER TABLE projection_checkpoints ADD COLUMN store_kind text, ADD COLUMN store_instance text;`,
  },
  {
    // Which version of each projection's tables is live. Incident tables that 0002-0004 made
    // are version 1: a projector of a later version rebuilds them beside these, then swaps.
    id: '0006-projection-versions',
    sql: `
      CREATE TABLE projection_versions (
        projection text PRIMARY KEY,
        version text NOT NULL,
        tables text[] NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      INSERT INTO projection_versions (projection, version, tables)
      SELECT projection, '1', ARRAY[table_name] FROM (VALUES ('incidents', 'incidents'), ('incident-timers', 'incident_timers'))
        AS legacy (projection, table_name)
      WHERE to_regclass(table_name) IS NOT NULL;`,
  },
  {
    // The state of the process manager that resolves a fixed problem's incidents: the incident
    // -> problem links as of its own checkpoint. Not a read model: it is never rebuilt, as a
    // replay would act on every fix again.
    id: '0007-problem-fix-links',
    sql: `
      CREATE TABLE problem_fix_links (
        tenant text NOT NULL,
        incident_id uuid NOT NULL,
        problem_id text NOT NULL,
        linked_at timestamptz NOT NULL,
        PRIMARY KEY (tenant, incident_id)
      );
      CREATE INDEX problem_fix_links_problem ON problem_fix_links (tenant, problem_id);`,
  },
  {
    // What reactors decided and have still to send, for every reactor: written in the batch
    // transaction that moves the reactor's checkpoint, sent after it commits and deleted once
    // sent. Keyed by the reactor and the command id derived from the cause, so deciding a cause
    // again adds nothing; ordered by the cause's position in the log and the effect's place
    // among the cause's effects. Not a read model: never rebuilt.
    id: '0008-reactor-outbox',
    sql: `
      CREATE TABLE reactor_outbox (
        reactor text NOT NULL,
        command_id text NOT NULL,
        cause_commit numeric(20) NOT NULL,
        cause_prepare numeric(20) NOT NULL,
        effect_index integer NOT NULL,
        record_kind text NOT NULL,
        tenant text NOT NULL,
        record_id text NOT NULL,
        command jsonb NOT NULL,
        causation_id text NOT NULL,
        correlation_id text NOT NULL,
        PRIMARY KEY (reactor, command_id)
      );
      CREATE INDEX reactor_outbox_log_order ON reactor_outbox (reactor, cause_commit, cause_prepare, effect_index);`,
  },
];
