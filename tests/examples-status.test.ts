// The shipped meeting view: `plan-check status` at the repository root (as_of 2024-09-30 from
// plan-check.yaml) shows every kind contract v2 added, on the sample data of the 2024 district plan.
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
import { describe, expect, it } from 'vitest';
import { runBin, timezones } from './helpers.js';

interface Unit { unit: string; status: string; light: string; actual: number | null; expected: number | null; lag: number | null }
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
  const result = runBin(['status', '--format', 'json'], { env: { TZ: tz } });
  const report = JSON.parse(result.stdout) as { as_of: string; targets: Target[] };
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

// The 2024 district text sets no dated duty (no 每月…前报, no 每季度开展), so the pinned view has none;
// a multi-owner duty is shown at a date inside the huyi plan's period instead (--as-of overrides as_of).
// 2022-09-30: the duty falls due on the 10th of each month from issued (2022-05-13) on: 06-10 … 09-10 are past.
//   monthly-groups@2022-09-10: 新闻宣传组 recorded 09-08 → done; 督查组 has no record → overdue,
//     days_left = 2022-09-10 − 2022-09-30 = −20, red
//   monthly-food@2022-08-10: recorded 08-12 → done, late (two days after due), green
interface Deadline { ref: string; kind: string; owner: string | null; due: string; days_left: number; status: string; late?: boolean; light: string }

describe.each(timezones)('a multi-owner duty with a missing unit in TZ=%s', (tz) => {
  const result = runBin(['deadlines', '--all', '--as-of', '2022-09-30', '--plan', 'huyi-2022-food-drug', '--format', 'json'], { env: { TZ: tz } });
  const deadlines = (JSON.parse(result.stdout) as { deadlines: Deadline[] }).deadlines;
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
  it('JSON counts every selected plan; the table only the plans it shows in detail', () => {
    const data = JSON.parse(runBin(['status', '--format', 'json']).stdout) as { summary: { units: { unit: string; due_so_far: number }[] } };
    expect(data.summary.units.find((u) => u.unit === '市编办')?.due_so_far).toBe(2);
    expect(runBin(['status', '--lang', 'en']).stdout).not.toContain('市编办');
    expect(runBin(['status', '--lang', 'en', '--all']).stdout).toMatch(/│ 市编办 +│ 2 +│/);
  });
});
