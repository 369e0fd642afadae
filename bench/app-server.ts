import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '#config';
import type { Projection } from '#read-model';
import { AppModule } from '../apps/api/src/app.module.js';
import type { Role } from '../apps/api/src/auth/principal.js';
import { issueToken } from '../apps/api/src/auth/token-issuer.js';

export interface RunningServer {
  /** The GraphQL endpoint. */
  readonly url: string;
  readonly token: string;
  close(): Promise<void>;
}

/** The product itself, which can also sign tokens for other tenants. */
export interface RunningApp extends RunningServer {
  /** A token of an agent of that tenant, or of someone holding `roles` there. */
  tokenFor(tenant: string, roles?: readonly Role[]): Promise<string>;
}

/**
 * Throughput benchmarks drive one principal far past the default rate limits, which would then
 * be what they measure; `limited` keeps the product's defaults.
 */
const UNLIMITED = {
  RATE_LIMIT_PRINCIPAL_PER_SECOND: '1000000',
  RATE_LIMIT_TENANT_PER_SECOND: '1000000',
};

const SECRET = 'bench-secret-that-is-long-enough-for-hs256';
/**
 * A tenant of its own: the incidents the other benchmarks generate took numbers the app's
 * allocator knows nothing of, and reusing their tenant would collide on (tenant, number).
 */
export const TENANT = 'graphql-bench';

/**
 * The whole product (API with its in-process projector) on the benchmark's database;
 * `environment` adds to or overrides its settings, `followers` run beside the product's own.
 */
export async function startApp(
  databaseUrl: string,
  {
    limited = false,
    environment = {},
    followers = [],
  }: { limited?: boolean; environment?: NodeJS.ProcessEnv; followers?: readonly Projection[] } = {},
): Promise<RunningApp> {
  const dataDir = await mkdtemp(join(tmpdir(), 'itsm-bench-app-'));
  const config = loadConfig({
    EVENT_STORE_URL: databaseUrl,
    JWT_SECRET: SECRET,
    LOG_LEVEL: 'error',
    DATA_DIR: dataDir,
    ...(limited ? {} : UNLIMITED),
    ...environment,
  });
  const app = await NestFactory.create(AppModule.forRoot(config, { followers }), { logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    token: await issueToken(SECRET, { subject: `agent-1@${TENANT}`, tenant: TENANT, roles: ['agent'] }),
    tokenFor: (tenant, roles = ['agent']) => issueToken(SECRET, { subject: `agent-1@${tenant}`, tenant, roles }),
    async close() {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Runs work against a server that is closed afterwards, whatever happens. */
export async function withServer<S extends RunningServer, T>(starting: Promise<S>, work: (server: S) => Promise<T>): Promise<T> {
  const server = await starting;
  try {
    return await work(server);
  } finally {
    await server.close();
  }
}
