// Issue 18 item 6, who is out of date: status shows per owning unit the date of its newest figure
// (JSON summary.units[].latest_as_of, a table in the terminal and Markdown), and marks a target
// whose newest figure is older than stale_days (default 45) as 数据未更新 / stale, apart from no data.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, timezones, useTimezone } from './helpers.js';

const plan = `format: plan/1
id: fresh
title: 数据新旧
period: { start: 2024-01-01, end: 2024-12-31 }
tasks:
  - id: "1"
    title: 甲的任务
    lead: 甲局
    due: 2024-12-31
    targets:
      - { id: a, metric: 甲一, target: ">= 100", accumulate: sum }
      - { id: b, metric: 甲二, target: ">= 100", accumulate: sum }
  - id: "2"
    title: 乙丙的任务
    lead: 乙局
    due: 2024-12-31
    targets:
      - { id: c, metric: 乙一, target: ">= 100", accumulate: sum }
      - { id: d, metric: 丙一, target: ">= 100", owner: 丙局 }
`;
const actuals = `plan,target,as_of,value,reported_by
fresh,1/a,2024-03-31,10,甲局
fresh,1/a,2024-06-30,10,甲局
fresh,1/b,2024-04-15,10,甲局
fresh,2/c,2024-02-29,10,乙局
`;

let folder = '';
beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'plan-check-fresh-'));
  writeFileSync(path.join(folder, 'fresh.plan.yaml'), plan);
  writeFileSync(path.join(folder, 'fresh.actuals.csv'), actuals);
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

interface UnitJson {
  unit: string;
  targets: number;
  latest_as_of: string | null;
  stale_targets: number;
}
interface TargetJson {
  ref: string;
  latest_as_of: string | null;
  stale: boolean;
  status: string;
}
const status = async (asOf: string, more: string[] = []) => {
  const result = await runCli(['status', '.', '--as-of', asOf, '--all', '--no-config', '--no-cache', ...more], { cwd: folder });
  expect(result.stderr).toBe('');
  return result;
};
const statusJson = async (asOf: string) =>
  JSON.parse((await status(asOf, ['--format', 'json'])).stdout) as { summary: { units: UnitJson[] }; targets: TargetJson[] };
const figures = (units: UnitJson[]) => units.map((u) => [u.unit, u.targets, u.latest_as_of, u.stale_targets]);

for (const tz of timezones) {
  describe(`TZ=${tz}`, () => {
    useTimezone(tz);
    it('at 2024-06-30: the newest figure per owning unit, and the stale targets (older than 45 days)', async () => {
      const data = await statusJson('2024-06-30');
      // 甲局: a 06-30 (0 days), b 04-15 (76 days > 45: stale) → newest 06-30, 1 stale
      // 乙局: c 02-29 (122 days: stale); 丙局: d has no data (never stale). Order: units with deadlines
      // (乙局 and 甲局 lead the tasks; nothing due yet, so by name: 乙 U+4E59 < 甲 U+7532), then 丙局, which only owns a target
      expect(figures(data.summary.units)).toEqual([
        ['乙局', 1, '2024-02-29', 1],
        ['甲局', 2, '2024-06-30', 1],
        ['丙局', 1, null, 0],
      ]);
      expect(data.targets.map((t) => [t.ref, t.latest_as_of, t.stale]).sort()).toEqual([
        ['fresh:1/a', '2024-06-30', false],
        ['fresh:1/b', '2024-04-15', true],
        ['fresh:2/c', '2024-02-29', true],
        ['fresh:2/d', null, false],
      ]);
    });

    it('at 2024-04-20 and 2024-04-14: rows after T are ignored, and exactly 45 days old is not stale', async () => {
      // 04-20: 甲局 a 03-31, b 04-15 → newest 04-15, none stale; 乙局 c 02-29 is 51 days old → stale
      expect(figures((await statusJson('2024-04-20')).summary.units)).toEqual([
        ['乙局', 1, '2024-02-29', 1],
        ['甲局', 2, '2024-04-15', 0],
        ['丙局', 1, null, 0],
      ]);
      // 04-14: b has no row yet; c is 31 + 14 = 45 days old: not more than 45 → not stale
      expect(figures((await statusJson('2024-04-14')).summary.units)).toEqual([
        ['乙局', 1, '2024-02-29', 0],
        ['甲局', 2, '2024-03-31', 0],
        ['丙局', 1, null, 0],
      ]);
    });
  });
}

describe('what a reader sees', () => {
  it('the terminal table: 数据未更新 after the status of a stale target, not after no data; a table of units', async () => {
    const text = (await status('2024-06-30', ['--lang', 'zh-CN'])).stdout;
    const line = (metric: string) => text.split('\n').find((l) => l.includes(metric))!;
    expect(line('甲二')).toMatch(/│ 滞后（数据未更新） +│/);
    expect(line('乙一')).toMatch(/│ 滞后（数据未更新） +│/);
    expect(line('甲一')).toMatch(/│ 滞后 +│/);
    expect(line('丙一')).toMatch(/│ 无数据 +│/);
    expect(text).toContain('各单位最新数据（按其负责的指标；数据未更新 = 最新数据比 2024-06-30 早 45 天以上）');
    expect(text).toMatch(/│ 甲局 +│ 2 +│ 2024-06-30 +│ 1 +│/);
    expect(text).toMatch(/│ 丙局 +│ 1 +│ — +│ 0 +│/);
  });

  it('Markdown in English, and stale_days from the config', async () => {
    const md = (await status('2024-06-30', ['--format', 'md', '--lang', 'en'])).stdout;
    expect(md).toContain('### Newest figure by unit (over the targets it owns; stale = newest figure more than 45 days before 2024-06-30)');
    expect(md).toContain('| 乙局 | 1 | 2024-02-29 | 1 |');
    expect(md).toMatch(/\| 甲二 \|.*\| behind \(stale\) \|/);
    // stale_days 200: c (122 days) and b (76 days) are no longer stale
    writeFileSync(path.join(folder, 'plan-check.yaml'), 'stale_days: 200\n');
    try {
      const relaxed = await runCli(['status', '.', '--as-of', '2024-06-30', '--all', '--no-cache', '--format', 'md', '--lang', 'en'], {
        cwd: folder,
      });
      expect(relaxed.stdout).toContain('more than 200 days before 2024-06-30');
      expect(relaxed.stdout).not.toContain('(stale)');
    } finally {
      rmSync(path.join(folder, 'plan-check.yaml'));
    }
  });
});
