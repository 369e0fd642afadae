/*
 * The table of the change projection, created under the name it is read by. A rebuild creates it
 * in a schema of its own first, so every name here stays unqualified.
 */
export const CHANGES_TABLE = `
  CREATE TABLE changes (
    tenant text NOT NULL,
    id uuid NOT NULL,
    number text NOT NULL,
    type text NOT NULL,
    state text NOT NULL,
    title text NOT NULL,
    description text NOT NULL DEFAULT '',
    risk text NOT NULL,
    impact smallint NOT NULL,
    requested_by text NOT NULL,
    service_ids text[] NOT NULL,
    planned_start timestamptz,
    planned_end timestamptz,
    requested_at timestamptz NOT NULL,
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
  -- Request order for each way the list is cut (change-list.ts).
  CREATE INDEX changes_queue ON changes (tenant, requested_at, id);
  CREATE INDEX changes_state_queue ON changes (tenant, state, requested_at, id);
  CREATE INDEX changes_services ON changes USING gin (service_ids);
  CREATE INDEX changes_search ON changes USING gin (search);
  -- The schedule: windows overlapping a range, a GiST range search (change-schedule.ts).
  CREATE INDEX changes_window ON changes USING gist (tstzrange(planned_start, planned_end))
    WHERE planned_start IS NOT NULL;`;
