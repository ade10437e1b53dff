// Results as flat rows: the one shape every formatter (table, JSON, CSV, Markdown) reads from.
import { formatDay } from '../core/dates.js';
import type { DeadlineResult } from '../core/deadlines.js';
import type { TargetResult, TargetStatus } from '../core/evaluate.js';
import { type Plan, taskById } from '../core/model.js';
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

export function toDeadlineRow(result: DeadlineResult): DeadlineRow {
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
  };
}
