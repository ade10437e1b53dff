// The one way plan-check writes a file: to a temporary file beside the target, then renamed over it,
// so a failure leaves no partial file and an older report untouched. Writing over an input file
// (also through a symlink or a hard link) is refused.
import { closeSync, fsyncSync, openSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export class OutputIsInputError extends Error {}

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

export function assertNotAnInput(target: string, inputs: readonly string[]): void {
  const resolved = resolvedTarget(target);
  for (const input of inputs) {
    if (resolvedTarget(input) === resolved || sameFile(input, target)) throw new OutputIsInputError(target);
  }
}

export function writeFileAtomic(target: string, content: string | Uint8Array, inputs: readonly string[] = []): void {
  assertNotAnInput(target, inputs);
  const finalPath = resolvedTarget(target);
  const temporary = path.join(path.dirname(finalPath), `.${path.basename(finalPath)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, 'wx', 0o644);
    const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset, bytes.length - offset);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, finalPath);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was created
    }
    throw error;
  }
}
