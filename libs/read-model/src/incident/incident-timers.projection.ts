import { incidentDecider, type Incident } from '#domain';
import { eventSerializer, parseRecordStreamId, type IncidentEvent } from '#events';
import { incidentTimerRowTable, saveIncidentTimerRows } from './incident-timer-rows.js';
import type { VersionedProjection } from '../projection.js';
import { INCIDENT_TIMERS_TABLE } from './incident-tables.js';
import type { IncidentTimerRow } from './incident-timer-row.js';
import { rowKeyString, rowProjection } from '../row-projection.js';
import { incidentEventKey } from './incident-event-key.js';
import { nextIncidentTimerDue } from './incident-timer-due.js';

export const INCIDENT_TIMERS_PROJECTION = 'incident-timers';

function isFinal(incident: Incident): boolean {
  return incident.status === 'CLOSED' || incident.status === 'CANCELED';
}

/**
 * The next due instant of every incident, for the timer worker. The worker alone reads it, so
 * unlike the incident projection it has nothing to announce to live subscribers. After the
 * auto-close period changes, rows written before still hold the old instant: the worker
 * reschedules those it finds early, and a rebuild of this projection recomputes them all.
 */
export function incidentTimersProjection(autoCloseAfterDays: number): VersionedProjection {
  const rows = rowProjection<IncidentTimerRow>({
    name: INCIDENT_TIMERS_PROJECTION,
    version: `1/decider-${incidentDecider.version}`,
    tables: ['incident_timers'],
    createTables: INCIDENT_TIMERS_TABLE,
    kind: 'incident',
    keyOf: incidentEventKey,
    evolve: (row, recorded) => {
      const event = eventSerializer.deserialize<IncidentEvent>(recorded);
      const incident = incidentDecider.evolve(row?.incident ?? null, event);
      if (!incident) return row;
      const { tenant, id } = parseRecordStreamId('incident', recorded.streamId)!;
      return { tenant, incidentId: id, incident, due: nextIncidentTimerDue(incident, autoCloseAfterDays) };
    },
    load: async (tx, keys) =>
      new Map(
        (await incidentTimerRowTable.findMany(tx, keys)).map((row) => [rowKeyString({ tenant: row.tenant, id: row.incidentId }), row]),
      ),
    // A closed or canceled incident never falls due again; later events for it fold to nothing.
    save: async (tx, changed) => {
      await saveIncidentTimerRows(tx, changed.filter((row) => !isFinal(row.incident)));
      await incidentTimerRowTable.deleteMany(
        tx,
        changed.filter((row) => isFinal(row.incident)).map((row) => ({ tenant: row.tenant, id: row.incidentId })),
      );
    },
    reset: incidentTimerRowTable.deleteAll,
  });
  return {
    ...rows,
    applyBatch: async (events, tx) => {
      await rows.applyBatch(events, tx);
      return [];
    },
  };
}
