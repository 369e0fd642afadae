import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { jest } from '@jest/globals';
import type { AllStreamResolvedEvent, AllStreamSubscription, EventStoreDBClient, StreamingRead } from '@eventstore/db-client';
import { ReadStream } from '@eventstore/db-client/dist/streams/utils/ReadStream.js';
import { Subscription } from '@eventstore/db-client/dist/streams/utils/Subscription.js';
import { convertGrpcEvent } from '@eventstore/db-client/dist/utils/convertGrpcEvent.js';
import { StreamIdentifier, UUID } from '@eventstore/db-client/generated/shared_pb.js';
import { ReadResp } from '@eventstore/db-client/generated/streams_pb.js';

/**
 * EventStoreDB's side of a read or a subscription, as gRPC messages (`ReadResp`), fed into the
 * client's own stream classes and event converter. Tests then meet exactly what the client makes
 * of what a server sends, system events included, instead of hand-written approximations.
 */
export interface WireEvent {
  readonly streamId: string;
  readonly type: string;
  readonly position: bigint;
  readonly revision?: bigint;
  /** Sent as `application/json`, or as `application/octet-stream` when bytes. */
  readonly data?: unknown;
  /** The custom metadata as its writer stored it: JSON text, other bytes, or none. */
  readonly metadata?: string | Uint8Array;
  readonly id?: string;
}

/** .NET ticks (100 ns) since 0001-01-01, as the server sends `created`. */
const UNIX_EPOCH_TICKS = 621_355_968_000_000_000n;

export function readEventMessage(event: WireEvent): ReadResp {
  const binary = event.data instanceof Uint8Array;
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(new UUID().setString(event.id ?? randomUUID()))
    .setStreamIdentifier(new StreamIdentifier().setStreamName(Buffer.from(event.streamId)))
    .setStreamRevision((event.revision ?? 0n).toString())
    .setCommitPosition(event.position.toString())
    .setPreparePosition(event.position.toString())
    .setCustomMetadata(
      typeof event.metadata === 'string' ? Buffer.from(event.metadata) : (event.metadata ?? new Uint8Array()),
    )
    .setData(binary ? (event.data as Uint8Array) : Buffer.from(JSON.stringify(event.data ?? {})));
  const headers = recorded.getMetadataMap();
  headers.set('type', event.type);
  headers.set('content-type', binary ? 'application/octet-stream' : 'application/json');
  headers.set('created', (UNIX_EPOCH_TICKS + 1_700_000_000_000n * 10_000n).toString());
  return new ReadResp().setEvent(
    new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(event.position.toString()),
  );
}

/** What the client yields for one event a server sent. */
export function fromWire(event: WireEvent): AllStreamResolvedEvent {
  return convertGrpcEvent(readEventMessage(event).getEvent()!) as AllStreamResolvedEvent;
}

type GrpcReadStream = Awaited<ReturnType<ConstructorParameters<typeof ReadStream>[0]>>;

/** A gRPC server stream stand-in: it sends the messages, then ends unless kept open (a live subscription). */
function grpcStream(messages: readonly ReadResp[], keepOpen: boolean): GrpcReadStream {
  const stream = Object.assign(new PassThrough({ objectMode: true }), { cancel: () => void stream.end() });
  for (const message of messages) stream.write(message);
  if (!keepOpen) stream.end();
  // Only what the client's stream classes use of a gRPC call: piping, errors and cancel().
  return stream as unknown as GrpcReadStream;
}

/** A finished read (`readAll`, `readStream`) made by the client's own `ReadStream`. */
export function serverRead(events: readonly WireEvent[]): StreamingRead<AllStreamResolvedEvent> {
  const stream = grpcStream(events.map(readEventMessage), false);
  return new ReadStream(async () => stream, convertGrpcEvent, {}) as unknown as StreamingRead<AllStreamResolvedEvent>;
}

/** A catch-up subscription made by the client's own `Subscription`: confirmed, the events, then live. */
export function serverSubscription(events: readonly WireEvent[]): AllStreamSubscription {
  const confirmation = new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId('sub-1'));
  const stream = grpcStream([confirmation, ...events.map(readEventMessage)], true);
  return new Subscription(async () => stream, convertGrpcEvent, {}, undefined) as unknown as AllStreamSubscription;
}

/** A client with the given methods that closes quietly. */
export const fakeClient = (methods: Partial<Record<keyof EventStoreDBClient, unknown>>) =>
  ({ dispose: async () => undefined, ...methods }) as unknown as EventStoreDBClient;

/** Serves `$all` like the server: from a position, either way, up to a count. */
export function readAllOf(log: readonly WireEvent[]) {
  return jest.fn((options: { direction: string; fromPosition: unknown; maxCount?: number }) => {
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition;
    let events = backwards ? [...log].reverse() : [...log];
    if (typeof from === 'object' && from !== null) {
      const at = (from as { commit: bigint }).commit;
      events = events.filter((event) => (backwards ? event.position < at : event.position >= at));
    }
    return serverRead(events.slice(0, options.maxCount ?? events.length));
  });
}

/** The product's envelope, as the adapter writes it. */
export const ENVELOPE = JSON.stringify({
  actor: 'user-1',
  tenant: 'acme',
  correlationId: 'corr-1',
  causationId: 'cmd-1',
  origin: 'interactive',
});

/** An incident's stream, named as the product names record streams. */
export const INCIDENT_STREAM = 'incident-acme-00000000-0000-4000-8000-00000000a001';

/** A product event as the adapter writes it. */
export function productEvent(position: bigint, streamId = INCIDENT_STREAM, revision = 0n): WireEvent {
  return {
    streamId,
    type: 'incident.opened.v1',
    position,
    revision,
    data: { n: Number(position) },
    metadata: ENVELOPE,
    id: `00000000-0000-4000-8000-${position.toString().padStart(12, '0')}`,
  };
}

/**
 * Events every node writes by itself: scavenge settings at the first election, a scavenge's log
 * and its link, the default users of a secure cluster, statistics. None has the envelope.
 */
export const systemEvents = {
  scavengeSettings: (position: bigint): WireEvent => ({
    streamId: '$$$scavenges',
    type: '$metadata',
    position,
    data: { $maxAge: 2_592_000 },
  }),
  scavengeStarted: (position: bigint): WireEvent => ({
    streamId: '$scavenges-5e1c7f5e-2b8f-4f31-a0f1-3a3c7c1b9d10',
    type: '$scavengeStarted',
    position,
    data: { scavengeId: '5e1c7f5e-2b8f-4f31-a0f1-3a3c7c1b9d10', nodeEndpoint: '127.0.0.1:2113' },
  }),
  scavengeLink: (position: bigint): WireEvent => ({
    streamId: '$scavenges',
    type: '$>',
    position,
    data: Buffer.from('0@$scavenges-5e1c7f5e-2b8f-4f31-a0f1-3a3c7c1b9d10'),
    metadata: '{"$v":"1:-1:1:4","$c":1,"$p":1,"$causedBy":"5e1c7f5e-2b8f-4f31-a0f1-3a3c7c1b9d10"}',
  }),
  userCreated: (position: bigint): WireEvent => ({ streamId: '$users', type: '$UserCreated', position, data: 'admin' }),
  statsCollected: (position: bigint): WireEvent => ({
    streamId: '$stats-127.0.0.1:2113',
    type: '$statsCollected',
    position,
    data: { 'proc-cpu': 1.5 },
  }),
};
