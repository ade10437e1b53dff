// Read everything a command needs with the settings already settled: the files (src/io), then the
// pure core.
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { decodeText } from '../core/decode-text.js';
import { type Project, type StreamedSourceFile, loadProject, rootCausesFirst, wholeBytes } from '../core/project.js';
import { defaultGlobs, sourceKindOf } from '../core/source-kinds.js';
import { defaultYamlLimits } from '../core/yaml-source.js';
import { t } from '../i18n/labels.js';
import { createParseCache, createPlanCache } from '../io/parse-cache.js';
import { type FoundFile, displayPath, findFromGlobs, findFromPaths, globLeavesBase } from '../io/find-sources.js';
import { withSources } from '../io/read-sources.js';
import type { CliIo } from './io.js';
import type { Settings } from './settings.js';
import { UsageError } from './usage-error.js';
import { escapeForTerminal } from '../report/escape.js';

export interface Loaded {
  configFile?: string;
  files: FoundFile[];
  project: Project;
  /** every diagnostic: config first, then the project's */
  diagnostics: Diagnostic[];
  /** decoded text per displayed path, for code frames (of a streamed CSV file only when it has a finding) */
  texts: Map<string, string>;
  unreadable: boolean;
}

/**
 * The decoded text of the streamed files that have a diagnostic, for code frames (the others are
 * never held whole), read again from their descriptors.
 */
function streamedTexts(project: Project, streamed: readonly StreamedSourceFile[], encoding: string | undefined): Map<string, string> {
  const withFindings = new Set(project.diagnostics.map((diagnostic) => diagnostic.file));
  const texts = new Map<string, string>();
  for (const source of streamed) {
    if (!withFindings.has(source.path)) continue;
    const decoded = decodeText(wholeBytes(source.chunks()), encoding);
    if (decoded.ok) texts.set(source.path, decoded.text);
  }
  return texts;
}

/** The files to read: the paths given, else the config's globs, else the working folder. */
function findFiles(settings: Settings, io: CliIo): FoundFile[] {
  const { config: loadedConfig, paths } = settings;
  const { config, folder } = loadedConfig;
  if (paths.length === 0) {
    // a config's globs look inside its folder only: `/**/*.plan.yaml` would walk the whole machine
    const leaving = [...(config.plans ?? []), ...(config.actuals ?? [])].find(globLeavesBase);
    if (leaving !== undefined) throw new UsageError(t(settings.messageLang, 'usage.glob_outside', { pattern: escapeForTerminal(leaving) }));
    return folder
      ? findFromGlobs([...(config.plans ?? defaultGlobs.plans), ...(config.actuals ?? defaultGlobs.actuals)], folder, io.cwd)
      : findFromGlobs([...defaultGlobs.plans, ...defaultGlobs.actuals], io.cwd, io.cwd);
  }
  const found = findFromPaths(paths, io.cwd);
  const problem = found.problems[0];
  if (problem)
    throw new UsageError(
      t(settings.messageLang, problem.problem === 'missing' ? 'usage.no_such_path' : 'usage.not_a_source', {
        path: escapeForTerminal(problem.given),
      }),
    );
  // actuals files named alone (a pre-commit hook passing a commit that changed only actuals) are
  // checked against the project's plans; a folder, or any plan named, is taken as complete
  const namedFilesOnly = paths.every((given) => sourceKindOf(given) !== undefined);
  if (folder && namedFilesOnly && found.files.length > 0 && found.files.every((file) => file.kind !== 'plan')) {
    const plans = findFromGlobs(config.plans ?? defaultGlobs.plans, folder, io.cwd);
    const named = new Set(found.files.map((file) => file.absolute));
    return [...found.files, ...plans.filter((plan) => !named.has(plan.absolute))].sort((a, b) =>
      a.absolute < b.absolute ? -1 : a.absolute > b.absolute ? 1 : 0,
    );
  }
  return found.files;
}

export async function loadInputs(settings: Settings, io: CliIo): Promise<Loaded> {
  const files = findFiles(settings, io);
  const { encoding, delimiter, maxFileBytes } = settings;
  // the tree the inputs come from: a cache found there (not named by PLAN_CHECK_CACHE_DIR) is not trusted
  const inputRoots =
    settings.paths.length > 0 ? settings.paths.map((given) => path.resolve(io.cwd, given)) : [settings.config.folder ?? io.cwd];
  const yamlCache = settings.cache ? createParseCache(io.env, defaultYamlLimits, undefined, { inputRoots }) : undefined;
  const planCache = settings.cache ? createPlanCache(io.env, defaultYamlLimits, undefined, { inputRoots }) : undefined;
  const { project, texts, problems } = await withSources(files, maxFileBytes, ({ sources, problems }) => {
    const project = loadProject(sources, { encoding, delimiter, maxFileBytes, yamlCache, planCache });
    const streamed = sources.filter((source): source is StreamedSourceFile => 'chunks' in source);
    return { project, problems, texts: new Map([...project.texts, ...streamedTexts(project, streamed, encoding)]) };
  });
  const ignored = (yamlCache?.rejected() ?? 0) + (planCache?.rejected() ?? 0);
  if (settings.debug && ignored > 0) io.stderr.write(`plan-check: ${t(settings.messageLang, 'debug.cache_ignored', { count: ignored })}\n`);
  const config = settings.config;
  if (config.file && config.text !== undefined) texts.set(displayPath(config.file, io.cwd), config.text);
  return {
    configFile: config.file,
    files,
    project,
    // root causes first: the config, then plan files, then actuals (what they refer to comes first)
    diagnostics: [
      ...config.diagnostics,
      ...(problems.length === 0 ? project.diagnostics : [...problems, ...project.diagnostics].sort(rootCausesFirst)),
    ],
    texts,
    // a file over the size limit is invalid input (exit 1), as when the core finds it; the rest could not be read (exit 2)
    unreadable: problems.some((problem) => problem.code === 'file-unreadable') || config.unreadable === true,
  };
}
