// plan-check diff, the pure comparison: one base plan, a table of edits, each with the rows it must
// give (kind, ref, old, new and the figures worked out by hand); reformatting gives none.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { parseYaml } from '../src/core/yaml-source.js';
import { type PlanChange, comparePlanSets } from '../src/diff/compare-plans.js';
import { type PlanOutline, outlinePlan, readApprovals } from '../src/diff/plan-outline.js';
import { formatDiffTable } from '../src/report/diff.js';
import { displayWidth } from '../src/report/wrap.js';

const base = `format: plan/1
id: town-2024
title: 2024年全镇食品安全工作要点
period: { start: 2024-01-01, end: 2024-12-31 }
issued: 2024-03-01
population: 543000
units:
  - 区市场监管局
  - 区卫健局
  - { name: 区食药安办, aliases: [食药安办] }
  - 甲街道
  - 乙街道
phases:
  - { id: mobilize, title: 动员部署, start: 2024-01-01, due: 2024-02-29 }
  - { id: rectify, title: 重点整治, start: 2024-06-01, due: 2024-11-30 }
duties:
  - { id: monthly, title: 报落实情况, owner: 区食药安办, every: month, day: 10 }
  - { id: members, title: 报送工作进展, owner: [区市场监管局, 区卫健局], every: month, day: 5 }
  - { id: annual, title: 报全年工作总结, owner: 区食药安办, due: 2024-11-15 }
targets:
  - { id: no-incident, metric: 重大食品安全事故, target: "<= 0", unit: 起, owner: 区食药安办 }
sections:
  - title: 提升保障能力
    tasks:
      - id: "4"
        title: 提升风险预警能力
        lead: [区市场监管局]
        support: [区卫健局]
        due: 2024-12-31
        targets:
          - { id: sampling, metric: 食品监督抽检量, target: ">= 1900", unit: 批次 }
          - { id: per-capita, metric: 抽检量（千人标准）, target: ">= 3.5 per 1000", unit: 批次 }
          - { id: pass-rate, metric: 食品抽检合格率, target: ">= 98%" }
          - { id: complaints, metric: 投诉超时件数, target: "<= 5", unit: 件 }
          - { id: kitchens, metric: 明厨亮灶覆盖率, target: ">= 80%", progress: linear, baseline: 60 }
          - { id: towns, metric: 各街道抽检量, target: ">= 100", unit: 批次, each: [甲街道, 乙街道] }
          - { id: town-rate, metric: 各街道千人抽检量, target: ">= 4 per 1000", unit: 批次,
              each: [{ unit: 甲街道, population: 50000 }, { unit: 乙街道, population: 20000 }] }
      - id: "5"
        title: 开展专项整治
        lead: [区食药安办]
        start: 2024-03-01
        due: 2024-06-30
`;

function outline(text: string, file = 'town.plan.yaml'): PlanOutline {
  const parsed = parseYaml(text, file);
  expect(parsed.diagnostics).toEqual([]);
  const result = outlinePlan(parsed.data, text, file, parsed.locator);
  expect(result.diagnostics).toEqual([]);
  return result.outline!;
}

function diff(before: string, after: string): PlanChange[] {
  return comparePlanSets([outline(before, 'old.plan.yaml')], [outline(after, 'new.plan.yaml')]);
}

/** one replacement of text that must be there exactly once */
function edit(text: string, from: string, to: string): string {
  expect(text.split(from).length - 1, from).toBe(1);
  return text.replace(from, to);
}

type Row = Partial<
  Pick<PlanChange, 'kind' | 'ref' | 'field' | 'old' | 'new' | 'days' | 'added' | 'removed' | 'moved' | 'cause' | 'unit'>
> & { change_percent?: number | null };

const P = 'town-2024';
const cases: [name: string, after: string, rows: Row[]][] = [
  ['task added', `${base}      - { id: "6", title: 新任务, lead: [区卫健局] }\n`, [{ kind: 'added', ref: `${P}:task/6`, new: '新任务' }]],
  ['task removed', base.replace(/ {6}- id: "5"[\s\S]*$/, ''), [{ kind: 'removed', ref: `${P}:task/5`, old: '开展专项整治' }]],
  [
    'task retitled',
    edit(base, 'title: 开展专项整治', 'title: 开展食品安全专项整治'),
    [{ kind: 'retitled', ref: `${P}:task/5`, old: '开展专项整治', new: '开展食品安全专项整治' }],
  ],
  [
    'lead changed (first lead is the default owner)',
    edit(base, 'lead: [区食药安办]', 'lead: [区市场监管局]'),
    [{ kind: 'lead-changed', ref: `${P}:task/5`, added: ['区市场监管局'], removed: ['区食药安办'] }],
  ],
  [
    'support added',
    edit(base, 'support: [区卫健局]', 'support: [区卫健局, 区食药安办]'),
    [{ kind: 'support-changed', ref: `${P}:task/4`, added: ['区食药安办'], removed: [] }],
  ],
  [
    'target owner written',
    edit(base, 'target: ">= 98%" }', 'target: ">= 98%", owner: 区卫健局 }'),
    [{ kind: 'owner-changed', ref: `${P}:4/pass-rate`, old: '区市场监管局', new: '区卫健局' }],
  ],
  [
    'each unit removed',
    edit(base, 'each: [甲街道, 乙街道]', 'each: [甲街道]'),
    [{ kind: 'each-changed', ref: `${P}:4/towns`, added: [], removed: ['乙街道'] }],
  ],
  [
    'target added',
    edit(base, '          - { id: pass-rate', '          - { id: new-one, metric: 新指标, target: ">= 5" }\n          - { id: pass-rate'),
    [{ kind: 'added', ref: `${P}:4/new-one` }],
  ],
  ['plan-level target removed', base.replace(/^targets:\n.*\n/m, ''), [{ kind: 'removed', ref: `${P}:no-incident` }]],
  [
    // (1800 − 1900) / 1900 × 100 = −5.263…%
    'count lowered',
    edit(base, 'target: ">= 1900"', 'target: ">= 1800"'),
    [{ kind: 'lowered', ref: `${P}:4/sampling`, old: 1900, new: 1800, unit: '批次', change_percent: ((1800 - 1900) / 1900) * 100 }],
  ],
  [
    "count raised, in the document's notation",
    edit(base, 'target: ">= 1900"', 'target: ">= 2000"'),
    [{ kind: 'raised', ref: `${P}:4/sampling`, old: 1900, new: 2000, change_percent: ((2000 - 1900) / 1900) * 100 }],
  ],
  [
    // a limit: a higher ceiling is weaker — (8 − 5) / 5 × 100 = 60%
    'limit raised is lowered',
    edit(base, 'target: "<= 5"', 'target: "<= 8"'),
    [{ kind: 'lowered', ref: `${P}:4/complaints`, old: 5, new: 8, change_percent: 60 }],
  ],
  [
    'limit tightened is raised',
    edit(base, 'target: "<= 5"', 'target: "<= 2"'),
    [{ kind: 'raised', ref: `${P}:4/complaints`, old: 5, new: 2, change_percent: -60 }],
  ],
  [
    // zero limit: the change in % is undefined
    'zero limit relaxed',
    edit(base, 'target: "<= 0"', 'target: "<= 1"'),
    [{ kind: 'lowered', ref: `${P}:no-incident`, old: 0, new: 1, change_percent: null }],
  ],
  [
    'percentage lowered',
    edit(base, 'target: ">= 98%"', 'target: ">= 95%"'),
    [{ kind: 'lowered', ref: `${P}:4/pass-rate`, old: 98, new: 95, unit: '%', change_percent: ((95 - 98) / 98) * 100 }],
  ],
  [
    // 3.5 × 543000 / 1000 = 1900.5 → 3 × 543000 / 1000 = 1629
    'per-capita rate lowered: compared by R',
    edit(base, 'target: ">= 3.5 per 1000"', 'target: ">= 3 per 1000"'),
    [{ kind: 'lowered', ref: `${P}:4/per-capita`, old: 1900.5, new: 1629, change_percent: ((1629 - 1900.5) / 1900.5) * 100 }],
  ],
  [
    // per capita 1900.5 → a count of 1900: the kind changed and R went down by 0.5
    'per-capita rewritten as a count',
    edit(base, 'target: ">= 3.5 per 1000"', 'target: ">= 1900"'),
    [
      { kind: 'lowered', ref: `${P}:4/per-capita`, old: 1900.5, new: 1900, change_percent: (-0.5 / 1900.5) * 100 },
      { kind: 'kind-changed', ref: `${P}:4/per-capita`, old: '>= 3.5 per 1000', new: '>= 1900' },
    ],
  ],
  [
    // 3.5 × 520000 / 1000 = 1820; the count targets do not move
    'population lowered moves the per-capita R',
    edit(base, 'population: 543000', 'population: 520000'),
    [
      { kind: 'population-changed', ref: P, old: 543000, new: 520000, moved: [`${P}:4/per-capita`] },
      {
        kind: 'lowered',
        ref: `${P}:4/per-capita`,
        old: 1900.5,
        new: 1820,
        cause: 'population',
        change_percent: ((1820 - 1900.5) / 1900.5) * 100,
      },
    ],
  ],
  [
    // 4 × 20000 / 1000 = 80 → 4 × 30000 / 1000 = 120, one unit of each
    'population of one unit of each',
    edit(base, '{ unit: 乙街道, population: 20000 }', '{ unit: 乙街道, population: 30000 }'),
    [{ kind: 'raised', ref: `${P}:4/town-rate@乙街道`, old: 80, new: 120, cause: 'population', change_percent: 50 }],
  ],
  [
    'op >= to >',
    edit(base, 'target: ">= 1900"', 'target: "> 1900"'),
    [{ kind: 'op-changed', ref: `${P}:4/sampling`, old: '>=', new: '>' }],
  ],
  [
    'op flipped',
    edit(base, 'target: ">= 1900"', 'target: "<= 1900"'),
    [{ kind: 'op-changed', ref: `${P}:4/sampling`, old: '>= 1900', new: '<= 1900' }],
  ],
  [
    'percentage to count',
    edit(base, 'target: ">= 98%"', 'target: ">= 98"'),
    [{ kind: 'kind-changed', ref: `${P}:4/pass-rate`, old: '>= 98%', new: '>= 98' }],
  ],
  [
    'unreadable target rewritten',
    edit(base, 'target: ">= 98%"', 'target: "大幅提升"'),
    [{ kind: 'expression-changed', ref: `${P}:4/pass-rate`, old: '>= 98%', new: '大幅提升' }],
  ],
  [
    'metric renamed',
    edit(base, 'metric: 食品抽检合格率', 'metric: 抽检合格率'),
    [{ kind: 'metric-changed', ref: `${P}:4/pass-rate`, field: 'metric' }],
  ],
  [
    'measure unit changed',
    edit(base, 'target: ">= 1900", unit: 批次', 'target: ">= 1900", unit: 件'),
    [{ kind: 'metric-changed', ref: `${P}:4/sampling`, field: 'unit', old: '批次', new: '件' }],
  ],
  [
    'progress changed',
    edit(base, 'progress: linear', 'progress: at_due'),
    [{ kind: 'progress-changed', ref: `${P}:4/kitchens`, old: 'linear', new: 'at_due' }],
  ],
  [
    'progress: level (v2) written',
    edit(base, 'target: ">= 98%" }', 'target: ">= 98%", progress: level }'),
    [{ kind: 'progress-changed', ref: `${P}:4/pass-rate`, old: null, new: 'level' }],
  ],
  [
    'baseline changed',
    edit(base, 'baseline: 60', 'baseline: 70'),
    [{ kind: 'baseline-changed', ref: `${P}:4/kitchens`, old: 60, new: 70 }],
  ],
  [
    'accumulate set',
    edit(base, 'unit: 批次 }\n          - { id: per-capita', 'unit: 批次, accumulate: sum }\n          - { id: per-capita'),
    [{ kind: 'accumulate-changed', ref: `${P}:4/sampling`, old: null, new: 'sum' }],
  ],
  [
    'combine set',
    edit(base, 'target: ">= 98%" }', 'target: ">= 98%", combine: mean }'),
    [{ kind: 'combine-changed', ref: `${P}:4/pass-rate`, old: null, new: 'mean' }],
  ],
  // 2024-06-30 → 2024-12-31: 184 days (Jul 31 + Aug 31 + Sep 30 + Oct 31 + Nov 30 + Dec 31)
  [
    'task due later',
    edit(base, 'due: 2024-06-30', 'due: 2024-12-31'),
    [{ kind: 'deadline-later', ref: `${P}:task/5`, old: '2024-06-30', new: '2024-12-31', days: 31 + 31 + 30 + 31 + 30 + 31 }],
  ],
  // 2024-03-01 → 2024-02-01: 29 days earlier (2024 is a leap year)
  [
    'task start earlier',
    edit(base, 'start: 2024-03-01\n', 'start: 2024-02-01\n'),
    [{ kind: 'start-earlier', ref: `${P}:task/5`, days: -29 }],
  ],
  // a target's own due: 2024-12-31 (the task's) → 2024-09-30 = 92 days earlier (Oct 31 + Nov 30 + Dec 31)
  [
    'target due set earlier',
    edit(base, 'target: ">= 98%" }', 'target: ">= 98%", due: 2024-09-30 }'),
    [{ kind: 'deadline-earlier', ref: `${P}:4/pass-rate`, old: '2024-12-31', new: '2024-09-30', days: -92 }],
  ],
  // period end 2024-12-31 → 2025-03-31: 90 days (Jan 31 + Feb 28 + Mar 31)
  [
    'period end later',
    edit(base, 'end: 2024-12-31', 'end: 2025-03-31'),
    [{ kind: 'deadline-later', ref: P, field: 'period.end', days: 90 }],
  ],
  [
    'phase added',
    edit(base, 'phases:\n', 'phases:\n  - { id: review, title: 总结, start: 2024-12-01, due: 2024-12-31 }\n'),
    [{ kind: 'added', ref: `${P}:phase/review` }],
  ],
  ['phase removed', base.replace(/ {2}- \{ id: mobilize.*\n/, ''), [{ kind: 'removed', ref: `${P}:phase/mobilize` }]],
  // 2024-11-30 → 2024-12-15: 15 days later
  ['phase moved', edit(base, 'due: 2024-11-30', 'due: 2024-12-15'), [{ kind: 'deadline-later', ref: `${P}:phase/rectify`, days: 15 }]],
  [
    'duty added',
    edit(base, 'duties:\n', 'duties:\n  - { id: weekly, title: 周报, owner: 区卫健局, every: week, day: 5 }\n'),
    [{ kind: 'added', ref: `${P}:duty/weekly` }],
  ],
  ['duty removed', base.replace(/ {2}- \{ id: annual.*\n/, ''), [{ kind: 'removed', ref: `${P}:duty/annual` }]],
  [
    'duty re-owned',
    edit(base, 'owner: [区市场监管局, 区卫健局]', 'owner: [区市场监管局]'),
    [{ kind: 'owner-changed', ref: `${P}:duty/members`, added: [], removed: ['区卫健局'] }],
  ],
  [
    'recurring duty day later',
    edit(base, 'every: month, day: 10', 'every: month, day: 15'),
    [{ kind: 'deadline-later', ref: `${P}:duty/monthly`, old: 10, new: 15, days: 5 }],
  ],
  [
    'duty less often',
    edit(base, 'every: month, day: 10', 'every: quarter, day: 10'),
    [{ kind: 'schedule-changed', ref: `${P}:duty/monthly`, old: 'every: month, day: 10', new: 'every: quarter, day: 10' }],
  ],
  // 2024-11-15 → 2024-12-10: 25 days later
  ['one-off duty later', edit(base, 'due: 2024-11-15', 'due: 2024-12-10'), [{ kind: 'deadline-later', ref: `${P}:duty/annual`, days: 25 }]],
  [
    'duty kind',
    edit(base, 'title: 报落实情况, owner', 'title: 报落实情况, kind: activity, owner'),
    [{ kind: 'kind-changed', ref: `${P}:duty/monthly`, old: 'report', new: 'activity' }],
  ],
  ['plan retitled', edit(base, 'title: 2024年全镇食品安全工作要点', 'title: 2024年全镇食品安全工作方案'), [{ kind: 'retitled', ref: P }]],
  // 2024-03-01 → 2024-04-01: 31 days
  ['issued later', edit(base, 'issued: 2024-03-01', 'issued: 2024-04-01'), [{ kind: 'start-later', ref: P, field: 'issued', days: 31 }]],
];

describe('plan-check diff: each kind of change gives its rows', () => {
  it.each(cases)('%s', (_name, after, rows) => {
    const changes = diff(base, after);
    expect(changes.map((change) => change.kind)).toEqual(rows.map((row) => row.kind));
    rows.forEach((row, index) => {
      const { change_percent: percent, ...rest } = row;
      expect(changes[index]).toMatchObject(rest);
      if (percent === null) expect(changes[index]!.change_percent).toBeNull();
      else if (percent !== undefined) expect(changes[index]!.change_percent).toBeCloseTo(percent, 9);
    });
  });

  it('covers every kind of change', async () => {
    const { changeKinds } = await import('../src/diff/change-kinds.js');
    const covered = new Set(cases.flatMap(([, , rows]) => rows.map((row) => row.kind)));
    expect(changeKinds.filter((kind) => !covered.has(kind))).toEqual([]);
  });
});

describe('plan-check diff: what is not a change', () => {
  const reformatted = `# the same plan, written another way
id: town-2024            # keys in another order
format: "plan/1"
title: "2024年全镇食品安全工作要点"
population: 5.43e5
issued: 2024-03-01
period:
  end: 2024-12-31
  start: 2024-01-01
units: [区市场监管局, 区卫健局, { name: 区食药安办, aliases: [食药安办] }, 甲街道, 乙街道]
reports:   # v1's name for duties
  - { id: annual, title: 报全年工作总结, owner: 食药安办, due: 2024-11-15 }
  - { id: members, title: 报送工作进展, owner: [区卫健局, 区市场监管局], every: month, day: 5 }
  - id: monthly
    title: 报落实情况
    owner: 区食药安办
    every: month
    day: 10
phases:
  - { id: rectify, title: 重点整治, start: 2024-06-01, due: 2024-11-30 }
  - { id: mobilize, title: 动员部署, start: 2024-01-01, due: 2024-02-29 }
targets:
  - { id: no-incident, metric: 重大食品安全事故, target: { op: "<=", value: 0 }, unit: 起, owner: 区食药安办 }
tasks:
  - id: "5"
    title: 开展专项整治
    lead: 区食药安办
    start: 2024-03-01
    due: 2024-06-30
  - id: "4"
    title: 提升风险预警能力
    lead: [区市场监管局]
    support: [区卫健局]
    due: 2024-12-31
    targets:
      - { id: town-rate, metric: 各街道千人抽检量, target: ">=4 per 1000", unit: 批次, each: [{ population: 20000, unit: 乙街道 }, { unit: 甲街道, population: 50000 }] }
      - { id: towns, metric: 各街道抽检量, target: ">= 100", unit: 批次, each: [乙街道, 甲街道] }
      - { id: kitchens, metric: 明厨亮灶覆盖率, target: { op: ">=", value: 80, percent: true }, progress: linear, baseline: 60.0 }
      - { id: complaints, metric: 投诉超时件数, target: "≤5", unit: 件 }
      - { id: pass-rate, metric: 食品抽检合格率, target: ">= 98.0%" }
      - { id: per-capita, metric: 抽检量（千人标准）, target: ">= 3.50 per 1000", unit: 批次 }
      - { id: sampling, metric: 食品监督抽检量, target: ">= 1900", unit: 批次 }
`;

  it('reformatting, reordering, comments, sections, reports: → duties:, aliases and the structured target form give no rows', () => {
    expect(diff(base, reformatted)).toEqual([]);
    expect(diff(reformatted, base)).toEqual([]);
  });

  it('a plan compared with itself gives no rows', () => {
    expect(diff(base, base)).toEqual([]);
  });
});

describe('plan-check diff: plans, places and approvals', () => {
  it('plans are matched by id: one added, one removed', () => {
    const other = edit(base, 'id: town-2024', 'id: town-2025');
    const changes = comparePlanSets([outline(base, 'a.plan.yaml')], [outline(other, 'b.plan.yaml')]);
    expect(changes.map((change) => [change.kind, change.ref, change.at.file])).toEqual([
      ['removed', 'town-2024', 'a.plan.yaml'],
      ['added', 'town-2025', 'b.plan.yaml'],
    ]);
  });

  it('places a change on its line of the new file; a removal on the nearest item still there', () => {
    const lowered = diff(base, edit(base, 'target: ">= 1900"', 'target: ">= 1800"'));
    const line = base.split('\n').findIndex((text) => text.includes('id: sampling')) + 1;
    expect(lowered[0]!.at).toEqual({ file: 'new.plan.yaml', line, column: base.split('\n')[line - 1]!.indexOf('">= 1900"') + 1 });
    expect(lowered[0]!.old_at).toEqual({ file: 'old.plan.yaml', line, column: lowered[0]!.at.column });
    const removed = diff(base, base.replace(/ {10}- \{ id: complaints.*\n/, ''));
    const taskLine = base.split('\n').findIndex((text) => text.includes('- id: "4"')) + 1;
    expect(removed[0]).toMatchObject({ kind: 'removed', ref: `${P}:4/complaints`, at: { line: taskLine, column: 9 } });
  });

  it('reads # approved: notes, and approves the rows they name', () => {
    expect(
      readApprovals(
        'a: 1 # approved: lowered@4/sampling, removed@task/5\n# approved：deadline-later@town-2024:task/4\nb: "#approved: no" ',
      ),
    ).toEqual(['lowered@4/sampling', 'removed@task/5', 'deadline-later@town-2024:task/4']);
    const after = `${edit(base, 'target: ">= 1900"', 'target: ">= 1800"')}# approved: lowered@4/sampling\n`;
    const changes = diff(edit(base, 'target: ">= 98%"', 'target: ">= 99%"'), edit(after, 'target: ">= 98%"', 'target: ">= 95%"'));
    expect(changes.map((change) => [change.id, change.approved])).toEqual([
      [`lowered@${P}:4/sampling`, true],
      [`lowered@${P}:4/pass-rate`, false],
    ]);
  });

  it('refuses what is not a plan: a list, another format, no id', () => {
    const refuse = (text: string) => {
      const parsed = parseYaml(text, 'x.plan.yaml');
      return outlinePlan(parsed.data, text, 'x.plan.yaml', parsed.locator).diagnostics.map((d) => [d.code, d.line, d.column]);
    };
    expect(refuse('- a\n- b\n')).toEqual([['wrong-type', 1, 1]]);
    expect(refuse('format: actuals/1\nid: x\n')).toEqual([['unknown-format', 1, 9]]);
    expect(refuse('id: x\n')).toEqual([['missing-key', 1, 1]]);
    expect(refuse('format: plan/1\ntitle: x\n')).toEqual([['missing-key', 1, 1]]);
  });
});

describe('plan-check diff: the table fits the terminal', () => {
  const changes = diff(
    base,
    edit(edit(base, 'population: 543000', 'population: 520000'), 'lead: [区市场监管局]', 'lead: [区卫健局, 区市场监管局]'),
  );
  it.each([80, 100, 130])('no line wider than %i columns, nothing lost', (columns) => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const text = formatDiffTable({ old: 'a', new: 'b', changes, failOn: [] }, { lang, chalk: new Chalk({ level: 0 }), columns });
      for (const line of text.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
      // the same characters as the unwrapped table, only laid out on more lines
      const letters = (table: string) => [...table.replace(/[─┌┐└┘├┤┬┴┼│\s]/g, '')].sort().join('');
      expect(letters(text)).toBe(
        letters(formatDiffTable({ old: 'a', new: 'b', changes, failOn: [] }, { lang, chalk: new Chalk({ level: 0 }) })),
      );
    }
  });
});

describe('plan-check diff: formats', () => {
  it('--format choices are the formatter registry', async () => {
    const { diffFormats, formatNames } = await import('../src/report/formats.js');
    expect(formatNames(diffFormats)).toEqual(['table', 'md', 'json', 'github']);
    for (const name of formatNames(diffFormats)) expect(typeof (await diffFormats[name]())).toBe('function');
  });

  it('keeps a unit name with a pipe inside its Markdown table cell', async () => {
    const { formatDiffMarkdown } = await import('../src/report/diff.js');
    const changes = diff(base, edit(base, 'support: [区卫健局]', 'support: [区卫健局, "A|B"]'));
    const text = formatDiffMarkdown({ old: 'a', new: 'b', changes, failOn: [] }, { lang: 'en', chalk: new Chalk({ level: 0 }) });
    const row = text.split('\n').find((line) => line.includes('supporting units changed'))!;
    // six cells: the pipe inside the unit's name is escaped wherever it appears
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(6);
  });
});
