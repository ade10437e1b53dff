// plan-check init: the scaffold is a working plan repository (validate and status pass in it), init
// never overwrites, and the CI files and the pre-commit hook run the right commands.
import { appendFileSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validateFormats } from '../src/cli/commands/validate.js';
import { scaffoldFiles } from '../src/init/scaffold.js';
import { project, repoRoot, runBin, runCli } from './helpers.js';

const temporary: string[] = [];
function freshFolder(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'plan-check-init-'));
  temporary.push(folder);
  return folder;
}
afterAll(() => {
  for (const folder of temporary) rmSync(folder, { recursive: true, force: true });
});

/** every file under a folder, relative with forward slashes, with its content */
function snapshot(folder: string): Record<string, string> {
  const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => statSync(path.join(folder, name)).isFile());
  return Object.fromEntries(files.sort().map((name) => [name.split(path.sep).join('/'), readFileSync(path.join(folder, name), 'utf8')]));
}

const scaffoldPaths = scaffoldFiles({ today: '2025-06-15', lang: 'en' }).map((file) => file.path.replace(/example-2025/, 'example-YEAR'));

// init runs the built binary once (plan-check init DIR, below); the rest runs in process (runCli)
describe('plan-check init DIR', () => {
  const parent = freshFolder();
  const dir = path.join(parent, 'plans-repo');
  const first = runBin(['init', 'plans-repo', '--lang', 'en'], { cwd: parent });
  const created = snapshot(dir);

  it('creates the folder and every file, and lists them', () => {
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(
      Object.keys(created)
        .map((name) => name.replace(/example-\d{4}/, 'example-YEAR'))
        .sort(),
    ).toEqual([...scaffoldPaths].sort());
    for (const file of Object.keys(created)) expect(first.stdout).toMatch(new RegExp(`^  created  ${file.replace(/\./g, '\\.')}$`, 'm'));
    expect(first.stdout).toContain(`${Object.keys(created).length} files created, 0 existing files kept`);
    expect(first.stdout).toContain('cd plans-repo');
  });

  it('is a plan repository that validate accepts without a warning', async () => {
    const text = await runCli(['validate', '--lang', 'en'], { cwd: dir });
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^Checked 1 plan, 3 tasks, 3 targets, 2 actuals files \(4 rows\): no problems\.$/m);
    const json = await runCli(['validate', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(json.stdout)).toEqual({ valid: true, diagnostics: [] });
  });

  it('gives status a live meeting view: the plan covers this year, the figures are dated today', async () => {
    const table = await runCli(['status', '--lang', 'en'], { cwd: dir });
    expect(table.stderr).toBe('');
    expect(table.status).toBe(0);
    expect(table.stdout).toMatch(/^Status as of \d{4}-\d{2}-\d{2}$/m);
    expect(table.stdout).toMatch(/^3 targets: /m);
    const json = await runCli(['status', '--format', 'json'], { cwd: dir });
    const data = JSON.parse(json.stdout) as {
      summary: Record<string, number>;
      targets: { ref: string; status: string }[];
      deadlines: { kind: string }[];
    };
    expect(data.summary.targets).toBe(3);
    expect(data.summary.no_data).toBe(0);
    expect(data.targets.find((target) => target.ref.endsWith(':2/accidents'))?.status).toBe('met');
    const markdown = await runCli(['status', '--format', 'md', '--lang', 'zh-CN'], { cwd: dir });
    expect(markdown.status).toBe(0);
    expect(markdown.stdout).toMatch(/^## 截至 \d{4}-\d{2}-\d{2} 工作进展$/m);
  });

  it.runIf((validateFormats as readonly string[]).includes('junit'))('gives GitLab its JUnit report', async () => {
    const junit = await runCli(['validate', '--format', 'junit'], { cwd: dir });
    expect(junit.status).toBe(0);
    expect(junit.stdout).toMatch(/^<\?xml/);
  });

  it('writes the schemas the schema command prints, and the editor settings bind them', async () => {
    for (const name of ['plan', 'actuals', 'config']) {
      expect(created[`.plan-check/schemas/${name}.schema.json`]).toBe((await runCli(['schema', name])).stdout);
    }
    const settings = JSON.parse(created['.vscode/settings.json']!) as { 'yaml.schemas': Record<string, string[]> };
    const bound = settings['yaml.schemas'];
    expect(bound['./.plan-check/schemas/plan.schema.json']).toContain('**/*.plan.yaml');
    expect(bound['./.plan-check/schemas/actuals.schema.json']).toContain('**/*.actuals.yaml');
    expect(bound['./.plan-check/schemas/config.schema.json']).toContain('plan-check.yaml');
    for (const schema of Object.keys(bound)) expect(existsSync(path.join(dir, schema))).toBe(true);
  });

  it('writes yaml-language-server modelines that resolve offline', () => {
    const yamlFiles = Object.keys(created).filter((name) => /^(plans|actuals)\/|^plan-check\.yaml$/.test(name) && name.endsWith('.yaml'));
    expect(yamlFiles).toHaveLength(3);
    for (const name of yamlFiles) {
      const schema = /^# yaml-language-server: \$schema=(.+)$/m.exec(created[name]!)?.[1];
      expect(schema, name).toBeDefined();
      expect(existsSync(path.resolve(dir, path.dirname(name), schema!)), `${name} → ${schema}`).toBe(true);
    }
  });

  it('writes a GitHub workflow that installs plan-check, annotates the pull request and fills the summary', () => {
    const workflow = parse(created['.github/workflows/plan-check.yml']!) as {
      on: Record<string, unknown>;
      jobs: Record<string, { 'runs-on': string; env: Record<string, string>; steps: { uses?: string; run?: string }[] }>;
    };
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    const [job] = Object.values(workflow.jobs);
    const steps = job!.steps;
    const index = (predicate: (step: { uses?: string; run?: string }) => boolean) => steps.findIndex(predicate);
    const checkout = index((s) => s.uses?.startsWith('actions/checkout@') ?? false);
    const setupNode = index((s) => s.uses?.startsWith('actions/setup-node@') ?? false);
    const install = index((s) => /npm install .*"\$PLAN_CHECK_PACKAGE"/.test(s.run ?? ''));
    const validate = index((s) => s.run === 'npx --yes plan-check validate --format github');
    const status = index((s) => s.run === 'npx plan-check status --format md >> "$GITHUB_STEP_SUMMARY"');
    expect([checkout, setupNode, install, validate, status].every((i) => i >= 0)).toBe(true);
    expect(checkout < setupNode && setupNode < install && install < validate && validate < status).toBe(true);
    // never fetched from the registry by name while plan-check is unpublished: the install step refuses
    expect(job!.env.PLAN_CHECK_PACKAGE).toBe('${{ vars.PLAN_CHECK_PACKAGE }}');
    expect(steps[install]!.run).toMatch(/if \[ -z "\$PLAN_CHECK_PACKAGE" \]; then[\s\S]*exit 1/);
  });

  it('writes a GitLab job that uploads a JUnit report', () => {
    const ci = parse(created['.gitlab-ci.yml']!) as Record<
      string,
      { image: string; script: string[]; artifacts: { when: string; reports: { junit: string } } }
    >;
    const job = ci['plan-check']!;
    expect(job.image).toMatch(/^node:\d+/);
    expect(job.script.some((line) => line.includes('plan-check validate --format junit > plan-check-junit.xml'))).toBe(true);
    expect(job.script.findIndex((line) => line.includes('npm install'))).toBeLessThan(
      job.script.findIndex((line) => line.includes('--format junit')),
    );
    expect(job.artifacts).toEqual({ when: 'always', reports: { junit: 'plan-check-junit.xml' } });
  });

  it('keeps every file on a second run, unchanged', async () => {
    const again = await runCli(['init', 'plans-repo', '--lang', 'en'], { cwd: parent });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`0 files created, ${Object.keys(created).length} existing files kept`);
    for (const file of Object.keys(created))
      expect(again.stdout).toMatch(new RegExp(`^  kept     ${file.replace(/\./g, '\\.')} \\(already there, not changed\\)$`, 'm'));
    expect(snapshot(dir)).toEqual(created);
  });

  it('says so in Chinese', async () => {
    const again = await runCli(['init', 'plans-repo', '--lang', 'zh-CN'], { cwd: parent });
    expect(again.status).toBe(0);
    expect(again.stdout).toContain(`新建 0 个文件，保留 ${Object.keys(created).length} 个已有文件`);
    expect(again.stdout).toMatch(/^ {2}已保留 {2}plan-check\.yaml（文件已存在，未改动）$/m);
  });
});

describe('plan-check init into a folder with files of its own', () => {
  it('keeps an existing file and creates the rest', async () => {
    const dir = freshFolder();
    writeFileSync(path.join(dir, 'plan-check.yaml'), 'warn_days: 3\n');
    const result = await runCli(['init', '--lang', 'en'], { cwd: dir });
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(dir, 'plan-check.yaml'), 'utf8')).toBe('warn_days: 3\n');
    expect(result.stdout).toMatch(/^ {2}kept {5}plan-check\.yaml /m);
    expect(result.stdout).toMatch(/^ {2}created {2}\.gitlab-ci\.yml$/m);
    expect(result.stdout).not.toContain('cd ');
  });

  it('refuses a DIR that is a file, and reports a file where a folder belongs', async () => {
    const dir = freshFolder();
    writeFileSync(path.join(dir, 'not-a-folder'), '');
    const onFile = await runCli(['init', 'not-a-folder', '--lang', 'en'], { cwd: dir });
    expect(onFile.status).toBe(2);
    expect(onFile.stderr).toBe('plan-check: not-a-folder exists and is not a folder\n');
    writeFileSync(path.join(dir, 'plans'), 'a file, not a folder');
    const blocked = await runCli(['init', '--lang', 'en'], { cwd: dir });
    expect(blocked.status).toBe(2);
    expect(blocked.stdout).toMatch(
      /^ {2}failed {3}plans\/example-\d{4}-food-safety\.plan\.yaml \(could not create it: (EEXIST|ENOTDIR)\)$/m,
    );
    expect(readFileSync(path.join(dir, 'plans'), 'utf8')).toBe('a file, not a folder');
    expect(existsSync(path.join(dir, 'plan-check.yaml'))).toBe(true);
  });
});

describe('the scaffold at any date of the year', () => {
  it.each(['2025-01-01', '2025-01-09', '2025-02-28', '2024-02-29', '2025-06-15', '2025-12-31'])('is valid on %s', (today) => {
    const files = Object.fromEntries(
      scaffoldFiles({ today, lang: 'zh-CN' })
        .filter((f) => /\.(plan|actuals)\.(yaml|csv)$/.test(f.path))
        .map((f) => [f.path, f.content]),
    );
    const loaded = project(files);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.plans.map((plan) => plan.id)).toEqual([`example-${today.slice(0, 4)}-food-safety`]);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(path.join(repoRoot, '.pre-commit-hooks.yaml'), 'utf8')) as Record<string, unknown>[];
  const hook = hooks.find((h) => h.id === 'plan-check-validate')!;
  const fixtures = path.join(repoRoot, 'tests', 'fixtures', 'pre-commit');

  it('declares the validate hook for node, on the files plan-check reads', async () => {
    expect(hook).toMatchObject({ entry: 'plan-check validate', language: 'node', pass_filenames: true, require_serial: true });
    const files = new RegExp(String(hook.files));
    for (const name of [
      'plans/a.plan.yaml',
      'a.plan.yml',
      'actuals/x.actuals.yaml',
      'x.actuals.yml',
      'data/x.actuals.csv',
      'plan-check.yaml',
      'sub/plan-check.yaml',
    ]) {
      expect(files.test(name), name).toBe(true);
    }
    for (const name of ['README.md', 'x.yaml', 'plan.yaml', 'x.csv', 'my-plan-check.yaml', '.github/workflows/plan-check.yml'])
      expect(files.test(name), name).toBe(false);
  });

  /** as pre-commit runs a hook: its entry, then the matching files relative to the repository root */
  function runHook(files: string[]) {
    const [command, ...args] = String(hook.entry).split(/\s+/);
    expect(command).toBe('plan-check');
    const matching = files.filter((file) => new RegExp(String(hook.files)).test(file));
    return runCli([...args, ...matching, '--lang', 'en'], { cwd: fixtures });
  }

  it('passes a commit of valid files', async () => {
    const result = await runHook(['plans/good.plan.yaml', 'actuals/good.actuals.yaml', 'actuals/good.actuals.csv', 'README.md']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Checked 1 plan, 1 task, 2 targets, 2 actuals files (2 rows): no problems.');
    expect(result.status).toBe(0);
  });

  it('stops a commit of invalid files, naming file:line:col', async () => {
    const result = await runHook(['invalid/broken.plan.yaml', 'invalid/broken.actuals.csv']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('invalid/broken.plan.yaml:4:35  error  invalid-date');
    expect(result.stdout).toContain('invalid/broken.plan.yaml:6:9  error  number-as-text');
    expect(result.stdout).toMatch(/^invalid\/broken\.actuals\.csv:2:\d+ {2}error {2}csv-syntax/m);
  });

  // pre-commit passes only the files of the commit: the named files are read in the context of the
  // project that plan-check.yaml describes
  it('passes a commit that changes only an actuals file of a valid project (its plan comes from the config)', async () => {
    const result = await runHook(['actuals/good.actuals.csv']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('Checked 1 plan, 1 task, 2 targets, 1 actuals file (1 row)');
    expect(result.status).toBe(0);
  });

  it('passes a commit that changes only plan-check.yaml (the whole project is checked)', async () => {
    const result = await runHook(['plan-check.yaml']);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/Checked 1 plan, 1 task, 2 targets, \d+ actuals files/);
    expect(result.status).toBe(0);
  });

  describe('plan-check-validate-project', () => {
    const project = hooks.find((h) => h.id === 'plan-check-validate-project')!;

    it('runs on the same files, without passing them', () => {
      expect(project).toMatchObject({ entry: 'plan-check validate', language: 'node', pass_filenames: false, files: hook.files });
    });

    it('checks the whole project when only an actuals file changed', async () => {
      const [, ...args] = String(project.entry).split(/\s+/);
      const valid = await runCli([...args, '--lang', 'en'], { cwd: fixtures });
      expect(valid.stdout).toContain('Checked 1 plan, 1 task, 2 targets, 2 actuals files (2 rows): no problems.');
      expect(valid.status).toBe(0);
      const copy = freshFolder();
      cpSync(fixtures, copy, { recursive: true });
      appendFileSync(path.join(copy, 'actuals', 'good.actuals.csv'), 'hook-2024,1/recheck,2024-06-30,60/50,区市场监管局,\n');
      const broken = await runCli([...args, '--lang', 'en'], { cwd: copy });
      expect(broken.status).toBe(1);
      expect(broken.stdout).toContain('actuals/good.actuals.csv:3:');
      expect(broken.stdout).toContain('done-exceeds-of');
    });
  });
});
