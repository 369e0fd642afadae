import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildClientSchema, getIntrospectionQuery, printSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { graphql } from './support/graphql-client.js';
import { nullabilityDrift, undescribedElements } from './support/schema-audit.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SDL_FILE = new URL('../../schema.graphql', import.meta.url);

/**
 * The schema is the contract front ends generate code from: schema.graphql must be what the
 * server really serves (`npm run schema` rewrites it), and the schema itself must tell the truth
 * about what each input needs and what each element means.
 */
describe('GraphQL schema', () => {
  let app: TestApp;
  let served: GraphQLSchema;

  beforeAll(async () => {
    app = await startTestApp();
    const response = await graphql<IntrospectionQuery>(app.url, getIntrospectionQuery(), {}, await app.token('acme', ['agent']));
    served = buildClientSchema(response.data!);
  });
  afterAll(async () => app?.close());

  it('is the committed schema.graphql', async () => {
    const sdl = `${printSchema(served)}\n`;
    if (process.env.UPDATE_SCHEMA === '1') await writeFile(SDL_FILE, sdl);
    expect(await readFile(SDL_FILE, 'utf8').catch(() => '')).toBe(sdl);
  });

  it('makes non-null exactly the inputs the server requires', () => {
    expect(nullabilityDrift(served)).toEqual([]);
  });

  it('describes every type, field, argument and enum value', () => {
    expect(undescribedElements(served)).toEqual([]);
  });
});
