import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppLogger, loadConfigOrExit, type AppConfig } from '#config';
import { EVENT_STORE, InfrastructureModule, PROJECTOR_POOL, describeStartupFailure } from '#infrastructure';
import { resetProjection, skipForeignEvent } from '#projector';
import { projectionsFor } from '#read-model';
import { ProjectorAppModule } from './projector-app.module.js';

const USAGE = 'Usage: projector            run every projection (leader or standby)\n' +
  '       projector rebuild [name...]  empty the named projections (all when none) for a replay\n' +
  '       projector skip-foreign-event <position> [name...]  let the named projections (all when none)\n' +
  '                                    resume after the foreign event at <position> (shown by /health)';
const COMMANDS = [undefined, 'rebuild', 'skip-foreign-event'];

async function main(config: AppConfig, command: string | undefined, names: string[]): Promise<void> {
  const logger = new AppLogger(config);
  if (command === 'rebuild') return rebuild(config, names, logger);
  if (command === 'skip-foreign-event') return skip(config, names, logger);
  const app = await NestFactory.createApplicationContext(ProjectorAppModule.forRoot(config), { logger, abortOnError: false });
  app.enableShutdownHooks();
}

/**
 * Moves the chosen projections past one foreign event each is stopped at. A projection that is
 * not stopped exactly there is left alone, with the reason.
 */
async function skip(config: AppConfig, [token, ...names]: string[], logger: AppLogger): Promise<void> {
  if (!token) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  const chosen = chooseProjections(config, names);
  const app = await NestFactory.createApplicationContext(InfrastructureModule.forRoot(config), { logger, abortOnError: false });
  let refused = false;
  for (const projection of chosen) {
    const outcome = await skipForeignEvent(app.get(PROJECTOR_POOL), app.get(EVENT_STORE), projection.name, token);
    if (outcome.skipped) new Logger('Skip').log(`${projection.name} resumes after the foreign event at ${token}`);
    else {
      refused = true;
      new Logger('Skip').warn(`${projection.name} left as it is: ${outcome.reason}`);
    }
  }
  await app.close();
  if (refused && names.length > 0) process.exitCode = 1;
}

function chooseProjections(config: AppConfig, names: string[]) {
  const all = projectionsFor(config);
  const unknown = names.filter((name) => !all.some((projection) => projection.name === name));
  if (unknown.length > 0) {
    process.stderr.write(`Unknown projection(s): ${unknown.join(', ')}. Known: ${all.map((p) => p.name).join(', ')}\n`);
    process.exit(2);
  }
  return names.length > 0 ? all.filter((projection) => names.includes(projection.name)) : all;
}

/**
 * Empties the chosen read models and their checkpoints. The projector leading each one notices
 * and replays from the start of the log; with none running, the next start replays.
 */
async function rebuild(config: AppConfig, names: string[], logger: AppLogger): Promise<void> {
  const chosen = chooseProjections(config, names);
  const app = await NestFactory.createApplicationContext(InfrastructureModule.forRoot(config), { logger, abortOnError: false });
  const pool = app.get(PROJECTOR_POOL);
  for (const projection of chosen) {
    await resetProjection(pool, projection);
    new Logger('Rebuild').log(`Reset ${projection.name}: it replays from the start of the log`);
  }
  await app.close();
}

const [command, ...names] = process.argv.slice(2);
if (!COMMANDS.includes(command)) {
  process.stderr.write(`${USAGE}\n`);
  process.exit(2);
}
const config = loadConfigOrExit();
main(config, command, names).catch((error: unknown) => {
  process.stderr.write(`The projector could not start. ${describeStartupFailure(error, config)}\n`);
  process.exit(1);
});
