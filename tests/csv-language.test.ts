// CSV a spreadsheet user can read (issue 17, item 8): column names in the report's language
// (--headers en|zh to choose; the same columns in the same order), progress and lag both in
// percent points, yes/no as 是/否 under Chinese headers. Figures worked out by hand below.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli, timezones, useTimezone } from './helpers.js';

const plan = `format: plan/1
id: csv-2024
title: 2024年导出示例方案
period: { start: 2024-01-01, end: 2024-12-31 }
units: [区市场监管局]
tasks:
  - id: "1"
    title: 抽检
    lead: [区市场监管局]
    targets:
      - { id: count, metric: 食品抽检量, target: ">= 200", unit: 批次 }
      - { id: rate, metric: 核查处置率, target: ">= 90%" }
duties:
  - { id: may, title: 报五月情况, owner: 区市场监管局, due: 2024-05-10 }
`;
const actuals = `format: actuals/1
plan: csv-2024
reported_by: 区市场监管局
values:
  - { target: 1/count, value: 50, as_of: 2024-03-31 }
  - { target: 1/count, value: 120, as_of: 2024-06-30 }
  - { target: 1/rate, value: "45%", as_of: 2024-03-01 }
duties:
  - { duty: may, due: 2024-05-10, date: 2024-05-12 }
`;

const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-check-csv-lang-'));
writeFileSync(path.join(dir, 'csv.plan.yaml'), plan);
writeFileSync(path.join(dir, 'csv.actuals.yaml'), actuals);

const run = async (command: string, asOf: string, args: string[]) => {
  const result = await runCli([command, dir, '--no-config', '--as-of', asOf, '--format', 'csv', ...args]);
  expect(result.status, result.stderr).toBe(0);
  return result.stdout;
};
const records = (text: string) => parse(text, { columns: true }) as Record<string, string>[];
const header = (text: string) => text.split('\r\n')[0]!.split(',');

describe.each(timezones)('CSV export under TZ=%s', (tz) => {
  useTimezone(tz);

  it('Chinese headers for a Chinese report, English with --headers en: the same columns in the same order', async () => {
    const zh = await run('gaps', '2024-06-30', ['--lang', 'zh-CN']);
    const en = await run('gaps', '2024-06-30', ['--lang', 'zh-CN', '--headers', 'en']);
    expect(header(zh).slice(0, 4)).toEqual(['引用', '方案', '任务编号', '任务名称']);
    expect(header(en).slice(0, 4)).toEqual(['ref', 'plan', 'task', 'task_title']);
    expect(header(zh)).toHaveLength(header(en).length);
    expect(header(en)[header(zh).indexOf('完成率（%）')]).toBe('progress_percent');
    expect(header(en)[header(zh).indexOf('滞后（百分点）')]).toBe('lag_points');
    expect(header(en)[header(zh).indexOf('数据过期')]).toBe('stale');
    // every row has the same cells whatever the headers, but the yes/no cells
    const zhRows = zh.split('\r\n').slice(1);
    const enRows = en.split('\r\n').slice(1);
    expect(zhRows.map((row) => row.replace(/,(是|否),/, ',_,'))).toEqual(enRows.map((row) => row.replace(/,(true|false),/, ',_,')));
    // English report: English headers by default; --headers zh gives the Chinese ones
    expect(header(await run('gaps', '2024-06-30', ['--lang', 'en']))[0]).toBe('ref');
    expect(header(await run('gaps', '2024-06-30', ['--lang', 'en', '--headers', 'zh']))[0]).toBe('引用');
  });

  it('progress and lag in percent points at 2024-06-30', async () => {
    const rows = records(await run('gaps', '2024-06-30', ['--lang', 'en', '--headers', 'en']));
    const count = rows.find((row) => row.ref === 'csv-2024:1/count')!;
    // A = 120 (06-30), R = 200: progress = 120/200 × 100 = 60
    expect(Number(count.progress_percent)).toBe(60);
    // E = 200 × 182/366 (Jan 1 – Jun 30 of a 366-day year) = 99.4536; lag = (99.4536 − 120)/200 × 100 = −10.2732
    expect(Number(count.lag_points)).toBeCloseTo((((200 * 182) / 366 - 120) / 200) * 100, 9);
    expect(count.stale).toBe('false');
    const rate = rows.find((row) => row.ref === 'csv-2024:1/rate')!;
    // 45% of 90%: progress = 45/90 × 100 = 50; latest row 03-01 is 121 days before 06-30 (> 45): stale
    expect(Number(rate.progress_percent)).toBe(50);
    expect(rate.stale).toBe('true');
  });

  it('progress and lag in percent points at 2024-04-30, yes/no as 是/否', async () => {
    const rows = records(await run('gaps', '2024-04-30', ['--lang', 'zh-CN']));
    const count = rows.find((row) => row['引用'] === 'csv-2024:1/count')!;
    // A = 50 (03-31), progress = 50/200 × 100 = 25
    expect(Number(count['完成率（%）'])).toBe(25);
    // E = 200 × 121/366 (31 + 29 + 31 + 30 days) = 66.1202; lag = (66.1202 − 50)/200 × 100 = 8.0601
    expect(Number(count['滞后（百分点）'])).toBeCloseTo((((200 * 121) / 366 - 50) / 200) * 100, 9);
    // latest row 03-31 is 30 days before 04-30 (≤ 45): not stale
    expect(count['数据过期']).toBe('否');
    const rate = rows.find((row) => row['引用'] === 'csv-2024:1/rate')!;
    // 03-01 is 60 days before 04-30 (> 45): stale
    expect(rate['数据过期']).toBe('是');
  });

  it('deadlines: Chinese headers and 是 for a report filed after its due date', async () => {
    const rows = records(await run('deadlines', '2024-06-30', ['--lang', 'zh-CN', '--all']));
    const may = rows.find((row) => row['引用'] === 'csv-2024:duty/may@2024-05-10')!;
    // due 05-10, filed 05-12: done, late
    expect(may).toMatchObject({ 状态代码: 'done', 逾期完成: '是', 完成日期: '2024-05-12', 剩余天数: '-51' });
    const english = records(await run('deadlines', '2024-06-30', ['--lang', 'zh-CN', '--all', '--headers', 'en']));
    expect(english.find((row) => row.ref === 'csv-2024:duty/may@2024-05-10')).toMatchObject({
      status: 'done',
      late: 'true',
      days_left: '-51',
    });
  });
});

describe('--headers', () => {
  it('takes en or zh only', async () => {
    const result = await runCli(['gaps', dir, '--no-config', '--format', 'csv', '--headers', 'fr', '--lang', 'en']);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/fr/);
  });
});
