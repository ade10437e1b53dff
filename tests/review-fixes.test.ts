// Regressions found in review: each was a wrong figure, a wrong place or a wrong exit code.
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readActualsCsv } from '../src/core/actuals-read.js';
import { evaluateProject } from '../src/core/project.js';
import { binPath, day, project, repoRoot, runBin, runCli } from './helpers.js';

const plan = `format: plan/1
id: p1
title: 测试方案
period: { start: 2024-01-01, end: 2024-12-31 }
units: [区市场监管局, "区发改局(农业农村局)", { name: 区食药安办, aliases: [食药安办] }]
duties:
  - { id: weekly, title: 周报, owner: 区食药安办, every: week, day: 15 }
  - { id: quarterly, title: 季报, owner: 区食药安办, every: quarter, day: 10, month: 5 }
tasks:
  - id: "1"
    title: 任务
    lead: 区市场监管局
    targets:
      - { id: a, metric: 抽检, target: ">= 1000" }
`;

/** the same plan without its (deliberately wrong) reporting duties */
const planWithoutReports = plan.replace(/duties:\n(?: {2}- [^\n]*\n)+/, '');

describe('review regressions', () => {
  it('counts a unit once however its name is typed (full-width brackets, aliases)', () => {
    const p = project({
      'p1.plan.yaml': planWithoutReports,
      'p1.actuals.yaml':
        'format: actuals/1\nplan: p1\nas_of: 2024-06-30\nvalues:\n  - { target: "1", value: 240, reported_by: "区发改局(农业农村局)" }\n  - { target: "1", value: 100, reported_by: 食药安办 }\n',
      'p1.actuals.csv':
        'plan,target,as_of,value,reported_by,note\np1,1,2024-09-30,300,区发改局（农业农村局）,\np1,1,2024-09-30,150,区食药安办,\n',
    });
    expect(p.diagnostics).toEqual([]);
    const result = evaluateProject(p, day('2024-09-30'), 14).targets[0]!;
    // latest per unit: 300 (same unit as 240) + 150 (same unit as 100) = 450
    expect(Number(result.actual!.n) / Number(result.actual!.d)).toBe(450);
  });

  it('refuses recurrence values it would otherwise adjust silently', () => {
    const p = project({ 'p1.plan.yaml': plan });
    expect(p.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(['invalid-value@7:62', 'invalid-value@8:79']);
  });

  it('places CSV problems on their own line after blank lines', () => {
    const text =
      'plan,target,as_of,value,reported_by,note\np1,1,2024-06-30,5,B局,x\n\np1,1,2024-06-30,abc,B局,x\n\n\np1,1,2024-07-30,abc,B局,x\n';
    const read = readActualsCsv(text, 'x.actuals.csv');
    expect(read.diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`)).toEqual(['invalid-value-cell@4:17', 'invalid-value-cell@7:17']);
  });

  it('--fail-on sees every selected result whatever the format shows', async () => {
    for (const format of ['table', 'md', 'json']) {
      expect((await runCli(['status', '--fail-on', 'missed', '--format', format], { cwd: repoRoot })).status, format).toBe(1);
    }
  });

  it('a bad --fail-on value is a usage error before anything is written', async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'plan-check-failon-'));
    const result = await runCli([
      'gaps',
      path.join(repoRoot, 'tests/fixtures/cli'),
      '--format',
      'csv',
      '-o',
      path.join(work, 'g.csv'),
      '--fail-on',
      'bogus',
      '--as-of',
      '2024-06-30',
    ]);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(spawnSync('ls', [work], { encoding: 'utf8' }).stdout.trim()).toBe('');
  });

  it('a full disk on standard output is one line and exit 2, no stack trace', () => {
    const full = openSync('/dev/full', 'w');
    const result = spawnSync(process.execPath, [binPath, 'status', 'tests/fixtures/cli', '--as-of', '2024-06-30'], {
      cwd: repoRoot,
      stdio: ['ignore', full, 'pipe'],
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '', NO_COLOR: '1' },
    });
    closeSync(full);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^plan-check: cannot write output: ENOSPC\n$/);
  });

  it('a POSIX-style TZ means the system timezone, not an error', () => {
    const result = runBin(['status', 'tests/fixtures/cli', '--no-config', '--format', 'json'], { env: { TZ: ':/etc/localtime' } });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).as_of).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('--encoding is a fallback: a GB18030 CSV reads beside UTF-8 plans; an unknown name is a usage error', async () => {
    const work = mkdtempSync(path.join(os.tmpdir(), 'plan-check-gbk-'));
    writeFileSync(path.join(work, 'p1.plan.yaml'), planWithoutReports);
    const csv = 'plan,target,as_of,value,reported_by,note\np1,1,2024-06-30,5,区市场监管局,抽检\n';
    const gbk = spawnSync('iconv', ['-f', 'utf-8', '-t', 'gb18030'], { input: csv });
    writeFileSync(path.join(work, 'p1.actuals.csv'), gbk.stdout);
    expect((await runCli(['validate', work, '--no-config'])).status).toBe(1);
    expect((await runCli(['validate', work, '--no-config', '--encoding', 'gb18030'])).status).toBe(0);
    expect((await runCli(['validate', work, '--no-config', '--encoding', 'no-such-encoding'])).status).toBe(2);
  });

  it('says what is wrong with a completion that names both a task and a phase, or neither', () => {
    const p = project({
      'p1.plan.yaml': planWithoutReports,
      'p1.actuals.yaml': 'format: actuals/1\nplan: p1\ndone:\n  - { task: "1", phase: x, date: 2024-02-01 }\n  - { date: 2024-02-01 }\n',
    });
    expect(p.diagnostics.map((d) => `${d.code}@${d.line}:${d.args.reason ?? d.args.key}`)).toEqual([
      'invalid-value@4:exclusive-done',
      'missing-key@5:task | phase',
    ]);
  });
});
