// The parse cache: the data of YAML files that parsed cleanly, and the normalised model of plans
// that loaded without a diagnostic, kept between runs by content, so an unchanged plan is not
// parsed or checked again (like ESLint's --cache). One JSON file per entry, named by the
// SHA-256 of the build, the limits and the text: a changed file, a new plan-check or other limits
// simply miss. Entries are written atomically (temp file, then rename); an entry that cannot be
// read or parsed is a miss and is written again; a cache folder that cannot be written is ignored.
// Where: src/io/cache-folder.ts. `--no-cache` turns it off.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import type { PlanCache, PlanSnapshot } from '../core/plan-snapshot.js';
import type { YamlCache, YamlLimits } from '../core/yaml-source.js';
import { cacheFolder, writeCacheEntry } from './cache-folder.js';
import { newMapping } from '../core/plain-data.js';

declare const __PLAN_CHECK_BUILD__: string | undefined;

/** Set by the build (a hash of the sources); unbundled runs (tests, development) have no cache. */
const buildId = typeof __PLAN_CHECK_BUILD__ === 'string' ? __PLAN_CHECK_BUILD__ : undefined;

/** Entries kept; beyond this the oldest go, once per run. */
const MAX_ENTRIES = 2000;

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

function contentCache<T>(env: Record<string, string | undefined>, limits: YamlLimits, build: string | undefined, kind: EntryKind<T>) {
  const folder = cacheFolder(env);
  if (!folder || !build) return undefined;
  const salt = `${kind.name}\0${build}\0${limits.maxDepth}\0${limits.maxNodes}\0`;
  const entryFor = (text: string): string => path.join(folder, `${createHash('sha256').update(salt).update(text).digest('hex')}${kind.extension}`);
  let writable = true;
  let pruned = false;
  return {
    get(text: string): T | undefined {
      try {
        return kind.decode(readFileSync(entryFor(text)));
      } catch {
        return undefined; // missing, unreadable or corrupt: parse again
      }
    },
    set(text: string, value: T): void {
      if (!writable) return;
      const encoded = kind.encode(value);
      if (encoded === undefined) return;
      if (!writeCacheEntry(entryFor(text), () => [encoded])) {
        writable = false; // read-only, full or not a folder: run without writing
        return;
      }
      if (!pruned) {
        pruned = true;
        try {
          prune(folder);
        } catch {
          writable = false;
        }
      }
    },
  };
}

/** Parsed YAML data, as JSON. */
export function createParseCache(env: Record<string, string | undefined>, limits: YamlLimits, build: string | undefined = buildId): YamlCache | undefined {
  return contentCache<unknown>(env, limits, build, {
    name: 'plan-check-parse/1',
    extension: '.json',
    encode: serialise,
    decode: (bytes) => withoutPrototypes(JSON.parse(bytes.toString('utf8'))),
  });
}

/** Normalised plans (src/core/plan-snapshot.ts): the snapshot's own JSON text. */
export function createPlanCache(env: Record<string, string | undefined>, limits: YamlLimits, build: string | undefined = buildId): PlanCache | undefined {
  return contentCache<PlanSnapshot>(env, limits, build, {
    name: 'plan-check-plan/1',
    extension: '.plan.json',
    encode: (snapshot) => snapshot,
    decode: (bytes) => bytes.toString('utf8') as PlanSnapshot,
  });
}

function prune(folder: string): void {
  const names = readdirSync(folder).filter((name) => name.endsWith('.json'));
  if (names.length <= MAX_ENTRIES) return;
  const byAge = names.map((name) => ({ name, time: statSync(path.join(folder, name)).mtimeMs })).sort((a, b) => a.time - b.time);
  for (const { name } of byAge.slice(0, names.length - MAX_ENTRIES)) rmSync(path.join(folder, name), { force: true });
}
