/**
 * Record ids are UUIDs. Checking the shape before building a stream name matters for isolation:
 * stream names are `<kind>-<tenant>-<id>`, so an id like `x-<uuid>` could otherwise name the
 * stream of tenant `<tenant>-x`. The one UUID check of the product: event ids and cursor keys use
 * it too.
 */
export const RECORD_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Any UUID, in either case: record ids, event ids, the ids in list cursors. */
export function isUuid(id: string): boolean {
  return RECORD_ID_PATTERN.test(id);
}

export function isRecordId(id: string): boolean {
  return isUuid(id);
}

/**
 * The one spelling of a record id, lower case, as in stream names and read models; undefined for
 * what is no record id. Every query, mutation and subscription goes through it, so an id in
 * upper case names the same record everywhere.
 */
export function canonicalRecordId(id: string): string | undefined {
  return isRecordId(id) ? id.toLowerCase() : undefined;
}
