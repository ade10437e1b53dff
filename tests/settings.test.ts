// Settings are settled at the door (src/cli/settings.ts): a bad --as-of, --warn-days or --timezone
// is a usage error (exit 2) with a message in the user's language on every command that takes
// it, whether the input is valid or not, and before any input file is read.
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.js';

const inputs = { valid: 'tests/fixtures/cli', invalid: 'tests/fixtures/cli-invalid' } as const;
const commands = [['validate'], ['status'], ['gaps'], ['deadlines'], ['explain', 'demo-2024:1/sampling']] as const;
const badValues = [
  {
    args: ['--as-of', '2024-13-01'],
    en: '--as-of "2024-13-01" is not a real calendar date: write 2024-06-30 (2024/6/30, 2024-6-30, 2024.6.30 and the Chinese year-month-day form are read too)',
    zh: '--as-of “2024-13-01”不是有效日期：请写成 2024-06-30（也可写 2024/6/30、2024-6-30、2024.6.30 或 2024年6月30日）',
  },
  { args: ['--warn-days', 'x'], en: '--warn-days must be a whole number of days, not "x"', zh: '--warn-days 必须是整数天数，不能是“x”' },
  {
    args: ['--timezone', 'Mars/Base'],
    en: 'unknown timezone "Mars/Base" (use an IANA name such as Asia/Shanghai)',
    zh: '未知的时区“Mars/Base”（请用 IANA 名称，如 Asia/Shanghai）',
  },
] as const;

describe('a bad setting is a usage error on every command, valid input or not', () => {
  for (const command of commands) {
    for (const [kind, folder] of Object.entries(inputs)) {
      for (const bad of badValues) {
        for (const lang of ['en', 'zh-CN'] as const) {
          it(`${command[0]} on ${kind} input with ${bad.args.join(' ')} (${lang})`, async () => {
            const result = await runCli([...command, folder, '--no-config', ...bad.args, '--lang', lang]);
            expect(result.status).toBe(2);
            expect(result.stdout).toBe('');
            expect(result.stderr).toBe(`plan-check: ${lang === 'en' ? bad.en : bad.zh}\n`);
          });
        }
      }
    }
  }

  it('reports the first bad value when several are bad', async () => {
    const result = await runCli([
      'validate',
      inputs.valid,
      '--no-config',
      '--as-of',
      '2024-13-01',
      '--warn-days',
      'x',
      '--timezone',
      'Mars/Base',
      '--lang',
      'en',
    ]);
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('checks before reading: a bad value with a path that does not exist names the value', async () => {
    const result = await runCli(['status', 'no-such-folder', '--no-config', '--warn-days', '-1', '--lang', 'en']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('plan-check: --warn-days must be a whole number of days, not "-1"\n');
  });

  it('the same values, good, run (the control)', async () => {
    const result = await runCli([
      'status',
      inputs.valid,
      '--no-config',
      '--as-of',
      '2024-06-30',
      '--warn-days',
      '3',
      '--timezone',
      'Asia/Shanghai',
      '--lang',
      'en',
    ]);
    expect(result.status).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('Status as of 2024-06-30');
  });
});

describe('other usage messages are localised', () => {
  it.each([
    [['deadlines', inputs.valid, '--no-config', '--within', '-3'], '--within 必须是整数天数，不能是“-3”'],
    [['status', inputs.valid, '--no-config', '--encoding', 'klingon'], '未知的编码“klingon”（例如 gb18030、gbk、utf-16le）'],
    [['status', 'no-such-folder', '--no-config'], '无法读取 no-such-folder：没有这个文件或目录'],
    [['status', 'README.md', '--no-config'], 'README.md 不是 plan-check 文件（*.plan.yaml、*.actuals.yaml 或 *.actuals.csv）'],
    [['status', '--config', 'no-such.yaml'], '无法读取配置文件 no-such.yaml'],
    [
      ['gaps', inputs.valid, '--no-config', '--fail-on', 'late'],
      '--fail-on 必须是 met（已完成、未超限）, on_track（正常）, behind（滞后、未达标）, missed（逾期未完成）, breached（超限）, no_data（无数据）, not_started（未开始）, done（已完成、已报送、已开展）, overdue（已逾期）, due_soon（即将到期）, upcoming（未到期）, red（红）, yellow（黄） 之一，不能是“late”',
    ],
    [['gaps', inputs.valid, '--no-config', '--plan', 'nope'], '--plan nope：没有这个方案（demo-2024）'],
    [['schema', 'nope'], 'schema name 必须是 plan, actuals, config 之一，不能是“nope”'],
  ])('%j', async (args, message) => {
    const result = await runCli([...args, '--lang', 'zh-CN']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`plan-check: ${message}\n`);
  });
});
