// The cache trusts nothing it did not verify (issue 22): only the user's own folder, not writable
// by others, reached without links, never relative, never inside the input tree unless named; every
// entry HMAC-checked with a per-install secret; entries read only as regular files under a bound;
// pruning touches only the cache's own files, and the cap holds within a run.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultYamlLimits } from '../src/core/yaml-source.js';
import { type TrustedCache, cacheLocation, openTrustedCache } from '../src/io/cache-folder.js';
import { bundleId, readCodeCache, writeCodeCache } from '../src/io/code-cache.js';
import { MAX_ENTRIES, createParseCache } from '../src/io/parse-cache.js';
import { repoRoot, runBin } from './helpers.js';

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'plan-check-trust-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const isRoot = process.getuid?.() === 0;

function trusted(folder: string): TrustedCache {
  const cache = openTrustedCache({ folder, explicit: true });
  if (typeof cache === 'string') throw new Error(`refused: ${cache}`);
  return cache;
}

describe('where the cache may be', () => {
  it('ignores a relative XDG_CACHE_HOME (as the XDG spec says), a relative HOME and a relative PLAN_CHECK_CACHE_DIR', () => {
    expect(cacheLocation({ XDG_CACHE_HOME: '.cache', HOME: '/h' }, 'linux')).toEqual({
      folder: path.join('/h', '.cache', 'plan-check'),
      explicit: false,
    });
    expect(cacheLocation({ XDG_CACHE_HOME: '/x', HOME: '/h' }, 'linux')).toEqual({
      folder: path.join('/x', 'plan-check'),
      explicit: false,
    });
    expect(cacheLocation({ HOME: 'home' }, 'linux')).toBeUndefined();
    // asked for a relative folder: no cache at all, rather than some other folder
    expect(cacheLocation({ PLAN_CHECK_CACHE_DIR: 'cache', HOME: '/h' }, 'linux')).toBeUndefined();
    expect(cacheLocation({ PLAN_CHECK_CACHE_DIR: '/c', HOME: '/h' }, 'linux')).toEqual({ folder: '/c', explicit: true });
  });

  it('makes a missing folder 0700 and a secret of 32 bytes at 0600', () => {
    const folder = path.join(work, 'new', 'cache');
    trusted(folder);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    const secret = path.join(folder, 'pc-secret.key');
    expect(statSync(secret).mode & 0o777).toBe(0o600);
    expect(readFileSync(secret)).toHaveLength(32);
  });

  it('refuses a folder writable by others, a link, a folder behind a link, and a bad secret', () => {
    const open = (folder: string, explicit = true) => openTrustedCache({ folder, explicit });
    const shared = path.join(work, 'shared');
    mkdirSync(shared, { mode: 0o700 });
    chmodSync(shared, 0o777);
    expect(open(shared)).toBe('writable-by-others');
    chmodSync(shared, 0o775);
    expect(open(shared)).toBe('writable-by-others');
    const real = path.join(work, 'real');
    mkdirSync(real, { mode: 0o700 });
    symlinkSync(real, path.join(work, 'link'));
    expect(open(path.join(work, 'link'))).toBe('link');
    mkdirSync(path.join(real, 'inner'), { mode: 0o700 });
    expect(open(path.join(work, 'link', 'inner'))).toBe('link');
    const withBadSecret = path.join(work, 'bad-secret');
    mkdirSync(withBadSecret, { mode: 0o700 });
    writeFileSync(path.join(withBadSecret, 'pc-secret.key'), Buffer.alloc(32), { mode: 0o644 });
    expect(open(withBadSecret)).toBe('bad-secret'); // readable by others: not a secret
    expect(readFileSync(path.join(withBadSecret, 'pc-secret.key'))).toEqual(Buffer.alloc(32)); // and left alone
    expect(open(path.join(work, 'relative-is-refused').slice(1))).toBe('relative');
  });

  it.runIf(isRoot)('refuses a folder owned by another user', () => {
    const foreign = path.join(work, 'foreign');
    mkdirSync(foreign, { mode: 0o700 });
    chownSync(foreign, 4321, 4321);
    expect(openTrustedCache({ folder: foreign, explicit: true })).toBe('not-owned');
  });

  it('refuses a folder found inside the input tree, and takes it when PLAN_CHECK_CACHE_DIR names it', () => {
    const project = path.join(work, 'project');
    const inside = path.join(project, '.cache', 'plan-check');
    expect(openTrustedCache({ folder: inside, explicit: false }, [project])).toBe('inside-inputs');
    expect(existsSync(inside)).toBe(false);
    expect(typeof openTrustedCache({ folder: inside, explicit: true }, [project])).toBe('object');
    expect(typeof openTrustedCache({ folder: path.join(work, 'elsewhere'), explicit: false }, [project])).toBe('object');
  });
});

describe('entries', () => {
  it("verify only with this install's secret: a forged, edited or renamed entry is ignored and counted", () => {
    const ours = trusted(path.join(work, 'ours'));
    const theirs = trusted(path.join(work, 'theirs'));
    const entry = { folder: theirs.folder, bundle: bundleId('source'), command: 'status' };
    writeCodeCache(theirs, entry, () => Buffer.from('planted code'));
    expect(readCodeCache(theirs, entry)).toEqual(Buffer.from('planted code'));
    // the same file, made with another secret, in our folder
    const name = readdirSync(theirs.folder).find((file) => file.startsWith('code-'))!;
    copyFileSync(path.join(theirs.folder, name), path.join(ours.folder, name));
    expect(readCodeCache(ours, { ...entry, folder: ours.folder })).toBeUndefined();
    expect(ours.rejected.count).toBe(1);
    // our own entry, edited, or moved to another name
    writeCodeCache(ours, { ...entry, folder: ours.folder }, () => Buffer.from('our code'));
    const file = path.join(ours.folder, name);
    const bytes = readFileSync(file);
    bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
    writeFileSync(file, bytes);
    expect(readCodeCache(ours, { ...entry, folder: ours.folder })).toBeUndefined();
    writeCodeCache(ours, { ...entry, folder: ours.folder }, () => Buffer.from('our code'));
    cpSync(file, path.join(ours.folder, name.replace('-status-', '-gaps-')));
    expect(readCodeCache(ours, { ...entry, folder: ours.folder, command: 'gaps' })).toBeUndefined();
    expect(readCodeCache(ours, { ...entry, folder: ours.folder })).toEqual(Buffer.from('our code'));
    expect(ours.rejected.count).toBe(3);
  });

  it('are read only as regular files under the size bound: a FIFO, a link to /dev/zero, a folder, a large file are ignored and counted', () => {
    const cache = trusted(path.join(work, 'cache'));
    execFileSync('mkfifo', [path.join(cache.folder, 'fifo.bin')]);
    symlinkSync('/dev/zero', path.join(cache.folder, 'zero.bin'));
    mkdirSync(path.join(cache.folder, 'folder.bin'));
    writeFileSync(path.join(cache.folder, 'large.bin'), Buffer.alloc(4 + 32 + 1001));
    const started = Date.now();
    for (const name of ['fifo.bin', 'zero.bin', 'folder.bin', 'large.bin']) expect(cache.read(name, 1000), name).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(2000); // no hang on the FIFO
    expect(cache.rejected.count).toBe(4);
    expect(cache.read('missing.bin', 1000)).toBeUndefined();
    expect(cache.rejected.count).toBe(4); // a miss is not a rejection
  });

  it('parse entries: an edited figure in an entry is not believed', () => {
    const env = { PLAN_CHECK_CACHE_DIR: path.join(work, 'cache') };
    const cache = createParseCache(env, defaultYamlLimits, 'test-build')!;
    cache.set('value: 100', { value: 100 });
    const [name] = readdirSync(env.PLAN_CHECK_CACHE_DIR).filter((file) => file.endsWith('.json'));
    const file = path.join(env.PLAN_CHECK_CACHE_DIR, name!);
    writeFileSync(file, readFileSync(file, 'latin1').replace('100', '900'), 'latin1');
    const again = createParseCache(env, defaultYamlLimits, 'test-build')!;
    expect(again.get('value: 100')).toBeUndefined();
    expect(again.rejected()).toBe(1);
  });
});

describe('pruning', () => {
  it(`touches only the cache's own files, and holds the cap of ${MAX_ENTRIES} within one run`, () => {
    const folder = path.join(work, 'cache');
    const cache = createParseCache({ PLAN_CHECK_CACHE_DIR: folder }, defaultYamlLimits, 'test-build')!;
    cache.get('nothing'); // opens the folder
    // MAX_ENTRIES - 1 old entries of its own format, and the user's own JSON files
    const old = Date.now() / 1000 - 3600;
    for (let i = 0; i < MAX_ENTRIES - 1; i += 1) {
      const file = path.join(folder, `pc-${i.toString(16).padStart(64, '0')}.json`);
      writeFileSync(file, '');
      utimesSync(file, old + i, old + i);
    }
    const userFiles = ['package.json', 'notes.json', 'pc-notes.json', `pc-${'f'.repeat(63)}.json`];
    for (const name of userFiles) writeFileSync(path.join(folder, name), '{}');
    // one run writes ten entries: the cap holds after each write
    for (let i = 0; i < 10; i += 1) cache.set(`text ${i}`, { i });
    const own = readdirSync(folder).filter((name) => /^pc-[0-9a-f]{64}(\.plan)?\.json$/.test(name));
    expect(own).toHaveLength(MAX_ENTRIES);
    // the oldest went (1999 + 10 - 2000 = 9 of them), the ten new ones stay
    for (let i = 0; i < 9; i += 1) expect(own).not.toContain(`pc-${i.toString(16).padStart(64, '0')}.json`);
    expect(own).toContain(`pc-${(9).toString(16).padStart(64, '0')}.json`);
    for (let i = 0; i < 10; i += 1) expect(JSON.stringify(cache.get(`text ${i}`))).toBe(`{"i":${i}}`);
    for (const name of [...userFiles, 'pc-secret.key']) expect(existsSync(path.join(folder, name)), name).toBe(true);
  });
});

describe('through the built CLI', () => {
  const examples = path.join(repoRoot, 'examples');
  const args = ['gaps', '--format', 'csv', '--as-of', '2024-06-30', '--no-config'];

  it('a relative XDG_CACHE_HOME is ignored: the cache goes under HOME, nothing in the working folder', () => {
    const home = path.join(work, 'home');
    const project = path.join(work, 'project');
    mkdirSync(home);
    cpSync(examples, project, { recursive: true });
    const result = runBin([...args, '.'], { cwd: project, env: { HOME: home, XDG_CACHE_HOME: 'rel-cache' } });
    expect(result.status).toBe(0);
    expect(existsSync(path.join(project, 'rel-cache'))).toBe(false);
    expect(readdirSync(path.join(home, '.cache', 'plan-check')).some((name) => name.startsWith('code-'))).toBe(true);
  });

  it('a cache folder inside the project is not used unless PLAN_CHECK_CACHE_DIR names it', () => {
    const project = path.join(work, 'project');
    cpSync(examples, project, { recursive: true });
    const inside = path.join(project, '.cache');
    const off = runBin([...args, '.', '--no-cache'], { cwd: project });
    const found = runBin([...args, '.'], { cwd: project, env: { XDG_CACHE_HOME: inside, HOME: work } });
    expect(found.stdout).toBe(off.stdout);
    expect(existsSync(inside)).toBe(false);
    const named = runBin([...args, '.'], { cwd: project, env: { PLAN_CHECK_CACHE_DIR: inside } });
    expect(named.stdout).toBe(off.stdout);
    expect(readdirSync(inside).some((name) => name.endsWith('.plan.json'))).toBe(true);
  });

  it('edited model and data entries change no figure: same report as without a cache', () => {
    const env = { PLAN_CHECK_CACHE_DIR: path.join(work, 'cache') };
    const off = runBin([...args, examples, '--no-cache'], { env });
    expect(runBin([...args, examples], { env }).stdout).toBe(off.stdout);
    const editEntries = () => {
      for (const name of readdirSync(env.PLAN_CHECK_CACHE_DIR).filter((file) => file.endsWith('.json'))) {
        const file = path.join(env.PLAN_CHECK_CACHE_DIR, name);
        const text = readFileSync(file, 'latin1');
        // every digit 1 after the tag and HMAC becomes 9, the length kept: a verified entry would now carry other figures
        writeFileSync(file, text.slice(0, 36) + text.slice(36).replace(/1/g, '9'), 'latin1');
      }
    };
    editEntries();
    const edited = runBin([...args, examples], { env });
    expect(edited.status).toBe(0);
    expect(edited.stdout).toBe(off.stdout);
    expect(edited.stderr).toBe('');
    // with --debug the entries ignored are counted on standard error: at least one per YAML file read
    editEntries();
    const yamlFiles = readdirSync(examples, { recursive: true }).filter((name) => /\.ya?ml$/.test(String(name))).length;
    const debug = runBin([...args, examples, '--debug'], { env });
    expect(debug.stdout).toBe(off.stdout);
    expect(debug.stderr).toMatch(
      /^plan-check: cache: \d+ entries ignored \(not a regular file of yours, over the size bound, or not verified/,
    );
    expect(Number(/cache: (\d+) entries/.exec(debug.stderr)![1])).toBeGreaterThanOrEqual(yamlFiles);
  });
});
