// plan-check status: the meeting view.
import { toDeadlineRow, toTargetRow } from '../../report/rows.js';
import { formatStatusJson } from '../../report/json.js';
import { formatStatusMarkdown } from '../../report/markdown.js';
import { buildStatusView } from '../../report/status-view.js';
import { formatStatusTable } from '../../report/table.js';
import { formatDay } from '../../core/dates.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { type SelectionOptions, checkChoice, deliver, failOnHit, failOnMarks, prepare } from './shared.js';

export const statusFormats = ['table', 'json', 'md'] as const;

export function runStatus(paths: string[], options: SelectionOptions, io: CliIo): Outcome {
  const format = options.format ?? 'table';
  checkChoice('--format', format, statusFormats);
  const { prepared, outcome } = prepare(paths, options, io);
  if (!prepared) return outcome;
  const plans = prepared.loaded.project.plans;
  const plansById = new Map(plans.map((plan) => [plan.id, plan]));
  const evaluation = { ...prepared.evaluation, targets: prepared.targets, deadlines: prepared.deadlines };
  let text: string;
  if (format === 'json') {
    text = formatStatusJson(formatDay(evaluation.asOf), prepared.targets.map((r) => toTargetRow(r, plansById)), prepared.deadlines.map(toDeadlineRow));
  } else {
    const shownPlans = prepared.selection.plans ? plans.filter((p) => prepared.selection.plans!.includes(p.id)) : plans;
    const view = buildStatusView(evaluation, shownPlans, { all: Boolean(options.all), explicitPlans: Boolean(prepared.selection.plans), explicitStatuses: Boolean(prepared.selection.statuses) });
    text = format === 'md' ? formatStatusMarkdown(view, prepared.ctx) : formatStatusTable(view, prepared.ctx);
  }
  deliver(text, options, prepared, io, prepared.targets.length);
  return { failOnHit: failOnHit(options.failOn, failOnMarks(prepared.targets, prepared.deadlines)) };
}
