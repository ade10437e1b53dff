// The one way plan-check writes a file (reports with -o, cache entries, the files of init): to a
// temporary file beside the target, then moved into place, so a reader sees the whole file or
// none and a failure leaves no partial file and an older one untouched. Writing a report over an
// input file (also through a symlink or a hard link) is refused, and so is anything at the target
// that is not a regular file (a device, FIFO, socket or folder). A replaced report keeps its mode
// and, where the user may, its owner. The temporary file has a short name of its own (a legal
// target name never becomes too long) and is removed on any error and on SIGINT/SIGTERM/SIGHUP.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import type { Stats } from 'node:fs';
import path from 'node:path';

export type Written = 'written' | 'exists' | { failed: string };

interface WriteOptions {
  /** never replace: a file, folder or link already at the target is left alone ('exists') */
  exclusive?: boolean;
  /** make the folder (and its parents) when it is missing */
  makeFolder?: boolean;
  /** flush to the disk before the file takes its name (reports: the user keeps them) */
  sync?: boolean;
  /** mode of a new file (before the umask); default 0644 */
  mode?: number;
  /** when replacing a regular file, give the new one its mode and (where permitted) its owner */
  keepModeAndOwner?: boolean;
}

/** The temporary files being written now: removed if a signal ends the process. */
const liveTemporaries = new Set<string>();
const cleanupSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let signalsWatched = false;

function removeTemporariesAndDie(signal: NodeJS.Signals): void {
  for (const file of liveTemporaries) {
    try {
      rmSync(file, { force: true });
    } catch {
      // the folder went away
    }
  }
  liveTemporaries.clear();
  signalsWatched = false;
  for (const name of cleanupSignals) process.removeListener(name, removeTemporariesAndDie);
  // end the way the signal would have (exit status 128+n for the shell), now that nothing is left behind
  process.kill(process.pid, signal);
}

/**
 * Watch the signals that end a run while a file is written. The writes are synchronous: a signal
 * that arrives during one is handled once it returns (its temporary file already removed or
 * renamed), and the process then ends by the same signal; without a handler Node would die in the
 * middle of the write. The handlers stay until the event loop has polled once more (a signal
 * caught meanwhile is delivered then), so Ctrl-C stops long work as usual.
 */
function watchSignals(): void {
  if (signalsWatched) return;
  signalsWatched = true;
  for (const name of cleanupSignals) process.on(name, removeTemporariesAndDie);
  // two turns: the first check phase may come before the poll phase that reads a caught signal
  setImmediate(() => {
    setImmediate(() => {
      if (!signalsWatched || liveTemporaries.size > 0) return;
      signalsWatched = false;
      for (const name of cleanupSignals) process.removeListener(name, removeTemporariesAndDie);
    }).unref();
  }).unref();
}

/** A name for the temporary file beside `target`: short, so a legal name never becomes too long. */
export function temporaryNameFor(target: string): string {
  return path.join(path.dirname(target), `.pc-${randomBytes(6).toString('hex')}.tmp`);
}

/** Give `temporary` the name `target` unless something has it (folders without hard links: checked, then renamed). */
function linkExclusive(temporary: string, target: string): void {
  try {
    linkSync(temporary, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    if (lexists(target)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    renameSync(temporary, target);
  }
}

/** Whether anything (a link too, even a dangling one) is at this path. */
export function lexists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

const failure = (error: unknown): { failed: string } => ({ failed: (error as NodeJS.ErrnoException).code ?? String(error) });

/**
 * Write the parts to `target` atomically. The parts are made only once the temporary file is
 * open: making them may cost milliseconds a read-only folder should not.
 */
export function writeFileAtomic(target: string, parts: () => Iterable<Uint8Array | string>, options: WriteOptions = {}): Written {
  if (options.makeFolder) {
    try {
      mkdirSync(path.dirname(target), { recursive: true });
    } catch (error) {
      return failure(error); // e.g. a file where a folder should be
    }
  }
  watchSignals();
  const temporary = temporaryNameFor(target);
  let fd: number | undefined;
  try {
    liveTemporaries.add(temporary);
    fd = openSync(temporary, 'wx', options.mode ?? 0o644);
    if (options.keepModeAndOwner) keepModeAndOwner(fd, target);
    for (const part of parts()) {
      const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
      for (let offset = 0; offset < bytes.length;) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    }
    if (options.sync) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    if (options.exclusive) {
      // a hard link takes the name only if nothing has it; rename would replace what is there
      linkExclusive(temporary, target);
    } else {
      renameSync(temporary, target);
    }
    return 'written';
  } catch (error) {
    return options.exclusive && (error as NodeJS.ErrnoException).code === 'EEXIST' ? 'exists' : failure(error);
  } finally {
    try {
      if (fd !== undefined) closeSync(fd);
      rmSync(temporary, { force: true });
    } catch {
      // the folder itself is not there
    }
    liveTemporaries.delete(temporary);
  }
}

/** Give the open file the mode and, where permitted (root, or the same owner), the owner of the regular file it replaces. */
function keepModeAndOwner(fd: number, target: string): void {
  let old: Stats;
  try {
    old = statSync(target);
  } catch {
    return; // a new file
  }
  if (!old.isFile()) return;
  fchmodSync(fd, old.mode & 0o7777);
  try {
    fchownSync(fd, old.uid, old.gid);
  } catch {
    // not permitted: the report is the writer's, as any new file would be
  }
  if ((old.mode & 0o6000) !== 0) fchmodSync(fd, old.mode & 0o7777); // chown clears set-id bits
}

/** What is at the target when it is not a regular file (nor nothing): the -o path is refused. */
type NotAFile = 'folder' | 'device' | 'fifo' | 'socket' | 'other';

function notAFile(target: string): NotAFile | undefined {
  let stats: Stats;
  try {
    stats = statSync(target);
  } catch {
    return undefined; // nothing there (or a dangling link): a new path
  }
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return 'folder';
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'device';
  if (stats.isFIFO()) return 'fifo';
  if (stats.isSocket()) return 'socket';
  return 'other';
}

function sameFile(a: string, b: string): boolean {
  try {
    const [sa, sb] = [statSync(a), statSync(b)];
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

function resolvedTarget(target: string): string {
  try {
    return realpathSync(target);
  } catch {
    try {
      return path.join(realpathSync(path.dirname(target)), path.basename(target));
    } catch {
      return path.resolve(target);
    }
  }
}

/** A report written with -o: never over one of the inputs, replacing an older report atomically. */
export function writeOutput(
  target: string,
  content: string | Uint8Array,
  inputs: readonly string[],
  options: { makeFolder?: boolean } = {},
): Written | 'is-an-input' | { notAFile: NotAFile } {
  const resolved = resolvedTarget(target);
  const kind = notAFile(resolved);
  if (kind !== undefined) return { notAFile: kind };
  if (inputs.some((input) => resolvedTarget(input) === resolved || sameFile(input, target))) return 'is-an-input';
  return writeFileAtomic(resolved, () => [content], { sync: true, keepModeAndOwner: true, makeFolder: options.makeFolder });
}
