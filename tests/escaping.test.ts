// File names and user text reach no terminal raw (issue 22): ESC/OSC/BEL, CR, LF and U+202E in a
// file name are shown escaped in text, github, stderr and explain; CSV escapes bidi and
// zero-width characters; Markdown neutralises @mentions.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeForTerminal } from '../src/report/escape.js';
import { markdownText } from '../src/report/markdown.js';
import { repoRoot, runCli } from './helpers.js';

// ESC [ 31m, an OSC window title ended by BEL, CR, LF and a right-to-left override, in one name;
// the LF is followed by what would look like a diagnostic line for a file that does not exist
const HOSTILE = 'x\u001b[31m\u001b]0;pwned\u0007\r\nforged.plan.yaml:1:1  error  fake\u202e';
const SHOWN = 'x\\u001b[31m\\u001b]0;pwned\\u0007\\u000d\\u000aforged.plan.yaml:1:1  error  fake\\u202e';
// eslint-disable-next-line no-control-regex
const RAW = /[\u0007\u001b\r\u202e]/;

let folder: string;
beforeAll(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'plan-check-escape-'));
  for (const name of ['demo.plan.yaml', 'demo.actuals.csv'])
    cpSync(path.join(repoRoot, 'tests', 'fixtures', 'cli', name), path.join(folder, name));
  cpSync(path.join(repoRoot, 'tests', 'fixtures', 'cli', 'demo.actuals.yaml'), path.join(folder, `${HOSTILE}.actuals.yaml`));
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A second folder with a broken plan under the hostile name. */
function brokenPlanFolder(): string {
  const broken = mkdtempSync(path.join(tmpdir(), 'plan-check-escape-broken-'));
  writeFileSync(path.join(broken, `${HOSTILE}.plan.yaml`), 'format: plan/1\nid: broken\ntitle: 缺少期间\n');
  return broken;
}

function expectNoRawControls(text: string): void {
  expect(text).not.toMatch(RAW);
  expect(text.split('\n').some((line) => line.startsWith('forged.plan.yaml'))).toBe(false);
}

describe('a hostile file name', () => {
  it('escapeForTerminal shows each character as \\uXXXX', () => {
    expect(escapeForTerminal(HOSTILE)).toBe(SHOWN);
    expect(escapeForTerminal('区市场监管局/计划.plan.yaml')).toBe('区市场监管局/计划.plan.yaml');
  });

  it('validate text: the file header and the diagnostic line show it escaped, one line each', async () => {
    const broken = brokenPlanFolder();
    try {
      const result = await runCli(['validate', '.', '--no-config', '--no-cache', '--lang', 'en'], { cwd: broken });
      expect(result.status).toBe(1);
      expectNoRawControls(result.stdout + result.stderr);
      expect(result.stdout).toContain(`${SHOWN}.plan.yaml:`);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it('validate --format github: escaped in the file property', async () => {
    const broken = brokenPlanFolder();
    try {
      const result = await runCli(['validate', '.', '--no-config', '--no-cache', '--format', 'github'], { cwd: broken });
      expect(result.status).toBe(1);
      expectNoRawControls(result.stdout);
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines.every((line) => line.startsWith('::error ') || line.startsWith('::warning '))).toBe(true);
      // escapeForTerminal first, then the workflow-command escaping of ':' and ','
      expect(lines[0]).toContain(
        'file=x\\u001b[31m\\u001b]0;pwned\\u0007\\u000d\\u000aforged.plan.yaml%3A1%3A1  error  fake\\u202e.plan.yaml,line=',
      );
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it('status: the diagnostics on standard error show it escaped', async () => {
    const broken = brokenPlanFolder();
    try {
      const result = await runCli(['status', '.', '--no-config', '--no-cache', '--as-of', '2024-06-30'], { cwd: broken });
      expect(result.status).toBe(1);
      expectNoRawControls(result.stderr);
      expect(result.stderr).toContain(SHOWN);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it('explain: the place of a reported figure shows it escaped', async () => {
    const result = await runCli(
      ['explain', 'demo-2024:1/sampling', '.', '--no-config', '--no-cache', '--as-of', '2024-06-30', '--lang', 'en'],
      { cwd: folder },
    );
    expect(result.status, result.stderr).toBe(0);
    expectNoRawControls(result.stdout);
    expect(result.stdout).toContain(`${SHOWN}.actuals.yaml:7`);
  });

  it('explain, a ref that matches nothing, and a missing path: escaped on standard error', async () => {
    const ref = await runCli(['explain', `nothing\u001b[2J\n`, '.', '--no-config', '--no-cache'], { cwd: folder });
    expect(ref.status).toBe(2);
    expect(ref.stderr).toContain('nothing\\u001b[2J\\u000a');
    expectNoRawControls(ref.stderr);
    const missing = await runCli(['validate', `gone\u001b]0;t\u0007`, '--no-config'], { cwd: folder });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('gone\\u001b]0;t\\u0007');
    expectNoRawControls(missing.stderr);
  });
});

describe('CSV export', () => {
  it('writes bidi overrides and zero-width characters as \\uXXXX, as SECURITY.md says', async () => {
    const plan = readFileSync(path.join(folder, 'demo.plan.yaml'), 'utf8');
    writeFileSync(
      path.join(folder, 'demo.plan.yaml'),
      plan.replace('metric: 食品监督抽检量', 'metric: "食品\u202e监督\u200b抽检\u2066量\ufeff"'),
    );
    try {
      const result = await runCli(['gaps', '.', '--format', 'csv', '--no-config', '--no-cache', '--as-of', '2024-06-30'], { cwd: folder });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain(',食品\\u202e监督\\u200b抽检\\u2066量\\ufeff,');
      expect(result.stdout).not.toMatch(/[\u202e\u200b\u2066]/);
    } finally {
      writeFileSync(path.join(folder, 'demo.plan.yaml'), plan);
    }
  });
});

describe('Markdown', () => {
  it('neutralises @mentions with a zero-width space after the @, and leaves e-mail addresses alone', () => {
    expect(markdownText('请 @all 注意')).toBe('请 @\u200ball 注意');
    expect(markdownText('@team-leads 和 @张三')).toBe('@\u200bteam-leads 和 @\u200b张三');
    expect(markdownText('报送 a.b@example.org')).toBe('报送 a.b@example.org');
    expect(markdownText('单独的 @ 号')).toBe('单独的 @ 号');
  });

  it('through gaps --format md', async () => {
    const plan = readFileSync(path.join(folder, 'demo.plan.yaml'), 'utf8');
    writeFileSync(path.join(folder, 'demo.plan.yaml'), plan.replace('metric: 食品监督抽检量', 'metric: "@all 食品监督抽检量"'));
    try {
      const result = await runCli(['gaps', '.', '--format', 'md', '--no-config', '--no-cache', '--as-of', '2024-06-30'], { cwd: folder });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain('@\u200ball 食品监督抽检量');
      expect(result.stdout).not.toMatch(/@all/);
    } finally {
      writeFileSync(path.join(folder, 'demo.plan.yaml'), plan);
    }
  });
});
