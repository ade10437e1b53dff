// The user's language (issue 17, item 4): Chinese output holds no English words beyond what the
// user wrote (ids, keys, file names), codes and a short list of names (CSV, YAML…); the inputs'
// own text decides the language when nothing else does, even when no plan loads; Chinese labels
// work as --status and --fail-on values; English plurals read right; explain never says 剩余 -N 天.
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandNames } from '../src/cli/command-names.js';
import { diagnosticCodes } from '../src/core/diagnostics.js';
import { failOnValues } from '../src/core/statuses.js';
import { t } from '../src/i18n/labels.js';
import { repoRoot, runCli } from './helpers.js';

/** Names and units that stay as they are in Chinese text. */
const allowedWords = new Set([
  // file types and YAML's own literals, as the user would type them
  'Office',
  'xls',
  'et',
  'doc',
  'true',
  'false',
  'CSV',
  'JSON',
  'YAML',
  'XLSX',
  'UTF',
  'BOM',
  'Tab',
  'Excel',
  'WPS',
  'Node',
  'npx',
  'plan',
  'actuals',
  'yaml',
  'yml',
  'csv',
  'xlsx',
  'json',
  'md',
  'txt',
  'docx',
  'plan-check',
  'check',
  'PLAN',
  'TASK',
  'TARGET',
  'ID',
  'NFKC',
  'LANG',
  'CI',
  'GitHub',
  'SARIF',
  'JUnit',
  'git',
  'HEAD',
  'max',
  'file',
  'size',
]);

/** The ASCII words of a text: runs of letters, digits, - and _ that hold at least two letters. */
const asciiWords = (text: string): string[] => text.match(/[A-Za-z][A-Za-z0-9_-]*[A-Za-z0-9]/g) ?? [];

/** Every word the user wrote in the inputs (ids, keys, values, comments, file names): code frames and refs quote them. */
function inputWords(folder: string): Set<string> {
  const words = new Set<string>();
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const file = path.join(dir, name);
      for (const word of asciiWords(name)) words.add(word);
      if (statSync(file).isDirectory()) walk(file);
      else if (!name.endsWith('.xlsx')) for (const word of asciiWords(readFileSync(file, 'latin1'))) words.add(word);
    }
  };
  walk(folder);
  return words;
}

/** What is allowed besides the user's words: diagnostic and status codes, options (--owner), the words above. */
const codeWords = new Set([
  ...Object.keys(diagnosticCodes),
  ...failOnValues,
  'lead',
  'support',
  'any',
  'report',
  'activity',
  'task',
  'phase',
  'duty',
  'linear',
  'at_due',
  'level',
  'zh-CN',
  'en',
]);

/** The format's own keys and values (period:, as_of, every: month…): the user writes them, messages name them. */
function schemaWords(): Set<string> {
  const words = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const object = node as Record<string, unknown>;
    if (object.properties && typeof object.properties === 'object') for (const key of Object.keys(object.properties)) words.add(key);
    if (Array.isArray(object.enum)) for (const value of object.enum) if (typeof value === 'string') words.add(value);
    Object.values(object).forEach(walk);
  };
  for (const name of readdirSync(path.join(repoRoot, 'schemas')))
    walk(JSON.parse(readFileSync(path.join(repoRoot, 'schemas', name), 'utf8')));
  return words;
}
const formatWords = schemaWords();

/** Command names, format names and the like: what the user types, shown back as typed. */
const typedWords = new Set([
  ...commandNames,
  'table',
  'ref',
  'cd',
  'YYYY-MM-DD',
  'v2',
  'ZIP',
  'GBK',
  'Windows',
  'UTF-8',
  'UTF-16',
  'gb18030',
  'en',
  'zh',
  ...formatWords,
]);

function englishWords(output: string, folder: string, typed: readonly string[] = []): string[] {
  const mine = inputWords(folder);
  for (const word of [...asciiWords(folder), ...typed.flatMap(asciiWords), ...typedWords]) mine.add(word);
  const withoutOptions = output
    // a character shown as its code point (\u200b, \ufeff) stands apart from the name around it
    .replace(/\\u[0-9a-fA-F]{4}/g, ' ')
    .replace(/--[a-z][a-z-]*(?: <[a-z]+>)?/g, ' ')
    // paths and refs are the user's names joined by / : @ .
    .replace(/[\w.@:/\\-]*[/:@.][\w.@:/\\-]*/g, (match) =>
      asciiWords(match).every((word) => mine.has(word) || allowedWords.has(word) || codeWords.has(word)) ? ' ' : match,
    );
  return [...new Set(asciiWords(withoutOptions))].filter(
    (word) =>
      !mine.has(word) &&
      !allowedWords.has(word) &&
      !codeWords.has(word) &&
      !/^[A-Z]{1,2}\d*$/.test(word) &&
      !/^[Uu]\+?[0-9A-Fa-f]{1,6}$/.test(word),
  );
}

const fixtureRoot = path.join(repoRoot, 'tests', 'fixtures');
const invalidRoot = path.join(fixtureRoot, 'invalid');
const folders = [
  ...['cli', 'cli-invalid', 'duties', 'targets-v2', 'xlsx-real', 'sarif'].map((name) => path.join(fixtureRoot, name)),
  ...readdirSync(invalidRoot)
    .map((name) => path.join(invalidRoot, name))
    .filter((dir) => statSync(dir).isDirectory()),
];

describe('zh-CN output of every fixture holds no English words', () => {
  const commands: string[][] = [
    // Markdown rather than the terminal table: a table wraps long ids mid-word
    ['validate'],
    ['status', '--as-of', '2024-06-30', '--format', 'md', '--all'],
    ['gaps', '--as-of', '2024-06-30', '--all', '--format', 'md'],
    ['deadlines', '--as-of', '2024-06-30', '--all', '--format', 'md'],
    ['status', '--as-of', '2025-05-12', '--format', 'md'],
    ['explain', 'no/such-target', '--as-of', '2024-06-30'],
  ];
  /** Each command on the folder in Chinese: no stack trace, and the English words it printed, per command. */
  async function englishIn(folder: string, list: readonly string[][]): Promise<string> {
    const found: string[] = [];
    for (const command of list) {
      const result = await runCli([command[0]!, folder, ...command.slice(1), '--no-config', '--lang', 'zh-CN', '--no-cache'], {
        env: { LANG: 'C.UTF-8' },
      });
      expect(result.stderr).not.toMatch(/^\s+at /m);
      const words = englishWords(result.stdout + result.stderr, folder, command);
      if (words.length > 0) found.push(`${command.join(' ')}: ${words.join(', ')}`);
    }
    return found.join('\n');
  }

  it.each(folders.map((folder) => [path.relative(repoRoot, folder), folder]))('%s', async (_name, folder) => {
    expect(await englishIn(folder, commands)).toBe('');
  });

  // the committed bad-input corpus (the generated cases at scale live in bad-inputs.test.ts):
  // what validate and status say about hostile files is Chinese too
  const badInputsRoot = path.join(repoRoot, 'tests', 'bad-inputs');
  const badInputs = readdirSync(badInputsRoot)
    .map((name) => path.join(badInputsRoot, name))
    .filter((dir) => statSync(dir).isDirectory());
  it.each(badInputs.map((folder) => [path.relative(repoRoot, folder), folder]))('%s', async (_name, folder) => {
    expect(await englishIn(folder, [['validate'], ['status', '--as-of', '2024-06-30', '--format', 'md']])).toBe('');
  });

  it.each([
    [['status', '--bogus']],
    [['statu']],
    [['gaps', '--format', 'pdf']],
    [['explain']],
    [['status', '--owner']],
    [['status', '--status', 'nonsense']],
    [['status', '--role', 'boss']],
    [['gaps', '--headers', 'fr']],
    [['status', '--as-of', 'tomorrow']],
    [['status', '--warn-days', '-1']],
  ])('usage error %j', async (args) => {
    const result = await runCli([args[0]!, '--lang', 'zh-CN', ...args.slice(1)], { env: { LANG: 'C.UTF-8' } });
    expect(result.status).toBe(2);
    expect(englishWords(result.stderr, path.join(fixtureRoot, 'cli'), args).join(', ')).toBe('');
  });
});

/** A scratch folder with the given files. */
function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-check-lang-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('the language when nothing chooses it (LANG=C.UTF-8, no --lang, no locale)', () => {
  const env = { LANG: 'C.UTF-8' };
  it('is Chinese when a Chinese plan fails to load: a tab in the indentation, in Chinese, from the catalog', async () => {
    const dir = folderWith({ 'a.plan.yaml': 'format: plan/1\nid: x\ntitle: 测试方案\n\tperiod: 1\n' });
    const result = await runCli(['validate', dir, '--no-config'], { env });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('用制表符（Tab）缩进了，请改用空格缩进');
    expect(result.stdout).not.toMatch(/Tabs are not allowed/);
    const status = await runCli(['status', dir, '--no-config'], { env });
    expect(status.stderr).toContain('用制表符（Tab）缩进了');
  });

  it('is Chinese when only a comment or a unit is Chinese, English when nothing is', async () => {
    const broken = 'format: plan/1\nid: x\n\tperiod: 1\n';
    const commented = folderWith({ 'a.plan.yaml': `# 全区食品安全工作方案\n${broken}` });
    expect((await runCli(['validate', commented, '--no-config'], { env })).stdout).toMatch(/个错误/);
    const english = folderWith({ 'a.plan.yaml': broken });
    const result = await runCli(['validate', english, '--no-config'], { env });
    // 1 error in 1 file: singular forms
    expect(result.stdout).toMatch(/\b1 error and 0 warnings in 1 file \(0 plans, 0 tasks, 0 targets checked\)/);
  });

  it("is Chinese for commander's errors and usage errors in a Chinese project, English in an English one", async () => {
    const chinese = folderWith({
      'a.plan.yaml': 'format: plan/1\nid: x\ntitle: 全区食品安全工作方案\nperiod: { start: 2024-01-01, end: 2024-12-31 }\n',
    });
    expect((await runCli(['status', '--bogus'], { cwd: chinese, env })).stderr).toBe('错误：未知的选项“--bogus”\n');
    expect((await runCli(['gaps', '.', '--format', 'pdf'], { cwd: chinese, env })).stderr).toMatch(
      /^错误：选项“--format <format>”的取值“pdf”不合法/,
    );
    expect((await runCli(['status', '--as-of', 'tomorrow'], { cwd: chinese, env })).stderr).toMatch(/不是有效日期/);
    const english = folderWith({
      'a.plan.yaml': 'format: plan/1\nid: x\ntitle: Food safety plan\nperiod: { start: 2024-01-01, end: 2024-12-31 }\n',
    });
    expect((await runCli(['status', '--bogus'], { cwd: english, env })).stderr).toBe("error: unknown option '--bogus'\n");
    expect((await runCli(['status', '--as-of', 'tomorrow'], { cwd: english, env })).stderr).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('is Chinese for a usage error when the user typed Chinese (an --owner, a label)', async () => {
    const result = await runCli(['status', path.join(fixtureRoot, 'cli'), '--no-config', '--owner', '区卫健局', '--status', 'nonsense'], {
      env,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/必须是/);
  });
});

describe('--status and --fail-on take Chinese labels', () => {
  const cli = path.join(fixtureRoot, 'cli');
  const refs = async (args: string[]) =>
    (
      JSON.parse((await runCli(['gaps', cli, '--no-config', '--as-of', '2024-06-30', '--format', 'json', ...args])).stdout).targets as {
        ref: string;
        status: string;
      }[]
    )
      .map((row) => `${row.ref}=${row.status}`)
      .sort();
  it('滞后 is behind; 已完成 is met; a list mixes labels and codes', async () => {
    expect(await refs(['--status', '滞后'])).toEqual(await refs(['--status', 'behind']));
    expect((await refs(['--status', '滞后'])).length).toBeGreaterThan(0);
    expect(await refs(['--status', '滞后,met'])).toEqual(await refs(['--status', 'behind,met']));
    expect(await refs(['--status', '已完成'])).toEqual(await refs(['--status', 'met']));
  });
  it('--fail-on 逾期 fires on an overdue deadline, --fail-on 超限 does not where nothing is breached', async () => {
    // the monthly report due 2024-05-10 was never filed: overdue at 2024-06-30
    expect((await runCli(['status', cli, '--no-config', '--as-of', '2024-06-30', '--fail-on', '逾期'])).status).toBe(1);
    expect((await runCli(['status', cli, '--no-config', '--as-of', '2024-06-30', '--fail-on', '已逾期'])).status).toBe(1);
    expect((await runCli(['status', cli, '--no-config', '--as-of', '2024-06-30', '--fail-on', '超限'])).status).toBe(0);
    expect((await runCli(['status', cli, '--no-config', '--as-of', '2024-06-30', '--fail-on', '红灯'])).status).toBe(1);
  });
});

describe('plurals and days', () => {
  it('reads right for one and for many', () => {
    expect(t('en', 'validate.problems', { errors: 1, warnings: 2, files: 1, plans: 0, tasks: 1, targets: 1 })).toBe(
      '1 error and 2 warnings in 1 file (0 plans, 1 task, 1 target checked).',
    );
    expect(t('en', 'validate.problems', { errors: 3, warnings: 1, files: 2, plans: 2, tasks: 0, targets: 5 })).toBe(
      '3 errors and 1 warning in 2 files (2 plans, 0 tasks, 5 targets checked).',
    );
    expect(t('zh-CN', 'validate.problems', { errors: 1, warnings: 0, files: 1, plans: 0, tasks: 0, targets: 0 })).toContain('1 个错误');
  });

  it('explain says 已逾期 N 天 / overdue by N days, never a negative number of days left', async () => {
    const cli = path.join(fixtureRoot, 'cli');
    // task 2 is due 2024-06-30; at 2024-07-10 it is 10 days overdue (2024-07-10 − 2024-06-30 = 10)
    const zh = await runCli(['explain', 'demo-2024:task/2', cli, '--no-config', '--as-of', '2024-07-10', '--lang', 'zh-CN']);
    expect(zh.stdout).toContain('已逾期 10 天');
    expect(zh.stdout).not.toMatch(/剩余 -/);
    const en = await runCli(['explain', 'demo-2024:task/2', cli, '--no-config', '--as-of', '2024-07-10', '--lang', 'en']);
    expect(en.stdout).toContain('overdue by 10 days');
    // 2024-06-29: 1 day left (2024-06-30 − 2024-06-29 = 1); on the day: due that day
    expect((await runCli(['explain', 'demo-2024:task/2', cli, '--no-config', '--as-of', '2024-06-29', '--lang', 'en'])).stdout).toContain(
      '1 day left',
    );
    expect(
      (await runCli(['explain', 'demo-2024:task/2', cli, '--no-config', '--as-of', '2024-06-30', '--lang', 'zh-CN'])).stdout,
    ).toContain('当天截止');
  });
});

describe('init', () => {
  it('writes locale: zh-CN (not commented out) for a Chinese setup, and its steps in Chinese', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-check-init-'));
    const result = await runCli(['init', path.join(dir, 'zh'), '--lang', 'zh-CN'], { env: { LANG: 'C.UTF-8' } });
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(dir, 'zh', 'plan-check.yaml'), 'utf8')).toMatch(/^locale: zh-CN$/m);
    expect(result.stdout).toContain('下一步：');
    expect(englishWords(result.stdout, path.join(dir, 'zh'))).toEqual([]);
    await runCli(['init', path.join(dir, 'en'), '--lang', 'en'], { env: { LANG: 'C.UTF-8' } });
    expect(readFileSync(path.join(dir, 'en', 'plan-check.yaml'), 'utf8')).not.toMatch(/^locale:/m);
  });
});
