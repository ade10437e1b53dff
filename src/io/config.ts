// plan-check.yaml: found in the working folder or a parent, read here with exactly the checks a
// plan file gets (a regular file, opened without blocking and checked with fstat before it is
// read, under the size limit; decoded by the core as strictly), checked by the core. A config
// found by searching that is a link to a file outside its own folder is not read: it is reported,
// as a plan file found in a folder would be.
import { closeSync, constants, existsSync, fstatSync, lstatSync, openSync, readFileSync, realpathSync } from 'node:fs';
import { lexists } from './write-output.js';
import path from 'node:path';
import { type CheckedConfig, type Config, checkConfig } from '../core/config-check.js';
import { makeDiagnostic } from '../core/diagnostics.js';
import { defaultMaxFileBytes } from '../core/project.js';

export type { Config };

export interface LoadedConfig extends CheckedConfig {
  file?: string;
  folder?: string;
  /** the file is not there (or cannot be opened at all) */
  missing?: boolean;
  /** the file is there but was not read: not a regular file, or a link out of its folder */
  unreadable?: boolean;
  /** found by searching upwards, in a parent of the working folder (not named, not in the working folder) */
  fromParent?: boolean;
}

const CONFIG_NAME = 'plan-check.yaml';

export function findConfigFile(cwd: string): string | undefined {
  let folder = path.resolve(cwd);
  for (;;) {
    const candidate = path.join(folder, CONFIG_NAME);
    if (existsSync(candidate) || lexists(candidate)) return candidate;
    const parent = path.dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

/** A found link whose real file lies outside the config's own folder. */
function linksOutOfItsFolder(file: string): boolean {
  try {
    if (!lstatSync(file).isSymbolicLink()) return false;
    const relative = path.relative(realpathSync(path.dirname(file)), realpathSync(file));
    return relative.startsWith('..') || path.isAbsolute(relative);
  } catch {
    return false; // dangling: opening it reports the problem
  }
}

export interface ConfigReadOptions {
  /** the file was found by searching (not named by --config or among the paths) */
  found?: boolean;
  maxBytes?: number;
}

export function loadConfig(file: string, display: (absolute: string) => string, options: ConfigReadOptions = {}): LoadedConfig {
  const shown = display(file);
  const folder = path.dirname(file);
  const start = { line: 1, column: 1 };
  const unreadable = (reason: string): LoadedConfig => ({
    file,
    folder,
    config: {},
    diagnostics: [makeDiagnostic('file-unreadable', shown, start, { reason })],
    unreadable: true,
  });
  if (options.found && linksOutOfItsFolder(file)) return unreadable('a link to a file outside its folder (not read)');
  const maxBytes = options.maxBytes ?? defaultMaxFileBytes;
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { file, config: {}, diagnostics: [], missing: true };
    return unreadable(code ?? String(error));
  }
  let bytes: Buffer;
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return unreadable('not a regular file (a folder, device, pipe or socket)');
    if (stats.size > maxBytes)
      return {
        file,
        folder,
        config: {},
        diagnostics: [makeDiagnostic('file-too-large', shown, start, { size: stats.size, limit: maxBytes })],
      };
    bytes = readFileSync(fd);
  } catch (error) {
    return unreadable((error as NodeJS.ErrnoException).code ?? String(error));
  } finally {
    closeSync(fd);
  }
  return { file, folder, ...checkConfig(bytes, shown) };
}
