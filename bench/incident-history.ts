import { randomUUID } from 'node:crypto';
import { defaultIncidentSlaPolicy, foldEvents, incidentDecider, type IncidentCommand } from '#domain';
import { eventSerializer, recordStreamId, type EventMetadata, type IncidentEvent } from '#events';
import type { NewEvent } from '#event-store';

export interface IncidentHistory {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
}

const TENANTS = ['acme', 'globex', 'initech', 'umbrella'];
const MINUTE = 60_000;
const EPOCH = Date.parse('2026-01-05T08:00:00.000Z');

type Step = (at: string) => IncidentCommand;

const step =
  <T extends IncidentCommand['type']>(type: T, data: Extract<IncidentCommand, { type: T }>['data']): Step =>
  (now) => ({ type, data, metadata: { now } }) as IncidentCommand;

/**
 * Lifecycles that real queues are made of, cycled so the read model holds every state (assigning
 * a new incident also starts work on it). Every
 * step lies inside the SLA targets, so the decider adds no warnings and the counts stay exact.
 */
const LIFECYCLES: readonly (readonly Step[])[] = [
  [
    step('AssignIncident', { assignmentGroup: 'network', assignee: 'alice' }),
    step('AddIncidentWorkNote', { text: 'Switch port flapping, replacing the cable' }),
    step('ResolveIncident', { resolutionCode: 'SOLVED_PERMANENTLY', resolutionNotes: 'Cable replaced' }),
    step('CloseIncident', { automatic: false }),
  ],
  [
    step('AssignIncident', { assignmentGroup: 'service-desk', assignee: 'bob' }),
    step('PutIncidentOnHold', { holdReason: 'AWAITING_CALLER' }),
    step('ResumeIncident', {}),
    step('ResolveIncident', { resolutionCode: 'SOLVED_WORKAROUND', resolutionNotes: 'Cache cleared' }),
  ],
  [
    step('AssignIncident', { assignmentGroup: 'email', assignee: null }),
    step('AddIncidentComment', { text: 'We are looking into it' }),
  ],
  [step('CancelIncident', { reason: 'Duplicate of an earlier report' })],
];

/**
 * The events of incident `index`, produced by the real decider from commands a minute apart and
 * serialized as the command path stores them.
 */
export function incidentHistory(index: number): IncidentHistory {
  const tenant = TENANTS[index % TENANTS.length]!;
  const incidentId = randomUUID();
  const openedAt = EPOCH + index * MINUTE;
  const commands: Step[] = [
    step('OpenIncident', {
      incidentId,
      tenant,
      number: `INC${String(index + 1).padStart(7, '0')}`,
      title: `Printer ${index} on floor ${index % 12} does not print`,
      description: 'Jobs stay in the queue; the printer shows no error.',
      callerId: `caller-${index % 500}`,
      serviceId: `service-${index % 40}`,
      category: 'hardware',
      impact: 1 + (index % 3),
      urgency: 1 + ((index >> 2) % 3),
      assignmentGroup: null,
      assignee: null,
      slaPolicy: defaultIncidentSlaPolicy,
    }),
    ...LIFECYCLES[index % LIFECYCLES.length]!,
  ];
  const metadata: EventMetadata = {
    actor: `agent-${index % 50}@${tenant}`,
    tenant,
    correlationId: randomUUID(),
    causationId: randomUUID(),
    origin: 'interactive',
  };
  const events = decidedEvents(
    commands.map((command, minute) => command(new Date(openedAt + minute * MINUTE).toISOString())),
    metadata,
  );
  return { streamId: recordStreamId('incident', tenant, incidentId), events };
}

/** The events the real decider makes of these commands, one after the other, as the store keeps them. */
export function decidedEvents(commands: readonly IncidentCommand[], metadata: EventMetadata): NewEvent[] {
  let state = incidentDecider.initialState;
  const events: NewEvent[] = [];
  for (const command of commands) {
    const decided: IncidentEvent[] = incidentDecider.decide(command, state);
    state = foldEvents(incidentDecider, decided, state);
    for (const event of decided) events.push({ id: randomUUID(), ...eventSerializer.serialize(event), metadata });
  }
  return events;
}
