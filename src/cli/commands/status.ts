// plan-check status: the meeting view.
import { noDeadlines, onTimeByUnit } from '../../core/on-time.js';
import { figuresByUnit } from '../../core/unit-figures.js';
import { fileOnlyFormats, formatNames, statusFormats } from '../../report/formats.js';
import type { StatusReport } from '../../report/reports.js';
import { type UnitOnTimeRow, toUnitFiguresRow } from '../../report/rows.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { type CommandOptions, resolveSettings } from '../settings.js';
import { scorecardRows } from './units.js';
import { type Prepared, deliver, failOnHit, failOnMarks, formatterOf, prepare, unitSelection } from './shared.js';

/**
 * Per unit over the selected plans (or those of them given) and units, whatever --status shows:
 * on-time rates, and the date of the newest figure over the targets it owns. Units with deadlines
 * come first (ranked by rate), then units that only own targets, by name.
 */
function unitOnTimeRows(prepared: Prepared, planIds?: ReadonlySet<string>): UnitOnTimeRow[] {
  const { targets, deadlines, wanted } = unitSelection(prepared, planIds);
  const figures = figuresByUnit(targets);
  const rows = onTimeByUnit(deadlines, prepared.evaluation.asOf)
    .filter((unit) => wanted(unit.unit))
    .map((unit) => toUnitFiguresRow(unit, figures.get(unit.unit)));
  const listed = new Set(rows.map((row) => row.unit));
  const targetOnly = [...figures.values()]
    .filter((unit) => !listed.has(unit.unit) && wanted(unit.unit))
    .sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  for (const unit of targetOnly) rows.push(toUnitFiguresRow(noDeadlines(unit.unit), unit));
  return rows;
}

/** The meeting view of the selected results: what `status` prints and `report` puts on paper. */
export function statusReportOf(prepared: Prepared): StatusReport {
  const plans = prepared.plans;
  const { settings } = prepared;
  const { selection } = settings;
  return {
    partial: prepared.partial,
    evaluation: { ...prepared.evaluation, targets: prepared.targets, deadlines: prepared.deadlines },
    plans,
    shownPlans: selection.plans === 'all' ? plans : plans.filter((plan) => selection.plans.includes(plan.id)),
    view: {
      all: settings.all,
      recentDays: settings.recentDays,
      asOfFromConfig: settings.asOfSource === 'config',
      explicitPlans: selection.plans !== 'all',
      explicitStatuses: selection.statuses !== 'all',
      unitsOf: (planIds?: ReadonlySet<string>) => unitOnTimeRows(prepared, planIds),
      scorecardsOf: () => scorecardRows(prepared),
      staleDays: settings.evaluation.staleDays,
    },
  };
}

export async function runStatus(paths: string[], options: CommandOptions, io: CliIo): Promise<Outcome> {
  const settings = resolveSettings(paths, options, io, { formats: formatNames(statusFormats), fileFormats: fileOnlyFormats });
  const { prepared, outcome } = await prepare(settings, io, { partial: !settings.strict });
  if (!prepared) return outcome;
  await deliver(formatterOf(statusFormats, settings.format), statusReportOf(prepared), prepared, io, prepared.targets.length);
  return { ...outcome, failOnHit: failOnHit(settings.failOn, failOnMarks(prepared.targets, prepared.deadlines)) };
}
