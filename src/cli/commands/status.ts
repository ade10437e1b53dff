// plan-check status: the meeting view.
import { noDeadlines, onTimeByUnit } from '../../core/on-time.js';
import { figuresByUnit } from '../../core/unit-figures.js';
import { resolveOwner, selectDeadlines, selectTargets } from '../../core/select.js';
import { formatNames, statusFormats } from '../../report/formats.js';
import { type UnitOnTimeRow, toUnitFiguresRow } from '../../report/rows.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { type CommandOptions, resolveSettings } from '../settings.js';
import { type Prepared, deliver, failOnHit, failOnMarks, formatterOf, prepare } from './shared.js';

/**
 * Per unit over the selected plans (or those of them given) and units, whatever --status shows:
 * on-time rates, and the date of the newest figure over the targets it owns. Units with deadlines
 * come first (ranked by rate), then units that only own targets, by name.
 */
function unitOnTimeRows(prepared: Prepared, planIds?: ReadonlySet<string>): UnitOnTimeRow[] {
  const plans = prepared.loaded.project.plans;
  const { selection } = prepared.settings;
  const everyStatus = { ...selection, statuses: 'all' as const };
  const deadlines = selectDeadlines(prepared.evaluation.deadlines, everyStatus, plans).filter((d) => !planIds || planIds.has(d.plan));
  const targets = selectTargets(prepared.evaluation.targets, everyStatus, plans).filter((r) => !planIds || planIds.has(r.target.planId));
  const figures = figuresByUnit(targets);
  const wanted = selection.owner === undefined ? undefined : resolveOwner(selection.owner, plans);
  const rows = onTimeByUnit(deadlines, prepared.evaluation.asOf)
    .filter((unit) => !wanted || wanted.has(unit.unit))
    .map((unit) => toUnitFiguresRow(unit, figures.get(unit.unit)));
  const listed = new Set(rows.map((row) => row.unit));
  const targetOnly = [...figures.values()].filter((unit) => !listed.has(unit.unit) && (!wanted || wanted.has(unit.unit))).sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0));
  for (const unit of targetOnly) rows.push(toUnitFiguresRow(noDeadlines(unit.unit), unit));
  return rows;
}

export async function runStatus(paths: string[], options: CommandOptions, io: CliIo): Promise<Outcome> {
  const settings = resolveSettings(paths, options, io, { formats: formatNames(statusFormats) });
  const { prepared, outcome } = await prepare(settings, io);
  if (!prepared) return outcome;
  const plans = prepared.loaded.project.plans;
  const { selection } = settings;
  const report = {
    evaluation: { ...prepared.evaluation, targets: prepared.targets, deadlines: prepared.deadlines },
    plans,
    shownPlans: selection.plans === 'all' ? plans : plans.filter((plan) => selection.plans.includes(plan.id)),
    view: { all: settings.all, explicitPlans: selection.plans !== 'all', explicitStatuses: selection.statuses !== 'all', unitsOf: (planIds?: ReadonlySet<string>) => unitOnTimeRows(prepared, planIds), staleDays: settings.evaluation.staleDays },
  };
  await deliver(formatterOf(statusFormats, settings.format), report, prepared, io, prepared.targets.length);
  return { failOnHit: failOnHit(settings.failOn, failOnMarks(prepared.targets, prepared.deadlines)) };
}
