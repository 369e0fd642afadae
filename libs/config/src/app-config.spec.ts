import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ConfigurationError, developmentSecretFile, loadConfig } from './app-config.js';

describe(loadConfig.name, () => {
  it('runs on the embedded engine with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      eventStore: { kind: 'embedded' },
      readModel: { kind: 'embedded' },
      auth: { kind: 'development' },
      runProjector: true,
      incidentAutoCloseDays: 7,
      consistencyTimeoutMs: 5_000,
    });
  });

  it('keeps read models in the event store database when that is PostgreSQL', () => {
    const config = loadConfig({ EVENT_STORE_URL: 'postgres://u@db/itsm' });
    expect(config.eventStore).toEqual({ kind: 'postgres', url: 'postgres://u@db/itsm' });
    expect(config.readModel).toEqual({ kind: 'postgres', url: 'postgres://u@db/itsm' });
  });

  it('uses EventStoreDB for esdb URLs and DATABASE_URL for read models', () => {
    const config = loadConfig({ EVENT_STORE_URL: 'esdb://es:2113?tls=false', DATABASE_URL: 'postgres://u@pg/rm' });
    expect(config.eventStore.kind).toBe('eventstoredb');
    expect(config.readModel).toEqual({ kind: 'postgres', url: 'postgres://u@pg/rm' });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['EVENT_STORE_URL', 'mysql://db'],
    ['DATABASE_URL', 'esdb://x'],
    ['JWT_SECRET', 'short'],
    ['RUN_PROJECTOR', 'maybe'],
    ['LOG_LEVEL', 'loud'],
    ['LOG_FORMAT', 'xml'],
    ['INCIDENT_AUTO_CLOSE_DAYS', '0'],
    ['INCIDENT_AUTO_CLOSE_DAYS', 'soon'],
    ['CONSISTENCY_TIMEOUT_MS', '0'],
    ['CONSISTENCY_TIMEOUT_MS', '5s'],
    ['CORS_ORIGINS', 'desk.example.com'],
    ['CORS_ORIGINS', 'https://desk.example.com/'],
    ['CORS_ORIGINS', 'https://desk.example.com/app'],
    ['CORS_ORIGINS', 'https://Desk.example.com'],
    ['CORS_ORIGINS', 'ftp://desk.example.com'],
    ['CORS_ORIGINS', '*,https://desk.example.com'],
    ['CORS_ORIGINS', 'https://desk.example.com,,http://localhost:5173'],
  ])('rejects %s=%s naming the variable', (variable, value) => {
    const error = captureError(() => loadConfig({ [variable]: value }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).problems.map((problem) => problem.variable)).toEqual([variable]);
    expect((error as Error).message).toContain(variable);
  });

  it('reads how long reads wait for read models', () => {
    expect(loadConfig({ CONSISTENCY_TIMEOUT_MS: '250' }).consistencyTimeoutMs).toBe(250);
  });

  it('reads RUN_PROJECTOR=false as false', () => {
    expect(loadConfig({ RUN_PROJECTOR: 'false' }).runProjector).toBe(false);
  });

  it('lets browsers call from any local port outside production', () => {
    expect(loadConfig({}).corsOrigins).toEqual(['http://localhost:*', 'http://127.0.0.1:*']);
    expect(loadConfig({ NODE_ENV: 'test' }).corsOrigins).toEqual(['http://localhost:*', 'http://127.0.0.1:*']);
  });

  it('allows no browser origin in production unless CORS_ORIGINS names some', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-chars' };
    expect(loadConfig(production).corsOrigins).toEqual([]);
    expect(loadConfig({ ...production, CORS_ORIGINS: '*' }).corsOrigins).toEqual(['*']);
  });

  it('reads CORS_ORIGINS as a comma-separated list that replaces the defaults', () => {
    const config = loadConfig({ CORS_ORIGINS: 'https://desk.example.com, http://localhost:*,http://[::1]:8080' });
    expect(config.corsOrigins).toEqual(['https://desk.example.com', 'http://localhost:*', 'http://[::1]:8080']);
  });

  it('requires a real secret in production', () => {
    const error = captureError(() => loadConfig({ NODE_ENV: 'production' }));
    expect((error as Error).message).toContain('JWT_SECRET');
  });

  it('refuses the development secret kept in DATA_DIR in production, without printing it', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'itsm-config-'));
    const secret = 'a-development-secret-of-at-least-32-characters';
    writeFileSync(developmentSecretFile(dataDir), `${secret}\n`);
    const environment = { JWT_SECRET: secret, DATA_DIR: dataDir };
    expect(loadConfig(environment).auth.kind).toBe('secret');
    const error = captureError(() => loadConfig({ ...environment, NODE_ENV: 'production' }));
    expect((error as ConfigurationError).problems.map((problem) => problem.variable)).toEqual(['JWT_SECRET']);
    expect((error as Error).message).not.toContain(secret);
  });

  it.each([
    ['JWT_SECRET', 'too-short-secret'],
    ['DATABASE_URL', 'mysql://user:hunter2@db/itsm'],
    ['EVENT_STORE_URL', 'mysql://user:hunter2@db/itsm'],
  ])('names %s when it is wrong but never echoes its value', (variable, value) => {
    const error = captureError(() => loadConfig({ [variable]: value }));
    expect((error as Error).message).toContain(variable);
    expect((error as Error).message).not.toContain(value);
  });

  it('turns introspection off in production unless GRAPHQL_INTROSPECTION says otherwise', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-chars' };
    expect(loadConfig({}).queryLimits.introspection).toBe(true);
    expect(loadConfig(production).queryLimits.introspection).toBe(false);
    expect(loadConfig({ ...production, GRAPHQL_INTROSPECTION: 'true' }).queryLimits.introspection).toBe(true);
    expect(loadConfig({ GRAPHQL_INTROSPECTION: 'false' }).queryLimits.introspection).toBe(false);
  });

  it.each([
    ['GRAPHQL_MAX_DEPTH', '0'],
    ['GRAPHQL_MAX_COST', 'lots'],
    ['WS_MAX_MESSAGE_BYTES', '10'],
    ['DATABASE_POOL_QUERIES', '0'],
    ['STATEMENT_TIMEOUT_MS', '1.5'],
    ['RATE_LIMIT_PRINCIPAL_PER_SECOND', '0'],
    ['RATE_LIMIT_TENANT_BURST', '-1'],
    ['GRAPHQL_INTROSPECTION', 'sometimes'],
  ])('rejects %s=%s naming the variable', (variable, value) => {
    const error = captureError(() => loadConfig({ [variable]: value }));
    expect((error as ConfigurationError).problems.map((problem) => problem.variable)).toEqual([variable]);
  });
});

function captureError(work: () => unknown): unknown {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}
