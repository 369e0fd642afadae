/** The refusals a decider can give; each maps one to one onto the API's `extensions.code`. */
export type DomainErrorCode = 'BAD_USER_INPUT' | 'NOT_FOUND' | 'INVALID_TRANSITION' | 'FORBIDDEN' | 'SCHEDULE_CONFLICT';

/** A command refused by the domain. Nothing was appended. */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The offending input field, for BAD_USER_INPUT. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  static badUserInput(field: string, message: string): DomainError {
    return new DomainError('BAD_USER_INPUT', message, field);
  }

  static notFound(message: string): DomainError {
    return new DomainError('NOT_FOUND', message);
  }

  static invalidTransition(message: string): DomainError {
    return new DomainError('INVALID_TRANSITION', message);
  }

  /** The principal may use the command, but not on this record now (an approver not named in the round). */
  static forbidden(message: string): DomainError {
    return new DomainError('FORBIDDEN', message);
  }

  static scheduleConflict(message: string): DomainError {
    return new DomainError('SCHEDULE_CONFLICT', message);
  }
}
