// One catalog in two languages: no key missing in either, help in the language asked for (English
// help has no Chinese but the example unit names), and no output shows a raw message key.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { helpExamples } from '../src/cli/run.js';
import { catalogs } from '../src/i18n/labels.js';
import { repoRoot, runCli } from './helpers.js';

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;
/** Chinese that English help may show on purpose: unit names in the examples */
const EXAMPLE_UNITS = ['区市场监管局', '区食药安办'];
const commands = ['validate', 'status', 'gaps', 'deadlines', 'explain', 'init', 'schema'];
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

const noConfig = mkdtempSync(path.join(tmpdir(), 'plan-check-i18n-'));
afterAll(() => rmSync(noConfig, { recursive: true, force: true }));

describe('the catalog', () => {
  const en = catalogs.en as Record<string, string>;
  const zh = catalogs['zh-CN'] as Record<string, string>;

  it('has every key in both languages, none empty', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of [...Object.entries(en), ...Object.entries(zh)]) expect(text.trim(), key).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(en)) expect(placeholders(zh[key]!), key).toEqual(placeholders(en[key]!));
  });

  it('has English without Chinese, except where a term is quoted on purpose', () => {
    const quoted = ['explain.expected_linear']; // 序时进度: the term a reader of the plans knows
    for (const [key, text] of Object.entries(en)) if (!quoted.includes(key)) expect(CJK.test(text), `${key}: ${text}`).toBe(false);
  });
});

describe.each(['', ...commands])('plan-check %s --help', (command) => {
  const args = command ? [command, '--help'] : ['--help'];

  it('in English has headings, examples and no Chinese but the example unit names', async () => {
    const result = await runCli([...args, '--lang', 'en']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: plan-check/);
    expect(result.stdout).toContain('\nOptions:\n');
    expect(result.stdout).toMatch(/\nExamples:\n {2}plan-check /);
    const rest = EXAMPLE_UNITS.reduce((text, unit) => text.split(unit).join(''), result.stdout);
    expect(rest.match(new RegExp(CJK.source, 'g')) ?? []).toEqual([]);
  });

  it('in Chinese is Chinese: headings, the description and every option', async () => {
    const result = await runCli([...args, '--lang', 'zh-CN']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^用法： plan-check/);
    expect(result.stdout).toContain('\n选项：\n');
    expect(result.stdout).toMatch(/\n示例：\n {2}plan-check /);
    expect(result.stdout).not.toMatch(/Usage:|Options:|Commands:|Arguments:|Examples:|default:|choices:/);
    const description = result.stdout.split('\n')[2]!;
    expect(CJK.test(description), description).toBe(true);
    // every option and command line (a term, two spaces, a description) describes itself in Chinese
    const items = result.stdout.split('\n').filter((line) => /^ {2}\S.*\S {2,}\S/.test(line) && !line.includes('plan-check '));
    expect(items.length).toBeGreaterThan(1);
    for (const line of items) expect(CJK.test(line), line).toBe(true);
  });
});

describe.each([{ args: ['--help'] }, { args: ['status', '--help'] }, { args: ['help', 'init'] }])(
  'plan-check $args without --lang',
  ({ args }) => {
    it('follows LC_ALL, LC_MESSAGES or LANG when no plan-check.yaml says otherwise, else English', async () => {
      expect((await runCli(args, { cwd: noConfig, env: { LANG: 'zh_CN.UTF-8' } })).stdout).toMatch(/^用法：/);
      expect((await runCli(args, { cwd: noConfig, env: { LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' } })).stdout).toMatch(/^用法：/);
      expect((await runCli(args, { cwd: noConfig, env: { LANG: 'zh_CN.UTF-8', LC_MESSAGES: 'en_GB.UTF-8' } })).stdout).toMatch(/^Usage:/);
      expect((await runCli(args, { cwd: noConfig, env: { LANG: 'C.UTF-8' } })).stdout).toMatch(/^Usage:/);
      expect((await runCli(args, { cwd: noConfig, env: { LANG: '' } })).stdout).toMatch(/^Usage:/);
    });
  },
);

describe('options across commands', () => {
  it('are spelled and described the same in every command', async () => {
    const seen = new Map<string, { command: string; term: string; description: string }>();
    for (const command of commands) {
      const help = (await runCli([command, '--help', '--lang', 'en'])).stdout;
      for (const match of help.matchAll(/^ {2}((?:-\w, )?(--[\w-]+)(?: [<[][\w.]+[>\]])?) {2,}(.*)$/gm)) {
        const [, term, flag, description] = match;
        const earlier = seen.get(flag!);
        // --all and --format differ on purpose: what "all" adds and which formats exist
        if (earlier && !['--all', '--format'].includes(flag!)) {
          expect({ term, description }, `${flag} in ${command} and ${earlier.command}`).toEqual({
            term: earlier.term,
            description: earlier.description,
          });
        }
        if (!earlier) seen.set(flag!, { command, term: term!, description: description! });
      }
    }
    expect(seen.has('--no-cache')).toBe(true);
    expect(seen.get('--output')?.term).toBe('-o, --output <file>');
  });
});

describe('help examples', () => {
  it('every command has some', () => {
    for (const command of ['root', ...commands]) expect((helpExamples[command] ?? []).length, command).toBeGreaterThan(0);
  });

  const runnable = Object.values(helpExamples)
    .flat()
    .map(([line]) => line)
    .filter((line) => !/ -o | > |plan-check init/.test(line));

  it.each(runnable)('%s runs on the shipped examples', async (line) => {
    const result = await runCli(line.split(' ').slice(1), { cwd: repoRoot });
    // 1 is a --fail-on hit; 2 (usage error) would mean the example is wrong
    expect(result.status, result.stderr).not.toBe(2);
    expect(result.stderr).not.toMatch(/plan-check:|error/);
  });
});

describe("commander's own messages", () => {
  it.each([
    [['status', '--bogus'], "error: unknown option '--bogus'", '错误：未知的选项“--bogus”'],
    [['statu'], "error: unknown command 'statu'\n(Did you mean status?)", '错误：未知的命令“statu”\n（是否应为 status？）'],
    [
      ['gaps', '--format', 'pdf'],
      "error: option '--format <format>' argument 'pdf' is invalid. Allowed choices are table, csv, json, md, xlsx.",
      '错误：选项“--format <format>”的取值“pdf”不合法，可选：table、csv、json、md、xlsx。',
    ],
    [['explain'], "error: missing required argument 'ref'", '错误：缺少必填的参数“ref”'],
    [['status', '--owner'], "error: option '--owner <unit>' argument missing", '错误：选项“--owner <unit>”缺少取值'],
    [
      ['schema', 'plan', 'extra'],
      "error: too many arguments for 'schema'. Expected 1 argument but got 2.",
      '错误：“schema”的参数过多：应为 1 个，实际 2 个。',
    ],
  ])('%j in both languages', async (args, english, chinese) => {
    const withLang = (lang: string) => [args[0]!, '--lang', lang, ...args.slice(1)];
    const en = await runCli(withLang('en'));
    expect(en.status).toBe(2);
    expect(en.stderr).toBe(`${english}\n`);
    const zh = await runCli(withLang('zh-CN'));
    expect(zh.status).toBe(2);
    expect(zh.stderr).toBe(`${chinese}\n`);
  });
});

describe('outputs show no message keys', () => {
  const keys = Object.keys(catalogs.en);
  const leftovers = (text: string) => [
    ...keys.filter((key) => new RegExp(`(^|[^\\w.])${key.replace(/\./g, '\\.')}($|[^\\w.])`).test(text)),
    ...(text.match(/\{[a-zA-Z_]+\}/g) ?? []),
  ];
  const runs: [string[], number][] = [
    [['status'], 0],
    [['status', '--all', '--format', 'md'], 0],
    [['gaps'], 0],
    [['gaps', '--format', 'csv'], 0],
    [['deadlines', '--all'], 0],
    [['explain', 'district-2024-food-drug:4/food-sampling-total'], 0],
    [['explain', 'district-2024-food-drug:task/4'], 0],
    [['validate'], 0],
    [['validate', 'tests/fixtures/invalid/many-errors-many-files', '--no-config'], 1],
    [['validate', 'tests/fixtures/invalid/many-errors-many-files', '--no-config', '--format', 'json'], 1],
    [['status', 'tests/fixtures/cli-invalid', '--no-config'], 1],
    [['status', '--as-of', '2024-02-30'], 2],
  ];

  it.each(runs.flatMap(([args, code]) => [[[...args, '--lang', 'en'], code] as const, [[...args, '--lang', 'zh-CN'], code] as const]))(
    '%j exits %i',
    async (args, code) => {
      const result = await runCli([...args]);
      expect(result.status, result.stderr).toBe(code);
      expect(leftovers(result.stdout)).toEqual([]);
      expect(leftovers(result.stderr)).toEqual([]);
      expect(result.stdout.length + result.stderr.length).toBeGreaterThan(0);
      if (args.at(-1) === 'zh-CN') expect(CJK.test(result.stdout + result.stderr)).toBe(true);
    },
  );
});

describe('schema errors', () => {
  it("reach users as our own diagnostics in the user's language, never as ajv's English", async () => {
    const result = await runCli(['validate', 'tests/fixtures/invalid', '--no-config', '--format', 'json', '--lang', 'zh-CN']);
    const { diagnostics } = JSON.parse(result.stdout) as { diagnostics: { code: string; message: string }[] };
    const schemaCodes = [
      'unknown-key',
      'missing-key',
      'wrong-type',
      'number-as-text',
      'invalid-value',
      'invalid-date',
      'absurd-number',
      'unknown-format',
    ];
    const fromSchema = diagnostics.filter((d) => schemaCodes.includes(d.code));
    expect(new Set(fromSchema.map((d) => d.code)).size).toBeGreaterThanOrEqual(6);
    for (const { code, message } of fromSchema) {
      expect(CJK.test(message), `${code}: ${message}`).toBe(true);
      // ajv's wording ("must have required property", "must be array") and JSON Schema's type names
      expect(message, code).not.toMatch(/\bmust\b|\bshould\b|\bproperty\b|\barray\b|\bobject\b|\bmapping\b|\bstring\b/);
    }
  });
});
