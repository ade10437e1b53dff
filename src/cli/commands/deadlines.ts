// plan-check deadlines: tasks, phases and duty occurrences (one per owner), overdue first.
import { formatDay } from '../../core/dates.js';
import { UsageError } from '../../io/find-sources.js';
import { formatDeadlinesCsv } from '../../report/csv.js';
import { formatDeadlinesJson } from '../../report/json.js';
import { formatDeadlinesMarkdown } from '../../report/markdown.js';
import { toDeadlineRow } from '../../report/rows.js';
import { formatDeadlinesTable } from '../../report/table.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { type SelectionOptions, checkChoice, deliver, failOnHit, prepare } from './shared.js';

export const deadlinesFormats = ['table', 'csv', 'json', 'md'] as const;

export interface DeadlinesOptions extends SelectionOptions {
  within?: string;
}

export async function runDeadlines(paths: string[], options: DeadlinesOptions, io: CliIo): Promise<Outcome> {
  const format = options.format ?? 'table';
  checkChoice('--format', format, deadlinesFormats);
  const within = options.within === undefined ? undefined : Number(options.within);
  if (within !== undefined && (!Number.isInteger(within) || within < 0)) throw new UsageError(`--within must be a whole number of days, not "${options.within}"`);
  const { prepared, outcome } = await prepare(paths, options, io);
  if (!prepared) return outcome;
  // --within selects (and so counts for --fail-on); hiding what is done is only a matter of display
  const selected = within === undefined ? prepared.deadlines : prepared.deadlines.filter((d) => d.status !== 'done' && d.daysLeft <= within);
  const showDone = within !== undefined || options.all || Boolean(prepared.selection.statuses);
  const shown = showDone ? selected : selected.filter((d) => d.status !== 'done');
  const rows = shown.map(toDeadlineRow);
  const writesFile = Boolean(options.output && options.output !== '-');
  const text =
    format === 'csv' ? formatDeadlinesCsv(rows, prepared.ctx.lang, writesFile && options.bom !== false)
    : format === 'json' ? formatDeadlinesJson(formatDay(prepared.evaluation.asOf), rows)
    : format === 'md' ? formatDeadlinesMarkdown(rows, prepared.ctx)
    : formatDeadlinesTable(rows, prepared.ctx);
  deliver(text, options, prepared, io, rows.length);
  return { failOnHit: failOnHit(options.failOn, selected.map((d) => d.status)) };
}
