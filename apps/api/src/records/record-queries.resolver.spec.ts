import { describe, expect, it } from '@jest/globals';
import { NestFactory } from '@nestjs/core';
import {
  Args,
  Field,
  GraphQLSchemaBuilderModule,
  GraphQLSchemaFactory,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Resolver,
} from '@nestjs/graphql';
import { printType, type GraphQLNamedType, type GraphQLSchema } from 'graphql';
import { keysetCursor, cursorFields, type RecordRow } from '#read-model';
import { MutationPayloadResolver } from './mutation-payload.resolver.js';
import { MutationPayload } from './mutation-payload.type.js';
import { RecordQueriesResolver } from './record-queries.resolver.js';
import type { RecordReads } from './record-reads.js';

/** A record type the API does not have: what a new one declares to get the whole read side. */
@ObjectType('Ticket', { description: 'A toy record' })
class TicketModel {
  @Field(() => ID, { description: 'Its id' }) id!: string;
}

@InputType({ description: 'Which tickets' })
class TicketFilter {
  @Field(() => String, { nullable: true, description: 'Tickets with this word' }) text?: string | null;
}

const TICKET_NAMES = {
  type: 'Ticket',
  singular: 'ticket',
  withArticle: 'a ticket',
  plural: 'tickets',
  listOrder: 'age order',
  listOrderMeans: 'oldest first',
  listVisibility: 'everyone sees all',
} as const;

const unused = () => Promise.reject(new Error('not read in this test'));

const TICKET_READS: RecordReads<RecordRow, TicketModel, TicketFilter, TicketFilter, { id: string }> = {
  names: TICKET_NAMES,
  model: TicketModel,
  filter: TicketFilter,
  readModel: {
    // Any kind will do: nothing is read here.
    kind: 'problem',
    projection: 'tickets',
    find: unused,
    list: unused,
    findMatching: unused,
    cursor: keysetCursor({ id: cursorFields.uuid }),
    evolve: () => undefined,
  },
  canSee: () => true,
  toModel: (row) => ({ id: row.id }),
  toFilter: (input) => input ?? {},
};

const TicketPayload = MutationPayload(TicketModel, TICKET_NAMES);

@Resolver(() => TicketModel)
class TicketQueriesResolver extends RecordQueriesResolver(TICKET_READS) {}

@Resolver(() => TicketPayload)
class TicketPayloadResolver extends MutationPayloadResolver(TicketPayload, TICKET_READS) {}

@Resolver()
class TicketMutationsResolver {
  @Mutation(() => TicketPayload, { description: 'Open a ticket' })
  openTicket(@Args('title', { description: 'Its title' }) title: string): never {
    throw new Error(`not run in this test: ${title}`);
  }
}

async function ticketSchema(): Promise<GraphQLSchema> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  try {
    return await app
      .get(GraphQLSchemaFactory)
      .create([TicketQueriesResolver, TicketPayloadResolver, TicketMutationsResolver], { noDuplicatedFields: true });
  } finally {
    await app.close();
  }
}

const sdl = (type: GraphQLNamedType | null | undefined) => (type ? printType(type) : 'missing');

describe(RecordQueriesResolver.name, () => {
  it('gives a new record type its queries, list, as-of, subscriptions, connection and payload', async () => {
    const schema = await ticketSchema();
    const fields = (type: GraphQLNamedType | null | undefined) =>
      type && 'getFields' in type ? Object.keys(type.getFields()).sort() : [];
    expect(fields(schema.getQueryType())).toEqual(['ticket', 'ticketAsOf', 'tickets']);
    expect(fields(schema.getSubscriptionType())).toEqual(['ticketChanged', 'ticketsChanged']);
    const tickets = schema.getQueryType()!.getFields()['tickets']!;
    expect(String(tickets.type)).toBe('TicketConnection!');
    expect(tickets.args.map((arg) => `${arg.name}: ${String(arg.type)}`).sort()).toEqual([
      'after: String',
      'consistentWith: String',
      'filter: TicketFilter',
      'first: Int!',
    ]);
    expect(tickets.description).toBe('Tickets of your tenant in age order (oldest first); everyone sees all');
    expect(sdl(schema.getType('TicketConnection'))).toContain('edges: [TicketEdge!]!');
    expect(sdl(schema.getType('TicketEdge'))).toContain('node: Ticket!');
    expect(fields(schema.getType('TicketPayload'))).toEqual(['position', 'ticket', 'ticketId', 'version']);
    expect(schema.getType('TicketPayload')?.description).toBe(
      'What a ticket mutation returns: the record id, its new version, where to read it, and the record',
    );
  });
});
