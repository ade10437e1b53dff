// On-time rates per unit (按期办结率 / 按时报送率): the figure a 督查 office ranks units by.
//
// For a unit u at the as-of date T, over u's deadlines (tasks it leads first, phases it owns, its
// part of every duty occurrence):
//   due_so_far = deadlines with due ≤ T
//   on_time    = of those, done on or before due (the record or completion dated ≤ due, and ≤ T)
//   late       = of those, done after due but on or before T
//   overdue    = of those, not done by T and due < T
//   rate       = on_time / due_so_far (null when due_so_far = 0)
// A deadline due on T itself and not yet done is in due_so_far and in none of the three counts: the
// unit still has the day, but it has not been done on time yet.
import type { DayNumber } from './dates.js';
import type { DeadlineKind, DeadlineResult } from './deadlines.js';

export interface OnTimeCounts {
  dueSoFar: number;
  onTime: number;
  late: number;
  overdue: number;
  /** onTime / dueSoFar; undefined when nothing was due yet */
  rate?: number;
}

export interface UnitOnTime extends OnTimeCounts {
  unit: string;
  /** the same counts over the unit's reports only (按时报送率) */
  reports: OnTimeCounts;
}

const emptyCounts = (): OnTimeCounts => ({ dueSoFar: 0, onTime: 0, late: 0, overdue: 0 });

/** A unit with no deadline at all (it only owns targets). */
export const noDeadlines = (unit: string): UnitOnTime => ({ unit, ...emptyCounts(), reports: emptyCounts() });

function tally(counts: OnTimeCounts, deadline: DeadlineResult, asOf: DayNumber): void {
  if (deadline.due > asOf) return;
  counts.dueSoFar += 1;
  if (deadline.completed !== undefined && deadline.completed <= asOf) {
    if (deadline.completed <= deadline.due) counts.onTime += 1;
    else counts.late += 1;
  } else if (deadline.due < asOf) {
    counts.overdue += 1;
  }
}

const withRate = (counts: OnTimeCounts): OnTimeCounts => ({
  ...counts,
  rate: counts.dueSoFar > 0 ? counts.onTime / counts.dueSoFar : undefined,
});

const reportKinds: readonly DeadlineKind[] = ['report'];

/**
 * Every unit that owns a deadline, lowest rate first (units with nothing due yet last), then by
 * overdue count, then by name: the order a meeting goes through them.
 */
export function onTimeByUnit(deadlines: readonly DeadlineResult[], asOf: DayNumber): UnitOnTime[] {
  const byUnit = new Map<string, { all: OnTimeCounts; reports: OnTimeCounts }>();
  for (const deadline of deadlines) {
    if (!deadline.owner) continue;
    let unit = byUnit.get(deadline.owner);
    if (!unit) {
      unit = { all: emptyCounts(), reports: emptyCounts() };
      byUnit.set(deadline.owner, unit);
    }
    tally(unit.all, deadline, asOf);
    if (reportKinds.includes(deadline.kind)) tally(unit.reports, deadline, asOf);
  }
  const units = [...byUnit].map(([unit, counts]) => ({ unit, ...withRate(counts.all), reports: withRate(counts.reports) }));
  const rank = (rate: number | undefined): number => (rate === undefined ? 2 : rate);
  return units.sort((a, b) => rank(a.rate) - rank(b.rate) || b.overdue - a.overdue || (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
}
