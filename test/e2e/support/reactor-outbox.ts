import pg from 'pg';
import { eventually } from './problem-api.js';

/**
 * Opens the dangerous window of a reactor for a crash test: its outbox committed, its effects
 * sent, the sent ones not yet deleted. Table locks take no transaction id, so the log stays
 * visible to every reader meanwhile. `gate` keeps the reactor's next outbox insert waiting;
 * `holdDeletes` then queues a second lock behind that insert and opens the gate: the insert
 * and its batch commit, the second lock is granted at once, and the reactor, which sends
 * after the commit, waits on it to delete what it sent. Nothing here races the reactor.
 */
export class OutboxHold {
  private readonly gate: pg.Client;
  private readonly holder: pg.Client;

  private constructor(private readonly url: string) {
    this.gate = new pg.Client({ connectionString: url });
    this.holder = new pg.Client({ connectionString: url });
  }

  /** Closed before the cause is appended. */
  static async gate(url: string): Promise<OutboxHold> {
    const hold = new OutboxHold(url);
    await hold.gate.connect();
    await hold.holder.connect();
    await hold.gate.query('BEGIN');
    await hold.gate.query('LOCK TABLE reactor_outbox IN EXCLUSIVE MODE');
    return hold;
  }

  /** Once the reactor decided the cause's effects: lets them commit, and holds their deletion. */
  async holdDeletes(): Promise<void> {
    await eventually(() => this.waiting(), (count) => count >= 1);
    await this.holder.query('BEGIN');
    const held = this.holder.query('LOCK TABLE reactor_outbox IN EXCLUSIVE MODE');
    await eventually(() => this.waiting(), (count) => count >= 2);
    await this.gate.query('ROLLBACK');
    await held;
  }

  private released = false;

  /** Ends both locks; again, does nothing. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.holder.query('ROLLBACK').catch(() => undefined);
    await this.gate.query('ROLLBACK').catch(() => undefined);
    await Promise.all([this.holder.end(), this.gate.end()]);
  }

  /** Requests for a lock on the outbox not granted yet. */
  private async waiting(): Promise<number> {
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM pg_locks WHERE relation = 'reactor_outbox'::regclass AND NOT granted`,
      );
      return rows[0]!.count;
    } finally {
      await client.end();
    }
  }
}

/** The effects a reactor keeps and has not forgotten, by the cause they follow from. */
export async function outboxEffects(pool: pg.Pool, reactor: string, causationId: string): Promise<{ record_id: string; command_id: string }[]> {
  const { rows } = await pool.query<{ record_id: string; command_id: string }>(
    'SELECT record_id, command_id FROM reactor_outbox WHERE reactor = $1 AND causation_id = $2 ORDER BY effect_index',
    [reactor, causationId],
  );
  return rows;
}

export async function outboxSize(pool: pg.Pool, reactor: string): Promise<number> {
  const { rows } = await pool.query<{ count: number }>('SELECT count(*)::int AS count FROM reactor_outbox WHERE reactor = $1', [reactor]);
  return rows[0]!.count;
}
