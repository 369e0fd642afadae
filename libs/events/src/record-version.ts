/**
 * A record's version as clients see it: its stream revision in decimal, at most 19 digits so it
 * fits a signed 64-bit integer, without leading zeros so one version has one spelling.
 */
export const RECORD_VERSION_PATTERN = /^(0|[1-9]\d{0,18})$/;

/** The revision a version names, or undefined for what is no version. */
export function parseRecordVersion(version: string): bigint | undefined {
  return RECORD_VERSION_PATTERN.test(version) ? BigInt(version) : undefined;
}
