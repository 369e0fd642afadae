import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { loadConfigOrExit, logLevelsUpTo } from '#config';
import { AppModule } from './app.module.js';
import { configureHttpEdge } from './http/configure-http-edge.js';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: logLevelsUpTo(config.logLevel),
  });
  app.enableShutdownHooks();
  configureHttpEdge(app);
  app.getHttpAdapter().getInstance().disable('x-powered-by');
  await app.listen(config.port);
  const logger = new Logger('ITSM');
  logger.log(`GraphQL API:  http://localhost:${config.port}/graphql  (subscriptions: ws://localhost:${config.port}/graphql)`);
  logger.log(`Health:       http://localhost:${config.port}/health`);
  if (config.auth.kind === 'development') {
    logger.log('Development token:  npm run token -- --tenant acme --roles agent  (send as "Authorization: Bearer <token>")');
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`Failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
