import { stopTestPostgres } from './test-postgres.js';

export default async function globalTeardown(): Promise<void> {
  await stopTestPostgres();
}
