// Plans kept between runs: a snapshot read back is the same model, places included, for every
// shipped plan; what the snapshot cannot hold exactly is never kept.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Plan, SourcePlace } from '../src/core/model.js';
import { normalisePlan } from '../src/core/plan-normalize.js';
import { type PlanSnapshot, restorePlan, snapshotPlan } from '../src/core/plan-snapshot.js';
import { deferredLocator, parseYaml } from '../src/core/yaml-source.js';
import { loadProject } from '../src/core/project.js';
import { repoRoot, source } from './helpers.js';

const planFiles = readdirSync(path.join(repoRoot, 'examples'), { recursive: true })
  .map(String)
  .filter((name) => name.endsWith('.plan.yaml'));

function load(name: string): { plan: Plan; text: string } {
  const text = readFileSync(path.join(repoRoot, 'examples', name), 'utf8');
  const parsed = parseYaml(text, name);
  const { plan } = normalisePlan(parsed.data, name, parsed.locator);
  return { plan: plan!, text };
}

/** every place in a plan, as plain line:col */
function places(plan: Plan): SourcePlace[] {
  const all = [plan.place, ...plan.phases.map((p) => p.place), ...plan.duties.map((d) => d.place)];
  for (const task of plan.tasks) all.push(task.place, ...task.targets.map((t) => t.place));
  return all.map((place) => ({ file: place.file, line: place.line, column: place.column }));
}

/** the model without its places (compared separately, by value) */
const withoutPlaces = (plan: Plan): unknown =>
  JSON.parse(
    JSON.stringify(plan, (key, value: unknown) =>
      key === 'place' ? undefined : typeof value === 'bigint' ? `${value}n` : value instanceof Map ? [...value] : value,
    ),
  );

describe('plan snapshots', () => {
  it.each(planFiles)('%s reads back as the same model, with places at the same line:col', (name) => {
    const { plan, text } = load(name);
    const snapshot = snapshotPlan(plan);
    expect(snapshot).toBeDefined();
    const restored = restorePlan(snapshot!, name, deferredLocator(text, name));
    expect(withoutPlaces(restored)).toEqual(withoutPlaces(plan));
    expect(places(restored)).toEqual(places(plan));
    expect(restored.units === undefined || restored.units.written instanceof Map).toBe(true);
    for (const task of restored.tasks) for (const target of task.targets) expect(typeof target.required.n).toBe('bigint');
  });

  it('holds the v2 target keys: plan-level targets, each (with populations), baseline, combine, progress', () => {
    const name = 'tests/fixtures/targets-v2/v2.plan.yaml';
    const text = `format: plan/1
id: v2
title: 快照
period: { start: 2024-01-01, end: 2024-12-31 }
targets:
  - { id: no-incident, metric: 事故, target: "<= 0", owner: 区食药安委 }
tasks:
  - id: "1"
    title: 任务
    lead: [区市场监管局]
    targets:
      - { id: kitchens, metric: 覆盖率, target: ">= 80%", baseline: 60.5 }
      - { id: score, metric: 评分, target: ">= 91", combine: mean, progress: at_due }
      - { id: towns, metric: 人均, target: ">= 3 per 10000", each: [{ unit: 甲街道, population: 20000 }, { unit: 乙街道, population: 30000 }] }
`;
    const parsed = parseYaml(text, name);
    const { plan, diagnostics } = normalisePlan(parsed.data, name, parsed.locator);
    expect(diagnostics).toEqual([]);
    const restored = restorePlan(snapshotPlan(plan!)!, name, deferredLocator(text, name));
    expect(withoutPlaces(restored)).toEqual(withoutPlaces(plan!));
    expect(restored.targets[0]!.ref).toBe('v2:no-incident');
    expect(restored.targets[0]!.taskId).toBeUndefined();
    const [kitchens, score, towns] = restored.tasks[0]!.targets;
    // 60.5 = 121/2
    expect(kitchens!.baseline).toEqual({ n: 121n, d: 2n });
    expect([kitchens!.progress, score!.progress, score!.combine, towns!.progress]).toEqual(['linear', 'at_due', 'mean', 'linear']);
    // R per unit: 3 × 20000/10000 = 6, 3 × 30000/10000 = 9
    expect(towns!.each!.map((unit) => [unit.unit, unit.required, unit.population])).toEqual([
      ['甲街道', { n: 6n, d: 1n }, { n: 20000n, d: 1n }],
      ['乙街道', { n: 9n, d: 1n }, { n: 30000n, d: 1n }],
    ]);
    expect(towns!.each![1]!.place.line).toBe(text.split('\n').findIndex((line) => line.includes('id: towns')) + 1);
  });

  it('keeps the file it is restored from, not the one it was made from', () => {
    const { plan, text } = load(planFiles[0]!);
    const restored = restorePlan(snapshotPlan(plan)!, 'elsewhere/moved.plan.yaml', deferredLocator(text, 'elsewhere/moved.plan.yaml'));
    expect(restored.file).toBe('elsewhere/moved.plan.yaml');
    expect(restored.tasks[0]!.targets[0]?.place.file ?? restored.tasks[0]!.place.file).toBe('elsewhere/moved.plan.yaml');
  });

  it('is not made when a place has no path, or a target does not follow from its task', () => {
    const { plan } = load(planFiles[0]!);
    expect(snapshotPlan({ ...plan, place: { file: 'x', line: 1, column: 1 } })).toBeUndefined();
    const task = plan.tasks.find((t) => t.targets.length > 0)!;
    const odd = { ...task, targets: task.targets.map((t) => ({ ...t, ref: `${t.ref}-other` })) };
    expect(snapshotPlan({ ...plan, tasks: plan.tasks.map((t) => (t === task ? odd : t)) })).toBeUndefined();
    expect(snapshotPlan({ ...plan, population: undefined, issuer: 10n as unknown as string })).toBeUndefined();
  });

  it('fails to restore from damaged text, and the loader then parses the file', () => {
    expect(() => restorePlan('{"id": "p", trunc' as PlanSnapshot, 'x', deferredLocator('', 'x'))).toThrow();
    const { text } = load(planFiles[0]!);
    const memory = new Map<string, PlanSnapshot>();
    const planCache = { get: (key: string) => memory.get(key), set: (key: string, value: PlanSnapshot) => void memory.set(key, value) };
    const sources = [source('p.plan.yaml', text)];
    const parsed = loadProject(sources, { planCache });
    expect(memory.size).toBe(1);
    const cached = loadProject(sources, { planCache });
    expect(withoutPlaces(cached.plans[0]!)).toEqual(withoutPlaces(parsed.plans[0]!));
    memory.set(text, '{"tasks": 1' as PlanSnapshot);
    const damaged = loadProject(sources, { planCache });
    expect(withoutPlaces(damaged.plans[0]!)).toEqual(withoutPlaces(parsed.plans[0]!));
    expect(damaged.diagnostics).toEqual(parsed.diagnostics);
  });
});
