// Machine-readable output, as the contract gives it: snake_case keys, numbers not rounded.
import type { Diagnostic } from '../core/diagnostics.js';
import { diagnosticMessage } from '../i18n/diagnostic-messages.js';
import type { Lang } from '../i18n/labels.js';
import type { DeadlineRow, TargetRow, UnitOnTimeRow } from './rows.js';
import { countStatuses } from './status-view.js';

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
});

/** `units` in the summary: each unit's deadlines due so far and how many were done on time (rows.ts). */
export function formatStatusJson(asOf: string, targets: readonly TargetRow[], deadlines: readonly DeadlineRow[], units: readonly UnitOnTimeRow[]): string {
  const summary = { ...countStatuses(targets), units };
  return `${JSON.stringify({ as_of: asOf, summary, targets: targets.map(targetJson), deadlines: deadlines.map(deadlineJson) }, null, 2)}\n`;
}

export function formatTargetsJson(asOf: string, targets: readonly TargetRow[]): string {
  return `${JSON.stringify({ as_of: asOf, summary: countStatuses(targets), targets: targets.map(targetJson) }, null, 2)}\n`;
}

export function formatDeadlinesJson(asOf: string, deadlines: readonly DeadlineRow[]): string {
  return `${JSON.stringify({ as_of: asOf, deadlines: deadlines.map(deadlineJson) }, null, 2)}\n`;
}

export function formatDiagnosticsJson(diagnostics: readonly Diagnostic[], lang: Lang): string {
  const valid = !diagnostics.some((d) => d.severity === 'error');
  return `${JSON.stringify({
    valid,
    diagnostics: diagnostics.map((d) => ({ file: d.file, line: d.line, column: d.column, severity: d.severity, code: d.code, message: diagnosticMessage(d.code, d.args, lang) })),
  }, null, 2)}\n`;
}
