/**
 * Record ids are UUIDs. Checking the shape before building a stream name matters for isolation:
 * stream names are `<kind>-<tenant>-<id>`, so an id like `x-<uuid>` could otherwise name the
 * stream of tenant `<tenant>-x`.
 */
export const RECORD_ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isRecordId(id: string): boolean {
  return RECORD_ID_PATTERN.test(id);
}

/**
 * The one spelling of a record id, lower case, as in stream names and read models; undefined for
 * what is no record id. Every query, mutation and subscription goes through it, so an id in
 * upper case names the same record everywhere.
 */
export function canonicalRecordId(id: string): string | undefined {
  return isRecordId(id) ? id.toLowerCase() : undefined;
}
