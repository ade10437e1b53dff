// plan-check.yaml gets exactly the checks a plan file gets (issue 22): a regular file, looked at
// with fstat before it is read, under the size limit, strictly decoded, not a link out of its
// folder when found by searching; a config taken from a parent folder is named on standard error.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliResult, STACK_FRAME, repoRoot, runCli } from './helpers.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A folder holding the demo plan and actuals, without a config. */
function project(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'plan-check-config-'));
  folders.push(folder);
  for (const name of ['demo.plan.yaml', 'demo.actuals.yaml', 'demo.actuals.csv'])
    cpSync(path.join(repoRoot, 'tests', 'fixtures', 'cli', name), path.join(folder, name));
  return folder;
}

const status = (cwd: string, args: string[] = []) => runCli(['status', '--as-of', '2024-06-30', '--no-cache', ...args], { cwd });

function expectUnreadableConfig(result: CliResult, reason: RegExp, validateReport = false): void {
  // status: the diagnostics on standard error and no report; validate: its report is the diagnostics
  const text = validateReport ? result.stdout : result.stderr;
  expect(result.status, result.stderr).toBe(2);
  expect(text).toMatch(/plan-check\.yaml:1:1/);
  expect(text).toMatch(/file-unreadable/);
  expect(text).toMatch(reason);
  expect(result.stdout + result.stderr).not.toMatch(/internal error/);
  expect(result.stdout + result.stderr).not.toMatch(STACK_FRAME);
  if (!validateReport) expect(result.stdout).toBe('');
}

describe('plan-check.yaml read like a plan file', () => {
  it('found as a link to a file outside its folder: not read, so never quoted', async () => {
    const folder = project();
    const secrets = path.join(folders[0] ?? folder, '..', `credentials-${path.basename(folder)}`);
    writeFileSync(secrets, 'plans: [https://user:hunter2-SECRET@example.invalid]\n');
    folders.push(secrets);
    symlinkSync(secrets, path.join(folder, 'plan-check.yaml'));
    const result = await status(folder);
    expectUnreadableConfig(result, /outside its folder/);
    expect(result.stderr).not.toContain('hunter2');
  });

  it('a link inside its own folder is read', async () => {
    const folder = project();
    writeFileSync(path.join(folder, 'settings.yaml'), 'warn_days: 3\n');
    symlinkSync('settings.yaml', path.join(folder, 'plan-check.yaml'));
    const result = await status(folder);
    expect(result.status, result.stderr).toBe(0);
  });

  it('found as a FIFO, or as a link to /dev/zero: refused at once, no hang and no memory eaten', async () => {
    const fifoProject = project();
    execFileSync('mkfifo', [path.join(fifoProject, 'plan-check.yaml')]);
    const started = Date.now();
    expectUnreadableConfig(await status(fifoProject), /not a regular file/);
    const zeroProject = project();
    symlinkSync('/dev/zero', path.join(zeroProject, 'plan-check.yaml'));
    expectUnreadableConfig(await status(zeroProject), /outside its folder/);
    // named with --config: read wherever it is (the user chose it), but only a regular file
    expectUnreadableConfig(await status(zeroProject, ['--config', 'plan-check.yaml']), /not a regular file/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a folder named plan-check.yaml is reported, not an internal error', async () => {
    const folder = project();
    mkdirSync(path.join(folder, 'plan-check.yaml'));
    expectUnreadableConfig(await status(folder), /not a regular file/);
    expectUnreadableConfig(await runCli(['validate', '--no-cache'], { cwd: folder }), /not a regular file/, true);
  });

  it('over --max-file-size: file-too-large with the sizes, exit 1', async () => {
    const folder = project();
    const text = `# ${'x'.repeat(100)}\nwarn_days: 3\n`; // 2 + 100 + 1 + 13 = 116 bytes
    expect(Buffer.byteLength(text)).toBe(116);
    writeFileSync(path.join(folder, 'plan-check.yaml'), text);
    const result = await status(folder, ['--max-file-size', '100000', '--lang', 'en']);
    expect(result.status).toBe(0);
    const small = await runCli(['validate', '--no-cache', '--max-file-size', '115'], { cwd: folder });
    expect(small.status).toBe(1);
    expect(small.stdout + small.stderr).toMatch(/plan-check\.yaml:1:1/);
    expect(small.stdout + small.stderr).toMatch(/116 bytes, over the limit of 115/);
  });

  it('not UTF-8: the same encoding diagnostic a plan gets', async () => {
    const folder = project();
    writeFileSync(path.join(folder, 'plan-check.yaml'), Buffer.from([0x23, 0x20, 0xc4, 0xe3, 0xba, 0xc3, 0x0a])); // "# 你好" in GBK
    const result = await runCli(['validate', '--no-cache', '--format', 'json'], { cwd: folder });
    expect(result.status).toBe(1);
    const diagnostics = (JSON.parse(result.stdout) as { diagnostics: { file: string; code: string }[] }).diagnostics;
    expect(diagnostics.filter((d) => d.file === 'plan-check.yaml').map((d) => d.code)).toEqual(['file-encoding']);
  });
});

describe('a config from a parent folder', () => {
  it("is named on standard error, in the user's language; one in the working folder is not", async () => {
    const folder = project();
    writeFileSync(path.join(folder, 'plan-check.yaml'), 'plans: ["**/*.plan.yaml"]\n');
    const sub = path.join(folder, 'sub');
    mkdirSync(sub);
    const en = await runCli(['validate', '--no-cache', '--lang', 'en'], { cwd: sub });
    // shown as displayed paths are: absolute outside the working folder
    expect(en.stderr).toContain(`plan-check: using ${path.join(folder, 'plan-check.yaml')} from a parent folder (--no-config ignores it`);
    const zh = await runCli(['validate', '--no-cache', '--lang', 'zh-CN'], { cwd: sub });
    expect(zh.stderr).toContain(`plan-check: 使用上级文件夹中的 ${path.join(folder, 'plan-check.yaml')}`);
    const here = await runCli(['validate', '--no-cache', '--lang', 'en'], { cwd: folder });
    expect(here.stderr).not.toContain('parent folder');
    const off = await runCli(['validate', '--no-cache', '--no-config', '--lang', 'en', '.'], { cwd: sub });
    expect(off.stderr).not.toContain('parent folder');
  });
});
