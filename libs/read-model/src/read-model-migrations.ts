export interface Migration {
  readonly id: string;
  readonly sql: string;
}

/**
 * The read-model database's own bookkeeping. Append new migrations; never edit one that has
 * shipped. Projections own their tables since 0006: a projection whose tables change takes a new
 * version and is rebuilt beside the old ones (projection-tables.ts), with no migration.
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
  {
    id: '0003-incident-timers',
    sql: `
      CREATE TABLE incident_timers (
        tenant text NOT NULL,
        incident_id uuid NOT NULL,
        due_at timestamptz,
        kind text,
        incident jsonb NOT NULL,
        PRIMARY KEY (tenant, incident_id),
        CHECK ((due_at IS NULL) = (kind IS NULL))
      );
      CREATE INDEX incident_timers_due ON incident_timers (due_at) WHERE due_at IS NOT NULL;`,
  },
  {
    // Requesters list only the incidents they reported; consoles list a group's or an agent's
    // open ones. In queue order, so a page is one index range per listed state (incident-list.ts)
    // instead of a walk through the group's or agent's closed history.
    id: '0004-incident-list-indexes',
    sql: `
      CREATE INDEX incidents_caller_queue ON incidents (tenant, caller_id, priority, opened_at, id);
      CREATE INDEX incidents_group_state_queue ON incidents (tenant, assignment_group, state, priority, opened_at, id);
      CREATE INDEX incidents_assignee_state_queue ON incidents (tenant, assignee, state, priority, opened_at, id);`,
  },
  {
    // Positions of two event stores look alike and mean nothing to each other: a checkpoint
    // names the store it belongs to, so a projector pointed at another store refuses to resume.
    id: '0005-checkpoint-store',
    sql: `
      ALTER TABLE projection_checkpoints ADD COLUMN store_kind text, ADD COLUMN store_instance text;`,
  },
  {
    // Which version of each projection's tables is live. The incident tables made above are
    // version 1; a projector of a later version rebuilds them beside these, then swaps.
    id: '0006-projection-versions',
    sql: `
      CREATE TABLE projection_versions (
        projection text PRIMARY KEY,
        version text NOT NULL,
        tables text[] NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      INSERT INTO projection_versions (projection, version, tables) VALUES
        ('incidents', '1', '{incidents}'), ('incident-timers', '1', '{incident_timers}');`,
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
];
