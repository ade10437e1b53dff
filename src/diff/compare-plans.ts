// What a change does to a plan's commitments: two sets of plan outlines in, one row per change out.
// Pure. Plans are matched by id, tasks, targets, phases and duties by id inside their plan, so
// reformatting, reordering, comments and a move between `reports:` and `duties:` give no rows.
import { parseIsoDate } from '../core/dates.js';
import type { JsonPath, Position } from '../core/diagnostics.js';
import { type Rational, compareWithTolerance, divide, isZero, multiply, subtract, toNumber } from '../core/rational.js';
import type { TargetExpression } from '../core/target-expression.js';
import { type ChangeKind, type ChangeSubject, changeKinds } from './change-kinds.js';
import type { EachUnit, OutlineDuty, OutlineTarget, OutlineTask, PlanOutline } from './plan-outline.js';

type ChangeValue = string | number | readonly string[] | null;

interface ChangePlace {
  file: string;
  line: number;
  column: number;
}

export interface PlanChange {
  /** KIND@REF: what an `# approved:` note names */
  id: string;
  kind: ChangeKind;
  subject: ChangeSubject;
  plan: string;
  /** PLAN, PLAN:task/ID, PLAN:TASK/TARGET (PLAN:TARGET at plan level, @UNIT for one unit of `each`), PLAN:phase/ID, PLAN:duty/ID */
  ref: string;
  /** the key that changed (target, due, lead, population…) */
  field: string;
  /** the title, metric or name of the item, from the new side when it has one */
  label: string;
  old: ChangeValue;
  new: ChangeValue;
  /** the measure of old and new R: "%" for a percentage, else the target's unit (lowered, raised) */
  unit?: string;
  /** (new R − old R) / old R × 100; null when the old R is 0 (lowered, raised) */
  change_percent?: number | null;
  /** signed whole days, later is positive (start-*, deadline-*) */
  days?: number;
  /** units or ids added to and removed from a list (lead, support, owner, each) */
  added?: string[];
  removed?: string[];
  /** population-changed: the per-capita targets whose R it moved */
  moved?: string[];
  /** lowered/raised only through the population (the target itself is unchanged) */
  cause?: 'population';
  /** where it is in the new file (the nearest item still there, for something removed); the old file for a removed plan */
  at: ChangePlace;
  /** where it was in the old file, when it was there */
  old_at?: ChangePlace;
  approved: boolean;
}

type Draft = Omit<PlanChange, 'id' | 'plan' | 'at' | 'old_at' | 'approved' | 'ref' | 'label'> & {
  ref?: string;
  label?: string;
  newPath?: JsonPath;
  oldPath?: JsonPath;
};

const place = (plan: PlanOutline, path: JsonPath): ChangePlace => {
  const at: Position = plan.locator.locate(path);
  return { file: plan.file, line: at.line, column: at.column };
};

const sameList = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((item, index) => item === b[index]);
const listDelta = (oldList: readonly string[], newList: readonly string[]) => ({
  added: newList.filter((item) => !oldList.includes(item)),
  removed: oldList.filter((item) => !newList.includes(item)),
});

function daysBetween(oldDate: string | undefined, newDate: string | undefined): number | undefined {
  const from = oldDate === undefined ? undefined : parseIsoDate(oldDate);
  const to = newDate === undefined ? undefined : parseIsoDate(newDate);
  return from === undefined || to === undefined ? undefined : to - from;
}

/**
 * A date moved: start-earlier/-later or deadline-earlier/-later with the signed days, or
 * schedule-changed when one side is not a date plan-check can read.
 */
function dateChange(
  which: 'start' | 'deadline',
  field: string,
  oldDate: string | undefined,
  newDate: string | undefined,
): Draft | undefined {
  if (oldDate === newDate) return undefined;
  const days = daysBetween(oldDate, newDate);
  if (days === 0) return undefined;
  const values = { field, old: oldDate ?? null, new: newDate ?? null };
  if (days === undefined) return { kind: 'schedule-changed', subject: 'plan', ...values };
  return { kind: `${which}-${days > 0 ? 'later' : 'earlier'}`, subject: 'plan', ...values, days };
}

const isFloor = (expression: TargetExpression): boolean => expression.op === '>=' || expression.op === '>';
const measureOf = (expression: TargetExpression): 'percent' | 'absolute' => (expression.kind === 'percent' ? 'percent' : 'absolute');

/** R of a target (for one unit of `each` when its population is given): per-capita targets through the population. */
function requiredOf(expression: TargetExpression, population: Rational | undefined): Rational | undefined {
  if (expression.kind !== 'per_capita') return expression.value;
  return population === undefined || expression.per === undefined
    ? undefined
    : divide(multiply(expression.value, population), expression.per);
}

/** lowered (the commitment got weaker: a lower R for >=/>, a higher one for <=/<) or raised, with the change in %. */
function requiredChange(oldR: Rational, newR: Rational, floor: boolean): Pick<Draft, 'kind' | 'change_percent'> | undefined {
  const order = compareWithTolerance(newR, oldR);
  if (order === 0) return undefined;
  const weaker = floor ? order < 0 : order > 0;
  return { kind: weaker ? 'lowered' : 'raised', change_percent: isZero(oldR) ? null : toNumber(divide(subtract(newR, oldR), oldR)) * 100 };
}

interface Sides<T> {
  oldPlan: PlanOutline;
  newPlan: PlanOutline;
  before: T;
  after: T;
}

function compareExpression({ oldPlan, newPlan, before, after }: Sides<OutlineTarget>): Draft[] {
  const field = 'target';
  const subject = 'target';
  const oldE = before.expression;
  const newE = after.expression;
  if (!oldE || !newE) {
    return before.written === after.written && Boolean(oldE) === Boolean(newE)
      ? []
      : [{ kind: 'expression-changed', subject, field, old: before.written, new: after.written }];
  }
  const rows: Draft[] = [];
  if (measureOf(oldE) !== measureOf(newE)) return [{ kind: 'kind-changed', subject, field, old: oldE.text, new: newE.text }];
  if (oldE.kind !== newE.kind) rows.push({ kind: 'kind-changed', subject, field, old: oldE.text, new: newE.text });
  if (isFloor(oldE) !== isFloor(newE)) return [...rows, { kind: 'op-changed', subject, field, old: oldE.text, new: newE.text }];
  if (oldE.op !== newE.op) rows.push({ kind: 'op-changed', subject, field, old: oldE.op, new: newE.op });
  const unit = newE.kind === 'percent' ? '%' : (after.unit ?? before.unit ?? '');
  const sameWording =
    oldE.kind === newE.kind &&
    compareWithTolerance(oldE.value, newE.value) === 0 &&
    (oldE.per === undefined || (newE.per !== undefined && compareWithTolerance(oldE.per, newE.per) === 0));
  const compare = (oldR: Rational | undefined, newR: Rational | undefined, ref: string | undefined, populationMoved: boolean): void => {
    if (oldR === undefined || newR === undefined) return;
    const change = requiredChange(oldR, newR, isFloor(newE));
    if (!change) return;
    rows.push({
      ...change,
      subject,
      field,
      ref,
      old: toNumber(oldR),
      new: toNumber(newR),
      unit,
      ...(sameWording && populationMoved ? { cause: 'population' as const } : {}),
    });
  };
  if (newE.kind === 'per_capita' || oldE.kind === 'per_capita') {
    if (before.each && after.each) {
      const oldUnits = new Map(before.each.map((entry) => [entry.unit, entry]));
      for (const entry of after.each) {
        const previous: EachUnit | undefined = oldUnits.get(entry.unit);
        if (!previous) continue;
        const populationMoved =
          previous.population !== undefined &&
          entry.population !== undefined &&
          compareWithTolerance(previous.population, entry.population) !== 0;
        compare(requiredOf(oldE, previous.population), requiredOf(newE, entry.population), `${after.ref}@${entry.unit}`, populationMoved);
      }
      return rows;
    }
    const populationMoved =
      oldPlan.population !== undefined &&
      newPlan.population !== undefined &&
      compareWithTolerance(oldPlan.population, newPlan.population) !== 0;
    compare(requiredOf(oldE, oldPlan.population), requiredOf(newE, newPlan.population), undefined, populationMoved);
    return rows;
  }
  compare(oldE.value, newE.value, undefined, false);
  return rows;
}

const shownNumber = (value: Rational | undefined): number | null => (value === undefined ? null : toNumber(value));

function compareTarget(
  sides: Sides<OutlineTarget>,
  taskOf: (plan: PlanOutline, target: OutlineTarget) => OutlineTask | undefined,
): Draft[] {
  const { oldPlan, newPlan, before, after } = sides;
  const subject = 'target';
  const rows = compareExpression(sides);
  const text = (field: string, kind: ChangeKind, oldValue: string | undefined, newValue: string | undefined) => {
    if (oldValue !== newValue) rows.push({ kind, subject, field, old: oldValue ?? null, new: newValue ?? null });
  };
  text('metric', 'metric-changed', before.metric, after.metric);
  text('unit', 'metric-changed', before.unit, after.unit);
  text('progress', 'progress-changed', before.progress, after.progress);
  if (
    (before.baseline === undefined) !== (after.baseline === undefined) ||
    (before.baseline && after.baseline && compareWithTolerance(before.baseline, after.baseline) !== 0)
  ) {
    rows.push({
      kind: 'baseline-changed',
      subject,
      field: 'baseline',
      old: shownNumber(before.baseline),
      new: shownNumber(after.baseline),
    });
  }
  text('accumulate', 'accumulate-changed', before.accumulate, after.accumulate);
  text('combine', 'combine-changed', before.combine, after.combine);
  // the owner: a task target's default is its task's first lead; the task's row reports a lead change
  if (before.owner !== undefined || after.owner !== undefined) {
    const oldOwner = before.owner ?? taskOf(oldPlan, before)?.lead[0];
    const newOwner = after.owner ?? taskOf(newPlan, after)?.lead[0];
    if (oldOwner !== newOwner) rows.push({ kind: 'owner-changed', subject, field: 'owner', old: oldOwner ?? null, new: newOwner ?? null });
  }
  const oldEach = (before.each ?? []).map((entry) => entry.unit);
  const newEach = (after.each ?? []).map((entry) => entry.unit);
  if (!sameList([...oldEach].sort(), [...newEach].sort()))
    rows.push({ kind: 'each-changed', subject, field: 'each', old: oldEach, new: newEach, ...listDelta(oldEach, newEach) });
  // dates: the target's own, else its task's, else the period's; the task's row reports a task's move
  if (before.start !== undefined || after.start !== undefined) {
    const row = dateChange(
      'start',
      'start',
      before.start ?? taskOf(oldPlan, before)?.start ?? oldPlan.period.start,
      after.start ?? taskOf(newPlan, after)?.start ?? newPlan.period.start,
    );
    if (row) rows.push({ ...row, subject });
  }
  if (before.due !== undefined || after.due !== undefined) {
    const row = dateChange(
      'deadline',
      'due',
      before.due ?? taskOf(oldPlan, before)?.due ?? oldPlan.period.end,
      after.due ?? taskOf(newPlan, after)?.due ?? newPlan.period.end,
    );
    if (row) rows.push({ ...row, subject });
  }
  return rows;
}

function compareUnits(
  field: 'lead' | 'support' | 'owner',
  kind: ChangeKind,
  subject: ChangeSubject,
  before: readonly string[],
  after: readonly string[],
): Draft[] {
  const delta = listDelta(before, after);
  // the order of a list is not a change, except who comes first in `lead` (the default owner of its targets)
  const changed = delta.added.length > 0 || delta.removed.length > 0 || (field === 'lead' && before[0] !== after[0]);
  return changed ? [{ kind, subject, field, old: [...before], new: [...after], ...delta }] : [];
}

function compareTask({ oldPlan, newPlan, before, after }: Sides<OutlineTask>): Draft[] {
  const subject = 'task';
  const rows: Draft[] = [];
  if (before.title !== after.title) rows.push({ kind: 'retitled', subject, field: 'title', old: before.title, new: after.title });
  rows.push(...compareUnits('lead', 'lead-changed', subject, before.lead, after.lead));
  rows.push(...compareUnits('support', 'support-changed', subject, before.support, after.support));
  if (before.start !== undefined || after.start !== undefined) {
    const row = dateChange('start', 'start', before.start ?? oldPlan.period.start, after.start ?? newPlan.period.start);
    if (row) rows.push({ ...row, subject });
  }
  if (before.due !== undefined || after.due !== undefined) {
    const row = dateChange('deadline', 'due', before.due ?? oldPlan.period.end, after.due ?? newPlan.period.end);
    if (row) rows.push({ ...row, subject });
  }
  return rows;
}

const scheduleText = (duty: OutlineDuty): string | null =>
  duty.every !== undefined
    ? [
        `every: ${duty.every}`,
        ...(duty.month !== undefined ? [`month: ${duty.month}`] : []),
        ...(duty.day !== undefined ? [`day: ${duty.day}`] : []),
      ].join(', ')
    : duty.due !== undefined
      ? `due: ${duty.due}`
      : null;

function compareDuty({ before, after }: Sides<OutlineDuty>): Draft[] {
  const subject = 'duty';
  const rows: Draft[] = [];
  if (before.title !== after.title) rows.push({ kind: 'retitled', subject, field: 'title', old: before.title, new: after.title });
  if (before.kind !== after.kind) rows.push({ kind: 'kind-changed', subject, field: 'kind', old: before.kind, new: after.kind });
  rows.push(...compareUnits('owner', 'owner-changed', subject, before.owner, after.owner));
  if (before.every === undefined && after.every === undefined) {
    const row = dateChange('deadline', 'due', before.due, after.due);
    if (row) rows.push({ ...row, subject });
  } else if (before.every === after.every && before.month === after.month) {
    // the same periods, another day in them: each occurrence moves by the difference
    if (before.day !== undefined && after.day !== undefined && before.day !== after.day) {
      const days = after.day - before.day;
      rows.push({ kind: days > 0 ? 'deadline-later' : 'deadline-earlier', subject, field: 'day', old: before.day, new: after.day, days });
    } else if (before.day !== after.day)
      rows.push({ kind: 'schedule-changed', subject, field: 'day', old: scheduleText(before), new: scheduleText(after) });
  } else {
    rows.push({
      kind: 'schedule-changed',
      subject,
      field: after.every !== undefined ? 'every' : 'due',
      old: scheduleText(before),
      new: scheduleText(after),
    });
  }
  const start = dateChange('start', 'start', before.start, after.start);
  if (start) rows.push({ ...start, subject });
  if (before.until !== after.until)
    rows.push({ kind: 'schedule-changed', subject, field: 'until', old: before.until ?? null, new: after.until ?? null });
  return rows;
}

function comparePlan(oldPlan: PlanOutline, newPlan: PlanOutline, changedTargets: readonly Draft[]): Draft[] {
  const subject = 'plan';
  const rows: Draft[] = [];
  if (oldPlan.title !== newPlan.title) rows.push({ kind: 'retitled', subject, field: 'title', old: oldPlan.title, new: newPlan.title });
  for (const row of [
    dateChange('start', 'period.start', oldPlan.period.start, newPlan.period.start),
    dateChange('deadline', 'period.end', oldPlan.period.end, newPlan.period.end),
    dateChange('start', 'issued', oldPlan.issued, newPlan.issued),
  ]) {
    const path = row?.field === 'issued' ? ['issued'] : ['period', row?.field.slice('period.'.length) ?? ''];
    if (row) rows.push({ ...row, subject, newPath: path, oldPath: path });
  }
  const oldPopulation = oldPlan.population;
  const newPopulation = newPlan.population;
  if (
    (oldPopulation === undefined) !== (newPopulation === undefined) ||
    (oldPopulation && newPopulation && compareWithTolerance(oldPopulation, newPopulation) !== 0)
  ) {
    const moved = changedTargets
      .filter((row) => row.cause === 'population' && row.ref !== undefined && !row.ref.includes('@'))
      .map((row) => row.ref!);
    rows.push({
      kind: 'population-changed',
      subject,
      field: 'population',
      old: shownNumber(oldPopulation),
      new: shownNumber(newPopulation),
      moved,
      newPath: ['population'],
      oldPath: ['population'],
    });
  }
  return rows;
}

type Keyed = { path: JsonPath };

/** Rows of one kind of item: added, removed, and what changed in each item on both sides. */
function compareItems<T extends Keyed>(
  oldPlan: PlanOutline,
  newPlan: PlanOutline,
  oldItems: ReadonlyMap<string, T>,
  newItems: ReadonlyMap<string, T>,
  describe: {
    subject: ChangeSubject;
    ref: (key: string) => string;
    label: (item: T) => string;
    parentPath: (key: string, item: T) => JsonPath;
    compare: (sides: Sides<T>) => Draft[];
  },
  emit: (draft: Draft, ref: string, label: string) => void,
): void {
  for (const [key, before] of oldItems) {
    const after = newItems.get(key);
    const ref = describe.ref(key);
    if (!after) {
      emit(
        {
          kind: 'removed',
          subject: describe.subject,
          field: '',
          old: describe.label(before),
          new: null,
          newPath: describe.parentPath(key, before),
          oldPath: before.path,
        },
        ref,
        describe.label(before),
      );
      continue;
    }
    for (const row of describe.compare({ oldPlan, newPlan, before, after })) {
      const field = row.field.split('.');
      emit({ newPath: [...after.path, ...field], oldPath: [...before.path, ...field], ...row }, row.ref ?? ref, describe.label(after));
    }
  }
  for (const [key, after] of newItems) {
    if (!oldItems.has(key))
      emit(
        { kind: 'added', subject: describe.subject, field: '', old: null, new: describe.label(after), newPath: after.path },
        describe.ref(key),
        describe.label(after),
      );
  }
}

function comparePlanPair(oldPlan: PlanOutline, newPlan: PlanOutline, out: PlanChange[]): void {
  const plan = newPlan.id;
  const drafts: { draft: Draft; ref: string; label: string }[] = [];
  const emit = (draft: Draft, ref: string, label: string) => drafts.push({ draft, ref, label });
  const taskOf = (side: PlanOutline, target: OutlineTarget) => (target.taskId === undefined ? undefined : side.tasks.get(target.taskId));
  compareItems(
    oldPlan,
    newPlan,
    oldPlan.tasks,
    newPlan.tasks,
    {
      subject: 'task',
      ref: (id) => `${plan}:task/${id}`,
      label: (task) => task.title,
      parentPath: () => [],
      compare: compareTask,
    },
    emit,
  );
  compareItems(
    oldPlan,
    newPlan,
    oldPlan.targets,
    newPlan.targets,
    {
      subject: 'target',
      ref: (ref) => `${plan}:${ref}`,
      label: (target) => target.metric,
      parentPath: (_ref, target) => (target.taskId !== undefined ? (newPlan.tasks.get(target.taskId)?.path ?? []) : ['targets']),
      compare: (sides) => compareTarget(sides, taskOf),
    },
    (draft, ref, label) =>
      emit(
        { ...draft, ref: draft.ref === undefined ? undefined : `${plan}:${draft.ref}` },
        ref.includes(':') ? ref : `${plan}:${ref}`,
        label,
      ),
  );
  compareItems(
    oldPlan,
    newPlan,
    oldPlan.phases,
    newPlan.phases,
    {
      subject: 'phase',
      ref: (id) => `${plan}:phase/${id}`,
      label: (phase) => phase.title,
      parentPath: () => ['phases'],
      compare: ({ oldPlan: o, newPlan: n, before, after }) => {
        const rows: Draft[] = [];
        if (before.title !== after.title)
          rows.push({ kind: 'retitled', subject: 'phase', field: 'title', old: before.title, new: after.title });
        const start = dateChange('start', 'start', before.start ?? o.period.start, after.start ?? n.period.start);
        const due = dateChange('deadline', 'due', before.due, after.due);
        for (const row of [start, due]) if (row) rows.push({ ...row, subject: 'phase' });
        return rows;
      },
    },
    emit,
  );
  compareItems(
    oldPlan,
    newPlan,
    oldPlan.duties,
    newPlan.duties,
    {
      subject: 'duty',
      ref: (id) => `${plan}:duty/${id}`,
      label: (duty) => duty.title,
      parentPath: (_id, duty) => [duty.path[0]!],
      compare: compareDuty,
    },
    emit,
  );
  const planRows = comparePlan(
    oldPlan,
    newPlan,
    drafts.map((entry) => ({ ...entry.draft, ref: entry.draft.ref ?? entry.ref })),
  );
  for (const row of planRows) emit(row, plan, newPlan.title);
  for (const { draft, ref, label } of drafts) {
    const fullRef = draft.ref ?? ref;
    out.push(finish(draft, fullRef, label, plan, newPlan, draft.kind === 'added' ? undefined : oldPlan));
  }
}

function finish(
  draft: Draft,
  ref: string,
  label: string,
  plan: string,
  newPlan: PlanOutline | undefined,
  oldPlan: PlanOutline | undefined,
): PlanChange {
  const { newPath, oldPath, ...rest } = draft;
  const at = newPlan ? place(newPlan, newPath ?? []) : place(oldPlan!, oldPath ?? []);
  const old_at = oldPlan && oldPath ? place(oldPlan, oldPath) : undefined;
  const change: PlanChange = { id: `${draft.kind}@${ref}`, ...rest, plan, ref, label, at, ...(old_at ? { old_at } : {}), approved: false };
  return change;
}

/** Approved when a `# approved:` note of the new side names KIND@REF (REF without PLAN: inside that plan's file). */
function markApproved(changes: PlanChange[], newPlans: readonly PlanOutline[]): void {
  const approved = new Set<string>();
  for (const plan of newPlans) {
    for (const token of plan.approvals) {
      const at = token.indexOf('@');
      if (at <= 0) continue;
      const [kind, ref] = [token.slice(0, at), token.slice(at + 1)];
      approved.add(ref.includes(':') || ref === plan.id ? `${kind}@${ref}` : `${kind}@${plan.id}:${ref}`);
    }
  }
  for (const change of changes) change.approved = approved.has(change.id);
}

const kindOrder = new Map(changeKinds.map((kind, index) => [kind, index]));

/** Every change from the old plans to the new, in plan order, then in the order of the new file. */
export function comparePlanSets(oldPlans: readonly PlanOutline[], newPlans: readonly PlanOutline[]): PlanChange[] {
  const changes: PlanChange[] = [];
  const oldById = new Map(oldPlans.map((plan) => [plan.id, plan]));
  const newById = new Map(newPlans.map((plan) => [plan.id, plan]));
  for (const plan of oldPlans) {
    if (!newById.has(plan.id))
      changes.push(
        finish(
          { kind: 'removed', subject: 'plan', field: '', old: plan.title, new: null, oldPath: [] },
          plan.id,
          plan.title,
          plan.id,
          undefined,
          plan,
        ),
      );
  }
  for (const plan of newPlans) {
    const previous = oldById.get(plan.id);
    if (!previous)
      changes.push(
        finish(
          { kind: 'added', subject: 'plan', field: '', old: null, new: plan.title, newPath: [] },
          plan.id,
          plan.title,
          plan.id,
          plan,
          undefined,
        ),
      );
    else comparePlanPair(previous, plan, changes);
  }
  changes.sort(
    (a, b) =>
      (a.plan < b.plan ? -1 : a.plan > b.plan ? 1 : 0) ||
      a.at.line - b.at.line ||
      a.at.column - b.at.column ||
      kindOrder.get(a.kind)! - kindOrder.get(b.kind)! ||
      (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0),
  );
  markApproved(changes, newPlans);
  return changes;
}
