// Tables people can act on (issue 17, item 6): a ref column (short when one plan is loaded), ties
// in document order, no grey rows where nothing was due yet, and a heading that says when the
// as-of date came from plan-check.yaml. Figures are worked out by hand below.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, timezones, useTimezone } from './helpers.js';

// 2024 has 366 days. Both `zeta` (written first) and `alpha` are >= 100, linear, with 40 reported:
//   at 2024-06-30: E = 100 × 182/366 = 49.7268…, lag = (49.7268 − 40)/100 × 100 = 9.73 points → behind, yellow
//   at 2024-09-30: E = 100 × 274/366 = 74.8634…, lag = 34.86 points > 30 → behind, red
// An equal lag is a tie: document order puts zeta first, where the ids' alphabet would put alpha.
const plan = `format: plan/1
id: order-2024
title: 2024年排序示例方案
period: { start: 2024-01-01, end: 2024-12-31 }
units: [区市场监管局, 区卫健局]
tasks:
  - id: "1"
    title: 抽检
    lead: [区市场监管局]
    targets:
      - { id: zeta, metric: 甲类抽检量, target: ">= 100", unit: 批次 }
      - { id: alpha, metric: 乙类抽检量, target: ">= 100", unit: 批次 }
      # at_due: nothing is due before 12-31, so no data is not a problem yet (E = 0)
      - { id: end-only, metric: 年终评估, target: ">= 10", unit: 次, progress: at_due }
      # level: 90 is due from the start (E = 90 > 0): no data is a problem
      - { id: levelled, metric: 核查处置率, target: ">= 90%", progress: level }
      # a limit after its start: data was due
      - { id: incidents, metric: 重大事故, target: "<= 0", unit: 起 }
      # starts 09-01: not started at 06-30
      - { id: later, metric: 秋季检查, target: ">= 10", unit: 次, start: 2024-09-01 }
duties:
  - { id: zz-report, title: 报甲表, owner: 区市场监管局, due: 2024-07-10 }
  - { id: aa-report, title: 报乙表, owner: 区卫健局, due: 2024-07-10 }
`;
const actuals = `format: actuals/1
plan: order-2024
reported_by: 区市场监管局
as_of: 2024-06-30
values:
  - { target: 1/zeta, value: 40 }
  - { target: 1/alpha, value: 40 }
`;

function project(config?: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-check-tables-'));
  writeFileSync(path.join(dir, 'order.plan.yaml'), plan);
  writeFileSync(path.join(dir, 'order.actuals.yaml'), actuals);
  if (config !== undefined) writeFileSync(path.join(dir, 'plan-check.yaml'), config);
  return dir;
}

/** The Markdown table rows of a section, as cell lists (header and rule dropped). */
function markdownRows(text: string, heading: RegExp): string[][] {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => heading.test(line));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('### ')) break;
    if (line.startsWith('| ')) rows.push(line.slice(2, -2).split(' | '));
  }
  return rows.slice(2);
}

describe.each(timezones)('actionable tables under TZ=%s', (tz) => {
  useTimezone(tz);
  const dir = project();

  it('2024-06-30: the attention list holds yellow and the grey rows whose data was due, ties in document order, short refs', async () => {
    const result = await runCli(['status', dir, '--no-config', '--as-of', '2024-06-30', '--format', 'md', '--lang', 'zh-CN']);
    expect(result.status).toBe(0);
    const rows = markdownRows(result.stdout, /^### 需要关注的指标/);
    // yellow first (zeta, alpha: tie, document order), then grey where data was due (levelled, incidents, in document order);
    // end-only (at_due, E = 0) and later (not started) are left out
    expect(rows.map((row) => row[0])).toEqual(['1/zeta', '1/alpha', '1/levelled', '1/incidents']);
    expect(rows.map((row) => row.at(-1))).toEqual(['黄', '黄', '灰', '灰']);
    // heading: 4 of the 6 targets
    expect(result.stdout).toContain('需要关注的指标（4/6）');
    // deadlines due 2024-07-10, 10 days after 06-30 (≤ 14): both due soon; a tie on the date: zz-report (written first) before aa-report
    const deadlines = markdownRows(result.stdout, /^### 已逾期或 14 天内到期的事项/);
    expect(deadlines.map((row) => [row[0], row[5]])).toEqual([
      ['duty/zz-report@2024-07-10', '10'],
      ['duty/aa-report@2024-07-10', '10'],
    ]);
  });

  it('2024-09-30: both red, still zeta before alpha; the not-started target is now due', async () => {
    const result = await runCli(['status', dir, '--no-config', '--as-of', '2024-09-30', '--format', 'md', '--lang', 'en']);
    const rows = markdownRows(result.stdout, /^### Targets that need attention/);
    // later starts 09-01: E = 10 × 30/122 > 0 with no data → grey, after the levelled and incidents rows (document order)
    expect(rows.map((row) => [row[0], row.at(-1)])).toEqual([
      ['1/zeta', 'red'],
      ['1/alpha', 'red'],
      ['1/levelled', 'grey'],
      ['1/incidents', 'grey'],
      ['1/later', 'grey'],
    ]);
  });

  it('the terminal table and gaps/deadlines carry the ref column too, in document order for ties', async () => {
    const table = await runCli(['status', dir, '--no-config', '--as-of', '2024-06-30', '--lang', 'zh-CN']);
    expect(table.stdout).toMatch(/│ 引用 +│ 任务 +│/);
    expect(table.stdout).toMatch(/│ 1\/zeta +│ 1 抽检/);
    const gaps = await runCli(['gaps', dir, '--no-config', '--as-of', '2024-06-30', '--format', 'md', '--lang', 'en']);
    const gapRefs = gaps.stdout
      .split('\n')
      .slice(2)
      .filter((line) => line.startsWith('| '))
      .map((line) => line.split(' | ')[0]!.slice(2));
    // behind (zeta, alpha by lag, a tie), no data (levelled, incidents, end-only: document order), not started (later)
    expect(gapRefs).toEqual(['1/zeta', '1/alpha', '1/end-only', '1/levelled', '1/incidents', '1/later']);
    const deadlines = await runCli(['deadlines', dir, '--no-config', '--as-of', '2024-06-30', '--lang', 'en']);
    expect(deadlines.stdout.indexOf('duty/zz-report@2024-07-10')).toBeLessThan(deadlines.stdout.indexOf('duty/aa-report@2024-07-10'));
    expect(deadlines.stdout.indexOf('duty/aa-report@2024-07-10')).toBeGreaterThan(0);
  });

  it('names plan-check.yaml as the source of a pinned as-of date, and only then', async () => {
    const pinned = project('as_of: 2024-06-30\n');
    const fromConfig = await runCli(['status'], { cwd: pinned, env: { LANG: 'zh_CN.UTF-8' } });
    expect(fromConfig.stdout.split('\n')[0]).toBe('截至 2024-06-30（来自 plan-check.yaml） 工作进展');
    const english = await runCli(['status', '--format', 'md'], { cwd: pinned, env: { LANG: 'en_US.UTF-8' } });
    expect(english.stdout.split('\n')[0]).toBe('## Status as of 2024-06-30 (from plan-check.yaml)');
    const overridden = await runCli(['status', '--as-of', '2024-06-30'], { cwd: pinned, env: { LANG: 'zh_CN.UTF-8' } });
    expect(overridden.stdout.split('\n')[0]).toBe('截至 2024-06-30 工作进展');
  });
});

describe('refs with several plans', () => {
  it('are whole (PLAN:…) when more than one plan is loaded', async () => {
    const dir = project();
    writeFileSync(path.join(dir, 'other.plan.yaml'), plan.replace('id: order-2024', 'id: other-2024'));
    const gaps = await runCli(['gaps', dir, '--no-config', '--as-of', '2024-06-30', '--format', 'md', '--lang', 'en']);
    expect(gaps.stdout).toContain('| order-2024:1/zeta |');
    expect(gaps.stdout).toContain('| other-2024:1/zeta |');
  });
});
