import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { CommandOrigin } from '#events';
import { DateTimeScalar } from '../graphql/date-time.scalar.js';
import { JSONScalar } from '../graphql/json.scalar.js';

@ObjectType({ description: 'Who did it, for which tenant, why, and what set it off' })
export class HistoryEventMetadata {
  @Field({ description: 'Subject id of who did it; system:… for what the system did itself' }) actor!: string;
  @Field({ description: 'The tenant the record belongs to' }) tenant!: string;
  @Field({ description: 'Shared by everything one request set off' }) correlationId!: string;
  @Field({ description: 'The command or event that directly caused this one' }) causationId!: string;
  @Field(() => String, { nullable: true, description: 'The idempotency key the client sent' }) commandId!: string | null;
  @Field(() => String, { description: 'interactive, automation or system' }) origin!: CommandOrigin;
  @Field(() => String, {
    nullable: true,
    description: 'The reason the command gave (reopen, cancel, reprioritise...); null if none',
  })
  reason!: string | null;
  @Field(() => String, { nullable: true, description: 'The service account that sent the command; null for people and the system' })
  serviceAccountId!: string | null;
}

@ObjectType({ description: 'One stored event of a record, exactly as the event store holds it' })
export class HistoryEvent {
  @Field(() => ID, { description: 'The id the event is stored under' }) eventId!: string;
  @Field({ description: 'The stored, versioned name, e.g. incident.opened.v1' }) type!: string;
  @Field({ description: 'The record version this event made: 0 for the first' }) version!: string;
  @Field({ description: 'Place in the global log, as the consistentWith token' }) position!: string;
  @Field(() => DateTimeScalar, { description: 'When the store recorded it' }) recordedAt!: string;
  @Field(() => JSONScalar, { description: 'The payload as stored, before any upcasting' }) data!: unknown;
  @Field(() => HistoryEventMetadata, { description: 'Who, why, and what set it off' }) metadata!: HistoryEventMetadata;
}
