// Test helpers: build small plans in memory, and run the CLI in process or as the built binary.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseIsoDate } from '../src/core/dates.js';
import { type SourceFile, loadProject } from '../src/core/project.js';
import type { TargetRow } from '../src/report/rows.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const binPath = path.join(repoRoot, 'bin', 'plan-check.js');
export const timezones = ['UTC', 'Asia/Shanghai', 'America/Los_Angeles'] as const;

export function day(text: string): number {
  const value = parseIsoDate(text);
  if (value === undefined) throw new Error(`bad date in test: ${text}`);
  return value;
}

export function source(pathName: string, text: string): SourceFile {
  const kind = pathName.endsWith('.csv') ? 'actuals-csv' : pathName.includes('.actuals.') ? 'actuals-yaml' : 'plan';
  return { path: pathName, kind, bytes: new TextEncoder().encode(text) };
}

export function project(files: Record<string, string>) {
  return loadProject(Object.entries(files).map(([name, text]) => source(name, text)));
}

/** One diagnostic a fixture must produce, as the fixture tables write it. */
export interface ExpectedDiagnostic {
  /** path inside the case folder */
  file: string;
  line: number;
  column: number;
  code: string;
  /** default: error */
  severity?: 'error' | 'warning';
  /** the English message (LANG=en_US.UTF-8) must match */
  message?: RegExp;
  /** … and must not match */
  notMessage?: RegExp;
}

/** A Node stack frame line (`    at fn (file:1:2)`): never on a user's screen without --debug. */
export const STACK_FRAME = /^\s+at .+[:(].*\d+:\d+\)?$/m;

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runBin(args: string[], options: { cwd?: string; env?: Record<string, string>; input?: string } = {}): CliResult {
  const result = spawnSync(process.execPath, [binPath, ...args], {
    cwd: options.cwd ?? repoRoot,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', LANG: 'en_US.UTF-8', ...options.env },
    encoding: 'utf8',
    input: options.input ?? '',
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * The CLI run in this process through run() (src/cli/run.ts), with the same defaults as runBin:
 * what the case tables use, tens of times faster than spawning the binary. Process-level behaviour
 * (the bundle, the code cache, exit codes set on the process, closed pipes) needs runBin.
 */
export async function runCli(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const { run } = await import('../src/cli/run.js');
  let stdout = '';
  let stderr = '';
  const status = await run({
    argv: args,
    cwd: options.cwd ?? repoRoot,
    env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', LANG: 'en_US.UTF-8', ...options.env },
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    now: new Date(),
  });
  return { status, stdout, stderr };
}

/** UTC offsets (Date#getTimezoneOffset) of the three test timezones on 2024-01-01. */
export const timezoneOffsets: Record<(typeof timezones)[number], number> = { UTC: 0, 'Asia/Shanghai': -480, 'America/Los_Angeles': 480 };

/**
 * Run the enclosing suite with process.env.TZ set (Node re-reads it), restore it afterwards, and
 * prove the zone took effect.
 */
export function useTimezone(tz: (typeof timezones)[number]): void {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.TZ;
    process.env.TZ = tz;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });
  it('runs in the requested timezone', () => {
    expect(new Date(2024, 0, 1).getTimezoneOffset()).toBe(timezoneOffsets[tz]);
  });
}

/**
 * runCli with the process's timezone set to `tz` for the run (and TZ in its environment), as the
 * built binary's is under TZ=tz: what the timezone case tables use instead of spawning.
 */
export async function runCliInZone(
  tz: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  const saved = process.env.TZ;
  process.env.TZ = tz;
  try {
    return await runCli(args, { ...options, env: { TZ: tz, ...options.env } });
  } finally {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  }
}

/** A target row as the report formatters take it: a count 4 of 10, paced 5, behind and yellow; override what a test reads. */
export function targetRowFixture(overrides: Partial<TargetRow> = {}): TargetRow {
  return {
    ref: 'p:1/x',
    plan: 'p',
    task: '1',
    task_title: 't',
    target: 'x',
    metric: '指标',
    owner: '单位',
    unit: null,
    op: '>=',
    kind: 'count',
    expression: '>= 10',
    required: 10,
    expected: 5,
    actual: 4,
    gap: 6,
    progress: 0.4,
    lag: 10,
    light: 'yellow',
    progress_kind: 'linear',
    progress_written: false,
    baseline: null,
    start: '2024-01-01',
    due: '2024-12-31',
    status: 'behind',
    latest_as_of: '2024-06-30',
    stale: false,
    units: null,
    data_errors: 0,
    ...overrides,
  };
}
