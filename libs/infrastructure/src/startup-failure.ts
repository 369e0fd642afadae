import type { AppConfig } from '#config';
import { EmbeddedPostgresError, isPostgresUnavailable, postgresErrorCode } from '#event-store';

/** SQLSTATEs that mean the URL names a server that turned the product away. */
const REFUSED_BY_DATABASE: Record<string, string> = {
  '28P01': 'the password was refused',
  '28000': 'the user may not connect',
  '3D000': 'the database does not exist',
};

/**
 * What an entry point prints when the product cannot start: one paragraph saying why and what
 * to do. A stack trace is added only at LOG_LEVEL=debug or verbose, for the developer's eyes.
 */
export function describeStartupFailure(error: unknown, config: Pick<AppConfig, 'port' | 'logLevel'>): string {
  const paragraph = explain(error, config);
  const detailed = config.logLevel === 'debug' || config.logLevel === 'verbose';
  return detailed && error instanceof Error && error.stack ? `${paragraph}\n\n${error.stack}` : paragraph;
}

function explain(error: unknown, config: Pick<AppConfig, 'port'>): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof EmbeddedPostgresError) return message;
  const code = postgresErrorCode(error);
  if (code === 'EADDRINUSE') {
    return `Port ${config.port} is already in use, perhaps by another copy of the product. Stop that one, or set PORT to a free port.`;
  }
  if (code === 'EACCES' && (error as { syscall?: unknown }).syscall === 'listen') {
    return `Port ${config.port} needs privileges this user lacks. Set PORT to a number above 1023.`;
  }
  if (code && REFUSED_BY_DATABASE[code]) {
    return `The database refused the connection: ${REFUSED_BY_DATABASE[code]} (${message}). Check EVENT_STORE_URL and DATABASE_URL.`;
  }
  if (isPostgresUnavailable(error)) {
    return `The database cannot be reached (${message}). Check that it is running and that EVENT_STORE_URL and DATABASE_URL name it; leave both unset to use the embedded one.`;
  }
  return `${message}. Run again with LOG_LEVEL=debug for details.`;
}
