// The small ones of issue 22: an empty --delimiter or --owner is a usage error; an unknown TZ is
// named, not silently UTC.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText } from '../src/core/decode-text.js';
import { diagnosticMessage } from '../src/i18n/diagnostic-messages.js';
import { showBytes } from '../src/io/find-sources.js';
import { STACK_FRAME, repoRoot, runCli } from './helpers.js';

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'plan-check-small-'));
  for (const name of ['demo.plan.yaml', 'demo.actuals.yaml', 'demo.actuals.csv'])
    cpSync(path.join(repoRoot, 'tests', 'fixtures', 'cli', name), path.join(folder, name));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const run = (args: string[], env: Record<string, string> = {}) => runCli([...args, '--no-config', '--no-cache'], { cwd: folder, env });

describe('--delimiter', () => {
  it('empty, a quote or a line break: a usage error (exit 2) before any file is read, in both languages', async () => {
    for (const value of ['', '"', '\n']) {
      const result = await run(['validate', '.', '--delimiter', value, '--lang', 'en']);
      expect(result.status, JSON.stringify(value)).toBe(2);
      expect(result.stderr).toMatch(/^plan-check: --delimiter must be a character/);
      expect(result.stderr).not.toMatch(STACK_FRAME);
      expect(result.stdout).toBe('');
    }
    const zh = await run(['gaps', '.', '--delimiter', '', '--lang', 'zh-CN']);
    expect(zh.status).toBe(2);
    expect(zh.stderr).toMatch(/--delimiter 须为一个分隔字符/);
  });

  it('a real one still works', async () => {
    expect((await run(['validate', '.', '--delimiter', ','])).status).toBe(0);
  });
});

describe('--owner', () => {
  it('empty or blank: a usage error, not a match for every unit', async () => {
    for (const value of ['', '  ']) {
      const result = await run(['gaps', '.', '--owner', value, '--as-of', '2024-06-30', '--lang', 'en']);
      expect(result.status, JSON.stringify(value)).toBe(2);
      expect(result.stderr).toBe('plan-check: --owner needs a unit name (an empty name would match every unit)\n');
      expect(result.stdout).toBe('');
    }
    const zh = await run(['status', '.', '--owner', '', '--lang', 'zh-CN']);
    expect(zh.stderr).toMatch(/--owner 需要一个单位名称/);
  });
});

describe('TZ from the environment', () => {
  const today = async (env: Record<string, string>, args: string[] = []) =>
    run(['status', '.', '--format', 'json', '--lang', 'en', ...args], env);

  it('an unknown name (a typo) is named on standard error, and today is taken in UTC', async () => {
    for (const zone of ['Asia/Shangai', 'Mars/Olympus', 'nonsense']) {
      const result = await today({ TZ: zone });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toBe(
        `plan-check: warning: TZ="${zone}" is not a known timezone, so today is taken in UTC; set --timezone or timezone: in plan-check.yaml to an IANA name such as Asia/Shanghai\n`,
      );
      expect((JSON.parse(result.stdout) as { as_of: string }).as_of).toBe(new Date().toISOString().slice(0, 10));
    }
  });

  it('a known name, a POSIX value, --timezone or --as-of: no warning', async () => {
    for (const env of [
      { TZ: 'Asia/Shanghai' },
      { TZ: 'CST-8' },
      { TZ: 'EST5EDT,M3.2.0,M11.1.0' },
      { TZ: ':/etc/localtime' },
      { TZ: 'UTC' },
    ]) {
      const result = await today(env);
      expect(result.stderr, env.TZ).toBe('');
    }
    expect((await today({ TZ: 'Asia/Shangai' }, ['--timezone', 'Asia/Shanghai'])).stderr).toBe('');
    expect((await today({ TZ: 'Asia/Shangai' }, ['--as-of', '2024-06-30'])).stderr).toBe('');
  });
});

describe('a valid file too long for one string (over 512 MiB, --max-file-size raised)', () => {
  it('is file-text-too-long, not "not UTF-8"', () => {
    // V8's longest string is 2^29 - 24 = 0x1fffffe8 UTF-16 units: one ASCII byte more cannot be decoded
    const bytes = Buffer.alloc(0x1fffffe8 + 1, 0x61);
    expect(bytes.length).toBe(536_870_889);
    const decoded = decodeText(bytes);
    expect(decoded).toEqual({ ok: false, code: 'file-text-too-long', looksLike: 'text' });
    expect(decodeText(bytes, 'gb18030')).toEqual({ ok: false, code: 'file-text-too-long', looksLike: 'text' });
    expect(diagnosticMessage('file-text-too-long', {}, 'en')).toMatch(/more text than one string can/);
    expect(diagnosticMessage('file-text-too-long', {}, 'zh-CN')).toMatch(/超过单个字符串的上限/);
  }, 60_000);

  it('invalid UTF-8 of ordinary size is still file-encoding', () => {
    expect(decodeText(Buffer.from([0x23, 0xc4, 0xe3, 0xba, 0xc3]))).toMatchObject({ ok: false, code: 'file-encoding' });
  });
});

describe('file names that are not UTF-8 (GBK names from a zip made on Chinese Windows)', () => {
  // "你好" in GBK: C4 E3 BA C3, not valid UTF-8
  const gbk = Buffer.from([0xc4, 0xe3, 0xba, 0xc3]);
  const shown = '\\xc4\\xe3\\xba\\xc3';
  const bytesPath = (...parts: (string | Buffer)[]) =>
    Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)));

  function gbkProject(planText?: string): string {
    const project = mkdtempSync(path.join(tmpdir(), 'plan-check-gbk-'));
    const plan = planText ?? readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'cli', 'demo.plan.yaml'));
    writeFileSync(bytesPath(project, '/计划-', gbk, '.plan.yaml'), plan);
    const folderBytes = bytesPath(project, '/', gbk);
    mkdirSync(folderBytes);
    writeFileSync(
      bytesPath(folderBytes, '/demo.actuals.yaml'),
      readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'cli', 'demo.actuals.yaml')),
    );
    return project;
  }

  it('are read (a folder and a file so named), through a path argument and through the default globs', async () => {
    const project = gbkProject();
    try {
      for (const paths of [['.'], []]) {
        const result = await runCli(['gaps', ...paths, '--format', 'json', '--as-of', '2024-06-30', '--no-config', '--no-cache'], {
          cwd: project,
        });
        expect(result.status, `${paths.join(' ')}: ${result.stderr}`).toBe(0);
        // the actuals in the GBK-named folder were read: 1020 reported for sampling
        const rows = (JSON.parse(result.stdout) as { targets: { ref: string; actual: number | null }[] }).targets;
        expect(rows.find((row) => row.ref === 'demo-2024:1/sampling')?.actual, `paths: [${paths.join(' ')}]`).toBe(1020);
      }
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('are shown with each byte that is not UTF-8 as \\xNN, in text and JSON', async () => {
    const project = gbkProject('format: plan/1\nid: broken\ntitle: 缺少期间\n');
    try {
      const text = await runCli(['validate', '.', '--no-config', '--no-cache', '--lang', 'en'], { cwd: project });
      expect(text.status).toBe(1);
      expect(text.stdout).toContain(`计划-${shown}.plan.yaml:`);
      expect(text.stdout).not.toContain('\ufffd');
      const json = await runCli(['validate', '.', '--no-config', '--no-cache', '--format', 'json'], { cwd: project });
      const files = (JSON.parse(json.stdout) as { diagnostics: { file: string }[] }).diagnostics.map((d) => d.file);
      expect(files).toContain(`计划-${shown}.plan.yaml`);
    } finally {
      rmSync(project, { recursive: true, force: true });
    }
  });

  it('showBytes keeps valid UTF-8 and shows the rest byte by byte', () => {
    expect(showBytes(bytesPath('计划-', gbk, '.plan.yaml'))).toBe(`计划-${shown}.plan.yaml`);
    expect(showBytes(Buffer.from([0xe8, 0xae, 0xa1, 0xff, 0x41]))).toBe('计\\xff' + 'A');
    expect(showBytes(Buffer.from('纯文本'))).toBe('纯文本');
  });
});
