// CSV export: opens in Excel/WPS with Chinese intact (BOM), reads back exactly, cannot run formulas,
// and is written atomically, never over an input file.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, linkSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { binPath, repoRoot, runCli } from './helpers.js';
import { neutraliseFormula } from '../src/report/csv.js';

let work: string;
const demoFiles = ['demo.plan.yaml', 'demo.actuals.yaml', 'demo.actuals.csv'];

beforeAll(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'plan-check-csv-'));
  for (const name of demoFiles) cpSync(path.join(repoRoot, 'tests', 'fixtures', 'cli', name), path.join(work, name));
});

const gaps = (args: string[]) => runCli(['gaps', '.', '--format', 'csv', '--as-of', '2024-06-30', '--no-config', ...args], { cwd: work });

describe('gaps --format csv -o FILE', () => {
  it('writes a UTF-8 BOM and CRLF rows that csv-parse reads back exactly', async () => {
    const result = await gaps(['-o', 'gaps.csv', '--lang', 'zh-CN', '--headers', 'en']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    const bytes = readFileSync(path.join(work, 'gaps.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parse(bytes, { bom: true, columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(5);
    const sampling = records.find((r) => r.ref === 'demo-2024:1/sampling')!;
    expect(sampling).toMatchObject({
      metric: '食品监督抽检量',
      owner: '区市场监管局',
      unit: '批次',
      op: '>=',
      required: '1899.9995',
      actual: '1020',
      gap: '879.9995',
      status: 'on_track',
      status_label: '正常',
    });
    expect(Number(sampling.expected)).toBeCloseTo(944.8084945355191, 9);
    // raw numbers: no thousands separators, no rounding
    expect(records.every((r) => !/,/.test(r.required!))).toBe(true);
    expect(bytes.toString('utf8')).toContain('\r\n');
  });

  it('neutralises text that a spreadsheet would run as a formula', async () => {
    await gaps(['-o', 'gaps.csv']);
    const records = parse(readFileSync(path.join(work, 'gaps.csv')), { bom: true, columns: true }) as Record<string, string>[];
    const canteens = records.find((r) => r.ref === 'demo-2024:3/canteens')!;
    expect(canteens.metric).toBe("'@示范食堂");
    expect(canteens.task_title!.startsWith("'=1+2")).toBe(true);
    expect(['=1', '+1', '-1', '@x', '\tx', '\rx'].map(neutraliseFormula)).toEqual(["'=1", "'+1", "'-1", "'@x", "'\tx", "'\rx"]);
    expect(neutraliseFormula('区市场监管局')).toBe('区市场监管局');
  });

  it('omits the BOM with --no-bom and on standard output', async () => {
    await gaps(['-o', 'plain.csv', '--no-bom']);
    expect(readFileSync(path.join(work, 'plain.csv'))[0]).toBe('r'.charCodeAt(0));
    expect((await gaps([])).stdout.startsWith('ref,plan,')).toBe(true);
  });

  it('refuses to write over an input file, also through a symlink or a hard link, and leaves it intact', async () => {
    const plan = path.join(work, 'demo.plan.yaml');
    const before = readFileSync(plan, 'utf8');
    symlinkSync(plan, path.join(work, 'link.csv'));
    linkSync(plan, path.join(work, 'hard.csv'));
    for (const target of ['demo.plan.yaml', 'link.csv', 'hard.csv', 'demo.actuals.csv']) {
      const result = await gaps(['-o', target]);
      expect(result.status, target).toBe(2);
      expect(result.stderr).toMatch(/input|输入/);
    }
    expect(readFileSync(plan, 'utf8')).toBe(before);
    expect(readdirSync(work).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('a failed write leaves the older report untouched and no temporary file', async () => {
    writeFileSync(path.join(work, 'old.csv'), 'older report');
    const result = await gaps(['-o', path.join('no-such-folder', 'gaps.csv')]);
    expect(result.status).toBe(2);
    expect(existsSync(path.join(work, 'no-such-folder'))).toBe(false);
    expect(readFileSync(path.join(work, 'old.csv'), 'utf8')).toBe('older report');
    expect(readdirSync(work).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('ends quietly when the reader closes the pipe early', () => {
    const result = spawnSync(
      'bash',
      [
        '--noprofile',
        '--norc',
        '-o',
        'pipefail',
        '-c',
        `node ${JSON.stringify(binPath)} gaps . --format csv --as-of 2024-06-30 --no-config | head -n 1`,
      ],
      {
        cwd: work,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', HOME: work },
      },
    );
    // no LANG and Chinese plans: the interface, and so the column names, are Chinese
    expect(result.stdout.trim()).toMatch(/^引用,方案,/);
    expect(result.stderr).toBe('');
  });
});
