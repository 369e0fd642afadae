import type { ProblemResolveCode } from '#events';
import type { DomainCommand } from '../domain-command.js';

/*
 * One command per GraphQL mutation, named for the intent. Values from users are typed loosely
 * where the decider checks them itself (levels as `number`).
 */

/** `number` is allocated by the caller; priority is derived from impact x urgency. */
export type LogProblem = DomainCommand<
  'LogProblem',
  {
    readonly problemId: string;
    readonly tenant: string;
    readonly number: string;
    readonly statement: string;
    readonly description: string;
    readonly serviceId: string | null;
    readonly impact: number;
    readonly urgency: number;
    readonly assignmentGroup?: string | null;
    readonly assignee?: string | null;
  }
>;

/** NEW -> ASSESSED, confirming (or correcting) impact and urgency. */
export type AssessProblem = DomainCommand<'AssessProblem', { readonly impact: number; readonly urgency: number }>;

/** Absent fields keep their value, null clears; a new group without an assignee clears the assignee. */
export type AssignProblem = DomainCommand<
  'AssignProblem',
  { readonly assignmentGroup?: string | null; readonly assignee?: string | null }
>;

type NoData = Readonly<Record<string, never>>;

export type StartRootCauseAnalysis = DomainCommand<'StartRootCauseAnalysis', NoData>;

export type RecordRootCause = DomainCommand<'RecordRootCause', { readonly rootCause: string }>;

export type DocumentProblemWorkaround = DomainCommand<'DocumentProblemWorkaround', { readonly workaround: string }>;

/** A workaround given here is documented first, so publishing takes one step. */
export type MarkKnownError = DomainCommand<'MarkKnownError', { readonly workaround?: string }>;

export type RecordProblemFixingChange = DomainCommand<'RecordProblemFixingChange', { readonly changeId: string }>;

/** `duplicateOf` is required for DUPLICATE and refused otherwise. */
export type ResolveProblem = DomainCommand<
  'ResolveProblem',
  { readonly resolutionCode: ProblemResolveCode; readonly duplicateOf?: string | null; readonly resolutionNotes?: string }
>;

export type ReanalyzeProblem = DomainCommand<'ReanalyzeProblem', { readonly reason: string }>;

export type CloseProblem = DomainCommand<'CloseProblem', NoData>;

export type CancelProblem = DomainCommand<'CancelProblem', { readonly reason: string }>;

/** Issued by the change follow-up process when a linked change closes UNSUCCESSFUL. */
export type FlagProblemForFollowUp = DomainCommand<
  'FlagProblemForFollowUp',
  { readonly changeId: string; readonly changeNumber: string }
>;

export type ProblemCommand =
  | LogProblem
  | AssessProblem
  | AssignProblem
  | StartRootCauseAnalysis
  | RecordRootCause
  | DocumentProblemWorkaround
  | MarkKnownError
  | RecordProblemFixingChange
  | ResolveProblem
  | ReanalyzeProblem
  | CloseProblem
  | CancelProblem
  | FlagProblemForFollowUp;
