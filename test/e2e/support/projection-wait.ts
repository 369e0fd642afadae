import type { TestApp } from './test-app.js';

/** Reads until the check passes, for conditions that become true on their own; fails after the timeout. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`Condition not met in ${timeoutMs} ms; last value: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until a projection (or process manager) has committed past a mutation's position token. */
export async function caughtUp(app: TestApp, projection: string, token: string): Promise<void> {
  // A PostgreSQL position token ends in 32 hex digits: commit then prepare position, 16 each.
  const target = token.slice(-32);
  await eventually(
    async () => {
      const { rows } = await app.database.pool.query<{ position: string }>(
        `SELECT lpad(to_hex(commit_position::bigint), 16, '0') || lpad(to_hex(prepare_position::bigint), 16, '0') AS position
         FROM projection_checkpoints WHERE projection = $1`,
        [projection],
      );
      return rows[0]?.position ?? '';
    },
    (position) => position >= target,
  );
}
