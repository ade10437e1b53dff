// The shipped meeting view: `plan-check status` at the repository root (as_of 2024-09-30 from
// plan-check.yaml) shows every kind contract v2 added, on the sample data of the 2024 district plan
// (in process, runCli: the shipped view through the built binary is in cli.test.ts).
// Hand arithmetic: the plan runs 2024-01-01..2024-12-31 (366 days); on 2024-09-30, 274 days have
// elapsed (31+29+31+30+31+30+31+31+30), so f = 274/366 for every linear target.
//   level, below its floor: 4/recheck-rate A = 47/50 = 94%, E = R = 100 → lag = (100 − 94)/100 × 100 = 6 → yellow
//   level, red: 1/baobao-rectification A = 212/305 × 100 = 69.508…, lag = 100 − 21200/305 = 30.49… > 30 → red
//   linear, red: 4/device-sampling E = 27 × 274/366 = 20.213…, A = 10 → lag = (E − 10)/27 × 100 = 37.83… → red
//   each, one unit lagging: 1/baobao-supervision (linear, R = 100%): E = 100 × 274/366 = 74.863…;
//     区食药安办 A = 90/100 = 90 → lag = 74.863 − 90 = −15.14 → on_track, green;
//     各街道 A = 1010/1800 × 100 = 56.11 → lag = 74.863 − 56.11 = 18.75 → behind, yellow;
//     the target: worst status (behind), reddest light (yellow), no actual of its own
//   green: 4/sentinel-sites A = 22 ≥ R = 22 → met
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, runCliInZone, timezones } from './helpers.js';

interface Unit {
  unit: string;
  status: string;
  light: string;
  actual: number | null;
  expected: number | null;
  lag: number | null;
}
interface Target {
  ref: string;
  status: string;
  light: string;
  progress_kind: string | null;
  actual: number | null;
  expected: number | null;
  lag: number | null;
  units?: Unit[];
}

const plan = 'district-2024-food-drug';
const f = 274 / 366;

describe.each(timezones)('shipped meeting view in TZ=%s', (tz) => {
  let result = { status: null as number | null, stdout: '' };
  let report = { as_of: '', targets: [] as Target[] };
  beforeAll(async () => {
    result = await runCliInZone(tz, ['status', '--format', 'json']);
    report = JSON.parse(result.stdout) as typeof report;
  });
  const target = (ref: string) => {
    const found = report.targets.find((t) => t.ref === `${plan}:${ref}`);
    if (!found) throw new Error(`${ref} is not in the meeting view`);
    return found;
  };

  it('is taken at the pinned date', () => {
    expect(result.status).toBe(0);
    expect(report.as_of).toBe('2024-09-30');
  });

  it('shows a level target below its floor (yellow) and one more than 30 points below (red)', () => {
    const recheck = target('4/recheck-rate');
    expect(recheck).toMatchObject({ progress_kind: 'level', status: 'behind', light: 'yellow', actual: 94, expected: 100 });
    expect(recheck.lag).toBeCloseTo(((100 - 94) / 100) * 100, 9);
    const rectification = target('1/baobao-rectification');
    expect(rectification).toMatchObject({ progress_kind: 'level', status: 'behind', light: 'red', expected: 100 });
    expect(rectification.actual).toBeCloseTo((212 / 305) * 100, 9);
    expect(rectification.lag).toBeCloseTo(100 - (212 / 305) * 100, 9);
  });

  it('shows a count more than 30 points behind the pace as red', () => {
    const device = target('4/device-sampling');
    expect(device).toMatchObject({ progress_kind: 'linear', status: 'behind', light: 'red', actual: 10 });
    expect(device.expected).toBeCloseTo(27 * f, 9);
    expect(device.lag).toBeCloseTo(((27 * f - 10) / 27) * 100, 9);
  });

  it('shows an each target with one unit lagging and one on track', () => {
    const supervision = target('1/baobao-supervision');
    expect(supervision).toMatchObject({ status: 'behind', light: 'yellow', actual: null, lag: null });
    const units = new Map(supervision.units!.map((u) => [u.unit, u]));
    expect(units.get('区食药安办')).toMatchObject({ status: 'on_track', light: 'green', actual: 90 });
    expect(units.get('区食药安办')!.lag).toBeCloseTo(100 * f - 90, 9);
    expect(units.get('各街道')).toMatchObject({ status: 'behind', light: 'yellow' });
    expect(units.get('各街道')!.actual).toBeCloseTo((1010 / 1800) * 100, 9);
    expect(units.get('各街道')!.lag).toBeCloseTo(100 * f - (1010 / 1800) * 100, 9);
  });

  it('shows met targets as green', () => {
    expect(target('4/sentinel-sites')).toMatchObject({ status: 'met', light: 'green', actual: 22 });
    expect(target('no-major-incident')).toMatchObject({ status: 'met', light: 'green', actual: 0 });
  });
});

interface Deadline {
  ref: string;
  kind: string;
  owner: string | null;
  due: string;
  days_left: number;
  status: string;
  late?: boolean;
  light: string;
}
interface UnitRate {
  unit: string;
  due_so_far: number;
  on_time: number;
  late: number;
  overdue: number;
  on_time_rate: number | null;
}

// The one duty of the 2024 district plan: 包保督导 each quarter (kind: activity, every: quarter, month: 3,
// day: 31), owners 区食药安办 and 各街道; occurrences fall due 03-31, 06-30, 09-30 and 12-31.
//   09-30 = T: 区食药安办 recorded 09-26 → done; 各街道 has no record → due_soon (days_left = 0 ≤ warn_days 14),
//     yellow: the meeting view's one line for the occurrence says 1/2 carried out, 各街道 not yet
//   per unit, deadlines due ≤ T (03-31, 06-30, 09-30), --plan district-2024-food-drug:
//     各街道: 03-29 on time, 07-05 late (after 06-30), 09-30 open but not overdue (due = T)
//       → on_time 1, late 1, overdue 0, rate 1/3
//     区食药安办: 03-28, 06-27, 09-26, all on time → 3/3 = 1
describe.each(timezones)('the shipped meeting view: a multi-owner duty with a missing unit in TZ=%s', (tz) => {
  const ref = 'district-2024-food-drug:duty/quarterly-supervision@2024-09-30';
  let deadlines: Deadline[] = [];
  let units: UnitRate[] = [];
  let table = '';
  beforeAll(async () => {
    deadlines = (JSON.parse((await runCliInZone(tz, ['status', '--format', 'json'])).stdout) as { deadlines: Deadline[] }).deadlines;
    const district = await runCliInZone(tz, ['status', '--format', 'json', '--plan', 'district-2024-food-drug']);
    units = (JSON.parse(district.stdout) as { summary: { units: UnitRate[] } }).summary.units;
    table = (await runCliInZone(tz, ['status', '--lang', 'en'])).stdout;
  });

  it('lists the occurrence due on T once per owner: 区食药安办 done, 各街道 due soon', () => {
    expect(
      deadlines
        .filter((d) => d.ref === ref)
        .map((d) => [d.owner, d.kind, d.status, d.days_left, d.light])
        .sort(),
    ).toEqual(
      [
        ['区食药安办', 'activity', 'done', 0, 'green'],
        ['各街道', 'activity', 'due_soon', 0, 'yellow'],
      ].sort(),
    );
  });

  it('shows it in the table as one line naming the unit that has not reported', () => {
    expect(table).toMatch(
      /│ 开展包保督导（每季度一次） +│ 各街道 +│ 2024-09-30 │ 0 +│ due soon +│ yellow +│\n.*│ 1\/2 carried out; not yet: 各街道 +│/,
    );
  });

  it('rates each owner on the deadlines due so far: 各街道 1 of 3 on time, 区食药安办 3 of 3', () => {
    expect(units.find((u) => u.unit === '各街道')).toMatchObject({ due_so_far: 3, on_time: 1, late: 1, overdue: 0 });
    expect(units.find((u) => u.unit === '各街道')!.on_time_rate).toBeCloseTo(1 / 3, 12);
    expect(units.find((u) => u.unit === '区食药安办')).toMatchObject({
      due_so_far: 3,
      on_time: 3,
      late: 0,
      overdue: 0,
      on_time_rate: 3 / 3,
    });
  });
});

// The same kind in an ended plan, at a date inside its period (--as-of overrides as_of): huyi 2022.
// 2022-09-30: the duty falls due on the 10th of each month from issued (2022-05-13) on: 06-10 … 09-10 are past.
//   monthly-groups@2022-09-10: 新闻宣传组 recorded 09-08 → done; 督查组 has no record → overdue,
//     days_left = 2022-09-10 − 2022-09-30 = −20, red
//   monthly-food@2022-08-10: recorded 08-12 → done, late (two days after due), green
describe.each(timezones)('a multi-owner duty with a missing unit in TZ=%s', (tz) => {
  let result = { status: null as number | null, stdout: '' };
  let deadlines: Deadline[] = [];
  beforeAll(async () => {
    result = await runCliInZone(tz, ['deadlines', '--all', '--as-of', '2022-09-30', '--plan', 'huyi-2022-food-drug', '--format', 'json']);
    deadlines = (JSON.parse(result.stdout) as { deadlines: Deadline[] }).deadlines;
  });
  const occurrence = (ref: string) => deadlines.filter((d) => d.ref === `huyi-2022-food-drug:${ref}`);

  it('lists one deadline per owner: the one that reported is done, the other overdue', () => {
    expect(result.status).toBe(0);
    const groups = occurrence('duty/monthly-groups@2022-09-10');
    expect(groups.map((d) => [d.owner, d.status, d.light, d.days_left]).sort()).toEqual([
      ['新闻宣传组', 'done', 'green', -20],
      ['督查组', 'overdue', 'red', -20],
    ]);
  });

  it('counts the months from the issue date: the first monthly occurrence is 06-10, not 05-10', () => {
    expect(occurrence('duty/monthly-food@2022-05-10')).toEqual([]);
    expect(occurrence('duty/monthly-food@2022-06-10')).toHaveLength(1);
    expect(occurrence('duty/monthly-food@2022-08-10')[0]).toMatchObject({ status: 'done', late: true, light: 'green' });
  });
});

describe('on-time rates per unit in the shipped meeting view', () => {
  // jiuquan-2018 ended 2020-12-31: its lead 市编办 has two task deadlines due by then (tasks led
  // in the plan), so the JSON summary, which covers every selected plan, counts them; the table
  // shows ended plans as one line each and so leaves their units out, unless --all asks for detail
  it('JSON counts every selected plan; the table only the plans it shows in detail', async () => {
    const data = JSON.parse((await runCli(['status', '--format', 'json'])).stdout) as {
      summary: { units: { unit: string; due_so_far: number }[] };
    };
    expect(data.summary.units.find((u) => u.unit === '市编办')?.due_so_far).toBe(2);
    expect((await runCli(['status', '--lang', 'en'])).stdout).not.toContain('市编办');
    expect((await runCli(['status', '--lang', 'en', '--all'])).stdout).toMatch(/│ 市编办 +│ 2 +│/);
  });
});
