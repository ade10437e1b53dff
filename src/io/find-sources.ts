// Find the files to read: path arguments (files or folders, searched recursively), else the globs
// of plan-check.yaml, else the current folder.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { type SourceKind, sourceKindOf } from '../core/project.js';

export interface FoundFile {
  absolute: string;
  /** as shown to the user: relative to the working folder when inside it */
  display: string;
  kind: SourceKind;
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

export function findFromPaths(paths: readonly string[], cwd: string): FoundFile[] {
  const found: string[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      throw new UsageError(`cannot read ${given}: no such file or folder`);
    }
    if (stats.isDirectory()) walk(absolute, found);
    else if (sourceKindOf(absolute)) found.push(absolute);
    else throw new UsageError(`${given} is not a plan-check file (*.plan.yaml, *.actuals.yaml or *.actuals.csv)`);
  }
  return toFound(found, cwd);
}

export const defaultGlobs = {
  plans: ['**/*.plan.yaml', '**/*.plan.yml'],
  actuals: ['**/*.actuals.yaml', '**/*.actuals.yml', '**/*.actuals.csv'],
};

export function findFromGlobs(globs: readonly string[], base: string, cwd: string): FoundFile[] {
  const matches = globSync([...globs], { cwd: base, absolute: true, ignore: ['**/node_modules/**', '**/.git/**'] });
  return toFound(matches.filter((file) => sourceKindOf(file)), cwd);
}

function toFound(files: string[], cwd: string): FoundFile[] {
  const unique = [...new Set(files.map((file) => path.resolve(file)))].sort();
  return unique.map((absolute) => ({ absolute, display: displayPath(absolute, cwd), kind: sourceKindOf(absolute)! }));
}
