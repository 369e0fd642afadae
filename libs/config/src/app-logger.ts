import { ConsoleLogger } from '@nestjs/common';
import type { AppConfig } from './app-config.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'] as const;

/**
 * Nest's console logger as the configuration asks: JSON lines with LOG_FORMAT=json, colours
 * only on a terminal. A failure while the application starts is reported by the entry point
 * as a paragraph, so Nest's own report of it (a stack under `ExceptionHandler`) is left out.
 */
export class AppLogger extends ConsoleLogger {
  constructor(config: Pick<AppConfig, 'logLevel' | 'logFormat'>) {
    const json = config.logFormat === 'json';
    super({
      logLevels: LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.logLevel) + 1),
      json,
      colors: !json && process.stdout.isTTY === true && !process.env.NO_COLOR,
    });
  }

  override error(message: unknown, ...rest: unknown[]): void {
    if (rest.at(-1) === 'ExceptionHandler') return;
    super.error(message, ...rest);
  }
}
