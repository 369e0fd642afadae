import type { Decider } from '#domain';
import { EventSerializer } from '#events';
import type { CommandEnvelope } from './command-envelope.js';

/* The smallest record the executor's tests run commands on, and who sends them. */

export type Noted = { type: 'Noted'; data: { text: string; by: string } };
export type Note = { type: 'Note'; data: { text: string } };
export type Notes = { owner: string; count: number } | null;

/** The smallest record with an owner: the first note makes its author the owner. */
export const notes: Decider<Note, Noted, Notes> = {
  version: 1,
  initialState: null,
  evolve: (state, event) => ({ owner: state?.owner ?? event.data.by, count: (state?.count ?? 0) + 1 }),
  decide: (command) => [{ type: 'Noted', data: { text: command.data.text, by: 'ann' } }],
};

/** The same record, refusing commands on a record that does not exist, as real deciders do. */
export const existingNotes: Decider<Note, Noted, Notes> = {
  ...notes,
  decide: (command, state) => {
    if (state === null) throw new Error('no such record');
    return notes.decide(command, state);
  },
};

export const envelope: CommandEnvelope = {
  tenant: 't',
  actor: 'ann',
  origin: 'interactive',
  correlationId: 'c',
  causationId: 'c',
  now: new Date('2026-03-02T09:00:00Z'),
};
export const serializer = new EventSerializer([{ type: 'Noted', storedName: 'test.noted.v1' }]);
export const note: Note = { type: 'Note', data: { text: 'hi' } };
