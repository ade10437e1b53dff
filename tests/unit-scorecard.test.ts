// plan-check units: every figure worked out by hand from tests/fixtures/scorecards.
//
// 2024 is a leap year (366 days); day-of-year: 03-31 = 91, 04-15 = 106, 04-30 = 121, 06-20 = 172,
// 06-30 = 182, 08-01 = 214, 09-30 = 274. Linear pace E = R × T / 366 (start 01-01, due 12-31).
// Lights with the default bands: lag ≤ 0 green, 0 < lag ≤ 30 yellow, lag > 30 red.
// Stale: the newest figure used is more than 45 days (stale_days) before T.
//
// Targets:
//   inspections (甲局, ≥ 366): 91 @03-31, 200 @06-20
//     04-30: E = 121, A = 91 → behind, lag (121 − 91)/366 × 100 = 8.2 → yellow; 121 − 91 = 30 ≤ 45
//     06-30: E = 182, A = 200 → on_track, green; 182 − 172 = 10
//     09-30: E = 274, A = 200 → behind, lag 74/366 × 100 = 20.2 → yellow; 274 − 172 = 102 > 45 stale
//   incidents (甲局, ≤ 5): 2 @04-15, 6 @08-01
//     04-30: met, green (121 − 106 = 15); 06-30: met, green, 182 − 106 = 76 > 45 stale;
//     09-30: A = 6 > 5 → breached, red; 274 − 214 = 60 > 45 stale
//   coverage (乙局, ≥ 50%): no figures → no_data, grey, never stale
//   visits (each 丙街道, 丁街道, ≥ 100; owned by each street, not by 乙局): 60 and 20 @04-30
//     04-30: E = 100 × 121/366 = 33.06: 丙 on_track green; 丁 lag 13.06 yellow
//     06-30: E = 49.73: 丙 green; 丁 lag 29.73 yellow; both 182 − 121 = 61 > 45 stale
//     09-30: E = 74.86: 丙 lag 14.86 yellow; 丁 lag 54.86 red; both stale
// Deadlines (counted as src/core/on-time.ts does: due ≤ T; on time = done ≤ due; late = done
// after due, ≤ T; overdue = not done, due < T):
//   quarterly report (甲局, 乙局) due 01-10, 04-10, 07-10, 10-10
//     甲局: 01-10 done 01-08 on time; 04-10 done 04-12 late; 07-10 none
//     乙局: 01-10 done 01-20 late; 04-10 done 04-10 on time; 07-10 done 07-09 on time
//   drill (activity, 丙街道) due 06-30, done 06-25: on time, not a report
//   task 1 (lead 丁街道) due 05-31, done 06-05: late, not a report
import { describe, expect, it } from 'vitest';
import { runCli, timezones, useTimezone } from './helpers.js';

const fixture = 'tests/fixtures/scorecards';
const A = '甲局';
const B = '乙局';
const C = '丙街道';
const D = '丁街道';

interface OnTime {
  due_so_far: number;
  on_time: number;
  late: number;
  overdue: number;
  on_time_rate: number | null;
}

const onTime = (due_so_far: number, on_time: number, late: number, overdue: number): OnTime => ({
  due_so_far,
  on_time,
  late,
  overdue,
  on_time_rate: due_so_far > 0 ? on_time / due_so_far : null,
});
const none = onTime(0, 0, 0, 0);

/** A unit's card: [red, yellow, green, grey], the statuses it has (the others 0), stale, on-time counts. */
function card(
  unit: string,
  lights: [number, number, number, number],
  statuses: Record<string, number>,
  stale: number,
  all: OnTime,
  reports: OnTime,
) {
  const [red, yellow, green, grey] = lights;
  return {
    unit,
    targets: red + yellow + green + grey,
    lights: { red, yellow, green, grey },
    statuses: { met: 0, on_track: 0, behind: 0, missed: 0, breached: 0, no_data: 0, not_started: 0, ...statuses },
    stale,
    ...all,
    reports,
  };
}

async function units(asOf: string, ...extra: string[]) {
  const result = await runCli(['units', fixture, '--no-config', '--as-of', asOf, '--format', 'json', ...extra]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as { as_of: string; sort: string; units: ReturnType<typeof card>[] };
}

// 04-30: 甲局 2 due (on time, late), 乙局 2 due (late, on time); the streets have nothing due
const at0430 = {
  [A]: card(A, [0, 1, 1, 0], { behind: 1, met: 1 }, 0, onTime(2, 1, 1, 0), onTime(2, 1, 1, 0)),
  [B]: card(B, [0, 0, 0, 1], { no_data: 1 }, 0, onTime(2, 1, 1, 0), onTime(2, 1, 1, 0)),
  [C]: card(C, [0, 0, 1, 0], { on_track: 1 }, 0, none, none),
  [D]: card(D, [0, 1, 0, 0], { behind: 1 }, 0, none, none),
};
// 06-30: the drill (due on T, done 06-25) and task 1 (late) are due now; 07-10 is not yet
const at0630 = {
  [A]: card(A, [0, 0, 2, 0], { on_track: 1, met: 1 }, 1, onTime(2, 1, 1, 0), onTime(2, 1, 1, 0)),
  [B]: card(B, [0, 0, 0, 1], { no_data: 1 }, 0, onTime(2, 1, 1, 0), onTime(2, 1, 1, 0)),
  [C]: card(C, [0, 0, 1, 0], { on_track: 1 }, 1, onTime(1, 1, 0, 0), none),
  [D]: card(D, [0, 1, 0, 0], { behind: 1 }, 1, onTime(1, 0, 1, 0), none),
};
// 09-30: 07-10 is due: 甲局 has not reported (overdue), 乙局 on time
const at0930 = {
  [A]: card(A, [1, 1, 0, 0], { behind: 1, breached: 1 }, 2, onTime(3, 1, 1, 1), onTime(3, 1, 1, 1)),
  [B]: card(B, [0, 0, 0, 1], { no_data: 1 }, 0, onTime(3, 2, 1, 0), onTime(3, 2, 1, 0)),
  [C]: card(C, [0, 1, 0, 0], { behind: 1 }, 1, onTime(1, 1, 0, 0), none),
  [D]: card(D, [1, 0, 0, 0], { behind: 1 }, 1, onTime(1, 0, 1, 0), none),
};

describe.each(timezones)('plan-check units, TZ=%s', (tz) => {
  useTimezone(tz);

  it('04-30: lowest 按期办结率 first; 甲局 and 乙局 tie at 1/2 (no red, no overdue) and go by name; nothing due goes last', async () => {
    const result = await units('2024-04-30');
    expect(result.sort).toBe('on_time_rate');
    // 乙 U+4E59 < 甲 U+7532; 丁 U+4E01 < 丙 U+4E19
    expect(result.units).toEqual([at0430[B], at0430[A], at0430[D], at0430[C]]);
  });

  it('06-30: 丁街道 0/1, then the two at 1/2, then 丙街道 1/1; stale figures counted per unit line', async () => {
    expect((await units('2024-06-30')).units).toEqual([at0630[D], at0630[B], at0630[A], at0630[C]]);
  });

  it('09-30: 0/1 < 1/3 < 2/3 < 1/1', async () => {
    expect((await units('2024-09-30')).units).toEqual([at0930[D], at0930[A], at0930[B], at0930[C]]);
  });

  it('--sort takes any column, worst first, ties in the default order', async () => {
    // stale: 甲局 2; 丙街道 and 丁街道 1 (丁 first: rate 0 < 1); 乙局 0
    expect((await units('2024-09-30', '--sort', 'stale')).units.map((u) => u.unit)).toEqual([A, D, C, B]);
    // grey: 乙局 1, then the rest by rate 0 < 1/3 < 1
    expect((await units('2024-09-30', '--sort', 'grey')).units.map((u) => u.unit)).toEqual([B, D, A, C]);
    // green: fewest first; at 06-30 甲局 has 2, 丙街道 1, 乙局 and 丁街道 0 (丁 first: rate 0 < 1/2)
    expect((await units('2024-06-30', '--sort', 'green')).units.map((u) => u.unit)).toEqual([D, B, C, A]);
    // reports_on_time_rate: 1/3 (甲局) < 2/3 (乙局); the streets have no report due: last, by default order
    expect((await units('2024-09-30', '--sort', 'reports_on_time_rate')).units.map((u) => u.unit)).toEqual([A, B, D, C]);
    // unit: by name (code points)
    expect((await units('2024-09-30', '--sort', 'unit')).units.map((u) => u.unit)).toEqual([D, C, B, A]);
  });

  it('the on-time part is the one status --format json gives in summary.units', async () => {
    for (const asOf of ['2024-04-30', '2024-06-30', '2024-09-30']) {
      const status = await runCli(['status', fixture, '--no-config', '--as-of', asOf, '--format', 'json']);
      // summary.units also carries each unit's newest figure (targets, latest_as_of, stale_targets): the on-time part is compared
      const onTimePart = ({ unit, due_so_far, on_time, late, overdue, on_time_rate, reports }: Record<string, unknown>) => ({
        unit,
        due_so_far,
        on_time,
        late,
        overdue,
        on_time_rate,
        reports,
      });
      const summary = (JSON.parse(status.stdout).summary.units as Record<string, unknown>[]).map(onTimePart) as { unit: string }[];
      const cards = (await units(asOf)).units;
      expect(
        cards
          .map(({ unit, due_so_far, on_time, late, overdue, on_time_rate, reports }) => ({
            unit,
            due_so_far,
            on_time,
            late,
            overdue,
            on_time_rate,
            reports,
          }))
          .sort((a, b) => (a.unit < b.unit ? -1 : 1)),
      ).toEqual([...summary].sort((a, b) => (a.unit < b.unit ? -1 : 1)));
    }
  });

  it('--owner keeps that unit only', async () => {
    expect((await units('2024-09-30', '--owner', D)).units).toEqual([at0930[D]]);
  });
});

describe('plan-check units in words', () => {
  it('a Chinese plan gets Chinese headers; the table leaves out statuses no unit has', async () => {
    const result = await runCli(['units', fixture, '--no-config', '--as-of', '2024-09-30'], { env: { LANG: '' } });
    expect(result.status).toBe(0);
    const header = result.stdout.split('\n').find((line) => line.startsWith('│ 单位'))!;
    for (const word of [
      '指标数',
      '红灯',
      '黄灯',
      '绿灯',
      '灰灯',
      '指标滞后',
      '指标超限',
      '指标无数据',
      '数据过期',
      '已到期',
      '按期完成',
      '逾期完成',
      '逾期未完成',
      '按期办结率',
      '按时报送率',
    ])
      expect(header).toContain(word);
    // no unit has met, on_track, missed or not_started at 09-30
    for (const word of ['指标已完成', '指标正常', '指标逾期未完成', '指标未开始']) expect(header).not.toContain(word);
    // 甲局 1/3 = 33.3%, 乙局 2/3 = 66.7%
    expect(result.stdout).toMatch(/甲局.*33\.3%.*33\.3%/);
    expect(result.stdout).toMatch(/乙局.*66\.7%.*66\.7%/);
  });

  it('English with --lang en; Markdown; CSV has every column with raw rates', async () => {
    const en = await runCli(['units', fixture, '--no-config', '--as-of', '2024-09-30', '--lang', 'en', '--format', 'md']);
    expect(en.stdout).toContain('| Unit | Targets | Red | Yellow | Green | Grey |');
    expect(en.stdout).toContain('On-time rate');
    const csv = await runCli(['units', fixture, '--no-config', '--as-of', '2024-09-30', '--format', 'csv']);
    const lines = csv.stdout.trim().split('\r\n');
    expect(lines[0]).toBe(
      'unit,targets,red,yellow,green,grey,met,on_track,behind,missed,breached,no_data,not_started,stale,due_so_far,on_time,late,overdue,on_time_rate,reports_due_so_far,reports_on_time,reports_late,reports_overdue,reports_on_time_rate',
    );
    // 甲局: 2 targets, red 1, yellow 1, behind 1, breached 1, stale 2; 3 due, 1 on time, 1 late, 1 overdue: 1/3
    expect(lines).toContain(`${A},2,1,1,0,0,0,0,1,0,1,0,0,2,3,1,1,1,${1 / 3},3,1,1,1,${1 / 3}`);
    // 丙街道: the drill is an activity, so no report was due: the reports rate is empty
    expect(lines).toContain(`${C},1,0,1,0,0,0,0,1,0,0,0,0,1,1,1,0,0,1,0,0,0,0,`);
  });

  it('a bad --sort column and an xlsx without -o are usage errors (exit 2)', async () => {
    const badSort = await runCli(['units', fixture, '--no-config', '--sort', 'score']);
    expect(badSort.status).toBe(2);
    expect(badSort.stderr).toContain('on_time_rate');
    for (const command of ['units', 'gaps', 'deadlines', 'status']) {
      const result = await runCli([command, fixture, '--no-config', '--format', 'xlsx']);
      expect(result.status, command).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toContain('-o');
      const zh = await runCli([command, fixture, '--no-config', '--format', 'xlsx'], { env: { LANG: 'zh_CN.UTF-8' } });
      expect(zh.stderr).toContain('请用 -o 指定文件名');
    }
  });
});
