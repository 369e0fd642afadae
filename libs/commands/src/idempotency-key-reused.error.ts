/** A commandId the same principal already used on this record, for a different command. */
export class IdempotencyKeyReusedError extends Error {
  constructor(readonly commandId: string) {
    super(`commandId "${commandId}" was already used for a different command`);
    this.name = 'IdempotencyKeyReusedError';
  }
}
