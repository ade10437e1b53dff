// Read everything a command needs: config, the files (I/O at the edge), then the pure core.
import { closeSync, constants, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostics.js';
import { makeDiagnostic } from '../core/diagnostics.js';
import { decodeText } from '../core/decode-text.js';
import { type InputFile, type Project, type StreamedSourceFile, defaultMaxFileBytes, loadProject, sourceKindOf, wholeBytes } from '../core/project.js';
import { defaultYamlLimits } from '../core/yaml-source.js';
import { type Config, type LoadedConfig, findConfigFile } from '../io/config.js';
import { createParseCache, createPlanCache } from '../io/parse-cache.js';
import { type FoundFile, UsageError, defaultGlobs, findFromGlobs, findFromPaths } from '../io/find-sources.js';
import { unpackSheets } from '../io/xlsx-read.js';
import { displayFor, loadConfigOnce } from './config-file.js';
import type { CliIo } from './io.js';
import type { CommonOptions } from './settings.js';

export interface Loaded {
  config: Config;
  configFile?: string;
  files: FoundFile[];
  project: Project;
  /** every diagnostic: config first, then the project's */
  diagnostics: Diagnostic[];
  /** decoded text per displayed path, for code frames (of a streamed CSV file only when it has a finding) */
  texts: Map<string, string>;
  unreadable: boolean;
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
  return file === undefined ? { config: {}, diagnostics: [] } : loadConfigOnce(io, file);
}

const start = { line: 1, column: 1 };

/** CSV actuals are read in pieces of this size, never whole (a 300,000-row file is 15 MB). */
const CSV_CHUNK_BYTES = 1 << 20;

/**
 * A file's bytes a chunk at a time, from the descriptor that was checked (not the path again:
 * the file may have been replaced by a link or a device since), from the start each time they
 * are asked for, up to the size that was checked.
 */
function descriptorChunks(fd: number, size: number): () => Iterable<Uint8Array> {
  return function* chunks() {
    for (let position = 0; position < size; ) {
      const chunk = Buffer.allocUnsafe(Math.min(CSV_CHUNK_BYTES, size - position));
      const read = readSync(fd, chunk, 0, chunk.length, position);
      if (read === 0) return; // the file shrank
      position += read;
      yield chunk.subarray(0, read);
    }
  };
}

type ReadResult = { source: InputFile; openFd?: number } | { problem: Diagnostic };

/**
 * Read one file, looking before reading: a link out of the searched folder, a device or FIFO
 * (a link to /dev/zero would be read for ever) and a file over the size limit are reported,
 * not read. A CSV actuals file is handed on as chunks of its open descriptor, to be read as they
 * arrive; the caller closes it.
 */
export function readSource(file: FoundFile, maxBytes: number): ReadResult {
  const unreadable = (reason: string) => ({ problem: makeDiagnostic('file-unreadable', file.display, start, { reason }) });
  if (file.refused === 'outside') return unreadable('a link to a file outside the folder searched (not read)');
  let fd: number | undefined;
  try {
    fd = openSync(file.absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(fd);
    if (!stats.isFile()) return unreadable('not a regular file (a device, pipe or socket)');
    if (stats.size > maxBytes) return { problem: makeDiagnostic('file-too-large', file.display, start, { size: stats.size, limit: maxBytes }) };
    if (file.kind === 'actuals-csv') {
      const openFd = fd;
      fd = undefined; // kept open for the chunks
      return { source: { path: file.display, kind: file.kind, size: stats.size, chunks: descriptorChunks(openFd, stats.size) }, openFd };
    }
    return { source: { path: file.display, kind: file.kind, bytes: readFileSync(fd) } };
  } catch (error) {
    return unreadable((error as NodeJS.ErrnoException).code ?? String(error));
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
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

export async function loadInputs(paths: readonly string[], options: CommonOptions, io: CliIo): Promise<Loaded> {
  if (options.encoding !== undefined) {
    try {
      new TextDecoder(options.encoding);
    } catch {
      throw new UsageError(`unknown encoding "${options.encoding}" (for example gb18030, gbk, utf-16le)`);
    }
  }
  // plan-check.yaml named among the paths (as pre-commit passes a commit's files) means "this
  // project": it is read as the config, and with no other path its plans and actuals are checked
  const configPaths = paths.filter((given) => path.basename(given) === 'plan-check.yaml');
  const filePaths = paths.filter((given) => path.basename(given) !== 'plan-check.yaml');
  const configOption = configPaths.length > 0 && options.config === undefined ? { ...options, config: configPaths[0] } : options;
  const configResult = readConfigFor(configOption, io);
  const { config } = configResult;
  let files: FoundFile[];
  if (filePaths.length > 0) {
    files = findFromPaths(filePaths, io.cwd);
    // actuals files named alone (a pre-commit hook passing a commit that changed only actuals) are
    // checked against the project's plans; a folder, or any plan named, is taken as complete
    const namedFilesOnly = filePaths.every((given) => sourceKindOf(given) !== undefined);
    if (configResult.folder && namedFilesOnly && files.length > 0 && files.every((file) => file.kind !== 'plan')) {
      const plans = findFromGlobs(config.plans ?? defaultGlobs.plans, configResult.folder, io.cwd);
      const named = new Set(files.map((file) => file.absolute));
      files = [...files, ...plans.filter((plan) => !named.has(plan.absolute))].sort((a, b) => (a.absolute < b.absolute ? -1 : a.absolute > b.absolute ? 1 : 0));
    }
  } else if (configResult.folder) {
    files = findFromGlobs([...(config.plans ?? defaultGlobs.plans), ...(config.actuals ?? defaultGlobs.actuals)], configResult.folder, io.cwd);
  } else {
    files = findFromGlobs([...defaultGlobs.plans, ...defaultGlobs.actuals], io.cwd, io.cwd);
  }
  const maxFileBytes = options.maxFileSize !== undefined ? Number(options.maxFileSize) : defaultMaxFileBytes;
  if (!Number.isFinite(maxFileBytes) || maxFileBytes <= 0) throw new UsageError(`--max-file-size must be a number of bytes`);
  const sources: InputFile[] = [];
  const streamed: StreamedSourceFile[] = [];
  const openFds: number[] = [];
  const readProblems: Diagnostic[] = [];
  let project: Project;
  let texts: Map<string, string>;
  try {
    for (const file of files) {
      const read = readSource(file, maxFileBytes);
      if ('problem' in read) {
        readProblems.push(read.problem);
        continue;
      }
      sources.push(read.source);
      if (read.openFd !== undefined) openFds.push(read.openFd);
      if ('chunks' in read.source) streamed.push(read.source);
    }
    await unpackSheets(sources);
    const cached = options.cache !== false;
    const yamlCache = cached ? createParseCache(io.env, defaultYamlLimits) : undefined;
    const planCache = cached ? createPlanCache(io.env, defaultYamlLimits) : undefined;
    project = loadProject(sources, { encoding: options.encoding, delimiter: options.delimiter, maxFileBytes, yamlCache, planCache });
    texts = new Map([...project.texts, ...streamedTexts(project, streamed, options.encoding)]);
  } finally {
    for (const fd of openFds) closeSync(fd);
  }
  if (configResult.file && configResult.text !== undefined) texts.set(displayFor(io.cwd)(configResult.file), configResult.text);
  return {
    config,
    configFile: configResult.file,
    files,
    project,
    diagnostics: [...configResult.diagnostics, ...readProblems, ...project.diagnostics],
    texts,
    // a file over the size limit is invalid input (exit 1), as when the core finds it; the rest could not be read (exit 2)
    unreadable: readProblems.some((problem) => problem.code === 'file-unreadable'),
  };
}
