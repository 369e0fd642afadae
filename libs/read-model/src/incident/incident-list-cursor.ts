/** Where a page of the incident list ends: the sort key of its last row. */
export interface IncidentListCursor {
  /** 1 (P1) .. 5 (P5). */
  readonly priority: number;
  /** ISO instant. */
  readonly openedAt: string;
  readonly id: string;
}

export class InvalidCursorError extends Error {
  constructor() {
    super('after is not a cursor this API returned');
    this.name = 'InvalidCursorError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Opaque to clients, so the sort key can change without breaking their contract. */
export function encodeIncidentCursor(cursor: IncidentListCursor): string {
  return Buffer.from(JSON.stringify([cursor.priority, cursor.openedAt, cursor.id])).toString('base64url');
}

export function decodeIncidentCursor(token: string): IncidentListCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(parsed) || parsed.length !== 3) throw new InvalidCursorError();
  const [priority, openedAt, id] = parsed as unknown[];
  const valid =
    Number.isInteger(priority) &&
    (priority as number) >= 1 &&
    (priority as number) <= 5 &&
    typeof openedAt === 'string' &&
    !Number.isNaN(Date.parse(openedAt)) &&
    typeof id === 'string' &&
    UUID.test(id);
  if (!valid) throw new InvalidCursorError();
  return { priority: priority as number, openedAt: new Date(openedAt as string).toISOString(), id: id as string };
}
