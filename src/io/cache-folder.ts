// The one folder plan-check keeps its caches in (parsed files, plan models, compiled code):
// $PLAN_CHECK_CACHE_DIR, else $XDG_CACHE_HOME/plan-check, else the platform's cache folder under
// $HOME (~/.cache, ~/Library/Caches) or %LOCALAPPDATA%. No folder (no HOME): no cache. Entries
// are written atomically, by writeCacheEntry.
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

export function cacheFolder(env: Record<string, string | undefined>, platform: string = process.platform): string | undefined {
  if (env.PLAN_CHECK_CACHE_DIR) return env.PLAN_CHECK_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'plan-check');
  if (platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'plan-check', 'Cache');
  if (!env.HOME) return undefined;
  return platform === 'darwin' ? path.join(env.HOME, 'Library', 'Caches', 'plan-check') : path.join(env.HOME, '.cache', 'plan-check');
}

/**
 * Write one cache entry atomically: a temporary file in the folder (made if need be), then a
 * rename, so a reader sees the whole entry or none. The contents are made only once the temporary
 * file is open: making them may cost milliseconds a read-only folder should not. False when the
 * folder cannot be written (read-only, full, not a folder); nothing is left behind then.
 */
export function writeCacheEntry(file: string, contents: () => ReadonlyArray<Uint8Array | string>): boolean {
  const temporary = `${file}.${process.pid}.tmp`;
  let fd: number | undefined;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    fd = openSync(temporary, 'w');
    for (const part of contents()) {
      const bytes = typeof part === 'string' ? Buffer.from(part) : part;
      for (let written = 0; written < bytes.length; ) written += writeSync(fd, bytes, written);
    }
    closeSync(fd);
    fd = undefined;
    renameSync(temporary, file);
    return true;
  } catch {
    try {
      if (fd !== undefined) closeSync(fd);
      rmSync(temporary, { force: true });
    } catch {
      // the folder itself is not there
    }
    return false;
  }
}
