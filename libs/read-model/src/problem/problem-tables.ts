/*
 * The tables of the problem projection, created under the names they are read by. A rebuild
 * creates them in a schema of its own first, so every name here stays unqualified.
 */

export const PROBLEM_TABLES = `
  CREATE TABLE problems (
    tenant text NOT NULL,
    id uuid NOT NULL,
    version bigint NOT NULL,
    updated_at timestamptz NOT NULL,
    number text NOT NULL,
    state text NOT NULL,
    statement text NOT NULL,
    description text NOT NULL,
    service_id text,
    impact smallint NOT NULL,
    urgency smallint NOT NULL,
    priority smallint NOT NULL,
    assignment_group text,
    assignee text,
    root_cause text,
    workaround text,
    known_error boolean NOT NULL,
    fixing_change_id text,
    follow_ups jsonb NOT NULL DEFAULT '[]',
    resolution jsonb,
    logged_at timestamptz NOT NULL,
    search tsvector GENERATED ALWAYS AS (
      to_tsvector('simple', number || ' ' || statement || ' ' || description || ' ' ||
        coalesce(root_cause, '') || ' ' || coalesce(workaround, ''))
    ) STORED,
    PRIMARY KEY (tenant, id),
    UNIQUE (tenant, number)
  );
  -- Lists come in priority order, oldest first; agents search known errors while working incidents.
  CREATE INDEX problems_queue ON problems (tenant, priority, logged_at, id);
  CREATE INDEX problems_known_errors ON problems (tenant, priority, logged_at, id) WHERE known_error;
  CREATE INDEX problems_search ON problems USING gin (search);
  -- The incidents that name a problem: one row per incident, as an incident names at most one.
  CREATE TABLE problem_incident_links (
    tenant text NOT NULL,
    incident_id uuid NOT NULL,
    problem_id text NOT NULL,
    linked_at timestamptz NOT NULL,
    -- Log order of the links, which instants (equal within one clock tick) cannot give.
    seq bigint GENERATED ALWAYS AS IDENTITY,
    PRIMARY KEY (tenant, incident_id)
  );
  CREATE INDEX problem_incident_links_problem ON problem_incident_links (tenant, problem_id);`;
