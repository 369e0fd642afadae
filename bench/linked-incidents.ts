import { randomUUID } from 'node:crypto';
import { defaultIncidentSlaPolicy, type IncidentCommand } from '#domain';
import { recordStreamId, type EventMetadata } from '#events';
import type { EventStore } from '#event-store';
import { runConcurrently } from './harness.js';
import { decidedEvents } from './incident-history.js';

const WRITERS = 8;
/** Far above what the app's allocator hands out in a bench run, so no number is taken twice. */
const FIRST_NUMBER = 9_000_000;

/**
 * `count` open incidents of `tenant`, each linked to `problemId`, appended straight to the store
 * as the command path would have stored them (the real decider's events): 4,800 commands through
 * GraphQL would take most of the step on a loaded machine. Opened now, so no SLA timer falls due
 * during the bench and adds effects of its own.
 */
export async function appendLinkedIncidents(store: EventStore, tenant: string, problemId: string, count: number): Promise<void> {
  const now = new Date().toISOString();
  await runConcurrently(count, WRITERS, async (index) => {
    const incidentId = randomUUID();
    const commands: IncidentCommand[] = [
      {
        type: 'OpenIncident',
        data: {
          incidentId,
          tenant,
          number: `INC${FIRST_NUMBER + index}`,
          title: `Mail bounces for mailbox ${index}`,
          description: 'Messages come back with 451 from the relay.',
          callerId: `caller-${index % 500}`,
          serviceId: 'service-mail',
          category: 'email',
          impact: 2,
          urgency: 2,
          assignmentGroup: null,
          assignee: null,
          slaPolicy: defaultIncidentSlaPolicy,
        },
        metadata: { now },
      },
      { type: 'LinkIncidentToProblem', data: { problemId }, metadata: { now } },
    ];
    const metadata: EventMetadata = {
      actor: `agent-1@${tenant}`,
      tenant,
      correlationId: randomUUID(),
      causationId: randomUUID(),
      origin: 'interactive',
    };
    await store.appendToStream(recordStreamId('incident', tenant, incidentId), decidedEvents(commands, metadata), { expectedRevision: 'no_stream' });
  });
}
