// The one folder plan-check keeps its caches in (parsed files, plan models, compiled code):
// $PLAN_CHECK_CACHE_DIR, else $XDG_CACHE_HOME/plan-check, else the platform's cache folder under
// $HOME (~/.cache, ~/Library/Caches) or %LOCALAPPDATA%. No folder (no HOME): no cache. Entries
// are written atomically, by writeCacheEntry.
import path from 'node:path';
import { writeFileAtomic } from './write-output.js';

export function cacheFolder(env: Record<string, string | undefined>, platform: string = process.platform): string | undefined {
  if (env.PLAN_CHECK_CACHE_DIR) return env.PLAN_CHECK_CACHE_DIR;
  if (env.XDG_CACHE_HOME) return path.join(env.XDG_CACHE_HOME, 'plan-check');
  if (platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'plan-check', 'Cache');
  if (!env.HOME) return undefined;
  return platform === 'darwin' ? path.join(env.HOME, 'Library', 'Caches', 'plan-check') : path.join(env.HOME, '.cache', 'plan-check');
}

/**
 * Write one cache entry atomically (writeFileAtomic), the folder made if need be. False when the
 * folder cannot be written (read-only, full, not a folder); nothing is left behind then.
 */
export function writeCacheEntry(file: string, contents: () => ReadonlyArray<Uint8Array | string>): boolean {
  return writeFileAtomic(file, contents, { makeFolder: true }) === 'written';
}
