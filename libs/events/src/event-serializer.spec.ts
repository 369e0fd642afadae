import { describe, expect, it } from '@jest/globals';
import type { DomainEvent } from './domain-event.js';
import { EventSerializer, UnknownEventTypeError } from './event-serializer.js';

type Renamed = DomainEvent<'Renamed', { readonly firstName: string; readonly lastName: string; readonly by: string }>;

/** v1 stored one `name`; v2 split it; v3 added who did it. Code only ever sees v3. */
const sut = new EventSerializer(
  [{ type: 'Renamed', storedName: 'person.renamed.v3' }],
  [
    {
      from: 'person.renamed.v1',
      to: 'person.renamed.v2',
      upcast: (data) => {
        const [firstName = '', ...rest] = String((data as { name: string }).name).split(' ');
        return { firstName, lastName: rest.join(' ') };
      },
    },
    { from: 'person.renamed.v2', to: 'person.renamed.v3', upcast: (data) => ({ ...(data as object), by: 'unknown' }) },
  ],
);

describe(EventSerializer.name, () => {
  it('stores an event under its versioned name, payload unchanged', () => {
    const event: Renamed = { type: 'Renamed', data: { firstName: 'Ada', lastName: 'Lovelace', by: 'ops' } };
    expect(sut.serialize(event)).toEqual({ type: 'person.renamed.v3', data: event.data });
    expect(sut.deserialize(sut.serialize(event))).toEqual(event);
  });

  it('upcasts old stored versions step by step to the newest shape', () => {
    expect(sut.deserialize({ type: 'person.renamed.v1', data: { name: 'Grace Brewster Hopper' } })).toEqual({
      type: 'Renamed',
      data: { firstName: 'Grace', lastName: 'Brewster Hopper', by: 'unknown' },
    });
    expect(sut.knows('person.renamed.v1')).toBe(true);
  });

  it('refuses names it has no contract for, both ways', () => {
    expect(() => sut.deserialize({ type: 'person.deleted.v1', data: {} })).toThrow(UnknownEventTypeError);
    expect(() => sut.serialize({ type: 'Deleted', data: {} })).toThrow(UnknownEventTypeError);
    expect(sut.knows('person.deleted.v1')).toBe(false);
  });

  it('refuses two contracts for one type or one stored name', () => {
    expect(
      () =>
        new EventSerializer([
          { type: 'Renamed', storedName: 'person.renamed.v1' },
          { type: 'Renamed', storedName: 'person.renamed.v2' },
        ]),
    ).toThrow(/Duplicate/);
  });
});
