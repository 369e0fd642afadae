/**
 * The one list of record kinds. Everything that varies by kind and must never change once
 * records exist is here: the kind names streams (`<kind>-<tenant>-<uuid>`, see record-streams.ts)
 * and read-model updates, the prefix numbers people read (`INC0001001`). Stream kinds, number
 * prefixes, history and projections all derive from this list, so a kind is added in one line.
 */
export const RECORD_KINDS = {
  incident: { numberPrefix: 'INC' },
  problem: { numberPrefix: 'PRB' },
  change: { numberPrefix: 'CHG' },
  'service-account': { numberPrefix: 'SVC' },
  /** Standard change templates: pre-approved plans that STANDARD changes are made from. */
  template: { numberPrefix: 'STD' },
} as const;

export type RecordKind = keyof typeof RECORD_KINDS;

export type RecordNumberPrefix = (typeof RECORD_KINDS)[RecordKind]['numberPrefix'];

export const RECORD_KIND_NAMES = Object.keys(RECORD_KINDS) as readonly RecordKind[];

export function recordNumberPrefix(kind: RecordKind): RecordNumberPrefix {
  return RECORD_KINDS[kind].numberPrefix;
}
