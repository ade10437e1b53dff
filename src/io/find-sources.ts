// Find the files to read: path arguments (files or folders, searched recursively), else the globs
// of plan-check.yaml, else the current folder.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { type SourceKind, sourceKindOf } from '../core/project.js';

export interface FoundFile {
  absolute: string;
  /** as shown to the user: relative to the working folder when inside it */
  display: string;
  kind: SourceKind;
  /** set when the file must not be read: a link found in a folder that leads outside it */
  refused?: 'outside';
}

export class UsageError extends Error {}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', '.cache']);

function displayPath(absolute: string, cwd: string): string {
  const relative = path.relative(cwd, absolute);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : absolute;
}

function walk(folder: string, out: string[]): void {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) walk(path.join(folder, entry.name), out);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && sourceKindOf(entry.name)) {
      out.push(path.join(folder, entry.name));
    }
  }
}

/**
 * Files found by searching a folder must really lie inside it: a link planted in a pull request
 * (x.plan.yaml → ~/.git-credentials) would otherwise be read and quoted in CI logs. A file named
 * on the command line is read wherever it is: the user chose it. Returns the files of `files`
 * whose real path lies outside `folder`.
 */
function outsideOf(files: readonly string[], folder: string): string[] {
  let root: string;
  try {
    root = realpathSync(folder);
  } catch {
    return [];
  }
  return files.filter((file) => {
    try {
      const relative = path.relative(root, realpathSync(file));
      return relative.startsWith('..') || path.isAbsolute(relative);
    } catch {
      return false; // a dangling link: reading it reports the problem
    }
  });
}

export function findFromPaths(paths: readonly string[], cwd: string): FoundFile[] {
  const found: string[] = [];
  const outside = new Set<string>();
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      throw new UsageError(`cannot read ${given}: no such file or folder`);
    }
    if (stats.isDirectory()) {
      const inFolder: string[] = [];
      walk(absolute, inFolder);
      for (const file of outsideOf(inFolder, absolute)) outside.add(path.resolve(file));
      found.push(...inFolder);
    } else if (sourceKindOf(absolute)) found.push(absolute);
    else throw new UsageError(`${given} is not a plan-check file (*.plan.yaml, *.actuals.yaml or *.actuals.csv)`);
  }
  return toFound(found, cwd, outside);
}

export const defaultGlobs = {
  plans: ['**/*.plan.yaml', '**/*.plan.yml'],
  actuals: ['**/*.actuals.yaml', '**/*.actuals.yml', '**/*.actuals.csv', '**/*.actuals.xlsx', '**/*.actuals.xls', '**/*.actuals.et'],
};

export function findFromGlobs(globs: readonly string[], base: string, cwd: string): FoundFile[] {
  const matches = globSync([...globs], { cwd: base, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] }).filter((file) => sourceKindOf(file));
  const outside = new Set(outsideOf(matches, base).map((file) => path.resolve(file)));
  return toFound(matches, cwd, outside);
}

function toFound(files: string[], cwd: string, outside: ReadonlySet<string> = new Set()): FoundFile[] {
  const unique = [...new Set(files.map((file) => path.resolve(file)))].sort();
  return unique.map((absolute) => ({
    absolute,
    display: displayPath(absolute, cwd),
    kind: sourceKindOf(absolute)!,
    ...(outside.has(absolute) ? { refused: 'outside' as const } : {}),
  }));
}
