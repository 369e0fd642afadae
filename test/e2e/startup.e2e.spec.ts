import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const ENTRY = 'dist/apps/api/src/main.js';
const ANSI = /\u001b\[/;
const STACK_LINE = /^\s+at .+\(?.+:\d+:\d+\)?$/m;

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built API as `npm start` does, until it exits or prints `until`, then stops it. */
function runApi(env: Record<string, string>, until?: RegExp): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ENTRY], {
      env: { PATH: process.env.PATH ?? '', JWT_SECRET: 'startup-test-secret-long-enough-for-hs256', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (until?.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function listenOn(port = 0): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(port, () => resolve(server));
  });
}

async function freePort(): Promise<number> {
  const server = await listenOn();
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('starting the API', () => {
  let database: TestDatabase;
  let taken: Server;
  let port: number;

  beforeAll(async () => {
    database = await createTestDatabase(2);
    taken = await listenOn();
    port = (taken.address() as { port: number }).port;
  });
  afterAll(async () => {
    taken?.close();
    await database?.drop();
  });

  it('says where to connect and how to get a token, even with LOG_LEVEL=error, in plain text off a terminal', async () => {
    const free = await freePort();
    const run = await runApi({ PORT: String(free), EVENT_STORE_URL: database.url, LOG_LEVEL: 'error' }, /Health:/);
    expect(run.stdout).toContain(`GraphQL API:  http://localhost:${free}/graphql`);
    expect(run.stdout).toContain(`Health:       http://localhost:${free}/health`);
    expect(run.stdout).not.toMatch(ANSI);
  });

  it('writes JSON lines with LOG_FORMAT=json', async () => {
    const run = await runApi(
      { PORT: String(await freePort()), EVENT_STORE_URL: database.url, LOG_FORMAT: 'json', RUN_PROJECTOR: 'false' },
      /Health:/,
    );
    const lines = run.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(JSON.parse(line)).toMatchObject({ level: expect.any(String), message: expect.any(String) });
  });

  it('explains a taken port in one paragraph, without a stack or a word of success', async () => {
    const run = await runApi({ PORT: String(port), EVENT_STORE_URL: database.url });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Port ${port} is already in use`);
    expect(run.stdout + run.stderr).not.toMatch(/successfully started/);
    expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
  });

  it('explains an unreachable database without a stack', async () => {
    const closedPort = await freePort();
    const run = await runApi({ PORT: String(await freePort()), EVENT_STORE_URL: `postgres://nobody@127.0.0.1:${closedPort}/none` });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/The database cannot be reached .*ECONNREFUSED.*EVENT_STORE_URL/);
    expect(run.stdout + run.stderr).not.toMatch(STACK_LINE);
  });
});
