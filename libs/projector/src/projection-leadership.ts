import { Logger } from '@nestjs/common';
import pg from 'pg';
import { abortableDelay } from './abortable-delay.js';

/**
 * One active runner per projection across all processes: the leader holds a PostgreSQL session
 * advisory lock named after the projection on a connection of its own; standbys try again
 * periodically. Losing that connection loses the lock, so the leader steps down with it.
 */
export async function whileLeader(
  databaseUrl: string,
  projection: string,
  signal: AbortSignal,
  lead: (signal: AbortSignal) => Promise<void>,
  retryMs = 2_000,
): Promise<void> {
  const logger = new Logger(`Leadership ${projection}`);
  while (!signal.aborted) {
    const client = new pg.Client({ connectionString: databaseUrl });
    const term = new AbortController();
    client.on('error', () => term.abort());
    try {
      await client.connect();
      const { rows } = await client.query<{ leader: boolean }>(
        'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS leader',
        [`projection:${projection}`],
      );
      if (rows[0]?.leader) {
        logger.log('Leading this projection');
        await lead(AbortSignal.any([signal, term.signal]));
      }
    } catch (error) {
      logger.warn(`Cannot lead now: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      await client.end().catch(() => undefined);
    }
    if (!signal.aborted) await abortableDelay(retryMs, signal);
  }
}
