import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export type ContainerRuntimeProbe = { available: true } | { available: false; reason: string };

const PROBE_TIMEOUT_MS = 5_000;
/** Where `testcontainers` resolves from, wherever Jest was started. */
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs testcontainers' own runtime lookup in a child process and prints the answer as JSON. A
 * child, because a DOCKER_HOST that accepts connections but never answers would leave the lookup
 * hanging, and a hung socket in Jest's main process would keep the run from ever exiting: a child
 * can be killed.
 */
const PROBE_SCRIPT = `
const { getContainerRuntimeClient } = await import('testcontainers');
try {
  await getContainerRuntimeClient();
  process.stdout.write(JSON.stringify({ available: true }));
} catch (error) {
  process.stdout.write(JSON.stringify({ available: false, reason: String(error?.message ?? error) }));
}
process.exit(0);
`;

/**
 * Whether EventStoreDB can be had for the tests, asked once per run (from Jest's globalSetup).
 * TEST_EVENTSTORE_URL counts as available too: the EventStoreDB suites then use that server and
 * start no container, so no container runtime is needed.
 */
export async function probeContainerRuntime(): Promise<ContainerRuntimeProbe> {
  if (process.env.TEST_EVENTSTORE_URL) return { available: true };
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--input-type=module', '--eval', PROBE_SCRIPT],
      { cwd: REPO_ROOT, timeout: PROBE_TIMEOUT_MS },
      (error, stdout) => {
        if (error) {
          resolve({
            available: false,
            reason: error.killed
              ? `the container runtime did not answer within ${PROBE_TIMEOUT_MS / 1000} s`
              : `probing the container runtime failed: ${error.message}`,
          });
          return;
        }
        resolve(parseProbeAnswer(stdout));
      },
    );
  });
}

function parseProbeAnswer(stdout: string): ContainerRuntimeProbe {
  try {
    const answer = JSON.parse(stdout) as ContainerRuntimeProbe;
    return answer.available ? { available: true } : { available: false, reason: answer.reason };
  } catch {
    return { available: false, reason: `unexpected answer from the container runtime probe: ${stdout.slice(0, 200)}` };
  }
}
