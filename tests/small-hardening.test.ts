// The small ones of issue 22: an empty --delimiter or --owner is a usage error; an unknown TZ is
// named, not silently UTC.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText } from '../src/core/decode-text.js';
import { diagnosticMessage } from '../src/i18n/diagnostic-messages.js';
import { STACK_FRAME, repoRoot, runCli } from './helpers.js';

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'plan-check-small-'));
  for (const name of ['demo.plan.yaml', 'demo.actuals.yaml', 'demo.actuals.csv']) cpSync(path.join(repoRoot, 'tests', 'fixtures', 'cli', name), path.join(folder, name));
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
  const today = async (env: Record<string, string>, args: string[] = []) => run(['status', '.', '--format', 'json', '--lang', 'en', ...args], env);

  it('an unknown name (a typo) is named on standard error, and today is taken in UTC', async () => {
    for (const zone of ['Asia/Shangai', 'Mars/Olympus', 'nonsense']) {
      const result = await today({ TZ: zone });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stderr).toBe(`plan-check: warning: TZ="${zone}" is not a known timezone, so today is taken in UTC; set --timezone or timezone: in plan-check.yaml to an IANA name such as Asia/Shanghai\n`);
      expect((JSON.parse(result.stdout) as { as_of: string }).as_of).toBe(new Date().toISOString().slice(0, 10));
    }
  });

  it('a known name, a POSIX value, --timezone or --as-of: no warning', async () => {
    for (const env of [{ TZ: 'Asia/Shanghai' }, { TZ: 'CST-8' }, { TZ: 'EST5EDT,M3.2.0,M11.1.0' }, { TZ: ':/etc/localtime' }, { TZ: 'UTC' }]) {
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
