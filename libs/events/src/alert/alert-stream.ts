/**
 * One stream per alert of a tenant, `alert-<tenant>-<uuid>`, the uuid derived from the alert's
 * source and fingerprint (commands library). It starts with none of the record kinds, so record
 * stream parsing never matches it, and projections do not follow it.
 */
export function alertStreamId(tenant: string, alertId: string): string {
  return `alert-${tenant}-${alertId}`;
}
