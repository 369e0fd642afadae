import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** The compiled projector beside this compiled bench (dist/bench -> dist/apps/projector). */
const PROJECTOR = fileURLToPath(new URL('../apps/projector/src/main.js', import.meta.url));
const SECRET = 'bench-projector-secret-long-enough-for-hs256';
const STOP_GRACE_MS = 10_000;

/** The projector as users deploy it: its own process on the same database as the API. */
export interface ProjectorProcess {
  /** Asks it to stop (SIGTERM, then SIGKILL after a grace period) and waits for it to exit. */
  stop(): Promise<void>;
  /** `work`, or a failure as soon as the process exits unasked: a waiting bench would wait minutes. */
  guard<T>(work: Promise<T>): Promise<T>;
}

/** Children still running when the bench exits, however it exits, are killed with it. */
const running = new Set<ChildProcess>();
const killAll = () => {
  for (const child of running) child.kill('SIGKILL');
};
process.once('exit', killAll);
// A signal ends the bench without 'exit': kill the children, then die of the same signal.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killAll();
    process.kill(process.pid, signal);
  });
}

export function startProjectorProcess(databaseUrl: string): ProjectorProcess {
  const child = spawn(process.execPath, [PROJECTOR], {
    env: { PATH: process.env.PATH ?? '', EVENT_STORE_URL: databaseUrl, JWT_SECRET: SECRET, LOG_LEVEL: 'error' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  running.add(child);
  const exited = once(child, 'exit').then(
    ([code, signal]) => `exited (${signal ?? `code ${code}`})`,
    (error: Error) => `failed to start: ${error.message}`,
  );
  void exited.finally(() => running.delete(child));
  return {
    guard: (work) =>
      Promise.race([
        work,
        exited.then((how) => {
          throw new Error(`the projector process ${how}`);
        }),
      ]),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
      await exited.finally(() => clearTimeout(timer));
    },
  };
}

/** Runs work with a projector process that is stopped afterwards, whatever happens. */
export async function withProjectorProcess<T>(databaseUrl: string, work: (projector: ProjectorProcess) => Promise<T>): Promise<T> {
  const projector = startProjectorProcess(databaseUrl);
  try {
    return await work(projector);
  } finally {
    await projector.stop();
  }
}
