import 'reflect-metadata';
import { Logger, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfigOrExit, logLevelsUpTo, type AppConfig } from '#config';
import { InfrastructureModule, READ_MODEL_POOL } from '#infrastructure';
import { ProjectorAppModule } from './projector-app.module.js';
import { projectionsFor } from './projections.js';
import { resetProjection } from './rebuild.js';

const USAGE = 'Usage: projector            run every projection (leader or standby)\n' +
  '       projector rebuild [name...]  empty the named projections (all when none) for a replay';

async function main(): Promise<void> {
  const [command, ...names] = process.argv.slice(2);
  if (command !== undefined && command !== 'rebuild') {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const config = loadConfigOrExit();
  const logger = logLevelsUpTo(config.logLevel);
  if (command === 'rebuild') return rebuild(config, names, logger);
  const app = await NestFactory.createApplicationContext(ProjectorAppModule.forRoot(config), { logger });
  app.enableShutdownHooks();
}

/**
 * Empties the chosen read models and their checkpoints. The projector leading each one notices
 * and replays from the start of the log; with none running, the next start replays.
 */
async function rebuild(config: AppConfig, names: string[], logger: LogLevel[]): Promise<void> {
  const all = projectionsFor(config);
  const unknown = names.filter((name) => !all.some((projection) => projection.name === name));
  if (unknown.length > 0) {
    process.stderr.write(`Unknown projection(s): ${unknown.join(', ')}. Known: ${all.map((p) => p.name).join(', ')}\n`);
    process.exit(2);
  }
  const chosen = names.length > 0 ? all.filter((projection) => names.includes(projection.name)) : all;
  const app = await NestFactory.createApplicationContext(InfrastructureModule.forRoot(config), { logger });
  const pool = app.get(READ_MODEL_POOL);
  for (const projection of chosen) {
    await resetProjection(pool, projection);
    new Logger('Rebuild').log(`Reset ${projection.name}: it replays from the start of the log`);
  }
  await app.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`Projector failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
