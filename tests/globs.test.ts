// Globs never follow links to folders, and a config's patterns stay inside its folder (issue 22).
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findFromGlobs, globLeavesBase } from '../src/io/find-sources.js';
import { repoRoot, runCli } from './helpers.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function temporary(prefix: string): string {
  const folder = mkdtempSync(path.join(tmpdir(), prefix));
  folders.push(folder);
  return folder;
}

describe('the glob walker', () => {
  it('does not walk through a link to a folder (outside or inside), but reports a link to a file outside', () => {
    const project = temporary('plan-check-globs-');
    const elsewhere = temporary('plan-check-elsewhere-');
    writeFileSync(path.join(elsewhere, 'far.plan.yaml'), 'x');
    writeFileSync(path.join(project, 'here.plan.yaml'), 'x');
    mkdirSync(path.join(project, 'sub'));
    writeFileSync(path.join(project, 'sub', 'deep.plan.yaml'), 'x');
    symlinkSync('/', path.join(project, 'root'));
    symlinkSync(elsewhere, path.join(project, 'elsewhere'));
    symlinkSync(path.join(project, 'sub'), path.join(project, 'loop'));
    symlinkSync(path.join(elsewhere, 'far.plan.yaml'), path.join(project, 'link.plan.yaml'));
    const started = Date.now();
    const found = findFromGlobs(['**/*.plan.yaml'], project, project);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(found.map((file) => [file.display, file.refused ?? 'read'])).toEqual([
      ['here.plan.yaml', 'read'],
      ['link.plan.yaml', 'outside'],
      ['sub/deep.plan.yaml', 'read'],
    ]);
  });
});

describe("a config's patterns", () => {
  it('absolute or with a .. segment: refused', () => {
    for (const pattern of ['/**/*.plan.yaml', '../other/*.plan.yaml', 'a/../../b.plan.yaml', 'C:/plans/*.plan.yaml', '..\\x\\*.plan.yaml'])
      expect(globLeavesBase(pattern), pattern).toBe(true);
    for (const pattern of ['**/*.plan.yaml', 'plans/*.actuals.csv', 'a..b/*.plan.yaml'])
      expect(globLeavesBase(pattern), pattern).toBe(false);
  });

  it('plans: ["/**/*.plan.yaml"] is a usage error (exit 2) in both languages, without walking the machine', async () => {
    const project = temporary('plan-check-rootglob-');
    for (const name of ['demo.plan.yaml', 'demo.actuals.yaml'])
      cpSync(path.join(repoRoot, 'tests', 'fixtures', 'cli', name), path.join(project, name));
    writeFileSync(path.join(project, 'plan-check.yaml'), 'plans: ["/**/*.plan.yaml"]\n');
    const started = Date.now();
    const en = await runCli(['validate', '--no-cache', '--lang', 'en'], { cwd: project });
    expect(en.status).toBe(2);
    expect(en.stderr).toBe(
      'plan-check: the pattern "/**/*.plan.yaml" in plan-check.yaml looks outside the config\'s folder; write patterns relative to it, without a leading / or ..\n',
    );
    const zh = await runCli(['status', '--no-cache', '--lang', 'zh-CN'], { cwd: project });
    expect(zh.status).toBe(2);
    expect(zh.stderr).toMatch(/plan-check\.yaml 中的模式“\/\*\*\/\*\.plan\.yaml”/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
