// Settings come from the command line, else plan-check.yaml, else the defaults (and the environment
// where the contract says so): --as-of / as_of, --warn-days / warn_days, --lang / locale,
// --timezone / timezone, --config / the config found / --no-config.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers.js';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A folder holding the demo plan and actuals, and this plan-check.yaml (none when undefined). */
function projectWith(config: string | undefined): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'plan-check-precedence-'));
  folders.push(folder);
  for (const name of ['demo.plan.yaml', 'demo.actuals.yaml', 'demo.actuals.csv'])
    cpSync(path.join(repoRoot, 'tests', 'fixtures', 'cli', name), path.join(folder, name));
  if (config !== undefined) writeFileSync(path.join(folder, 'plan-check.yaml'), config);
  return folder;
}

interface StatusJson {
  as_of: string;
  deadlines: { ref: string; days_left: number; status: string }[];
}

async function statusJson(cwd: string, args: string[] = [], env: Record<string, string> = {}): Promise<StatusJson> {
  const result = await runCli(['status', '--format', 'json', ...args], { cwd, env });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return JSON.parse(result.stdout) as StatusJson;
}

/** the July report of the demo plan: due 2024-07-10, 10 days after 2024-06-30 */
function julyReport(data: StatusJson): string {
  const found = data.deadlines.find((d) => d.ref === 'demo-2024:duty/monthly@2024-07-10');
  expect(found?.days_left).toBe(10);
  return found!.status;
}

const utcToday = () => new Date().toISOString().slice(0, 10);

describe('as-of date: --as-of > as_of > today', () => {
  const folder = projectWith('as_of: 2024-06-30\n');

  it('takes as_of from plan-check.yaml', async () => {
    expect((await statusJson(folder)).as_of).toBe('2024-06-30');
  });
  it('lets --as-of win over it', async () => {
    expect((await statusJson(folder, ['--as-of', '2024-09-30'])).as_of).toBe('2024-09-30');
  });
  it('is today without either (--no-config)', async () => {
    const before = utcToday();
    const asOf = (await statusJson(folder, ['--no-config'], { TZ: 'UTC' })).as_of;
    expect([before, utcToday()]).toContain(asOf);
  });
  it('reports a bad as_of from the file as invalid input, and a bad --as-of as a usage error', async () => {
    const badFile = projectWith('as_of: 2024-02-30\n');
    expect((await runCli(['status', '--lang', 'en'], { cwd: badFile })).status).toBe(1);
    expect((await runCli(['status', '--as-of', '2024-06-30', '--lang', 'en'], { cwd: badFile })).status).toBe(1);
    const badFlag = await runCli(['status', '--as-of', '2024-02-30', '--lang', 'en'], { cwd: folder });
    expect(badFlag.status).toBe(2);
    expect(badFlag.stderr).toBe(
      'plan-check: --as-of "2024-02-30" is not a real calendar date: write 2024-06-30 (2024/6/30, 2024-6-30, 2024.6.30 and the Chinese year-month-day form are read too)\n',
    );
  });
});

describe('due-soon window: --warn-days > warn_days > 14', () => {
  it('takes warn_days from plan-check.yaml', async () => {
    expect(julyReport(await statusJson(projectWith('as_of: 2024-06-30\nwarn_days: 5\n')))).toBe('upcoming');
  });
  it('lets --warn-days win over it, both ways', async () => {
    expect(julyReport(await statusJson(projectWith('as_of: 2024-06-30\nwarn_days: 5\n'), ['--warn-days', '30']))).toBe('due_soon');
    expect(julyReport(await statusJson(projectWith('as_of: 2024-06-30\nwarn_days: 30\n'), ['--warn-days', '3']))).toBe('upcoming');
  });
  it('is 14 days by default', async () => {
    expect(julyReport(await statusJson(projectWith('as_of: 2024-06-30\n')))).toBe('due_soon');
    expect(julyReport(await statusJson(projectWith(undefined), ['--as-of', '2024-06-30']))).toBe('due_soon');
  });
  it('reads --config FILE instead of the file found, and nothing with --no-config', async () => {
    const folder = projectWith('as_of: 2024-06-30\nwarn_days: 5\n');
    writeFileSync(path.join(folder, 'other.yaml'), 'as_of: 2024-06-30\nwarn_days: 30\nplans: ["*.plan.yaml"]\nactuals: ["*.actuals.*"]\n');
    expect(julyReport(await statusJson(folder, ['--config', 'other.yaml']))).toBe('due_soon');
    expect(julyReport(await statusJson(folder, ['--no-config', '--as-of', '2024-06-30']))).toBe('due_soon');
    expect(julyReport(await statusJson(folder))).toBe('upcoming');
  });
});

describe("language: --lang > locale > LC_ALL/LC_MESSAGES/LANG > the plans' language", () => {
  const heading = async (cwd: string, args: string[], env: Record<string, string>) => {
    const result = await runCli(['status', '--as-of', '2024-06-30', ...args], { cwd, env });
    expect(result.status).toBe(0);
    return result.stdout.split('\n')[0];
  };
  const chinese = '截至 2024-06-30 工作进展';
  const english = 'Status as of 2024-06-30';

  it('in reports', async () => {
    const zhConfig = projectWith('locale: zh-CN\n');
    expect(await heading(zhConfig, [], { LANG: 'en_US.UTF-8' })).toBe(chinese);
    expect(await heading(zhConfig, ['--lang', 'en'], { LANG: 'zh_CN.UTF-8' })).toBe(english);
    const enConfig = projectWith('locale: en\n');
    expect(await heading(enConfig, [], { LANG: 'zh_CN.UTF-8' })).toBe(english);
    expect(await heading(enConfig, ['--lang', 'zh-CN'], {})).toBe(chinese);
    const none = projectWith(undefined);
    expect(await heading(none, [], { LANG: 'en_US.UTF-8' })).toBe(english);
    expect(await heading(none, [], { LANG: 'zh_CN.UTF-8' })).toBe(chinese);
    // no language anywhere: the plans are Chinese
    expect(await heading(none, [], { LANG: '' })).toBe(chinese);
    expect(await heading(none, [], { LANG: 'C.UTF-8' })).toBe(chinese);
  });

  it('in help, decided before the command line is parsed', async () => {
    const help = async (cwd: string, args: string[], env: Record<string, string>) =>
      (await runCli(['status', '--help', ...args], { cwd, env })).stdout.split('\n')[0];
    const zhConfig = projectWith('locale: zh-CN\n');
    writeFileSync(path.join(zhConfig, 'english.yaml'), 'locale: en\n');
    expect(await help(zhConfig, [], { LANG: 'en_US.UTF-8' })).toMatch(/^用法：/);
    expect(await help(zhConfig, ['--lang', 'en'], { LANG: 'zh_CN.UTF-8' })).toMatch(/^Usage:/);
    expect(await help(zhConfig, ['--lang=en'], {})).toMatch(/^Usage:/);
    expect(await help(zhConfig, ['--config', 'english.yaml'], {})).toMatch(/^Usage:/);
    expect(await help(zhConfig, ['--no-config'], { LANG: 'en_US.UTF-8' })).toMatch(/^Usage:/);
    // the locale of a plan-check.yaml in a parent folder counts too
    mkdirSync(path.join(zhConfig, 'sub'));
    expect((await runCli(['--help'], { cwd: path.join(zhConfig, 'sub'), env: { LANG: 'en_US.UTF-8' } })).stdout).toMatch(/^用法：/);
  });

  it('a usage error speaks the language too', async () => {
    const zhConfig = projectWith('locale: zh-CN\n');
    const result = await runCli(['status', '--warn-days', 'soon'], { cwd: zhConfig, env: { LANG: 'en_US.UTF-8' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('plan-check: --warn-days 必须是整数天数，不能是“soon”\n');
  });
});

describe('timezone of "today": --timezone > timezone > TZ', () => {
  it('lets --timezone replace an unknown zone in plan-check.yaml', async () => {
    const folder = projectWith('timezone: Mars/Olympus_Mons\n');
    const fromFile = await runCli(['status', '--lang', 'en'], { cwd: folder });
    expect(fromFile.status).toBe(2);
    expect(fromFile.stderr).toContain('unknown timezone "Mars/Olympus_Mons"');
    expect((await runCli(['status', '--timezone', 'Asia/Shanghai', '--lang', 'en'], { cwd: folder })).status).toBe(0);
    const fromFlag = await runCli(['status', '--timezone', 'Nowhere/Land', '--lang', 'en'], {
      cwd: projectWith('timezone: Asia/Shanghai\n'),
    });
    expect(fromFlag.status).toBe(2);
    expect(fromFlag.stderr).toContain('unknown timezone "Nowhere/Land"');
  });
});
