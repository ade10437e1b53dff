// Steps every reporting command shares: load, stop on invalid input, evaluate, filter; and the one
// way results leave the program (stdout or an atomic file).
import path from 'node:path';
import { Chalk } from 'chalk';
import type { DeadlineResult } from '../../core/deadlines.js';
import type { TargetResult } from '../../core/evaluate.js';
import { type Evaluation, evaluateProject } from '../../core/project.js';
import { ownerCandidates, resolveOwner, selectDeadlines, selectTargets } from '../../core/select.js';
import { deadlineLight } from '../../core/lights.js';
import { type FailOnValue, isDeadlineStatus, isTargetStatus } from '../../core/statuses.js';
import { type Lang, t } from '../../i18n/labels.js';
import { writeOutput } from '../../io/write-output.js';
import type { FormatContext } from '../../report/context.js';
import type { PlanTitle } from '../../report/reports.js';
import { formatDiagnosticsText } from '../../report/diagnostics-text.js';
import { type Formatter, formatterOf } from '../../report/formats.js';
import type { Outcome } from '../exit-code.js';
import type { Plan } from '../../core/model.js';
import type { PartialInput } from '../../report/reports.js';
import type { CliIo } from '../io.js';
import { type Loaded, loadInputs } from '../load.js';
import { type ColourLevel, type Settings, reportLang } from '../settings.js';
import { UsageError } from '../usage-error.js';
import { escapeForTerminal } from '../../report/escape.js';

export interface Prepared {
  settings: Settings;
  loaded: Loaded;
  /** the plans reported on: every plan loaded, less those of plan files with errors (a partial report) */
  plans: Plan[];
  /** what a partial report left out; undefined when the input has no errors */
  partial?: PartialInput;
  evaluation: Evaluation;
  targets: TargetResult[];
  deadlines: DeadlineResult[];
  ctx: FormatContext;
}

export function formatContext(
  lang: Lang,
  level: ColourLevel,
  settings: Pick<Settings, 'output' | 'bom' | 'headers'>,
  io: CliIo,
): FormatContext {
  return {
    lang,
    chalk: new Chalk({ level }),
    columns: io.stdout.isTTY ? io.stdout.columns : undefined,
    bom: settings.output !== undefined && settings.bom,
    headers: settings.headers,
  };
}

/**
 * What a partial report leaves out: the plan files with errors (their plans, named), the actuals
 * files with an error in the file as a whole, and how many rows and records had one.
 */
function partialInput(loaded: Loaded, errors: number): PartialInput {
  const { planFailures, joined } = loaded.project;
  let entries = 0;
  for (const count of joined.lost.files.values()) entries += count;
  return {
    errors,
    plans: planFailures.map((failure) => ({ file: failure.file, plan: failure.planId })),
    files: joined.lost.wholeFiles,
    entries,
  };
}

/**
 * Load and evaluate. With errors in the input, the errors go to standard error first; then,
 * when `partial` allows it (status, gaps, deadlines without --strict), the report covers what is
 * valid (plans with errors and rows with errors left out, and said so); otherwise, or when the
 * config has an error, a file could not be read or no plan is left, nothing is prepared.
 */
export async function prepare(
  settings: Settings,
  io: CliIo,
  options: { partial?: boolean } = {},
): Promise<{ prepared?: Prepared; outcome: Outcome }> {
  const loaded = await loadInputs(settings, io);
  const leftOutFiles = new Set(loaded.project.planFailures.map((failure) => failure.file));
  const plans = leftOutFiles.size === 0 ? loaded.project.plans : loaded.project.plans.filter((plan) => !leftOutFiles.has(plan.file));
  const lang = reportLang(settings, loaded.project.plans, loaded.texts.values());
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  let partial: PartialInput | undefined;
  if (errors.length > 0) {
    const refused =
      !options.partial || loaded.unreadable || settings.config.diagnostics.some((d) => d.severity === 'error') || plans.length === 0;
    io.stderr.write(formatDiagnosticsText(errors, loaded.texts, formatContext(lang, settings.colour.stderr, settings, io)));
    io.stderr.write(`${t(lang, refused ? 'error.has_errors' : 'error.has_errors_partial', { errors: errors.length })}\n`);
    if (refused) return { outcome: { invalidInput: !loaded.unreadable, unreadableInput: loaded.unreadable } };
    partial = partialInput(loaded, errors.length);
  }
  if (plans.length === 0) throw new UsageError(t(lang, 'error.no_plans'));
  const { selection } = settings;
  // a plan left out of a partial report is still a plan the user may name
  const known = [
    ...loaded.project.plans.map((plan) => plan.id),
    ...loaded.project.planFailures.flatMap((failure) => (failure.planId === undefined ? [] : [failure.planId])),
  ];
  for (const planId of selection.plans === 'all' ? [] : selection.plans) {
    if (!known.includes(planId))
      throw new UsageError(t(lang, 'usage.no_such_plan', { plan: planId, plans: plans.map((p) => p.id).join(', ') }));
  }
  if (selection.owner !== undefined && resolveOwner(selection.owner, plans).size === 0) {
    const candidates = ownerCandidates(selection.owner, plans);
    const owner = escapeForTerminal(selection.owner);
    throw new UsageError(
      candidates.length > 0
        ? t(lang, 'error.unknown_owner_suggest', { owner, candidates: escapeForTerminal(candidates.join(t(lang, 'help.list_separator'))) })
        : t(lang, 'error.unknown_owner', { owner }),
    );
  }
  const evaluation = evaluateProject(
    plans === loaded.project.plans ? loaded.project : { ...loaded.project, plans },
    settings.asOf,
    settings.warnDays,
    settings.evaluation,
  );
  const statuses = selection.statuses;
  return {
    prepared: {
      settings,
      loaded,
      plans,
      partial,
      evaluation,
      targets: selectTargets(
        evaluation.targets,
        { ...selection, statuses: statuses === 'all' ? 'all' : statuses.filter(isTargetStatus) },
        plans,
      ),
      deadlines: selectDeadlines(
        evaluation.deadlines,
        { ...selection, statuses: statuses === 'all' ? 'all' : statuses.filter(isDeadlineStatus) },
        plans,
      ),
      ctx: formatContext(lang, settings.colour.stdout, settings, io),
    },
    outcome: partial ? { invalidInput: true } : {},
  };
}

/**
 * What the per-unit tables count (status' on-time and newest-figure tables, the units scorecards):
 * the selected targets and deadlines whatever --status shows (a unit's rate counts every deadline
 * it had), within the given plans if any, and whether a unit is one --owner names.
 */
export function unitSelection(
  prepared: Prepared,
  planIds?: ReadonlySet<string>,
): { targets: TargetResult[]; deadlines: DeadlineResult[]; wanted: (unit: string) => boolean } {
  const plans = prepared.plans;
  const everyStatus = { ...prepared.settings.selection, statuses: 'all' as const };
  const inPlans = (plan: string): boolean => !planIds || planIds.has(plan);
  const owners = everyStatus.owner === undefined ? undefined : resolveOwner(everyStatus.owner, plans);
  return {
    targets: selectTargets(prepared.evaluation.targets, everyStatus, plans).filter((result) => inPlans(result.target.planId)),
    deadlines: selectDeadlines(prepared.evaluation.deadlines, everyStatus, plans).filter((deadline) => inPlans(deadline.plan)),
    wanted: (unit) => !owners || owners.has(unit),
  };
}

/** The plans a report covers (those named with --plan, else every plan reported on), for a paper's title. */
export function planTitles(prepared: Prepared): PlanTitle[] {
  const { plans } = prepared.settings.selection;
  return prepared.plans.filter((plan) => plans === 'all' || plans.includes(plan.id)).map((plan) => ({ id: plan.id, title: plan.title }));
}

/** What --fail-on looks for in a list of targets and deadlines: each one's status and light. */
export function failOnMarks(
  targets: readonly Pick<TargetResult, 'status' | 'light'>[],
  deadlines: readonly Pick<DeadlineResult, 'status'>[],
): string[] {
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
export async function deliver<Report>(
  formatter: Promise<Formatter<Report>>,
  report: Report,
  prepared: Prepared,
  io: CliIo,
  rows: number,
): Promise<void> {
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
export function writeReportFile(
  output: string,
  content: string | Uint8Array,
  inputs: readonly string[],
  lang: Lang,
  io: Pick<CliIo, 'cwd'>,
  options: { makeFolder?: boolean } = {},
): void {
  const written = writeOutput(path.resolve(io.cwd, output), content, inputs, options);
  const shown = escapeForTerminal(output);
  if (written === 'is-an-input') throw new UsageError(t(lang, 'error.output_is_input', { path: shown }));
  if (typeof written === 'object' && 'notAFile' in written)
    throw new UsageError(t(lang, 'error.output_not_a_file', { path: shown, kind: t(lang, `output_kind.${written.notAFile}`) }));
  if (typeof written === 'object') throw new UsageError(t(lang, 'error.write_failed', { path: shown, reason: written.failed }));
}

export { formatterOf };
