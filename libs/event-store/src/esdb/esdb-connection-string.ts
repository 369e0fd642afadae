/** KurrentDB is EventStoreDB renamed; client 6.2.1 only knows the old URL schemes. */
const KURRENT_SCHEME = /^kurrentdb(\+discover)?:\/\//i;

export function toEsdbConnectionString(url: string): string {
  return url.replace(KURRENT_SCHEME, (_, discover: string | undefined) => `esdb${discover ?? ''}://`);
}
