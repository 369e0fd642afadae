import { DomainError } from '../domain-error.js';

/** What the state checks need of a record: the number people know it by, and its state. */
export interface NumberedRecord<Status extends string> {
  readonly number: string;
  readonly status: Status;
}

/** INVALID_TRANSITION unless the record is in one of the allowed states. */
export function requireStatusOf<Status extends string>(
  noun: string,
  record: NumberedRecord<Status>,
  allowed: readonly Status[],
  action: string,
): void {
  if (!allowed.includes(record.status)) {
    throw DomainError.invalidTransition(`Cannot ${action} ${noun} ${record.number}: it is ${record.status}`);
  }
}

/** For commands that would change nothing: refused like a misfit, so nothing is appended. */
export function refuseNoChangeOf(noun: string, record: NumberedRecord<string>, what: string): never {
  throw DomainError.invalidTransition(`${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${record.number} ${what}`);
}
