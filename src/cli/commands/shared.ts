// Steps every reporting command shares: load, stop on invalid input, evaluate, filter; and the one
// way results leave the program (stdout or an atomic file).
import path from 'node:path';
import { Chalk } from 'chalk';
import type { DeadlineResult } from '../../core/deadlines.js';
import type { TargetResult } from '../../core/evaluate.js';
import { type Evaluation, evaluateProject } from '../../core/project.js';
import { resolveOwner, selectDeadlines, selectTargets } from '../../core/select.js';
import { deadlineLight } from '../../core/lights.js';
import { type FailOnValue, isDeadlineStatus, isTargetStatus } from '../../core/statuses.js';
import { type Lang, t } from '../../i18n/labels.js';
import { writeOutput } from '../../io/write-output.js';
import type { FormatContext } from '../../report/context.js';
import type { PlanTitle } from '../../report/reports.js';
import { formatDiagnosticsText } from '../../report/diagnostics-text.js';
import { type Formatter, formatterOf } from '../../report/formats.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { type Loaded, loadInputs } from '../load.js';
import { type ColourLevel, type Settings, reportLang } from '../settings.js';
import { UsageError } from '../usage-error.js';
import { escapeForTerminal } from '../../report/escape.js';

export interface Prepared {
  settings: Settings;
  loaded: Loaded;
  evaluation: Evaluation;
  targets: TargetResult[];
  deadlines: DeadlineResult[];
  ctx: FormatContext;
}

export function formatContext(lang: Lang, level: ColourLevel, settings: Pick<Settings, 'output' | 'bom'>, io: CliIo): FormatContext {
  return { lang, chalk: new Chalk({ level }), columns: io.stdout.isTTY ? io.stdout.columns : undefined, bom: settings.output !== undefined && settings.bom };
}

/** Load and evaluate; undefined (with the diagnostics printed) when the input has errors. */
export async function prepare(settings: Settings, io: CliIo): Promise<{ prepared?: Prepared; outcome: Outcome }> {
  const loaded = await loadInputs(settings, io);
  const plans = loaded.project.plans;
  const lang = reportLang(settings, plans);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    io.stderr.write(formatDiagnosticsText(errors, loaded.texts, formatContext(lang, settings.colour.stderr, settings, io)));
    io.stderr.write(`${t(lang, 'error.has_errors', { errors: errors.length })}\n`);
    return { outcome: { invalidInput: !loaded.unreadable, unreadableInput: loaded.unreadable } };
  }
  if (plans.length === 0) throw new UsageError(t(lang, 'error.no_plans'));
  const { selection } = settings;
  for (const planId of selection.plans === 'all' ? [] : selection.plans) {
    if (!plans.some((plan) => plan.id === planId)) throw new UsageError(t(lang, 'usage.no_such_plan', { plan: planId, plans: plans.map((p) => p.id).join(', ') }));
  }
  if (selection.owner !== undefined && resolveOwner(selection.owner, plans).size === 0) {
    throw new UsageError(t(lang, 'error.unknown_owner', { owner: selection.owner }));
  }
  const evaluation = evaluateProject(loaded.project, settings.asOf, settings.warnDays, settings.evaluation);
  const statuses = selection.statuses;
  return {
    prepared: {
      settings,
      loaded,
      evaluation,
      targets: selectTargets(evaluation.targets, { ...selection, statuses: statuses === 'all' ? 'all' : statuses.filter(isTargetStatus) }, plans),
      deadlines: selectDeadlines(evaluation.deadlines, { ...selection, statuses: statuses === 'all' ? 'all' : statuses.filter(isDeadlineStatus) }, plans),
      ctx: formatContext(lang, settings.colour.stdout, settings, io),
    },
    outcome: {},
  };
}

/** The plans a report covers (those named with --plan, else every plan loaded), for a paper's title. */
export function planTitles(prepared: Prepared): PlanTitle[] {
  const { plans } = prepared.settings.selection;
  return prepared.loaded.project.plans.filter((plan) => plans === 'all' || plans.includes(plan.id)).map((plan) => ({ id: plan.id, title: plan.title }));
}

/** What --fail-on looks for in a list of targets and deadlines: each one's status and light. */
export function failOnMarks(targets: readonly Pick<TargetResult, 'status' | 'light'>[], deadlines: readonly Pick<DeadlineResult, 'status'>[]): string[] {
  return [...targets.flatMap((r) => [r.status, r.light]), ...deadlines.flatMap((d) => [d.status, deadlineLight(d.status)])];
}

/**
 * --fail-on STATUS,…: true when any listed status or light is present among the selected results
 * (after --owner/--plan/--status/--within), whatever the format shows.
 */
export function failOnHit(failOn: readonly FailOnValue[], marks: readonly string[]): boolean {
  return failOn.length > 0 && marks.some((mark) => (failOn as readonly string[]).includes(mark));
}

/** Format the report and deliver it: stdout, or a file written atomically (never over an input). */
export async function deliver<Report>(formatter: Promise<Formatter<Report>>, report: Report, prepared: Prepared, io: CliIo, rows: number): Promise<void> {
  const text = await (await formatter)(report, prepared.ctx);
  const { settings, loaded, ctx } = prepared;
  if (settings.output === undefined) {
    io.stdout.write(text);
    return;
  }
  const inputs = [...loaded.files.map((f) => f.absolute), ...(loaded.configFile ? [loaded.configFile] : [])];
  writeReportFile(settings.output, text, inputs, ctx.lang, io);
  io.stderr.write(`${t(ctx.lang, 'wrote', { path: escapeForTerminal(settings.output), rows })}\n`);
}

/**
 * A report written with -o: never over an input, never onto a device, FIFO, socket or folder, an
 * older report replaced atomically. Every refusal is a usage error (exit 2) naming the path.
 */
export function writeReportFile(output: string, content: string | Uint8Array, inputs: readonly string[], lang: Lang, io: Pick<CliIo, 'cwd'>, options: { makeFolder?: boolean } = {}): void {
  const written = writeOutput(path.resolve(io.cwd, output), content, inputs, options);
  const shown = escapeForTerminal(output);
  if (written === 'is-an-input') throw new UsageError(t(lang, 'error.output_is_input', { path: shown }));
  if (typeof written === 'object' && 'notAFile' in written) throw new UsageError(t(lang, 'error.output_not_a_file', { path: shown, kind: t(lang, `output_kind.${written.notAFile}`) }));
  if (typeof written === 'object') throw new UsageError(t(lang, 'error.write_failed', { path: shown, reason: written.failed }));
}

export { formatterOf };
