// Steps every reporting command shares: load, stop on invalid input, settle as-of, language and
// colour, evaluate, filter; and the one way results leave the program (stdout or an atomic file).
import path from 'node:path';
import type { ChalkInstance } from 'chalk';
import type { DeadlineResult } from '../../core/deadlines.js';
import type { TargetResult } from '../../core/evaluate.js';
import { type Evaluation, evaluateProject } from '../../core/project.js';
import { type Selection, resolveOwner, selectDeadlines, selectTargets } from '../../core/select.js';
import { type Lang, t } from '../../i18n/labels.js';
import { UsageError } from '../../io/find-sources.js';
import { OutputIsInputError, writeFileAtomic } from '../../io/write-output.js';
import type { FormatContext } from '../../report/context.js';
import { formatDiagnosticsText } from '../../report/diagnostics-text.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { type Loaded, loadInputs } from '../load.js';
import { type CommonOptions, parseList, resolveAsOf, resolveChalk, resolveLang, resolveWarnDays } from '../settings.js';

export interface SelectionOptions extends CommonOptions {
  owner?: string;
  role?: string;
  plan?: string[];
  status?: string[];
  failOn?: string;
  format?: string;
  output?: string;
  bom?: boolean;
  all?: boolean;
}

export interface Prepared {
  loaded: Loaded;
  evaluation: Evaluation;
  selection: Selection;
  targets: TargetResult[];
  deadlines: DeadlineResult[];
  ctx: FormatContext;
}

export const targetStatusNames = ['met', 'on_track', 'behind', 'missed', 'breached', 'no_data', 'not_started'];
export const deadlineStatusNames = ['done', 'overdue', 'due_soon', 'upcoming'];

export function checkChoice(name: string, value: string | undefined, choices: readonly string[]): void {
  if (value !== undefined && !choices.includes(value)) throw new UsageError(`${name} must be one of ${choices.join(', ')}, not "${value}"`);
}

export function formatContext(lang: Lang, chalk: ChalkInstance, io: CliIo): FormatContext {
  return { lang, chalk, columns: io.stdout.isTTY ? io.stdout.columns : undefined };
}

/** Load and evaluate; undefined (with the diagnostics printed) when the input has errors. */
export async function prepare(paths: readonly string[], options: SelectionOptions, io: CliIo): Promise<{ prepared?: Prepared; outcome: Outcome }> {
  for (const status of parseList(options.failOn) ?? []) checkChoice('--fail-on', status, [...targetStatusNames, ...deadlineStatusNames]);
  const loaded = await loadInputs(paths, options, io);
  const lang = resolveLang(options, loaded.config, io.env, loaded.project.plans);
  const stderrCtx: FormatContext = { lang, chalk: resolveChalk(options, io.env, io.stderr.isTTY) };
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    io.stderr.write(formatDiagnosticsText(errors, loaded.texts, stderrCtx));
    io.stderr.write(`${t(lang, 'error.has_errors', { errors: errors.length })}\n`);
    return { outcome: { invalidInput: !loaded.unreadable, unreadableInput: loaded.unreadable } };
  }
  if (loaded.project.plans.length === 0) throw new UsageError(t(lang, 'error.no_plans'));
  const statuses = parseList(options.status);
  for (const status of statuses ?? []) checkChoice('--status', status, [...targetStatusNames, ...deadlineStatusNames]);
  checkChoice('--role', options.role, ['lead', 'support']);
  const selection: Selection = {
    owner: options.owner,
    role: options.role as Selection['role'],
    plans: parseList(options.plan),
    statuses,
  };
  for (const planId of selection.plans ?? []) {
    if (!loaded.project.plans.some((plan) => plan.id === planId)) throw new UsageError(`--plan ${planId}: no such plan (${loaded.project.plans.map((p) => p.id).join(', ')})`);
  }
  if (options.owner !== undefined && resolveOwner(options.owner, loaded.project.plans).size === 0) {
    throw new UsageError(t(lang, 'error.unknown_owner', { owner: options.owner }));
  }
  const asOf = resolveAsOf(options, loaded.config, io);
  const evaluation = evaluateProject(loaded.project, asOf, resolveWarnDays(options, loaded.config));
  const targetSelection = { ...selection, statuses: statuses?.filter((s) => targetStatusNames.includes(s)) };
  const deadlineSelection = { ...selection, statuses: statuses?.filter((s) => deadlineStatusNames.includes(s)) };
  const noneOf = (list: string[] | undefined) => (list && list.length === 0 ? ['\u0000'] : list);
  return {
    prepared: {
      loaded,
      evaluation,
      selection,
      targets: selectTargets(evaluation.targets, { ...targetSelection, statuses: statuses ? noneOf(targetSelection.statuses) : undefined }, loaded.project.plans),
      deadlines: selectDeadlines(evaluation.deadlines, { ...deadlineSelection, statuses: statuses ? noneOf(deadlineSelection.statuses) : undefined }, loaded.project.plans),
      ctx: formatContext(lang, resolveChalk(options, io.env, io.stdout.isTTY), io),
    },
    outcome: {},
  };
}

/**
 * --fail-on STATUS,…: true when any listed status is present among the selected results (after
 * --owner/--plan/--status/--within), whatever the format shows; the values were checked in prepare.
 */
export function failOnHit(failOn: string | undefined, statuses: readonly string[]): boolean {
  const wanted = parseList(failOn);
  return wanted !== undefined && statuses.some((status) => wanted.includes(status));
}

/** stdout, or a file written atomically (never over an input). */
export function deliver(text: string, options: SelectionOptions, prepared: Prepared, io: CliIo, rows: number): void {
  if (!options.output || options.output === '-') {
    io.stdout.write(text);
    return;
  }
  const target = path.resolve(io.cwd, options.output);
  const inputs = [...prepared.loaded.files.map((f) => f.absolute), ...(prepared.loaded.configFile ? [prepared.loaded.configFile] : [])];
  try {
    writeFileAtomic(target, text, inputs);
  } catch (error) {
    if (error instanceof OutputIsInputError) throw new UsageError(t(prepared.ctx.lang, 'error.output_is_input', { path: options.output }));
    throw new UsageError(t(prepared.ctx.lang, 'error.write_failed', { path: options.output, reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
  }
  io.stderr.write(`${t(prepared.ctx.lang, 'wrote', { path: options.output, rows })}\n`);
}
