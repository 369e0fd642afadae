import { describe, expect, it } from '@jest/globals';
import type { AllStreamResolvedEvent, ResolvedEvent } from '@eventstore/db-client';
import type { EventMetadata } from '#events';
import { InvalidAppendError } from '../event-store.errors.js';
import { toEsdbEventData, toPosition, toRecordedEvent } from './esdb-event-mapping.js';

const metadata: EventMetadata = {
  actor: 'user-1',
  tenant: 'acme',
  correlationId: 'corr-1',
  causationId: 'cmd-1',
  origin: 'interactive',
};
const id = '5f0c2f5e-8a4b-4c1e-9d3a-0b6f1e2d3c4b';

describe('toEsdbEventData', () => {
  it('makes a JSON event with our id, type, payload and envelope', () => {
    expect(toEsdbEventData({ id, type: 'incident.opened.v1', data: { title: 'Printer on fire' }, metadata })).toEqual({
      id,
      contentType: 'application/json',
      type: 'incident.opened.v1',
      data: { title: 'Printer on fire' },
      metadata,
    });
  });

  it('refuses an id that is not a UUID', () => {
    expect(() => toEsdbEventData({ id: 'evt-1', type: 't', data: {}, metadata })).toThrow(InvalidAppendError);
  });
});

describe('toPosition', () => {
  it('keeps both 64-bit halves exactly', () => {
    const big = (1n << 63n) + 5n;
    expect(toPosition({ commit: big, prepare: big - 1n })).toEqual({ commit: big, prepare: big - 1n });
  });
});

describe('toRecordedEvent', () => {
  const created = new Date('2025-01-02T03:04:05.000Z');
  const resolved: AllStreamResolvedEvent = {
    event: {
      streamId: 'incident-1',
      id,
      isJson: true,
      revision: 7n,
      type: 'incident.opened.v1',
      created,
      data: { title: 'Printer on fire' },
      metadata: { ...metadata },
      position: { commit: 9_007_199_254_740_993n, prepare: 9_007_199_254_740_993n },
    },
    commitPosition: 9_007_199_254_740_993n,
  };

  it('maps every field, with revision and position as bigints', () => {
    expect(toRecordedEvent(resolved)).toEqual({
      id,
      type: 'incident.opened.v1',
      data: { title: 'Printer on fire' },
      metadata,
      streamId: 'incident-1',
      revision: 7n,
      position: { commit: 9_007_199_254_740_993n, prepare: 9_007_199_254_740_993n },
      created,
    });
  });

  it('gives nothing for a link whose event is gone', () => {
    const danglingLink: ResolvedEvent = {};
    expect(toRecordedEvent(danglingLink)).toBeUndefined();
  });

  it('fails loudly on an event without a position (servers before 22.6)', () => {
    const { position: _position, ...withoutPosition } = resolved.event!;
    expect(() => toRecordedEvent({ event: withoutPosition } as ResolvedEvent)).toThrow(/without its position/);
  });

  it('fails loudly on an event without the metadata envelope', () => {
    expect(() => toRecordedEvent({ event: { ...resolved.event!, metadata: undefined } } as ResolvedEvent)).toThrow(
      /no JSON metadata envelope/,
    );
  });
});
