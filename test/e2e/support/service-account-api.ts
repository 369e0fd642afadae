import { expect } from '@jest/globals';
import { graphql, type GraphQLResponse } from './graphql-client.js';
import type { TestApp } from './test-app.js';

export const SERVICE_ACCOUNT_FIELDS = `id number name roles state expiresAt version
  created { at by } secretRotated { at by } revoked { at by reason }`;

export interface CreatedServiceAccount {
  readonly serviceAccountId: string;
  readonly credential: string;
  readonly position: string;
  readonly serviceAccount: { number: string; roles: string[]; state: string; created: { by: string } };
}

const CREATE = `mutation Create($input: CreateServiceAccountInput!) {
  createServiceAccount(input: $input) { serviceAccountId credential version position serviceAccount { ${SERVICE_ACCOUNT_FIELDS} } }
}`;

export function createServiceAccountAs(
  app: TestApp,
  adminToken: string,
  input: Record<string, unknown>,
): Promise<GraphQLResponse<{ createServiceAccount: CreatedServiceAccount }>> {
  return graphql(app.url, CREATE, { input }, adminToken);
}

/** An admin of the tenant creates the account; the call must succeed. */
export async function createServiceAccount(
  app: TestApp,
  tenant: string,
  input: Record<string, unknown> = {},
): Promise<CreatedServiceAccount> {
  const response = await createServiceAccountAs(app, await app.token(tenant, ['admin']), { name: 'Prometheus', roles: ['automation'], ...input });
  expect(response.errors).toBeUndefined();
  return response.data!.createServiceAccount;
}
