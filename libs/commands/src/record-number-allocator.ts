import { randomUUID } from 'node:crypto';
import {
  StreamNotFoundError,
  WrongExpectedRevisionError,
  type EventStore,
  type RecordedEvent,
} from '#event-store';
import type { RecordNumberPrefix } from '#events';

interface Block {
  next: number;
  last: number;
}

interface ReservedBlock {
  readonly from: number;
  readonly to: number;
}

const BLOCK_SIZE = 20;
const FIRST_NUMBER = 1001;
const RESERVED_TYPE = 'numbering.block-reserved.v1';

/**
 * Hands out human-readable numbers (INC0001001) unique per tenant. Each process reserves blocks
 * of numbers by appending to a per-tenant numbering stream with optimistic concurrency, then
 * hands them out from memory, so opening records does not contend on one stream. As with
 * ServiceNow's number caching, numbers left in a block when a process stops are never used.
 */
export class RecordNumberAllocator {
  private readonly blocks = new Map<string, Block>();
  private readonly pending = new Map<string, Promise<Block>>();

  constructor(
    private readonly eventStore: EventStore,
    private readonly systemActor = 'system:numbering',
  ) {}

  async next(tenant: string, prefix: RecordNumberPrefix): Promise<string> {
    const key = `${prefix}:${tenant}`;
    for (;;) {
      const block = this.blocks.get(key);
      if (block && block.next <= block.last) {
        const number = block.next;
        block.next += 1;
        return `${prefix}${String(number).padStart(7, '0')}`;
      }
      let reserving = this.pending.get(key);
      if (!reserving) {
        reserving = this.reserve(tenant, prefix).finally(() => this.pending.delete(key));
        this.pending.set(key, reserving);
      }
      this.blocks.set(key, await reserving);
    }
  }

  private async reserve(tenant: string, prefix: RecordNumberPrefix): Promise<Block> {
    const streamId = `numbering-${tenant}-${prefix}`;
    for (;;) {
      const last = await this.lastReservation(streamId);
      const from = last ? (last.data as ReservedBlock).to + 1 : FIRST_NUMBER;
      const to = from + BLOCK_SIZE - 1;
      try {
        await this.eventStore.appendToStream(
          streamId,
          [
            {
              id: randomUUID(),
              type: RESERVED_TYPE,
              data: { from, to } satisfies ReservedBlock,
              metadata: {
                actor: this.systemActor,
                tenant,
                correlationId: randomUUID(),
                causationId: randomUUID(),
                origin: 'system',
              },
            },
          ],
          { expectedRevision: last ? last.revision : 'no_stream' },
        );
        return { next: from, last: to };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
      }
    }
  }

  private async lastReservation(streamId: string): Promise<RecordedEvent | undefined> {
    try {
      for await (const event of this.eventStore.readStream(streamId, { direction: 'backwards', maxCount: 1 })) {
        return event;
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return undefined;
  }
}
