import { problemDecider, type LogProblem, type ProblemCommand, type ProblemState } from '#domain';
import type { ProblemEvent } from '#events';
import type { RecordDefinition } from '../record-definition.js';
import type { ProblemIntent } from './problem-intent.js';

/** What the caller decides when logging; the server adds the id, tenant and number. */
export type LogProblemFields = Omit<LogProblem['data'], 'problemId' | 'tenant' | 'number'>;

export type ProblemRecordDefinition = RecordDefinition<ProblemCommand, ProblemEvent, ProblemState, LogProblemFields, ProblemIntent>;

/** Problems on the one command path. The one hook: a fixing change must be a change of the tenant. */
export const problemRecord: ProblemRecordDefinition = {
  kind: 'problem',
  decider: problemDecider,
  idNamespace: 'c3e0a7d4-5b1f-4c2a-9e8d-7f6a5b4c3d2e',
  async open(fields, { id, tenant, number }, { envelope }) {
    return { type: 'LogProblem', data: { problemId: id, tenant, number, ...fields }, metadata: { now: envelope.now.toISOString() } };
  },
  async complete(intent, { envelope, records }) {
    if (intent.type === 'RecordProblemFixingChange') await records.requireExisting('change', envelope.tenant, intent.data.changeId, 'changeId');
    return { ...intent, metadata: { now: envelope.now.toISOString() } } as ProblemCommand;
  },
};
