import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildClientSchema, getIntrospectionQuery, OperationTypeNode, printSchema, type GraphQLSchema, type IntrospectionQuery } from 'graphql';
import { OPERATION_ROLES } from '../../apps/api/src/auth/operation-roles.js';
import { withRoleMatrix } from '../../apps/api/src/auth/role-matrix-table.js';
import { graphql } from './support/graphql-client.js';
import { nullabilityDrift, undescribedElements } from './support/schema-audit.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SDL_FILE = new URL('../../schema.graphql', import.meta.url);
const OPERATION_TYPES = { Query: OperationTypeNode.QUERY, Mutation: OperationTypeNode.MUTATION, Subscription: OperationTypeNode.SUBSCRIPTION };
const README_FILE = new URL('../../README.md', import.meta.url);

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

  it('has a role rule for every operation, and none for an operation it does not serve', () => {
    const operations = (type: keyof typeof OPERATION_ROLES) => Object.keys(served.getRootType(OPERATION_TYPES[type])?.getFields() ?? {}).sort();
    for (const type of ['Query', 'Mutation', 'Subscription'] as const) {
      expect({ type, rules: Object.keys(OPERATION_ROLES[type]).sort() }).toEqual({ type, rules: operations(type) });
    }
  });

  it('is printed in the README as its role matrix', async () => {
    const readme = await readFile(README_FILE, 'utf8');
    if (process.env.UPDATE_SCHEMA === '1') await writeFile(README_FILE, withRoleMatrix(readme));
    expect(await readFile(README_FILE, 'utf8')).toBe(withRoleMatrix(readme));
  });
});
