// plan-check gaps: every target, one row each.
import { formatDay } from '../../core/dates.js';
import { formatNames, gapsFormats } from '../../report/formats.js';
import { toTargetRow } from '../../report/rows.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { type CommandOptions, resolveSettings } from '../settings.js';
import { deliver, failOnHit, formatterOf, prepare } from './shared.js';

export async function runGaps(paths: string[], options: CommandOptions, io: CliIo): Promise<Outcome> {
  const settings = resolveSettings(paths, options, io, { formats: formatNames(gapsFormats) });
  const { prepared, outcome } = prepare(settings, io);
  if (!prepared) return outcome;
  const plansById = new Map(prepared.loaded.project.plans.map((plan) => [plan.id, plan]));
  const rows = prepared.targets.map((r) => toTargetRow(r, plansById));
  await deliver(formatterOf(gapsFormats, settings.format), { asOf: formatDay(prepared.evaluation.asOf), rows }, prepared, io, rows.length);
  return { failOnHit: failOnHit(settings.failOn, rows.map((r) => r.status)) };
}
