// The built binary on tests/fixtures/targets-v2 (plan-check.yaml: lights { yellow: 10, red: 30 },
// stale_days 30), in three timezones. Figures by hand, T = 2024-06-30 (182 of 366 days):
//   1/pass ">= 98%" (level by default): E = 98, A = 97.5, lag = 0.5/98 × 100 = 25/49 ≈ 0.51
//     → behind; green under { 10, 30 } (lag ≤ 10), yellow under the default { 0, 30 }
//   1/towns ">= 100" each of 甲街道, 乙街道 (linear): E = 100 × 182/366 = 9100/183
//     甲 20: lag = (9100 − 3660)/183 = 5440/183 ≈ 29.73 → yellow (10 < lag ≤ 30); 乙 45: lag = 865/183 ≈ 4.73 → green
//     target: behind (worst), yellow (reddest)
//   1/poisoning "<= 5": A = 4 → met (within limit), progress 0.8; newest row 2024-05-01, 60 days before T > 30 → stale
//   no-incident (plan-level) "<= 0": A = 0 → met, green; task null
//   duty monthly 2024-07-10: due soon (10 days) → yellow; at T = 2024-07-11 it is overdue → red
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBin, runCli, runCliInZone, timezones } from './helpers.js';

// The case tables run in this process (runCli); explain on 1/pass is the one run of the built binary.
const folder = path.join('tests', 'fixtures', 'targets-v2');
const config = path.join(folder, 'plan-check.yaml');

interface Json {
  summary: Record<string, unknown>;
  targets: Record<string, unknown>[];
  deadlines: Record<string, unknown>[];
}

async function json(args: string[], tz: string): Promise<Json> {
  const result = await runCliInZone(tz, [...args, '--format', 'json']);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as Json;
}

describe.each(timezones)('v2 targets through the CLI, TZ=%s', (tz) => {
  it('status --format json: lag, light, progress_kind, units, latest_as_of, stale, with the bands from plan-check.yaml', async () => {
    const data = await json(['status', folder, '--config', config, '--as-of', '2024-06-30'], tz);
    const { units: _onTime, ...counts } = data.summary;
    // deadlines: task 1 + the monthly report 01-10 … 12-10 (12) = 13; reports 01 … 06 done (6);
    // 07-10 is 10 ≤ 14 days away (due soon); reports 08 … 12 and task 1 (12-31) upcoming (6)
    expect(counts).toEqual({
      targets: 4,
      met: 2,
      on_track: 0,
      behind: 2,
      missed: 0,
      breached: 0,
      no_data: 0,
      not_started: 0,
      lights: { red: 0, yellow: 1, green: 3, grey: 0 },
      deadlines: 1 + 12,
      done: 6,
      overdue: 0,
      due_soon: 1,
      upcoming: 5 + 1,
    });
    const target = (ref: string) => data.targets.find((t) => t.ref === `towns-2024:${ref}`)!;
    const pass = target('1/pass');
    expect(pass).toMatchObject({
      required: 98,
      expected: 98,
      actual: 97.5,
      status: 'behind',
      light: 'green',
      progress_kind: 'level',
      latest_as_of: '2024-06-30',
      stale: false,
    });
    expect(pass.lag as number).toBeCloseTo(25 / 49, 12);
    const towns = target('1/towns');
    expect(towns).toMatchObject({
      required: 100,
      expected: null,
      actual: null,
      gap: null,
      progress: null,
      lag: null,
      status: 'behind',
      light: 'yellow',
      progress_kind: 'linear',
    });
    const units = towns.units as Record<string, number | string>[];
    expect(units.map((u) => [u.unit, u.actual, u.status, u.light])).toEqual([
      ['甲街道', 20, 'behind', 'yellow'],
      ['乙街道', 45, 'behind', 'green'],
    ]);
    expect(units[0]!.expected as number).toBeCloseTo(9100 / 183, 12);
    expect(units[0]!.lag as number).toBeCloseTo(5440 / 183, 12);
    expect(units[1]!.lag as number).toBeCloseTo(865 / 183, 12);
    expect(target('1/poisoning')).toMatchObject({
      progress: 0.8,
      status: 'met',
      light: 'green',
      progress_kind: null,
      latest_as_of: '2024-05-01',
      stale: true,
    });
    expect(target('no-incident')).toMatchObject({ task: null, owner: '区食药安委', status: 'met', light: 'green' });
    expect(data.deadlines.find((d) => d.due === '2024-07-10')).toMatchObject({ status: 'due_soon', light: 'yellow' });
  });

  it('without the config, the default bands { 0, 30 } turn the small lags yellow', async () => {
    const data = await json(['status', folder, '--no-config', '--as-of', '2024-06-30'], tz);
    expect((data.summary as { lights: unknown }).lights).toEqual({ red: 0, yellow: 2, green: 2, grey: 0 });
  });
});

describe('--fail-on red and yellow', () => {
  const exit = async (args: string[]) => (await runCliInZone('Asia/Shanghai', [...args, '--config', config])).status;
  it('counts targets and deadlines, after the selection', async () => {
    // 06-30: nothing red; 1/towns and the due-soon report are yellow
    expect(await exit(['status', folder, '--as-of', '2024-06-30', '--fail-on', 'red'])).toBe(0);
    expect(await exit(['status', folder, '--as-of', '2024-06-30', '--fail-on', 'yellow'])).toBe(1);
    // 07-11: the 07-10 report is overdue → red
    expect(await exit(['status', folder, '--as-of', '2024-07-11', '--fail-on', 'red'])).toBe(1);
    expect(await exit(['deadlines', folder, '--as-of', '2024-07-11', '--fail-on', 'red'])).toBe(1);
    // gaps counts targets only: none red on 06-30; on 07-11 (193 days) 甲街道's lag is
    // (100 × 193/366 − 20) = (9650 − 3660)/183 = 5990/183 ≈ 32.73 > 30 → red
    expect(await exit(['gaps', folder, '--as-of', '2024-06-30', '--fail-on', 'red'])).toBe(0);
    expect(await exit(['gaps', folder, '--as-of', '2024-07-11', '--fail-on', 'red'])).toBe(1);
    // --owner on a unit of an each target selects its own line: 乙街道 green, 甲街道 yellow
    expect(await exit(['gaps', folder, '--as-of', '2024-06-30', '--owner', '乙街道', '--fail-on', 'yellow'])).toBe(0);
    expect(await exit(['gaps', folder, '--as-of', '2024-06-30', '--owner', '甲街道', '--fail-on', 'yellow'])).toBe(1);
  });

  it('refuses any other light', async () => {
    const result = await runCli(['status', folder, '--config', config, '--as-of', '2024-06-30', '--fail-on', 'purple']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('red, yellow');
  });
});

describe('what a reader sees', () => {
  it("--owner on a unit gives that unit's own line of the each target", async () => {
    const data = await json(['gaps', folder, '--config', config, '--as-of', '2024-06-30', '--owner', '甲街道'], 'UTC');
    expect(data.targets).toHaveLength(1);
    expect(data.targets[0]).toMatchObject({
      ref: 'towns-2024:1/towns',
      owner: '甲街道',
      each_unit: '甲街道',
      required: 100,
      actual: 20,
      status: 'behind',
      light: 'yellow',
    });
  });

  it('the table: a word for the light without colour, a coloured dot on a colour terminal; labels that read right', async () => {
    const plain = (await runCli(['status', folder, '--config', config, '--as-of', '2024-06-30', '--all'], { env: { LANG: 'zh_CN.UTF-8' } }))
      .stdout;
    expect(plain).not.toContain('\u001b');
    expect(plain).not.toContain('●');
    expect(plain).toContain('亮灯：黄 1 · 绿 3');
    const line = (metric: string) => plain.split('\n').find((l) => l.includes(metric))!;
    // a level below its floor: 未达标, its pace column the floor; a limit that holds: 未超限, 占上限
    expect(line('抽检合格率')).toMatch(/>= 98% +│ >= 98% +│ 97\.5% .*│ 未达标 +│ 绿 +│/);
    // its one figure is dated 2024-05-01: 60 days before 06-30, more than stale_days 30 → 数据未更新
    expect(line('食物中毒事件')).toMatch(/占上限 80% .*│ 未超限（数据未更新） +│ 绿 +│/);
    expect(line('各镇街抽检量')).toMatch(/0\/2 达标 .*│ 滞后 +│ 黄 +│/);
    expect(line('重大食品安全事故')).toMatch(/^│ no-incident +│ （全方案）/);
    const coloured = (
      await runCli(['status', folder, '--config', config, '--as-of', '2024-06-30', '--all'], {
        env: { LANG: 'zh_CN.UTF-8', NO_COLOR: '', FORCE_COLOR: '1' },
      })
    ).stdout;
    expect(coloured).toContain('\u001b[');
    expect(coloured).toContain('● 黄');
  });

  it('gaps --all: one line per unit under its target (table, CSV); JSON lists them inside', async () => {
    const md = (await runCli(['gaps', folder, '--config', config, '--as-of', '2024-06-30', '--all', '--format', 'md', '--lang', 'en']))
      .stdout;
    expect(md).toContain('|  |   └ 甲街道 | 各镇街抽检量 | 甲街道 | >= 100 批次 | 49.73 | 20 | 80 | 20% | 2024-12-31 | behind | yellow |');
    // stale: the figure of 2024-05-01 is 60 days old at 06-30 (stale_days 30)
    expect(md).toContain(
      '| 1/poisoning | 1 抽检 | 食物中毒事件 | 区市场监管局 | \\<= 5 起 | — | 4 | 0 | 80% of limit | 2024-12-31 | within limit (stale) | green |',
    );
    const csv = (await runCli(['gaps', folder, '--config', config, '--as-of', '2024-06-30', '--all', '--format', 'csv', '--lang', 'en']))
      .stdout;
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'ref,plan,task,task_title,target,metric,owner,unit,op,required,expected,actual,gap,progress_percent,start,due,status,status_label,lag_points,light,light_label,progress_kind,latest_as_of,stale,each_unit,data_errors',
    );
    expect(lines.filter((l) => l.startsWith('towns-2024:1/towns,')).map((l) => l.split(',').slice(-8))).toEqual([
      ['', 'yellow', 'yellow', 'linear', '2024-06-30', 'false', '', '0'],
      [String(5440 / 183), 'yellow', 'yellow', 'linear', '2024-06-30', 'false', '甲街道', '0'],
      [String(865 / 183), 'green', 'green', 'linear', '2024-06-30', 'false', '乙街道', '0'],
    ]);
    expect(lines.find((l) => l.startsWith('towns-2024:1/pass,'))).toContain(',behind,below target,');
  });

  it('explain says which pace applies and why, and lists every unit', async () => {
    const pass = runBin(['explain', 'towns-2024:1/pass', folder, '--config', config, '--as-of', '2024-06-30', '--lang', 'en']).stdout;
    expect(pass).toContain('Pace: a level that must hold from the start (the default for a percentage target)');
    expect(pass).toContain('Status below target');
    expect(pass).toContain('Light: green');
    const towns = (await runCli(['explain', 'towns-2024:1/towns', folder, '--config', config, '--as-of', '2024-06-30', '--lang', 'zh-CN']))
      .stdout;
    expect(towns).toContain('名单中每个单位分别评估（2 个中 0 个达标）');
    expect(towns).toMatch(/甲街道：R = 100 批次.*A = 20 批次.* → 滞后，黄/);
    expect(towns).toMatch(/乙街道：R = 100 批次.*A = 45 批次.* → 滞后，绿/);
  });

  it('status lists what needs attention red first', async () => {
    // 07-11: 1/towns is red (甲街道's lag 5990/183 > 30); 1/pass is behind but green (lag 25/49 ≤ 10)
    // by status and shortfall alone 1/pass (1 − 97.5/98 of its pace) would come first
    const md = (await runCli(['status', folder, '--config', config, '--as-of', '2024-07-11', '--format', 'md', '--lang', 'en'])).stdout;
    expect(md.indexOf('各镇街抽检量')).toBeGreaterThan(0);
    expect(md.indexOf('各镇街抽检量')).toBeLessThan(md.indexOf('抽检合格率'));
  });

  it('a red band below the yellow one is an error at its line and column', async () => {
    const result = await runCli([
      'status',
      folder,
      '--config',
      path.join('tests', 'fixtures', 'targets-v2-bad-lights.yaml'),
      '--as-of',
      '2024-06-30',
      '--format',
      'json',
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/targets-v2-bad-lights\.yaml:1:28 .*invalid-value/);
  });
});
