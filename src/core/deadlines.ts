// Deadlines: tasks, phases and every occurrence of a duty (one per owner), with their status at a date.
import { type DayNumber, clampedDay, formatDay, isoWeekday, splitDay } from './dates.js';
import type { CompletionRecord, Duty, DutyKind, DutyRecord, Plan, SourcePlace } from './model.js';
import type { DeadlineStatus } from './statuses.js';

export type { DeadlineStatus };
export type DeadlineKind = 'task' | 'phase' | DutyKind;

/** A duty record joined to its plan: `owner` is the owner whose deadline it completes. */
export interface OwnedDutyRecord extends DutyRecord {
  owner: string;
}

/** One owner's part of a duty occurrence at the as-of date. */
interface OwnerState {
  owner: string;
  /** the earliest record's date, when on or before the as-of date */
  completed?: DayNumber;
  completedPlace?: SourcePlace;
  status: DeadlineStatus;
  late: boolean;
}

/** One occurrence of a duty with every owner's state: shared by the owners' deadlines. */
export interface DutyOccurrence {
  duty: Duty;
  due: DayNumber;
  /** the first occurrence of the duty (for explaining where occurrences start) */
  first: DayNumber;
  owners: OwnerState[];
}

export interface DeadlineResult {
  ref: string;
  /** records meant for this deadline left out because of an error in them (a partial report marks it) */
  dataErrors?: number;
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
  /** a duty occurrence's deadlines (one per owner) share their occurrence */
  occurrence?: DutyOccurrence;
}

const monthsPerPeriod = { month: 1, quarter: 3, half_year: 6, year: 12 } as const;

/** The ref of a duty occurrence; the owners of a multi-owner duty share it. */
const dutyRef = (planId: string, dutyId: string, due: DayNumber): string => `${planId}:duty/${dutyId}@${formatDay(due)}`;

// Occurrences per duty, worked out once: every record of a duty is checked against them.
const occurrencesByDuty = new WeakMap<Duty, readonly DayNumber[]>();

/** Every due date of a duty between its start and until, in order. */
export function dutyOccurrences(duty: Duty): readonly DayNumber[] {
  let dues = occurrencesByDuty.get(duty);
  if (!dues) {
    dues = computeOccurrences(duty);
    occurrencesByDuty.set(duty, dues);
  }
  return dues;
}

function computeOccurrences(duty: Duty): DayNumber[] {
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

function deadlineStatus(
  due: DayNumber,
  completed: DayNumber | undefined,
  asOf: DayNumber,
  warnDays: number,
): { status: DeadlineStatus; late: boolean } {
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
  dutyRecords: readonly OwnedDutyRecord[],
  asOf: DayNumber,
  warnDays: number,
): DeadlineResult[] {
  const results: DeadlineResult[] = [];
  // the line each result comes from: ties in the sorted list keep the order of the plan's text
  const lines: number[] = [];
  const add = (
    kind: DeadlineKind,
    ref: string,
    title: string,
    owner: string,
    due: DayNumber,
    completed: DayNumber | undefined,
    line: number,
  ) => {
    const { status, late } = deadlineStatus(due, completed, asOf, warnDays);
    results.push({ ref, kind, plan: plan.id, title, owner, due, completed, daysLeft: due - asOf, status, late });
    lines.push(line);
  };
  const ownCompletions = completions.filter((c) => c.planId === plan.id);
  for (const task of plan.tasks) {
    const done = earliest([task.done, ...ownCompletions.filter((c) => c.task === task.id).map((c) => c.date)], asOf);
    add('task', `${plan.id}:task/${task.id}`, task.title, task.lead[0] ?? '', task.due, done, task.place.line);
  }
  for (const phase of plan.phases) {
    const done = earliest([phase.done, ...ownCompletions.filter((c) => c.phase === phase.id).map((c) => c.date)], asOf);
    add('phase', `${plan.id}:phase/${phase.id}`, phase.title, phase.owner ?? '', phase.due, done, phase.place.line);
  }
  for (const duty of plan.duties) {
    // the earliest record on or before T per occurrence and owner
    const earliestRecord = new Map<string, OwnedDutyRecord>();
    for (const record of dutyRecords) {
      if (record.planId !== plan.id || record.duty !== duty.id || record.date > asOf) continue;
      const key = `${record.due}\u0000${record.owner}`;
      const known = earliestRecord.get(key);
      if (!known || record.date < known.date) earliestRecord.set(key, record);
    }
    const dues = dutyOccurrences(duty);
    for (const due of dues) {
      const occurrence: DutyOccurrence = { duty, due, first: dues[0]!, owners: [] };
      for (const owner of duty.owners) {
        const record = earliestRecord.get(`${due}\u0000${owner}`);
        const { status, late } = deadlineStatus(due, record?.date, asOf, warnDays);
        occurrence.owners.push({ owner, completed: record?.date, completedPlace: record?.place, status, late });
        results.push({
          ref: dutyRef(plan.id, duty.id, due),
          kind: duty.kind,
          plan: plan.id,
          title: duty.title,
          owner,
          due,
          completed: record?.date,
          daysLeft: due - asOf,
          status,
          late,
          occurrence,
        });
        lines.push(duty.place.line);
      }
    }
  }
  // in the order of the plan's text (tasks, phases and duties as written); the project's sort is stable
  return results
    .map((result, index) => ({ result, line: lines[index]! }))
    .sort((a, b) => a.line - b.line)
    .map(({ result }) => result);
}

const deadlineRank: Record<DeadlineStatus, number> = { overdue: 0, due_soon: 1, upcoming: 2, done: 3 };

/** Overdue first (most overdue on top), then due soon, upcoming, done. */
export function compareDeadlines(a: DeadlineResult, b: DeadlineResult): number {
  return deadlineRank[a.status] - deadlineRank[b.status] || a.due - b.due;
}
