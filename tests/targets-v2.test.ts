// Contract v2 target rules (plan-format.md: Targets, Evaluation, `each` targets, Traffic lights):
// progress: level and the new defaults, baseline, combine: mean, each, plan-level targets, lag,
// lights, latest_as_of and stale. Every expected figure is computed by hand next to it, as exact
// fractions written integer / integer (one correctly rounded division, the same double as the
// exact value rounded once).
//
// Day counts (2024, 366 days, both ends inclusive): Jan 1 – Jun 30: 182 | Jan 1 – Apr 30: 121
// | Mar 1 – Oct 31: 245 | Feb 15 – Mar 31: 45 days after Feb 15 (Feb has 29 days: 14 + 31).
import { describe, expect, it } from 'vitest';
import type { DiagnosticCode } from '../src/core/diagnostics.js';
import { evaluateProject } from '../src/core/project.js';
import { type Light, bandsInOrder, deadlineLight, reddestLight, targetLight } from '../src/core/lights.js';
import { fromNumber, rational } from '../src/core/rational.js';
import { type TargetRow, toTargetRow } from '../src/report/rows.js';
import { day, project, timezones, useTimezone } from './helpers.js';

const plan = `format: plan/1
id: v2
title: 目标规则测试方案
period: { start: 2024-01-01, end: 2024-12-31 }
population: 100000
units: [区市场监管局, 区卫健局, 甲街道, 乙街道, 丙镇, 区食药安委]
targets:
  - { id: no-incident, metric: 重大食品安全事故, target: "<= 0", unit: 起, owner: 区食药安委 }
  - { id: plan-rate, metric: 全区抽检合格率, target: ">= 98%", owner: 区食药安委 }
tasks:
  - id: "1"
    title: 水平与基数
    lead: [区市场监管局]
    targets:
      - { id: pass, metric: 合格率, target: ">= 98%", start: 2024-03-01, due: 2024-10-31 }
      - { id: kitchens, metric: 明厨亮灶覆盖率, target: ">= 80%", baseline: 60 }
      - { id: cover, metric: 覆盖单位数, target: ">= 500", baseline: 200 }
      - { id: floor, metric: 保持数量, target: ">= 10", progress: level }
  - id: "2"
    title: 平均
    lead: [区市场监管局]
    targets:
      - { id: score, metric: 群众知晓率评分, target: ">= 91", unit: 分, combine: mean }
      - { id: survey, metric: 满意度, target: ">= 90%", combine: mean }
  - id: "3"
    title: 各单位
    lead: [区市场监管局]
    targets:
      - { id: towns, metric: 各镇街抽检量, target: ">= 100", unit: 批次, each: [甲街道, 乙街道, 丙镇] }
      - { id: pair, metric: 两街道抽检量, target: ">= 100", unit: 批次, each: [甲街道, 乙街道] }
      - { id: per-head, metric: 各街道人均抽检, target: ">= 3 per 10000", unit: 批次, each: [{ unit: 甲街道, population: 20000 }, { unit: 乙街道, population: 30000 }] }
  - id: "4"
    title: 亮灯边界
    lead: [区市场监管局]
    targets:
      - { id: lag10, metric: 落后10点, target: ">= 100", progress: level }
      - { id: lag11, metric: 落后11点, target: ">= 100", progress: level }
      - { id: lag30, metric: 落后30点, target: ">= 100", progress: level }
      - { id: lag31, metric: 落后31点, target: ">= 100", progress: level }
`;

const actuals = `format: actuals/1
plan: v2
reported_by: 区市场监管局
values:
  - { target: no-incident, value: 0, as_of: 2024-06-30, reported_by: 区食药安委 }
  - { target: 1/pass, value: "97.5%", as_of: 2024-02-15 }
  - { target: 1/pass, value: "98.5%", as_of: 2024-08-31 }
  - { target: 1/pass, value: "97%", as_of: 2024-10-31 }
  - { target: 1/kitchens, value: "70%", as_of: 2024-06-30 }
  - { target: 1/cover, value: 300, as_of: 2024-06-30 }
  - { target: 2/score, value: 95.1, as_of: 2024-06-30, reported_by: 甲街道 }
  - { target: 2/score, value: 95.1, as_of: 2024-06-30, reported_by: 乙街道 }
  - { target: 2/survey, value: { done: 40, of: 50 }, as_of: 2024-03-31, reported_by: 甲街道 }
  - { target: 2/survey, value: "85%", as_of: 2024-03-31, reported_by: 乙街道 }
  - { target: 2/survey, value: { done: 45, of: 50 }, as_of: 2024-06-30, reported_by: 甲街道 }
  - { target: 2/survey, value: "95%", as_of: 2024-06-30, reported_by: 乙街道 }
  - { target: 3/towns, value: 40, as_of: 2024-06-30, reported_by: 甲街道 }
  - { target: 3/towns, value: 60, as_of: 2024-06-30, reported_by: 乙街道 }
  - { target: 3/towns, value: 100, as_of: 2024-12-31, reported_by: 甲街道 }
  - { target: 3/towns, value: 500, as_of: 2024-06-30, reported_by: 区卫健局 }
  - { target: 3/pair, value: 150, as_of: 2024-06-30, reported_by: 甲街道 }
  - { target: 3/pair, value: 120, as_of: 2024-06-30, reported_by: 乙街道 }
  - { target: 3/per-head, value: 4, as_of: 2024-06-30, reported_by: 甲街道 }
  - { target: 3/per-head, value: 9, as_of: 2024-06-30, reported_by: 乙街道 }
  - { target: 4/lag10, value: 90, as_of: 2024-06-30 }
  - { target: 4/lag11, value: 89, as_of: 2024-06-30 }
  - { target: 4/lag30, value: 70, as_of: 2024-06-30 }
  - { target: 4/lag31, value: 69, as_of: 2024-06-30 }
`;

const files = { 'v2.plan.yaml': plan, 'v2.actuals.yaml': actuals };

function rows(asOf: string, lights?: { yellow: number; red: number }, staleDays = 45): Map<string, TargetRow> {
  const loaded = project(files);
  const plans = new Map(loaded.plans.map((p) => [p.id, p]));
  const evaluation = evaluateProject(loaded, day(asOf), 14, { lights: lights ?? { yellow: 0, red: 30 }, staleDays });
  return new Map(evaluation.targets.map((result) => [result.target.ref, toTargetRow(result, plans)]));
}

function row(asOf: string, ref: string, lights?: { yellow: number; red: number }): TargetRow {
  const found = rows(asOf, lights).get(`v2:${ref}`);
  if (!found) throw new Error(`no row ${ref}`);
  return found;
}

type Want = Partial<Omit<TargetRow, 'units'>> & { units?: Partial<TargetRow['units'] extends (infer U)[] | null ? U : never>[] };
type Case = [name: string, asOf: string, ref: string, want: Want];

const cases: Case[] = [
  // ---- level: 1/pass ">= 98%", start 2024-03-01, due 2024-10-31; rows 97.5 @02-15, 98.5 @08-31, 97 @10-31
  // before start: E = 0; A = 97.5 < 98, T < start → not_started (grey); lag = (0 − 97.5)/98 × 100 = −9750/98
  [
    'level: before its start',
    '2024-02-20',
    '1/pass',
    {
      required: 98,
      expected: 0,
      actual: 97.5,
      gap: 0.5,
      lag: -9750 / 98,
      status: 'not_started',
      light: 'grey',
      progress_kind: 'level',
      progress_written: false,
    },
  ],
  // mid-year: E = R = 98 (not 98 × 122/245); A = 97.5 → behind; lag = 0.5/98 × 100 = 50/98 → yellow (> 0, ≤ 30)
  [
    'level: below the floor is behind, never on track',
    '2024-06-30',
    '1/pass',
    { expected: 98, actual: 97.5, gap: 0.5, progress: 97.5 / 98, lag: 50 / 98, status: 'behind', light: 'yellow' },
  ],
  // A = 98.5 ≥ 98 → met; lag = (98 − 98.5)/98 × 100 = −50/98 (ahead) → green
  [
    'level: above the floor is met',
    '2024-09-30',
    '1/pass',
    { expected: 98, actual: 98.5, gap: 0, lag: -50 / 98, status: 'met', light: 'green' },
  ],
  // due day: A = 97 (row 10-31); E = 98 → behind; lag = 1/98 × 100 = 100/98
  ['level: on the due day', '2024-10-31', '1/pass', { expected: 98, actual: 97, gap: 1, lag: 100 / 98, status: 'behind', light: 'yellow' }],
  // after due: missed → red whatever the lag
  ['level: after due', '2024-11-01', '1/pass', { expected: 98, actual: 97, gap: 1, lag: 100 / 98, status: 'missed', light: 'red' }],

  // ---- baseline: 1/kitchens ">= 80%", B = 60, default progress linear (a baseline makes it linear)
  // f = 0 (the day before start): E = 60 + 20 × 0 = 60; no row yet
  [
    'baseline: f = 0',
    '2023-12-31',
    '1/kitchens',
    {
      expected: 60,
      actual: null,
      lag: null,
      status: 'no_data',
      light: 'grey',
      progress_kind: 'linear',
      baseline: 60,
      progress_written: false,
    },
  ],
  // T = 06-30: E = 60 + 20 × 182/366 = (60 × 183 + 1820)/183 = 12800/183 ≈ 69.945; A = 70 → on_track
  // lag = (12800/183 − 70)/80 × 100 = (−10/183)/80 × 100 = −1000/14640 = −25/366 (ahead)
  [
    'baseline: mid-year',
    '2024-06-30',
    '1/kitchens',
    { expected: 12800 / 183, actual: 70, gap: 10, progress: 70 / 80, lag: -25 / 366, status: 'on_track', light: 'green' },
  ],
  // f = 1 (due day): E = 60 + 20 = 80; A = 70 → behind; lag = 10/80 × 100 = 12.5 → yellow
  ['baseline: f = 1', '2024-12-31', '1/kitchens', { expected: 80, actual: 70, gap: 10, lag: 12.5, status: 'behind', light: 'yellow' }],
  // count with baseline: R = 500, B = 200; E = 200 + 300 × 182/366 = 200 + 9100/61 = 21300/61 ≈ 349.18
  // A = 300 → behind; lag = (21300/61 − 300)/500 × 100 = (3000/61)/5 = 600/61 ≈ 9.84
  [
    'baseline: a count',
    '2024-06-30',
    '1/cover',
    { expected: 21300 / 61, actual: 300, gap: 200, lag: 600 / 61, status: 'behind', light: 'yellow' },
  ],
  ['baseline: a count at f = 1', '2024-12-31', '1/cover', { expected: 500, actual: 300, lag: 40, status: 'behind', light: 'red' }],
  // a count written as a level: E = R = 10 from start; no rows → no data, grey
  [
    'level: a count when written',
    '2024-06-30',
    '1/floor',
    { expected: 10, actual: null, status: 'no_data', light: 'grey', progress_kind: 'level', progress_written: true },
  ],
  ['level: zero before start', '2023-12-31', '1/floor', { expected: 0, status: 'no_data' }],

  // ---- combine: mean
  // two units with 95.1 分 each: A = (95.1 + 95.1)/2 = 95.1, not 190.2; met; progress = 95.1/91 = 951/910
  [
    'mean: two scores are not added',
    '2024-06-30',
    '2/score',
    { actual: 95.1, progress: 951 / 910, status: 'met', light: 'green', progress_kind: 'linear' },
  ],
  // a fraction counts as its percentage: 甲 45/50 = 90%, 乙 95% → A = (90 + 95)/2 = 92.5 ≥ 90 → met
  // progress = 92.5/90 = 37/36 (a bare percentage beside a fraction is fine with mean)
  ['mean: a fraction and a percentage', '2024-06-30', '2/survey', { actual: 92.5, progress: 37 / 36, status: 'met' }],
  // T = 04-30: 甲 40/50 = 80%, 乙 85% → A = 82.5; level default (percentage) E = 90 → behind
  // lag = 7.5/90 × 100 = 25/3 ≈ 8.33 → yellow
  [
    'mean: behind a level',
    '2024-04-30',
    '2/survey',
    { expected: 90, actual: 82.5, gap: 7.5, lag: 25 / 3, status: 'behind', light: 'yellow', progress_kind: 'level' },
  ],

  // ---- each: 3/towns ">= 100" for 甲街道, 乙街道, 丙镇 (linear); 区卫健局's 500 is ignored (not listed)
  // T = 06-30: E_u = 100 × 182/366 = 9100/183 ≈ 49.73
  //   甲 40 → behind, lag = (9100/183 − 40) = (9100 − 7320)/183 = 1780/183 ≈ 9.73 → yellow
  //   乙 60 → on_track, lag = (9100 − 10980)/183 = −1880/183 → green
  //   丙 no rows → no_data, grey
  // target: worst status behind (behind before no_data), reddest light yellow; figures null; R = 100
  [
    'each: worst status, reddest light, a unit without data',
    '2024-06-30',
    '3/towns',
    {
      required: 100,
      expected: null,
      actual: null,
      gap: null,
      progress: null,
      lag: null,
      status: 'behind',
      light: 'yellow',
      units: [
        {
          unit: '甲街道',
          required: 100,
          expected: 9100 / 183,
          actual: 40,
          gap: 60,
          progress: 0.4,
          lag: 1780 / 183,
          status: 'behind',
          light: 'yellow',
        },
        {
          unit: '乙街道',
          required: 100,
          expected: 9100 / 183,
          actual: 60,
          gap: 40,
          progress: 0.6,
          lag: -1880 / 183,
          status: 'on_track',
          light: 'green',
        },
        {
          unit: '丙镇',
          required: 100,
          expected: 9100 / 183,
          actual: null,
          gap: null,
          progress: null,
          lag: null,
          status: 'no_data',
          light: 'grey',
        },
      ],
    },
  ],
  // due day: 甲 100 → met; 乙 60, E = 100 → behind, lag 40 → red; 丙 no data → target behind, red
  [
    'each: a red unit makes the target red',
    '2024-12-31',
    '3/towns',
    {
      status: 'behind',
      light: 'red',
      units: [
        { unit: '甲街道', status: 'met', light: 'green' },
        { unit: '乙街道', lag: 40, status: 'behind', light: 'red' },
        { unit: '丙镇', status: 'no_data', light: 'grey' },
      ],
    },
  ],
  // after due: missed beats no_data and met
  [
    'each: missed is the worst',
    '2025-01-01',
    '3/towns',
    { status: 'missed', light: 'red', units: [{ status: 'met' }, { status: 'missed' }, { status: 'no_data' }] },
  ],
  // met only when every unit is met: 150 and 120 ≥ 100
  [
    'each: every unit met',
    '2024-06-30',
    '3/pair',
    {
      status: 'met',
      light: 'green',
      units: [
        { status: 'met', progress: 1.5 },
        { status: 'met', progress: 1.2 },
      ],
    },
  ],
  // per-capita each: R_甲 = 3 × 20000/10000 = 6, R_乙 = 3 × 30000/10000 = 9; target R null
  //   甲: E = 6 × 182/366 = 182/61; A = 4 → on_track; lag = (182/61 − 4)/6 × 100 = (−62/61)/6 × 100 = −3100/183
  //   乙: A = 9 → met
  [
    'each: per-capita with per-unit populations',
    '2024-06-30',
    '3/per-head',
    {
      required: null,
      status: 'on_track',
      light: 'green',
      units: [
        { unit: '甲街道', required: 6, expected: 182 / 61, actual: 4, gap: 2, progress: 4 / 6, lag: -3100 / 183, status: 'on_track' },
        { unit: '乙街道', required: 9, actual: 9, gap: 0, progress: 1, status: 'met' },
      ],
    },
  ],

  // ---- plan-level targets
  [
    'plan-level: a limit that holds',
    '2024-06-30',
    'no-incident',
    {
      task: null,
      owner: '区食药安委',
      required: 0,
      expected: null,
      actual: 0,
      lag: null,
      status: 'met',
      light: 'green',
      progress_kind: null,
    },
  ],
  // a percentage, level by default: E = 98 from the period start; no rows → no data
  [
    'plan-level: a rate without data',
    '2024-06-30',
    'plan-rate',
    { task: null, expected: 98, status: 'no_data', light: 'grey', progress_kind: 'level' },
  ],

  // ---- light band edges with the default bands { yellow: 0, red: 30 } (level, R = 100, E = 100)
  // lag = (100 − A)/100 × 100 = 100 − A
  ['band: lag 10 → yellow (default bands)', '2024-06-30', '4/lag10', { lag: 10, status: 'behind', light: 'yellow' }],
  ['band: lag 30 exactly → yellow, the lower colour', '2024-06-30', '4/lag30', { lag: 30, light: 'yellow' }],
  ['band: lag 31 → red', '2024-06-30', '4/lag31', { lag: 31, light: 'red' }],
];

function pick(actual: TargetRow, want: Want): unknown {
  const picked: Record<string, unknown> = Object.fromEntries(
    Object.keys(want)
      .filter((key) => key !== 'units')
      .map((key) => [key, actual[key as keyof TargetRow]]),
  );
  if (want.units) {
    picked.units = (actual.units ?? []).map((unit, index) =>
      Object.fromEntries(Object.keys(want.units![index] ?? {}).map((key) => [key, unit[key as keyof typeof unit]])),
    );
  }
  return picked;
}

describe.each(timezones)('contract v2 targets, TZ=%s', (tz) => {
  useTimezone(tz);

  it('loads without errors; a row of a unit not listed in each is a warning, and left out', () => {
    const loaded = project(files);
    expect(loaded.diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([
      ['each-unit-not-listed', 'warning', actuals.split('\n').findIndex((l) => l.includes('区卫健局')) + 1],
    ]);
  });

  it.each(cases)('%s', (_name, asOf, ref, want) => {
    const actual = row(asOf, ref);
    const picked = pick(actual, want) as Record<string, unknown>;
    for (const [key, value] of Object.entries(want)) {
      if (key === 'units') continue;
      if (typeof value === 'number') expect(picked[key], key).toBeCloseTo(value, 9);
      else expect(picked[key], key).toEqual(value);
    }
    (want.units ?? []).forEach((unit, index) => {
      const got = (picked.units as Record<string, unknown>[])[index]!;
      for (const [key, value] of Object.entries(unit)) {
        if (typeof value === 'number') expect(got[key], `${index}.${key}`).toBeCloseTo(value, 9);
        else expect(got[key], `${index}.${key}`).toEqual(value);
      }
    });
  });

  it("银川's bands { yellow: 10, red: 30 }: a lag exactly on an edge takes the lower colour", () => {
    const bands = { yellow: 10, red: 30 };
    // lag 10 = yellow band → green; 11 → yellow; 30 = red band → yellow; 31 → red
    expect(['4/lag10', '4/lag11', '4/lag30', '4/lag31'].map((ref) => row('2024-06-30', ref, bands).light)).toEqual([
      'green',
      'yellow',
      'yellow',
      'red',
    ]);
  });

  it('a rate below its floor is never on track, at any date', () => {
    for (const asOf of ['2024-03-01', '2024-04-30', '2024-06-30', '2024-08-30', '2024-10-31']) {
      const pass = row(asOf, '1/pass');
      if (pass.actual !== null && pass.actual < 98) expect(pass.status, asOf).toBe('behind');
    }
  });

  it('latest_as_of and stale: more than stale_days (45) before T', () => {
    // 1/pass: newest row on or before T is 2024-02-15; 03-31 is 45 days later (not stale), 04-01 46 (stale)
    expect([row('2024-03-31', '1/pass').latest_as_of, row('2024-03-31', '1/pass').stale]).toEqual(['2024-02-15', false]);
    expect([row('2024-04-01', '1/pass').latest_as_of, row('2024-04-01', '1/pass').stale]).toEqual(['2024-02-15', true]);
    // no data: no date, never stale
    expect([row('2024-06-30', '1/floor').latest_as_of, row('2024-06-30', '1/floor').stale]).toEqual([null, false]);
    // an each target: the newest of its units' rows (甲街道 2024-12-31)
    expect(row('2025-01-01', '3/towns').latest_as_of).toBe('2024-12-31');
  });
});

describe('light rules (src/core/lights.ts)', () => {
  const lag = (value: number) => fromNumber(value);
  it.each<[string, Parameters<typeof targetLight>[0], number | undefined, Light]>([
    ['missed is red', 'missed', 1, 'red'],
    ['breached is red', 'breached', undefined, 'red'],
    ['met is green', 'met', -5, 'green'],
    ['on track is green', 'on_track', -1, 'green'],
    ['no data is grey', 'no_data', undefined, 'grey'],
    ['not started is grey', 'not_started', -50, 'grey'],
    // default bands { yellow: 0, red: 30 }
    ['behind by exactly 0 (yellow edge) is green', 'behind', 0, 'green'],
    ['behind by 5e-10 (within 1e-9 of the edge) is green', 'behind', 5e-10, 'green'],
    ['behind by 2e-9 is yellow', 'behind', 2e-9, 'yellow'],
    ['behind by exactly 30 (red edge) is yellow', 'behind', 30, 'yellow'],
    ['behind by 30 + 5e-10 is yellow', 'behind', 30.0000000005, 'yellow'],
    ['behind by 30 + 2e-9 is red', 'behind', 30.000000002, 'red'],
    ['behind without a lag is yellow', 'behind', undefined, 'yellow'],
  ])('%s', (_name, status, value, light) => {
    expect(targetLight(status, value === undefined ? undefined : lag(value))).toBe(light);
  });

  it('with bands { yellow: 10, red: 30 }: 10 green, 10.5 yellow, 30 yellow, 30.5 red', () => {
    const bands = { yellow: 10, red: 30 };
    expect([10, 10.5, 30, 30.5].map((value) => targetLight('behind', lag(value), bands))).toEqual(['green', 'yellow', 'yellow', 'red']);
    // an exact fraction just above the edge: 10 + 1/3
    expect(targetLight('behind', rational(31n, 3n), bands)).toBe('yellow');
  });

  it('deadlines: overdue red, due soon yellow, done and upcoming green', () => {
    expect((['overdue', 'due_soon', 'done', 'upcoming'] as const).map(deadlineLight)).toEqual(['red', 'yellow', 'green', 'green']);
  });

  it('the reddest of several, in the order red, yellow, grey, green', () => {
    expect(reddestLight(['green', 'grey'])).toBe('grey');
    expect(reddestLight(['grey', 'yellow', 'green'])).toBe('yellow');
    expect(reddestLight(['green', 'red', 'yellow'])).toBe('red');
    expect(reddestLight(['green'])).toBe('green');
  });

  it('bands in order', () => {
    expect(bandsInOrder({ yellow: 10, red: 30 })).toBe(true);
    expect(bandsInOrder({ yellow: 30, red: 30 })).toBe(true);
    expect(bandsInOrder({ yellow: 31, red: 30 })).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Every misuse: a stable code at the line and column of the offending key or value
// ---------------------------------------------------------------------------------------------

const badPlan = `format: plan/1
id: bad
title: 错误示例
period: { start: 2024-01-01, end: 2024-12-31 }
units: [区市场监管局, 甲街道]
targets:
  - { id: "1", metric: 与任务同号, target: "<= 0", owner: 区市场监管局 }
  - { id: no-owner, metric: 缺责任单位, target: "<= 0" }
tasks:
  - id: "1"
    title: 任务
    lead: [区市场监管局]
    targets:
      - { id: a, metric: 上限写基数, target: "<= 5", baseline: 1 }
      - { id: b, metric: 水平写基数, target: ">= 90%", progress: level, baseline: 50 }
      - { id: c, metric: 基数过高, target: ">= 80%", baseline: 85 }
      - { id: d, metric: 同用, target: ">= 10", combine: mean, each: [甲街道] }
      - { id: e, metric: 人均缺人口, target: ">= 3 per 10000", each: [甲街道, { unit: 乙街道, population: 1000 }] }
      - { id: f, metric: 进度写错, target: ">= 10", progress: gradual }
      - { id: g, metric: 重复单位, target: ">= 10", each: [甲街道, 甲街道] }
`;

/** line and column (1-based) of `token` on the first line containing `marker` */
function at(text: string, marker: string, token: string): { line: number; column: number } {
  const lines = text.split('\n');
  const index = lines.findIndex((line) => line.includes(marker));
  return { line: index + 1, column: lines[index]!.indexOf(token) + 1 };
}

describe('validation of the v2 target keys', () => {
  const diagnostics = project({ 'bad.plan.yaml': badPlan }).diagnostics;
  const found = diagnostics.map((d) => ({ code: d.code, line: d.line, column: d.column }));
  it.each<[string, DiagnosticCode, { line: number; column: number }]>([
    ['a plan-level target id that is a task id', 'target-id-is-task-id', at(badPlan, 'metric: 与任务同号', '"1"')],
    ['a plan-level target without owner', 'missing-key', at(badPlan, 'id: no-owner', '{')],
    ['baseline on a limit', 'baseline-not-allowed', at(badPlan, 'id: a,', '1 }')],
    ['baseline with progress level', 'baseline-not-allowed', at(badPlan, 'id: b,', '50')],
    ['baseline above the target', 'baseline-above-target', at(badPlan, 'id: c,', '85')],
    ['each with combine', 'each-with-combine', at(badPlan, 'id: d,', 'combine')],
    ['per-capita each without a population', 'each-missing-population', at(badPlan, 'id: e,', '甲街道')],
    ['a unit of each not in the registry', 'unknown-unit', at(badPlan, 'id: e,', '乙街道')],
    ['an unknown progress kind', 'invalid-value', at(badPlan, 'id: f,', 'gradual')],
    [
      'a unit listed twice in each',
      'duplicate-id',
      {
        line: at(badPlan, 'id: g,', '甲街道').line,
        column: badPlan.split('\n')[at(badPlan, 'id: g,', '甲街道').line - 1]!.lastIndexOf('甲街道') + 1,
      },
    ],
  ])('%s', (_name, code, place) => {
    expect(found).toContainEqual({ code, ...place });
  });

  it('says what to do, in Chinese and English', async () => {
    const { diagnosticMessage } = await import('../src/i18n/diagnostic-messages.js');
    for (const d of diagnostics.filter((x) =>
      ['baseline-not-allowed', 'baseline-above-target', 'each-with-combine', 'each-missing-population', 'target-id-is-task-id'].includes(
        x.code,
      ),
    )) {
      expect(diagnosticMessage(d.code, d.args, 'zh-CN')).toMatch(/[\u4e00-\u9fff]/);
      expect(diagnosticMessage(d.code, d.args, 'en')).toMatch(/remove|rename|write|must|at most/);
    }
  });
});
