// A target's figures over time, for the report's charts: A and E at each date a row was reported
// (up to T), and the pace from start to due. Nothing is worked out here a second way: every point is
// evaluateTarget at that date over the same joined rows (those `explain` lists are its rowsUsed at T).
import type { DayNumber } from './dates.js';
import { type EvaluationSettings, type TargetResult, defaultEvaluationSettings, evaluateTarget } from './evaluate.js';
import type { ActualRow, Target } from './model.js';
import type { Rational } from './rational.js';

interface HistoryPoint {
  day: DayNumber;
  actual?: Rational;
  expected?: Rational;
}

export interface TargetHistory {
  /** A (and E) at every date a row of this target (or unit) was reported, on or before T */
  reported: HistoryPoint[];
  /** E at the start, the day before due and at due: the pace line (a step for at_due, flat for level) */
  pace: HistoryPoint[];
  /** R: the unit's own for a unit of an `each` target */
  required?: Rational;
}

/** The result for the target, or for one unit of an `each` target. */
function resultFor(
  target: Target,
  rows: readonly ActualRow[],
  day: DayNumber,
  settings: EvaluationSettings,
  unit?: string,
): TargetResult | undefined {
  const result = evaluateTarget(target, rows, day, settings);
  return unit === undefined ? result : result.units?.find((each) => each.eachUnit === unit);
}

export function targetHistory(
  target: Target,
  rows: readonly ActualRow[],
  asOf: DayNumber,
  options: { unit?: string; settings?: EvaluationSettings } = {},
): TargetHistory {
  const settings = options.settings ?? defaultEvaluationSettings;
  const unit = options.unit;
  const own = rows.filter((row) => row.asOf <= asOf && (unit === undefined || row.reportedBy === unit));
  const days = [...new Set(own.map((row) => row.asOf))].sort((a, b) => a - b);
  const reported = days.flatMap((day) => {
    const result = resultFor(target, rows, day, settings, unit);
    return result ? [{ day, actual: result.actual, expected: result.expected }] : [];
  });
  const paceDays = [...new Set([target.start, Math.max(target.start, target.due - 1), target.due])];
  const pace = paceDays.flatMap((day) => {
    const result = resultFor(target, rows, day, settings, unit);
    return result?.expected === undefined ? [] : [{ day, expected: result.expected }];
  });
  return { reported, pace, required: resultFor(target, rows, asOf, settings, unit)?.required };
}
