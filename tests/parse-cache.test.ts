// The parse cache: same answers with or without it, survives corruption, off with --no-cache,
// ignored where it cannot be written, and positions still exact when a file's data comes from it.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultYamlLimits } from '../src/core/yaml-source.js';
import { cacheFolder } from '../src/io/cache-folder.js';
import { createParseCache } from '../src/io/parse-cache.js';
import { repoRoot, runBin } from './helpers.js';
import { MAPPING_PROTOTYPE } from '../src/core/plain-data.js';

let work: string;
beforeEach(() => {
  work = mkdtempSync(path.join(os.tmpdir(), 'plan-check-cache-'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

const entries = (folder: string): string[] => (existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.json')) : []);
/** parsed YAML data entries, and normalised plan entries */
const dataEntries = (folder: string): string[] => entries(folder).filter((name) => !name.endsWith('.plan.json'));
const planEntries = (folder: string): string[] => entries(folder).filter((name) => name.endsWith('.plan.json'));

describe('where the cache lives', () => {
  it('follows PLAN_CHECK_CACHE_DIR, then XDG_CACHE_HOME, then the platform folder under HOME', () => {
    expect(cacheFolder({ PLAN_CHECK_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x', HOME: '/h' }, 'linux')).toBe('/c');
    expect(cacheFolder({ XDG_CACHE_HOME: '/x', HOME: '/h' }, 'linux')).toBe(path.join('/x', 'plan-check'));
    expect(cacheFolder({ HOME: '/h' }, 'linux')).toBe(path.join('/h', '.cache', 'plan-check'));
    expect(cacheFolder({ HOME: '/h' }, 'darwin')).toBe(path.join('/h', 'Library', 'Caches', 'plan-check'));
    expect(cacheFolder({ LOCALAPPDATA: 'C:\\L', HOME: '/h' }, 'win32')).toBe(path.join('C:\\L', 'plan-check', 'Cache'));
    expect(cacheFolder({}, 'linux')).toBeUndefined();
  });
});

describe('the cache in process', () => {
  it('gives back what was stored, with objects that have no prototype', () => {
    const cache = createParseCache({ PLAN_CHECK_CACHE_DIR: work }, defaultYamlLimits, 'test-build')!;
    const data = Object.assign(Object.create(null) as object, { id: 'toString', list: [1, 'a', null, { __proto__x: true }] });
    expect(cache.get('text')).toBeUndefined();
    cache.set('text', data);
    const back = cache.get('text') as Record<string, unknown>;
    // inherits nothing: its prototype is the one empty, frozen mapping prototype, which has none
    expect(Object.getPrototypeOf(back)).toBe(MAPPING_PROTOTYPE);
    expect(Object.getPrototypeOf(MAPPING_PROTOTYPE)).toBeNull();
    expect(Object.isFrozen(MAPPING_PROTOTYPE) && Reflect.ownKeys(MAPPING_PROTOTYPE).length === 0).toBe(true);
    expect('toString' in back || 'hasOwnProperty' in back).toBe(false);
    expect(JSON.stringify(back)).toBe(JSON.stringify(data));
    expect(back.constructor).toBeUndefined();
    // another build, other limits or another text: a miss
    expect(createParseCache({ PLAN_CHECK_CACHE_DIR: work }, defaultYamlLimits, 'other-build')!.get('text')).toBeUndefined();
    expect(
      createParseCache({ PLAN_CHECK_CACHE_DIR: work }, { ...defaultYamlLimits, maxDepth: 5 }, 'test-build')!.get('text'),
    ).toBeUndefined();
    expect(cache.get('text ')).toBeUndefined();
  });

  it('keeps nothing JSON cannot hold exactly (NaN, infinities, -0)', () => {
    const cache = createParseCache({ PLAN_CHECK_CACHE_DIR: work }, defaultYamlLimits, 'test-build')!;
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, -0]) cache.set(`v${value}`, { value });
    expect(entries(work)).toEqual([]);
  });

  it('treats a corrupt entry as a miss and writes it again', () => {
    const cache = createParseCache({ PLAN_CHECK_CACHE_DIR: work }, defaultYamlLimits, 'test-build')!;
    cache.set('text', { a: 1 });
    const [entry] = entries(work);
    writeFileSync(path.join(work, entry!), '{"a": 1, trunc');
    expect(cache.get('text')).toBeUndefined();
    cache.set('text', { a: 1 });
    // written again: the file is the tagged, HMAC-checked entry, and it reads back
    expect(readFileSync(path.join(work, entry!)).subarray(0, 4).toString()).toBe('PCC1');
    expect(JSON.stringify(cache.get('text'))).toBe('{"a":1}');
  });

  it('is ignored when its folder cannot be made', () => {
    const blocked = path.join(work, 'a-file');
    writeFileSync(blocked, 'not a folder');
    const cache = createParseCache({ PLAN_CHECK_CACHE_DIR: path.join(blocked, 'cache') }, defaultYamlLimits, 'test-build')!;
    expect(() => cache.set('text', { a: 1 })).not.toThrow();
    expect(cache.get('text')).toBeUndefined();
    expect(readdirSync(work)).toEqual(['a-file']);
  });
});

describe('the cache through the built CLI', () => {
  const examples = path.join(repoRoot, 'examples');
  const args = ['gaps', examples, '--format', 'csv', '--as-of', '2024-06-30', '--no-config'];

  it('answers the same cold, warm and off; writes one data entry per YAML file and one model per clean plan; --no-cache writes none', () => {
    const env = { PLAN_CHECK_CACHE_DIR: path.join(work, 'cache') };
    const off = runBin([...args, '--no-cache'], { env });
    expect(off.status).toBe(0);
    expect(entries(env.PLAN_CHECK_CACHE_DIR)).toEqual([]);
    const cold = runBin(args, { env });
    const yamlFiles = readdirSync(examples, { recursive: true }).filter((name) => /\.ya?ml$/.test(String(name)));
    expect(dataEntries(env.PLAN_CHECK_CACHE_DIR)).toHaveLength(yamlFiles.length);
    const planFiles = yamlFiles.filter((name) => /\.plan\.ya?ml$/.test(String(name)));
    // every shipped plan loads without a diagnostic, so each has its model kept
    expect(runBin(['validate', examples, '--no-config', '--no-cache']).stdout).not.toMatch(/warning|error|警告|错误/);
    expect(planEntries(env.PLAN_CHECK_CACHE_DIR)).toHaveLength(planFiles.length);
    const warm = runBin(args, { env });
    expect(cold.stdout).toBe(off.stdout);
    expect(warm.stdout).toBe(off.stdout);
    for (const name of entries(env.PLAN_CHECK_CACHE_DIR)) writeFileSync(path.join(env.PLAN_CHECK_CACHE_DIR, name), '\u0000garbage');
    const afterCorruption = runBin(args, { env });
    expect(afterCorruption.status).toBe(0);
    expect(afterCorruption.stdout).toBe(off.stdout);
    expect(afterCorruption.stderr).toBe('');
  });

  it('gives the same JSON status and explanation from cached plans as from parsed ones', () => {
    const env = { PLAN_CHECK_CACHE_DIR: path.join(work, 'cache') };
    const run = (extra: string[]) => runBin([...extra, '--no-config', '--as-of', '2024-06-30'], { env });
    for (const command of [
      ['status', examples, '--all', '--format', 'json'],
      ['explain', 'district-2024-food-drug:1/baobao-training', path.join(examples, 'district-2024')],
    ]) {
      const off = runBin([...command, '--no-config', '--as-of', '2024-06-30', '--no-cache'], { env });
      const cold = run(command);
      const warm = run(command);
      expect(warm.status).toBe(off.status);
      expect(cold.stdout).toBe(off.stdout);
      expect(warm.stdout).toBe(off.stdout);
    }
    expect(planEntries(env.PLAN_CHECK_CACHE_DIR).length).toBeGreaterThan(0);
  });

  it('places problems found across files at the exact line:col of a cached plan (a plan id used twice)', () => {
    const folder = path.join(work, 'twins');
    const plan = (title: string) =>
      `format: plan/1\nid: twin\ntitle: ${title}\nperiod: { start: 2024-01-01, end: 2024-12-31 }\nunits: [甲]\ntasks:\n  - id: "1"\n    title: 任务\n    lead: [甲]\n`;
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'a.plan.yaml'), plan('一'));
    writeFileSync(path.join(folder, 'b.plan.yaml'), `# 注释\n\n${plan('二')}`);
    const env = { PLAN_CHECK_CACHE_DIR: path.join(work, 'cache') };
    const single = (name: string) => runBin(['validate', path.join(folder, name), '--no-config'], { env });
    // each file alone is clean, so each plan's model is kept
    expect(single('a.plan.yaml').status).toBe(0);
    expect(single('b.plan.yaml').status).toBe(0);
    expect(planEntries(env.PLAN_CHECK_CACHE_DIR)).toHaveLength(2);
    const both = runBin(['validate', folder, '--format', 'json', '--no-config'], { env });
    const parsed = runBin(['validate', folder, '--format', 'json', '--no-config', '--no-cache'], { env });
    expect(both.status).toBe(1);
    expect(both.stdout).toBe(parsed.stdout);
    const diagnostics = JSON.parse(both.stdout).diagnostics as { code: string; line: number; column: number }[];
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['duplicate-id', 4, 5]]);
  });

  it("still places problems at exact line:col when a file's data came from the cache", () => {
    const env = { PLAN_CHECK_CACHE_DIR: path.join(work, 'cache') };
    const folder = path.join(repoRoot, 'tests', 'fixtures', 'invalid', 'actuals-unknown-ref');
    const first = runBin(['validate', folder, '--format', 'json', '--no-config'], { env });
    const second = runBin(['validate', folder, '--format', 'json', '--no-config'], { env });
    expect(first.status).toBe(1);
    expect(entries(env.PLAN_CHECK_CACHE_DIR).length).toBeGreaterThan(0);
    expect(second.stdout).toBe(first.stdout);
    expect(second.stdout).toMatch(/"line": *\d+/);
  });
});
