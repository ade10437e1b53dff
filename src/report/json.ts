// Machine-readable output, as the contract gives it: snake_case keys, numbers not rounded.
import type { Diagnostic } from '../core/diagnostics.js';
import type { Plan } from '../core/model.js';
import { diagnosticMessage } from '../i18n/diagnostic-messages.js';
import type { Lang } from '../i18n/labels.js';
import type { DeadlineRow, TargetRow } from './rows.js';
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
  start: row.start,
  due: row.due,
  status: row.status,
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
});

export function formatStatusJson(asOf: string, targets: readonly TargetRow[], deadlines: readonly DeadlineRow[]): string {
  return `${JSON.stringify({ as_of: asOf, summary: countStatuses(targets), targets: targets.map(targetJson), deadlines: deadlines.map(deadlineJson) }, null, 2)}\n`;
}

export function formatTargetsJson(asOf: string, targets: readonly TargetRow[]): string {
  return `${JSON.stringify({ as_of: asOf, summary: countStatuses(targets), targets: targets.map(targetJson) }, null, 2)}\n`;
}

export function formatDeadlinesJson(asOf: string, deadlines: readonly DeadlineRow[]): string {
  return `${JSON.stringify({ as_of: asOf, deadlines: deadlines.map(deadlineJson) }, null, 2)}\n`;
}

/** v2: a target written in the plan's own words, and the one canonical form it reads as. */
export interface TargetReadingRow {
  file: string;
  line: number;
  column: number;
  ref: string;
  written: string;
  canonical: string;
  unit: string | null;
}

export function formatDiagnosticsJson(diagnostics: readonly Diagnostic[], lang: Lang, readings: readonly TargetReadingRow[] = []): string {
  const valid = !diagnostics.some((d) => d.severity === 'error');
  return `${JSON.stringify({
    valid,
    diagnostics: diagnostics.map((d) => ({ file: d.file, line: d.line, column: d.column, severity: d.severity, code: d.code, message: diagnosticMessage(d.code, d.args, lang) })),
    // only when some target is written in words, so plans in canonical form print what they always did
    ...(readings.length > 0 ? { canonical_targets: readings } : {}),
  }, null, 2)}\n`;
}

/** Every target of these plans written in the plan's own words (不少于1900批次), with its reading. */
export function targetReadings(plans: readonly Plan[]): TargetReadingRow[] {
  return plans.flatMap((plan) => plan.tasks.flatMap((task) => task.targets))
    .filter((target) => target.expression.written !== undefined)
    .map((target) => ({ file: target.place.file, line: target.place.line, column: target.place.column, ref: target.ref, written: target.expression.written!, canonical: target.expression.text, unit: target.unit ?? null }));
}
