// Find the files to read: path arguments (files or folders, searched recursively), else the globs
// of plan-check.yaml, else the current folder.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { globSync } from 'tinyglobby';
import { type SourceKind, sourceKindOf } from '../core/source-kinds.js';

export interface FoundFile {
  absolute: string;
  /** as shown to the user: relative to the working folder when inside it */
  display: string;
  kind: SourceKind;
  /** set when the file must not be read: a link found in a folder that leads outside it */
  refused?: 'outside';
}

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', 'dist', '.cache']);

/** A path as shown: relative with forward slashes inside the working folder, else absolute. */
export function displayPath(absolute: string, cwd: string): string {
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

/** A path argument that names nothing to read: not there, or not a plan-check file. */
interface PathProblem {
  given: string;
  problem: 'missing' | 'not-a-source';
}

export function findFromPaths(paths: readonly string[], cwd: string): { files: FoundFile[]; problems: PathProblem[] } {
  const found: string[] = [];
  const outside = new Set<string>();
  const problems: PathProblem[] = [];
  for (const given of paths) {
    const absolute = path.resolve(cwd, given);
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      problems.push({ given, problem: 'missing' });
      continue;
    }
    if (stats.isDirectory()) {
      const inFolder: string[] = [];
      walk(absolute, inFolder);
      for (const file of outsideOf(inFolder, absolute)) outside.add(path.resolve(file));
      found.push(...inFolder);
    } else if (sourceKindOf(absolute)) found.push(absolute);
    else problems.push({ given, problem: 'not-a-source' });
  }
  return { files: toFound(found, cwd, outside), problems };
}


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

/** What is at a path: a folder, nothing, or something else (a file, a device). */
export function pathKind(target: string): 'folder' | 'missing' | 'other' {
  try {
    return statSync(target).isDirectory() ? 'folder' : 'other';
  } catch {
    return 'missing';
  }
}
