// plan-check gaps: every target, one row each.
import { formatDay } from '../../core/dates.js';
import { formatTargetsCsv } from '../../report/csv.js';
import { formatTargetsJson } from '../../report/json.js';
import { formatTargetsMarkdown } from '../../report/markdown.js';
import { toTargetRow } from '../../report/rows.js';
import { formatTargetsTable } from '../../report/table.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { type SelectionOptions, checkChoice, deliver, failOnHit, prepare } from './shared.js';

export const gapsFormats = ['table', 'csv', 'json', 'md'] as const;

export async function runGaps(paths: string[], options: SelectionOptions, io: CliIo): Promise<Outcome> {
  const format = options.format ?? 'table';
  checkChoice('--format', format, gapsFormats);
  const { prepared, outcome } = await prepare(paths, options, io);
  if (!prepared) return outcome;
  const plansById = new Map(prepared.loaded.project.plans.map((plan) => [plan.id, plan]));
  const rows = prepared.targets.map((r) => toTargetRow(r, plansById));
  const writesFile = Boolean(options.output && options.output !== '-');
  const text =
    format === 'csv' ? formatTargetsCsv(rows, prepared.ctx.lang, writesFile && options.bom !== false)
    : format === 'json' ? formatTargetsJson(formatDay(prepared.evaluation.asOf), rows)
    : format === 'md' ? formatTargetsMarkdown(rows, prepared.ctx)
    : formatTargetsTable(rows, prepared.ctx);
  deliver(text, options, prepared, io, rows.length);
  return { failOnHit: failOnHit(options.failOn, rows.map((r) => r.status)) };
}
