// Duties (contract v2, "Deadlines"): several owners, kind report | activity, the start at the later
// of the period start and `issued`, who has not reported, and on-time rates per unit. Every figure
// below is worked out by hand from tests/fixtures/duties (the plan and three actuals files).
//
// Day-of-year numbers (2024, leap year) used for days_left:
//   03-31 = 91 | 04-05 = 96 | 04-30 = 121 | 05-05 = 126 | 06-05 = 157 | 06-30 = 182
//   11-15 = 320 | 12-31 = 366
//
// On-time rate, as implemented (src/core/on-time.ts): for a unit u at T,
//   due_so_far = u's deadlines with due ≤ T; on_time = done on or before due (and ≤ T);
//   late = done after due (≤ T); overdue = not done by T and due < T; rate = on_time / due_so_far.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { onTimeByUnit } from '../src/core/on-time.js';
import { evaluateProject } from '../src/core/project.js';
import { groupDeadlineRows } from '../src/report/deadline-lines.js';
import { type DeadlineRow, toDeadlineRow, toUnitOnTimeRow } from '../src/report/rows.js';
import { day, project, repoRoot, runBin, runCli, runCliInZone, timezones, useTimezone } from './helpers.js';

const folder = path.join(repoRoot, 'tests', 'fixtures', 'duties');
const relativeFolder = 'tests/fixtures/duties';
const files = Object.fromEntries(readdirSync(folder).map((name) => [name, readFileSync(path.join(folder, name), 'utf8')]));

const MARKET = '区市场监管局';
const HEALTH = '区卫健局';
const EDUCATION = '区教体局';
const OFFICE = '区食药安办';

function evaluate(asOf: string) {
  const p = project(files);
  expect(p.diagnostics).toEqual([]);
  return evaluateProject(p, day(asOf), 14);
}

const rowsAt = (asOf: string): DeadlineRow[] => evaluate(asOf).deadlines.map(toDeadlineRow);
const refOf = (duty: string, due: string): string => `duty-2024:duty/${duty}@${due}`;
const pick = (row: DeadlineRow) => ({
  owner: row.owner,
  kind: row.kind,
  status: row.status,
  late: row.late,
  days_left: row.days_left,
  completed: row.completed,
});

describe.each(timezones)('duties, TZ=%s', (tz) => {
  useTimezone(tz);

  it('occurrences: issued 2024-03-15 drops January–March; quarter end clamps; an own start wins; one-off', () => {
    const rows = rowsAt('2024-06-30');
    const dues = (duty: string): string[] =>
      [...new Set(rows.filter((r) => r.ref.startsWith(`duty-2024:duty/${duty}@`)).map((r) => r.due))].sort();
    // day 5 monthly from 03-15: 01-05, 02-05 and 03-05 are before the plan was issued
    expect(dues('members')).toEqual(['04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2024-${m}-05`));
    // month 3 of each quarter, day 31: Mar 31 (after 03-15, so it counts), Jun 30, Sep 30 (clamped), Dec 31
    expect(dues('supervision')).toEqual(['2024-03-31', '2024-06-30', '2024-09-30', '2024-12-31']);
    // start: 2024-01-01 written on the duty: from January, whatever `issued` says
    expect(dues('office-monthly')).toEqual(
      ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12'].map((m) => `2024-${m}-10`),
    );
    expect(dues('annual')).toEqual(['2024-11-15']);
    // one deadline per owner per occurrence: 9 occurrences × 3 owners
    expect(rows.filter((r) => r.ref.startsWith('duty-2024:duty/members@'))).toHaveLength(27);
    expect(
      rows.filter((r) => r.ref.startsWith('duty-2024:duty/supervision@')).every((r) => r.kind === 'activity' && r.owner === OFFICE),
    ).toBe(true);
  });

  it('three owners at 2024-04-30: one on time, one late, one missing', () => {
    const rows = rowsAt('2024-04-30').filter((r) => r.ref === refOf('members', '2024-04-05'));
    expect(rows.map(pick)).toEqual([
      // overdue first: 96 − 121 = −25
      { owner: EDUCATION, kind: 'report', status: 'overdue', late: false, days_left: -25, completed: null },
      // done: 04-03 ≤ due 04-05 → on time; 04-09 > 04-05 → late (plan order of owners)
      { owner: MARKET, kind: 'report', status: 'done', late: false, days_left: -25, completed: '2024-04-03' },
      { owner: HEALTH, kind: 'report', status: 'done', late: true, days_left: -25, completed: '2024-04-09' },
    ]);
    // the next occurrence: 126 − 121 = 5 ≤ 14 → due soon for all three; 区市场监管局's 05-05 record is after T
    const next = rowsAt('2024-04-30').filter((r) => r.ref === refOf('members', '2024-05-05'));
    expect(next.map((r) => [r.owner, r.status, r.days_left])).toEqual([
      [MARKET, 'due_soon', 5],
      [HEALTH, 'due_soon', 5],
      [EDUCATION, 'due_soon', 5],
    ]);
  });

  it('the earliest record counts; a record after T does not', () => {
    // 区市场监管局 filed 05-08 first in the file, then 05-05: the earliest, 05-05, counts (on time)
    const at = (asOf: string) => rowsAt(asOf).find((r) => r.ref === refOf('members', '2024-05-05') && r.owner === MARKET)!;
    expect(pick(at('2024-05-06'))).toMatchObject({ status: 'done', late: false, completed: '2024-05-05' });
    // T = 05-04: neither record is on or before T; 126 − 125 = 1 day left
    expect(pick(at('2024-05-04'))).toMatchObject({ status: 'due_soon', late: false, days_left: 1, completed: null });
  });

  it('a quarterly activity: carried out late at quarter end, due on T itself', () => {
    const at = (asOf: string) => rowsAt(asOf).find((r) => r.ref === refOf('supervision', '2024-06-30'))!;
    // T = 06-30: the 07-02 record is after T; due − T = 0 → due soon
    expect(pick(at('2024-06-30'))).toEqual({
      owner: OFFICE,
      kind: 'activity',
      status: 'due_soon',
      late: false,
      days_left: 0,
      completed: null,
    });
    // T = 07-01: overdue by one day
    expect(pick(at('2024-07-01'))).toMatchObject({ status: 'overdue', days_left: -1 });
    // T = 07-02: carried out 07-02 > due 06-30 → done, late
    expect(pick(at('2024-07-02'))).toMatchObject({ status: 'done', late: true, days_left: -2, completed: '2024-07-02' });
  });

  it('a one-off duty of one owner is done by a record whoever filed it', () => {
    const at = (asOf: string) => rowsAt(asOf).find((r) => r.ref === refOf('annual', '2024-11-15'))!;
    // 320 − 305 (10-31) = 15 > 14 → upcoming; 320 − 306 (11-01) = 14 → due soon
    expect(pick(at('2024-10-31'))).toMatchObject({ owner: OFFICE, status: 'upcoming', days_left: 15 });
    expect(pick(at('2024-11-01'))).toMatchObject({ status: 'due_soon', days_left: 14 });
    // filed 11-14 with reported_by 区市场监管局: still the office's deadline, done on time
    expect(pick(at('2024-12-31'))).toEqual({
      owner: OFFICE,
      kind: 'report',
      status: 'done',
      late: false,
      days_left: 320 - 366,
      completed: '2024-11-14',
    });
  });

  it('on-time rates per unit at 2024-04-30 and 2024-06-30', () => {
    const rates = (asOf: string) => {
      const evaluation = evaluate(asOf);
      return onTimeByUnit(evaluation.deadlines, evaluation.asOf).map(toUnitOnTimeRow);
    };
    const counts = (due_so_far: number, on_time: number, late: number, overdue: number, on_time_rate: number | null) => ({
      due_so_far,
      on_time,
      late,
      overdue,
      on_time_rate,
    });
    // 04-30: members@04-05 is each member's one deadline due; the office has supervision@03-31
    // (on time) and office-monthly 01-10 (on time), 02-10, 03-10, 04-10 (overdue)
    expect(rates('2024-04-30')).toEqual([
      // rate 0 for both: more overdue first
      { unit: EDUCATION, ...counts(1, 0, 0, 1, 0 / 1), reports: counts(1, 0, 0, 1, 0 / 1) },
      { unit: HEALTH, ...counts(1, 0, 1, 0, 0 / 1), reports: counts(1, 0, 1, 0, 0 / 1) },
      { unit: OFFICE, ...counts(1 + 4, 1 + 1, 0, 3, 2 / 5), reports: counts(4, 1, 0, 3, 1 / 4) },
      { unit: MARKET, ...counts(1, 1, 0, 0, 1 / 1), reports: counts(1, 1, 0, 0, 1 / 1) },
    ]);
    // 06-30: members 04-05, 05-05, 06-05 due; supervision@06-30 is due on T and not done (counted
    // as due, neither late nor overdue); office-monthly 01-10 … 06-10: 1 on time, 5 overdue
    expect(rates('2024-06-30')).toEqual([
      { unit: EDUCATION, ...counts(3, 0, 1, 2, 0 / 3), reports: counts(3, 0, 1, 2, 0 / 3) },
      { unit: OFFICE, ...counts(2 + 6, 1 + 1, 0, 0 + 5, 2 / 8), reports: counts(6, 1, 0, 5, 1 / 6) },
      { unit: HEALTH, ...counts(3, 1, 1, 1, 1 / 3), reports: counts(3, 1, 1, 1, 1 / 3) },
      // task 1 (due 12-31) is not due yet
      { unit: MARKET, ...counts(3, 2, 0, 1, 2 / 3), reports: counts(3, 2, 0, 1, 2 / 3) },
    ]);
  });

  it('a multi-owner occurrence never shows done while an owner has no record', () => {
    for (const asOf of ['2024-04-04', '2024-04-30', '2024-05-05', '2024-05-20', '2024-06-30', '2024-12-31']) {
      const rows = rowsAt(asOf);
      for (const line of groupDeadlineRows(rows)) {
        const owners = rows.filter((r) => r.ref === line.row.ref);
        if (owners.some((r) => r.status !== 'done')) expect(line.row.status, `${line.row.ref} at ${asOf}`).not.toBe('done');
        if (line.row.occurrence)
          expect(line.row.occurrence.missing).toEqual(
            owners
              .filter((r) => r.status !== 'done')
              .map((r) => r.owner)
              .sort((a, b) => line.row.occurrence!.missing.indexOf(a) - line.row.occurrence!.missing.indexOf(b)),
          );
      }
    }
  });
});

// in process (runCli), but for the deadlines table: the built binary end to end
describe('duties through the CLI', () => {
  const json = async (args: string[], tz: string) => {
    const result = await runCliInZone(tz, [...args, relativeFolder, '--format', 'json', '--no-config']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    return JSON.parse(result.stdout) as {
      summary: { units: { unit: string; on_time_rate: number | null }[] };
      deadlines: { ref: string; kind: string; owner: string; status: string; late: boolean; days_left: number }[];
    };
  };

  it.each(timezones)('status --format json keeps one entry per owner, and the rates, under TZ=%s', async (tz) => {
    const data = await json(['status', '--as-of', '2024-06-30'], tz);
    const entries = data.deadlines
      .filter((d) => d.ref === refOf('members', '2024-04-05'))
      .map((d) => [d.owner, d.status, d.late, d.days_left]);
    // 96 − 182 = −86
    expect(entries).toEqual([
      [EDUCATION, 'overdue', false, -86],
      [MARKET, 'done', false, -86],
      [HEALTH, 'done', true, -86],
    ]);
    expect(data.deadlines.find((d) => d.ref === refOf('supervision', '2024-06-30'))).toMatchObject({
      kind: 'activity',
      owner: OFFICE,
      status: 'due_soon',
      days_left: 0,
    });
    // nothing of the members' duty before the plan was issued
    expect(data.deadlines.filter((d) => d.ref.startsWith('duty-2024:duty/members@') && d.ref < refOf('members', '2024-04-01'))).toEqual([]);
    expect(data.summary.units.map((u) => [u.unit, u.on_time_rate])).toEqual([
      [EDUCATION, 0 / 3],
      [OFFICE, 2 / 8],
      [HEALTH, 1 / 3],
      [MARKET, 2 / 3],
    ]);
    // CSV: one row per owner too, the owner in its own column
    const csv = (await runCliInZone(tz, ['deadlines', relativeFolder, '--format', 'csv', '--all', '--no-config', '--as-of', '2024-06-30']))
      .stdout;
    expect(
      csv
        .split('\r\n')
        .filter((line) => line.startsWith(`${refOf('members', '2024-04-05')},`))
        .map((line) => line.split(',')[4]),
    ).toEqual([EDUCATION, MARKET, HEALTH]);
  });

  it('deadlines and status tables give a multi-owner occurrence one line naming who has not reported', async () => {
    const table = runBin(['deadlines', relativeFolder, '--no-config', '--as-of', '2024-04-30', '--lang', 'zh-CN']).stdout;
    // 04-05: 2 of 3 submitted (one late), 区教体局 missing; 05-05: nobody yet
    // done rows are hidden by default: 04-05 shows its one missing owner, the count says the rest
    expect(table).toMatch(
      /报送 │ 报送工作进展 *│ 区教体局 *│ 2024-04-05 │ -25 *│ 已逾期 *│ 红 *│\n.*│ 2\/3 已报送，未报：区教体局 *│ *│\n.*│ 其中逾期 1 个 *│ *│/,
    );
    expect(table).toMatch(
      /报送 │ 报送工作进展 *│ 3 个单位 *│ 2024-05-05 │ 5 *│ 即将到期 *│ 黄 *│\n.*│ 0\/3 已报送，未报：区市场监管局、区 *│ *│\n.*│ 卫健局、区教体局 *│ *│/,
    );
    // one line per occurrence: 9 occurrences of the members' duty, 8 of them with all three open
    expect(table.match(/报送工作进展/g)).toHaveLength(9);
    expect(table.match(/3 个单位/g)).toHaveLength(8);
    const md = (await runCli(['deadlines', relativeFolder, '--no-config', '--as-of', '2024-04-30', '--lang', 'zh-CN', '--format', 'md']))
      .stdout;
    expect(md).toContain('| 报送 | 报送工作进展 | 区教体局 | 2024-04-05 | -25 | 已逾期 2/3 已报送，未报：区教体局，其中逾期 1 个 |');
    const status = (await runCli(['status', relativeFolder, '--no-config', '--as-of', '2024-04-30', '--lang', 'en'])).stdout;
    expect(status).toMatch(/│ 2\/3 submitted; not yet: 区教体局 *│ *│\n.*│ 1 late *│ *│/);
    expect(status).toContain('On time by unit');
    // English labels of an activity: carried out
    const all = (await runCli(['deadlines', relativeFolder, '--all', '--no-config', '--as-of', '2024-04-30', '--lang', 'en'])).stdout;
    expect(all).toMatch(/activity\s*│ 包保干部开展督导\s*│ 区食药安办\s*│ 2024-03-31 │ -30\s*│ carried out/);
  });

  it("explain shows where occurrences start and each owner's state", async () => {
    const result = await runCli([
      'explain',
      refOf('members', '2024-04-05'),
      relativeFolder,
      '--no-config',
      '--as-of',
      '2024-04-30',
      '--lang',
      'en',
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      'Occurrences count from 2024-03-15, the date the plan was issued (later than the period start 2024-01-01); the first falls due 2024-04-05.',
    );
    expect(result.stdout).toContain(`${MARKET}: submitted 2024-04-03 (${relativeFolder}/a-market.actuals.yaml:5)`);
    expect(result.stdout).toContain(`${HEALTH}: submitted 2024-04-09 (late) (${relativeFolder}/b-members.actuals.yaml:4)`);
    expect(result.stdout).toContain(`${EDUCATION}: nothing recorded on or before 2024-04-30: overdue`);
    const own = await runCli([
      'explain',
      'duty/office-monthly@2024-02-10',
      relativeFolder,
      '--no-config',
      '--as-of',
      '2024-04-30',
      '--lang',
      'zh-CN',
    ]);
    expect(own.stdout).toContain('自该事项的开始日期 2024-01-01 起计算；第一次截止于 2024-01-10。');
  });
});

describe('duty records without a units registry', () => {
  it('match an owner however its brackets are typed (NFKC), and never count for another unit', () => {
    const p = project({
      'p.plan.yaml': `format: plan/1
id: p
title: 无名册
period: { start: 2024-01-01, end: 2024-12-31 }
duties:
  - { id: m, title: 报送, owner: [区发改局（农业农村局）, 区卫健局], every: quarter, day: 10 }
`,
      'p.actuals.yaml': `format: actuals/1
plan: p
duties:
  - { duty: m, due: 2024-01-10, date: 2024-01-08, reported_by: 区发改局(农业农村局) }
  - { duty: m, due: 2024-01-10, date: 2024-01-09, reported_by: 区卫生局 }
`,
    });
    expect(p.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(['not-duty-owner@5:64']);
    const rows = evaluateProject(p, day('2024-01-31'), 14)
      .deadlines.map(toDeadlineRow)
      .filter((r) => r.ref === 'p:duty/m@2024-01-10');
    // the first record completes the first owner's deadline on time; 区卫健局 has none: 10 − 31 = −21
    expect(rows.map((r) => [r.owner, r.status, r.late, r.days_left])).toEqual([
      ['区卫健局', 'overdue', false, -21],
      ['区发改局（农业农村局）', 'done', false, -21],
    ]);
  });
});
