/**
 * Other processes kept changing the record under a command that sent no expected version, past
 * every retry; nothing was appended. Not a conflict the caller asked to hear about: try again.
 */
export class RecordContendedError extends Error {
  constructor(readonly streamId: string) {
    super(`${streamId} kept changing under the command; nothing was appended`);
    this.name = 'RecordContendedError';
  }
}
