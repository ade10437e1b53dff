// Read everything a command needs: config, the files (I/O at the edge), then the pure core.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { makeDiagnostic } from '../core/diagnostics.js';
import { type Project, type SourceFile, defaultMaxFileBytes, loadProject } from '../core/project.js';
import { type Config, type LoadedConfig, findConfigFile, loadConfig } from '../io/config.js';
import { type FoundFile, UsageError, defaultGlobs, findFromGlobs, findFromPaths } from '../io/find-sources.js';
import type { CliIo } from './io.js';
import type { CommonOptions } from './settings.js';

export interface Loaded {
  config: Config;
  configFile?: string;
  files: FoundFile[];
  project: Project;
  /** every diagnostic: config first, then the project's */
  diagnostics: Diagnostic[];
  /** decoded text per displayed path, for code frames */
  texts: Map<string, string>;
  unreadable: boolean;
}

function displayFor(cwd: string) {
  return (absolute: string): string => {
    const relative = path.relative(cwd, absolute);
    return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : absolute;
  };
}

export function readConfigFor(options: CommonOptions, io: CliIo): LoadedConfig {
  if (options.config === false) return { config: {}, diagnostics: [] };
  const file = typeof options.config === 'string' ? path.resolve(io.cwd, options.config) : findConfigFile(io.cwd);
  if (typeof options.config === 'string') {
    try {
      readFileSync(file!);
    } catch {
      throw new UsageError(`cannot read the config file ${options.config}`);
    }
  }
  return loadConfig(file, displayFor(io.cwd));
}

export function loadInputs(paths: readonly string[], options: CommonOptions, io: CliIo): Loaded {
  if (options.encoding !== undefined) {
    try {
      new TextDecoder(options.encoding);
    } catch {
      throw new UsageError(`unknown encoding "${options.encoding}" (for example gb18030, gbk, utf-16le)`);
    }
  }
  const configResult = readConfigFor(options, io);
  const { config } = configResult;
  let files: FoundFile[];
  if (paths.length > 0) {
    files = findFromPaths(paths, io.cwd);
  } else if (configResult.folder) {
    files = findFromGlobs([...(config.plans ?? defaultGlobs.plans), ...(config.actuals ?? defaultGlobs.actuals)], configResult.folder, io.cwd);
  } else {
    files = findFromGlobs([...defaultGlobs.plans, ...defaultGlobs.actuals], io.cwd, io.cwd);
  }
  const sources: SourceFile[] = [];
  const readProblems: Diagnostic[] = [];
  for (const file of files) {
    try {
      sources.push({ path: file.display, kind: file.kind, bytes: readFileSync(file.absolute) });
    } catch (error) {
      readProblems.push(makeDiagnostic('file-unreadable', file.display, { line: 1, column: 1 }, { reason: (error as NodeJS.ErrnoException).code ?? String(error) }));
    }
  }
  const maxFileBytes = options.maxFileSize !== undefined ? Number(options.maxFileSize) : defaultMaxFileBytes;
  if (!Number.isFinite(maxFileBytes) || maxFileBytes <= 0) throw new UsageError(`--max-file-size must be a number of bytes`);
  const project = loadProject(sources, { encoding: options.encoding, delimiter: options.delimiter, maxFileBytes });
  const texts = new Map(project.texts);
  if (configResult.file && configResult.text !== undefined) texts.set(displayFor(io.cwd)(configResult.file), configResult.text);
  return {
    config,
    configFile: configResult.file,
    files,
    project,
    diagnostics: [...configResult.diagnostics, ...readProblems, ...project.diagnostics],
    texts,
    unreadable: readProblems.length > 0,
  };
}
