// plan-check gaps: every target, one row each.
import { formatDay } from '../../core/dates.js';
import { fileOnlyFormats, formatNames, gapsFormats } from '../../report/formats.js';
import { toTargetRow, withUnitLines } from '../../report/rows.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { type CommandOptions, resolveSettings } from '../settings.js';
import { deliver, failOnHit, failOnMarks, formatterOf, planTitles, prepare } from './shared.js';

export async function runGaps(paths: string[], options: CommandOptions, io: CliIo): Promise<Outcome> {
  const settings = resolveSettings(paths, options, io, { formats: formatNames(gapsFormats), fileFormats: fileOnlyFormats });
  const { prepared, outcome } = await prepare(settings, io, { partial: !settings.strict });
  if (!prepared) return outcome;
  const plansById = new Map(prepared.plans.map((plan) => [plan.id, plan]));
  const targetRows = prepared.targets.map((r) => toTargetRow(r, plansById));
  // JSON lists the units inside each target; the other formats give them lines of their own with --all
  const rows = settings.all && settings.format !== 'json' ? withUnitLines(targetRows) : targetRows;
  await deliver(
    formatterOf(gapsFormats, settings.format),
    {
      partial: prepared.partial,
      asOf: formatDay(prepared.evaluation.asOf),
      rows,
      overdueDeadlines: prepared.deadlines.filter((d) => d.status === 'overdue').length,
      onePlan: prepared.loaded.project.plans.length === 1,
      plans: planTitles(prepared),
    },
    prepared,
    io,
    rows.length,
  );
  return { ...outcome, failOnHit: failOnHit(settings.failOn, failOnMarks(prepared.targets, [])) };
}
