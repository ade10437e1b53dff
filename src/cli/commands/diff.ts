// plan-check diff: what a change does to the plans' commitments. Each side is a set of plan files
// read from the working tree or from a git revision; plans are matched by id.
import path from 'node:path';
import { decodeText } from '../../core/decode-text.js';
import { type Diagnostic, makeDiagnostic } from '../../core/diagnostics.js';
import type { Plan } from '../../core/model.js';
import { defaultGlobs } from '../../core/source-kinds.js';
import { parseYaml } from '../../core/yaml-source.js';
import { anyChange, changeKinds } from '../../diff/change-kinds.js';
import { comparePlanSets } from '../../diff/compare-plans.js';
import { type PlanOutline, outlinePlan } from '../../diff/plan-outline.js';
import { type LabelKey, type Lang, t } from '../../i18n/labels.js';
import type { Config } from '../../io/config.js';
import { findFromPaths, pathKind } from '../../io/find-sources.js';
import { GitError, listPlanFilesAt, mergeBase, readFileAt, resolveCommit } from '../../io/git-revision.js';
import { readSource } from '../../io/read-sources.js';
import { escapeForTerminal } from '../../report/escape.js';
import { type DiffReport, gateHits } from '../../report/diff.js';
import { formatDiagnosticsText } from '../../report/diagnostics-text.js';
import { diffFormats, formatNames, formatterOf } from '../../report/formats.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { type CommandOptions, type Settings, reportLang, resolveSettings } from '../settings.js';
import { UsageError } from '../usage-error.js';
import { formatContext, writeReportFile } from './shared.js';

interface DiffOptions extends CommandOptions {
  base?: string;
}

/** a label of undefined: the working tree, named in the report's language */
type Side = { label?: string; paths: string[]; revision?: string };

interface ReadSide {
  outlines: PlanOutline[];
  diagnostics: Diagnostic[];
  texts: Map<string, string>;
  /** absolute paths of the working-tree files read (never written over by --output) */
  absolute: string[];
}

const usage = (lang: Lang, key: LabelKey, values?: Record<string, string>) => new UsageError(t(lang, key, values));

function revisionOrFail(revision: string, io: CliIo, lang: Lang): string {
  if (resolveCommit(revision, io.cwd) === undefined) throw usage(lang, 'usage.diff_not_a_side', { side: revision });
  return revision;
}

/**
 * Where to look when no path is given: the folders the `plans` globs of plan-check.yaml start from
 * (each glob cut at its first wildcard), else the current folder.
 */
function defaultDiffPaths(config: Config, configFolder: string | undefined, cwd: string): string[] {
  if (configFolder === undefined) return ['.'];
  const folders = (config.plans ?? defaultGlobs.plans).map((glob) => {
    const fixed = glob.split('/');
    const end = fixed.findIndex((part) => /[*?[\]{}!]/.test(part));
    return (
      path
        .relative(cwd, path.join(configFolder, ...fixed.slice(0, end < 0 ? fixed.length - 1 : end)))
        .split(path.sep)
        .join('/') || '.'
    );
  });
  return [...new Set(folders)];
}

/** OLD NEW, REV..REV [paths], REV...REV [paths] (from the merge base), or --base REV [paths]. */
function resolveSides(
  args: readonly string[],
  base: string | undefined,
  io: CliIo,
  lang: Lang,
  defaults: readonly string[] = ['.'],
): { old: Side; new: Side } {
  const exists = (given: string) => pathKind(path.resolve(io.cwd, given)) !== 'missing';
  if (base !== undefined) {
    const paths = args.length > 0 ? [...args] : [...defaults];
    return {
      old: { label: base, paths, revision: revisionOrFail(base, io, lang) },
      new: { label: args.length > 0 ? args.join(' ') : undefined, paths },
    };
  }
  const range = args[0] !== undefined && !exists(args[0]) ? /^(.+?)(\.\.\.?)(.+)$/.exec(args[0]) : null;
  if (range) {
    const [, from, dots, to] = range as unknown as [string, string, string, string];
    revisionOrFail(from, io, lang);
    revisionOrFail(to, io, lang);
    const paths = args.length > 1 ? args.slice(1) : [...defaults];
    const start = dots === '...' ? mergeBase(from, to, io.cwd) : from;
    return { old: { label: dots === '...' ? `${from}...` : from, paths, revision: start }, new: { label: to, paths, revision: to } };
  }
  if (args.length !== 2) throw usage(lang, 'usage.diff_sides');
  const [oldArg, newArg] = args as [string, string];
  const side = (given: string, other: string): Side => {
    if (exists(given)) return { label: given, paths: [given] };
    return { label: given, paths: exists(other) ? [other] : [...defaults], revision: revisionOrFail(given, io, lang) };
  };
  return { old: side(oldArg, newArg), new: side(newArg, oldArg) };
}

/** One file's outline, or its diagnostics; `shownAs` names it in diagnostics, `file` in the changes. */
function outlineFile(bytes: Uint8Array, file: string, shownAs: string, settings: Settings, into: ReadSide): void {
  const start = { line: 1, column: 1 };
  const maxBytes = settings.maxFileBytes;
  if (bytes.length > maxBytes) {
    into.diagnostics.push(makeDiagnostic('file-too-large', shownAs, start, { size: bytes.length, limit: maxBytes }));
    return;
  }
  const decoded = decodeText(bytes, settings.encoding);
  if (!decoded.ok) {
    into.diagnostics.push(makeDiagnostic(decoded.code, shownAs, start, { looksLike: decoded.looksLike }));
    return;
  }
  into.texts.set(shownAs, decoded.text);
  const parsed = parseYaml(decoded.text, shownAs);
  into.diagnostics.push(...parsed.diagnostics);
  if (parsed.diagnostics.some((d) => d.severity === 'error')) return;
  const result = outlinePlan(parsed.data, decoded.text, shownAs, parsed.locator);
  into.diagnostics.push(...result.diagnostics);
  if (result.outline) into.outlines.push({ ...result.outline, file });
}

function readSide(side: Side, settings: Settings, io: CliIo): ReadSide {
  const read: ReadSide = { outlines: [], diagnostics: [], texts: new Map(), absolute: [] };
  if (side.revision !== undefined) {
    for (const file of listPlanFilesAt(side.revision, side.paths, io.cwd)) {
      outlineFile(readFileAt(side.revision, file.repoPath, io.cwd), file.display, `${side.label}:${file.display}`, settings, read);
    }
  } else {
    const found = findFromPaths(side.paths, io.cwd);
    const problem = found.problems[0];
    if (problem)
      throw new UsageError(
        t(settings.messageLang, problem.problem === 'missing' ? 'usage.no_such_path' : 'usage.not_a_source', { path: problem.given }),
      );
    for (const file of found.files.filter((kind) => kind.kind === 'plan')) {
      const result = readSource(file, Number.MAX_SAFE_INTEGER);
      read.absolute.push(file.absolute);
      if ('problem' in result) read.diagnostics.push(result.problem);
      else if ('bytes' in result.source) outlineFile(result.source.bytes, file.display, file.display, settings, read);
    }
  }
  // one plan id per side: a second file with the same id is an error, as in validate
  const seen = new Map<string, PlanOutline>();
  read.outlines = read.outlines.filter((outline) => {
    const first = seen.get(outline.id);
    if (!first) {
      seen.set(outline.id, outline);
      return true;
    }
    const at = outline.locator.locate(['id']);
    read.diagnostics.push(
      makeDiagnostic(
        'duplicate-id',
        outline.file,
        at,
        { kind: 'plan', id: outline.id, firstFile: first.file, firstLine: first.locator.locate(['id']).line },
        ['id'],
      ),
    );
    return false;
  });
  return read;
}

function failOnKinds(value: string | undefined, lang: Lang): string[] {
  const wanted = (value ?? '')
    .split(',')
    .map((kind) => kind.trim())
    .filter(Boolean);
  for (const kind of wanted) {
    if (kind !== anyChange && !(changeKinds as readonly string[]).includes(kind))
      throw usage(lang, 'usage.diff_fail_on', { value: kind, kinds: changeKinds.join(', ') });
  }
  return wanted.includes(anyChange) ? [...changeKinds] : wanted;
}

export async function runDiff(args: string[], options: DiffOptions, io: CliIo): Promise<Outcome> {
  // --fail-on names kinds of change here, not statuses: checked below against the kinds
  const settings = resolveSettings([], { ...options, failOn: undefined }, io, { formats: formatNames(diffFormats) });
  const { config, folder: configFolder } = settings.config;
  const earlyLang = settings.messageLang;
  const failOn = failOnKinds(options.failOn, earlyLang);
  let sides: { old: Side; new: Side };
  let before: ReadSide;
  let after: ReadSide;
  try {
    sides = resolveSides(args, options.base, io, earlyLang, defaultDiffPaths(config, configFolder, io.cwd));
    before = readSide(sides.old, settings, io);
    after = readSide(sides.new, settings, io);
  } catch (error) {
    if (error instanceof GitError) throw usage(earlyLang, 'usage.diff_git', { message: error.message });
    throw error;
  }
  // the plans' language when nothing else decides it (a stand-in with the titles is all reportLang reads)
  const titles = [...before.outlines, ...after.outlines].map((outline) => ({ title: outline.title })) as unknown as Plan[];
  const lang = reportLang(settings, titles, [...before.texts.values(), ...after.texts.values()]);
  const diagnostics = [...before.diagnostics, ...after.diagnostics];
  if (diagnostics.length > 0) {
    io.stderr.write(
      formatDiagnosticsText(
        diagnostics,
        new Map([...before.texts, ...after.texts]),
        formatContext(lang, settings.colour.stderr, settings, io),
      ),
    );
  }
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    io.stderr.write(`${t(lang, 'error.has_errors', { errors: errors.length })}\n`);
    return errors.some((d) => d.code === 'file-unreadable') ? { unreadableInput: true } : { invalidInput: true };
  }
  if (before.outlines.length === 0 && after.outlines.length === 0) throw new UsageError(t(lang, 'error.no_plans'));
  const report: DiffReport = {
    old: sides.old.label!,
    new: sides.new.label ?? t(lang, 'diff.working_tree'),
    changes: comparePlanSets(before.outlines, after.outlines),
    failOn,
  };
  const text = await (await formatterOf(diffFormats, settings.format))(report, formatContext(lang, settings.colour.stdout, settings, io));
  if (settings.output === undefined) io.stdout.write(text);
  else {
    writeReportFile(settings.output, text, [...before.absolute, ...after.absolute], lang, io);
    io.stderr.write(`${t(lang, 'wrote', { path: escapeForTerminal(settings.output), rows: report.changes.length })}\n`);
  }
  const hits = gateHits(report);
  // the table and Markdown say so themselves; the machine formats leave it to standard error
  if (hits.length > 0 && (settings.format === 'json' || settings.format === 'github')) {
    io.stderr.write(
      `${t(lang, 'diff.gate_failed', { count: hits.length, kinds: [...new Set(hits.map((change) => change.kind))].join(', ') })}\n`,
    );
  }
  return { failOnHit: hits.length > 0 };
}
