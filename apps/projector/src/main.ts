import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppLogger, loadConfigOrExit, type AppConfig } from '#config';
import { InfrastructureModule, READ_MODEL_POOL, describeStartupFailure } from '#infrastructure';
import { ProjectorAppModule } from './projector-app.module.js';
import { projectionsFor } from './projections.js';
import { resetProjection } from './rebuild.js';

const USAGE = 'Usage: projector            run every projection (leader or standby)\n' +
  '       projector rebuild [name...]  empty the named projections (all when none) for a replay';

async function main(config: AppConfig, command: string | undefined, names: string[]): Promise<void> {
  const logger = new AppLogger(config);
  if (command === 'rebuild') return rebuild(config, names, logger);
  const app = await NestFactory.createApplicationContext(ProjectorAppModule.forRoot(config), { logger, abortOnError: false });
  app.enableShutdownHooks();
}

/**
 * Empties the chosen read models and their checkpoints. The projector leading each one notices
 * and replays from the start of the log; with none running, the next start replays.
 */
async function rebuild(config: AppConfig, names: string[], logger: AppLogger): Promise<void> {
  const all = projectionsFor(config);
  const unknown = names.filter((name) => !all.some((projection) => projection.name === name));
  if (unknown.length > 0) {
    process.stderr.write(`Unknown projection(s): ${unknown.join(', ')}. Known: ${all.map((p) => p.name).join(', ')}\n`);
    process.exit(2);
  }
  const chosen = names.length > 0 ? all.filter((projection) => names.includes(projection.name)) : all;
  const app = await NestFactory.createApplicationContext(InfrastructureModule.forRoot(config), { logger, abortOnError: false });
  const pool = app.get(READ_MODEL_POOL);
  for (const projection of chosen) {
    await resetProjection(pool, projection);
    new Logger('Rebuild').log(`Reset ${projection.name}: it replays from the start of the log`);
  }
  await app.close();
}

const [command, ...names] = process.argv.slice(2);
if (command !== undefined && command !== 'rebuild') {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
const config = loadConfigOrExit();
main(config, command, names).catch((error: unknown) => {
  process.stderr.write(`The projector could not start. ${describeStartupFailure(error, config)}\n`);
  process.exit(1);
});
