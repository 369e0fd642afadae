import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildClientSchema, getIntrospectionQuery, printSchema, type IntrospectionQuery } from 'graphql';
import { graphql } from './support/graphql-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SDL_FILE = new URL('../../schema.graphql', import.meta.url);

/**
 * The committed schema.graphql is what front ends generate code from: it must be the schema the
 * server really serves. `npm run schema` rewrites it.
 */
describe('committed GraphQL schema', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(async () => app?.close());

  it('matches the schema the server serves', async () => {
    const response = await graphql<IntrospectionQuery>(app.url, getIntrospectionQuery(), {}, await app.token('acme', ['agent']));
    const served = `${printSchema(buildClientSchema(response.data!))}\n`;
    if (process.env.UPDATE_SCHEMA === '1') await writeFile(SDL_FILE, served);
    expect(await readFile(SDL_FILE, 'utf8').catch(() => '')).toBe(served);
  });
});
