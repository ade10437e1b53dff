// plan-check status: the meeting view.
import { formatNames, statusFormats } from '../../report/formats.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { type CommandOptions, resolveSettings } from '../settings.js';
import { deliver, failOnHit, formatterOf, prepare } from './shared.js';

export async function runStatus(paths: string[], options: CommandOptions, io: CliIo): Promise<Outcome> {
  const settings = resolveSettings(paths, options, io, { formats: formatNames(statusFormats) });
  const { prepared, outcome } = prepare(settings, io);
  if (!prepared) return outcome;
  const plans = prepared.loaded.project.plans;
  const { selection } = settings;
  const report = {
    evaluation: { ...prepared.evaluation, targets: prepared.targets, deadlines: prepared.deadlines },
    plans,
    shownPlans: selection.plans === 'all' ? plans : plans.filter((plan) => selection.plans.includes(plan.id)),
    view: { all: settings.all, explicitPlans: selection.plans !== 'all', explicitStatuses: selection.statuses !== 'all' },
  };
  await deliver(formatterOf(statusFormats, settings.format), report, prepared, io, prepared.targets.length);
  return { failOnHit: failOnHit(settings.failOn, [...prepared.targets.map((r) => r.status), ...prepared.deadlines.map((d) => d.status)]) };
}
