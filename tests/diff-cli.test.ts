// plan-check diff end to end: the built binary on a real git repository made in a temporary folder
// (OLD NEW files and revisions, REV..REV, REV...REV, --base), every format in both languages, the
// --fail-on gate with `# approved:` notes, and bad input (diagnostics with file:line:col, exit 1 or 2).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, parseDocument } from 'yaml';
import { changeKinds } from '../src/diff/change-kinds.js';
import { scaffoldFiles } from '../src/init/scaffold.js';
import { STACK_FRAME, repoRoot, runBin, runCli, timezones, useTimezone } from './helpers.js';

const plan = `format: plan/1
id: town-2024
title: 2024年全镇食品安全工作要点
period: { start: 2024-01-01, end: 2024-12-31 }
population: 543000
duties:
  - { id: annual, title: 报全年工作总结, owner: 区食药安办, due: 2024-11-15 }
sections:
  - title: 提升保障能力
    tasks:
      - id: "4"
        title: 提升风险预警能力
        lead: [区市场监管局]
        due: 2024-06-30
        targets:
          - { id: sampling, metric: 食品监督抽检量, target: ">= 1900", unit: 批次 }
          - { id: per-capita, metric: 抽检量（千人标准）, target: ">= 3.5 per 1000", unit: 批次 }
`;
// the second commit: sampling lowered 1900 → 1800 (−5.26…%), task 4 due 2024-06-30 → 2024-09-30 (92 days: Jul 31 + Aug 31 + Sep 30)
const second = plan.replace('">= 1900"', '">= 1800"').replace('due: 2024-06-30', 'due: 2024-09-30');
// the working tree: the annual duty removed
const working = second.replace(/ {2}- \{ id: annual.*\n/, '');

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function git(cwd: string, ...args: string[]): string {
  const result = spawnSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      GIT_AUTHOR_NAME: 't',
      GIT_AUTHOR_EMAIL: 't@example.org',
      GIT_COMMITTER_NAME: 't',
      GIT_COMMITTER_EMAIL: 't@example.org',
      GIT_CONFIG_NOSYSTEM: '1',
      HOME: cwd,
    },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout.trim();
}

function repository(): string {
  const root = mkdtempSync(path.join(tmpdir(), 'plan-check-diff-'));
  folders.push(root);
  mkdirSync(path.join(root, 'plans'));
  git(root, 'init', '-q', '-b', 'main');
  writeFileSync(path.join(root, 'plans', 'town.plan.yaml'), plan);
  git(root, 'add', '.');
  git(root, 'commit', '-q', '-m', 'first');
  writeFileSync(path.join(root, 'plans', 'town.plan.yaml'), second);
  git(root, 'commit', '-q', '-am', 'second');
  writeFileSync(path.join(root, 'plans', 'town.plan.yaml'), working);
  return root;
}

// the case tables run in this process (runCli); the scaffolded repository below is the one end-to-end run of the built binary
const run = (cwd: string, args: string[], env: Record<string, string> = {}) =>
  runCli(['diff', ...args], { cwd, env: { HOME: cwd, ...env } });
const runSpawned = (cwd: string, args: string[]) => runBin(['diff', ...args], { cwd, env: { HOME: cwd } });
const kinds = (stdout: string) => (JSON.parse(stdout) as { changes: { id: string }[] }).changes.map((change) => change.id);

describe('plan-check diff on a git repository', () => {
  let root = '';
  beforeAll(() => {
    root = repository();
  });

  // in the order of the new file: task 4's due (line 14), then its target (line 16)
  const committed = ['deadline-later@town-2024:task/4', 'lowered@town-2024:4/sampling'];
  const uncommitted = ['removed@town-2024:duty/annual'];

  // in process, the zone is the process's own (useTimezone), as the binary's would be under TZ
  describe.each(timezones)('TZ=%s', (tz) => {
    useTimezone(tz);
    it('reads every form of revision the same way', async () => {
      const env = { TZ: tz };
      for (const form of [
        ['HEAD~1..HEAD'],
        ['HEAD~1...HEAD'],
        ['HEAD~1', 'HEAD'],
        ['HEAD~1..HEAD', 'plans'],
        ['main~1..main', 'plans/town.plan.yaml'],
      ]) {
        const result = await run(root, [...form, '--format', 'json'], env);
        expect(result.stderr, form.join(' ')).toBe('');
        expect(result.status).toBe(0);
        expect(kinds(result.stdout), form.join(' ')).toEqual(committed);
      }
      expect(kinds((await run(root, ['--base', 'HEAD', '--format', 'json'], env)).stdout)).toEqual(uncommitted);
      // the removed duty is placed where `duties:` still is (line 6), before task 4
      expect(kinds((await run(root, ['--base', 'HEAD~1', 'plans', '--format', 'json'], env)).stdout)).toEqual([
        ...uncommitted,
        ...committed,
      ]);
      expect(kinds((await run(root, ['HEAD~1', 'plans/town.plan.yaml', '--format', 'json'], env)).stdout)).toEqual(
        kinds((await run(root, ['--base', 'HEAD~1', '--format', 'json'], env)).stdout),
      );
    });
  });

  it('gives the figures: the change in %, the days, the places in the new file', async () => {
    const result = await run(root, ['HEAD~1..HEAD', '--format', 'json']);
    const body = JSON.parse(result.stdout);
    expect(body.old).toBe('HEAD~1');
    expect(body.new).toBe('HEAD');
    expect(body.summary).toEqual({ changes: 2, approved: 0, by_kind: { lowered: 1, 'deadline-later': 1 } });
    expect(body.gate).toEqual({ fail_on: [], failed: false, changes: [] });
    const [deadline, lowered] = body.changes;
    const targetColumn = second.split('\n')[15]!.indexOf('">= 1800"') + 1;
    expect(deadline).toMatchObject({
      kind: 'deadline-later',
      subject: 'task',
      field: 'due',
      old: '2024-06-30',
      new: '2024-09-30',
      days: 31 + 31 + 30,
      at: { file: 'plans/town.plan.yaml', line: 14, column: 14 },
    });
    expect(lowered).toMatchObject({
      kind: 'lowered',
      subject: 'target',
      old: 1900,
      new: 1800,
      unit: '批次',
      at: { file: 'plans/town.plan.yaml', line: 16, column: targetColumn },
    });
    expect(lowered.change_percent).toBeCloseTo(((1800 - 1900) / 1900) * 100, 9);
  });

  it('gates with --fail-on: exit 1 for a kind present, 0 for one absent', async () => {
    const gated = await run(root, ['HEAD~1..HEAD', '--fail-on', 'lowered,removed', '--lang', 'en']);
    expect(gated.status).toBe(1);
    expect(gated.stdout).toContain('1 change of the kinds named by --fail-on (lowered) is not approved.');
    expect((await run(root, ['HEAD~1..HEAD', '--fail-on', 'raised,removed'])).status).toBe(0);
    expect((await run(root, ['--base', 'HEAD', '--fail-on', 'removed'])).status).toBe(1);
    expect((await run(root, ['--base', 'HEAD', '--fail-on', 'any'])).status).toBe(1);
    const json = await run(root, ['HEAD~1..HEAD', '--fail-on', 'lowered', '--format', 'json', '--lang', 'en']);
    expect(json.status).toBe(1);
    expect(json.stderr).toBe('1 change of the kinds named by --fail-on (lowered) is not approved.\n');
    expect(JSON.parse(json.stdout).gate).toEqual({ fail_on: ['lowered'], failed: true, changes: ['lowered@town-2024:4/sampling'] });
  });

  it('lets an `# approved:` note in the new plan pass the gate, and shows the change as approved', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'plan-check-diff-approved-'));
    folders.push(folder);
    writeFileSync(path.join(folder, 'old.plan.yaml'), plan);
    writeFileSync(path.join(folder, 'new.plan.yaml'), `${second}# approved: lowered@4/sampling  (区政府常务会议 2024-05-10 同意)\n`);
    const result = await run(folder, ['old.plan.yaml', 'new.plan.yaml', '--fail-on', 'lowered', '--format', 'json']);
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).changes.map((change: { id: string; approved: boolean }) => [change.id, change.approved])).toEqual([
      ['deadline-later@town-2024:task/4', false],
      ['lowered@town-2024:4/sampling', true],
    ]);
    expect((await run(folder, ['old.plan.yaml', 'new.plan.yaml', '--fail-on', 'lowered,deadline-later'])).status).toBe(1);
  });

  it('finds no change in a commit that only reformats the plan', async () => {
    const folder = repository();
    git(folder, 'commit', '-q', '-am', 'third');
    const reformatted = working
      .replace('period: { start: 2024-01-01, end: 2024-12-31 }', 'period:\n  end: 2024-12-31\n  start: 2024-01-01   # 全年')
      .replace('">= 1800"', "'>=1800'")
      .replace('lead: [区市场监管局]', 'lead:\n          - 区市场监管局');
    writeFileSync(path.join(folder, 'plans', 'town.plan.yaml'), `# 重新排版\n${reformatted}`);
    git(folder, 'commit', '-q', '-am', 'reformat');
    const result = await run(folder, ['HEAD~1..HEAD', '--fail-on', 'any', '--lang', 'en']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('Plan changes: HEAD~1 → HEAD\nNo change to the commitments.\n');
  });

  it("writes Markdown for a pull-request comment, in the plan's language", async () => {
    const result = await run(root, ['HEAD~1..HEAD', '--format', 'md', '--fail-on', 'lowered'], { LANG: '' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(
      [
        '<!-- plan-check-diff -->',
        '### 方案变化：HEAD\\~1 → HEAD', // ~ escaped: GitHub reads ~text~ as strikethrough
        '',
        '| 变化 | 对象 | 原 | 新 | 说明 | id |',
        '| --- | --- | --- | --- | --- | --- |',
        '| 期限推迟 | 任务 task/4 提升风险预警能力 · due | 2024-06-30 | 2024-09-30 | 推迟 92 天 | `deadline-later@task/4` |',
        '| ❌ 指标调低 | 指标 4/sampling 食品监督抽检量 | 1,900 批次 | 1,800 批次 | −5.26%（要求降低） | `lowered@4/sampling` |',
        '',
        '共 2 处变化（期限推迟 1，指标调低 1）。',
        '',
        '**有 1 处 --fail-on 所列类型（lowered）的变化未经批准。**',
        '',
      ].join('\n'),
    );
  });

  it('prints a table in English with --lang en', async () => {
    const result = await run(root, ['HEAD~1..HEAD', '--lang', 'en']);
    expect(result.status).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe('Plan changes: HEAD~1 → HEAD');
    expect(lines.find((line) => line.includes('due later'))).toMatch(
      /│ due later +│ task task\/4 提升风险预警能力 · due +│ 2024-06-30 +│ 2024-09-30 +│ 92 days later +│/,
    );
    expect(lines.find((line) => line.includes('target lowered'))).toMatch(
      /│ target lowered +│ target 4\/sampling 食品监督抽检量 +│ 1,900 批次 +│ 1,800 批次 +│ −5.26% \(weaker\) +│/,
    );
    expect(lines.at(-2)).toBe('2 changes (due later 1, target lowered 1).');
  });

  it('annotates the changed lines of the new file for GitHub', async () => {
    const result = await run(root, ['HEAD~1..HEAD', '--format', 'github', '--fail-on', 'lowered', '--lang', 'en']);
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n')).toEqual([
      '::notice file=plans/town.plan.yaml,line=14,col=14,title=plan-check diff%3A deadline-later::due later: task task/4 提升风险预警能力 · due: 2024-06-30 → 2024-09-30 (92 days later) [deadline-later@task/4]',
      `::error file=plans/town.plan.yaml,line=16,col=${second.split('\n')[15]!.indexOf('">= 1800"') + 1},title=plan-check diff%3A lowered::target lowered: target 4/sampling 食品监督抽检量: 1,900 批次 → 1,800 批次 (−5.26%25 (weaker)) [lowered@4/sampling]`,
      '',
    ]);
  });
});

describe('plan-check diff: bad input', () => {
  let folder = '';
  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'plan-check-diff-bad-'));
    folders.push(folder);
    writeFileSync(path.join(folder, 'old.plan.yaml'), plan);
    writeFileSync(path.join(folder, 'broken.plan.yaml'), plan.replace('title: 提升风险预警能力', 'title: [提升风险预警能力'));
    writeFileSync(path.join(folder, 'list.plan.yaml'), '- a\n- b\n');
  });

  it('a YAML syntax error: the diagnostic with file:line:col on standard error, exit 1, nothing on standard output', async () => {
    const result = await run(folder, ['old.plan.yaml', 'broken.plan.yaml', '--lang', 'en']);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^broken\.plan\.yaml:\d+:\d+ {2}error {2}yaml-syntax {2}/m);
    expect(result.stderr).not.toMatch(STACK_FRAME);
    const zh = await run(folder, ['old.plan.yaml', 'list.plan.yaml', '--lang', 'zh-CN']);
    expect(zh.status).toBe(1);
    expect(zh.stderr).toContain('list.plan.yaml:1:1  错误  wrong-type  文件内容应为“键: 值”形式的映射');
  });

  it('usage errors exit 2: one side, an unknown side, an unknown kind for --fail-on, outside a repository', async () => {
    for (const [args, message] of [
      [['old.plan.yaml'], 'give OLD and NEW (files, folders or git revisions), or REV..REV, or --base REV'],
      [['old.plan.yaml', 'nope'], 'nope: no such file or folder, and not a git revision here'],
      [['old.plan.yaml', 'old.plan.yaml', '--fail-on', 'lowerd'], '--fail-on: "lowerd" is not a kind of change'],
      [['--base', 'HEAD'], 'HEAD: no such file or folder, and not a git revision here'],
      [['--base', '--output=x'], 'not a git revision'],
    ] as const) {
      const result = await run(folder, [...args, '--lang', 'en']);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toContain(message);
      expect(result.stderr).not.toMatch(STACK_FRAME);
    }
  });
});

describe('plan-check init: the CI files run plan-check diff', () => {
  it.each(['en', 'zh-CN'] as const)('the GitHub workflow and the GitLab job gate pull requests (%s)', (lang) => {
    const files = scaffoldFiles({ today: '2025-06-15', lang });
    const workflow = parse(files.find((file) => file.path === '.github/workflows/plan-check.yml')!.content);
    expect(workflow.on.pull_request.types).toEqual(['opened', 'synchronize', 'reopened', 'labeled', 'unlabeled']);
    const steps = Object.values(
      workflow.jobs as Record<
        string,
        { steps: { uses?: string; with?: Record<string, unknown>; run?: string; if?: string; env?: Record<string, string> }[] }
      >,
    )[0]!.steps;
    expect(steps.find((step) => step.uses?.startsWith('actions/checkout@'))!.with).toEqual({ 'fetch-depth': 0 });
    const diffStep = steps.find((step) => step.run?.includes('plan-check diff'))!;
    expect(diffStep.if).toBe("github.event_name == 'pull_request'");
    expect(diffStep.env).toEqual({
      BASE: 'origin/${{ github.base_ref }}',
      APPROVED: "${{ contains(github.event.pull_request.labels.*.name, 'plan-change-approved') }}",
    });
    expect(diffStep.run!.split('\n')).toEqual([
      'npx plan-check diff "$BASE...HEAD" --format md >> "$GITHUB_STEP_SUMMARY"',
      'if [ "$APPROVED" = true ]; then gate=""; else gate="--fail-on lowered,removed,deadline-later"; fi',
      'npx plan-check diff "$BASE...HEAD" --format github $gate',
      '',
    ]);
    const gitlab = parse(files.find((file) => file.path === '.gitlab-ci.yml')!.content);
    expect(gitlab['plan-check-diff'].variables).toEqual({ GIT_DEPTH: 0 });
    expect(gitlab['plan-check-diff'].rules).toEqual([{ if: '$CI_PIPELINE_SOURCE == "merge_request_event"' }]);
    expect(gitlab['plan-check-diff'].script.at(-1)).toBe('npx plan-check diff "origin/$CI_MERGE_REQUEST_TARGET_BRANCH_NAME...HEAD" $gate');
  });

  it('in a scaffolded repository, a lowered example target fails the gate until a note approves it', () => {
    const parent = mkdtempSync(path.join(tmpdir(), 'plan-check-diff-init-'));
    folders.push(parent);
    expect(runBin(['init', 'repo', '--lang', 'en'], { cwd: parent }).status).toBe(0);
    const root = path.join(parent, 'repo');
    git(root, 'init', '-q', '-b', 'main');
    git(root, 'add', '.');
    git(root, 'commit', '-q', '-m', 'scaffold');
    const planFile = path.join(root, 'plans', readdirSync(path.join(root, 'plans'))[0]!);
    const text = readFileSync(planFile, 'utf8');
    writeFileSync(planFile, text.replace('target: ">= 1500"', 'target: ">= 1200"'));
    git(root, 'commit', '-q', '-am', 'lower');
    // what the workflow runs, with main~1 standing for origin/main
    const gated = runSpawned(root, ['main~1...HEAD', '--format', 'github', '--fail-on', 'lowered,removed,deadline-later', '--lang', 'en']);
    expect(gated.status).toBe(1);
    // (1200 − 1500) / 1500 = −20%
    expect(gated.stdout).toMatch(
      /^::error file=plans\/example-\d{4}-food-safety\.plan\.yaml,line=\d+,col=\d+,title=plan-check diff%3A lowered::target lowered: target 1\/sampling 食品监督抽检量: 1,500 批次 → 1,200 批次 \(−20%25 \(weaker\)\) \[lowered@1\/sampling\]\n$/,
    );
    writeFileSync(planFile, `${readFileSync(planFile, 'utf8')}# approved: lowered@1/sampling\n`);
    git(root, 'commit', '-q', '-am', 'approve');
    expect(runSpawned(root, ['main~2...HEAD', '--fail-on', 'lowered,removed,deadline-later']).status).toBe(0);
  });
});

describe('docs/diff.md', () => {
  const text = readFileSync(path.join(repoRoot, 'docs', 'diff.md'), 'utf8');
  const blocks = [...text.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!);
  const help = runBin(['diff', '--help', '--lang', 'en']).stdout;

  it('shows workflows that parse, and whose plan-check diff commands use options diff has', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(3);
    const commands: string[] = [];
    for (const block of blocks) {
      const document = parseDocument(block);
      expect(document.errors).toEqual([]);
      commands.push(...block.split('\n').filter((line) => line.includes('plan-check diff')));
    }
    expect(commands.length).toBeGreaterThanOrEqual(4);
    for (const line of commands) {
      for (const flag of line.match(/--[a-z-]+/g) ?? []) expect(help, `${flag} in ${line}`).toContain(`${flag} `);
    }
    expect(commands.some((line) => line.includes('--fail-on lowered'))).toBe(true);
  });

  it('documents every kind of change', () => {
    for (const kind of changeKinds) expect(text, kind).toContain(`\`${kind}\``);
  });
});
