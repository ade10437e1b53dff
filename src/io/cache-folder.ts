// The one folder plan-check keeps its caches in (parsed files, plan models, compiled code), and the
// only way in and out of it. Where: $PLAN_CHECK_CACHE_DIR, else $XDG_CACHE_HOME/plan-check, else
// the platform's cache folder under $HOME (~/.cache, ~/Library/Caches) or %LOCALAPPDATA%. A
// relative path is ignored (the XDG spec says so of XDG_CACHE_HOME); no folder: no cache.
//
// Nothing in the folder is trusted that this install did not write and cannot verify:
// - the folder is used only when it is reached without a symbolic link anywhere on its path, is
//   owned by the user and not writable by group or others (it is made 0700), and, unless named
//   by $PLAN_CHECK_CACHE_DIR, does not lie inside the tree plan-check reads its inputs from;
// - it holds a per-install secret (`pc-secret.key`, 32 random bytes, mode 0600, the user's own);
// - every entry starts with a tag and an HMAC-SHA-256, keyed with that secret, of the entry's
//   name and body: a forged, edited, truncated or swapped entry does not verify;
// - entries are opened without following links, checked with fstat to be a regular file of the
//   user's under a size bound, and read from that descriptor; anything else is ignored and counted.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, mkdirSync, openSync, readSync, realpathSync, writeSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './write-output.js';

const SECRET_NAME = 'pc-secret.key';
const SECRET_BYTES = 32;
const ENTRY_TAG = Buffer.from('PCC1');
const HMAC_BYTES = 32;

interface CacheLocation {
  folder: string;
  /** named by PLAN_CHECK_CACHE_DIR: the user chose it, inside the input tree or not */
  explicit: boolean;
}

/** Where the cache would be, from the environment alone; relative paths are ignored. */
export function cacheLocation(env: Record<string, string | undefined>, platform: string = process.platform): CacheLocation | undefined {
  const absolute = (value: string | undefined): string | undefined =>
    value && (path.isAbsolute(value) || (platform === 'win32' && path.win32.isAbsolute(value))) ? value : undefined;
  const chosen = absolute(env.PLAN_CHECK_CACHE_DIR);
  if (chosen) return { folder: chosen, explicit: true };
  if (env.PLAN_CHECK_CACHE_DIR) return undefined; // a relative folder was asked for: no cache rather than another one
  const xdg = absolute(env.XDG_CACHE_HOME);
  if (xdg) return { folder: path.join(xdg, 'plan-check'), explicit: false };
  if (platform === 'win32' && absolute(env.LOCALAPPDATA))
    return { folder: path.join(env.LOCALAPPDATA!, 'plan-check', 'Cache'), explicit: false };
  const home = absolute(env.HOME);
  if (!home) return undefined;
  return {
    folder: platform === 'darwin' ? path.join(home, 'Library', 'Caches', 'plan-check') : path.join(home, '.cache', 'plan-check'),
    explicit: false,
  };
}

/** The folder's path (see cacheLocation), or undefined. */
export function cacheFolder(env: Record<string, string | undefined>, platform: string = process.platform): string | undefined {
  return cacheLocation(env, platform)?.folder;
}

const ownUid = (): number | undefined => (typeof process.getuid === 'function' ? process.getuid() : undefined);

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

export type Refusal =
  'relative' | 'cannot-make' | 'link' | 'not-a-folder' | 'not-owned' | 'writable-by-others' | 'inside-inputs' | 'bad-secret';

/** A cache folder that passed every check, with its secret. */
export interface TrustedCache {
  folder: string;
  /** entries seen and ignored: not a regular file of the user's, too large, or not verified */
  rejected: { count: number };
  /** the verified body of entry `name`, or undefined (missing: not counted; anything else: counted) */
  read(name: string, maxBytes: number): Buffer | undefined;
  /** write entry `name` (tag, HMAC, body) atomically, mode 0600; false when it could not be written */
  write(name: string, body: () => ReadonlyArray<Uint8Array | string>): boolean;
}

/**
 * Open a file without following a link, and read it whole when it is a regular file of the user's
 * of at most `maxBytes` (what `exactBytes` says, if given). 'missing', 'refused' or the bytes.
 */
function readOwnRegularFile(file: string, maxBytes: number, privateOnly = false): Buffer | 'missing' | 'refused' {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'refused';
  }
  try {
    const stats = fstatSync(fd);
    const uid = ownUid();
    if (!stats.isFile() || stats.size > maxBytes) return 'refused';
    if (uid !== undefined && stats.uid !== uid) return 'refused';
    if (privateOnly && uid !== undefined && (stats.mode & 0o077) !== 0) return 'refused';
    const bytes = Buffer.alloc(stats.size);
    let offset = 0;
    while (offset < bytes.length) {
      const read = readSync(fd, bytes, offset, bytes.length - offset, null);
      if (read === 0) break;
      offset += read;
    }
    return offset === bytes.length ? bytes : 'refused';
  } catch {
    return 'refused';
  } finally {
    closeSync(fd);
  }
}

/** Check the folder (made 0700 when missing): no link on its path, the user's, not writable by others. */
function checkCacheFolder(folder: string): Refusal | undefined {
  if (!path.isAbsolute(folder)) return 'relative';
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
  } catch {
    return 'cannot-make';
  }
  let stats;
  try {
    stats = lstatSync(folder);
    if (stats.isSymbolicLink()) return 'link';
    if (!stats.isDirectory()) return 'not-a-folder';
    if (realpathSync(folder) !== path.resolve(folder)) return 'link'; // a link earlier on the path
  } catch {
    return 'cannot-make';
  }
  const uid = ownUid();
  if (uid === undefined) return undefined; // Windows: the profile's folder, guarded by its ACLs
  if (stats.uid !== uid) return 'not-owned';
  if ((stats.mode & 0o022) !== 0) return 'writable-by-others';
  return undefined;
}

/** The install's secret, made when there is none; undefined when what is there cannot be trusted. */
function loadSecret(folder: string): Buffer | undefined {
  const file = path.join(folder, SECRET_NAME);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const found = readOwnRegularFile(file, SECRET_BYTES, true);
    if (found === 'refused') return undefined;
    if (found !== 'missing') return found.length === SECRET_BYTES ? found : undefined;
    let fd: number;
    try {
      fd = openSync(file, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue; // another run made it: read theirs
      return undefined;
    }
    const secret = randomBytes(SECRET_BYTES);
    try {
      writeSync(fd, secret);
    } finally {
      closeSync(fd);
    }
    return secret;
  }
  return undefined;
}

function entryMac(secret: Buffer, name: string, body: ReadonlyArray<Uint8Array | string>): Buffer {
  const mac = createHmac('sha256', secret).update(ENTRY_TAG).update(name).update('\0');
  for (const part of body) mac.update(part);
  return mac.digest();
}

/**
 * The cache folder, checked, with its secret; or why not. `inputRoots`: the folders and files the
 * inputs are read from; a folder not named by PLAN_CHECK_CACHE_DIR inside one of them is refused
 * (a cache kept in a project folder can be written by whoever writes the project).
 */
export function openTrustedCache(location: CacheLocation, inputRoots: readonly string[] = []): TrustedCache | Refusal {
  const { folder } = location;
  if (!path.isAbsolute(folder)) return 'relative';
  if (!location.explicit && inputRoots.some((root) => isInside(path.resolve(folder), path.resolve(root)))) return 'inside-inputs';
  const refusal = checkCacheFolder(folder);
  if (refusal) return refusal;
  const secret = loadSecret(folder);
  if (!secret) return 'bad-secret';
  const rejected = { count: 0 };
  return {
    folder,
    rejected,
    read(name, maxBytes) {
      const bytes = readOwnRegularFile(path.join(folder, name), maxBytes + ENTRY_TAG.length + HMAC_BYTES);
      if (bytes === 'missing') return undefined;
      if (bytes === 'refused' || bytes.length < ENTRY_TAG.length + HMAC_BYTES || !bytes.subarray(0, ENTRY_TAG.length).equals(ENTRY_TAG)) {
        rejected.count += 1;
        return undefined;
      }
      const body = bytes.subarray(ENTRY_TAG.length + HMAC_BYTES);
      if (!timingSafeEqual(entryMac(secret, name, [body]), bytes.subarray(ENTRY_TAG.length, ENTRY_TAG.length + HMAC_BYTES))) {
        rejected.count += 1;
        return undefined;
      }
      return body;
    },
    write(name, body) {
      return (
        writeFileAtomic(
          path.join(folder, name),
          () => {
            const parts = body();
            return [ENTRY_TAG, entryMac(secret, name, parts), ...parts];
          },
          { mode: 0o600 },
        ) === 'written'
      );
    },
  };
}

/** The trusted cache at `location`, or undefined when there is none or it fails a check. */
export function trustedCache(location: CacheLocation | undefined, inputRoots: readonly string[] = []): TrustedCache | undefined {
  if (!location) return undefined;
  const cache = openTrustedCache(location, inputRoots);
  return typeof cache === 'string' ? undefined : cache;
}
