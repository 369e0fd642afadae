/**
 * One change settings stream per tenant, `tenant-change-settings-<tenant>`: the change authority
 * and blackout windows, beside (not in) the tenant's general settings, so reading the SLA policy
 * for every incident never folds a year of freezes. Starts with no record kind.
 */
export function changeSettingsStreamId(tenant: string): string {
  return `tenant-change-settings-${tenant}`;
}
