// Evaluation of one target at a date T, exactly as the contract words it.
import type { DayNumber } from './dates.js';
import { type Light, type LightBands, defaultLightBands, reddestLight, targetLight } from './lights.js';
import type { ActualRow, EachUnit, Target } from './model.js';
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
  /** rows meant for this target left out because of an error in them (a partial report marks it) */
  dataErrors?: number;
  /** R; undefined for a per-capita `each` target (each unit has its own) */
  required?: Rational;
  expected?: Rational;
  actual?: Rational;
  gap?: Rational;
  progress?: Rational;
  /** points behind the pace: (E − A) / R × 100 for >= and > targets; negative when ahead */
  lag?: Rational;
  status: TargetStatus;
  light: Light;
  /** rows that made up A, in the order they were combined */
  rowsUsed: ActualRow[];
  /** elapsed and window days for the linear pace */
  window: { elapsed: number; total: number };
  /** the date of the newest row used */
  latestAsOf?: DayNumber;
  /** the newest row used is more than staleDays before T */
  stale: boolean;
  /** an `each` target: one result per listed unit, in the plan's order */
  units?: TargetResult[];
  /** a unit's own line of an `each` target: the unit */
  eachUnit?: string;
}

export interface EvaluationSettings {
  lights: LightBands;
  /** a figure older than this many days at T is stale */
  staleDays: number;
}

export const defaultEvaluationSettings: EvaluationSettings = { lights: defaultLightBands, staleDays: 45 };

const hundred = rational(100n);
const isLimit = (target: Target): boolean => target.expression.op === '<=' || target.expression.op === '<';

/** One unit's rows, or all rows, added: fractions add done and of (Σdone/Σof × 100) when every row is one. */
function addRows(rows: readonly ActualRow[]): Rational | undefined {
  if (rows.every((row) => row.value.kind === 'fraction')) {
    let done = zero;
    let of = zero;
    for (const row of rows) {
      if (row.value.kind !== 'fraction') continue;
      done = add(done, row.value.done);
      of = add(of, row.value.of);
    }
    return isZero(of) ? undefined : multiply(divide(done, of), hundred);
  }
  return sum(
    rows.map((row) => (row.value.kind === 'fraction' ? multiply(divide(row.value.done, row.value.of), hundred) : row.value.value)),
  );
}

/**
 * A: per reporting unit the latest row (or, with accumulate: sum, every row); across units added
 * (combine: sum; fractions add done and of) or averaged (combine: mean; a fraction counts as its
 * percentage).
 */
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
  if (target.combine !== 'mean') return { actual: addRows(used), used };
  const byUnit = new Map<string, ActualRow[]>();
  for (const row of used) {
    const list = byUnit.get(row.reportedBy);
    if (list) list.push(row);
    else byUnit.set(row.reportedBy, [row]);
  }
  const values = [...byUnit.values()].map(addRows).filter((value): value is Rational => value !== undefined);
  if (values.length === 0) return { used };
  return { actual: divide(sum(values), rational(BigInt(values.length))), used };
}

/**
 * E for >= and >: linear B + (R − B) × clamp((T − start + 1) / (due − start + 1), 0, 1); at_due
 * 0 before due and R from due on; level R from start on and 0 before it. None for limits.
 */
function computeExpected(target: Target, asOf: DayNumber): { expected?: Rational; elapsed: number; total: number } {
  const total = target.due - target.start + 1;
  const elapsed = Math.min(Math.max(asOf - target.start + 1, 0), total);
  if (isLimit(target)) return { elapsed, total };
  if (target.progress === 'at_due') return { expected: asOf >= target.due ? target.required : zero, elapsed, total };
  if (target.progress === 'level') return { expected: asOf >= target.start ? target.required : zero, elapsed, total };
  const baseline = target.baseline ?? zero;
  const climb = divide(multiply(subtract(target.required, baseline), rational(BigInt(elapsed))), rational(BigInt(total)));
  return { expected: add(baseline, climb), elapsed, total };
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

function statusOf(target: Target, actual: Rational, expected: Rational | undefined, asOf: DayNumber): TargetStatus {
  if (satisfies(actual, target.expression.op, target.required)) return 'met';
  if (isLimit(target)) return 'breached';
  if (asOf < target.start) return 'not_started';
  if (asOf > target.due) return 'missed';
  // the target's own comparison against the pace: A ≥ E for >=, A > E for > (contract v2)
  return satisfies(actual, target.expression.op, expected ?? zero) ? 'on_track' : 'behind';
}

function evaluateSingle(target: Target, rows: readonly ActualRow[], asOf: DayNumber, settings: EvaluationSettings): TargetResult {
  const required = target.required;
  const { actual, used } = computeActual(target, rows, asOf);
  const { expected, elapsed, total } = computeExpected(target, asOf);
  // a loop, not Math.max(...): a sum target may use 300,000 rows
  let latestAsOf: DayNumber | undefined;
  for (const row of used) if (latestAsOf === undefined || row.asOf > latestAsOf) latestAsOf = row.asOf;
  const stale = latestAsOf !== undefined && asOf - latestAsOf > settings.staleDays;
  const base = { target, required, expected, rowsUsed: used, window: { elapsed, total }, latestAsOf, stale };
  if (actual === undefined) return { ...base, status: 'no_data', light: targetLight('no_data', undefined, settings.lights) };
  const gap = maxWithZero(isLimit(target) ? subtract(actual, required) : subtract(required, actual));
  const progress = isZero(required) ? undefined : divide(actual, required);
  const lag = expected !== undefined && !isZero(required) ? multiply(divide(subtract(expected, actual), required), hundred) : undefined;
  const status = statusOf(target, actual, expected, asOf);
  return { ...base, actual, gap, progress, lag, status, light: targetLight(status, lag, settings.lights) };
}

const statusRank = targetStatusRank;

/** The target as one unit of an `each` list sees it: that unit's R, and the unit as owner. */
function unitTarget(target: Target, unit: EachUnit): Target {
  return { ...target, required: unit.required, each: undefined, owner: unit.unit };
}

export function evaluateTarget(
  target: Target,
  rows: readonly ActualRow[],
  asOf: DayNumber,
  settings: EvaluationSettings = defaultEvaluationSettings,
): TargetResult {
  if (!target.each) return evaluateSingle(target, rows, asOf, settings);
  const units = target.each.map((unit) => ({
    ...evaluateSingle(
      unitTarget(target, unit),
      rows.filter((row) => row.reportedBy === unit.unit),
      asOf,
      settings,
    ),
    eachUnit: unit.unit,
  }));
  const status = units.reduce<TargetStatus>((worst, unit) => (statusRank[unit.status] < statusRank[worst] ? unit.status : worst), 'met');
  const dates = units.flatMap((unit) => (unit.latestAsOf === undefined ? [] : [unit.latestAsOf]));
  const latestAsOf = dates.length > 0 ? Math.max(...dates) : undefined;
  const { elapsed, total } = computeExpected(target, asOf);
  return {
    target,
    required: target.expression.kind === 'per_capita' ? undefined : target.required,
    status,
    light: reddestLight(units.map((unit) => unit.light)),
    rowsUsed: units.flatMap((unit) => unit.rowsUsed),
    window: { elapsed, total },
    latestAsOf,
    stale: latestAsOf !== undefined && asOf - latestAsOf > settings.staleDays,
    units,
  };
}

/** How far A falls short of E, as a fraction of E (0 when either is missing): the order within a status. */
function shortfallOf(result: TargetResult): number {
  if (!result.expected || !result.actual || isZero(result.expected)) return 0;
  return 1 - toNumber(divide(result.actual, result.expected));
}

interface Keyed {
  result: TargetResult;
  shortfall: number;
  /** the position in the list given (the plans' document order) */
  index: number;
}

function compareKeyed(a: Keyed, b: Keyed): number {
  const byStatus = statusRank[a.result.status] - statusRank[b.result.status];
  if (byStatus !== 0) return byStatus;
  return b.shortfall - a.shortfall || a.index - b.index;
}

/**
 * Worst first: missed, breached, behind (largest shortfall against the pace first), no data…; ties
 * in the order given, which is the plans' document order (not the ids' alphabetical order). Each
 * shortfall is worked out once, not per comparison.
 */
export function sortTargetResults(results: readonly TargetResult[]): TargetResult[] {
  return results
    .map((result, index) => ({ result, shortfall: shortfallOf(result), index }))
    .sort(compareKeyed)
    .map((keyed) => keyed.result);
}
