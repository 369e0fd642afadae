import type { DomainEvent } from '../domain-event.js';
import type { Level, Priority } from '../shared/priority-vocabulary.js';
import type { ProblemResolveCode } from './problem-vocabulary.js';

/*
 * Payloads hold primitives only and the instant the fact happened; who did it and why travel in
 * the envelope metadata. Links to incidents are the incidents' events (an incident names at most
 * one problem), so a problem's stream holds only what was decided about the problem itself.
 */

export type ProblemLogged = DomainEvent<
  'ProblemLogged',
  {
    readonly problemId: string;
    readonly tenant: string;
    readonly number: string;
    readonly statement: string;
    readonly description: string;
    readonly serviceId: string | null;
    readonly impact: Level;
    readonly urgency: Level;
    readonly priority: Priority;
    readonly assignmentGroup: string | null;
    readonly assignee: string | null;
    readonly loggedAt: string;
  }
>;

/** NEW -> ASSESSED, with impact and urgency as the assessment confirmed them. */
export type ProblemAssessed = DomainEvent<
  'ProblemAssessed',
  { readonly impact: Level; readonly urgency: Level; readonly priority: Priority; readonly at: string }
>;

/** The whole assignment after the change. */
export type ProblemAssigned = DomainEvent<
  'ProblemAssigned',
  { readonly assignmentGroup: string | null; readonly assignee: string | null; readonly at: string }
>;

/** ASSESSED -> ROOT_CAUSE_ANALYSIS. */
export type ProblemRootCauseAnalysisStarted = DomainEvent<'ProblemRootCauseAnalysisStarted', { readonly at: string }>;

/** ROOT_CAUSE_ANALYSIS -> FIX_IN_PROGRESS. */
export type ProblemRootCauseRecorded = DomainEvent<
  'ProblemRootCauseRecorded',
  { readonly rootCause: string; readonly at: string }
>;

/** The whole workaround text, replacing any earlier one. */
export type ProblemWorkaroundDocumented = DomainEvent<
  'ProblemWorkaroundDocumented',
  { readonly workaround: string; readonly at: string }
>;

/** Published as a known error: its workaround is shown on every linked incident. */
export type ProblemMarkedKnownError = DomainEvent<'ProblemMarkedKnownError', { readonly at: string }>;

/** The change that fixes the cause, by record id. */
export type ProblemFixingChangeRecorded = DomainEvent<
  'ProblemFixingChangeRecorded',
  { readonly changeId: string; readonly at: string }
>;

/** `duplicateOf` names the problem this one duplicates, for DUPLICATE only. */
export type ProblemResolved = DomainEvent<
  'ProblemResolved',
  {
    readonly resolutionCode: ProblemResolveCode;
    readonly duplicateOf: string | null;
    readonly resolutionNotes: string;
    readonly at: string;
  }
>;

/** RESOLVED -> ROOT_CAUSE_ANALYSIS: the fix did not hold. */
export type ProblemReanalysisStarted = DomainEvent<
  'ProblemReanalysisStarted',
  { readonly reason: string; readonly at: string }
>;

/** RESOLVED -> CLOSED. */
export type ProblemClosed = DomainEvent<'ProblemClosed', { readonly at: string }>;

/** Any non-final state -> CLOSED with the resolution code CANCELED. */
export type ProblemCanceled = DomainEvent<'ProblemCanceled', { readonly reason: string; readonly at: string }>;

/**
 * A change linked to this problem closed UNSUCCESSFUL: someone should look at the problem again.
 * Recorded by the change follow-up process, naming the change as the cause.
 */
export type ProblemFlaggedForFollowUp = DomainEvent<
  'ProblemFlaggedForFollowUp',
  { readonly changeId: string; readonly changeNumber: string; readonly at: string }
>;

export type ProblemEvent =
  | ProblemLogged
  | ProblemAssessed
  | ProblemAssigned
  | ProblemRootCauseAnalysisStarted
  | ProblemRootCauseRecorded
  | ProblemWorkaroundDocumented
  | ProblemMarkedKnownError
  | ProblemFixingChangeRecorded
  | ProblemResolved
  | ProblemReanalysisStarted
  | ProblemClosed
  | ProblemCanceled
  | ProblemFlaggedForFollowUp;

export type ProblemEventType = ProblemEvent['type'];
