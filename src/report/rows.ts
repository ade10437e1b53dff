// Results as flat rows: the one shape every formatter (table, JSON, CSV, Markdown) reads from.
import { formatDay } from '../core/dates.js';
import type { DeadlineResult, DutyOccurrence } from '../core/deadlines.js';
import type { TargetResult, TargetStatus } from '../core/evaluate.js';
import { type Light, deadlineLight } from '../core/lights.js';
import { type Plan, type Progress, taskById } from '../core/model.js';
import type { OnTimeCounts, UnitOnTime } from '../core/on-time.js';
import { toNumber } from '../core/rational.js';
import type { UnitScorecard } from '../core/unit-scorecard.js';
import type { UnitFigures } from '../core/unit-figures.js';

/** One unit of an `each` target, as JSON lists it. */
interface UnitRow {
  unit: string;
  required: number;
  expected: number | null;
  actual: number | null;
  gap: number | null;
  progress: number | null;
  lag: number | null;
  light: Light;
  status: TargetStatus;
  latest_as_of: string | null;
  stale: boolean;
}

export interface TargetRow {
  ref: string;
  plan: string;
  /** null for a plan-level target */
  task: string | null;
  task_title: string;
  target: string;
  metric: string;
  owner: string;
  unit: string | null;
  op: string;
  kind: 'count' | 'percent' | 'per_capita';
  /** the target as it reads, normalised: ">= 3.5 per 1000" (for human formats) */
  expression: string;
  /** null for a per-capita `each` target: each unit has its own */
  required: number | null;
  expected: number | null;
  actual: number | null;
  gap: number | null;
  progress: number | null;
  lag: number | null;
  light: Light;
  /** linear, at_due or level; null for a limit */
  progress_kind: Progress | null;
  /** whether the progress kind was written in the plan (else the default for its kind) */
  progress_written: boolean;
  baseline: number | null;
  start: string;
  due: string;
  status: TargetStatus;
  latest_as_of: string | null;
  stale: boolean;
  /** an `each` target's units; null otherwise */
  units: UnitRow[] | null;
  /** rows meant for this target left out because of an error (a partial report) */
  data_errors: number;
  /** set on a line of one unit of an `each` target */
  each_unit?: string;
  /** a unit's line shown under its target (gaps --all), not on its own */
  sub_line?: boolean;
}

/** A multi-owner duty occurrence as a whole: who has done it by the as-of date, who has not. */
interface OccurrenceSummary {
  owners: number;
  done: string[];
  missing: string[];
  late: string[];
}

export interface DeadlineRow {
  ref: string;
  kind: DeadlineResult['kind'];
  plan: string;
  title: string;
  owner: string;
  due: string;
  days_left: number;
  status: DeadlineResult['status'];
  late: boolean;
  completed: string | null;
  light: Light;
  /** records meant for this deadline left out because of an error (a partial report) */
  data_errors: number;
  /** for an occurrence of a duty with several owners; not part of the machine formats (one entry per owner there) */
  occurrence?: OccurrenceSummary;
}

const maybe = (value: TargetResult['actual']): number | null => (value === undefined ? null : toNumber(value));

const isLimit = (result: TargetResult): boolean => result.target.expression.op === '<=' || result.target.expression.op === '<';
const dayOrNull = (day: number | undefined): string | null => (day === undefined ? null : formatDay(day));

function toUnitRow(result: TargetResult): UnitRow {
  return {
    unit: result.eachUnit ?? result.target.owner,
    required: toNumber(result.target.required),
    expected: maybe(result.expected),
    actual: maybe(result.actual),
    gap: maybe(result.gap),
    progress: maybe(result.progress),
    lag: maybe(result.lag),
    light: result.light,
    status: result.status,
    latest_as_of: dayOrNull(result.latestAsOf),
    stale: result.stale,
  };
}

export function toTargetRow(result: TargetResult, plans: ReadonlyMap<string, Plan>): TargetRow {
  const target = result.target;
  const plan = plans.get(target.planId);
  const task = plan && target.taskId !== undefined ? taskById(plan, target.taskId) : undefined;
  return {
    ref: target.ref,
    plan: target.planId,
    task: target.taskId ?? null,
    task_title: task?.title ?? '',
    target: target.id,
    metric: target.metric,
    owner: target.owner,
    unit: target.unit ?? (target.expression.kind === 'percent' ? '%' : null),
    op: target.expression.op,
    kind: target.expression.kind,
    expression: target.expression.text,
    required: maybe(result.required),
    expected: maybe(result.expected),
    actual: maybe(result.actual),
    gap: maybe(result.gap),
    progress: maybe(result.progress),
    lag: maybe(result.lag),
    light: result.light,
    progress_kind: isLimit(result) ? null : target.progress,
    progress_written: target.progressWritten,
    baseline: maybe(target.baseline),
    start: formatDay(target.start),
    due: formatDay(target.due),
    status: result.status,
    latest_as_of: dayOrNull(result.latestAsOf),
    stale: result.stale,
    units: result.units ? result.units.map(toUnitRow) : null,
    data_errors: result.dataErrors ?? 0,
    ...(result.eachUnit !== undefined ? { each_unit: result.eachUnit, owner: result.eachUnit } : {}),
  };
}

function summariseOccurrence(occurrence: DutyOccurrence): OccurrenceSummary {
  const done = occurrence.owners.filter((o) => o.status === 'done');
  return {
    owners: occurrence.owners.length,
    done: done.map((o) => o.owner),
    missing: occurrence.owners.filter((o) => o.status !== 'done').map((o) => o.owner),
    late: done.filter((o) => o.late).map((o) => o.owner),
  };
}

/**
 * The units of an `each` target as lines of their own under it (gaps --all): the target's columns,
 * the unit as owner, its own figures; `each_unit` names the unit.
 */
function unitLines(row: TargetRow): TargetRow[] {
  return (row.units ?? []).map((unit) => ({
    ...row,
    owner: unit.unit,
    required: unit.required,
    expected: unit.expected,
    actual: unit.actual,
    gap: unit.gap,
    progress: unit.progress,
    lag: unit.lag,
    light: unit.light,
    status: unit.status,
    latest_as_of: unit.latest_as_of,
    stale: unit.stale,
    units: null,
    each_unit: unit.unit,
    sub_line: true,
  }));
}

/** Every row followed by the lines of its units. */
export function withUnitLines(rows: readonly TargetRow[]): TargetRow[] {
  return rows.flatMap((row) => [row, ...unitLines(row)]);
}

export function toDeadlineRow(result: DeadlineResult): DeadlineRow {
  const occurrence = result.occurrence && result.occurrence.owners.length > 1 ? summariseOccurrence(result.occurrence) : undefined;
  return {
    ref: result.ref,
    kind: result.kind,
    plan: result.plan,
    title: result.title,
    owner: result.owner,
    due: formatDay(result.due),
    days_left: result.daysLeft,
    status: result.status,
    late: result.late,
    completed: result.completed === undefined ? null : formatDay(result.completed),
    light: deadlineLight(result.status),
    data_errors: result.dataErrors ?? 0,
    ...(occurrence ? { occurrence } : {}),
  };
}

interface OnTimeRow {
  due_so_far: number;
  on_time: number;
  late: number;
  overdue: number;
  /** on_time / due_so_far; null when nothing was due yet */
  on_time_rate: number | null;
}

export interface UnitOnTimeRow extends OnTimeRow {
  unit: string;
  /** the same over the unit's reports only (按时报送率) */
  reports: OnTimeRow;
  /** targets the unit owns (an each target's unit owns its line); with its figures (status) */
  targets?: number;
  /** the date of the newest figure over those targets, or null */
  latest_as_of?: string | null;
  /** of those targets, how many have figures older than stale_days */
  stale_targets?: number;
}

const toOnTimeRow = (counts: OnTimeCounts): OnTimeRow => ({
  due_so_far: counts.dueSoFar,
  on_time: counts.onTime,
  late: counts.late,
  overdue: counts.overdue,
  on_time_rate: counts.rate ?? null,
});

/** A unit's on-time rates, and (given its figures) the newest figure over the targets it owns. */
export function toUnitOnTimeRow(unit: UnitOnTime): UnitOnTimeRow {
  return { unit: unit.unit, ...toOnTimeRow(unit), reports: toOnTimeRow(unit.reports) };
}

/**
 * A ref as the human tables show it, for a department to quote back (explain, actuals): the whole
 * ref, or without "PLAN:" when one plan is loaded (4/food-sampling, duty/monthly@2024-07-10).
 */
export function shownRef(ref: string, onePlan: boolean | undefined): string {
  return onePlan ? ref.slice(ref.indexOf(':') + 1) : ref;
}

/**
 * Whether the rows of a meeting-view table all come from one plan: the view names its plans in
 * the heading, so the table shows short refs (explain finds a short ref among all loaded plans).
 */
export const fromOnePlan = (rows: readonly { plan: string }[]): boolean => new Set(rows.map((row) => row.plan)).size <= 1;

/** A unit's scorecard (core/unit-scorecard.ts) as the formats show it: the on-time part as in `summary.units`. */
export interface UnitScorecardRow extends UnitOnTimeRow {
  targets: number;
  lights: Record<Light, number>;
  statuses: Record<TargetStatus, number>;
  stale: number;
}

export function toUnitScorecardRow(card: UnitScorecard): UnitScorecardRow {
  const { unit, ...onTime } = toUnitOnTimeRow(card);
  return { unit, targets: card.targets, lights: { ...card.lights }, statuses: { ...card.statuses }, stale: card.stale, ...onTime };
}

export function toUnitFiguresRow(unit: UnitOnTime, figures: UnitFigures | undefined): UnitOnTimeRow {
  return {
    ...toUnitOnTimeRow(unit),
    targets: figures?.targets ?? 0,
    latest_as_of: figures?.latestAsOf === undefined ? null : formatDay(figures.latestAsOf),
    stale_targets: figures?.staleTargets ?? 0,
  };
}
