import { EventStoreUnavailableError } from '../event-store.errors.js';

/** SQLSTATE classes and codes that mean "the server is not there right now", not "you erred". */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '53400']);
const UNAVAILABLE_SYSCALL_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN']);

export function isPostgresUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08')) return true;
    if (UNAVAILABLE_SYSCALL_CODES.has(code)) return true;
  }
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|is not currently accepting connections/i.test(
    error.message,
  );
}

/** Rethrows connection-level failures as the port's unavailable error; others unchanged. */
export function mapPostgresError(error: unknown): unknown {
  return isPostgresUnavailable(error)
    ? new EventStoreUnavailableError('PostgreSQL is unavailable', { cause: error })
    : error;
}

export function postgresErrorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
