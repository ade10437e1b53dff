// Results as flat rows: the one shape every formatter (table, JSON, CSV, Markdown) reads from.
import { formatDay } from '../core/dates.js';
import type { DeadlineResult, DutyOccurrence } from '../core/deadlines.js';
import type { TargetResult, TargetStatus } from '../core/evaluate.js';
import { type Plan, taskById } from '../core/model.js';
import type { OnTimeCounts, UnitOnTime } from '../core/on-time.js';
import { toNumber } from '../core/rational.js';

export interface TargetRow {
  ref: string;
  plan: string;
  task: string;
  task_title: string;
  target: string;
  metric: string;
  owner: string;
  unit: string | null;
  op: string;
  kind: 'count' | 'percent' | 'per_capita';
  required: number;
  expected: number | null;
  actual: number | null;
  gap: number | null;
  progress: number | null;
  start: string;
  due: string;
  status: TargetStatus;
}

/** A multi-owner duty occurrence as a whole: who has done it by the as-of date, who has not. */
export interface OccurrenceSummary {
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
  /** for an occurrence of a duty with several owners; not part of the machine formats (one entry per owner there) */
  occurrence?: OccurrenceSummary;
}

const maybe = (value: TargetResult['actual']): number | null => (value === undefined ? null : toNumber(value));

export function toTargetRow(result: TargetResult, plans: ReadonlyMap<string, Plan>): TargetRow {
  const target = result.target;
  const plan = plans.get(target.planId);
  const task = plan ? taskById(plan, target.taskId) : undefined;
  return {
    ref: target.ref,
    plan: target.planId,
    task: target.taskId,
    task_title: task?.title ?? '',
    target: target.id,
    metric: target.metric,
    owner: target.owner,
    unit: target.unit ?? (target.expression.kind === 'percent' ? '%' : null),
    op: target.expression.op,
    kind: target.expression.kind,
    required: toNumber(result.required),
    expected: maybe(result.expected),
    actual: maybe(result.actual),
    gap: maybe(result.gap),
    progress: maybe(result.progress),
    start: formatDay(target.start),
    due: formatDay(target.due),
    status: result.status,
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
    ...(occurrence ? { occurrence } : {}),
  };
}

export interface OnTimeRow {
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
}

const toOnTimeRow = (counts: OnTimeCounts): OnTimeRow => ({
  due_so_far: counts.dueSoFar,
  on_time: counts.onTime,
  late: counts.late,
  overdue: counts.overdue,
  on_time_rate: counts.rate ?? null,
});

export function toUnitOnTimeRow(unit: UnitOnTime): UnitOnTimeRow {
  return { unit: unit.unit, ...toOnTimeRow(unit), reports: toOnTimeRow(unit.reports) };
}
