/** ServiceNow's default: a RESOLVED incident the caller has not objected to closes after 7 days. */
const DEFAULT_AUTO_CLOSE_AFTER_DAYS = 7;

/**
 * Days after which a tenant's RESOLVED incidents close by themselves. Every tenant has the
 * default until tenant settings hold their own; the timer projection and the worker both ask
 * here, so the due instant they store and the command they send agree.
 */
export function incidentAutoCloseAfterDays(_tenant: string): number {
  return DEFAULT_AUTO_CLOSE_AFTER_DAYS;
}
