// plan-check deadlines: tasks, phases and duty occurrences (one per owner), overdue first.
import { formatDay } from '../../core/dates.js';
import { deadlinesFormats, fileOnlyFormats, formatNames } from '../../report/formats.js';
import { toDeadlineRow } from '../../report/rows.js';
import { countDeadlines } from '../../report/status-view.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { type CommandOptions, resolveSettings } from '../settings.js';
import { deliver, failOnHit, failOnMarks, formatterOf, planTitles, prepare } from './shared.js';

export async function runDeadlines(paths: string[], options: CommandOptions, io: CliIo): Promise<Outcome> {
  const settings = resolveSettings(paths, options, io, { formats: formatNames(deadlinesFormats), fileFormats: fileOnlyFormats });
  const { prepared, outcome } = await prepare(settings, io, { partial: !settings.strict });
  if (!prepared) return outcome;
  const { within } = settings;
  // --within selects (and so counts for --fail-on); hiding what is done is only a matter of display
  const selected =
    within === undefined ? prepared.deadlines : prepared.deadlines.filter((d) => d.status !== 'done' && d.daysLeft <= within);
  const showDone = within !== undefined || settings.all || settings.selection.statuses !== 'all';
  const shown = showDone ? selected : selected.filter((d) => d.status !== 'done');
  const rows = shown.map(toDeadlineRow);
  await deliver(
    formatterOf(deadlinesFormats, settings.format),
    {
      partial: prepared.partial,
      asOf: formatDay(prepared.evaluation.asOf),
      rows,
      summary: countDeadlines(selected),
      onePlan: prepared.loaded.project.plans.length === 1,
      plans: planTitles(prepared),
    },
    prepared,
    io,
    rows.length,
  );
  return { ...outcome, failOnHit: failOnHit(settings.failOn, failOnMarks([], selected)) };
}
