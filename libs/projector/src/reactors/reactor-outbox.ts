import type pg from 'pg';
import type { CommandToRecord } from '#domain';
import type { Position } from '#event-store';

type Queryable = Pick<pg.PoolClient, 'query'>;

/** An effect a reactor decided and has still to send, kept in `reactor_outbox` (migration 0008). */
export interface PendingEffect {
  readonly commandId: string;
  /** Where the cause lies in the log, and which of its effects this is: the order they go out in. */
  readonly causePosition: Position;
  readonly effectIndex: number;
  readonly command: CommandToRecord;
  readonly causationId: string;
  readonly correlationId: string;
}

/**
 * Keeps effects in the transaction of the batch that decided them, in one statement however
 * many. An effect kept already (the cause decided again after a restart) stays as it was.
 */
export async function keepEffects(tx: Queryable, reactor: string, effects: readonly PendingEffect[]): Promise<void> {
  if (effects.length === 0) return;
  const column = <T>(pick: (effect: PendingEffect) => T) => effects.map(pick);
  await tx.query(
    `INSERT INTO reactor_outbox
       (reactor, command_id, cause_commit, cause_prepare, effect_index, record_kind, tenant, record_id, command, causation_id, correlation_id)
     SELECT $1, * FROM unnest($2::text[], $3::numeric[], $4::numeric[], $5::int[], $6::text[], $7::text[], $8::text[], $9::jsonb[], $10::text[], $11::text[])
     ON CONFLICT (reactor, command_id) DO NOTHING`,
    [
      reactor,
      column((effect) => effect.commandId),
      column((effect) => effect.causePosition.commit.toString()),
      column((effect) => effect.causePosition.prepare.toString()),
      column((effect) => effect.effectIndex),
      column((effect) => effect.command.kind),
      column((effect) => effect.command.tenant),
      column((effect) => effect.command.recordId),
      column((effect) => JSON.stringify(effect.command.command)),
      column((effect) => effect.causationId),
      column((effect) => effect.correlationId),
    ],
  );
}

interface OutboxRow {
  command_id: string;
  cause_commit: string;
  cause_prepare: string;
  effect_index: number;
  record_kind: CommandToRecord['kind'];
  tenant: string;
  record_id: string;
  command: CommandToRecord['command'];
  causation_id: string;
  correlation_id: string;
}

/** The reactor's oldest pending effects, in log order, at most `limit`. */
export async function pendingEffects(db: Queryable, reactor: string, limit: number): Promise<PendingEffect[]> {
  const { rows } = await db.query<OutboxRow>(
    `SELECT command_id, cause_commit::text, cause_prepare::text, effect_index, record_kind, tenant, record_id, command, causation_id, correlation_id
     FROM reactor_outbox WHERE reactor = $1
     ORDER BY cause_commit, cause_prepare, effect_index LIMIT $2`,
    [reactor, limit],
  );
  return rows.map((row) => ({
    commandId: row.command_id,
    causePosition: { commit: BigInt(row.cause_commit), prepare: BigInt(row.cause_prepare) },
    effectIndex: row.effect_index,
    command: { kind: row.record_kind, tenant: row.tenant, recordId: row.record_id, command: row.command } as CommandToRecord,
    causationId: row.causation_id,
    correlationId: row.correlation_id,
  }));
}

/** Forgets effects that went out (or were refused as done otherwise). */
export async function forgetSentEffects(db: Queryable, reactor: string, commandIds: readonly string[]): Promise<void> {
  if (commandIds.length === 0) return;
  await db.query('DELETE FROM reactor_outbox WHERE reactor = $1 AND command_id = ANY($2::text[])', [reactor, commandIds]);
}

/** Before a replay from the start, which decides every effect again. */
export async function forgetAllEffects(tx: Queryable, reactor: string): Promise<void> {
  await tx.query('DELETE FROM reactor_outbox WHERE reactor = $1', [reactor]);
}
