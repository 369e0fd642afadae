import { ConsoleLogger, Logger, type LoggerService } from '@nestjs/common';

export interface CapturedLogs {
  readonly entries: readonly { readonly level: string; readonly message: string }[];
  restore(): void;
}

/**
 * Takes Nest's log output for a test that provokes a failure on purpose: the test can assert
 * what was logged, and a passing run does not print errors that only look like failures.
 */
export function captureLogs(): CapturedLogs {
  const entries: { level: string; message: string }[] = [];
  const record = (level: string) => (message: unknown) => void entries.push({ level, message: String(message) });
  const capturing: LoggerService = {
    log: record('log'),
    error: record('error'),
    warn: record('warn'),
    debug: record('debug'),
    verbose: record('verbose'),
    fatal: record('fatal'),
  };
  Logger.overrideLogger(capturing);
  return { entries, restore: () => Logger.overrideLogger(new ConsoleLogger()) };
}
