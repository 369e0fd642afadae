import { spawn, type ChildProcess } from 'node:child_process';
import type { ServerLauncher } from './server-launcher.js';

const READY = 'database system is ready to accept connections';
const START_TIMEOUT_MS = 60_000;
const SMART_SHUTDOWN_MS = 5_000;
const FAST_SHUTDOWN_MS = 30_000;
const RECENT_LINES = 8;
// The readiness line is matched in English whatever the machine's language.
const ENV = { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C' };

export interface ProgramOutcome {
  readonly ok: boolean;
  /** The last lines the program wrote: the only clue when it fails. */
  readonly recent: readonly string[];
}

/** Runs a PostgreSQL program (initdb) to its end. A failure to launch counts as a failure. */
export function runProgram(
  launcher: ServerLauncher,
  program: string,
  args: readonly string[],
  onLog: (line: string) => void,
): Promise<ProgramOutcome> {
  const { file, args: argv } = launcher.command(program, args);
  const child = spawn(file, argv, { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  const recent = collectLines(child, onLog);
  return new Promise((resolve) => {
    child.once('error', (error) => {
      recent.push(error.message);
      resolve({ ok: false, recent });
    });
    child.once('close', (code) => resolve({ ok: code === 0, recent }));
  });
}

/**
 * A running `postgres` server. It runs in its own process group, so a Ctrl-C meant for the
 * product reaches only Node, which stops the server once its own connections are closed.
 */
export class PostgresProcess {
  private readonly killOnExit = () => this.child.kill('SIGKILL');

  private constructor(
    private readonly child: ChildProcess,
    private readonly exited: Promise<void>,
  ) {
    // A process that ends without stopping the server must not leave it running.
    process.once('exit', this.killOnExit);
  }

  static start(
    launcher: ServerLauncher,
    program: string,
    args: readonly string[],
    onLog: (line: string) => void,
  ): Promise<{ readonly server?: PostgresProcess; readonly recent: readonly string[] }> {
    const { file, args: argv } = launcher.command(program, args);
    const child = spawn(file, argv, { env: ENV, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
    let ready: (ok: boolean) => void = () => undefined;
    const recent = collectLines(child, (line) => {
      onLog(line);
      if (line.includes(READY)) ready(true);
    });
    return new Promise((resolve) => {
      const timer = setTimeout(() => ready(false), START_TIMEOUT_MS);
      ready = (ok) => {
        clearTimeout(timer);
        ready = () => undefined;
        if (ok) {
          resolve({ server: new PostgresProcess(child, exited), recent });
          return;
        }
        child.kill('SIGKILL');
        resolve({ recent });
      };
      child.once('error', (error) => {
        recent.push(error.message);
        ready(false);
      });
      void exited.then(() => ready(false));
    });
  }

  /**
   * A smart shutdown first: clients that are still closing their sessions (a pool's `end()`
   * resolves before its sockets are gone) are not cut off with errors. Sessions still open after
   * a grace period are ended by a fast shutdown, which keeps all committed work.
   */
  async stop(): Promise<void> {
    process.removeListener('exit', this.killOnExit);
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGTERM');
    const fast = setTimeout(() => this.child.kill('SIGINT'), SMART_SHUTDOWN_MS);
    const kill = setTimeout(() => this.child.kill('SIGKILL'), SMART_SHUTDOWN_MS + FAST_SHUTDOWN_MS);
    await this.exited;
    clearTimeout(fast);
    clearTimeout(kill);
  }
}

function collectLines(child: ChildProcess, onLine: (line: string) => void): string[] {
  const recent: string[] = [];
  const reader = (stream: NodeJS.ReadableStream | null) => {
    // A chunk may end mid-line; the rest of that line comes with the next one.
    let partial = '';
    stream?.on('data', (chunk: Buffer) => {
      const lines = (partial + chunk.toString('utf8')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines.filter((text) => text.trim())) {
        recent.push(line);
        if (recent.length > RECENT_LINES) recent.shift();
        onLine(line);
      }
    });
  };
  reader(child.stdout);
  reader(child.stderr);
  return recent;
}
