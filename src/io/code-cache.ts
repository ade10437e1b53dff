// Start-up through V8's code cache. Node 20 parses and compiles the 0.6 MB bundle on every run
// and has no compile cache of its own (module.enableCompileCache arrived in 22.1), so plan-check
// keeps one: the bundle is compiled with vm.Script, and after the first run the compiled code,
// functions compiled during the run included, is saved next to the parse cache and handed back to
// V8 on the next run, which then deserialises instead of compiling.
//
// An entry is named by a SHA-256 of the bundle's exact text (V8 itself checks only the source's
// length), the command (each keeps the functions it compiled: code cached by a `--version` run
// would leave `status` compiling most of its own), the Node version and the CPU architecture. It is
// code that runs, so it goes in and out only through the trusted cache folder
// (src/io/cache-folder.ts): the user's own folder, outside the input tree unless named, every entry
// HMAC-checked with the install's secret before V8 sees it (V8 checks the header of cached data
// but not its body: a damaged body crashes Node, measured on 20.20). Whatever goes wrong (no
// folder, a refused or damaged entry, another V8, a full disk) the bundle is compiled from source
// as on the first run, and the entry is written again when it can be.
import { createHash } from 'node:crypto';
import { readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import type { TrustedCache } from './cache-folder.js';

/** The largest entry read back (V8's code for the whole bundle is a few MB). */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
const ENTRY_PREFIX = 'code-';
const ENTRY_SUFFIX = '.bin';

/** One entry: the code of one bundle for one command (its functions compiled), for one Node and CPU. */
export interface CodeCacheEntry {
  folder: string;
  /** bundleId(source), a SHA-256 of the exact text: V8 checks only the length of the source it is given code for */
  bundle: string;
  /** the command run, or "other": each command keeps the code it compiled */
  command: string;
  node?: string;
  arch?: string;
}

const nodeAndArch = (entry: CodeCacheEntry): string => `${entry.node ?? process.version}-${entry.arch ?? process.arch}`;

const entryName = (entry: CodeCacheEntry): string => `${ENTRY_PREFIX}${entry.bundle}-${entry.command}-${nodeAndArch(entry)}${ENTRY_SUFFIX}`;

export function codeCacheFile(entry: CodeCacheEntry): string {
  return path.join(entry.folder, entryName(entry));
}

/** The names this cache writes (code-BUNDLE-COMMAND-NODE-ARCH.bin), the only ones it removes. */
const OWN_ENTRY = /^code-[0-9a-z]+-[a-z]+-v[0-9.]+-[0-9a-z_]+\.bin$/;

/** The arguments before a `--` (after it, everything is a path). */
export function optionArguments(argv: readonly string[]): readonly string[] {
  const end = argv.indexOf('--');
  return end < 0 ? argv : argv.slice(0, end);
}

/** `--no-cache` anywhere before a `--` turns every cache off, this one too. */
export function noCacheRequested(argv: readonly string[]): boolean {
  return optionArguments(argv).includes('--no-cache');
}

/**
 * The bundle's identity in entry names: the SHA-256 of its exact text. V8 accepts cached code for
 * any source of the same length, so a bundle rebuilt with other options, or edited by hand, must
 * not find the code of the one before.
 */
export function bundleId(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

/** The cached data of an entry that the trusted folder verifies (its HMAC holds); anything else is a miss. */
export function readCodeCache(cache: TrustedCache, entry: CodeCacheEntry): Buffer | undefined {
  const data = cache.read(entryName(entry), MAX_ENTRY_BYTES);
  return data !== undefined && data.length > 0 ? data : undefined;
}

/**
 * Write an entry (atomically, with its HMAC; V8's data made only once it can be written) and
 * remove the entries of other bundles for the same Node and architecture: one bundle's code is
 * kept per Node. Failures are ignored.
 */
export function writeCodeCache(cache: TrustedCache, entry: CodeCacheEntry, data: () => Uint8Array): void {
  const written = cache.write(entryName(entry), () => [data()]);
  if (!written) return;
  const sameNode = `-${nodeAndArch(entry)}${ENTRY_SUFFIX}`;
  const thisBundle = `${ENTRY_PREFIX}${entry.bundle}-`;
  try {
    for (const other of readdirSync(cache.folder)) {
      if (OWN_ENTRY.test(other) && other.endsWith(sameNode) && !other.startsWith(thisBundle))
        rmSync(path.join(cache.folder, other), { force: true });
    }
  } catch {
    // another run may be pruning too
  }
}

interface CompiledBundle {
  exports: Record<string, unknown>;
  /** true when cached data was given and V8 used it */
  usedCache: boolean;
  /** V8's code for the bundle, with every function compiled so far */
  cachedData(): Buffer;
}

/** Compile and run a CommonJS bundle (its text as read from `bundlePath`), with V8 cached data when there is some. */
export function runBundle(bundlePath: string, source: string, cachedData?: Buffer): CompiledBundle {
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundlePath,
    cachedData,
  });
  const module = { exports: {} as Record<string, unknown> };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(bundlePath), module, bundlePath, path.dirname(bundlePath));
  return {
    exports: module.exports,
    usedCache: cachedData !== undefined && !script.cachedDataRejected,
    cachedData: () => script.createCachedData(),
  };
}
