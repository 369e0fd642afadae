import { ALERT_SENDERS } from '../alert/alert-commands.js';
import { CHANGE_APPROVERS, CHANGE_GOVERNORS, CHANGE_READERS, CHANGE_REQUESTERS, CHANGE_RUNNERS } from '../change/change-roles.js';
import { HISTORY_READERS } from '../history/history-roles.js';
import { INCIDENT_READERS, INCIDENT_WORKERS } from '../incident/incident-roles.js';
import { PROBLEM_READERS, PROBLEM_WORKERS } from '../problem/problem-roles.js';
import { ROLES, type Role } from './principal.js';

/**
 * Who may call each GraphQL operation: the one role matrix of the API. The AuthGuard enforces it
 * before any resolver runs (so before any command reaches its handler); an operation missing here
 * is refused to everyone, and the role-matrix test fails. The README's table is printed from it
 * (`npm run schema`). Rules about a record itself (a requester's own incidents, the kind of a
 * record whose history is read) are checked further in, and answer NOT_FOUND or FORBIDDEN.
 */
export const OPERATION_ROLES = {
  Query: {
    tenantSettings: ROLES,
    node: ROLES,
    history: HISTORY_READERS,
    ...recordReads('incident', 'incidents', INCIDENT_READERS),
    ...recordReads('problem', 'problems', PROBLEM_READERS),
    ...recordReads('change', 'changes', CHANGE_READERS),
    ...recordReads('changeTemplate', 'changeTemplates', CHANGE_READERS),
    changeSchedule: CHANGE_READERS,
    changeSettings: CHANGE_READERS,
    serviceAccounts: ['admin', 'auditor'],
  },
  Mutation: {
    openIncident: ['requester', ...INCIDENT_WORKERS],
    assignIncident: INCIDENT_WORKERS,
    startIncidentWork: INCIDENT_WORKERS,
    putIncidentOnHold: INCIDENT_WORKERS,
    resumeIncident: INCIDENT_WORKERS,
    reprioritizeIncident: INCIDENT_WORKERS,
    updateIncidentDetails: INCIDENT_WORKERS,
    addIncidentWorkNote: INCIDENT_WORKERS,
    addIncidentComment: ['requester', ...INCIDENT_WORKERS],
    resolveIncident: INCIDENT_WORKERS,
    closeIncident: INCIDENT_WORKERS,
    reopenIncident: INCIDENT_WORKERS,
    cancelIncident: INCIDENT_WORKERS,
    declareMajorIncident: INCIDENT_WORKERS,
    linkIncidentToProblem: ['problem_manager', ...INCIDENT_WORKERS],
    unlinkIncidentFromProblem: ['problem_manager', ...INCIDENT_WORKERS],
    linkIncidentToChange: ['change_manager', ...INCIDENT_WORKERS],
    logProblem: PROBLEM_WORKERS,
    assessProblem: PROBLEM_WORKERS,
    assignProblem: PROBLEM_WORKERS,
    startRootCauseAnalysis: PROBLEM_WORKERS,
    recordRootCause: PROBLEM_WORKERS,
    documentProblemWorkaround: PROBLEM_WORKERS,
    markKnownError: PROBLEM_WORKERS,
    recordProblemFixingChange: PROBLEM_WORKERS,
    resolveProblem: PROBLEM_WORKERS,
    reanalyzeProblem: PROBLEM_WORKERS,
    closeProblem: PROBLEM_WORKERS,
    cancelProblem: PROBLEM_WORKERS,
    requestChange: CHANGE_REQUESTERS,
    updateChangeDetails: CHANGE_REQUESTERS,
    setChangeType: CHANGE_REQUESTERS,
    submitChange: CHANGE_REQUESTERS,
    linkChangeToIncident: CHANGE_REQUESTERS,
    linkChangeToProblem: CHANGE_REQUESTERS,
    assessChangeRisk: CHANGE_RUNNERS,
    approveChange: CHANGE_APPROVERS,
    rejectChange: CHANGE_APPROVERS,
    scheduleChange: CHANGE_RUNNERS,
    startChangeImplementation: CHANGE_RUNNERS,
    completeChangeImplementation: CHANGE_RUNNERS,
    completeChangeReview: CHANGE_RUNNERS,
    cancelChange: CHANGE_RUNNERS,
    createChangeTemplate: CHANGE_GOVERNORS,
    reviseChangeTemplate: CHANGE_GOVERNORS,
    retireChangeTemplate: CHANGE_GOVERNORS,
    configureChangeAuthority: CHANGE_GOVERNORS,
    addBlackoutWindow: CHANGE_GOVERNORS,
    removeBlackoutWindow: CHANGE_GOVERNORS,
    raiseAlert: ALERT_SENDERS,
    clearAlert: ALERT_SENDERS,
    configureIncidentSlaPolicy: ['admin'],
    configureProblemIncidentPolicy: ['admin'],
    configureAlertPolicy: ['admin'],
    createServiceAccount: ['admin'],
    rotateServiceAccountSecret: ['admin'],
    revokeServiceAccount: ['admin'],
  },
  Subscription: {
    ...recordSubscriptions('incident', 'incidents', INCIDENT_READERS),
    ...recordSubscriptions('problem', 'problems', PROBLEM_READERS),
    ...recordSubscriptions('change', 'changes', CHANGE_READERS),
    ...recordSubscriptions('changeTemplate', 'changeTemplates', CHANGE_READERS),
  },
} satisfies Record<OperationType, Record<string, readonly Role[]>>;

export type OperationType = 'Query' | 'Mutation' | 'Subscription';

/** The roles that may call `operation` of `type`, or undefined when the matrix has no rule for it. */
export function rolesFor(type: string, operation: string): readonly Role[] | undefined {
  const rules: Record<string, Record<string, readonly Role[]> | undefined> = OPERATION_ROLES;
  const rule = rules[type];
  return rule && Object.hasOwn(rule, operation) ? rule[operation] : undefined;
}

/** The queries every record type's read side serves (RecordQueriesResolver), one rule for all. */
function recordReads<Singular extends string, Plural extends string>(singular: Singular, plural: Plural, readers: readonly Role[]) {
  return { [singular]: readers, [`${singular}AsOf`]: readers, [plural]: readers } as Record<Singular | `${Singular}AsOf` | Plural, readonly Role[]>;
}

/** The subscriptions every record type's read side serves. */
function recordSubscriptions<Singular extends string, Plural extends string>(singular: Singular, plural: Plural, readers: readonly Role[]) {
  return { [`${singular}Changed`]: readers, [`${plural}Changed`]: readers } as Record<`${Singular}Changed` | `${Plural}Changed`, readonly Role[]>;
}
