// The shipped examples encode the five seed documents faithfully: hand-counted inventories must
// match, every target and duty quotes its source text (verbatim in its seed), no requirement is
// tracked twice, and every file validates.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Node, isMap, isSeq, parse, parseDocument } from 'yaml';
import { repoRoot } from './helpers.js';
import { loadProject, sourceKindOf } from '../src/core/project.js';

/** What a reader counts by hand in a plan file (tests/fixtures/inventory/*.json). */
interface Inventory {
  plan: string;
  tasks: number;
  /** targets under tasks */
  task_targets: number;
  /** the plan's own top-level `targets:` */
  plan_targets: number;
  /** units listed in `each:` over all targets */
  each_units: number;
  phases: number;
  /** duties of kind report (the default) */
  reports: number;
  /** duties of kind activity */
  activities: number;
  /** duties with more than one owner */
  multi_owner_duties: number;
}

const examplesDir = path.join(repoRoot, 'examples');
const inventoryDir = path.join(repoRoot, 'tests', 'fixtures', 'inventory');
// The seeds sit beside the repository in CI (../shared/seeds); the quote check needs them.
// PLAN_CHECK_SEEDS_DIR points elsewhere, for a checkout that is not beside them (a git worktree).
const seedsDir = process.env.PLAN_CHECK_SEEDS_DIR ?? path.join(repoRoot, '..', 'shared', 'seeds');

/** A quote of the source text in a comment: `# 原文：「…」`; every 「…」 in a comment is such a quote. */
const quotePattern = /「([^」]*)」/g;
/** An elision inside a quote: 「甲……乙」 quotes 甲 and 乙 separately. */
const elision = /…+|\.\.\./;

function exampleFiles(): string[] {
  return readdirSync(examplesDir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(examplesDir, name))
    .filter((file) => sourceKindOf(file))
    .sort();
}
const planFiles = exampleFiles().filter((file) => file.endsWith('.plan.yaml'));

interface RawTarget {
  id: string;
  metric: string;
  target: unknown;
  progress?: string;
  unit?: string;
  due?: string;
  each?: unknown[];
}
interface RawDuty {
  id: string;
  kind?: string;
  owner: string | string[];
}
interface RawTask {
  id: string;
  due?: string;
  targets?: RawTarget[];
}
interface RawPlan {
  id: string;
  period: { start: string; end: string };
  phases?: unknown[];
  duties?: RawDuty[];
  targets?: RawTarget[];
  tasks?: RawTask[];
  sections?: { tasks: RawTask[] }[];
}

const readPlan = (file: string) => parse(readFileSync(file, 'utf8')) as RawPlan;
const tasksOf = (plan: RawPlan): RawTask[] => [...(plan.tasks ?? []), ...(plan.sections ?? []).flatMap((section) => section.tasks)];

function countInventory(plan: RawPlan): Inventory {
  const tasks = tasksOf(plan);
  const allTargets = [...(plan.targets ?? []), ...tasks.flatMap((task) => task.targets ?? [])];
  const duties = plan.duties ?? [];
  return {
    plan: plan.id,
    tasks: tasks.length,
    task_targets: tasks.reduce((n, task) => n + (task.targets?.length ?? 0), 0),
    plan_targets: plan.targets?.length ?? 0,
    each_units: allTargets.reduce((n, target) => n + (target.each?.length ?? 0), 0),
    phases: plan.phases?.length ?? 0,
    reports: duties.filter((duty) => (duty.kind ?? 'report') === 'report').length,
    activities: duties.filter((duty) => duty.kind === 'activity').length,
    multi_owner_duties: duties.filter((duty) => Array.isArray(duty.owner) && duty.owner.length > 1).length,
  };
}

/**
 * The name of what a target measures, without qualifiers: bracketed notes dropped
 * (食品监督抽检量（按千人标准） → 食品监督抽检量) and a leading scope word (全区, 全市, 区, 市) removed.
 */
export function metricStem(metric: string): string {
  return metric
    .normalize('NFKC')
    .replace(/\([^)]*\)/g, '')
    .replace(/\s+/g, '')
    .replace(/^(全区|全市|全县|区|市)/, '');
}

/**
 * Targets of one plan that track the same requirement: the same metric stem, the same unit and the same
 * due date. A stated count and the per-capita standard it was derived from (按照3.5批次/千人的标准 … 不少于
 * 1900批次) are one requirement; so are a creation standard and the same figure repeated under a task.
 */
export function trackedTwice(targets: { ref: string; metric: string; unit?: string; due: string }[]): string[][] {
  const byKey = new Map<string, string[]>();
  for (const target of targets) {
    const key = `${metricStem(target.metric)}|${target.unit ?? ''}|${target.due}`;
    byKey.set(key, [...(byKey.get(key) ?? []), target.ref]);
  }
  return [...byKey.values()].filter((refs) => refs.length > 1);
}

function targetsWithDue(plan: RawPlan) {
  const planLevel = (plan.targets ?? []).map((t) => ({ ref: t.id, metric: t.metric, unit: t.unit, due: t.due ?? plan.period.end }));
  const underTasks = tasksOf(plan).flatMap((task) =>
    (task.targets ?? []).map((t) => ({
      ref: `${task.id}/${t.id}`,
      metric: t.metric,
      unit: t.unit,
      due: t.due ?? task.due ?? plan.period.end,
    })),
  );
  return [...planLevel, ...underTasks];
}

/** Every 「…」 quote in a comment of the file, with its line. */
function commentQuotes(text: string): { line: number; quote: string }[] {
  const quotes: { line: number; quote: string }[] = [];
  text.split('\n').forEach((line, index) => {
    const comment = /(^|\s)#(.*)$/.exec(line)?.[2];
    if (comment) for (const match of comment.matchAll(quotePattern)) quotes.push({ line: index + 1, quote: match[1]! });
  });
  return quotes;
}

/** The comment that precedes each item of a `targets:` or `duties:` list, wherever yaml attached it. */
function itemComments(list: unknown, keyComment: string | undefined): { id: string; comment: string }[] {
  if (!isSeq(list)) return [];
  return list.items.map((item, index) => ({
    id: isMap(item) ? String(item.get('id')) : '?',
    comment: [(item as Node).commentBefore ?? '', index === 0 ? (list.commentBefore ?? '') + (keyComment ?? '') : ''].join('\n'),
  }));
}

const inventories: Inventory[] = readdirSync(inventoryDir).flatMap(
  (name) => JSON.parse(readFileSync(path.join(inventoryDir, name), 'utf8')) as Inventory[],
);
const loaded = loadProject(
  exampleFiles().map((file) => ({ path: path.relative(repoRoot, file), kind: sourceKindOf(file)!, bytes: readFileSync(file) })),
);

describe('examples', () => {
  it('cover the five seeds: six plans (seed 001 holds two)', () => {
    expect(loaded.plans.map((p) => p.id).sort()).toEqual(inventories.map((i) => i.plan).sort());
    expect(loaded.plans).toHaveLength(6);
  });

  it('validate with no errors and no warnings', () => {
    expect(loaded.diagnostics).toEqual([]);
  });

  it.each(inventories)('$plan matches the hand-counted inventory (tasks, targets, each units, phases, duties)', (inventory) => {
    const file = planFiles.find((f) => readPlan(f).id === inventory.plan)!;
    expect(countInventory(readPlan(file))).toEqual(inventory);
    // the loader reads the same numbers from the files
    const plan = loaded.plans.find((p) => p.id === inventory.plan)!;
    expect({
      plan: plan.id,
      tasks: plan.tasks.length,
      task_targets: plan.tasks.reduce((n, task) => n + task.targets.length, 0),
      plan_targets: plan.targets.length,
      each_units: [...plan.targets, ...plan.tasks.flatMap((task) => task.targets)].reduce((n, target) => n + (target.each?.length ?? 0), 0),
      phases: plan.phases.length,
      reports: plan.duties.filter((duty) => duty.kind === 'report').length,
      activities: plan.duties.filter((duty) => duty.kind === 'activity').length,
      multi_owner_duties: plan.duties.filter((duty) => duty.owners.length > 1).length,
    }).toEqual(inventory);
  });

  it('the hand counts add up to the totals validate reports: 135 tasks, 61 task targets + 3 plan targets', () => {
    // tasks: 15 (district) + 11 (huyi) + 39 (jiuquan) + 26 (zhengzhou) + 27 (zichuan food) + 17 (zichuan drug)
    expect(inventories.reduce((n, i) => n + i.tasks, 0)).toBe(15 + 11 + 39 + 26 + 27 + 17);
    // task targets: 19 + 1 + 30 + 0 + 9 + 2; plan targets: 2 (district) + 1 (zhengzhou)
    expect(inventories.reduce((n, i) => n + i.task_targets, 0)).toBe(19 + 1 + 30 + 0 + 9 + 2);
    expect(inventories.reduce((n, i) => n + i.plan_targets, 0)).toBe(2 + 1);
  });

  it('every plan and actuals file starts with the yaml-language-server modeline', () => {
    for (const file of exampleFiles().filter((f) => /\.ya?ml$/.test(f))) {
      const first = readFileSync(file, 'utf8').split('\n')[0];
      const kind = file.includes('.plan.') ? 'plan' : 'actuals';
      expect(first, file).toBe(`# yaml-language-server: $schema=../../schemas/${kind}.schema.json`);
    }
  });

  it('every actuals file is marked as sample data', () => {
    for (const file of exampleFiles().filter((f) => f.includes('.actuals.'))) {
      expect(readFileSync(file, 'utf8'), file).toMatch(/示例数据/);
    }
  });

  it('every plan names its seed and states the one responsibility rule at the top', () => {
    for (const file of planFiles) {
      const head = readFileSync(file, 'utf8').split('\nformat:')[0]!;
      expect(head, file).toMatch(/^# 来源 \/ source: seeds\/\d{3}_[0-9a-f]+\.txt/m);
      expect(head, file).toMatch(/责任单位规则/);
      expect(head, file).toMatch(/“牵头”/);
      expect(head, file).toMatch(/“配合”“参与”/);
    }
  });

  it.each(planFiles.map((file) => [path.basename(file), file]))('%s: every target and duty is preceded by a 原文 quote', (_name, file) => {
    const doc = parseDocument(readFileSync(file, 'utf8'));
    const root = doc.contents;
    if (!isMap(root)) throw new Error(`${file} is not a map`);
    const lists: { list: unknown; keyComment?: string }[] = [];
    const add = (map: unknown, key: string) => {
      if (!isMap(map)) return;
      const pair = map.items.find((p) => (p.key as { value?: unknown }).value === key);
      if (pair) lists.push({ list: pair.value, keyComment: (pair.key as Node).commentBefore ?? undefined });
    };
    add(root, 'targets');
    add(root, 'duties');
    const walkTasks = (tasks: unknown) => {
      if (isSeq(tasks)) for (const task of tasks.items) add(task, 'targets');
    };
    walkTasks(root.get('tasks', true));
    const sections = root.get('sections', true);
    if (isSeq(sections)) for (const section of sections.items) if (isMap(section)) walkTasks(section.get('tasks', true));
    let items = 0;
    for (const { list, keyComment } of lists) {
      for (const { id, comment } of itemComments(list, keyComment)) {
        items += 1;
        expect(comment, `${path.basename(file)}: ${id} has no 原文 quote comment`).toMatch(/原文：「[^」]+」/);
      }
    }
    const plan = countInventory(readPlan(file));
    expect(items).toBe(plan.task_targets + plan.plan_targets + plan.reports + plan.activities);
  });

  it('every 「…」 quote in a plan comment appears in its seed, whitespace removed', () => {
    expect(
      existsSync(seedsDir),
      `the seed texts are expected at ${seedsDir} (../shared/seeds beside the repository, or set PLAN_CHECK_SEEDS_DIR)`,
    ).toBe(true);
    let checked = 0;
    for (const file of planFiles) {
      const text = readFileSync(file, 'utf8');
      const seedName = /^# 来源 \/ source: seeds\/(\S+?\.txt)/m.exec(text)?.[1];
      expect(seedName, `${file} names no seed`).toBeDefined();
      const seed = readFileSync(path.join(seedsDir, seedName!), 'utf8').replace(/\s+/g, '');
      for (const { line, quote } of commentQuotes(text)) {
        for (const fragment of quote
          .split(elision)
          .map((part) => part.replace(/\s+/g, ''))
          .filter(Boolean)) {
          checked += 1;
          expect(seed.includes(fragment), `${path.relative(repoRoot, file)}:${line}: 「${fragment}」 is not in ${seedName}`).toBe(true);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('every percentage target says which kind it is (progress: level, at_due or linear)', () => {
    let percentages = 0;
    for (const file of planFiles) {
      const plan = readPlan(file);
      const targets = [...(plan.targets ?? []), ...tasksOf(plan).flatMap((task) => task.targets ?? [])];
      for (const target of targets.filter((t) => String(t.target).includes('%'))) {
        percentages += 1;
        expect(['level', 'at_due', 'linear'], `${path.basename(file)} ${target.id}`).toContain(target.progress);
      }
    }
    // district 9; huyi 1; zichuan drug 2; zichuan food 7; jiuquan 23 = 1-3 (1) + 4-1-2 (1) + 4-1-4 (1) + 4-1-5 (1)
    // + 4-1-7 (education, 3 survey rates, 3 × 3 yearly trainings, community = 14) + 4-2-2 (2) + 4-2-6 (2) + 4-2-7 (1)
    expect(percentages).toBe(9 + 1 + (1 + 1 + 1 + 1 + 14 + 2 + 2 + 1) + 2 + 7);
  });

  it('no requirement is tracked twice in a plan (same metric stem, unit and due date)', () => {
    for (const file of planFiles) expect(trackedTwice(targetsWithDue(readPlan(file))), file).toEqual([]);
  });

  it('the double-tracking check catches the two shapes it was made for', () => {
    // district-2024 before: "按照3.5批次/千人的标准,全区食品监督抽检不少于1900批次" as a per-capita target and a count
    expect(
      trackedTwice([
        { ref: '4/food-sampling-per-capita', metric: '食品监督抽检量（按千人标准）', unit: '批次', due: '2024-12-31' },
        { ref: '4/food-sampling-total', metric: '全区食品监督抽检量', unit: '批次', due: '2024-12-31' },
        { ref: '4/drug-sampling', metric: '药品监督抽检量', unit: '批次', due: '2024-12-31' },
      ]),
    ).toEqual([['4/food-sampling-per-capita', '4/food-sampling-total']]);
    // jiuquan before: the creation standard's 满意度70% repeated under task 4-1-7
    expect(
      trackedTwice([
        { ref: '2-1/satisfaction', metric: '群众食品安全总体满意度', due: '2020-12-31' },
        { ref: '4-1-7/satisfaction', metric: '群众食品安全总体满意度', due: '2020-12-31' },
      ]),
    ).toEqual([['2-1/satisfaction', '4-1-7/satisfaction']]);
    // one requirement per year is three requirements, not one tracked thrice
    expect(
      trackedTwice([
        { ref: 'a-2018', metric: '检测样本量（2018年）', unit: '份', due: '2018-12-31' },
        { ref: 'a-2019', metric: '检测样本量（2019年）', unit: '份', due: '2019-12-31' },
      ]),
    ).toEqual([]);
  });
});
