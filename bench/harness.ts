import type pg from 'pg';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';

/** One measured figure beside the baseline measured in the same run on the same database. */
export interface Figure {
  readonly database: string;
  readonly name: string;
  readonly unit: string;
  readonly value: number;
  /** Absent where no raw equivalent exists (projection lag). */
  readonly baseline?: number;
  /** Higher is better for rates, lower for latencies: the ratio is oriented so > 1 means faster. */
  readonly higherIsBetter: boolean;
  /** Minimum acceptable ratio, when the issue sets one. */
  readonly target?: number;
  readonly note?: string;
}

/** A figure that was not measured (skipped, or failed as expected), printed instead of a stack trace. */
export interface Unmeasured {
  readonly database: string;
  readonly name: string;
  readonly reason: string;
}

export type Outcome = Figure | Unmeasured;

export function ratioOf(figure: Figure): number {
  if (figure.baseline === undefined) return Number.NaN;
  return figure.higherIsBetter ? figure.value / figure.baseline : figure.baseline / figure.value;
}

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const start = performance.now();
  const result = await work();
  return { result, seconds: (performance.now() - start) / 1000 };
}

/** Nearest-rank percentile of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = Float64Array.from(samples).sort();
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** Runs `task(i)` for i in [0, count) on `concurrency` workers sharing one counter. */
/** Sequential, after a warm-up pass, so each figure is a query's own latency in milliseconds. */
export async function sequentialLatencies(count: number, query: (index: number) => Promise<unknown>): Promise<number[]> {
  for (let index = 0; index < Math.min(count, 50); index += 1) await query(index);
  const samples: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const start = performance.now();
    await query(index);
    samples.push(performance.now() - start);
  }
  return samples;
}

/**
 * Replaces a read-model table's rows by a bulk load: its secondary indexes dropped meanwhile and
 * rebuilt after (on `sessions` connections), then analysed, as a restore would, not a projection.
 */
export async function bulkLoad(pool: pg.Pool, table: string, sessions: number, load: () => Promise<void>): Promise<void> {
  const { rows: indexes } = await pool.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition FROM pg_index i
     WHERE i.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
    [table],
  );
  await pool.query(`TRUNCATE ${table}`);
  for (const index of indexes) await pool.query(`DROP INDEX ${index.name}`);
  await load();
  await runConcurrently(indexes.length, sessions, (index) => pool.query(indexes[index]!.definition).then(() => undefined));
  await pool.query(`ANALYZE ${table}`);
}

export async function runConcurrently(count: number, concurrency: number, task: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < count; i = next++) await task(i);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer (got "${raw}")`);
  return value;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The machine's 1-minute load average beside its cores: on a shared machine figures move with it. */
export function loadAverageNote(): string {
  return `load average ${loadavg()[0]!.toFixed(2)} on ${availableParallelism()} cores`;
}

const started = performance.now();

/** Progress goes to stderr, so stdout holds only the table. */
export function progress(line: string): void {
  process.stderr.write(`  [${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
}

function format(value: number): string {
  if (!Number.isFinite(value)) return '-';
  if (value >= 100) return Math.round(value).toLocaleString('en-US');
  return value.toPrecision(3);
}

function verdict(figure: Figure): string {
  if (figure.target === undefined) return 'info';
  return ratioOf(figure) >= figure.target ? `PASS (>= ${figure.target})` : `BELOW (< ${figure.target})`;
}

/** A Markdown table, so the output can be pasted into a report as is. */
export function printTable(outcomes: readonly Outcome[]): void {
  const header = ['database', 'figure', 'value', 'baseline', 'unit', 'ratio', 'verdict'];
  const rows = outcomes.map((outcome) =>
    'reason' in outcome
      ? [outcome.database, outcome.name, '-', '-', '-', '-', outcome.reason]
      : [
          outcome.database,
          outcome.name,
          format(outcome.value),
          format(outcome.baseline ?? Number.NaN),
          outcome.unit,
          outcome.baseline === undefined ? '-' : `${ratioOf(outcome).toFixed(2)}x`,
          verdict(outcome) + (outcome.note ? `; ${outcome.note}` : ''),
        ],
  );
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}
