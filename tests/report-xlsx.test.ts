// plan-check report --format xlsx: the meeting paper as one workbook, run as a user runs it in the
// repository (the shipped examples, plan-check.yaml's as-of date), holds the figures that
// status --format json gives; without -o it is a usage error, not bytes on a terminal.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers.js';

const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
const folder = mkdtempSync(path.join(os.tmpdir(), 'plan-check-report-xlsx-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface TargetJson {
  plan: string;
  metric: string;
  owner: string;
  required: number | null;
  actual: number | null;
}

/** A cell's number, or null for an empty cell (a target without a figure). */
const numberOf = (value: unknown): number | null => (typeof value === 'number' ? value : null);

describe('report --format xlsx on the shipped examples', () => {
  it('writes 概况, 指标, 截止事项, 单位, and the 指标 sheet holds every figure of status --format json', async () => {
    const file = path.join(folder, 'report.xlsx');
    const written = await runCli(['report', '--format', 'xlsx', '-o', file], { cwd: repoRoot, env: { LANG: '' } });
    expect(written.status).toBe(0);
    const json = JSON.parse((await runCli(['status', '--format', 'json'], { cwd: repoRoot })).stdout) as {
      as_of: string;
      targets: TargetJson[];
    };
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['概况', '指标', '截止事项', '单位']);
    const sheet = book.getWorksheet('指标')!;
    // row 1 is the title (plans and as-of date), row 2 the header
    expect(String(sheet.getRow(1).getCell(1).value)).toContain(`截至 ${json.as_of}`);
    const header = (sheet.getRow(2).values as unknown[]).slice(1).map(String);
    const col = (name: string): number => header.indexOf(name) + 1;
    const key = (plan: unknown, metric: unknown, owner: unknown, required: number | null, actual: number | null): string =>
      JSON.stringify([plan, metric, owner, required, actual]);
    const fromSheet = Array.from({ length: sheet.rowCount - 2 }, (_, index) => {
      const row = sheet.getRow(3 + index);
      const cell = (name: string): unknown => row.getCell(col(name)).value;
      return key(cell('方案'), cell('指标'), cell('责任单位'), numberOf(cell('目标值')), numberOf(cell('实际')));
    }).sort();
    const fromJson = json.targets.map((target) => key(target.plan, target.metric, target.owner, target.required, target.actual)).sort();
    expect(json.targets.length).toBeGreaterThan(50);
    expect(fromSheet).toEqual(fromJson);
  });

  it('without -o refuses with a usage error (exit 2) and writes nothing', async () => {
    const result = await runCli(['report', '--format', 'xlsx', '--lang', 'en'], { cwd: repoRoot });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/xlsx/);
  });
});
