// Table-driven checks of the contract's "Deadlines" rules (docs/plan-format.md). Every due date,
// days_left and status below was worked out by hand from the contract wording.
//
// Day-of-year numbers used for days_left (2024, leap year):
//   02-29 = 60 | 03-10 = 70 | 03-31 = 91 | 04-09 = 100 | 04-10 = 101 | 05-31 = 152 | 06-30 = 182
//   07-14 = 196 | 07-15 = 197 | 07-31 = 213 | 10-31 = 305 | 11-30 = 335 | 11-15 = 320
//   12-15 = 350 | 12-17 = 352 | 12-31 = 366
// Weekdays (checked against 2024-07-01 = Monday and 2024-06-30 = Sunday): 2024-07-05/12/19/26 are
// Fridays; 2024-07-06 is a Saturday; 2024-06-02/09/16/23/30 are Sundays; 2024-12-28 is a Saturday,
// so 2024-12-30 is a Monday and 2025-01-01 a Wednesday; 2023-02-24 and 2023-03-03 are Fridays.
import { describe, expect, it } from 'vitest';
import { evaluateProject } from '../src/core/project.js';
import { type DeadlineRow, toDeadlineRow } from '../src/report/rows.js';
import { day, project, timezones, useTimezone } from './helpers.js';

const plan2024 = `format: plan/1
id: dl-2024
title: 期限规则测试（2024）
period: { start: 2024-01-01, end: 2024-12-31 }
phases:
  - { id: mobilize, title: 动员部署, start: 2024-01-01, due: 2024-02-29, done: 2024-02-20, owner: 区食药安办 }
  - { id: act, title: 重点整治, start: 2024-06-01, due: 2024-11-30 }
  - { id: review, title: 总结验收, start: 2024-12-01, due: 2024-12-15 }
duties:
  - { id: monthly31, title: 月末报送, owner: 区食药安办, every: month, day: 31 }
  - { id: quarterly, title: 季度报送, owner: 区食药安办, every: quarter, day: 10 }
  - { id: quarterly-late, title: 季度报送（1月11日起）, owner: 区食药安办, every: quarter, day: 10, start: 2024-01-11 }
  - { id: quarter-end, title: 季末报送, owner: 区食药安办, every: quarter, month: 3, day: 10 }
  - { id: half, title: 半年报送, owner: 区食药安办, every: half_year, day: 15 }
  - { id: half-end, title: 半年末报送, owner: 区食药安办, every: half_year, month: 6, day: 31 }
  - { id: yearly, title: 每年10月底前报送, owner: 区食药安办, every: year, month: 10, day: 31 }
  - { id: weekly, title: 每周五报送, owner: 区市场监管局, every: week, day: 5, start: 2024-07-06, until: 2024-07-26 }
  - { id: weekly-sun, title: 每周日报送, owner: 区市场监管局, every: week, day: 7, start: 2024-06-01, until: 2024-06-30 }
  - { id: monthly10, title: 每月10日前报, owner: 区食药安办, every: month, day: 10, start: 2024-02-11, until: 2024-06-09 }
  - { id: annual, title: 11月15日前报全年工作开展情况, owner: 区食药安办, due: 2024-11-15 }
tasks:
  - { id: "1", title: 默认截止, lead: [区市场监管局, 区卫健局] }
  - { id: "2", title: 方案中完成, lead: 区卫健局, due: 2024-06-30, done: 2024-06-20 }
  - { id: "3", title: 报送中逾期完成, lead: 区市场监管局, due: 2024-06-30 }
  - { id: "4", title: 到期当天完成, lead: 区市场监管局, due: 2024-03-31, done: 2024-03-31 }
  - { id: "5", title: 还有14天, lead: 区市场监管局, due: 2024-07-14 }
  - { id: "6", title: 还有15天, lead: 区市场监管局, due: 2024-07-15 }
  - { id: "7", title: 今天到期, lead: 区市场监管局, due: 2024-06-30 }
  - { id: "8", title: 已逾期, lead: 区市场监管局, due: 2024-05-31 }
  - { id: "9", title: 报送中按期完成, lead: 区市场监管局, due: 2024-06-30 }
  - { id: "10", title: 方案中逾期完成, lead: 区市场监管局, due: 2024-03-31, done: 2024-04-02 }
`;

const actuals2024 = `format: actuals/1
plan: dl-2024
done:
  - { task: "3", date: 2024-07-05 }
  - { task: "9", date: 2024-06-25 }
  - { phase: review, date: 2024-12-20 }
duties:
  - { duty: quarterly, due: 2024-01-10, date: 2024-01-20 }
  - { duty: quarterly, due: 2024-04-10, date: 2024-04-10 }
  - { duty: quarterly, due: 2024-07-10, date: 2024-07-11 }
  - { duty: quarter-end, due: 2024-03-10, date: 2024-03-09 }
  - { duty: monthly31, due: 2024-02-29, date: 2024-02-29 }
`;

const plan2023 = `format: plan/1
id: dl-2023
title: 期限规则测试（2023）
period: { start: 2023-01-01, end: 2023-12-31 }
duties:
  - { id: monthly31, title: 月末报送, owner: 区食药安办, every: month, day: 31, until: 2023-04-30 }
  - { id: q-mid, title: 季度第2月末报送, owner: 区食药安办, every: quarter, month: 2, day: 31 }
  - { id: friday, title: 周五报送, owner: 区食药安办, every: week, day: 5, start: 2023-02-20, until: 2023-03-05 }
tasks:
  - { id: "1", title: 全年任务, lead: 区市场监管局 }
`;

const planMulti = `format: plan/1
id: dl-multi
title: 跨年度期限测试
period: { start: 2023-07-01, end: 2025-06-30 }
duties:
  - { id: yearly, title: 每年10月底前报送, owner: 区食药安办, every: year, month: 10, day: 31 }
  - { id: half, title: 每半年报送, owner: 区食药安办, every: half_year, day: 10 }
  - { id: feb-end, title: 每年2月底前报送, owner: 区食药安办, every: year, month: 2, day: 31 }
  - { id: weekly-wed, title: 周三报送, owner: 区食药安办, every: week, day: 3, start: 2024-12-28, until: 2025-01-10 }
tasks:
  - { id: "1", title: 两年任务, lead: 区市场监管局 }
`;

const files = {
  'dl-2024.plan.yaml': plan2024,
  'dl-2024.actuals.yaml': actuals2024,
  'dl-2023.plan.yaml': plan2023,
  'dl-multi.plan.yaml': planMulti,
};

// ---------------------------------------------------------------------------------------------
// Occurrences of recurring duties: [duty ref prefix, due dates worked out by hand]
// ---------------------------------------------------------------------------------------------

type OccurrenceCase = [name: string, plan: string, duty: string, dues: string[]];

const occurrenceCases: OccurrenceCase[] = [
  // day 31 each month of 2024; clamped to the month's last day: Feb 29 (leap), Apr/Jun/Sep/Nov 30
  [
    'month day 31, leap year 2024',
    'dl-2024',
    'monthly31',
    [
      '2024-01-31',
      '2024-02-29',
      '2024-03-31',
      '2024-04-30',
      '2024-05-31',
      '2024-06-30',
      '2024-07-31',
      '2024-08-31',
      '2024-09-30',
      '2024-10-31',
      '2024-11-30',
      '2024-12-31',
    ],
  ],
  // 2023 is not a leap year: Feb 28; until 2023-04-30 stops after April
  ['month day 31, non-leap 2023, until April', 'dl-2023', 'monthly31', ['2023-01-31', '2023-02-28', '2023-03-31', '2023-04-30']],
  // quarters begin Jan, Apr, Jul, Oct; day 10 of the first month
  ['quarter day 10', 'dl-2024', 'quarterly', ['2024-01-10', '2024-04-10', '2024-07-10', '2024-10-10']],
  // start 2024-01-11 is after 2024-01-10 → the first quarter's occurrence does not count
  ['quarter day 10 from 2024-01-11', 'dl-2024', 'quarterly-late', ['2024-04-10', '2024-07-10', '2024-10-10']],
  // month: 3 → the quarter's third month: Mar, Jun, Sep, Dec
  ['quarter month 3 day 10', 'dl-2024', 'quarter-end', ['2024-03-10', '2024-06-10', '2024-09-10', '2024-12-10']],
  // month: 2 of each 2023 quarter: Feb (28, clamped), May 31, Aug 31, Nov (30, clamped)
  ['quarter month 2 day 31, 2023', 'dl-2023', 'q-mid', ['2023-02-28', '2023-05-31', '2023-08-31', '2023-11-30']],
  // half-years begin Jan and Jul
  ['half_year day 15', 'dl-2024', 'half', ['2024-01-15', '2024-07-15']],
  // month 6 of each half: Jun (30, clamped from 31) and Dec 31
  ['half_year month 6 day 31', 'dl-2024', 'half-end', ['2024-06-30', '2024-12-31']],
  // 每年10月底前
  ['year month 10 day 31', 'dl-2024', 'yearly', ['2024-10-31']],
  // Fridays between 2024-07-06 (Sat, excludes Fri 07-05) and 2024-07-26 (a Friday, inclusive)
  ['week day 5 (Friday) within start/until', 'dl-2024', 'weekly', ['2024-07-12', '2024-07-19', '2024-07-26']],
  // Sundays (day 7) in June 2024: 2, 9, 16, 23, 30 (06-01 is a Saturday)
  ['week day 7 (Sunday)', 'dl-2024', 'weekly-sun', ['2024-06-02', '2024-06-09', '2024-06-16', '2024-06-23', '2024-06-30']],
  // Fridays from 2023-02-20 to 2023-03-05: Feb 24, Mar 3
  ['week day 5 across February 2023', 'dl-2023', 'friday', ['2023-02-24', '2023-03-03']],
  // start 2024-02-11 excludes 02-10; until 2024-06-09 excludes 06-10
  ['month day 10 limited by start and until', 'dl-2024', 'monthly10', ['2024-03-10', '2024-04-10', '2024-05-10']],
  // a one-off duty has its single due date
  ['one-off report', 'dl-2024', 'annual', ['2024-11-15']],
  // period 2023-07-01 … 2025-06-30: Oct 31 of 2023 and 2024
  ['year month 10 day 31 over two plan years', 'dl-multi', 'yearly', ['2023-10-31', '2024-10-31']],
  // half-years: Jul 2023, Jan 2024, Jul 2024, Jan 2025 (Jul 2025 is after the period end)
  ['half_year day 10 over two plan years', 'dl-multi', 'half', ['2023-07-10', '2024-01-10', '2024-07-10', '2025-01-10']],
  // Feb of 2024 (leap: 29) and 2025 (28); Feb 2023 is before the period start
  ['year month 2 day 31: leap and non-leap February', 'dl-multi', 'feb-end', ['2024-02-29', '2025-02-28']],
  // Wednesdays from Sat 2024-12-28 to Fri 2025-01-10: 2025-01-01, 2025-01-08 (Wed 2024-12-25 is before start)
  ['week day 3 across the year end', 'dl-multi', 'weekly-wed', ['2025-01-01', '2025-01-08']],
];

// ---------------------------------------------------------------------------------------------
// Status cases: [name, T, warn_days, ref, expected fields]
// ---------------------------------------------------------------------------------------------

type Want = Partial<Pick<DeadlineRow, 'kind' | 'owner' | 'title' | 'due' | 'days_left' | 'status' | 'late' | 'completed'>>;
type StatusCase = [name: string, asOf: string, warnDays: number, ref: string, want: Want];

const statusCases: StatusCase[] = [
  // ---- tasks -------------------------------------------------------------------------------------
  // due defaults to period.end 2024-12-31; days_left = 366 − 182 = 184 > 14 → upcoming; owner = first lead
  [
    'task: due defaults to period end',
    '2024-06-30',
    14,
    'dl-2024:task/1',
    { kind: 'task', owner: '区市场监管局', due: '2024-12-31', days_left: 184, status: 'upcoming', late: false, completed: null },
  ],
  // 12-17 → 12-31: 366 − 352 = 14 = warn_days → due_soon
  [
    'task: default due, exactly warn_days left',
    '2024-12-17',
    14,
    'dl-2024:task/1',
    { due: '2024-12-31', days_left: 14, status: 'due_soon' },
  ],
  // plan done 06-20 is after T 06-19 → not counted; 06-30 − 06-19 = 11 ≤ 14 → due_soon
  [
    'task: plan done: after T does not count',
    '2024-06-19',
    14,
    'dl-2024:task/2',
    { owner: '区卫健局', days_left: 11, status: 'due_soon', late: false, completed: null },
  ],
  // T = 06-20: done on or before T → done; 06-20 ≤ due → late false; days_left = 10
  [
    'task: done via plan done:',
    '2024-06-20',
    14,
    'dl-2024:task/2',
    { days_left: 10, status: 'done', late: false, completed: '2024-06-20' },
  ],
  [
    'task: still done on due day',
    '2024-06-30',
    14,
    'dl-2024:task/2',
    { days_left: 0, status: 'done', late: false, completed: '2024-06-20' },
  ],
  // actuals done 07-05 is after T 07-01; T > due 06-30 → overdue, days_left = −1
  [
    'task: completion after T → overdue',
    '2024-07-01',
    14,
    'dl-2024:task/3',
    { days_left: -1, status: 'overdue', late: false, completed: null },
  ],
  // T = 07-05: done via actuals, 07-05 > 06-30 → late; days_left = 182 − 187 = −5
  [
    'task: done late via actuals done:',
    '2024-07-05',
    14,
    'dl-2024:task/3',
    { days_left: -5, status: 'done', late: true, completed: '2024-07-05' },
  ],
  // done on the due day 03-31 → not late; days_left = 91 − 182 = −91
  [
    'task: done on due day → not late',
    '2024-06-30',
    14,
    'dl-2024:task/4',
    { due: '2024-03-31', days_left: -91, status: 'done', late: false },
  ],
  // plan done 04-02 > due 03-31 → late true; days_left −91
  [
    'task: plan done after due → late',
    '2024-06-30',
    14,
    'dl-2024:task/10',
    { days_left: -91, status: 'done', late: true, completed: '2024-04-02' },
  ],
  // 196 − 182 = 14 = warn_days → due_soon
  ['task: exactly warn_days → due_soon', '2024-06-30', 14, 'dl-2024:task/5', { due: '2024-07-14', days_left: 14, status: 'due_soon' }],
  // 197 − 182 = 15 = warn_days + 1 → upcoming
  ['task: warn_days + 1 → upcoming', '2024-06-30', 14, 'dl-2024:task/6', { due: '2024-07-15', days_left: 15, status: 'upcoming' }],
  // with warn_days 30: 15 ≤ 30 → due_soon
  ['task: warn_days 30', '2024-06-30', 30, 'dl-2024:task/6', { days_left: 15, status: 'due_soon' }],
  // due day itself: days_left 0 ≤ 14 → due_soon
  ['task: due day itself', '2024-06-30', 14, 'dl-2024:task/7', { days_left: 0, status: 'due_soon', late: false }],
  // due day with warn_days 0: 0 ≤ 0 → due_soon
  ['task: due day with warn_days 0', '2024-06-30', 0, 'dl-2024:task/7', { days_left: 0, status: 'due_soon' }],
  // warn_days 0, one day left → upcoming
  ['task: one day left with warn_days 0', '2024-07-13', 0, 'dl-2024:task/5', { days_left: 1, status: 'upcoming' }],
  // day after due → overdue, days_left = −1
  ['task: day after due', '2024-07-01', 14, 'dl-2024:task/7', { days_left: -1, status: 'overdue', late: false }],
  // due 05-31: 152 − 182 = −30 → overdue
  ['task: overdue a month', '2024-06-30', 14, 'dl-2024:task/8', { due: '2024-05-31', days_left: -30, status: 'overdue', late: false }],
  // actuals done 06-25 ≤ due 06-30 → done, not late
  [
    'task: done via actuals in time',
    '2024-06-30',
    14,
    'dl-2024:task/9',
    { days_left: 0, status: 'done', late: false, completed: '2024-06-25' },
  ],

  // ---- phases ------------------------------------------------------------------------------------
  // plan done 02-20 ≤ due 02-29; days_left = 60 − 182 = −122
  [
    'phase: done in plan',
    '2024-06-30',
    14,
    'dl-2024:phase/mobilize',
    { kind: 'phase', owner: '区食药安办', due: '2024-02-29', days_left: -122, status: 'done', late: false, completed: '2024-02-20' },
  ],
  // 335 − 182 = 153 → upcoming
  ['phase: upcoming', '2024-06-30', 14, 'dl-2024:phase/act', { due: '2024-11-30', days_left: 153, status: 'upcoming' }],
  // due 12-15, T 12-16, actuals done 12-20 after T → overdue −1
  ['phase: completion after T → overdue', '2024-12-16', 14, 'dl-2024:phase/review', { days_left: -1, status: 'overdue', late: false }],
  // T 12-31: done 12-20 > due 12-15 → late; days_left = 350 − 366 = −16
  [
    'phase: done late via actuals',
    '2024-12-31',
    14,
    'dl-2024:phase/review',
    { days_left: -16, status: 'done', late: true, completed: '2024-12-20' },
  ],

  // ---- report occurrences ------------------------------------------------------------------------
  // submitted 01-20 is after T 01-15; T > due 01-10 → overdue, days_left = 10 − 15 = −5
  [
    'report: submission after T does not count',
    '2024-01-15',
    14,
    'dl-2024:duty/quarterly@2024-01-10',
    {
      kind: 'report',
      owner: '区食药安办',
      title: '季度报送',
      due: '2024-01-10',
      days_left: -5,
      status: 'overdue',
      late: false,
      completed: null,
    },
  ],
  // T 01-20: submitted 01-20 > due 01-10 → done, late; days_left = −10
  [
    'report: submitted 10 days late',
    '2024-01-20',
    14,
    'dl-2024:duty/quarterly@2024-01-10',
    { days_left: -10, status: 'done', late: true, completed: '2024-01-20' },
  ],
  // submitted on the due day 04-10 → done, not late; days_left 0
  [
    'report: submitted on the due day',
    '2024-04-10',
    14,
    'dl-2024:duty/quarterly@2024-04-10',
    { days_left: 0, status: 'done', late: false, completed: '2024-04-10' },
  ],
  // T 04-09: submission 04-10 is after T → 101 − 100 = 1 → due_soon
  [
    'report: the day before, submission not yet',
    '2024-04-09',
    14,
    'dl-2024:duty/quarterly@2024-04-10',
    { days_left: 1, status: 'due_soon', late: false, completed: null },
  ],
  // 07-10: 192 − 182 = 10 → due_soon
  ['report: due in 10 days', '2024-06-30', 14, 'dl-2024:duty/quarterly@2024-07-10', { days_left: 10, status: 'due_soon' }],
  // T = due 07-10, submission 07-11 after T → due_soon, 0 days left
  [
    'report: due today, submitted tomorrow → not yet counted',
    '2024-07-10',
    14,
    'dl-2024:duty/quarterly@2024-07-10',
    { days_left: 0, status: 'due_soon', late: false, completed: null },
  ],
  // T 07-11: submitted one day late → done, late: true; days_left −1
  [
    'report: submitted one day late',
    '2024-07-11',
    14,
    'dl-2024:duty/quarterly@2024-07-10',
    { days_left: -1, status: 'done', late: true, completed: '2024-07-11' },
  ],
  // submitted 03-09 before due 03-10; days_left = 70 − 182 = −112
  [
    'report: submitted early',
    '2024-06-30',
    14,
    'dl-2024:duty/quarter-end@2024-03-10',
    { days_left: -112, status: 'done', late: false, completed: '2024-03-09' },
  ],
  // leap-day occurrence submitted on 02-29: done, not late; days_left = 60 − 182 = −122
  [
    'report: Feb 29 occurrence submitted on time',
    '2024-06-30',
    14,
    'dl-2024:duty/monthly31@2024-02-29',
    { due: '2024-02-29', days_left: -122, status: 'done', late: false },
  ],
  // no submission: 91 − 182 = −91 → overdue
  [
    'report: missed occurrence overdue',
    '2024-06-30',
    14,
    'dl-2024:duty/monthly31@2024-03-31',
    { days_left: -91, status: 'overdue', late: false },
  ],
  ['report: occurrence due today', '2024-06-30', 14, 'dl-2024:duty/monthly31@2024-06-30', { days_left: 0, status: 'due_soon' }],
  // 213 − 182 = 31 → upcoming
  ['report: next month upcoming', '2024-06-30', 14, 'dl-2024:duty/monthly31@2024-07-31', { days_left: 31, status: 'upcoming' }],
  // half-year 07-15: 197 − 182 = 15 → upcoming; from 07-01: 14 → due_soon
  ['report: half_year, warn_days + 1', '2024-06-30', 14, 'dl-2024:duty/half@2024-07-15', { days_left: 15, status: 'upcoming' }],
  ['report: half_year, warn_days', '2024-07-01', 14, 'dl-2024:duty/half@2024-07-15', { days_left: 14, status: 'due_soon' }],
  // 305 − 182 = 123
  ['report: yearly Oct 31', '2024-06-30', 14, 'dl-2024:duty/yearly@2024-10-31', { days_left: 123, status: 'upcoming' }],
  // one-off: 320 − 306 = 14 → due_soon
  ['report: one-off, warn_days', '2024-11-01', 14, 'dl-2024:duty/annual@2024-11-15', { days_left: 14, status: 'due_soon' }],
  // weekly Friday occurrence on its day; owner of the duty
  [
    'report: weekly, due today',
    '2024-07-12',
    14,
    'dl-2024:duty/weekly@2024-07-12',
    { owner: '区市场监管局', days_left: 0, status: 'due_soon' },
  ],
  // weekly: 07-26 from 07-12 → 14 days
  ['report: weekly, two weeks ahead', '2024-07-12', 14, 'dl-2024:duty/weekly@2024-07-26', { days_left: 14, status: 'due_soon' }],
  // dl-2023 Feb 28 occurrence seen from 2023-03-01: overdue −1
  [
    'report: Feb 28 2023 occurrence, day after',
    '2023-03-01',
    14,
    'dl-2023:duty/monthly31@2023-02-28',
    { due: '2023-02-28', days_left: -1, status: 'overdue' },
  ],
  // across the year end: 2025-01-01 − 2024-12-31 = 1
  ['report: across year end', '2024-12-31', 14, 'dl-multi:duty/weekly-wed@2025-01-01', { days_left: 1, status: 'due_soon' }],
];

// ---------------------------------------------------------------------------------------------

function deadlineRows(asOf: string, warnDays: number): DeadlineRow[] {
  const p = project(files);
  expect(p.diagnostics).toEqual([]);
  return evaluateProject(p, day(asOf), warnDays).deadlines.map(toDeadlineRow);
}

describe.each(timezones)('deadline rules, TZ=%s', (tz) => {
  useTimezone(tz);

  it.each(occurrenceCases)('occurrences: %s', (_name, plan, duty, dues) => {
    const prefix = `${plan}:duty/${duty}@`;
    const rows = deadlineRows('2024-06-30', 14).filter((row) => row.ref.startsWith(prefix));
    const refs = rows.map((row) => row.ref).sort();
    // ref format PLAN:duty/ID@YYYY-MM-DD, one per occurrence
    expect(refs).toEqual(dues.map((due) => `${plan}:duty/${duty}@${due}`));
    for (const row of rows) {
      expect(row.kind).toBe('report');
      expect(row.plan).toBe(plan);
      expect(row.ref).toBe(`${plan}:duty/${duty}@${row.due}`);
    }
  });

  it.each(statusCases)('status: %s', (_name, asOf, warnDays, ref, want) => {
    const row = deadlineRows(asOf, warnDays).find((r) => r.ref === ref);
    expect(row, `no deadline ${ref}`).toBeDefined();
    const picked = Object.fromEntries(Object.keys(want).map((key) => [key, row![key as keyof DeadlineRow]]));
    expect(picked).toEqual(want);
  });

  it('ref formats of tasks and phases', () => {
    const refs = deadlineRows('2024-06-30', 14).map((row) => row.ref);
    // tasks 1…10 of dl-2024, task 1 of dl-2023 and dl-multi; phases of dl-2024
    for (const id of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']) expect(refs).toContain(`dl-2024:task/${id}`);
    expect(refs).toContain('dl-2023:task/1');
    expect(refs).toContain('dl-multi:task/1');
    for (const id of ['mobilize', 'act', 'review']) expect(refs).toContain(`dl-2024:phase/${id}`);
  });

  it('days_left = due − T and late only when done after due, for every deadline', () => {
    for (const asOf of ['2023-12-31', '2024-01-15', '2024-06-30', '2024-07-11', '2024-12-31']) {
      for (const row of deadlineRows(asOf, 14)) {
        // whole calendar days between the two dates, computed independently of the code
        const expectedDaysLeft = Math.round(
          (Date.UTC(+row.due.slice(0, 4), +row.due.slice(5, 7) - 1, +row.due.slice(8, 10)) -
            Date.UTC(+asOf.slice(0, 4), +asOf.slice(5, 7) - 1, +asOf.slice(8, 10))) /
            86_400_000,
        );
        expect(row.days_left).toBe(expectedDaysLeft);
        if (row.status !== 'done') expect(row.late).toBe(false);
        else expect(row.late).toBe(row.completed! > row.due);
        if (row.status === 'overdue') expect(row.days_left).toBeLessThan(0);
        if (row.status === 'due_soon') expect(row.days_left >= 0 && row.days_left <= 14).toBe(true);
        if (row.status === 'upcoming') expect(row.days_left).toBeGreaterThan(14);
      }
    }
  });
});
