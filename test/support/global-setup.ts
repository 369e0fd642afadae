import { probeContainerRuntime } from './container-runtime.js';
import { startTestPostgres } from './test-postgres.js';

/**
 * Decides once per run which real servers the suites use, and passes the answer to the test
 * workers through the environment.
 */
export default async function globalSetup(): Promise<void> {
  await startTestPostgres();
  const runtime = await probeContainerRuntime();
  process.env.CONTAINER_RUNTIME = runtime.available ? 'available' : '';
  process.env.CONTAINER_RUNTIME_MISSING_REASON = runtime.available ? '' : runtime.reason;
}
