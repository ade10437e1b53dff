// Machine-readable output, as the contract gives it: snake_case keys, numbers not rounded.
import { diagnosticMessage } from '../i18n/diagnostic-messages.js';
import { formatDay } from '../core/dates.js';
import { type Plan, allTargets } from '../core/model.js';
import type { FormatContext } from './context.js';
import type { DeadlinesReport, DiagnosticsReport, GapsReport, StatusReport } from './reports.js';
import { type DeadlineRow, type TargetRow, toDeadlineRow, toTargetRow } from './rows.js';
import { countDeadlines, countStatuses } from './status-view.js';
import { partialJson } from './partial-text.js';

const targetJson = (row: TargetRow) => ({
  ref: row.ref,
  plan: row.plan,
  task: row.task,
  target: row.target,
  metric: row.metric,
  owner: row.owner,
  unit: row.unit,
  op: row.op,
  kind: row.kind,
  required: row.required,
  expected: row.expected,
  actual: row.actual,
  gap: row.gap,
  progress: row.progress,
  lag: row.lag,
  light: row.light,
  progress_kind: row.progress_kind,
  baseline: row.baseline,
  start: row.start,
  due: row.due,
  status: row.status,
  latest_as_of: row.latest_as_of,
  stale: row.stale,
  data_errors: row.data_errors,
  ...(row.units ? { units: row.units } : {}),
  ...(row.each_unit !== undefined ? { each_unit: row.each_unit } : {}),
});

const deadlineJson = (row: DeadlineRow) => ({
  ref: row.ref,
  kind: row.kind,
  plan: row.plan,
  title: row.title,
  owner: row.owner,
  due: row.due,
  days_left: row.days_left,
  status: row.status,
  late: row.late,
  completed: row.completed,
  light: row.light,
  data_errors: row.data_errors,
});

/** `units` in the summary: each unit's deadlines due so far and how many were done on time (rows.ts). */
export function formatStatusJson(report: StatusReport): string {
  const plansById = new Map(report.plans.map((plan) => [plan.id, plan]));
  const asOf = formatDay(report.evaluation.asOf);
  const targets = report.evaluation.targets.map((result) => toTargetRow(result, plansById));
  const deadlines = report.evaluation.deadlines.map(toDeadlineRow);
  const summary = { ...countStatuses(targets), ...countDeadlines(deadlines), units: report.view.unitsOf() };
  return `${JSON.stringify({ as_of: asOf, ...partialJson(report.partial), summary, targets: targets.map(targetJson), deadlines: deadlines.map(deadlineJson) }, null, 2)}\n`;
}

export function formatTargetsJson({ asOf, rows, overdueDeadlines, partial }: GapsReport): string {
  return `${JSON.stringify({ as_of: asOf, ...partialJson(partial), summary: { ...countStatuses(rows), overdue_deadlines: overdueDeadlines ?? 0 }, targets: rows.map(targetJson) }, null, 2)}\n`;
}

export function formatDeadlinesJson({ asOf, rows, summary, partial }: DeadlinesReport): string {
  return `${JSON.stringify({ as_of: asOf, ...partialJson(partial), summary: summary ?? countDeadlines(rows), deadlines: rows.map(deadlineJson) }, null, 2)}\n`;
}

/** v2: a target written in the plan's own words, and the one canonical form it reads as. */
interface TargetReadingRow {
  file: string;
  line: number;
  column: number;
  ref: string;
  written: string;
  canonical: string;
  unit: string | null;
}

/** Every target of these plans written in the plan's own words (不少于1900批次), with its reading. */
function targetReadings(plans: readonly Plan[]): TargetReadingRow[] {
  return plans
    .flatMap((plan) => allTargets(plan))
    .filter((target) => target.expression.written !== undefined)
    .map((target) => ({
      file: target.place.file,
      line: target.place.line,
      column: target.place.column,
      ref: target.ref,
      written: target.expression.written!,
      canonical: target.expression.text,
      unit: target.unit ?? null,
    }));
}

export function formatDiagnosticsJson({ diagnostics, plans }: DiagnosticsReport, { lang }: FormatContext): string {
  const valid = !diagnostics.some((d) => d.severity === 'error');
  const readings = targetReadings(plans);
  return `${JSON.stringify(
    {
      valid,
      // a reference that only follows from an error in its plan stays one entry, marked (text folds them)
      diagnostics: diagnostics.map((d) => ({
        file: d.file,
        line: d.line,
        column: d.column,
        severity: d.severity,
        code: d.code,
        message: diagnosticMessage(d.code, d.args, lang),
        ...(d.follows ? { follows: d.follows } : {}),
        ...(d.recovered ? { recovered: true } : {}),
      })),
      // only when some target is written in words, so plans in canonical form print what they always did
      ...(readings.length > 0 ? { canonical_targets: readings } : {}),
    },
    null,
    2,
  )}\n`;
}
