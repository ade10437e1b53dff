// The code cache (src/io/code-cache.ts): V8's compiled code of the bundle, kept between runs.
// A damaged entry must never reach V8 (a damaged body crashes Node), a rejected one is rewritten,
// and the CLI gives the same output whether the code comes from the cache or from source.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type TrustedCache, openTrustedCache } from '../src/io/cache-folder.js';
import { bundleId, codeCacheFile, noCacheRequested, readCodeCache, runBundle, writeCodeCache } from '../src/io/code-cache.js';
import { VERSION } from '../src/version.js';
import { repoRoot, runBin } from './helpers.js';

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'plan-check-code-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** The folder as the CLI opens it when PLAN_CHECK_CACHE_DIR names it (checked, its secret read or made). */
function trusted(folder: string): TrustedCache {
  const cache = openTrustedCache({ folder, explicit: true });
  if (typeof cache === 'string') throw new Error(`cache folder refused: ${cache}`);
  return cache;
}
/** The verified body of an entry file written by the CLI, or undefined. */
const readBack = (file: string): Buffer | undefined => trusted(path.dirname(file)).read(path.basename(file), 64 * 1024 * 1024);

const codeEntries = (folder: string): string[] =>
  existsSync(folder)
    ? readdirSync(folder)
        .filter((name) => name.startsWith('code-'))
        .sort()
    : [];

/** A small CommonJS bundle with enough functions for V8 to cache. */
function writeBundle(name: string, factor: number): string {
  const file = path.join(work, name);
  const helpers = Array.from({ length: 40 }, (_, i) => `function f${i}(x) { return x * ${i} + ${factor}; }`).join('\n');
  writeFileSync(
    file,
    `${helpers}\nexports.compute = (x) => [${Array.from({ length: 40 }, (_, i) => `f${i}(x)`).join(', ')}].reduce((a, b) => a + b, 0);\nexports.dir = __dirname;\n`,
  );
  return file;
}
/** sum over i of (x·i + factor) for i < 40 */
const expected = (x: number, factor: number): number => x * ((39 * 40) / 2) + 40 * factor;

describe('entries', () => {
  it('are named by build, command, Node version and architecture', () => {
    expect(codeCacheFile({ folder: '/c', bundle: 'abc123', command: 'status', node: 'v20.20.2', arch: 'x64' })).toBe(
      path.join('/c', 'code-abc123-status-v20.20.2-x64.bin'),
    );
  });

  it('read back only when the HMAC holds', () => {
    const entry = { folder: work, bundle: 'b1', command: 'status' };
    const cache = trusted(work);
    const file = codeCacheFile(entry);
    const data = Buffer.from(Array.from({ length: 300 }, (_, i) => i % 251));
    expect(readCodeCache(cache, entry)).toBeUndefined(); // missing
    writeCodeCache(cache, entry, () => data);
    expect(readCodeCache(cache, entry)).toEqual(data);
    const bytes = readFileSync(file);
    expect(bytes.length).toBe(4 + 32 + data.length); // tag, HMAC-SHA-256, V8's data
    // one flipped byte in the body, a truncated file, an empty file: all misses
    const flipped = Buffer.from(bytes);
    flipped[200] = flipped[200]! ^ 0xff;
    writeFileSync(file, flipped);
    expect(readCodeCache(cache, entry)).toBeUndefined();
    writeFileSync(file, bytes.subarray(0, bytes.length - 1));
    expect(readCodeCache(cache, entry)).toBeUndefined();
    writeFileSync(file, Buffer.alloc(0));
    expect(readCodeCache(cache, entry)).toBeUndefined();
  });

  it("replace other builds' entries for the same Node and architecture, and leave other commands and Nodes alone", () => {
    const data = Buffer.from('data');
    const cache = trusted(work);
    const write = (bundle: string, command: string, node: string, arch: string) =>
      writeCodeCache(cache, { folder: work, bundle, command, node, arch }, () => data);
    write('old', 'status', 'v20.20.2', 'x64');
    write('old', 'gaps', 'v20.20.2', 'x64');
    write('old', 'status', 'v22.11.0', 'x64');
    write('old', 'status', 'v20.20.2', 'arm64');
    write('new', 'status', 'v20.20.2', 'x64');
    write('new', 'validate', 'v20.20.2', 'x64');
    expect(codeEntries(work)).toEqual([
      'code-new-status-v20.20.2-x64.bin',
      'code-new-validate-v20.20.2-x64.bin',
      'code-old-status-v20.20.2-arm64.bin',
      'code-old-status-v22.11.0-x64.bin',
    ]);
    expect(readdirSync(work).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('are not written where the folder cannot be made, and that is not an error', () => {
    writeFileSync(path.join(work, 'file'), 'not a folder');
    expect(openTrustedCache({ folder: path.join(work, 'file', 'inner'), explicit: true })).toBe('cannot-make');
    expect(readdirSync(work)).toEqual(['file']);
  });

  it("are not written where the folder's files cannot be made, and V8's data is then not made", () => {
    const cache = trusted(work);
    const entry = { folder: work, bundle: 'b1', command: 'status' };
    let made = 0;
    // a write that fails before its content is asked for (here: into a folder that is not there)
    writeCodeCache({ ...cache, write: (name, body) => cache.write(path.join('no-such-folder', name), body) }, entry, () => {
      made += 1;
      return Buffer.from('data');
    });
    expect(existsSync(codeCacheFile(entry))).toBe(false);
    // V8's data (milliseconds to make) is not made when it cannot be written
    expect(made).toBe(0);
  });
});

describe('running a bundle', () => {
  it('gives the same exports from source and from cached code, and V8 takes the cached code', () => {
    const file = writeBundle('bundle.cjs', 7);
    const source = readFileSync(file, 'utf8');
    const fromSource = runBundle(file, source);
    expect(fromSource.usedCache).toBe(false);
    expect((fromSource.exports.compute as (x: number) => number)(3)).toBe(expected(3, 7));
    expect(fromSource.exports.dir).toBe(work);
    const data = fromSource.cachedData();
    expect(data.length).toBeGreaterThan(0);
    const fromCache = runBundle(file, source, data);
    expect(fromCache.usedCache).toBe(true);
    expect((fromCache.exports.compute as (x: number) => number)(5)).toBe(expected(5, 7));
  });

  it('names entries by the bundle text: V8 alone would take code made for another source of the same length', () => {
    const first = readFileSync(writeBundle('first.cjs', 1), 'utf8');
    const second = readFileSync(writeBundle('second.cjs', 2), 'utf8');
    expect(second.length).toBe(first.length);
    // what the key guards against: V8 accepts the first bundle's code for the second
    const data = runBundle(path.join(work, 'first.cjs'), first).cachedData();
    expect(runBundle(path.join(work, 'second.cjs'), second, data).usedCache).toBe(true);
    expect(bundleId(first)).not.toBe(bundleId(second));
    expect(bundleId(first)).toMatch(/^[0-9a-f]{64}$/); // the whole SHA-256 of the exact text
  });
});

describe('--no-cache', () => {
  it('is seen before a `--` only', () => {
    expect(noCacheRequested(['status', '--no-cache'])).toBe(true);
    expect(noCacheRequested(['--no-cache', 'status'])).toBe(true);
    expect(noCacheRequested(['status'])).toBe(false);
    expect(noCacheRequested(['status', '--', '--no-cache'])).toBe(false);
    expect(noCacheRequested(['status', '--no-cache-x'])).toBe(false);
  });
});

describe('the built CLI', () => {
  const args = ['status', '--as-of', '2024-09-30', '--format', 'json', '--all'];

  it('writes one entry on the first run, uses it on the next, and gives the same output', () => {
    const env = { PLAN_CHECK_CACHE_DIR: work };
    const first = runBin(args, { env });
    expect(first.status).toBe(0);
    const entries = codeEntries(work);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatch(new RegExp(`^code-[0-9a-f]{64}-status-${process.version.replace(/\./g, '\\.')}-${process.arch}\\.bin$`));
    const entry = path.join(work, entries[0]!);
    const written = readFileSync(entry);
    expect(readBack(entry)).toBeDefined();
    const second = runBin(args, { env });
    expect(second).toEqual(first);
    // used, not rewritten
    expect(readFileSync(entry).equals(written)).toBe(true);
    expect(JSON.parse(first.stdout).summary).toBeDefined();
  });

  it('keeps one entry per command, so --version does not leave status compiling its own code', () => {
    const env = { PLAN_CHECK_CACHE_DIR: work };
    expect(runBin(['--version'], { env }).status).toBe(0);
    expect(runBin(args, { env }).status).toBe(0);
    expect(runBin(['validate', 'examples', '--format', 'json'], { env }).status).toBe(0);
    expect(codeEntries(work).map((name) => name.split('-')[2])).toEqual(['other', 'status', 'validate']);
  });

  it('does not write an entry for help or a usage error, whose code would serve later real runs', () => {
    const env = { PLAN_CHECK_CACHE_DIR: work };
    expect(runBin(['status', '--help'], { env }).status).toBe(0);
    expect(runBin(['status', '--as-of', 'soon'], { env }).status).toBe(2);
    expect(codeEntries(work)).toEqual([]);
    expect(runBin(args, { env }).status).toBe(0);
    expect(codeEntries(work).map((name) => name.split('-')[2])).toEqual(['status']);
  });

  it('runs an edited bundle as edited, even when its length is unchanged', () => {
    // a copy of the built CLI, so that the repository's dist/ is left alone
    const copy = path.join(work, 'copy');
    cpSync(path.join(repoRoot, 'dist'), path.join(copy, 'dist'), { recursive: true });
    cpSync(path.join(repoRoot, 'bin'), path.join(copy, 'bin'), { recursive: true });
    const env = { ...process.env, PLAN_CHECK_CACHE_DIR: path.join(work, 'cache'), NO_COLOR: '1' };
    const version = () =>
      spawnSync(process.execPath, [path.join(copy, 'bin', 'plan-check.js'), '--version'], { env, encoding: 'utf8' }).stdout.trim();
    expect(version()).toBe(VERSION);
    expect(codeEntries(path.join(work, 'cache'))).toHaveLength(1);
    const bundle = path.join(copy, 'dist', 'cli.cjs');
    const text = readFileSync(bundle, 'utf8');
    const edited = text.replace(JSON.stringify(VERSION), JSON.stringify(VERSION.replace(/\d/g, '9')));
    expect(edited.length).toBe(text.length);
    expect(edited).not.toBe(text);
    writeFileSync(bundle, edited);
    expect(version()).toBe(VERSION.replace(/\d/g, '9'));
  });

  it('survives a damaged entry: same output, and the entry is written again', () => {
    const env = { PLAN_CHECK_CACHE_DIR: work };
    const clean = runBin(args, { env });
    const entry = path.join(work, codeEntries(work)[0]!);
    const bytes = readFileSync(entry);
    for (let i = 1000; i < bytes.length; i += 997) bytes[i] = bytes[i]! ^ 0x5a; // the damage that crashes V8
    writeFileSync(entry, bytes);
    expect(readBack(entry)).toBeUndefined();
    const after = runBin(args, { env });
    expect(after).toEqual(clean);
    expect(readBack(entry)).toBeDefined();
  });

  it('with --no-cache writes no entry', () => {
    const run = runBin([...args, '--no-cache'], { env: { PLAN_CHECK_CACHE_DIR: work } });
    expect(run.status).toBe(0);
    expect(codeEntries(work)).toEqual([]);
  });
});
