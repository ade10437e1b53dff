// The one way plan-check writes a file (reports with -o, cache entries, the files of init): to a
// temporary file beside the target, then moved into place, so a reader sees the whole file or
// none and a failure leaves no partial file and an older one untouched. Writing a report over an
// input file (also through a symlink or a hard link) is refused.
import { closeSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';

export type Written = 'written' | 'exists' | { failed: string };

interface WriteOptions {
  /** never replace: a file, folder or link already at the target is left alone ('exists') */
  exclusive?: boolean;
  /** make the folder (and its parents) when it is missing */
  makeFolder?: boolean;
  /** flush to the disk before the file takes its name (reports: the user keeps them) */
  sync?: boolean;
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

function lexists(file: string): boolean {
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
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx', 0o644);
    for (const part of parts()) {
      const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part;
      for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
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
  }
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
export function writeOutput(target: string, content: string | Uint8Array, inputs: readonly string[]): Written | 'is-an-input' {
  const resolved = resolvedTarget(target);
  if (inputs.some((input) => resolvedTarget(input) === resolved || sameFile(input, target))) return 'is-an-input';
  return writeFileAtomic(resolved, () => [content], { sync: true });
}
