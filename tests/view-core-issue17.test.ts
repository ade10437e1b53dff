// Issue 17, items 1–3: the situations of the issue rebuilt as fixtures (tests/fixtures/view-core/),
// one test per bullet. The meeting view never hides a problem: an ended plan at the year-end
// review, one bad cell in one department's file, one slip in a plan.
import { closeSync, copyFileSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { binPath, repoRoot, runCli, timezones } from './helpers.js';

const fixture = (name: string) => path.join(repoRoot, 'tests/fixtures/view-core', name);

/** A folder made of fixture files (a file may be renamed as it is copied). */
function combined(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-check-issue17-'));
  for (const [to, from] of Object.entries(files)) copyFileSync(from, path.join(dir, to));
  return dir;
}

describe('1. an ended plan at the year-end review (ended-plan: 7 missed, 1 breached, 3 reports never submitted)', () => {
  const dir = fixture('ended-plan');
  // year-end figures against R, every target due 2023-12-31: 1650 < 2000, 4200 < 5000, 240 < 300,
  // 88% < 95%, 62 < 80, 900 < 1200, 14 < 20 → 7 missed; 99% ≥ 98% → met; 3 > 2 (limit) → breached.
  // The quarterly report falls due 01-10, 04-10, 07-10, 10-10 (4); only the first was submitted → 3 overdue.
  for (const tz of timezones) {
    it(`in full at the January review, as one line later, never "nothing needs attention" (TZ=${tz})`, async () => {
      const run = (asOf: string, lang: string, extra: string[] = []) =>
        runCli(['status', dir, '--no-config', '--as-of', asOf, '--lang', lang, ...extra], { env: { TZ: tz } });
      // 2024-01-15 − 2023-12-31 = 15 days ≤ 90: in full
      const review = await run('2024-01-15', 'zh-CN');
      expect(review.stdout).toContain('方案：2023年全县食品安全工作要点 (county-2023-food，2023-12-31 已结束)');
      expect(review.stdout).toContain(
        '共 9 项指标：已完成 1 · 逾期未完成 7 · 超限 1；亮灯：红 8 · 绿 1\n截止事项（4 项）：已逾期 3 · 已完成 1\n',
      );
      expect(review.stdout).toContain('需要关注的指标（8/9）');
      expect(review.stdout).toContain('已逾期或 14 天内到期的事项（3）');
      expect(review.stdout).not.toContain('没有需要关注的事项');
      // 2024-06-30 − 2023-12-31 = 182 days > 90: one line, with the same counts in the summary
      const later = await run('2024-06-30', 'en');
      expect(later.stdout).toContain(
        '9 targets: met 1 · missed 7 · breached 1; lights: red 8 · green 1\nDeadlines (4): overdue 3 · done 1\n',
      );
      expect(later.stdout).toContain(
        '(county-2023-food), ended 2023-12-31: met 1 · missed 7 · breached 1; lights: red 8 · green 1; overdue deadlines: 3\n',
      );
      expect(later.stdout).not.toContain('Nothing needs attention.');
      // the gate of the issue agrees with the text, in both views
      for (const asOf of ['2024-01-15', '2024-06-30']) {
        expect((await run(asOf, 'en', ['--fail-on', 'missed,breached,overdue'])).status).toBe(1);
        expect((await run(asOf, 'en', ['--fail-on', 'behind,due_soon'])).status).toBe(0);
      }
      const json = JSON.parse((await run('2024-06-30', 'en', ['--format', 'json'])).stdout);
      expect(json.summary).toMatchObject({ targets: 9, met: 1, missed: 7, breached: 1, deadlines: 4, overdue: 3, done: 1 });
    });
  }
});

describe("2. one bad cell in one department's file (bad-cell: 区教体局 wrote 待核; an April record dated 04-31)", () => {
  const dir = fixture('bad-cell');
  const base = [dir, '--no-config', '--as-of', '2024-06-30'];

  it('status reports on what is valid, marks what lost data, says it is partial, and exits 1', async () => {
    const result = await runCli(['status', ...base, '--lang', 'zh-CN']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('区教体局.actuals.csv:2:48  错误  invalid-value-cell');
    expect(result.stderr).toContain('区食药安办.actuals.yaml:10:45  错误  invalid-date');
    expect(result.stderr).toContain('下面的报告只含有效部分，退出码为 1。加 --strict 则不出报告。');
    expect(result.stdout.split('\n').slice(0, 3)).toEqual([
      '截至 2024-06-30 工作进展',
      '部分报告：输入有 2 个错误（见标准错误输出），以下只含有效部分。',
      '因错误未纳入的数据行和记录：2 条；缺了数据的指标和截止事项标有“⚠ 数据有误”。',
    ]);
    // the other departments' figures are there: sampling 1020 ≥ 1900 × 182/366 ≈ 944.81 (on track),
    // 3/hospital-checks 30 ≥ 60 × 182/366 ≈ 29.84 (on track), 85% < 90% (level): behind
    expect(result.stdout).toContain('共 4 项指标：正常 2 · 滞后 1 · 无数据 1');
    // monthly 01 … 12: 01, 02, 03, 05, 06 done (5); 04-10 lost its record → overdue, marked; 07-10 due
    // soon (10 days); 08 … 12 (5) and the three tasks (12-31) upcoming (8); 12 + 3 = 15
    expect(result.stdout).toContain('截止事项（15 项）：已逾期 1 · 即将到期 1 · 已完成 5 · 未到期 8');
    expect(result.stdout).toMatch(/学校食堂检查家次 +│ 区教体局 │ >= 120 家次 │ 59\.67 +│ — +│ — +│ — +│ 2024-12-31 │ 无数据 ⚠ 数据有误 │/);
    expect(result.stdout).toMatch(/│ 2024-04-10 │ -81 +│ 已逾期 ⚠ 数据有误 │/);
    expect(result.stdout).not.toMatch(/2024-07-10[^\n]*数据有误/);
  });

  it('the errors come first: on one terminal, stderr is written before the report', () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'plan-check-order-')), 'both.txt');
    const fd = openSync(out, 'w');
    spawnSync(process.execPath, [binPath, 'status', ...base, '--lang', 'en'], {
      stdio: ['ignore', fd, fd],
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    });
    closeSync(fd);
    const both = readFileSync(out, 'utf8');
    expect(both.indexOf('invalid-value-cell')).toBeGreaterThan(-1);
    expect(both.indexOf('invalid-value-cell')).toBeLessThan(both.indexOf('PARTIAL REPORT'));
  });

  it('JSON: complete false, left_out, data_errors per target and deadline', async () => {
    const json = JSON.parse((await runCli(['status', ...base, '--format', 'json'])).stdout);
    expect(json.complete).toBe(false);
    expect(json.left_out).toEqual({ errors: 2, plans: [], files: [], entries: 2 });
    const errorsOf = (list: { ref: string; data_errors: number }[]) =>
      Object.fromEntries(list.filter((item) => item.data_errors > 0).map((item) => [item.ref, item.data_errors]));
    expect(errorsOf(json.targets)).toEqual({ 'district-2024-food:2/canteen-checks': 1 });
    expect(errorsOf(json.deadlines)).toEqual({ 'district-2024-food:duty/monthly@2024-04-10': 1 });
    expect(json.targets.every((target: { data_errors: unknown }) => typeof target.data_errors === 'number')).toBe(true);
    const clean = JSON.parse(
      (await runCli(['status', fixture('ended-plan'), '--no-config', '--as-of', '2024-01-15', '--format', 'json'])).stdout,
    );
    expect(clean.complete).toBe(true);
    expect(clean.left_out).toBeUndefined();
  });

  it('gaps and deadlines too: a notice, the marker, a CSV column, exit 1', async () => {
    const gaps = await runCli(['gaps', ...base, '--lang', 'en']);
    expect(gaps.status).toBe(1);
    expect(gaps.stdout.split('\n')[0]).toBe('PARTIAL REPORT: the input has errors (2, on standard error); only what is valid is shown.');
    expect(gaps.stdout).toContain('no data ⚠ data errors');
    const csv = (await runCli(['gaps', ...base, '--format', 'csv'])).stdout.trim().split('\r\n');
    const column = csv[0]!.split(',').indexOf('data_errors');
    expect(column).toBeGreaterThan(-1);
    expect(Object.fromEntries(csv.slice(1).map((line) => [line.split(',')[0], line.split(',')[column]]))).toEqual({
      'district-2024-food:1/sampling': '0',
      'district-2024-food:2/canteen-checks': '1',
      'district-2024-food:2/bright-kitchen': '0',
      'district-2024-food:3/hospital-checks': '0',
    });
    const deadlines = await runCli(['deadlines', ...base, '--lang', 'en', '--format', 'md']);
    expect(deadlines.status).toBe(1);
    expect(
      deadlines.stdout.startsWith('> **PARTIAL REPORT: the input has errors (2, on standard error); only what is valid is shown.**'),
    ).toBe(true);
    expect(deadlines.stdout).toMatch(/\| 2024-04-10 \| -81 \| overdue ⚠ data errors \|/);
    expect(
      JSON.parse((await runCli(['deadlines', ...base, '--format', 'json'])).stdout).deadlines.find((d: { ref: string }) =>
        d.ref.endsWith('@2024-04-10'),
      ).data_errors,
    ).toBe(1);
  });

  it('--strict refuses as before: nothing on standard output, exit 1', async () => {
    for (const command of ['status', 'gaps', 'deadlines']) {
      const result = await runCli([command, ...base, '--strict', '--lang', 'en']);
      expect({ command, status: result.status, stdout: result.stdout }).toEqual({ command, status: 1, stdout: '' });
      expect(result.stderr).toContain('fix them first');
    }
  });

  it('a plan with errors is left out and named; its references are folded, not suggested elsewhere', async () => {
    const dir = combined({
      'district-2024-food.plan.yaml': path.join(fixture('bad-cell'), 'district-2024-food.plan.yaml'),
      '区市场监管局.actuals.csv': path.join(fixture('bad-cell'), '区市场监管局.actuals.csv'),
      'school-2024-food.plan.yaml': path.join(fixture('dropped-target'), 'school-2024-food.plan.yaml'),
      'towns.actuals.csv': path.join(fixture('dropped-target'), 'towns.actuals.csv'),
    });
    const result = await runCli(['status', dir, '--no-config', '--as-of', '2024-06-30', '--lang', 'en']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('Plans left out (their files have errors): school-2024-food (');
    expect(result.stdout).not.toContain('学生食品安全知识知晓率');
    expect(result.stdout).toContain('Plans: 2024年全区食品安全重点工作 (district-2024-food)');
    // 11 towns × 1/parent-knowledge: refs to the dropped target, one line, and 11 rows left out; the
    // other 12 rows (11 × 1/student-knowledge, 2/canteen-checks) went with their plan, named as left out
    expect(result.stderr).toContain('References not checked because their task, target or duty did not load: 11 more');
    expect(result.stderr).not.toContain('did you mean');
    const json = JSON.parse((await runCli(['status', dir, '--no-config', '--as-of', '2024-06-30', '--format', 'json'])).stdout);
    expect(json.left_out.plans).toEqual([{ file: expect.stringContaining('school-2024-food.plan.yaml'), plan: 'school-2024-food' }]);
    expect(json.left_out.entries).toBe(11);
    expect(json.targets.map((t: { plan: string }) => t.plan)).not.toContain('school-2024-food');
  });

  it('no plan left: refused, as there is nothing to report on', async () => {
    const result = await runCli(['status', fixture('plan-not-loaded'), '--no-config', '--as-of', '2024-06-30', '--lang', 'en']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('yaml-syntax');
  });
});

describe('3. root causes first', () => {
  it('a bare-number task id (numeric-id: id: 1) is read as "1": one error, the 22 refs resolve, the plan loads', async () => {
    const dir = fixture('numeric-id');
    const validate = await runCli(['validate', dir, '--no-config', '--lang', 'en']);
    expect(validate.status).toBe(1);
    expect(validate.stdout.match(/ {2}error {2}/g)).toHaveLength(1);
    expect(validate.stdout).toContain('school-2024-food.plan.yaml:9:9  error  number-as-text');
    expect(validate.stdout).not.toContain('unknown-ref');
    const json = JSON.parse((await runCli(['validate', dir, '--no-config', '--format', 'json'])).stdout);
    expect(json.diagnostics).toEqual([expect.objectContaining({ code: 'number-as-text', line: 9, column: 9, recovered: true })]);
    // the plan is reported on, the error still on stderr and in the exit code:
    // student-knowledge: mean of 11 × 92% = 92% ≥ 90% → met; parent-knowledge: 78% < 80% (level,
    // E = 80) → behind, lag (80 − 78)/80 × 100 = 2.5 → yellow; canteen-checks 66 ≥ 120 × 182/366 ≈ 59.67 → on track
    const status = JSON.parse((await runCli(['status', dir, '--no-config', '--as-of', '2024-06-30', '--format', 'json'])).stdout);
    expect(status.summary).toMatchObject({ targets: 3, met: 1, behind: 1, on_track: 1 });
    expect(status.targets.find((t: { ref: string }) => t.ref === 'school-2024-food:1/parent-knowledge')).toMatchObject({
      actual: 78,
      status: 'behind',
      light: 'yellow',
      lag: 2.5,
      data_errors: 0,
    });
    const table = await runCli(['status', dir, '--no-config', '--as-of', '2024-06-30', '--lang', 'en']);
    expect(table.status).toBe(1);
    expect(table.stderr).toContain('number-as-text');
    // nothing was left out: the report names no plan and no rows
    expect(table.stdout).toContain('PARTIAL REPORT');
    expect(table.stdout).not.toContain('Plans left out');
    expect(table.stdout).not.toContain('Rows and records left out');
  });

  it('a plan that did not load: its 23 references are one line, not 23 errors before the real one', async () => {
    const dir = fixture('plan-not-loaded');
    const zh = await runCli(['validate', dir, '--no-config', '--lang', 'zh-CN']);
    expect(zh.stdout).toContain('另有 23 处引用因方案未能载入而无法核对');
    expect(zh.stdout.match(/unknown-plan/g)).toBeNull();
    const en = await runCli(['validate', dir, '--no-config', '--lang', 'en']);
    expect(en.stdout).toContain('References not checked because their plan did not load: 23 more');
    // countable in JSON: each reference is its own entry, marked follows: plan
    const json = JSON.parse((await runCli(['validate', dir, '--no-config', '--format', 'json'])).stdout);
    expect(json.diagnostics.filter((d: { follows?: string }) => d.follows === 'plan')).toHaveLength(23);
    expect(json.diagnostics[0]).toMatchObject({ code: 'yaml-syntax' });
  });

  it('a target that did not load (dropped-target: tagret): no suggestion sends its data to another target', async () => {
    const dir = fixture('dropped-target');
    const result = await runCli(['validate', dir, '--no-config', '--lang', 'zh-CN']);
    expect(result.stdout).toContain('另有 11 处引用因所指的任务、指标或职责未能载入而无法核对');
    expect(result.stdout).not.toContain('最接近的');
    expect(result.stdout).not.toContain('是否应为 1/student-knowledge');
    const json = JSON.parse((await runCli(['validate', dir, '--no-config', '--format', 'json', '--lang', 'zh-CN'])).stdout);
    const followers = json.diagnostics.filter((d: { follows?: string }) => d.follows === 'target');
    expect(followers).toHaveLength(11);
    for (const d of followers) expect(d.message).not.toContain('student-knowledge');
  });

  it('orders config, then plans, then actuals, whatever the paths sort as', async () => {
    // a.actuals.csv sorts before z.plan.yaml by path; the plan's error comes first all the same
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-check-order-'));
    writeFileSync(path.join(dir, 'plan-check.yaml'), 'recent_days: -1\n');
    writeFileSync(path.join(dir, 'z.plan.yaml'), readFileSync(path.join(fixture('dropped-target'), 'school-2024-food.plan.yaml')));
    writeFileSync(path.join(dir, 'a.actuals.csv'), '计划,指标,截至日期,数值\nschool-2024-food,2/canteen-checks,2024-06-30,六十六家\n');
    const result = await runCli(['validate', dir, '--config', path.join(dir, 'plan-check.yaml'), '--lang', 'en']);
    const positions = ['plan-check.yaml:1:', 'z.plan.yaml:14:', 'a.actuals.csv:2:'].map((text) => result.stdout.indexOf(text));
    expect(positions.every((at) => at >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});
