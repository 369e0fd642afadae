/**
 * One settings stream per tenant, `tenant-settings-<tenant>`: as durable a name as a record
 * stream's. It starts with none of the record kinds, so record stream parsing never matches it.
 */
export function tenantSettingsStreamId(tenant: string): string {
  return `tenant-settings-${tenant}`;
}
