import { randomUUID } from 'node:crypto';
import {
  StreamNotFoundError,
  WrongExpectedRevisionError,
  type EventStore,
  type RecordedEvent,
} from '#event-store';
import type { RecordNumberPrefix } from '#events';

interface Block {
  readonly first: number;
  next: number;
  last: number;
  /** When it was reserved, to size the next one by how fast this one goes. */
  readonly reservedAt: number;
}

interface ReservedBlock {
  readonly from: number;
  readonly to: number;
}

const FIRST_BLOCK = 20;
const LARGEST_BLOCK = 1_000;
/** A block used up faster than this makes the next one twice as large. */
const BUSY_BLOCK_MS = 2_000;
const FIRST_NUMBER = 1001;
const RESERVED_TYPE = 'numbering.block-reserved.v1';

/**
 * Hands out human-readable numbers (INC0001001) unique per tenant. Each process reserves blocks
 * of numbers by appending to a per-tenant numbering stream with optimistic concurrency, then
 * hands them out from memory, so opening records does not contend on one stream. The next
 * block is reserved while half of the current one is left, so a command waits for a
 * reservation only on a tenant's first number in a process; a tenant opening records fast gets
 * larger blocks, one opening few keeps small ones. As with ServiceNow's number caching, numbers
 * left in a block when a process stops are never used.
 */
export class RecordNumberAllocator {
  private readonly blocks = new Map<string, Block>();
  private readonly ahead = new Map<string, Promise<Block>>();

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
        if ((block.last - number) * 2 < sizeOf(block)) this.reserveAhead(key, tenant, prefix, block);
        return `${prefix}${String(number).padStart(7, '0')}`;
      }
      const reserving = this.reserveAhead(key, tenant, prefix, block);
      const reserved = await reserving;
      if (this.ahead.get(key) === reserving) this.ahead.delete(key);
      if (this.blocks.get(key) === block) this.blocks.set(key, reserved);
    }
  }

  /** The block after `current`, reserved once however many callers ask meanwhile. */
  private reserveAhead(key: string, tenant: string, prefix: RecordNumberPrefix, current: Block | undefined): Promise<Block> {
    let reserving = this.ahead.get(key);
    if (!reserving) {
      const size = !current ? FIRST_BLOCK : Date.now() - current.reservedAt < BUSY_BLOCK_MS ? Math.min(LARGEST_BLOCK, sizeOf(current) * 2) : FIRST_BLOCK;
      reserving = this.reserve(tenant, prefix, size);
      // A failed reservation is asked for again by the next caller, not kept.
      reserving.catch(() => this.ahead.get(key) === reserving && this.ahead.delete(key));
      this.ahead.set(key, reserving);
    }
    return reserving;
  }

  private async reserve(tenant: string, prefix: RecordNumberPrefix, size: number): Promise<Block> {
    const streamId = `numbering-${tenant}-${prefix}`;
    for (;;) {
      const last = await this.lastReservation(streamId);
      const from = last ? (last.data as ReservedBlock).to + 1 : FIRST_NUMBER;
      const to = from + size - 1;
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
        return { first: from, next: from, last: to, reservedAt: Date.now() };
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

function sizeOf(block: Block): number {
  return block.last - block.first + 1;
}
