// An ended plan is shown as one line, and that line must not hide what is still wrong: its overdue
// deadlines are counted on it, and the view never says that nothing needs attention while an ended
// plan has a missed target or an overdue deadline (contract v2, "The meeting view").
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-check-ended-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const plan = (id: string, end: string, extra = '') => `format: plan/1
id: ${id}
title: 已结束方案 ${id}
period: { start: 2023-01-01, end: ${end} }
tasks:
  - id: "1"
    title: 任务一
    lead: [区市场监管局]
    targets:
      - { id: count, metric: 检查次数, target: ">= 10" }
${extra}`;

describe('ended plans in the meeting view', () => {
  // 2023 plan, T = 2024-06-30: task 1 (due 2023-12-31) is not done → overdue; the monthly duty from
  // 2023-01 to 2023-12 has 12 occurrences, 2 recorded → 10 overdue; 1 + 10 = 11 overdue deadlines;
  // the target has A = 4 < 10 after due → missed
  const missed = folder({
    'a.plan.yaml': plan(
      'ended-2023',
      '2023-12-31',
      'duties:\n  - { id: monthly, title: 月报, owner: 区市场监管局, every: month, day: 10 }\n',
    ),
    'a.actuals.yaml':
      'format: actuals/1\nplan: ended-2023\nreported_by: 区市场监管局\nvalues:\n  - { target: "1", value: 4, as_of: 2023-12-31 }\nduties:\n  - { duty: monthly, due: 2023-01-10, date: 2023-01-09 }\n  - { duty: monthly, due: 2023-02-10, date: 2023-02-09 }\n',
  });

  it("counts the overdue deadlines on the ended plan's line and does not say nothing needs attention", async () => {
    const result = await runCli(['status', missed, '--no-config', '--as-of', '2024-06-30', '--lang', 'en']);
    expect(result.stdout).toMatch(/ended-2023\), ended 2023-12-31: missed 1; lights: red 1; overdue deadlines: 11/);
    expect(result.stdout).not.toContain('Nothing needs attention.');
    expect(result.stdout).toContain('the ended plans below still have open problems');
    const zh = await runCli(['status', missed, '--no-config', '--as-of', '2024-06-30', '--lang', 'zh-CN']);
    expect(zh.stdout).toContain('逾期未完成的截止事项 11 项');
    expect(zh.stdout).not.toContain('没有需要关注的事项。');
    // the exit code agrees with the text
    expect((await runCli(['status', missed, '--no-config', '--as-of', '2024-06-30', '--fail-on', 'overdue'])).status).toBe(1);
  });

  it('still says nothing needs attention when an ended plan is all done', async () => {
    const done = folder({
      'b.plan.yaml': plan('done-2023', '2023-12-31'),
      'b.actuals.yaml':
        'format: actuals/1\nplan: done-2023\nreported_by: 区市场监管局\nvalues:\n  - { target: "1", value: 12, as_of: 2023-12-31 }\ndone:\n  - { task: "1", date: 2023-12-20 }\n',
    });
    const result = await runCli(['status', done, '--no-config', '--as-of', '2024-06-30', '--lang', 'en']);
    expect(result.stdout).toContain('Nothing needs attention.');
    expect(result.stdout).toMatch(/done-2023\), ended 2023-12-31: met 1; lights: green 1\n/);
  });
});
