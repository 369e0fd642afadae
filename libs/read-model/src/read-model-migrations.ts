export interface Migration {
  readonly id: string;
  readonly sql: string;
}

/**
 * Read-model tables, built only by projections. Append new migrations; never edit one that has
 * shipped (a projection whose table changes shape gets a migration that resets it, and is rebuilt).
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
    id: '0002-incidents',
    sql: `
      CREATE TABLE incidents (
        tenant text NOT NULL,
        id uuid NOT NULL,
        number text NOT NULL,
        title text NOT NULL,
        description text NOT NULL DEFAULT '',
        state text NOT NULL,
        impact smallint NOT NULL,
        urgency smallint NOT NULL,
        priority smallint NOT NULL,
        caller_id text NOT NULL,
        service_id text,
        category text,
        assignment_group text,
        assignee text,
        major boolean NOT NULL DEFAULT false,
        opened_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        version bigint NOT NULL,
        detail jsonb NOT NULL,
        search tsvector GENERATED ALWAYS AS (
          to_tsvector('simple', number || ' ' || title || ' ' || description)
        ) STORED,
        PRIMARY KEY (tenant, id),
        UNIQUE (tenant, number)
      );
      CREATE INDEX incidents_queue ON incidents (tenant, priority, opened_at, id);
      CREATE INDEX incidents_state_queue ON incidents (tenant, state, priority, opened_at, id);
      CREATE INDEX incidents_group_queue ON incidents (tenant, assignment_group, priority, opened_at, id);
      CREATE INDEX incidents_assignee_queue ON incidents (tenant, assignee, priority, opened_at, id);
      CREATE INDEX incidents_service_queue ON incidents (tenant, service_id, priority, opened_at, id);
      CREATE INDEX incidents_search ON incidents USING gin (search);`,
  },
];
