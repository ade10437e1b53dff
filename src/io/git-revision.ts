// Plan files at a git revision, read with git itself (no shell: arguments go to git as they are).
import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { sourceKindOf } from '../core/project.js';

export class GitError extends Error {}

const MAX_OUTPUT = 256 * 1024 * 1024;

function git(args: readonly string[], cwd: string): Buffer {
  try {
    return execFileSync('git', args, { cwd, maxBuffer: MAX_OUTPUT, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: Buffer };
    if (failure.code === 'ENOENT') throw new GitError('git is not installed (or not on PATH)');
    throw new GitError((failure.stderr?.toString('utf8').trim() || failure.message).split('\n')[0]!);
  }
}

/** A revision is never read as an option (a name starting with "-"). */
function checkedRevision(revision: string): string {
  if (revision === '' || revision.startsWith('-') || /[\0\n]/.test(revision)) throw new GitError(`not a git revision: "${revision}"`);
  return revision;
}

/** The commit a revision names, or undefined when it names none (or cwd is not in a git repository). */
export function resolveCommit(revision: string, cwd: string): string | undefined {
  if (revision === '' || revision.startsWith('-') || /[\0\n]/.test(revision)) return undefined;
  try {
    return (
      git(['rev-parse', '--verify', '--quiet', `${revision}^{commit}`], cwd)
        .toString('utf8')
        .trim() || undefined
    );
  } catch {
    return undefined;
  }
}

/** The common ancestor of two revisions (A...B compares it with B, as git diff does). */
export function mergeBase(a: string, b: string, cwd: string): string {
  return git(['merge-base', checkedRevision(a), checkedRevision(b)], cwd)
    .toString('utf8')
    .trim();
}

interface RevisionFile {
  /** path from the repository's top folder, for `git show REV:PATH` */
  repoPath: string;
  /** as shown to the user: relative to cwd, with forward slashes */
  display: string;
}

const SKIPPED_FOLDERS = new Set(['node_modules', 'dist']);

/**
 * The plan files (*.plan.yaml, *.plan.yml) a revision holds under the given paths (relative to
 * cwd), skipping the folders a folder search skips (hidden ones, node_modules, dist).
 */
export function listPlanFilesAt(revision: string, paths: readonly string[], cwd: string): RevisionFile[] {
  const commit = checkedRevision(revision);
  const top = git(['rev-parse', '--show-toplevel'], cwd).toString('utf8').trim();
  const listed = git(
    ['ls-tree', '-r', '-z', '--name-only', '--full-name', commit, '--', ...(paths.length > 0 ? paths : ['.'])],
    cwd,
  ).toString('utf8');
  // git names the top folder by its real path (/private/tmp on macOS where cwd says /tmp)
  const here = realpathSync(cwd);
  const files: RevisionFile[] = [];
  for (const repoPath of listed.split('\0')) {
    if (!repoPath || sourceKindOf(repoPath) !== 'plan') continue;
    const folders = repoPath.split('/').slice(0, -1);
    if (folders.some((folder) => folder.startsWith('.') || SKIPPED_FOLDERS.has(folder))) continue;
    const display = path.relative(here, path.join(top, repoPath)).split(path.sep).join('/');
    files.push({ repoPath, display });
  }
  return files.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
}

/** The bytes of one file at a revision. */
export function readFileAt(revision: string, repoPath: string, cwd: string): Uint8Array {
  return git(['show', `${checkedRevision(revision)}:${repoPath}`], cwd);
}
