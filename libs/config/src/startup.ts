import { ConfigurationError, loadConfig, type AppConfig } from './app-config.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;

/** For an entry point: the configuration, or a message naming the bad variable and exit code 1. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}

/** Every log level as severe as the configured one or more, as Nest's logger option wants them. */
export function logLevelsUpTo(level: AppConfig['logLevel']): AppConfig['logLevel'][] {
  return LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(level) + 1);
}
