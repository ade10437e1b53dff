// Unit scorecards (单位通报表): one line per unit with what it owns and how it stands at the as-of
// date. No composite score: the office ranks by the column it chooses (sortScorecards).
//
// unitScorecards({ targets, deadlines, asOf }) → UnitScorecard[]
//   targets   — evaluated targets (core/evaluate.ts TargetResult), already selected. A target is
//               owned by its `owner`; an `each` target by each listed unit, for that unit's own
//               line (its light, status and staleness), never as a whole.
//   deadlines — evaluated deadlines (core/deadlines.ts DeadlineResult), already selected, every
//               status: the on-time counts and rates are onTimeByUnit's (core/on-time.ts, contract
//               v2 按期办结率 / 按时报送率), not worked out a second time.
//   asOf      — the as-of day T.
// Each UnitScorecard: unit; targets (how many it owns); lights {red, yellow, green, grey};
// statuses {met, on_track, behind, missed, breached, no_data, not_started}; stale (owned targets
// whose newest figure is more than stale_days before T); and the UnitOnTime counts: dueSoFar,
// onTime, late, overdue, rate (按期办结率, undefined when nothing was due), reports (the same over
// duties of kind report: 按时报送率). Every unit that owns a target or a deadline has a line, in
// the default order (sortScorecards with defaultScorecardSort).
import { ownedLines } from './unit-figures.js';
import type { DayNumber } from './dates.js';
import type { DeadlineResult } from './deadlines.js';
import type { TargetResult } from './evaluate.js';
import type { Light } from './lights.js';
import { type OnTimeCounts, type UnitOnTime, onTimeByUnit } from './on-time.js';
import { type TargetStatus, targetStatuses } from './statuses.js';

export interface UnitScorecard extends UnitOnTime {
  /** targets the unit owns (an `each` target counts once per listed unit) */
  targets: number;
  lights: Record<Light, number>;
  statuses: Record<TargetStatus, number>;
  /** owned targets whose newest figure is older than stale_days at T */
  stale: number;
}

interface ScorecardInput {
  targets: readonly TargetResult[];
  deadlines: readonly DeadlineResult[];
  asOf: DayNumber;
}

const lights: readonly Light[] = ['red', 'yellow', 'green', 'grey'];

/** The columns a scorecard can be sorted by, as --sort spells them. */
export const scorecardColumns = [
  'unit',
  'targets',
  ...lights,
  ...targetStatuses,
  'stale',
  'due_so_far',
  'on_time',
  'late',
  'overdue',
  'on_time_rate',
  'reports_on_time_rate',
] as const;
export type ScorecardColumn = (typeof scorecardColumns)[number];

/** The order a meeting goes through units unless told otherwise: lowest 按期办结率 first. */
export const defaultScorecardSort: ScorecardColumn = 'on_time_rate';

const noCounts = (): OnTimeCounts => ({ dueSoFar: 0, onTime: 0, late: 0, overdue: 0 });

function emptyCard(unit: string): UnitScorecard {
  return {
    unit,
    targets: 0,
    lights: { red: 0, yellow: 0, green: 0, grey: 0 },
    statuses: { met: 0, on_track: 0, behind: 0, missed: 0, breached: 0, no_data: 0, not_started: 0 },
    stale: 0,
    ...noCounts(),
    reports: noCounts(),
  };
}

export function unitScorecards({ targets, deadlines, asOf }: ScorecardInput): UnitScorecard[] {
  const cards = new Map<string, UnitScorecard>();
  const cardOf = (unit: string): UnitScorecard => {
    let card = cards.get(unit);
    if (!card) {
      card = emptyCard(unit);
      cards.set(unit, card);
    }
    return card;
  };
  for (const result of targets) {
    for (const { unit, line } of ownedLines(result)) {
      const card = cardOf(unit);
      card.targets += 1;
      card.lights[line.light] += 1;
      card.statuses[line.status] += 1;
      if (line.stale) card.stale += 1;
    }
  }
  for (const onTime of onTimeByUnit(deadlines, asOf)) Object.assign(cardOf(onTime.unit), onTime);
  return sortScorecards([...cards.values()], defaultScorecardSort);
}

/** A column's figure for sorting; undefined for a rate with nothing due (always last). */
function figure(card: UnitScorecard, column: Exclude<ScorecardColumn, 'unit'>): number | undefined {
  switch (column) {
    case 'targets':
    case 'stale':
    case 'late':
    case 'overdue':
      return card[column];
    case 'due_so_far':
      return card.dueSoFar;
    case 'on_time':
      return card.onTime;
    case 'on_time_rate':
      return card.rate;
    case 'reports_on_time_rate':
      return card.reports.rate;
    case 'red':
    case 'yellow':
    case 'green':
    case 'grey':
      return card.lights[column];
    default:
      return card.statuses[column];
  }
}

/** Columns where fewer (or lower) is worse: they sort ascending; every other count descending. */
const fewerIsWorse: ReadonlySet<ScorecardColumn> = new Set(['green', 'met', 'on_track', 'on_time', 'on_time_rate', 'reports_on_time_rate']);

const byName = (a: UnitScorecard, b: UnitScorecard): number => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0);

function compareBy(column: ScorecardColumn): (a: UnitScorecard, b: UnitScorecard) => number {
  if (column === 'unit') return byName;
  return (a, b) => {
    const x = figure(a, column);
    const y = figure(b, column);
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
    return fewerIsWorse.has(column) ? x - y : y - x;
  };
}

/**
 * Worst first by one column (unit: by name), ties broken by the default order: lowest 按期办结率
 * (none due last), then most red targets, most overdue, then by name. A new array.
 */
export function sortScorecards(cards: readonly UnitScorecard[], column: ScorecardColumn): UnitScorecard[] {
  const chosen = compareBy(column);
  const rate = compareBy('on_time_rate');
  const red = compareBy('red');
  const overdue = compareBy('overdue');
  return [...cards].sort((a, b) => chosen(a, b) || rate(a, b) || red(a, b) || overdue(a, b) || byName(a, b));
}
