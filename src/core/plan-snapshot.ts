// A normalised plan kept between runs (src/io/parse-cache.ts), as JSON: every place becomes the
// JSON path it was made for, exact rationals become pairs of digit strings, the unit registry a
// list of pairs. Restored, each place is resolved lazily again (a full parse of the file's text only
// if something reads a line or column). Only plans that loaded without a single diagnostic are
// kept, so every diagnostic still comes from a real check.
import type { JsonPath, Position } from './diagnostics.js';
import type { Plan, SourcePlace, Target, Task } from './model.js';
import type { Rational } from './rational.js';
import { unitRegistryOf } from './unit-registry.js';
import { LazyPlace, type Locator, pathOfPlace } from './yaml-source.js';

/** The snapshot as JSON text: opaque outside this module. */
export type PlanSnapshot = string & { readonly planSnapshot: unique symbol };

/** Normalised plans kept between runs, by the text of their file. */
export interface PlanCache {
  get(text: string): PlanSnapshot | undefined;
  set(text: string, snapshot: PlanSnapshot): void;
}

class NotSnapshotable extends Error {}

type RationalPair = [string, string];
const RATIONAL_KEYS = new Set(['population', 'required', 'value', 'per', 'baseline']);

/**
 * A target without what follows from its plan and task (plan and task ids, ref, the task's units,
 * a required value that is the expression's own): a third of the snapshot. Checked, not assumed:
 * a target that does not follow the rule makes the plan not snapshotable.
 */
function compactTarget(
  plan: Plan,
  task: Task | undefined,
  target: Target,
): Omit<Target, 'planId' | 'taskId' | 'ref' | 'taskUnits' | 'required'> & { required?: Rational } {
  const derived =
    target.planId === plan.id &&
    target.taskId === task?.id &&
    target.ref === (task ? `${plan.id}:${task.id}/${target.id}` : `${plan.id}:${target.id}`) &&
    (task
      ? target.taskUnits.lead === task.lead && target.taskUnits.support === task.support
      : target.taskUnits.lead.length === 0 && target.taskUnits.support.length === 0);
  if (!derived) throw new NotSnapshotable();
  const { planId: _plan, taskId: _task, ref: _ref, taskUnits: _units, required, ...rest } = target;
  return required === target.expression.value ? rest : { ...rest, required };
}

/**
 * The plan as a snapshot; undefined when a place was not made by a locator, or a BigInt sits where
 * no rational is expected (a model change this module does not know: never cached, never wrong).
 */
export function snapshotPlan(plan: Plan): PlanSnapshot | undefined {
  try {
    const compact = {
      ...plan,
      file: undefined,
      units: plan.units ? [...plan.units.written] : undefined,
      tasks: plan.tasks.map((task) => ({ ...task, targets: task.targets.map((target) => compactTarget(plan, task, target)) })),
      targets: plan.targets.map((target) => compactTarget(plan, undefined, target)),
    };
    const text = JSON.stringify(compact, function (key, value: unknown) {
      if (typeof value === 'bigint') throw new NotSnapshotable();
      if (key === 'place') {
        const path = pathOfPlace(value as SourcePlace);
        if (!path) throw new NotSnapshotable();
        return path;
      }
      if (RATIONAL_KEYS.has(key) && value && typeof value === 'object' && typeof (value as Rational).n === 'bigint') {
        const { n, d } = value as Rational;
        return [n.toString(), d.toString()] satisfies RationalPair;
      }
      return value;
    });
    return text as PlanSnapshot;
  } catch (error) {
    if (error instanceof NotSnapshotable) return undefined;
    throw error;
  }
}

const rationalOf = (pair: RationalPair): Rational => ({ n: BigInt(pair[0]), d: BigInt(pair[1]) });

/** The plan again, as loaded from `file`, its places resolved through `locator` when read. */
export function restorePlan(snapshot: PlanSnapshot, file: string, locator: Locator): Plan {
  // the parsed JSON is ours alone: its objects are turned back into the model where they stand
  const plan = JSON.parse(snapshot) as Record<string, unknown> & Plan;
  const locate = (path: JsonPath): Position => locator.locate(path);
  const place = (path: unknown): SourcePlace => new LazyPlace(file, path as JsonPath, locate);
  plan.file = file;
  plan.place = place(plan.place);
  if (plan.population) plan.population = rationalOf(plan.population as unknown as RationalPair);
  if (plan.units) plan.units = unitRegistryOf(plan.units as unknown as [string, string][]);
  for (const phase of plan.phases) phase.place = place(phase.place);
  for (const duty of plan.duties) duty.place = place(duty.place);
  for (const task of plan.tasks) {
    task.place = place(task.place);
    const taskUnits = { lead: task.lead, support: task.support };
    for (const target of task.targets) restoreTarget(target, task.id, taskUnits);
  }
  for (const target of plan.targets) restoreTarget(target, undefined, { lead: [], support: [] });
  return plan;

  function restoreTarget(target: Target, taskId: string | undefined, taskUnits: Target['taskUnits']): void {
    target.planId = plan.id;
    target.taskId = taskId;
    target.ref = taskId === undefined ? `${plan.id}:${target.id}` : `${plan.id}:${taskId}/${target.id}`;
    target.taskUnits = taskUnits;
    target.place = place(target.place);
    target.expression.value = rationalOf(target.expression.value as unknown as RationalPair);
    if (target.expression.per) target.expression.per = rationalOf(target.expression.per as unknown as RationalPair);
    target.required = target.required ? rationalOf(target.required as unknown as RationalPair) : target.expression.value;
    if (target.baseline) target.baseline = rationalOf(target.baseline as unknown as RationalPair);
    for (const unit of target.each ?? []) {
      unit.required = rationalOf(unit.required as unknown as RationalPair);
      if (unit.population) unit.population = rationalOf(unit.population as unknown as RationalPair);
      unit.place = place(unit.place);
    }
  }
}
