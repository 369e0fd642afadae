import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE } from '#infrastructure';
import { decodePositionToken, encodePositionToken, type EventStore, type Position } from '#event-store';

/** Positions as clients see them: tagged with the event store this API writes to (see position-tokens.ts). */
@Injectable()
export class PositionTokens {
  constructor(@Inject(EVENT_STORE) private readonly eventStore: EventStore) {}

  async encode(position: Position): Promise<string> {
    return encodePositionToken(position, await this.eventStore.identity());
  }

  /** Throws `InvalidPositionError`, or `ForeignPositionError` for a token of another store. */
  async decode(token: string): Promise<Position> {
    return decodePositionToken(token, await this.eventStore.identity());
  }
}
