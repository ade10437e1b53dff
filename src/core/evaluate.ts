// Evaluation of one target at a date T, exactly as the contract words it.
import type { DayNumber } from './dates.js';
import type { ActualRow, Target } from './model.js';
import {
  type Rational,
  add,
  compareWithTolerance,
  divide,
  isZero,
  maxWithZero,
  multiply,
  rational,
  subtract,
  sum,
  toNumber,
  zero,
} from './rational.js';
import { type TargetStatus, targetStatusRank } from './statuses.js';

export type { TargetStatus };

export interface TargetResult {
  target: Target;
  required: Rational;
  expected?: Rational;
  actual?: Rational;
  gap?: Rational;
  progress?: Rational;
  status: TargetStatus;
  /** rows that made up A, in the order they were combined */
  rowsUsed: ActualRow[];
  /** elapsed and window days for the linear pace */
  window: { elapsed: number; total: number };
}

/** A: latest row per unit, added; or the sum of every row. Fractions add done and of separately. */
function computeActual(target: Target, rows: readonly ActualRow[], asOf: DayNumber): { actual?: Rational; used: ActualRow[] } {
  const usable = rows.filter((row) => row.asOf <= asOf);
  if (usable.length === 0) return { used: [] };
  let used: ActualRow[];
  if (target.accumulate === 'sum') {
    used = usable;
  } else {
    const latest = new Map<string, ActualRow>();
    for (const row of usable) {
      const current = latest.get(row.reportedBy);
      if (!current || row.asOf >= current.asOf) latest.set(row.reportedBy, row);
    }
    used = [...latest.values()];
  }
  const fractions = used.filter((row) => row.value.kind === 'fraction');
  if (fractions.length > 0 && fractions.length === used.length) {
    let done = zero;
    let of = zero;
    for (const row of fractions) {
      if (row.value.kind !== 'fraction') continue;
      done = add(done, row.value.done);
      of = add(of, row.value.of);
    }
    return { actual: isZero(of) ? undefined : multiply(divide(done, of), rational(100n)), used };
  }
  const values = used.map((row) => (row.value.kind === 'fraction' ? multiply(divide(row.value.done, row.value.of), rational(100n)) : row.value.value));
  return { actual: sum(values), used };
}

/** E = R × clamp((T − start + 1) / (due − start + 1), 0, 1) for linear; R from due on for at_due. */
function computeExpected(target: Target, asOf: DayNumber): { expected?: Rational; elapsed: number; total: number } {
  const total = target.due - target.start + 1;
  const elapsed = Math.min(Math.max(asOf - target.start + 1, 0), total);
  if (target.expression.op === '<=' || target.expression.op === '<') return { elapsed, total };
  if (target.progress === 'at_due') return { expected: asOf >= target.due ? target.required : zero, elapsed, total };
  return { expected: divide(multiply(target.required, rational(BigInt(elapsed))), rational(BigInt(total))), elapsed, total };
}

function satisfies(actual: Rational, op: Target['expression']['op'], required: Rational): boolean {
  const order = compareWithTolerance(actual, required);
  switch (op) {
    case '>=':
      return order >= 0;
    case '>':
      return order > 0;
    case '<=':
      return order <= 0;
    case '<':
      return order < 0;
  }
}

export function evaluateTarget(target: Target, rows: readonly ActualRow[], asOf: DayNumber): TargetResult {
  const required = target.required;
  const { actual, used } = computeActual(target, rows, asOf);
  const { expected, elapsed, total } = computeExpected(target, asOf);
  const limit = target.expression.op === '<=' || target.expression.op === '<';
  const base = { target, required, expected, rowsUsed: used, window: { elapsed, total } };
  if (actual === undefined) return { ...base, status: 'no_data' };
  const gap = maxWithZero(limit ? subtract(actual, required) : subtract(required, actual));
  const progress = isZero(required) ? undefined : divide(actual, required);
  const withFigures = { ...base, actual, gap, progress };
  if (satisfies(actual, target.expression.op, required)) return { ...withFigures, status: 'met' };
  if (limit) return { ...withFigures, status: 'breached' };
  if (asOf < target.start) return { ...withFigures, status: 'not_started' };
  if (asOf > target.due) return { ...withFigures, status: 'missed' };
  return { ...withFigures, status: compareWithTolerance(actual, expected ?? zero) >= 0 ? 'on_track' : 'behind' };
}

const statusRank = targetStatusRank;

/** How far A falls short of E, as a fraction of E (0 when either is missing): the order within a status. */
function shortfallOf(result: TargetResult): number {
  if (!result.expected || !result.actual || isZero(result.expected)) return 0;
  return 1 - toNumber(divide(result.actual, result.expected));
}

interface Keyed {
  result: TargetResult;
  shortfall: number;
}

function compareKeyed(a: Keyed, b: Keyed): number {
  const byStatus = statusRank[a.result.status] - statusRank[b.result.status];
  if (byStatus !== 0) return byStatus;
  const refA = a.result.target.ref;
  const refB = b.result.target.ref;
  return b.shortfall - a.shortfall || (refA < refB ? -1 : refA > refB ? 1 : 0);
}

/** Worst first: missed, breached, behind (largest shortfall against the pace first), no data…; each shortfall worked out once, not per comparison. */
export function sortTargetResults(results: readonly TargetResult[]): TargetResult[] {
  return results
    .map((result) => ({ result, shortfall: shortfallOf(result) }))
    .sort(compareKeyed)
    .map((keyed) => keyed.result);
}
