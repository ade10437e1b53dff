// plan-check status: the meeting view.
import { toDeadlineRow, toTargetRow, toUnitOnTimeRow } from '../../report/rows.js';
import { onTimeByUnit } from '../../core/on-time.js';
import { resolveOwner, selectDeadlines } from '../../core/select.js';
import { formatStatusJson } from '../../report/json.js';
import { formatStatusMarkdown } from '../../report/markdown.js';
import { buildStatusView } from '../../report/status-view.js';
import { formatStatusTable } from '../../report/table.js';
import { formatDay } from '../../core/dates.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { type Prepared, type SelectionOptions, checkChoice, deliver, failOnHit, prepare } from './shared.js';

/** On-time rates per unit over the selected plans and units, whatever --status shows. */
function unitOnTimeRows(prepared: Prepared) {
  const plans = prepared.loaded.project.plans;
  const deadlines = selectDeadlines(prepared.evaluation.deadlines, { ...prepared.selection, statuses: undefined }, plans);
  const wanted = prepared.selection.owner === undefined ? undefined : resolveOwner(prepared.selection.owner, plans);
  return onTimeByUnit(deadlines, prepared.evaluation.asOf)
    .filter((unit) => !wanted || wanted.has(unit.unit))
    .map(toUnitOnTimeRow);
}

export const statusFormats = ['table', 'json', 'md'] as const;

export async function runStatus(paths: string[], options: SelectionOptions, io: CliIo): Promise<Outcome> {
  const format = options.format ?? 'table';
  checkChoice('--format', format, statusFormats);
  const { prepared, outcome } = await prepare(paths, options, io);
  if (!prepared) return outcome;
  const plans = prepared.loaded.project.plans;
  const plansById = new Map(plans.map((plan) => [plan.id, plan]));
  const evaluation = { ...prepared.evaluation, targets: prepared.targets, deadlines: prepared.deadlines };
  const units = unitOnTimeRows(prepared);
  let text: string;
  if (format === 'json') {
    text = formatStatusJson(formatDay(evaluation.asOf), prepared.targets.map((r) => toTargetRow(r, plansById)), prepared.deadlines.map(toDeadlineRow), units);
  } else {
    const shownPlans = prepared.selection.plans ? plans.filter((p) => prepared.selection.plans!.includes(p.id)) : plans;
    const view = buildStatusView(evaluation, shownPlans, { all: Boolean(options.all), explicitPlans: Boolean(prepared.selection.plans), explicitStatuses: Boolean(prepared.selection.statuses), units });
    text = format === 'md' ? formatStatusMarkdown(view, prepared.ctx) : formatStatusTable(view, prepared.ctx);
  }
  deliver(text, options, prepared, io, prepared.targets.length);
  const statuses = [...prepared.targets.map((r) => r.status), ...prepared.deadlines.map((d) => d.status)];
  return { failOnHit: failOnHit(options.failOn, statuses) };
}
