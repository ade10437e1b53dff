// Deadlines: tasks, phases and every occurrence of a reporting duty, with their status at a date.
import { type DayNumber, clampedDay, formatDay, isoWeekday, splitDay } from './dates.js';
import type { CompletionRecord, Plan, ReportDuty, SubmissionRecord } from './model.js';
import type { DeadlineStatus } from './statuses.js';

export type { DeadlineStatus };
type DeadlineKind = 'task' | 'phase' | 'report';

export interface DeadlineResult {
  ref: string;
  kind: DeadlineKind;
  plan: string;
  title: string;
  owner: string;
  due: DayNumber;
  /** completion or submission date on or before the as-of date */
  completed?: DayNumber;
  daysLeft: number;
  status: DeadlineStatus;
  late: boolean;
}

const monthsPerPeriod = { month: 1, quarter: 3, half_year: 6, year: 12 } as const;

/** Every due date of a duty between its start and until, in order. */
export function reportOccurrences(duty: ReportDuty): DayNumber[] {
  if (duty.due !== undefined) return [duty.due];
  if (!duty.every || duty.day === undefined) return [];
  const out: DayNumber[] = [];
  if (duty.every === 'week') {
    const firstMonday = duty.start - (isoWeekday(duty.start) - 1);
    for (let monday = firstMonday; monday <= duty.until; monday += 7) {
      const due = monday + Math.min(duty.day, 7) - 1;
      if (due >= duty.start && due <= duty.until) out.push(due);
    }
    return out;
  }
  const step = monthsPerPeriod[duty.every];
  const start = splitDay(duty.start);
  const end = splitDay(duty.until);
  // the first month of the calendar period holding the start date
  let index = start.year * 12 + Math.floor((start.month - 1) / step) * step;
  const lastIndex = end.year * 12 + end.month - 1;
  for (; index <= lastIndex; index += step) {
    const monthIndex = index + Math.min((duty.month ?? 1) - 1, step - 1);
    const due = clampedDay(Math.floor(monthIndex / 12), (monthIndex % 12) + 1, duty.day);
    if (due >= duty.start && due <= duty.until) out.push(due);
  }
  return out;
}

function deadlineStatus(due: DayNumber, completed: DayNumber | undefined, asOf: DayNumber, warnDays: number): { status: DeadlineStatus; late: boolean } {
  if (completed !== undefined && completed <= asOf) return { status: 'done', late: completed > due };
  if (asOf > due) return { status: 'overdue', late: false };
  if (due - asOf <= warnDays) return { status: 'due_soon', late: false };
  return { status: 'upcoming', late: false };
}

function earliest(days: (DayNumber | undefined)[], asOf: DayNumber): DayNumber | undefined {
  const usable = days.filter((d): d is DayNumber => d !== undefined && d <= asOf);
  return usable.length > 0 ? Math.min(...usable) : undefined;
}

export function evaluateDeadlines(
  plan: Plan,
  completions: readonly CompletionRecord[],
  submissions: readonly SubmissionRecord[],
  asOf: DayNumber,
  warnDays: number,
): DeadlineResult[] {
  const results: DeadlineResult[] = [];
  const add = (kind: DeadlineKind, ref: string, title: string, owner: string, due: DayNumber, completed: DayNumber | undefined) => {
    const { status, late } = deadlineStatus(due, completed, asOf, warnDays);
    results.push({ ref, kind, plan: plan.id, title, owner, due, completed, daysLeft: due - asOf, status, late });
  };
  const ownCompletions = completions.filter((c) => c.planId === plan.id);
  for (const task of plan.tasks) {
    const done = earliest([task.done, ...ownCompletions.filter((c) => c.task === task.id).map((c) => c.date)], asOf);
    add('task', `${plan.id}:task/${task.id}`, task.title, task.lead[0] ?? '', task.due, done);
  }
  for (const phase of plan.phases) {
    const done = earliest([phase.done, ...ownCompletions.filter((c) => c.phase === phase.id).map((c) => c.date)], asOf);
    add('phase', `${plan.id}:phase/${phase.id}`, phase.title, phase.owner ?? '', phase.due, done);
  }
  for (const duty of plan.reports) {
    const dutySubmissions = submissions.filter((s) => s.planId === plan.id && s.duty === duty.id);
    for (const due of reportOccurrences(duty)) {
      const submitted = earliest(dutySubmissions.filter((s) => s.due === due).map((s) => s.submitted), asOf);
      add('report', `${plan.id}:report/${duty.id}@${formatDay(due)}`, duty.title, duty.owner, due, submitted);
    }
  }
  return results;
}

const deadlineRank: Record<DeadlineStatus, number> = { overdue: 0, due_soon: 1, upcoming: 2, done: 3 };

/** Overdue first (most overdue on top), then due soon, upcoming, done. */
export function compareDeadlines(a: DeadlineResult, b: DeadlineResult): number {
  return deadlineRank[a.status] - deadlineRank[b.status] || a.due - b.due || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0);
}
