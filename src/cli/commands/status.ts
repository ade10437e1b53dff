// plan-check status: the meeting view.
import { onTimeByUnit } from '../../core/on-time.js';
import { resolveOwner, selectDeadlines } from '../../core/select.js';
import { fileOnlyFormats, formatNames, statusFormats } from '../../report/formats.js';
import type { StatusReport } from '../../report/reports.js';
import { type UnitOnTimeRow, toUnitOnTimeRow } from '../../report/rows.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { type CommandOptions, resolveSettings } from '../settings.js';
import { scorecardRows } from './units.js';
import { type Prepared, deliver, failOnHit, failOnMarks, formatterOf, prepare } from './shared.js';

/** On-time rates per unit over the selected plans (or those of them given) and units, whatever --status shows. */
function unitOnTimeRows(prepared: Prepared, planIds?: ReadonlySet<string>): UnitOnTimeRow[] {
  const plans = prepared.plans;
  const { selection } = prepared.settings;
  const deadlines = selectDeadlines(prepared.evaluation.deadlines, { ...selection, statuses: 'all' }, plans).filter((d) => !planIds || planIds.has(d.plan));
  const wanted = selection.owner === undefined ? undefined : resolveOwner(selection.owner, plans);
  return onTimeByUnit(deadlines, prepared.evaluation.asOf)
    .filter((unit) => !wanted || wanted.has(unit.unit))
    .map(toUnitOnTimeRow);
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
    view: { all: settings.all, recentDays: settings.recentDays, asOfFromConfig: settings.asOfSource === 'config', explicitPlans: selection.plans !== 'all', explicitStatuses: selection.statuses !== 'all', unitsOf: (planIds?: ReadonlySet<string>) => unitOnTimeRows(prepared, planIds), scorecardsOf: () => scorecardRows(prepared) },
  };
}

export async function runStatus(paths: string[], options: CommandOptions, io: CliIo): Promise<Outcome> {
  const settings = resolveSettings(paths, options, io, { formats: formatNames(statusFormats), fileFormats: fileOnlyFormats });
  const { prepared, outcome } = await prepare(settings, io, { partial: !settings.strict });
  if (!prepared) return outcome;
  await deliver(formatterOf(statusFormats, settings.format), statusReportOf(prepared), prepared, io, prepared.targets.length);
  return { ...outcome, failOnHit: failOnHit(settings.failOn, failOnMarks(prepared.targets, prepared.deadlines)) };
}
