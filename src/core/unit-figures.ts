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

/** The lines a unit owns: a target's own, or each unit's line of an `each` target (units and scorecards count these). */
export const ownedLines = (result: TargetResult): readonly { unit: string; line: TargetResult }[] =>
  result.units
    ? result.units.map((line) => ({ unit: line.eachUnit ?? line.target.owner, line }))
    : result.target.owner === ''
      ? []
      : [{ unit: result.target.owner, line: result }];

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
  for (const result of results) for (const { unit, line } of ownedLines(result)) count(unit, line);
  return byUnit;
}
