// Start-up through V8's code cache. Node 20 parses and compiles the 0.6 MB bundle on every run
// and has no compile cache of its own (module.enableCompileCache arrived in 22.1), so plan-check
// keeps one: the bundle is compiled with vm.Script, and after the first run the compiled code,
// functions compiled during the run included, is saved next to the parse cache and handed back to
// V8 on the next run, which then deserialises instead of compiling.
//
// An entry is named by a hash of the bundle itself, the command (each keeps the functions it compiled: code cached
// by a `--version` run would leave `status` compiling most of its own), the Node version and the
// CPU architecture, and holds a SHA-256
// of V8's data followed by the data. The checksum is ours because V8 checks the header of cached
// data but not its body: a damaged body crashes Node (measured on 20.20). Whatever goes wrong (no
// folder, a damaged entry, another V8, a full disk) the bundle is compiled from source as on the
// first run, and the entry is written again when it can be.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';
import { writeCacheEntry } from './cache-folder.js';

const DIGEST_BYTES = 32;
const ENTRY_PREFIX = 'code-';
const ENTRY_SUFFIX = '.bin';

/** One entry: the code of one bundle for one command (its functions compiled), for one Node and CPU. */
export interface CodeCacheEntry {
  folder: string;
  /** bundleId(source): V8 checks only the length of the source it is given code for */
  bundle: string;
  /** the command run, or "other": each command keeps the code it compiled */
  command: string;
  node?: string;
  arch?: string;
}

const nodeAndArch = (entry: CodeCacheEntry): string => `${entry.node ?? process.version}-${entry.arch ?? process.arch}`;

export function codeCacheFile(entry: CodeCacheEntry): string {
  return path.join(entry.folder, `${ENTRY_PREFIX}${entry.bundle}-${entry.command}-${nodeAndArch(entry)}${ENTRY_SUFFIX}`);
}

/** The arguments before a `--` (after it, everything is a path). */
export function optionArguments(argv: readonly string[]): readonly string[] {
  const end = argv.indexOf('--');
  return end < 0 ? argv : argv.slice(0, end);
}

/** `--no-cache` anywhere before a `--` turns every cache off, this one too. */
export function noCacheRequested(argv: readonly string[]): boolean {
  return optionArguments(argv).includes('--no-cache');
}

function digest(data: Uint8Array | string): Buffer {
  return createHash('sha256').update(data).digest();
}

/**
 * The bundle's identity in entry names: a SHA-256 of its text. V8 accepts cached code for any
 * source of the same length, so a bundle rebuilt with other options, or edited by hand, must not
 * find the code of the one before.
 */
export function bundleId(source: string): string {
  return digest(source).toString('hex').slice(0, 16);
}

/** The cached data of an entry whose checksum holds; anything else is a miss. */
export function readCodeCache(file: string): Buffer | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length <= DIGEST_BYTES) return undefined;
  const data = bytes.subarray(DIGEST_BYTES);
  return digest(data).equals(bytes.subarray(0, DIGEST_BYTES)) ? data : undefined;
}

/**
 * Write an entry (writeCacheEntry: atomically, V8's data made only once it can be written) and
 * remove the entries of other bundles for the same Node and architecture: one bundle's code is
 * kept per Node. Failures are ignored.
 */
export function writeCodeCache(entry: CodeCacheEntry, data: () => Uint8Array): void {
  const written = writeCacheEntry(codeCacheFile(entry), () => {
    const bytes = data();
    return [digest(bytes), bytes];
  });
  if (!written) return;
  const sameNode = `-${nodeAndArch(entry)}${ENTRY_SUFFIX}`;
  const thisBundle = `${ENTRY_PREFIX}${entry.bundle}-`;
  try {
    for (const other of readdirSync(entry.folder)) {
      if (other.startsWith(ENTRY_PREFIX) && other.endsWith(sameNode) && !other.startsWith(thisBundle)) rmSync(path.join(entry.folder, other), { force: true });
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
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: bundlePath, cachedData });
  const module = { exports: {} as Record<string, unknown> };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, createRequire(bundlePath), module, bundlePath, path.dirname(bundlePath));
  return {
    exports: module.exports,
    usedCache: cachedData !== undefined && !script.cachedDataRejected,
    cachedData: () => script.createCachedData(),
  };
}
