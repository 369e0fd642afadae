import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit, logLevelsUpTo } from '#config';
import { AppModule } from './app.module.js';
import { applyCorsPolicy } from './http/cors-policy.js';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.create(AppModule.forRoot(config), { logger: logLevelsUpTo(config.logLevel) });
  app.enableShutdownHooks();
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  applyCorsPolicy(app, config);
  await app.listen(config.port);
  const logger = new Logger('ITSM');
  logger.log(`GraphQL API:  http://localhost:${config.port}/graphql  (subscriptions: ws://localhost:${config.port}/graphql)`);
  logger.log(`Health:       http://localhost:${config.port}/health`);
  if (!config.production) logger.log(`Explorer:     http://localhost:${config.port}/graphql  (open it in a browser)`);
  if (config.auth.kind === 'development') {
    logger.log('Development token:  npm run token -- --tenant acme --roles agent  (send as "Authorization: Bearer <token>")');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
