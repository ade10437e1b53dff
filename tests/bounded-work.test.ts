// Issue 22 item 4: work bounded by the plan period. A period longer than 10 years is an error
// (period-too-long) and nothing is worked out over it; duty occurrences only fall within the
// period, whatever a duty's own start and until say. And the number forms YAML misreads (0x10 is
// 16, 0o17 is 15, 1e-400 is 0) are errors at the number, as CSV refuses them.
import { describe, expect, it } from 'vitest';
import { evaluateProject } from '../src/core/project.js';
import { useTimezone, timezones, day, project, runCli } from './helpers.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const plan = (period: string, duties = '') => `format: plan/1
id: demo
title: 示例
period: ${period}
${duties}tasks:
  - id: "1"
    title: 抽检
    lead: 区市场监管局
    due: 2024-12-31
`;

describe('the plan period', () => {
  it('may span 10 years to the day before; one day more is period-too-long at period.end', () => {
    // 2021-01-01 + 10 years = 2031-01-01: the period may end on 2030-12-31 at the latest
    expect(project({ 'x.plan.yaml': plan('{ start: 2021-01-01, end: 2030-12-31 }') }).diagnostics).toEqual([]);
    const long = project({ 'x.plan.yaml': plan('{ start: 2021-01-01, end: 2031-01-01 }') });
    // "period: { start: 2021-01-01, end: " is 8 + 26 = 34 characters: the end date at column 35
    expect(long.diagnostics.map((d) => [d.code, d.severity, d.line, d.column, d.args.years])).toEqual([
      ['period-too-long', 'error', 4, 34 + 1, 10],
    ]);
    // nothing is worked out over it: the plan is not loaded
    expect(long.plans).toEqual([]);
  });

  it('counts 10 years from 29 February as to 28 February', () => {
    // 2024-02-29 + 10 years → 2034-02-28 (2034 is a common year): the last allowed end is 2034-02-27
    expect(project({ 'x.plan.yaml': plan('{ start: 2024-02-29, end: 2034-02-27 }') }).diagnostics).toEqual([]);
    expect(project({ 'x.plan.yaml': plan('{ start: 2024-02-29, end: 2034-02-28 }') }).diagnostics.map((d) => d.code)).toEqual([
      'period-too-long',
    ]);
  });

  it('0001–9999 is refused at once, in both languages, through the CLI (exit 1)', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'plan-check-period-'));
    try {
      writeFileSync(
        path.join(folder, 'x.plan.yaml'),
        plan(
          '{ start: 0001-01-01, end: 9999-12-31 }',
          'duties:\n  - { id: weekly, title: 周报, owner: 区市场监管局, every: week, day: 5 }\n',
        ),
      );
      const en = await runCli(['status', '.', '--as-of', '2024-06-30', '--no-config', '--no-cache', '--lang', 'en'], { cwd: folder });
      expect(en.status).toBe(1);
      expect(en.stderr).toMatch(/x\.plan\.yaml:4:35.*period-too-long.*0001-01-01 – 9999-12-31 is longer than 10 years/);
      const zh = await runCli(['validate', '.', '--no-config', '--no-cache', '--lang', 'zh-CN'], { cwd: folder });
      expect(zh.stdout).toContain('方案期间 0001-01-01 至 9999-12-31 超过 10 年');
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('duty occurrences only within the period', () => {
  for (const tz of timezones) {
    describe(`TZ=${tz}`, () => {
      useTimezone(tz);
      it('a weekly duty from 0001 to 9999 in a one-year plan has the Fridays of 2024, no more', () => {
        const duties =
          'duties:\n  - { id: weekly, title: 周报, owner: 区市场监管局, every: week, day: 5, start: 0001-01-01, until: 9999-12-31 }\n';
        const loaded = project({ 'x.plan.yaml': plan('{ start: 2024-01-01, end: 2024-12-31 }', duties) });
        expect(loaded.diagnostics).toEqual([]);
        const weekly = evaluateProject(loaded, day('2024-06-30'), 7).deadlines.filter((d) => d.kind === 'report');
        // 2024-01-05 is the first Friday, 2024-12-27 the last: (361 - 5) / 7 + 1 = 51 + 1 = 52 Fridays
        expect(weekly.length).toBe((day('2024-12-27') - day('2024-01-05')) / 7 + 1);
        expect(weekly.length).toBe(52);
        expect(Math.min(...weekly.map((d) => d.due))).toBe(day('2024-01-05'));
        expect(Math.max(...weekly.map((d) => d.due))).toBe(day('2024-12-27'));
        // a record before the period start is refused with the period start named
        expect(loaded.plans[0]!.duties[0]!.startSource).toBe('period');
      });

      it('a monthly duty whose until is past the period end stops at the period end', () => {
        const duties = 'duties:\n  - { id: monthly, title: 月报, owner: 区市场监管局, every: month, day: 5, until: 2030-12-31 }\n';
        const loaded = project({ 'x.plan.yaml': plan('{ start: 2024-01-01, end: 2024-12-31 }', duties) });
        const monthly = evaluateProject(loaded, day('2024-06-30'), 7).deadlines.filter((d) => d.kind === 'report');
        // the 5th of each month of 2024: 12 occurrences, the last 2024-12-05
        expect(monthly.length).toBe(12);
        expect(Math.max(...monthly.map((d) => d.due))).toBe(day('2024-12-05'));
        // at 2024-06-30, January … June are past (6 overdue), July … December to come
        expect(monthly.filter((d) => d.status === 'overdue').length).toBe(6);
      });
    });
  }
});

describe('number forms YAML misreads', () => {
  const targets = `format: plan/1
id: demo
title: 示例
period: { start: 2024-01-01, end: 2024-12-31 }
population: 0x10
tasks:
  - id: "1"
    title: 抽检
    lead: 区市场监管局
    targets:
      - { id: a, metric: 抽检量, target: { op: ">=", value: 1e-400 } }
      - { id: b, metric: 抽检量, target: { op: ">=", value: 0o17 } }
      - { id: c, metric: 抽检量, target: { op: ">=", value: 1.5e3 } }
`;
  it('0x10, 0o17 and 1e-400 are yaml-number-form errors at the number; 1.5e3 is a number', () => {
    const loaded = project({ 'x.plan.yaml': targets });
    // "      - { id: a, metric: 抽检量, target: { op: \">=\", value: " is 6+4+6+13+9+5+11+7 = 57 characters
    expect(loaded.diagnostics.map((d) => [d.code, d.line, d.column, d.args.value, d.args.form, d.args.decimal])).toEqual([
      ['yaml-number-form', 5, 13, '0x10', 'hex', String(1 * 16 + 0)],
      ['yaml-number-form', 11, 57 + 1, '1e-400', 'underflow', undefined],
      ['yaml-number-form', 12, 57 + 1, '0o17', 'octal', String(1 * 8 + 7)],
    ]);
  });

  it('in YAML actuals too, with a message that says what YAML read', async () => {
    const actuals =
      'format: actuals/1\nplan: demo\nreported_by: 区市场监管局\nas_of: 2024-06-30\nvalues:\n  - { target: 1/c, value: 0x10 }\n  - { target: 1/c, value: 2e-999, as_of: 2024-05-31 }\n';
    const loaded = project({ 'x.plan.yaml': targets.replace('population: 0x10\n', ''), 'x.actuals.yaml': actuals });
    // "  - { target: 1/c, value: " is 26 characters
    expect(loaded.diagnostics.filter((d) => d.file === 'x.actuals.yaml').map((d) => [d.code, d.line, d.column])).toEqual([
      ['yaml-number-form', 6, 27],
      ['yaml-number-form', 7, 27],
    ]);
    const { diagnosticMessage } = await import('../src/i18n/diagnostic-messages.js');
    const [hex, tiny] = loaded.diagnostics.filter((d) => d.file === 'x.actuals.yaml');
    expect(diagnosticMessage('yaml-number-form', hex!.args, 'en')).toBe(
      'YAML reads 0x10 as the hexadecimal number 16: write the figure in decimal (16), or quote it if it is text',
    );
    expect(diagnosticMessage('yaml-number-form', tiny!.args, 'zh-CN')).toBe(
      '2e-999 太小，无法作为数字：YAML 会读作 0。请用普通的十进制数写出数值',
    );
  });
});
