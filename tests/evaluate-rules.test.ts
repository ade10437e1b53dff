// Table-driven checks of the contract's "Evaluation at a date T" rules (docs/format.md).
// Every expected figure below was computed by hand from the contract wording; the arithmetic sits
// next to it. Fractions are written as integer / integer so that JavaScript performs exactly one
// correctly rounded division, which is the same double as the exact value rounded once.
//
// Day counts used throughout (whole calendar days, both ends inclusive):
//   2024 (leap, 366 days): Jan 31 | to Feb 29: 60 | Mar 31: 91 | Apr 30: 121 | May 31: 152 | Jun 30: 182
//                          | Jul 31: 213 | Aug 31: 244 | Sep 30: 274 | Oct 31: 305 | Nov 30: 335 | Dec 31: 366
//   2023 (365 days):       Jan 31 | to Feb 28: 59 | Mar 1: 60 | Jun 30: 181 | Dec 31: 365
import { describe, expect, it } from 'vitest';
import { evaluateProject } from '../src/core/project.js';
import { type TargetRow, toTargetRow } from '../src/report/rows.js';
import { day, project, timezones, useTimezone } from './helpers.js';

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

const plan2024 = `format: plan/1
id: eval-2024
title: 评估规则测试方案（2024，闰年）
period: { start: 2024-01-01, end: 2024-12-31 }
population: 543000
tasks:
  - id: "1"
    title: 序时进度
    lead: [区市场监管局]
    targets:
      - { id: pace, metric: 计数, target: ">= 3660" }
      - { id: sampling, metric: 食品监督抽检量, target: ">= 3.5 per 1000", unit: 批次 }
      - { id: structured, metric: 结构化人均, target: { op: ">=", value: 4, per: 1000 } }
      - { id: window, metric: 整治阶段, target: ">= 366", start: 2024-06-01, due: 2024-11-30 }
      - { id: once, metric: 集中培训, target: ">= 4", progress: at_due, due: 2024-06-30 }
  - id: "2"
    title: 累计方式
    lead: [区市场监管局]
    support: [区卫健局]
    targets:
      - { id: latest, metric: 默认取最新, target: ">= 1000" }
      - { id: latest-explicit, metric: 取最新, target: ">= 1000", accumulate: latest }
      - { id: sum, metric: 累加, target: ">= 1000", accumulate: sum }
  - id: "3"
    title: 百分比
    lead: [区市场监管局]
    targets:
      - { id: two-units, metric: 两单位, target: ">= 95%" }
      - { id: three-units, metric: 三单位, target: ">= 95%" }
      - { id: bare, metric: 单一百分比, target: ">= 100%" }
      - { id: bare-linear, metric: 单一百分比按时间推进, target: ">= 100%", progress: linear }
      - { id: full, metric: 全覆盖, target: ">= 100%" }
      - { id: rate-limit, metric: 不合格率, target: "<= 5%" }
  - id: "4"
    title: 比较与状态
    lead: [区市场监管局]
    targets:
      - { id: gt-equal, metric: 大于等值, target: "> 50" }
      - { id: gt-over, metric: 大于超过, target: "> 50" }
      - { id: ge-equal, metric: 不少于等值, target: ">= 50" }
      - { id: le-zero-ok, metric: 未发生事故, target: "<= 0" }
      - { id: le-zero-bad, metric: 发生事故, target: "<= 0" }
      - { id: le-ten-ok, metric: 不超过10, target: "<= 10" }
      - { id: le-ten-bad, metric: 超过10, target: "<= 10" }
      - { id: lt-five-eq, metric: 少于5等值, target: "< 5" }
      - { id: lt-five-ok, metric: 少于5, target: "< 5" }
      - { id: lt-five-bad, metric: 多于5, target: "< 5" }
      - { id: gt-zero, metric: 大于零, target: "> 0" }
      - { id: gt-zero-none, metric: 大于零未完成, target: "> 0" }
      - { id: gt-pace-equal, metric: 大于序时等值, target: "> 366" }
      - { id: gt-pace-above, metric: 大于序时超过, target: "> 366" }
      - { id: over, metric: 超额, target: ">= 1000" }
      - { id: late-start, metric: 未开始, target: ">= 100", start: 2024-07-01 }
      - { id: late-start-met, metric: 提前完成, target: ">= 100", start: 2024-07-01 }
      - { id: late-limit, metric: 未开始限值, target: "<= 0", start: 2024-07-01 }
      - { id: empty, metric: 无数据, target: ">= 500" }
      - { id: future-only, metric: 只有以后的数据, target: ">= 500" }
      - { id: miss, metric: 逾期未完成, target: ">= 500", due: 2024-09-30 }
      - { id: miss-met, metric: 逾期已完成, target: ">= 500", due: 2024-09-30 }
  - id: "5"
    title: 容差
    lead: [区市场监管局]
    targets:
      - { id: tol-in, metric: 容差内, target: ">= 3660" }
      - { id: tol-out, metric: 容差外, target: ">= 3660" }
      - { id: tol-met, metric: 容差达标, target: ">= 3660" }
      - { id: tol-gt, metric: 容差大于, target: "> 50" }
      - { id: tol-lt, metric: 容差小于, target: "< 5" }
      - { id: tol-le, metric: 容差不超过, target: "<= 10" }
`;

const actuals2024 = `format: actuals/1
plan: eval-2024
reported_by: 区市场监管局
values:
  - { target: 1/pace, value: 1900, as_of: 2024-06-30 }
  - { target: 1/sampling, value: 1020, as_of: 2024-06-30 }
  - { target: 1/structured, value: 1000, as_of: 2024-06-30 }
  - { target: 1/window, value: 10, as_of: 2024-05-15 }
  - { target: 1/window, value: 50, as_of: 2024-06-30 }
  - { target: 1/window, value: 300, as_of: 2024-10-31 }
  - { target: 1/once, value: 2, as_of: 2024-03-31 }

  - { target: 2/latest, value: 100, as_of: 2024-03-31 }
  - { target: 2/latest, value: 250, as_of: 2024-06-30 }
  - { target: 2/latest, value: 400, as_of: 2024-07-31 }
  - { target: 2/latest, value: 80, as_of: 2024-05-31, reported_by: 区卫健局 }
  - { target: 2/latest-explicit, value: 100, as_of: 2024-03-31 }
  - { target: 2/latest-explicit, value: 250, as_of: 2024-06-30 }
  - { target: 2/latest-explicit, value: 400, as_of: 2024-07-31 }
  - { target: 2/latest-explicit, value: 80, as_of: 2024-05-31, reported_by: 区卫健局 }
  - { target: 2/sum, value: 100, as_of: 2024-03-31 }
  - { target: 2/sum, value: 250, as_of: 2024-06-30 }
  - { target: 2/sum, value: 400, as_of: 2024-07-31 }
  - { target: 2/sum, value: 80, as_of: 2024-05-31, reported_by: 区卫健局 }

  - { target: 3/two-units, value: { done: 10, of: 50 }, as_of: 2024-03-31 }
  - { target: 3/two-units, value: { done: 47, of: 50 }, as_of: 2024-06-30 }
  - { target: 3/two-units, value: { done: 50, of: 50 }, as_of: 2024-07-31 }
  - { target: 3/two-units, value: { done: 30, of: 40 }, as_of: 2024-06-15, reported_by: 区卫健局 }
  - { target: 3/three-units, value: { done: 47, of: 50 }, as_of: 2024-06-30 }
  - { target: 3/three-units, value: { done: 30, of: 40 }, as_of: 2024-06-30, reported_by: 区卫健局 }
  - { target: 3/three-units, value: { done: 20, of: 20 }, as_of: 2024-06-30, reported_by: 区教育局 }
  - { target: 3/bare, value: "94%", as_of: 2024-06-30 }
  - { target: 3/bare-linear, value: "94%", as_of: 2024-06-30 }
  - { target: 3/full, value: { done: 50, of: 50 }, as_of: 2024-06-30 }
  - { target: 3/rate-limit, value: { done: 3, of: 50 }, as_of: 2024-06-30 }

  - { target: 4/gt-equal, value: 50, as_of: 2024-06-30 }
  - { target: 4/gt-over, value: 51, as_of: 2024-06-30 }
  - { target: 4/ge-equal, value: 50, as_of: 2024-06-30 }
  - { target: 4/le-zero-ok, value: 0, as_of: 2024-06-30 }
  - { target: 4/le-zero-bad, value: 1, as_of: 2024-06-30 }
  - { target: 4/le-ten-ok, value: 10, as_of: 2024-06-30 }
  - { target: 4/le-ten-bad, value: 12, as_of: 2024-06-30 }
  - { target: 4/lt-five-eq, value: 5, as_of: 2024-06-30 }
  - { target: 4/lt-five-ok, value: 4, as_of: 2024-06-30 }
  - { target: 4/lt-five-bad, value: 7, as_of: 2024-06-30 }
  - { target: 4/gt-zero, value: 3, as_of: 2024-06-30 }
  - { target: 4/gt-zero-none, value: 0, as_of: 2024-06-30 }
  - { target: 4/gt-pace-equal, value: 182, as_of: 2024-06-30 }
  - { target: 4/gt-pace-above, value: 183, as_of: 2024-06-30 }
  - { target: 4/over, value: 1200, as_of: 2024-06-30 }
  - { target: 4/late-start, value: 20, as_of: 2024-06-30 }
  - { target: 4/late-start-met, value: 150, as_of: 2024-06-30 }
  - { target: 4/late-limit, value: 1, as_of: 2024-06-30 }
  - { target: 4/future-only, value: 600, as_of: 2024-07-31 }
  - { target: 4/miss, value: 300, as_of: 2024-06-30 }
  - { target: 4/miss-met, value: 600, as_of: 2024-06-30 }

  - { target: 5/tol-in, value: 1819.9999999995, as_of: 2024-06-30 }
  - { target: 5/tol-out, value: 1819.999999998, as_of: 2024-06-30 }
  - { target: 5/tol-met, value: 3659.9999999995, as_of: 2024-06-30 }
  - { target: 5/tol-gt, value: 50.0000000005, as_of: 2024-06-30 }
  - { target: 5/tol-lt, value: 4.9999999995, as_of: 2024-06-30 }
  - { target: 5/tol-le, value: 10.0000000005, as_of: 2024-06-30 }
`;

const plan2023 = `format: plan/1
id: eval-2023
title: 评估规则测试方案（2023，平年）
period: { start: 2023-01-01, end: 2023-12-31 }
tasks:
  - id: "1"
    title: 抽检
    lead: 区市场监管局
    targets:
      - { id: count, metric: 抽检量, target: ">= 1900", unit: 批次 }
`;

const actuals2023 = `format: actuals/1
plan: eval-2023
reported_by: 区市场监管局
as_of: 2023-06-30
values:
  - { target: "1", value: 1000 }
`;

const planPopulation = `format: plan/1
id: eval-pop
title: 人口折算测试
period: { start: 2024-01-01, end: 2024-12-31 }
population: 542857
tasks:
  - id: "4"
    title: 提升风险预警能力
    lead: [区市场监管局]
    targets:
      - { id: food-sampling, metric: 食品监督抽检量, target: ">= 3.5 per 1000", unit: 批次 }
`;

const actualsPopulation = `format: actuals/1
plan: eval-pop
reported_by: 区市场监管局
as_of: 2024-06-30
values:
  - { target: 4/food-sampling, value: 1020 }
`;

const fixtures = {
  y2024: { 'eval-2024.plan.yaml': plan2024, 'eval-2024.actuals.yaml': actuals2024 },
  y2023: { 'eval-2023.plan.yaml': plan2023, 'eval-2023.actuals.yaml': actuals2023 },
  pop: { 'eval-pop.plan.yaml': planPopulation, 'eval-pop.actuals.yaml': actualsPopulation },
} as const;
type FixtureName = keyof typeof fixtures;

// ---------------------------------------------------------------------------------------------
// Cases: [name, fixture, T, ref, expected fields of the row]
// ---------------------------------------------------------------------------------------------

type Want = Partial<
  Pick<
    TargetRow,
    'required' | 'expected' | 'actual' | 'gap' | 'progress' | 'status' | 'op' | 'kind' | 'start' | 'due' | 'lag' | 'progress_kind'
  >
>;
type Case = [name: string, fixture: FixtureName, asOf: string, ref: string, want: Want];

const noData = { actual: null, gap: null, progress: null, status: 'no_data' } as const;

const cases: Case[] = [
  // ---- linear E, leap year 2024 (366 days), R = 3660; one row 1900 dated 2024-06-30 ----------
  // before start: (2023-06-30 − 2024-01-01 + 1) < 0 → clamp 0 → E = 0; the only row is after T
  ['linear: long before start', 'y2024', '2023-06-30', 'eval-2024:1/pace', { required: 3660, expected: 0, ...noData }],
  // (2023-12-31 − 2024-01-01 + 1) = 0 → E = 3660 × 0/366 = 0
  ['linear: day before start', 'y2024', '2023-12-31', 'eval-2024:1/pace', { required: 3660, expected: 0, ...noData }],
  // first day: E = 3660 × 1/366 = 10
  ['linear: first day', 'y2024', '2024-01-01', 'eval-2024:1/pace', { expected: 10, ...noData }],
  // leap day: 31 + 29 = 60 days → E = 3660 × 60/366 = 600
  ['linear: leap day 2024-02-29', 'y2024', '2024-02-29', 'eval-2024:1/pace', { expected: 600, ...noData }],
  // 2024-06-29: 181 days → E = 3660 × 181/366 = 1810; the 06-30 row is after T → no data
  ['linear: row dated after T is ignored', 'y2024', '2024-06-29', 'eval-2024:1/pace', { expected: 1810, ...noData }],
  // mid: 182 days → E = 3660 × 182/366 = 1820; A = 1900 ≥ 1820 → on_track;
  // gap = 3660 − 1900 = 1760; progress = 1900/3660 = 95/183 = 0.5191256…
  [
    'linear: mid-year',
    'y2024',
    '2024-06-30',
    'eval-2024:1/pace',
    { required: 3660, expected: 1820, actual: 1900, gap: 1760, progress: 95 / 183, status: 'on_track' },
  ],
  // due day: 366/366 → E = 3660; A = 1900 < 3660 and T is not after due → behind
  [
    'linear: due day',
    'y2024',
    '2024-12-31',
    'eval-2024:1/pace',
    { expected: 3660, actual: 1900, gap: 1760, progress: 95 / 183, status: 'behind' },
  ],
  // after due: clamp → 1 → E = 3660; T > due, not met → missed
  [
    'linear: after due',
    'y2024',
    '2025-01-15',
    'eval-2024:1/pace',
    { expected: 3660, actual: 1900, gap: 1760, progress: 95 / 183, status: 'missed' },
  ],

  // ---- linear E, 2023 (365 days), R = 1900, one row 1000 dated 2023-06-30 --------------------
  // first day: E = 1900 × 1/365 = 380/73 = 5.2054794…
  ['2023: first day', 'y2023', '2023-01-01', 'eval-2023:1/count', { required: 1900, expected: 380 / 73, ...noData }],
  // 2023-03-01: 31 + 28 + 1 = 60 → E = 1900 × 60/365 = 114000/365 = 22800/73 = 312.3287671…
  ['2023: March 1st (no leap day)', 'y2023', '2023-03-01', 'eval-2023:1/count', { expected: 22800 / 73, ...noData }],
  // 2023-06-30: 181 days → E = 1900 × 181/365 = 343900/365 = 68780/73 = 942.1917808…; A = 1000 → on_track
  // gap = 900; progress = 1000/1900 = 10/19
  [
    '2023: mid-year',
    'y2023',
    '2023-06-30',
    'eval-2023:1/count',
    { expected: 68780 / 73, actual: 1000, gap: 900, progress: 10 / 19, status: 'on_track' },
  ],
  // due day: E = 1900; A = 1000 → behind
  ['2023: due day', 'y2023', '2023-12-31', 'eval-2023:1/count', { expected: 1900, actual: 1000, gap: 900, status: 'behind' }],
  // after due → missed, E = 1900
  ['2023: after due', 'y2023', '2024-01-01', 'eval-2023:1/count', { expected: 1900, actual: 1000, gap: 900, status: 'missed' }],

  // ---- per-capita ------------------------------------------------------------------------------
  // R = 3.5 × 543000 / 1000 = 1900.5; E = 1900.5 × 182/366 = 345891/366 = 945.0573770…
  // A = 1020 → on_track; gap = 1900.5 − 1020 = 880.5; progress = 1020/1900.5 = 2040/3801 = 0.5367008…
  [
    'per capita: 3.5 per 1000 of 543000',
    'y2024',
    '2024-06-30',
    'eval-2024:1/sampling',
    { kind: 'per_capita', required: 1900.5, expected: 345891 / 366, actual: 1020, gap: 880.5, progress: 2040 / 3801, status: 'on_track' },
  ],
  // structured {op: ">=", value: 4, per: 1000}: R = 4 × 543000 / 1000 = 2172
  // E = 2172 × 182/366 = 395304/366 = 65884/61 = 1080.0655737…; A = 1000 < E → behind
  // gap = 1172; progress = 1000/2172 = 250/543
  [
    'per capita: structured form',
    'y2024',
    '2024-06-30',
    'eval-2024:1/structured',
    { kind: 'per_capita', required: 2172, expected: 65884 / 61, actual: 1000, gap: 1172, progress: 250 / 543, status: 'behind' },
  ],
  // R = 3.5 × 542857 / 1000 = 1899999.5 / 1000 = 1899.9995 exactly (no rounding)
  // E = 1899.9995 × 182/366 = (3799999/2000) × (91/183) = 345799909/366000 = 944.8084945…
  // gap = 1899.9995 − 1020 = 879.9995; progress = 1020/1899.9995 = 2040000/3799999 = 0.5368422…
  [
    'per capita: 3.5 per 1000 of 542857',
    'pop',
    '2024-06-30',
    'eval-pop:4/food-sampling',
    { required: 1899.9995, expected: 345799909 / 366000, actual: 1020, gap: 879.9995, progress: 2040000 / 3799999, status: 'on_track' },
  ],

  // ---- target's own start/due window: 2024-06-01 … 2024-11-30 = 335 − 152 = 183 days, R = 366 --
  // rows: 10 @05-15, 50 @06-30, 300 @10-31
  // T = 05-31: (05-31 − 06-01 + 1) = 0 → E = 0; A = 10 < 366, T before start → not_started
  // gap = 356; progress = 10/366 = 5/183
  [
    'window: not_started (data present, before start)',
    'y2024',
    '2024-05-31',
    'eval-2024:1/window',
    { start: '2024-06-01', due: '2024-11-30', expected: 0, actual: 10, gap: 356, progress: 5 / 183, status: 'not_started' },
  ],
  // first day of window: E = 366 × 1/183 = 2; A = 10 ≥ 2 → on_track
  ['window: first day', 'y2024', '2024-06-01', 'eval-2024:1/window', { expected: 2, actual: 10, gap: 356, status: 'on_track' }],
  // 30 days in: E = 366 × 30/183 = 60; A = 50 (latest row 06-30) < 60 → behind; gap 316; progress 50/366 = 25/183
  [
    'window: mid',
    'y2024',
    '2024-06-30',
    'eval-2024:1/window',
    { expected: 60, actual: 50, gap: 316, progress: 25 / 183, status: 'behind' },
  ],
  // due day: E = 366; A = 300 → behind (not yet missed)
  [
    'window: due day',
    'y2024',
    '2024-11-30',
    'eval-2024:1/window',
    { expected: 366, actual: 300, gap: 66, progress: 50 / 61, status: 'behind' },
  ],
  // day after due: missed; gap = 66; progress = 300/366 = 50/61
  [
    'window: missed',
    'y2024',
    '2024-12-01',
    'eval-2024:1/window',
    { expected: 366, actual: 300, gap: 66, progress: 50 / 61, status: 'missed' },
  ],

  // ---- progress: at_due (R = 4, due 2024-06-30; one row 2 @03-31) --------------------------------
  ['at_due: no data yet, E = 0', 'y2024', '2024-03-30', 'eval-2024:1/once', { required: 4, expected: 0, ...noData }],
  // day before due: E = 0; A = 2 ≥ 0 → on_track; gap 2; progress 0.5
  [
    'at_due: day before due, E = 0',
    'y2024',
    '2024-06-29',
    'eval-2024:1/once',
    { expected: 0, actual: 2, gap: 2, progress: 0.5, status: 'on_track' },
  ],
  // on due: E = R = 4; A = 2 → behind
  ['at_due: on due, E = R', 'y2024', '2024-06-30', 'eval-2024:1/once', { expected: 4, actual: 2, gap: 2, progress: 0.5, status: 'behind' }],
  // after due: E = 4; missed
  ['at_due: after due', 'y2024', '2024-07-01', 'eval-2024:1/once', { expected: 4, actual: 2, gap: 2, status: 'missed' }],

  // ---- accumulate: latest vs sum (R = 1000) ----------------------------------------------------
  // rows: 区市场监管局 100 @03-31, 250 @06-30, 400 @07-31; 区卫健局 80 @05-31
  // T = 03-30: 90 days → E = 1000 × 90/366 = 15000/61 = 245.9016…; no row on or before T
  ['latest: nothing yet', 'y2024', '2024-03-30', 'eval-2024:2/latest', { expected: 15000 / 61, ...noData }],
  ['sum: nothing yet', 'y2024', '2024-03-30', 'eval-2024:2/sum', { expected: 15000 / 61, ...noData }],
  // T = 04-30: 121 days → E = 121000/366 = 60500/183 = 330.6010…; only the 100 row → A = 100 → behind
  [
    'latest: one unit so far',
    'y2024',
    '2024-04-30',
    'eval-2024:2/latest',
    { expected: 60500 / 183, actual: 100, gap: 900, progress: 0.1, status: 'behind' },
  ],
  [
    'sum: one row so far',
    'y2024',
    '2024-04-30',
    'eval-2024:2/sum',
    { expected: 60500 / 183, actual: 100, gap: 900, progress: 0.1, status: 'behind' },
  ],
  // T = 06-30: E = 182000/366 = 91000/183 = 497.2677…
  // latest: 250 (监管局 @06-30) + 80 (卫健局 @05-31) = 330 → behind; gap 670; progress 0.33
  [
    'latest (default): each unit latest, added',
    'y2024',
    '2024-06-30',
    'eval-2024:2/latest',
    { expected: 91000 / 183, actual: 330, gap: 670, progress: 0.33, status: 'behind' },
  ],
  [
    'latest (explicit): same as default',
    'y2024',
    '2024-06-30',
    'eval-2024:2/latest-explicit',
    { expected: 91000 / 183, actual: 330, gap: 670, progress: 0.33, status: 'behind' },
  ],
  // sum: 100 + 250 + 80 = 430 (the 07-31 row is after T) → behind; gap 570; progress 0.43
  [
    'sum: every row on or before T',
    'y2024',
    '2024-06-30',
    'eval-2024:2/sum',
    { expected: 91000 / 183, actual: 430, gap: 570, progress: 0.43, status: 'behind' },
  ],
  // T = 07-31: 213 days → E = 213000/366 = 35500/61 = 581.9672…
  // latest: 400 + 80 = 480 < E → behind; gap 520; progress 0.48
  [
    'latest: later row replaces earlier',
    'y2024',
    '2024-07-31',
    'eval-2024:2/latest',
    { expected: 35500 / 61, actual: 480, gap: 520, progress: 0.48, status: 'behind' },
  ],
  // sum: 100 + 250 + 400 + 80 = 830 ≥ E → on_track; gap 170; progress 0.83
  [
    'sum: later row added',
    'y2024',
    '2024-07-31',
    'eval-2024:2/sum',
    { expected: 35500 / 61, actual: 830, gap: 170, progress: 0.83, status: 'on_track' },
  ],

  // ---- percentages (R in percent points) ---------------------------------------------------------
  // contract v2: a percentage target is a level by default (E = R from start on), so a rate
  // below its floor is behind, never on track. (v1 paced these linearly; the figures changed.)
  // two units, latest per unit at 06-30: 监管局 47/50 (06-30), 卫健局 30/40 (06-15)
  // A = (47 + 30)/(50 + 40) × 100 = 7700/90 = 770/9 = 85.5555…
  // E = R = 95 (level); A < E → behind; lag = (95 − 770/9)/95 × 100 = (85/9)/95 × 100 = 1700/171 = 9.9415…
  // gap = 95 − 770/9 = 85/9 = 9.444…; progress = (770/9)/95 = 154/171 = 0.9005847…
  [
    'percent: two units, Σdone/Σof × 100',
    'y2024',
    '2024-06-30',
    'eval-2024:3/two-units',
    {
      kind: 'percent',
      required: 95,
      expected: 95,
      actual: 770 / 9,
      gap: 85 / 9,
      progress: 154 / 171,
      lag: 1700 / 171,
      status: 'behind',
      progress_kind: 'level',
    },
  ],
  // T = 04-30: only 监管局 10/50 (03-31) → A = 20; E = 95 (level); behind
  // gap = 75; progress = 20/95 = 4/19; lag = 75/95 × 100 = 1500/19
  [
    'percent: one unit reported so far',
    'y2024',
    '2024-04-30',
    'eval-2024:3/two-units',
    { expected: 95, actual: 20, gap: 75, progress: 4 / 19, lag: 1500 / 19, status: 'behind' },
  ],
  // T = 07-31: 监管局 50/50, 卫健局 30/40 → A = 80/90 × 100 = 800/9 = 88.888…
  // E = 95; behind; gap = 95 − 800/9 = 55/9; progress = 800/855 = 160/171; lag = (55/9)/95 × 100 = 1100/171
  [
    'percent: two units, later row',
    'y2024',
    '2024-07-31',
    'eval-2024:3/two-units',
    { expected: 95, actual: 800 / 9, gap: 55 / 9, progress: 160 / 171, lag: 1100 / 171, status: 'behind' },
  ],
  // three units: (47 + 30 + 20)/(50 + 40 + 20) × 100 = 9700/110 = 970/11 = 88.1818…
  // gap = 95 − 970/11 = 75/11; progress = (970/11)/95 = 970/1045 = 194/209; E = 95 → behind
  [
    'percent: three units',
    'y2024',
    '2024-06-30',
    'eval-2024:3/three-units',
    { expected: 95, actual: 970 / 11, gap: 75 / 11, progress: 194 / 209, status: 'behind' },
  ],
  // a single bare percentage "94%": A = 94; E = 100 (level); gap 6; progress 0.94; lag = 6/100 × 100 = 6 → behind
  [
    'percent: single bare percentage',
    'y2024',
    '2024-06-30',
    'eval-2024:3/bare',
    { required: 100, expected: 100, actual: 94, gap: 6, progress: 0.94, lag: 6, status: 'behind' },
  ],
  // the same figure paced linearly when the plan says so: E = 100 × 182/366 = 9100/183 = 49.7267…
  // lag = (9100/183 − 94)/100 × 100 = (9100 − 17202)/183 = −8102/183 (ahead)
  [
    'percent: progress linear written',
    'y2024',
    '2024-06-30',
    'eval-2024:3/bare-linear',
    {
      required: 100,
      expected: 9100 / 183,
      actual: 94,
      gap: 6,
      progress: 0.94,
      lag: -8102 / 183,
      status: 'on_track',
      progress_kind: 'linear',
    },
  ],
  // 50/50 → A = 100 ≥ 100 → met; gap 0; progress 1
  ['percent: 100% met', 'y2024', '2024-06-30', 'eval-2024:3/full', { actual: 100, gap: 0, progress: 1, status: 'met' }],
  // "<= 5%": 3/50 × 100 = 6 > 5 → breached; E null; gap = 6 − 5 = 1; progress = 6/5 = 1.2
  [
    'percent: <= 5% breached',
    'y2024',
    '2024-06-30',
    'eval-2024:3/rate-limit',
    { op: '<=', required: 5, expected: null, actual: 6, gap: 1, progress: 1.2, status: 'breached' },
  ],

  // ---- comparisons -------------------------------------------------------------------------------
  // "> 50", A = 50: strict, not met. E = 50 × 182/366 = 4550/183 = 24.86…; A ≥ E → on_track
  // gap = max(50 − 50, 0) = 0; progress = 1
  [
    '> is strict: A = R not met (on pace)',
    'y2024',
    '2024-06-30',
    'eval-2024:4/gt-equal',
    { op: '>', required: 50, expected: 4550 / 183, actual: 50, gap: 0, progress: 1, status: 'on_track' },
  ],
  // same after due: E = 50, not met → missed, gap still 0
  [
    '> is strict: A = R after due → missed',
    'y2024',
    '2025-01-01',
    'eval-2024:4/gt-equal',
    { expected: 50, actual: 50, gap: 0, progress: 1, status: 'missed' },
  ],
  // "> 50", A = 51 → met; progress = 51/50 = 1.02
  ['> met', 'y2024', '2024-06-30', 'eval-2024:4/gt-over', { actual: 51, gap: 0, progress: 1.02, status: 'met' }],
  // ">= 50", A = 50 → met
  ['>= met at equality', 'y2024', '2024-06-30', 'eval-2024:4/ge-equal', { actual: 50, gap: 0, progress: 1, status: 'met' }],
  // "<= 0", A = 0 → met; R = 0 → progress null; E null for limits
  [
    '<= 0 met, progress null (R = 0)',
    'y2024',
    '2024-06-30',
    'eval-2024:4/le-zero-ok',
    { op: '<=', required: 0, expected: null, actual: 0, gap: 0, progress: null, status: 'met' },
  ],
  // "<= 0", A = 1 → breached; gap = excess 1 − 0 = 1; progress null
  [
    '<= 0 breached',
    'y2024',
    '2024-06-30',
    'eval-2024:4/le-zero-bad',
    { required: 0, expected: null, actual: 1, gap: 1, progress: null, status: 'breached' },
  ],
  // "<= 10", A = 10 → met; gap 0; progress 1
  [
    '<= met at equality',
    'y2024',
    '2024-06-30',
    'eval-2024:4/le-ten-ok',
    { expected: null, actual: 10, gap: 0, progress: 1, status: 'met' },
  ],
  // "<= 10", A = 12 → breached; gap = 12 − 10 = 2; progress = 12/10 = 1.2 (not capped)
  [
    '<= breached, gap = excess',
    'y2024',
    '2024-06-30',
    'eval-2024:4/le-ten-bad',
    { expected: null, actual: 12, gap: 2, progress: 1.2, status: 'breached' },
  ],
  // breached comes before missed in the status order
  [
    '<= breached after due (not missed)',
    'y2024',
    '2025-01-01',
    'eval-2024:4/le-ten-bad',
    { expected: null, actual: 12, gap: 2, progress: 1.2, status: 'breached' },
  ],
  // "< 5", A = 5 → not satisfied → breached; gap = max(5 − 5, 0) = 0; progress 1
  [
    '< 5 with A = 5 breached',
    'y2024',
    '2024-06-30',
    'eval-2024:4/lt-five-eq',
    { op: '<', required: 5, expected: null, actual: 5, gap: 0, progress: 1, status: 'breached' },
  ],
  // "< 5", A = 4 → met; gap 0; progress 0.8
  ['< 5 met', 'y2024', '2024-06-30', 'eval-2024:4/lt-five-ok', { expected: null, actual: 4, gap: 0, progress: 0.8, status: 'met' }],
  // "< 5", A = 7 → breached; gap 2; progress 1.4
  [
    '< 5 breached',
    'y2024',
    '2024-06-30',
    'eval-2024:4/lt-five-bad',
    { expected: null, actual: 7, gap: 2, progress: 1.4, status: 'breached' },
  ],
  // "> 0", A = 3 → met; R = 0 → progress null; E = 0 × … = 0
  [
    '> 0 met, progress null',
    'y2024',
    '2024-06-30',
    'eval-2024:4/gt-zero',
    { required: 0, expected: 0, actual: 3, gap: 0, progress: null, status: 'met' },
  ],
  // "> 0", A = 0: not met; E = 0 and the pace is met by the target's own comparison, A > E:
  // 0 > 0 is false → behind (contract v2); gap = max(0 − 0, 0) = 0
  [
    '> 0 with A = 0 before due',
    'y2024',
    '2024-06-30',
    'eval-2024:4/gt-zero-none',
    { required: 0, expected: 0, actual: 0, gap: 0, progress: null, status: 'behind' },
  ],
  // "> 0" paced linearly to R = 0 cannot be ahead of E = 0 without being met: A = 3 → met (above)
  // "> 366" linear over 2024, T = 06-30: E = 366 × 182/366 = 182; A = 182 is not > E → behind,
  // gap = 366 − 182 = 184, progress 182/366; A = 183 > E → on_track, gap 183, progress 183/366
  [
    '> R with A exactly on the pace is behind',
    'y2024',
    '2024-06-30',
    'eval-2024:4/gt-pace-equal',
    { required: 366, expected: 182, actual: 182, gap: 184, progress: 182 / 366, status: 'behind' },
  ],
  [
    '> R with A above the pace is on track',
    'y2024',
    '2024-06-30',
    'eval-2024:4/gt-pace-above',
    { required: 366, expected: 182, actual: 183, gap: 183, progress: 183 / 366, status: 'on_track' },
  ],
  [
    '> 0 with A = 0 after due',
    'y2024',
    '2025-01-01',
    'eval-2024:4/gt-zero-none',
    { required: 0, expected: 0, actual: 0, gap: 0, progress: null, status: 'missed' },
  ],
  // ">= 1000", A = 1200 → met; gap = max(1000 − 1200, 0) = 0 (never negative); progress = 1.2 (not capped)
  [
    'over-achieved: gap 0, progress 1.2',
    'y2024',
    '2024-06-30',
    'eval-2024:4/over',
    { required: 1000, actual: 1200, gap: 0, progress: 1.2, status: 'met' },
  ],
  // ">= 100" from 2024-07-01, A = 20 @06-30, T = 06-30: (06-30 − 07-01 + 1) = 0 → E = 0
  // not met, T before start → not_started; gap 80; progress 0.2
  [
    'not_started: before target start',
    'y2024',
    '2024-06-30',
    'eval-2024:4/late-start',
    { start: '2024-07-01', expected: 0, actual: 20, gap: 80, progress: 0.2, status: 'not_started' },
  ],
  // met before start: met comes first
  [
    'met before start',
    'y2024',
    '2024-06-30',
    'eval-2024:4/late-start-met',
    { expected: 0, actual: 150, gap: 0, progress: 1.5, status: 'met' },
  ],
  // "<= 0" from 2024-07-01 with A = 1 before start: breached comes before not_started
  [
    'breached before start (not not_started)',
    'y2024',
    '2024-06-30',
    'eval-2024:4/late-limit',
    { expected: null, actual: 1, gap: 1, progress: null, status: 'breached' },
  ],
  // no rows at all: E still computed = 500 × 182/366 = 45500/183 = 248.6338…
  ['no_data: no rows', 'y2024', '2024-06-30', 'eval-2024:4/empty', { required: 500, expected: 45500 / 183, ...noData }],
  // only a row after T: no_data; E = 45500/183
  ['no_data: only a row after T', 'y2024', '2024-06-30', 'eval-2024:4/future-only', { expected: 45500 / 183, ...noData }],
  // at T = 07-31 the row counts: A = 600 ≥ 500 → met
  ['the same row on its date', 'y2024', '2024-07-31', 'eval-2024:4/future-only', { actual: 600, gap: 0, progress: 1.2, status: 'met' }],
  // due 2024-09-30: window 274 days; on due E = 500 × 274/274 = 500; A = 300 → behind; gap 200; progress 0.6
  [
    'due day of own due: behind',
    'y2024',
    '2024-09-30',
    'eval-2024:4/miss',
    { due: '2024-09-30', expected: 500, actual: 300, gap: 200, progress: 0.6, status: 'behind' },
  ],
  // day after due → missed
  [
    'missed: T after due, not met',
    'y2024',
    '2024-10-01',
    'eval-2024:4/miss',
    { expected: 500, actual: 300, gap: 200, progress: 0.6, status: 'missed' },
  ],
  // after due but met → met
  [
    'met after due (not missed)',
    'y2024',
    '2024-10-01',
    'eval-2024:4/miss-met',
    { expected: 500, actual: 600, gap: 0, progress: 1.2, status: 'met' },
  ],

  // ---- 1e-9 tolerance (R = 3660, T = 06-30 → E = 3660 × 182/366 = 1820 exactly) -----------------
  // A = 1819.9999999995: E − A = 5e-10 ≤ 1e-9 → equal → on_track; gap = 3660 − A = 1840.0000000005
  [
    'tolerance: A 5e-10 below E → on_track',
    'y2024',
    '2024-06-30',
    'eval-2024:5/tol-in',
    { expected: 1820, actual: 1819.9999999995, gap: 1840.0000000005, status: 'on_track' },
  ],
  // A = 1819.999999998: E − A = 2e-9 > 1e-9 → behind
  [
    'tolerance: A 2e-9 below E → behind',
    'y2024',
    '2024-06-30',
    'eval-2024:5/tol-out',
    { expected: 1820, actual: 1819.999999998, status: 'behind' },
  ],
  // A = 3659.9999999995: R − A = 5e-10 → equal → ">=" met
  ['tolerance: A 5e-10 below R → met', 'y2024', '2024-06-30', 'eval-2024:5/tol-met', { actual: 3659.9999999995, status: 'met' }],
  // "> 50", A = 50.0000000005: equal within 1e-9 → not strictly greater → not met; A ≥ E → on_track
  [
    'tolerance: > with A 5e-10 above R → not met',
    'y2024',
    '2024-06-30',
    'eval-2024:5/tol-gt',
    { expected: 4550 / 183, actual: 50.0000000005, status: 'on_track' },
  ],
  // "< 5", A = 4.9999999995: equal within 1e-9 → not strictly less → breached
  [
    'tolerance: < with A 5e-10 below R → breached',
    'y2024',
    '2024-06-30',
    'eval-2024:5/tol-lt',
    { expected: null, actual: 4.9999999995, status: 'breached' },
  ],
  // "<= 10", A = 10.0000000005: equal within 1e-9 → met
  [
    'tolerance: <= with A 5e-10 above R → met',
    'y2024',
    '2024-06-30',
    'eval-2024:5/tol-le',
    { expected: null, actual: 10.0000000005, status: 'met' },
  ],
];

// ---------------------------------------------------------------------------------------------

function rowFor(fixture: FixtureName, asOf: string, ref: string): TargetRow {
  const p = project(fixtures[fixture]);
  expect(p.diagnostics).toEqual([]);
  const evaluation = evaluateProject(p, day(asOf), 14);
  const result = evaluation.targets.find((r) => r.target.ref === ref);
  if (!result) throw new Error(`no result for ${ref}`);
  return toTargetRow(result, new Map(p.plans.map((plan) => [plan.id, plan])));
}

describe.each(timezones)('evaluation rules, TZ=%s', (tz) => {
  useTimezone(tz);

  it.each(cases)('%s', (_name, fixture, asOf, ref, want) => {
    const row = rowFor(fixture, asOf, ref);
    const picked = Object.fromEntries(Object.keys(want).map((key) => [key, row[key as keyof TargetRow]]));
    expect(picked).toEqual(want);
  });

  it('per-capita R is exact: 3.5 per 1000 of 542857 is 1899.9995, of 543000 is 1900.5', () => {
    // 3.5 × 542857 = 1899999.5; / 1000 = 1899.9995
    expect(String(rowFor('pop', '2024-06-30', 'eval-pop:4/food-sampling').required)).toBe('1899.9995');
    // 3.5 × 543000 = 1900500; / 1000 = 1900.5
    expect(String(rowFor('y2024', '2024-06-30', 'eval-2024:1/sampling').required)).toBe('1900.5');
  });

  it('gap is never negative and actual/gap/progress are null together', () => {
    for (const asOf of ['2023-12-31', '2024-03-30', '2024-06-30', '2024-07-31', '2024-12-31', '2025-01-15']) {
      const p = project(fixtures.y2024);
      const plans = new Map(p.plans.map((plan) => [plan.id, plan]));
      for (const result of evaluateProject(p, day(asOf), 14).targets) {
        const row = toTargetRow(result, plans);
        if (row.gap !== null) expect(row.gap).toBeGreaterThanOrEqual(0);
        if (row.actual === null) {
          expect(row.gap).toBeNull();
          expect(row.progress).toBeNull();
          expect(row.status).toBe('no_data');
        }
        if (row.op === '<=' || row.op === '<') expect(row.expected).toBeNull();
        else expect(row.expected).not.toBeNull();
      }
    }
  });
});
