import { DomainError, type Decider, type DomainCommand } from '#domain';
import { EventSerializer } from '#events';
import type { RecordDefinition } from '../record-definition.js';

/*
 * The smallest record beside incidents, defined the way a new record type is: a decider and a
 * definition, nothing else. The command path's tests run it to show the mechanism is generic.
 */

type OpenTicket = DomainCommand<'OpenTicket', { ticketId: string; tenant: string; number: string; title: string; callerId: string }>;
type NoteTicket = DomainCommand<'NoteTicket', { text: string; reason?: string }>;
type CloseTicket = DomainCommand<'CloseTicket', Record<string, never>>;
export type TicketCommand = OpenTicket | NoteTicket | CloseTicket;

type TicketOpened = { type: 'TicketOpened'; data: { ticketId: string; number: string; title: string; callerId: string; at: string } };
type TicketNoted = { type: 'TicketNoted'; data: { text: string } };
type TicketClosed = { type: 'TicketClosed'; data: Record<string, never> };
export type TicketEvent = TicketOpened | TicketNoted | TicketClosed;

export type TicketState = { readonly number: string; readonly callerId: string; readonly notes: number; readonly closed: boolean } | null;

export const ticketSerializer = new EventSerializer([
  { type: 'TicketOpened', storedName: 'test.ticket-opened.v1' },
  { type: 'TicketNoted', storedName: 'test.ticket-noted.v1' },
  { type: 'TicketClosed', storedName: 'test.ticket-closed.v1' },
]);

const ticketDecider: Decider<TicketCommand, TicketEvent, TicketState> = {
  version: 1,
  initialState: null,
  evolve(state, event) {
    if (event.type === 'TicketOpened') return { number: event.data.number, callerId: event.data.callerId, notes: 0, closed: false };
    if (state === null) return state;
    return event.type === 'TicketNoted' ? { ...state, notes: state.notes + 1 } : { ...state, closed: true };
  },
  decide(command, state) {
    if (command.type === 'OpenTicket') {
      if (state !== null) throw DomainError.invalidTransition('Ticket exists');
      const { tenant: _tenant, ...data } = command.data;
      return [{ type: 'TicketOpened', data: { ...data, at: command.metadata.now } }];
    }
    if (state === null) throw DomainError.notFound('No such ticket');
    if (state.closed) throw DomainError.invalidTransition('Ticket is closed');
    return command.type === 'NoteTicket' ? [{ type: 'TicketNoted', data: { text: command.data.text } }] : [{ type: 'TicketClosed', data: {} }];
  },
};

export type TicketIntent = Omit<NoteTicket, 'metadata'> | Omit<CloseTicket, 'metadata'>;

export const ticketRecord: RecordDefinition<TicketCommand, TicketEvent, TicketState, { title: string; callerId: string }, TicketIntent> = {
  kind: 'problem',
  decider: ticketDecider,
  idNamespace: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d',
  async open(fields, { id, tenant, number }, { envelope }) {
    return { type: 'OpenTicket', data: { ticketId: id, tenant, number, ...fields }, metadata: { now: envelope.now.toISOString() } };
  },
  async complete(intent, { envelope }) {
    return { ...intent, metadata: { now: envelope.now.toISOString() } };
  },
  callerOf: (ticket) => ticket?.callerId,
};
