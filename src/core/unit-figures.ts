// Who is out of date (contract v2, stale_days): per owning unit, the date of its newest figure
// over the targets it owns (an `each` target's units own their own lines), how many targets it
// owns, and how many of them are stale (a figure older than stale_days at T; no data is not stale).
import type { DayNumber } from './dates.js';
import type { TargetResult } from './evaluate.js';

export interface UnitFigures {
  unit: string;
  targets: number;
  /** the newest row used over the unit's targets; undefined when none has data */
  latestAsOf?: DayNumber;
  staleTargets: number;
}

export function figuresByUnit(results: readonly TargetResult[]): Map<string, UnitFigures> {
  const byUnit = new Map<string, UnitFigures>();
  const count = (unit: string, result: TargetResult): void => {
    let figures = byUnit.get(unit);
    if (!figures) byUnit.set(unit, (figures = { unit, targets: 0, staleTargets: 0 }));
    figures.targets += 1;
    if (result.stale) figures.staleTargets += 1;
    if (result.latestAsOf !== undefined && (figures.latestAsOf === undefined || result.latestAsOf > figures.latestAsOf))
      figures.latestAsOf = result.latestAsOf;
  };
  for (const result of results) {
    if (result.units) for (const line of result.units) count(line.eachUnit ?? result.target.owner, line);
    else if (result.target.owner !== '') count(result.target.owner, result);
  }
  return byUnit;
}
