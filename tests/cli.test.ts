// End-to-end: the built binary on a small plan whose figures are computed by hand, in three
// timezones and at several as-of dates. Expected numbers come from exact fractions:
//   R(sampling) = 3.5 × 542857 / 1000 = 3799999/2000 = 1899.9995
//   E(sampling, 2024-06-30) = R × 182/366 = 944.8084945355191;  (2024-09-30) = R × 274/366 = 1422.4039972677595
//   A(recheck) = (47 + 30)/(50 + 40) × 100 = 770/9 = 85.5555…;  E(recheck) = R = 95 from the start (contract v2:
//   a percentage target is a level by default; v1 paced it, 95 × 182/366 = 47.24, and called it on track)
//   lag(recheck) = (95 − 770/9)/95 × 100 = 1700/171 = 9.9415…  → behind, yellow (0 < lag ≤ 30)
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { repoRoot, runBin, runCli, runCliInZone as runInZone, timezones } from './helpers.js';

const demo = path.join('tests', 'fixtures', 'cli');

// The case tables run in this process (runCli); one test per command spawns the built binary
// (runBin) end to end: the Chinese meeting view (status), control characters (gaps), --within
// (deadlines), the per-capita arithmetic (explain), the shipped examples (validate), and one
// usage error.

interface JsonTarget {
  ref: string;
  required: number;
  expected: number | null;
  lag: number | null;
  light: string;
  actual: number | null;
  gap: number | null;
  progress: number | null;
  status: string;
}
interface JsonDeadline {
  ref: string;
  kind: string;
  due: string;
  days_left: number;
  status: string;
  late: boolean;
  light: string;
}

async function statusJson(asOf: string, tz: string) {
  const result = await runInZone(tz, ['status', demo, '--format', 'json', '--as-of', asOf]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  const data = JSON.parse(result.stdout) as {
    as_of: string;
    summary: Record<string, unknown>;
    targets: JsonTarget[];
    deadlines: JsonDeadline[];
  };
  const target = (ref: string) => data.targets.find((t) => t.ref === `demo-2024:${ref}`)!;
  const deadline = (ref: string) => data.deadlines.find((d) => d.ref === `demo-2024:${ref}`)!;
  return { data, target, deadline };
}

describe.each(timezones)('status --format json under TZ=%s', (tz) => {
  it('at 2024-06-30 matches the hand computation', async () => {
    const { data, target, deadline } = await statusJson('2024-06-30', tz);
    expect(data.as_of).toBe('2024-06-30');
    const { units, ...counts } = data.summary;
    // lights: sampling on track → green; recheck lag 1700/171 → yellow; accidents met → green;
    // training lag (2 − 1)/2 × 100 = 50 > 30 → red; canteens no data → grey
    // deadlines: 3 tasks + 1 phase + the monthly report 02-10 … 12-10 (11) = 15; done: reports
    // 02, 03, 04 and the phase = 4; overdue: reports 05-10, 06-10 = 2; due soon: task 2 (06-30,
    // 0 days) and report 07-10 (10 ≤ 14 days) = 2; upcoming: reports 08 … 12 (5) + tasks 1, 3 = 7
    expect(counts).toEqual({
      targets: 5,
      met: 1,
      on_track: 1,
      behind: 2,
      missed: 0,
      breached: 0,
      no_data: 1,
      not_started: 0,
      lights: { red: 1, yellow: 1, green: 2, grey: 1 },
      deadlines: 3 + 1 + 11,
      done: 3 + 1,
      overdue: 2,
      due_soon: 2,
      upcoming: 5 + 2,
    });
    // on-time rates per unit, deadlines due ≤ T = 06-30:
    //   区卫健局 leads task 2 (due 06-30, done 07-20 after T): 1 due, not done, not overdue (due = T) → 0/1
    //   区食药安办 owns the monthly report from 02-01: 02-10 on time (02-09), 03-10 late (03-11),
    //   04-10 on time (04-10), 05-10 and 06-10 overdue → 2/5 = 0.4
    //   区市场监管局 (task 1) and 区教育局 (task 3) are due 12-31: nothing due yet → null, listed last
    const none = { due_so_far: 0, on_time: 0, late: 0, overdue: 0, on_time_rate: null };
    const office = { due_so_far: 5, on_time: 2, late: 1, overdue: 2, on_time_rate: 2 / 5 };
    // newest figure per owning unit at T (stale_days 45), rows dated after T ignored:
    //   区卫健局 owns 2/accidents (06-30) and 2/training (03-01: 121 days before T > 45 → stale)
    //   区食药安办 owns no target; 区市场监管局 owns 1/sampling and 1/recheck (06-30; the CSV's
    //   09-30 is after T); 区教育局 owns 3/canteens, whose only row (09-30) is after T → null
    expect(units).toEqual([
      {
        unit: '区卫健局',
        due_so_far: 1,
        on_time: 0,
        late: 0,
        overdue: 0,
        on_time_rate: 0 / 1,
        reports: none,
        targets: 2,
        latest_as_of: '2024-06-30',
        stale_targets: 1,
      },
      { unit: '区食药安办', ...office, reports: office, targets: 0, latest_as_of: null, stale_targets: 0 },
      { unit: '区市场监管局', ...none, reports: none, targets: 2, latest_as_of: '2024-06-30', stale_targets: 0 },
      { unit: '区教育局', ...none, reports: none, targets: 1, latest_as_of: null, stale_targets: 0 },
    ]);
    const sampling = target('1/sampling');
    expect(String(sampling.required)).toBe('1899.9995');
    expect(sampling.expected).toBeCloseTo(944.8084945355191, 9);
    expect(sampling).toMatchObject({ actual: 1020, status: 'on_track' });
    expect(String(sampling.gap)).toBe('879.9995');
    expect(sampling.progress).toBeCloseTo(1020 / 1899.9995, 12);
    const recheck = target('1/recheck');
    expect(recheck.actual).toBeCloseTo(85.55555555555556, 9);
    expect(recheck.expected).toBe(95);
    expect(recheck.gap).toBeCloseTo(85 / 9, 9);
    expect(recheck.lag).toBeCloseTo(1700 / 171, 9);
    expect(recheck).toMatchObject({ status: 'behind', light: 'yellow' });
    // sampling: lag = (E − A)/R × 100 = (944.8084945… − 1020)/1899.9995 × 100 < 0 (ahead) → green
    expect(sampling.lag).toBeCloseTo((((3799999 / 2000) * (182 / 366) - 1020) / (3799999 / 2000)) * 100, 9);
    expect(sampling.light).toBe('green');
    // a limit: no expected pace, progress undefined where R = 0
    expect(target('2/accidents')).toMatchObject({ required: 0, expected: null, actual: 0, gap: 0, progress: null, status: 'met' });
    // at_due on its due day: E = R = 2; only the March row counts (the July row is after T)
    expect(target('2/training')).toMatchObject({
      required: 2,
      expected: 2,
      actual: 1,
      gap: 1,
      progress: 0.5,
      lag: 50,
      status: 'behind',
      light: 'red',
    });
    // the CSV row is dated 2024-09-30, after T: no data, but a linear E = 10 × 182/366
    const canteens = target('3/canteens');
    expect(canteens).toMatchObject({ actual: null, gap: null, progress: null, status: 'no_data' });
    expect(canteens.expected).toBeCloseTo(4.972677595628415, 9);

    expect(deadline('phase/mobilize')).toMatchObject({ status: 'done', late: true, days_left: -122 });
    expect(deadline('task/2')).toMatchObject({ due: '2024-06-30', status: 'due_soon', days_left: 0 });
    expect(deadline('task/1')).toMatchObject({ status: 'upcoming', days_left: 184 });
    expect(deadline('duty/monthly@2024-02-10')).toMatchObject({ status: 'done', late: false });
    expect(deadline('duty/monthly@2024-03-10')).toMatchObject({ status: 'done', late: true });
    expect(deadline('duty/monthly@2024-04-10')).toMatchObject({ status: 'done', late: false });
    expect(deadline('duty/monthly@2024-05-10')).toMatchObject({ status: 'overdue', days_left: -51, light: 'red' });
    expect(deadline('duty/monthly@2024-07-10')).toMatchObject({ status: 'due_soon', days_left: 10, light: 'yellow' });
    expect(deadline('duty/monthly@2024-08-10')).toMatchObject({ status: 'upcoming', days_left: 41, light: 'green' });
    expect(deadline('phase/mobilize').light).toBe('green');
    expect(data.deadlines.filter((d) => d.kind === 'report')).toHaveLength(11);
    // overdue first
    expect(data.deadlines[0]!.status).toBe('overdue');
  });

  it('at 2024-09-30 takes the later CSV row (full-width digits) and the summed training', async () => {
    const { target, deadline } = await statusJson('2024-09-30', tz);
    const sampling = target('1/sampling');
    expect(sampling.actual).toBe(1500);
    expect(sampling.expected).toBeCloseTo(1422.4039972677595, 9);
    expect(String(sampling.gap)).toBe('399.9995');
    expect(sampling.status).toBe('on_track');
    expect(target('2/training')).toMatchObject({ actual: 2, gap: 0, status: 'met' });
    expect(target('3/canteens')).toMatchObject({ actual: 11, status: 'met' });
    expect(deadline('task/2')).toMatchObject({ status: 'done', late: true });
  });

  it('after the period, unmet targets are missed', async () => {
    const { target } = await statusJson('2025-01-05', tz);
    expect(target('1/sampling')).toMatchObject({ actual: 1500, status: 'missed' });
    expect(target('1/recheck').status).toBe('missed');
  });
});

describe('the same output whatever the machine timezone', () => {
  it.each(['status', 'gaps', 'deadlines'])('%s table is byte-identical in three timezones', async (command) => {
    const outputs: string[] = [];
    for (const tz of timezones) outputs.push((await runInZone(tz, [command, demo, '--as-of', '2024-06-30'])).stdout);
    expect(outputs[0]!.length).toBeGreaterThan(100);
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  });

  it('"today" comes from the configured timezone, not the machine', async () => {
    // --timezone decides the date. Pacific/Kiritimati (UTC+14) and Pacific/Pago_Pago (UTC−11) are 25 hours
    // apart, so they are one calendar day apart for 23 hours of each UTC day and two days apart for the other
    // hour: the expected dates are worked out for the instant of the run (before and after, in case a
    // midnight falls between), never assumed.
    const dateIn = (timeZone: string, at: Date) =>
      new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
    for (const timeZone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'UTC']) {
      const before = dateIn(timeZone, new Date());
      const asOf = JSON.parse(
        (await runInZone('America/Los_Angeles', ['status', demo, '--format', 'json', '--no-config', '--timezone', timeZone])).stdout,
      ).as_of;
      const after = dateIn(timeZone, new Date());
      expect([before, after]).toContain(asOf);
    }
  });
});

describe('the meeting view', () => {
  it('prints a Chinese table for Chinese plans, aligned, without escape sequences', () => {
    const result = runBin(['status', demo, '--as-of', '2024-06-30'], { env: { LANG: 'C.UTF-8' } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('截至 2024-06-30 工作进展');
    expect(result.stdout).toContain('滞后');
    expect(result.stdout).not.toContain('\u001b');
    expect(result.stdout).toMatchSnapshot();
  });

  it('speaks English with --lang en', async () => {
    const result = await runCli(['status', demo, '--as-of', '2024-06-30', '--lang', 'en']);
    expect(result.stdout).toContain('Status as of 2024-06-30');
    expect(result.stdout).toContain('behind');
    expect(result.stdout).not.toMatch(/滞后|需要关注/);
  });

  it('filters by owner: what the unit answers for by default, supported tasks with --role support|any, aliases', async () => {
    const rows = async (owner: string, extra: string[] = []) =>
      (
        JSON.parse((await runCli(['gaps', demo, '--format', 'json', '--as-of', '2024-06-30', '--owner', owner, ...extra])).stdout)
          .targets as JsonTarget[]
      )
        .map((t) => t.ref)
        .sort();
    // 区卫健局 leads task 2 (owning its targets) and only supports task 1
    expect(await rows('区卫健局')).toEqual(['demo-2024:2/accidents', 'demo-2024:2/training']);
    expect(await rows('区卫健局', ['--role', 'lead'])).toEqual(['demo-2024:2/accidents', 'demo-2024:2/training']);
    expect(await rows('区卫健局', ['--role', 'support'])).toEqual(['demo-2024:1/recheck', 'demo-2024:1/sampling']);
    expect(await rows('区卫健局', ['--role', 'any'])).toEqual([
      'demo-2024:1/recheck',
      'demo-2024:1/sampling',
      'demo-2024:2/accidents',
      'demo-2024:2/training',
    ]);
    const deadlines = JSON.parse(
      (await runCli(['deadlines', demo, '--format', 'json', '--as-of', '2024-06-30', '--owner', '食药安办'])).stdout,
    ).deadlines as JsonDeadline[];
    expect(deadlines.length).toBeGreaterThan(0);
    expect(deadlines.every((d) => d.kind === 'report')).toBe(true);
  });

  it('colours only when asked: FORCE_COLOR on, NO_COLOR and --no-color off', async () => {
    expect((await runCli(['status', demo, '--as-of', '2024-06-30'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } })).stdout).toContain(
      '\u001b[',
    );
    expect((await runCli(['status', demo, '--as-of', '2024-06-30'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stdout).not.toContain(
      '\u001b[',
    );
    expect(
      (await runCli(['status', demo, '--as-of', '2024-06-30', '--no-color'], { env: { FORCE_COLOR: '1', NO_COLOR: '' } })).stdout,
    ).not.toContain('\u001b[');
  });

  it('never lets control characters from a title reach the terminal', () => {
    const result = runBin(['gaps', demo, '--as-of', '2024-06-30'], { env: { FORCE_COLOR: '0' } });
    expect(result.stdout).toContain('\\u001b[31m红色');
    expect(result.stdout).not.toContain('\u001b');
  });

  it('--fail-on exits 1 when a listed status is present, 0 otherwise', async () => {
    expect((await runCli(['status', demo, '--as-of', '2024-06-30', '--fail-on', 'behind'])).status).toBe(1);
    expect((await runCli(['status', demo, '--as-of', '2024-06-30', '--fail-on', 'missed,breached'])).status).toBe(0);
    expect((await runCli(['deadlines', demo, '--as-of', '2024-06-30', '--fail-on', 'overdue'])).status).toBe(1);
    expect((await runCli(['gaps', demo, '--as-of', '2024-06-30', '--fail-on', 'nonsense'])).status).toBe(2);
  });

  it('deadlines --within lists what is not done and due within the days, overdue first', () => {
    const result = runBin(['deadlines', demo, '--as-of', '2024-06-30', '--within', '10', '--format', 'json']);
    const rows = JSON.parse(result.stdout).deadlines as JsonDeadline[];
    expect(rows.map((d) => `${d.ref}:${d.status}`)).toEqual([
      'demo-2024:duty/monthly@2024-05-10:overdue',
      'demo-2024:duty/monthly@2024-06-10:overdue',
      'demo-2024:task/2:due_soon',
      'demo-2024:duty/monthly@2024-07-10:due_soon',
    ]);
  });

  it('explain shows the arithmetic of a per-capita target', async () => {
    const result = runBin(['explain', 'demo-2024:1/sampling', demo, '--as-of', '2024-06-30', '--lang', 'en']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Required R = 3.5 × population 542857 ÷ 1000 = 1899.9995 批次');
    expect(result.stdout).toContain('182 days have elapsed');
    expect(result.stdout).toContain('E = R × 182/366 = ≈944.8085');
    expect(result.stdout).toContain('区市场监管局  2024-06-30  1020');
    expect(result.stdout).toContain('Gap = max(R − A, 0) = 879.9995');
    expect(result.stdout).toContain('on track');
    const deadline = await runCli(['explain', 'duty/monthly@2024-03-10', demo, '--as-of', '2024-06-30', '--lang', 'en']);
    expect(deadline.stdout).toContain('区食药安办: submitted 2024-03-11 (late)');
    expect((await runCli(['explain', 'nothing/here', demo, '--as-of', '2024-06-30'])).status).toBe(2);
  });
});

describe('validate', () => {
  it('checks the shipped examples and says how much it checked', () => {
    const result = runBin(['validate', 'examples', '--lang', 'en']);
    expect(result.status).toBe(0);
    // the hand counts in tests/fixtures/inventory: tasks 15 + 11 + 39 + 26 + 27 + 17 = 135;
    // targets under tasks 19 + 1 + 30 + 0 + 9 + 2 = 61, plus plan-level targets 2 (district) + 1 (zhengzhou) = 64
    expect(result.stdout).toMatch(/Checked 6 plans, 135 tasks, 64 targets, 12 actuals files \(\d+ rows\): no problems\./);
  });

  it('runs with no arguments from plan-check.yaml at the repository root', async () => {
    const result = await runCli(['status', '--format', 'json'], { cwd: repoRoot });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).as_of).toBe('2024-09-30');
  });
});

describe('usage errors and internal errors', () => {
  it.each([
    [['status', demo, '--as-of', '2024-02-30']],
    [['status', demo, '--as-of', 'tomorrow']],
    [['status', 'no/such/folder']],
    [['validate', 'tests/fixtures/inventory', '--no-config']],
    [['nonsense']],
    [['gaps', demo, '--format', 'xlsx']],
    [['status', demo, '--plan', 'no-such-plan']],
    [['status', demo, '--owner', '不存在的单位']],
  ])('%j exits 2 with a one-line message and no stack trace', async (args) => {
    const result = await runCli(args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr.trim().length).toBeGreaterThan(0);
  });

  it('the built binary: a usage error exits 2 with a one-line message and no stack trace', () => {
    const result = runBin(['status', demo, '--as-of', '2024-02-30']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr.trim().length).toBeGreaterThan(0);
  });

  it('status on invalid input exits 1, prints the errors and no report', async () => {
    const result = await runCli(['status', 'tests/fixtures/cli-invalid', '--as-of', '2024-06-30', '--lang', 'en']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('tests/fixtures/cli-invalid/broken.plan.yaml:4:35  error  invalid-date');
  });

  it('a broken plan-check.yaml is invalid input with its own line and column', async () => {
    const result = await runCli([
      'status',
      demo,
      '--as-of',
      '2024-06-30',
      '--config',
      'tests/fixtures/cli/broken-config.yaml',
      '--lang',
      'en',
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('tests/fixtures/cli/broken-config.yaml:1:12  error  wrong-type');
  });
});
