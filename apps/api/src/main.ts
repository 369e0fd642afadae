import 'reflect-metadata';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigurationError, loadConfig, type AppConfig } from '#config';
import { AppModule } from './app.module.js';

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const app = await NestFactory.create(AppModule.forRoot(config), {
    logger: LEVELS.slice(0, LEVELS.indexOf(config.logLevel) + 1),
  });
  app.enableShutdownHooks();
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
