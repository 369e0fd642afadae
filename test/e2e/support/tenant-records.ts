import { expect } from '@jest/globals';
import { changeChange, requestChange, templateMutation } from './change-api.js';
import { change, openIncident } from './incident-api.js';
import { changeProblem, logProblem } from './problem-api.js';
import { createServiceAccount } from './service-account-api.js';
import type { TestApp } from './test-app.js';

/** Records of one tenant for the generated proofs to aim at: one of each kind. */
export interface TenantRecords {
  readonly tenant: string;
  /** Every record's id, to fill id arguments with. */
  readonly ids: readonly string[];
  /** Their numbers (`INC0001021`...). */
  readonly numbers: readonly string[];
  /** A word in every title, name and statement, so that none of their text can pass unseen. */
  readonly secret: string;
  /** Changes each record once, so that its subscribers are pushed something. */
  touch(): Promise<void>;
}

/**
 * One incident (reported by the tenant's requester, so a requester sees it), one problem, one
 * change, one change template and one service account. `burn` records of each kind are made first, so that the numbers of these
 * are not those another tenant's first records get.
 */
export async function seedTenantRecords(app: TestApp, tenant: string, burn = 0): Promise<TenantRecords> {
  const secret = `SECRET-OF-${tenant}`;
  const agent = await app.token(tenant, ['agent']);
  const manager = await app.token(tenant, ['change_manager']);
  const template = async (name: string) => {
    const created = await templateMutation(app, manager, 'createChangeTemplate', { name, implementationPlan: `${secret} plan`, backoutPlan: 'None' });
    expect(created.errors).toBeUndefined();
    return created.data!.createChangeTemplate.changeTemplate;
  };
  const requester = await app.token(tenant, ['requester']);
  await Promise.all(
    Array.from({ length: burn }, () => [
      openIncident(app, agent, { title: 'Burn' }),
      logProblem(app, agent, { statement: 'Burn' }),
      createServiceAccount(app, tenant, { name: 'Burn' }),
      requestChange(app, agent, { title: 'Burn' }),
      template('Burn'),
    ]).flat(),
  );
  const incident = await openIncident(app, requester, { title: `${secret} mail down` });
  const problem = await logProblem(app, agent, { statement: `${secret} relay drops` });
  const account = await createServiceAccount(app, tenant, { name: `${secret} monitor` });
  const { change: requested } = await requestChange(app, agent, { title: `${secret} database upgrade` });
  const kept = await template(`${secret} printer reboot`);
  const numbers = [incident.incident.number, problem.problem.number, account.serviceAccount.number, requested.number, kept.number] as string[];
  expect(numbers).not.toContain(undefined);
  return {
    tenant,
    ids: [incident.incident.id, problem.problem.id, account.serviceAccountId, requested.id, kept.id],
    numbers,
    secret,
    async touch() {
      await change(app, agent, 'addIncidentWorkNote', { id: incident.incident.id, text: `${secret} note` });
      await change(app, agent, 'addIncidentComment', { id: incident.incident.id, text: `${secret} comment` });
      await changeProblem(app, agent, 'assignProblem', { id: problem.problem.id, assignee: `${secret} carol` });
      await changeChange(app, agent, 'updateChangeDetails', { id: requested.id, description: `${secret} details` });
      expect((await templateMutation(app, manager, 'reviseChangeTemplate', { id: kept.id, implementationPlan: `${secret} reboot twice` })).errors).toBeUndefined();
    },
  };
}

/**
 * What of the records' data shows in `answer`: ids (in any case), numbers, secret text. The id
 * the caller sent is its own input, which an answer may echo (`No incident <id>`).
 */
export function leaksOf(records: TenantRecords, answer: unknown, sent?: string): string[] {
  const text = JSON.stringify(answer).toLowerCase();
  const ids = records.ids.filter((id) => id !== sent);
  return [...ids, ...records.numbers, records.secret].filter((needle) => text.includes(needle.toLowerCase()));
}
