import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import { Clock } from '#commands';
import { loadConfig } from '#config';
import { AppModule } from '../../../apps/api/src/app.module.js';
import type { Role } from '../../../apps/api/src/auth/principal.js';
import { issueToken } from '../../../apps/api/src/auth/token-issuer.js';
import { configureHttp } from '../../../apps/api/src/http/configure-http.js';
import type { Projection } from '#read-model';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { TestClock } from './test-clock.js';

const SECRET = 'e2e-secret-that-is-long-enough-for-hs256-use';

export interface TestApp {
  readonly url: string;
  readonly clock: TestClock;
  readonly database: TestDatabase;
  token(tenant: string, roles: Role[], subject?: string, expiresIn?: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * The whole product on a fresh PostgreSQL database: API and in-process projector, listening on
 * a free port, driven over HTTP and WebSocket like any client. Only the clock is the test's;
 * `environment` adds variables (NODE_ENV, CORS_ORIGINS, RUN_PROJECTOR...) to those the test app sets,
 * `followers` followers of the log beside the product's own.
 */
export async function startTestApp(environment: Record<string, string> = {}, followers: readonly Projection[] = []): Promise<TestApp> {
  const database = await createTestDatabase(4);
  const config = loadConfig({
    EVENT_STORE_URL: database.url,
    JWT_SECRET: SECRET,
    LOG_LEVEL: 'error',
    DATA_DIR: '/tmp/itsm-e2e-unused',
    ...environment,
  });
  const clock = new TestClock();
  const moduleRef = await Test.createTestingModule({ imports: [AppModule.forRoot(config, { followers })] })
    .overrideProvider(Clock)
    .useValue(clock)
    .compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ logger: ['error'] });
  app.enableShutdownHooks();
  configureHttp(app, config);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    url: `http://127.0.0.1:${address.port}`,
    clock,
    database,
    token: (tenant, roles, subject = `${roles[0]}-1@${tenant}`, expiresIn) =>
      issueToken(SECRET, { subject, tenant, roles, expiresIn }),
    async close() {
      await app.close();
      await database.drop();
    },
  };
}
