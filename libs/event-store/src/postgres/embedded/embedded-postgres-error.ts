/**
 * The embedded engine could not be set up or started. The message is a paragraph for a person:
 * what went wrong and what to do, so entry points print it as it is, without a stack.
 */
export class EmbeddedPostgresError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EmbeddedPostgresError';
  }
}
