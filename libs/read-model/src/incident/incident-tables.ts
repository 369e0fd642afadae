/*
 * The tables of the incident projections, created under the names they are read by. A rebuild
 * creates them in a schema of its own first, so every name here stays unqualified.
 */

export const INCIDENTS_TABLE = `
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
    follow_up boolean NOT NULL DEFAULT false,
    opened_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    version bigint NOT NULL,
    detail jsonb NOT NULL,
    folded jsonb NOT NULL,
    search tsvector GENERATED ALWAYS AS (
      to_tsvector('simple', number || ' ' || title || ' ' || description)
    ) STORED,
    PRIMARY KEY (tenant, id),
    UNIQUE (tenant, number)
  );
  -- Queue order (priority, oldest first) for each way consoles and requesters list incidents,
  -- so a page is one index range per listed state (incident-list.ts).
  CREATE INDEX incidents_queue ON incidents (tenant, priority, opened_at, id);
  CREATE INDEX incidents_state_queue ON incidents (tenant, state, priority, opened_at, id);
  CREATE INDEX incidents_group_queue ON incidents (tenant, assignment_group, priority, opened_at, id);
  CREATE INDEX incidents_assignee_queue ON incidents (tenant, assignee, priority, opened_at, id);
  CREATE INDEX incidents_service_queue ON incidents (tenant, service_id, priority, opened_at, id);
  CREATE INDEX incidents_caller_queue ON incidents (tenant, caller_id, priority, opened_at, id);
  CREATE INDEX incidents_group_state_queue ON incidents (tenant, assignment_group, state, priority, opened_at, id);
  CREATE INDEX incidents_assignee_state_queue ON incidents (tenant, assignee, state, priority, opened_at, id);
  CREATE INDEX incidents_search ON incidents USING gin (search);

  CREATE TABLE incident_journal (
    tenant text NOT NULL,
    incident_id uuid NOT NULL,
    revision bigint NOT NULL,
    event text NOT NULL,
    at text NOT NULL,
    actor text NOT NULL,
    state text NOT NULL,
    text text,
    PRIMARY KEY (tenant, incident_id, revision)
  );`;

export const INCIDENT_TIMERS_TABLE = `
  CREATE TABLE incident_timers (
    tenant text NOT NULL,
    incident_id uuid NOT NULL,
    due_at timestamptz,
    kind text,
    incident jsonb NOT NULL,
    PRIMARY KEY (tenant, incident_id),
    CHECK ((due_at IS NULL) = (kind IS NULL))
  );
  CREATE INDEX incident_timers_due ON incident_timers (due_at) WHERE due_at IS NOT NULL;`;
