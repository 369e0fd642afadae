/**
 * Instants travel as ISO-8601 strings and are computed on as epoch milliseconds. The caller
 * supplies them, so an unparseable one is a programming error, not user input.
 */
export function toEpochMs(instant: string): number {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`Not an ISO-8601 instant: "${instant}"`);
  return ms;
}

export function toInstant(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** The canonical UTC form, so stored instants compare and sort as strings. */
export function normalizeInstant(instant: string): string {
  return toInstant(toEpochMs(instant));
}

export const msPerMinute = 60_000;
export const msPerDay = 86_400_000;
