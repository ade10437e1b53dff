// plan-check units: one scorecard per unit (core/unit-scorecard.ts), worst first by --sort.
import { formatDay } from '../../core/dates.js';
import { type ScorecardColumn, defaultScorecardSort, sortScorecards, unitScorecards } from '../../core/unit-scorecard.js';
import { fileOnlyFormats, formatNames, unitsFormats } from '../../report/formats.js';
import { type UnitScorecardRow, toUnitScorecardRow } from '../../report/rows.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { type CommandOptions, resolveSettings } from '../settings.js';
import { type Prepared, deliver, failOnHit, failOnMarks, formatterOf, planTitles, prepare, unitSelection } from './shared.js';

/**
 * The scorecards over the selected plans and units (--plan, --owner, --role), whatever --status
 * shows: a unit's on-time rate counts every deadline it had, as `summary.units` of status does.
 */
export function scorecardRows(prepared: Prepared, sort: ScorecardColumn = defaultScorecardSort): UnitScorecardRow[] {
  const { targets, deadlines, wanted } = unitSelection(prepared);
  const cards = unitScorecards({ targets, deadlines, asOf: prepared.evaluation.asOf });
  return sortScorecards(
    cards.filter((card) => wanted(card.unit)),
    sort,
  ).map(toUnitScorecardRow);
}

export async function runUnits(paths: string[], options: CommandOptions, io: CliIo): Promise<Outcome> {
  const settings = resolveSettings(paths, options, io, { formats: formatNames(unitsFormats), fileFormats: fileOnlyFormats });
  const { prepared, outcome } = await prepare(settings, io);
  if (!prepared) return outcome;
  // commander has checked --sort against the columns
  const sort = (options.sort ?? defaultScorecardSort) as ScorecardColumn;
  const rows = scorecardRows(prepared, sort);
  await deliver(
    formatterOf(unitsFormats, settings.format),
    { asOf: formatDay(prepared.evaluation.asOf), rows, plans: planTitles(prepared), sort },
    prepared,
    io,
    rows.length,
  );
  return { failOnHit: failOnHit(settings.failOn, failOnMarks(prepared.targets, prepared.deadlines)) };
}
