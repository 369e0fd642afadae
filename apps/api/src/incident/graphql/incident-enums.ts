import { registerEnumType } from '@nestjs/graphql';
import {
  incidentHoldReasons,
  incidentResolutionCodes,
  type IncidentHoldReason,
  type IncidentResolutionCode,
} from '#events';
import type { IncidentStatus } from '#domain';
import { enumOf } from '../../graphql/enum-of.js';

export const IncidentStateEnum = enumOf<IncidentStatus>(['NEW', 'IN_PROGRESS', 'ON_HOLD', 'RESOLVED', 'CLOSED', 'CANCELED']);
export const IncidentHoldReasonEnum = enumOf<IncidentHoldReason>(incidentHoldReasons);
export const IncidentResolutionCodeEnum = enumOf<IncidentResolutionCode>(incidentResolutionCodes);
export const SlaTimerStatusEnum = enumOf(['RUNNING', 'PAUSED', 'MET', 'BREACHED', 'CANCELED'] as const);

registerEnumType(IncidentStateEnum, {
  name: 'IncidentState',
  description: 'Where an incident is in its life cycle; CLOSED and CANCELED are final',
  valuesMap: {
    NEW: { description: 'Reported, nobody has started on it yet; the response timer runs' },
    IN_PROGRESS: { description: 'Assigned and being worked on' },
    ON_HOLD: { description: 'Waiting for someone else (see holdReason); the SLA timers are paused' },
    RESOLVED: { description: 'A resolution was given; closes by itself after the auto-close period unless reopened' },
    CLOSED: { description: 'Done for good' },
    CANCELED: { description: 'Withdrawn without a resolution, e.g. reported by mistake' },
  },
});
registerEnumType(IncidentHoldReasonEnum, {
  name: 'IncidentHoldReason',
  description: 'Whom an incident ON_HOLD is waiting for',
  valuesMap: {
    AWAITING_CALLER: { description: 'The caller has to answer or try something' },
    AWAITING_VENDOR: { description: 'An outside supplier has to act' },
    AWAITING_CHANGE: { description: 'A change has to be implemented first' },
    AWAITING_PROBLEM: { description: 'The underlying problem has to be fixed first' },
  },
});
registerEnumType(IncidentResolutionCodeEnum, {
  name: 'IncidentResolutionCode',
  description: 'How an incident was resolved',
  valuesMap: {
    SOLVED_PERMANENTLY: { description: 'The cause was removed' },
    SOLVED_WORKAROUND: { description: 'Service is restored by a workaround; the cause remains' },
    NOT_REPRODUCIBLE: { description: 'The reported behaviour could not be reproduced' },
    DUPLICATE: { description: 'Another incident reports the same interruption' },
    RESOLVED_BY_CALLER: { description: 'The caller solved it themselves' },
    RESOLVED_BY_PROBLEM: { description: 'Solved by the fix of a linked problem' },
    RESOLVED_BY_CHANGE: { description: 'Solved by a linked change' },
    CLEARED_BY_MONITORING: { description: "The monitoring tool cleared the alert that opened it (the tenant's alert policy)" },
  },
});
registerEnumType(SlaTimerStatusEnum, {
  name: 'SlaTimerStatus',
  description: 'Where an SLA timer stands',
  valuesMap: {
    RUNNING: { description: 'Counting towards its target' },
    PAUSED: { description: 'Not counting, while the incident is ON_HOLD' },
    MET: {
      description: 'Stopped: the incident left NEW (response) or was resolved (resolution); `breached` tells whether in time',
    },
    BREACHED: { description: 'The target passed before the timer stopped; it keeps counting' },
    CANCELED: { description: 'Stopped because the incident was canceled' },
  },
});
