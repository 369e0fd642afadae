import type pg from 'pg';
import { v5 as uuidv5 } from 'uuid';
import type { Clock } from '#commands';
import type { RecordEventCause } from '#domain';
import { eventSerializer, parseRecordStreamId, RECORD_KIND_NAMES, type DomainEvent } from '#events';
import type { RecordedEvent } from '#event-store';
import { followsEvent, type FollowedEvents, type Projection } from '#read-model';
import type { LogReactorDefinition } from './reactor-definition.js';
import type { ReactorEffectSender } from './reactor-effect-sender.js';
import { forgetAllEffects, forgetSentEffects, keepEffects, pendingEffects, type PendingEffect } from './reactor-outbox.js';

export interface LogReactorDependencies {
  readonly pool: pg.Pool;
  readonly effects: ReactorEffectSender;
  readonly clock: Clock;
  /** Effects sent between two deletions of the sent ones: what a crash may send again. */
  readonly sendBatch?: number;
}

const DEFAULT_SEND_BATCH = 20;

/**
 * Runs a reactor as a follower of the log. In the batch transaction that moves its checkpoint it
 * only decides: it keeps its own state, calls the pure rule for each cause, and keeps the
 * commands in the outbox, so the transaction stays as short as a read model's however many
 * effects a backlog holds. After the commit (`afterCommit`) it sends them in log order, a few at
 * a time, forgetting each few once sent in a transaction of its own. A crash after sending and
 * before forgetting sends them again under the same ids, derived from the cause event and the
 * effect's key, and the executor answers with the first sending's result: each effect happens
 * once, with the cause as its causation id.
 */
export function logReactor<Cause extends RecordEventCause<DomainEvent>, State>(
  definition: LogReactorDefinition<Cause, State>,
  { pool, effects, clock, sendBatch = DEFAULT_SEND_BATCH }: LogReactorDependencies,
): Projection {
  const { name, keeps } = definition;
  return {
    name,
    follows: keeps ? mergeFollowed(definition.reactsTo, keeps.follows) : definition.reactsTo,
    async applyBatch(events, tx) {
      const now = clock.now().toISOString();
      const decided: PendingEffect[] = [];
      let kept: RecordedEvent[] = [];
      for (const recorded of events) {
        if (!followsEvent(definition.reactsTo, recorded)) {
          kept.push(recorded);
          continue;
        }
        // The kept state up to the cause, in log order, is the state it reacts on.
        if (kept.length > 0) await keeps?.apply(kept, tx);
        kept = [];
        const cause = causeOf(definition.reactsTo, recorded, now) as Cause | undefined;
        const state = cause && (await definition.load(cause, tx));
        if (state === undefined) continue;
        definition.react(cause!, state).forEach((command, effectIndex) => {
          const { key, ...toRecord } = command;
          decided.push({
            commandId: uuidv5(`${recorded.id}/${key}`, definition.commandIdNamespace),
            causePosition: recorded.position,
            effectIndex,
            command: toRecord,
            causationId: recorded.id,
            correlationId: recorded.metadata.correlationId,
          });
        });
      }
      if (kept.length > 0) await keeps?.apply(kept, tx);
      await keepEffects(tx, name, decided);
      return [];
    },
    async afterCommit(signal) {
      for (;;) {
        const pending = await pendingEffects(pool, name, sendBatch);
        if (pending.length === 0 || signal.aborted) return;
        const sent: string[] = [];
        try {
          for (const effect of pending) {
            if (signal.aborted) break;
            const { command, commandId, causationId, correlationId } = effect;
            await effects.send({ command, commandId, actor: definition.actor, cause: { causationId, correlationId } });
            sent.push(effect.commandId);
          }
        } finally {
          // What went out is forgotten even when a later one failed, so a restart resends less.
          await forgetSentEffects(pool, name, sent);
        }
      }
    },
    async reset(tx) {
      await keeps?.reset(tx);
      await forgetAllEffects(tx, name);
    },
  };
}

/** The cause as the pure rule meets it: the domain event, the record it happened to, and now. */
function causeOf(reactsTo: FollowedEvents, recorded: RecordedEvent, now: string): RecordEventCause<DomainEvent> | undefined {
  for (const kind of RECORD_KIND_NAMES.filter((candidate) => reactsTo[candidate])) {
    const key = parseRecordStreamId(kind, recorded.streamId);
    if (key) return { tenant: key.tenant, recordId: key.id, event: eventSerializer.deserialize<DomainEvent>(recorded), now };
  }
  return undefined;
}

function mergeFollowed(first: FollowedEvents, second: FollowedEvents): FollowedEvents {
  const merged: { [kind: string]: 'all' | readonly string[] } = {};
  for (const kind of RECORD_KIND_NAMES) {
    const [a, b] = [first[kind], second[kind]];
    if (a === 'all' || b === 'all') merged[kind] = 'all';
    else if (a || b) merged[kind] = [...new Set([...(a ?? []), ...(b ?? [])])];
  }
  return merged as FollowedEvents;
}
