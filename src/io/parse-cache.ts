// The parse cache: the data of YAML files that parsed cleanly, and the normalised model of plans
// that loaded without a diagnostic, kept between runs by content, so an unchanged plan is not
// parsed or checked again (like ESLint's --cache). One file per entry, `pc-HASH.json` (data) or
// `pc-HASH.plan.json` (model), named by the SHA-256 of the build, the limits and the text: a
// changed file, a new plan-check or other limits simply miss. Entries go in and out through the
// trusted cache folder (src/io/cache-folder.ts: the user's own folder, every entry HMAC-checked
// with a per-install secret, read only as a regular file under a size bound); an entry that does
// not verify is a miss and is written again; a folder that fails a check or cannot be written is
// ignored. Pruning removes only files of this cache's own name format, and the cap holds within a
// run. `--no-cache` turns it off.
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { PlanCache, PlanSnapshot } from '../core/plan-snapshot.js';
import type { YamlCache, YamlLimits } from '../core/yaml-source.js';
import { type TrustedCache, cacheLocation, trustedCache } from './cache-folder.js';
import { newMapping } from '../core/plain-data.js';

declare const __PLAN_CHECK_BUILD__: string | undefined;

/** Set by the build (a hash of the sources); unbundled runs (tests, development) have no cache. */
const buildId = typeof __PLAN_CHECK_BUILD__ === 'string' ? __PLAN_CHECK_BUILD__ : undefined;

/** Entries kept; beyond this the oldest go (checked after every write, so it holds within a run). */
export const MAX_ENTRIES = 2000;

/** The largest entry read back; a larger file is not this cache's and is ignored (and counted). */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;

/** The names this cache writes, and the only ones it ever removes. */
const OWN_ENTRY = /^pc-[0-9a-f]{64}(\.plan)?\.json$/;

/** JSON keeps numbers only when finite and not -0; anything else is not cached. */
function serialise(data: unknown): string | undefined {
  let exact = true;
  const text = JSON.stringify(data, (_key, value: unknown) => {
    if (typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0))) exact = false;
    return value;
  });
  return exact ? text : undefined;
}

/** Objects come back inheriting nothing, as the parser gives them (plain-data.ts): `__proto__` and `toString` are data. */
function withoutPrototypes(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = withoutPrototypes(value[i]);
    return value;
  }
  const out = newMapping();
  for (const key of Object.keys(value)) out[key] = withoutPrototypes((value as Record<string, unknown>)[key]);
  return out;
}

/** One kind of entry: its name in the key, its file extension, and how it is written and read. */
interface EntryKind<T> {
  name: string;
  extension: string;
  encode(value: T): Uint8Array | string | undefined;
  decode(bytes: Buffer): T;
}

/** Where the cache may be, and the input tree it must not lie in (unless named by PLAN_CHECK_CACHE_DIR). */
interface CacheOptions {
  inputRoots?: readonly string[];
}

/** How many entries of this cache's own format the folder holds; kept up to date by the writes of this run. */
const entryCounts = new WeakMap<TrustedCache, { count: number }>();

function contentCache<T>(
  env: Record<string, string | undefined>,
  limits: YamlLimits,
  build: string | undefined,
  kind: EntryKind<T>,
  options: CacheOptions,
) {
  const location = cacheLocation(env);
  if (!location || !build) return undefined;
  const salt = `${kind.name}\0${build}\0${limits.maxDepth}\0${limits.maxNodes}\0`;
  const entryFor = (text: string): string => `pc-${createHash('sha256').update(salt).update(text).digest('hex')}${kind.extension}`;
  // the folder is checked when first used: a run that hits no YAML file touches nothing
  let folder: TrustedCache | null | undefined;
  const trusted = (): TrustedCache | undefined => {
    if (folder === undefined) folder = trustedCache(location, options.inputRoots) ?? null;
    return folder ?? undefined;
  };
  let writable = true;
  return {
    get(text: string): T | undefined {
      const cache = trusted();
      const bytes = cache?.read(entryFor(text), MAX_ENTRY_BYTES);
      if (bytes === undefined) return undefined;
      try {
        return kind.decode(bytes);
      } catch {
        return undefined; // verified but not readable (another format): parse again
      }
    },
    set(text: string, value: T): void {
      const cache = trusted();
      if (!cache || !writable) return;
      const encoded = kind.encode(value);
      if (encoded === undefined) return;
      if (!cache.write(entryFor(text), () => [encoded])) {
        writable = false; // read-only, full or not a folder: run without writing
        return;
      }
      try {
        keepWithinCap(cache);
      } catch {
        writable = false;
      }
    },
    /** entries seen and ignored in this run (not a regular file of the user's, too large, not verified) */
    rejected: (): number => (folder ? folder.rejected.count : 0),
  };
}

/** Count this cache's own entries once per folder and run, then after each write prune the oldest beyond MAX_ENTRIES. */
function keepWithinCap(cache: TrustedCache): void {
  let counted = entryCounts.get(cache);
  if (!counted) {
    counted = { count: ownEntries(cache.folder).length };
    entryCounts.set(cache, counted);
  } else {
    counted.count += 1; // an overwrite of an entry counts too: a recount at the cap corrects it
  }
  if (counted.count <= MAX_ENTRIES) return;
  counted.count = prune(cache.folder);
}

function ownEntries(folder: string): string[] {
  return readdirSync(folder).filter((name) => OWN_ENTRY.test(name));
}

/** Remove the oldest of this cache's own entries beyond MAX_ENTRIES; returns how many are left. */
function prune(folder: string): number {
  const names = ownEntries(folder);
  if (names.length <= MAX_ENTRIES) return names.length;
  const byAge = names
    .map((name) => {
      try {
        const stats = lstatSync(path.join(folder, name));
        return stats.isFile() ? { name, time: stats.mtimeMs } : undefined;
      } catch {
        return undefined;
      }
    })
    .filter((entry): entry is { name: string; time: number } => entry !== undefined)
    .sort((a, b) => a.time - b.time || (a.name < b.name ? -1 : 1));
  const excess = byAge.slice(0, Math.max(0, names.length - MAX_ENTRIES));
  for (const { name } of excess) rmSync(path.join(folder, name), { force: true });
  return names.length - excess.length;
}

/** Parsed YAML data, as JSON. */
export function createParseCache(
  env: Record<string, string | undefined>,
  limits: YamlLimits,
  build: string | undefined = buildId,
  options: CacheOptions = {},
) {
  return contentCache<unknown>(
    env,
    limits,
    build,
    {
      name: 'plan-check-parse/1',
      extension: '.json',
      encode: serialise,
      decode: (bytes) => withoutPrototypes(JSON.parse(bytes.toString('utf8'))),
    },
    options,
  ) satisfies YamlCache | undefined;
}

/** Normalised plans (src/core/plan-snapshot.ts): the snapshot's own JSON text. */
export function createPlanCache(
  env: Record<string, string | undefined>,
  limits: YamlLimits,
  build: string | undefined = buildId,
  options: CacheOptions = {},
) {
  return contentCache<PlanSnapshot>(
    env,
    limits,
    build,
    {
      name: 'plan-check-plan/1',
      extension: '.plan.json',
      encode: (snapshot) => snapshot,
      decode: (bytes) => bytes.toString('utf8') as PlanSnapshot,
    },
    options,
  ) satisfies PlanCache | undefined;
}
