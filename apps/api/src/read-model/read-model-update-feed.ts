import { EventEmitter } from 'node:events';
import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import pg from 'pg';
import { READ_MODEL_URL } from '#infrastructure';
import { READ_MODEL_CHANNEL, type ReadModelUpdate } from '#read-model';
import { ApiError } from '../errors/api-error.js';

/** Updates a live subscriber may have waiting before it is dropped as too slow. */
const MAX_PENDING_UPDATES = 1_000;

export class SubscriberTooSlowError extends ApiError {
  constructor(maxPending: number) {
    super('SERVICE_UNAVAILABLE', `The subscription fell more than ${maxPending} changes behind; subscribe again`);
  }
}

/**
 * Listens to the projections' commit notifications (PostgreSQL LISTEN/NOTIFY, so it works when
 * the projector runs in another process) and re-emits them in this process. Reconnects on loss;
 * waiters then fall back to reading checkpoints, so nothing waits forever on a lost notice.
 */
@Injectable()
export class ReadModelUpdateFeed implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ReadModelUpdateFeed.name);
  private readonly emitter = new EventEmitter().setMaxListeners(0);
  private client: pg.Client | undefined;
  private stopped = false;
  private reconnectTimer: NodeJS.Timeout | undefined;

  constructor(@Inject(READ_MODEL_URL) private readonly databaseUrl: string) {}

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    this.emitter.emit('close');
    await this.client?.end().catch(() => undefined);
  }

  /** Calls `listener` for every update until the returned function is called. */
  onUpdate(listener: (update: ReadModelUpdate) => void): () => void {
    this.emitter.on('update', listener);
    return () => this.emitter.off('update', listener);
  }

  /**
   * Every update from this call on, until the signal aborts. Listening starts at the call, not
   * at the first next(), so a subscriber misses nothing committed after it subscribed. A
   * subscriber that lets more than `maxPending` updates pile up is ended with an error instead
   * of holding an ever-growing queue in memory.
   */
  updates(signal: AbortSignal, maxPending = MAX_PENDING_UPDATES): AsyncGenerator<ReadModelUpdate> {
    const pending: ReadModelUpdate[] = [];
    let overflowed = false;
    let wake: (() => void) | undefined;
    const stopListening = this.onUpdate((update) => {
      if (pending.length >= maxPending) overflowed = true;
      else pending.push(update);
      wake?.();
    });
    const onAbort = () => wake?.();
    signal.addEventListener('abort', onAbort, { once: true });
    return (async function* () {
      try {
        while (!signal.aborted) {
          if (overflowed) throw new SubscriberTooSlowError(maxPending);
          const next = pending.shift();
          if (next) {
            yield next;
            continue;
          }
          await new Promise<void>((resolve) => (wake = resolve));
          wake = undefined;
        }
      } finally {
        stopListening();
        signal.removeEventListener('abort', onAbort);
      }
    })();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.databaseUrl });
    client.on('notification', (message) => {
      if (message.channel !== READ_MODEL_CHANNEL || !message.payload) return;
      this.emitter.emit('update', JSON.parse(message.payload) as ReadModelUpdate);
    });
    client.on('error', (error) => {
      this.logger.warn(`Update feed connection lost: ${error.message}`);
      this.scheduleReconnect();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${READ_MODEL_CHANNEL}`);
      this.client = client;
    } catch (error) {
      await client.end().catch(() => undefined);
      this.logger.warn(`Update feed cannot listen yet: ${error instanceof Error ? error.message : String(error)}`);
      this.scheduleReconnect();
    }
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.reconnectTimer) return;
    void this.client?.end().catch(() => undefined);
    this.client = undefined;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      void this.connect();
    }, 1_000);
  }
}
