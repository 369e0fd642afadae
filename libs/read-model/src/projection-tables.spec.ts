import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database.js';
import { incidentProjection } from './incident/incident.projection.js';
import { liveProjectionTables, needsRebuild } from './projection-tables.js';
import { ensureReadModelSchema } from './read-model-schema.js';

async function incidentColumns(database: TestDatabase): Promise<string[]> {
  const { rows } = await database.pool.query<{ column_name: string }>(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'incidents'`,
  );
  return rows.map((row) => row.column_name);
}

/** Tables of version 1, made before projections owned their tables, and what recorded them. */
async function legacyIncidentTables(database: TestDatabase): Promise<void> {
  await ensureReadModelSchema(database.pool, []);
  await database.pool.query(`
    CREATE TABLE incidents (tenant text NOT NULL, id uuid NOT NULL, detail jsonb NOT NULL, PRIMARY KEY (tenant, id));
    INSERT INTO projection_versions (projection, version, tables) VALUES ('incidents', '1', '{incidents}');`);
}

describe('projection tables at start-up', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase(2);
  });
  afterEach(async () => database?.drop());

  it('creates the current version on a fresh database, with nothing left to rebuild', async () => {
    await ensureReadModelSchema(database.pool, [incidentProjection]);
    expect(await liveProjectionTables(database.pool, 'incidents')).toEqual({ version: incidentProjection.version, tables: [...incidentProjection.tables] });
    expect(await incidentColumns(database)).toContain('folded');
    expect(await needsRebuild(database.pool, incidentProjection)).toBe(false);
  });

  it('keeps tables of another version that hold a projection’s work, for the projector to rebuild beside', async () => {
    await legacyIncidentTables(database);
    await database.pool.query(
      `INSERT INTO projection_checkpoints (projection, commit_position, prepare_position) VALUES ('incidents', 10, 10)`,
    );
    await ensureReadModelSchema(database.pool, [incidentProjection]);
    expect(await liveProjectionTables(database.pool, 'incidents')).toMatchObject({ version: '1' });
    expect(await incidentColumns(database)).not.toContain('folded');
    expect(await needsRebuild(database.pool, incidentProjection)).toBe(true);
  });

  it('replaces tables of another version in place when nothing was ever projected into them', async () => {
    await legacyIncidentTables(database);
    await ensureReadModelSchema(database.pool, [incidentProjection]);
    expect(await liveProjectionTables(database.pool, 'incidents')).toMatchObject({ version: incidentProjection.version });
    expect(await incidentColumns(database)).toContain('folded');
  });
});
