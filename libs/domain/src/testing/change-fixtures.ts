import type { ChangeEvent, ChangeEventType, ChangeType } from '#events';
import type { ChangeCommand } from '../change/change.commands.js';
import type { ChangeStatus } from '../change/change.state.js';
import type { ChangeTemplate } from '../change-template/change-template.state.js';
import { msPerMinute, toEpochMs, toInstant } from '../instant.js';
import type { ChangeAuthority } from '../tenant/change-settings.state.js';

/*
 * Test data for the change decider. Time is counted in minutes after the request instant. The
 * authority names cab-1 and cab-2 on the CAB and cab-1 and ecab-2 as emergency approvers, so
 * cab-1 is asked in rounds of both kinds.
 */

const requestInstant = '2026-03-02T09:00:00.000Z';

export function at(minutes: number): string {
  return toInstant(toEpochMs(requestInstant) + minutes * msPerMinute);
}

export const authority: ChangeAuthority = { cabMembers: ['cab-1', 'cab-2'], emergencyApprovers: ['cab-1', 'ecab-2'] };

type CommandOf<T extends ChangeCommand['type']> = Extract<ChangeCommand, { type: T }>;
type EventOf<T extends ChangeEventType> = Extract<ChangeEvent, { type: T }>;

/** A command decided `minutes` after the request (100 unless said: after every fixture event). */
export function changeCommand<T extends ChangeCommand['type']>(type: T, data: CommandOf<T>['data'], minutes = 100): CommandOf<T> {
  return { type, data, metadata: { now: at(minutes) } } as CommandOf<T>;
}

export function changeEvent<T extends ChangeEventType>(type: T, data: EventOf<T>['data']): EventOf<T> {
  return { type, data } as EventOf<T>;
}

export const plan = { implementationPlan: 'Patch the primary, then the replica', backoutPlan: 'Restore the snapshot', testPlan: 'Run the smoke suite' };

export const template: ChangeTemplate = {
  templateId: 'template-1',
  tenant: 'tenant-a',
  number: 'STD0001001',
  name: 'Monthly OS patching',
  description: 'Security patches on the mail servers',
  serviceIds: ['email'],
  risk: 'LOW',
  impact: 3,
  ...plan,
  version: 2,
  createdAt: at(-1000),
  revisedAt: at(-500),
  retired: null,
};

export const requestData = {
  changeId: 'change-1',
  tenant: 'tenant-a',
  number: 'CHG0001001',
  requestedBy: 'agent-1',
  type: 'NORMAL',
  title: 'Upgrade the mail database',
  description: 'From 15 to 16',
  justification: 'End of support',
  serviceIds: ['email', 'calendar'],
  risk: 'MODERATE',
  impact: 2,
  ...plan,
  template: null,
} as const;

export const standardRequestData = {
  changeId: 'change-1',
  tenant: 'tenant-a',
  number: 'CHG0001001',
  requestedBy: 'agent-1',
  type: 'STANDARD',
  title: 'Patch mail servers, March',
  template: { templateId: 'template-1', current: template },
} as const;

export function requested(type: ChangeType): EventOf<'ChangeRequested'> {
  const { template: _none, ...own } = requestData;
  return changeEvent('ChangeRequested', {
    ...(type === 'STANDARD'
      ? {
          ...standardRequestData,
          description: '',
          justification: '',
          serviceIds: ['email'],
          risk: 'LOW',
          impact: 3,
          ...plan,
          template: { templateId: 'template-1', version: 2 },
        }
      : { ...own, type, template: null }),
    type,
    requestedAt: at(0),
  });
}

export const submitted = (minutes = 1) => changeEvent('ChangeSubmitted', { at: at(minutes) });
export const riskAssessed = (risk: 'LOW' | 'MODERATE' | 'HIGH' = 'MODERATE', minutes = 2) =>
  changeEvent('ChangeRiskAssessed', { risk, impact: 2, at: at(minutes) });
export const cabRound = (round = 1, minutes = 2) =>
  changeEvent('ChangeApprovalRequested', {
    round,
    approvals: [
      { kind: 'CAB_MEMBER', subject: 'cab-1' },
      { kind: 'CAB_MEMBER', subject: 'cab-2' },
    ],
    at: at(minutes),
  });
export const emergencyRound = (minutes = 1) =>
  changeEvent('ChangeApprovalRequested', {
    round: 1,
    approvals: [
      { kind: 'EMERGENCY_APPROVER', subject: 'cab-1' },
      { kind: 'EMERGENCY_APPROVER', subject: 'ecab-2' },
    ],
    at: at(minutes),
  });
export const approved = (approverId: string, minutes: number, round = 1, asChangeManager = false) =>
  changeEvent('ChangeApproved', { round, approverId, asChangeManager, comment: null, at: at(minutes) });
export const authorized = (minutes: number, round = 1) => changeEvent('ChangeAuthorized', { round, at: at(minutes) });
export const rejected = (approverId: string, minutes: number, round = 1) =>
  changeEvent('ChangeRejected', { round, approverId, asChangeManager: false, reason: 'No back-out tested', at: at(minutes) });
export const scheduled = (startMinutes: number, endMinutes: number, enteredScheduled = false, minutes = 5) =>
  changeEvent('ChangeScheduled', {
    plannedStart: at(startMinutes),
    plannedEnd: at(endMinutes),
    conflicts: [],
    enteredScheduled,
    at: at(minutes),
  });
export const implementationStarted = (minutes = 10) => changeEvent('ChangeImplementationStarted', { at: at(minutes) });
export const implementationCompleted = (closeCode: 'SUCCESSFUL' | 'UNSUCCESSFUL' = 'SUCCESSFUL', minutes = 20) =>
  changeEvent('ChangeImplementationCompleted', { closeCode, closeNotes: 'Done as planned', at: at(minutes) });
export const reviewCompleted = (minutes = 30) =>
  changeEvent('ChangeReviewCompleted', { reviewNotes: 'No incidents followed', closeCode: 'SUCCESSFUL', at: at(minutes) });
export const canceled = (minutes = 3) => changeEvent('ChangeCanceled', { reason: 'No longer needed', at: at(minutes) });

function after(authorization: readonly ChangeEvent[]) {
  const scheduledHistory = [...authorization, scheduled(60, 120, false, 6)];
  return {
    SCHEDULED: scheduledHistory,
    IMPLEMENT: [...scheduledHistory, implementationStarted()],
    REVIEW: [...scheduledHistory, implementationStarted(), implementationCompleted()],
    CLOSED: [...scheduledHistory, implementationStarted(), implementationCompleted(), reviewCompleted()],
  };
}

const normalAuthorize = [requested('NORMAL'), submitted(), riskAssessed(), cabRound()];
const emergencyAuthorize = [requested('EMERGENCY'), submitted(), emergencyRound()];
const standardScheduled = [requested('STANDARD'), scheduled(60, 120, true, 6)];

type Histories = { readonly [S in ChangeStatus]?: readonly ChangeEvent[] };

/** A short history leading to each state each type passes through, every event before minute 100. */
export const changeHistoryIn: { readonly [T in ChangeType]: Histories } = {
  NORMAL: {
    NEW: [requested('NORMAL')],
    ASSESS: [requested('NORMAL'), submitted()],
    AUTHORIZE: normalAuthorize,
    ...after([...normalAuthorize, approved('cab-1', 3), approved('cab-2', 4), authorized(4)]),
    CANCELED: [requested('NORMAL'), canceled()],
  },
  EMERGENCY: {
    NEW: [requested('EMERGENCY')],
    AUTHORIZE: emergencyAuthorize,
    ...after([...emergencyAuthorize, approved('cab-1', 3), approved('ecab-2', 4), authorized(4)]),
    CANCELED: [requested('EMERGENCY'), canceled()],
  },
  STANDARD: {
    NEW: [requested('STANDARD')],
    SCHEDULED: standardScheduled,
    IMPLEMENT: [...standardScheduled, implementationStarted()],
    REVIEW: [...standardScheduled, implementationStarted(), implementationCompleted()],
    CLOSED: [...standardScheduled, implementationStarted(), implementationCompleted(), reviewCompleted()],
    CANCELED: [requested('STANDARD'), canceled()],
  },
};
