import { registerEnumType } from '@nestjs/graphql';
import {
  incidentHoldReasons,
  incidentPriorities,
  incidentResolutionCodes,
  type IncidentHoldReason,
  type IncidentPriority,
  type IncidentResolutionCode,
} from '#events';
import type { IncidentStatus } from '#domain';

function enumOf<const T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((value) => [value, value])) as { [K in T]: K };
}

export const IncidentStateEnum = enumOf<IncidentStatus>(['NEW', 'IN_PROGRESS', 'ON_HOLD', 'RESOLVED', 'CLOSED', 'CANCELED']);
export const IncidentPriorityEnum = enumOf<IncidentPriority>(incidentPriorities);
export const IncidentHoldReasonEnum = enumOf<IncidentHoldReason>(incidentHoldReasons);
export const IncidentResolutionCodeEnum = enumOf<IncidentResolutionCode>(incidentResolutionCodes);
export const SlaTimerStatusEnum = enumOf(['RUNNING', 'PAUSED', 'MET', 'BREACHED', 'CANCELED'] as const);

registerEnumType(IncidentStateEnum, { name: 'IncidentState', description: 'Where an incident is in its life cycle' });
registerEnumType(IncidentPriorityEnum, { name: 'Priority', description: 'P1 critical .. P5 planning, from impact x urgency' });
registerEnumType(IncidentHoldReasonEnum, { name: 'IncidentHoldReason' });
registerEnumType(IncidentResolutionCodeEnum, { name: 'IncidentResolutionCode' });
registerEnumType(SlaTimerStatusEnum, { name: 'SlaTimerStatus' });
