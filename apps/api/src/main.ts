import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppLogger, loadConfigOrExit, type AppConfig } from '#config';
import { describeStartupFailure } from '#infrastructure';
import { AppModule } from './app.module.js';
import { configureHttp } from './http/configure-http.js';
import { ensurePortFree } from './port-check.js';

async function main(config: AppConfig): Promise<void> {
  // Checked before anything starts, so a taken port fails fast and says nothing of success.
  await ensurePortFree(config.port);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new AppLogger(config),
    abortOnError: false,
  });
  app.enableShutdownHooks();
  configureHttp(app, config);
  await app.listen(config.port);
  announce(config);
}

/** Where to connect and how to get a token, whatever LOG_LEVEL is. */
function announce(config: AppConfig): void {
  const banner = new AppLogger({ ...config, logLevel: 'log' });
  const base = `localhost:${config.port}`;
  banner.log(`GraphQL API:  http://${base}/graphql  (subscriptions: ws://${base}/graphql)`, 'ITSM');
  banner.log(`Health:       http://${base}/health`, 'ITSM');
  if (!config.production) banner.log(`Explorer:     http://${base}/graphql  (open it in a browser)`, 'ITSM');
  if (config.auth.kind === 'development') {
    banner.log('Development token:  npm run token -- --tenant acme --roles agent  (send as "Authorization: Bearer <token>")', 'ITSM');
  }
}

const config = loadConfigOrExit();
main(config).catch((error: unknown) => {
  process.stderr.write(`The API could not start. ${describeStartupFailure(error, config)}\n`);
  process.exit(1);
});
