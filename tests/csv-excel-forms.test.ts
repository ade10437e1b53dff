// CSV actuals as Excel and WPS save them in a Chinese locale (contract v2, "Actuals"): date forms,
// done/of columns, the template's read-only columns, form lines nobody filled in, and messages
// that name Excel as the cause and say the fix.
import { describe, expect, it } from 'vitest';
import { readActualsCsv } from '../src/core/actuals-read.js';
import { parseWrittenDate } from '../src/core/dates.js';
import { evaluateProject } from '../src/core/project.js';
import { toNumber } from '../src/core/rational.js';
import { diagnosticMessage } from '../src/i18n/diagnostic-messages.js';
import { day, project, runCli, timezones, useTimezone } from './helpers.js';

const plan = `format: plan/1
id: xl
title: 表格报送
period: { start: 2024-01-01, end: 2024-12-31 }
tasks:
  - id: "1"
    title: 抽检
    lead: 区市场监管局
    targets:
      - { id: count, metric: 抽检批次, target: ">= 1000", unit: 批次 }
      - { id: rate, metric: 抽检合格率, target: ">= 98%" }
`;

describe('date forms', () => {
  it('reads the forms Excel and WPS write, and refuses month-first and two-digit years', () => {
    for (const text of ['2024-06-30', '2024/6/30', '2024-6-30', '2024.6.30', '2024年6月30日', '２０２４／６／３０', ' 2024/06/30 ']) {
      expect(parseWrittenDate(text), text).toBe(day('2024-06-30'));
    }
    for (const text of ['6/30/2024', '24/6/30', '2024/6/31', '2024/2/30', '2024/6-30', '2024年6月30', '2024/13/1']) {
      expect(parseWrittenDate(text), text).toBeUndefined();
    }
    // a leap day is real in 2024, not in 2023
    expect(parseWrittenDate('2024年2月29日')).toBe(day('2024-02-29'));
    expect(parseWrittenDate('2023.2.29')).toBeUndefined();
  });
});

for (const tz of timezones) {
  describe(`Excel's CSV under TZ=${tz}`, () => {
    useTimezone(tz);

    it('完成数,应完成数 columns give a fraction; the template columns are ignored; empty form lines are skipped', () => {
      const csv = [
        '计划,指标,指标名称,目标,计量单位,上次数值,截至日期,数值,完成数,应完成数,填报单位,备注',
        'xl,1/count,抽检批次,>= 1000,批次,300,2024/6/30,420,,,区市场监管局,',
        'xl,1/rate,抽检合格率,>= 98%,,,2024年6月30日,,47,50,区市场监管局,',
        'xl,1/rate,抽检合格率,>= 98%,,,2024.9.30,,,,区市场监管局,',
      ].join('\n');
      const loaded = project({ 'xl.plan.yaml': plan, 'a.actuals.csv': `${csv}\n` });
      expect(loaded.diagnostics).toEqual([]);
      expect(loaded.actualsFiles[0]!.rows).toHaveLength(2);
      for (const asOf of ['2024-06-30', '2024-12-31']) {
        const byRef = new Map(evaluateProject(loaded, day(asOf), 14).targets.map((result) => [result.target.ref, result]));
        expect(toNumber(byRef.get('xl:1/count')!.actual!)).toBe(420);
        expect(toNumber(byRef.get('xl:1/rate')!.actual!)).toBe((47 * 100) / 50);
      }
      // the day before the figures: none counts yet
      const before = evaluateProject(loaded, day('2024-06-29'), 14).targets;
      expect(before.every((result) => result.status === 'no_data')).toBe(true);
    });
  });
}

describe("Excel's CSV: what is refused, and how it is said", () => {
  const header = 'plan,target,as_of,value,done,of,reported_by\n';
  const codes = (text: string) =>
    readActualsCsv(text, 'a.actuals.csv').diagnostics.map((d) => [d.code, d.line, d.column, d.args.problem ?? d.args.column]);

  it('a fraction Excel turned into a date names the cause and the fix', () => {
    const read = readActualsCsv(`${header}xl,1/rate,2024-06-30,9月12日,,,区市场监管局\n`, 'a.actuals.csv');
    // the value starts after "xl,1/rate,2024-06-30," (2+1+6+1+10+1 = 21 characters): column 22
    expect(read.diagnostics.map((d) => [d.code, d.line, d.column, d.args.problem])).toEqual([
      ['invalid-value-cell', 2, 21 + 1, 'excel-date'],
    ]);
    const diagnostic = read.diagnostics[0]!;
    expect(diagnosticMessage(diagnostic.code, diagnostic.args, 'zh-CN')).toContain(
      'Excel 把分数当成了日期（如把 9/12 变成 9月12日）：请用完成数、应完成数两列，或把单元格设为文本',
    );
    expect(diagnosticMessage(diagnostic.code, diagnostic.args, 'en')).toMatch(
      /Excel took this fraction for a date: give it in two columns done,of/,
    );
    expect(codes(`${header}xl,1/rate,2024-06-30,2024/9/12,,,u\n`)).toEqual([['invalid-value-cell', 2, 21 + 1, 'excel-date']]);
  });

  it('a value beside done/of, or half a fraction, is an error at the cell', () => {
    expect(codes(`${header}xl,1/rate,2024-06-30,94%,47,50,u\n`)).toEqual([['invalid-value-cell', 2, 21 + 1, 'fraction-and-value']]);
    // "xl,1/rate,2024-06-30,,47," is 21 + 1 + 3 = 25 characters: of starts at 26; done at 21 + 1 + 1 = 23
    expect(codes(`${header}xl,1/rate,2024-06-30,,47,,u\n`)).toEqual([['invalid-value-cell', 2, 26, 'half-fraction']]);
    expect(codes(`${header}xl,1/rate,2024-06-30,,x,50,u\n`)).toEqual([['invalid-value-cell', 2, 23, 'not-a-value']]);
  });

  it('done without of is a missing column; neither value nor done/of names value', () => {
    expect(codes('plan,target,as_of,done\nxl,1/rate,2024-06-30,4\n')).toEqual([['csv-missing-column', 1, 1, 'of']]);
    expect(codes('plan,target,as_of,note\nxl,1/rate,2024-06-30,4\n')).toEqual([['csv-missing-column', 1, 1, 'value']]);
  });

  it('a month-first date shows the accepted forms', () => {
    const read = readActualsCsv('plan,target,as_of,value\nxl,1/count,6/30/2024,4\n', 'a.actuals.csv');
    // after "xl,1/count," (2+1+7+1 = 11 characters)
    expect(read.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['invalid-date', 2, 11 + 1]]);
    expect(diagnosticMessage('invalid-date', read.diagnostics[0]!.args, 'zh-CN')).toContain(
      '2024/6/30、2024-6-30、2024.6.30 或 2024年6月30日',
    );
  });
});

describe('--as-of in the same forms', () => {
  it('2024/6/30 and 2024年6月30日 evaluate as 2024-06-30', async () => {
    const outputs = [];
    for (const asOf of ['2024-06-30', '2024/6/30', '2024年6月30日'])
      outputs.push(await runCli(['status', 'examples/district-2024', '--as-of', asOf, '--format', 'json', '--no-cache']));
    for (const output of outputs) expect(output.status).toBe(0);
    expect(JSON.parse(outputs[1]!.stdout)).toEqual(JSON.parse(outputs[0]!.stdout));
    expect(JSON.parse(outputs[2]!.stdout)).toEqual(JSON.parse(outputs[0]!.stdout));
    expect(JSON.parse(outputs[0]!.stdout).as_of).toBe('2024-06-30');
  });
});

describe('thousands separators as Excel writes them ("1,900")', () => {
  const rows = (values: string[], delimiter = ',') =>
    `${['plan', 'target', 'as_of', 'value', 'reported_by'].join(delimiter)}\n${values.map((value, i) => ['xl', '1/count', `2024-0${i + 1}-28`, value, `单位${i}`].join(delimiter)).join('\n')}\n`;

  for (const tz of timezones) {
    describe(`TZ=${tz}`, () => {
      useTimezone(tz);
      it('reads unambiguous groups of three as the number: 1,900 + 12,345 + 1,900.5', () => {
        const loaded = project({ 'xl.plan.yaml': plan, 'a.actuals.csv': rows(['"1,900"', '"12,345"', '"1,900.5"']) });
        expect(loaded.diagnostics).toEqual([]);
        // three units, combine sum, each unit's latest row: 1900 + 12345 + 1900.5
        for (const asOf of ['2024-03-31', '2024-12-31']) {
          const count = evaluateProject(loaded, day(asOf), 14).targets.find((t) => t.target.id === 'count')!;
          expect(toNumber(count.actual!), asOf).toBe(1900 + 12345 + 1900.5);
        }
        // at 2024-02-28 only the first two rows count: 1900 + 12345
        const early = evaluateProject(loaded, day('2024-02-28'), 14).targets.find((t) => t.target.id === 'count')!;
        expect(toNumber(early.actual!)).toBe(1900 + 12345);
      });
    });
  }

  it('12,345,678 and a grouped percentage 1,000% are read too', () => {
    const read = readActualsCsv(rows(['"12,345,678"', '"1,000%"']), 'a.actuals.csv');
    expect(read.diagnostics).toEqual([]);
    expect(read.actuals.rows.map((row) => (row.value.kind === 'fraction' ? undefined : toNumber(row.value.value)))).toEqual([
      12_345_678, 1000,
    ]);
    expect(read.actuals.rows.map((row) => row.value.kind)).toEqual(['number', 'percent']);
  });

  it('keeps an error for what is no grouping of three: 1,90, 1,9000, 19,00, 1,900,00', () => {
    const read = readActualsCsv(rows(['"1,90"', '"1,9000"', '"19,00"', '"1,900,00"']), 'a.actuals.csv');
    // "xl,1/count,2024-01-28," is 2+1+7+1+10+1 = 22 characters: the value at column 23
    expect(read.diagnostics.map((d) => [d.code, d.line, d.column, d.args.value])).toEqual([
      ['invalid-value-cell', 2, 22 + 1, '1,90'],
      ['invalid-value-cell', 3, 22 + 1, '1,9000'],
      ['invalid-value-cell', 4, 22 + 1, '19,00'],
      ['invalid-value-cell', 5, 22 + 1, '1,900,00'],
    ]);
  });

  it('in a ;-separated CSV (a European Excel, where the comma is the decimal mark) 1,900 stays an error', () => {
    const read = readActualsCsv(`sep=;\n${rows(['1,900'], ';')}`, 'a.actuals.csv');
    expect(read.diagnostics.map((d) => [d.code, d.line, d.args.problem])).toEqual([['invalid-value-cell', 3, 'thousands-separator']]);
  });

  it('in done and of cells too', () => {
    const read = readActualsCsv(
      'plan,target,as_of,done,of,reported_by\nxl,1/rate,2024-06-30,"1,176","1,200",区市场监管局\n',
      'a.actuals.csv',
    );
    expect(read.diagnostics).toEqual([]);
    const value = read.actuals.rows[0]!.value;
    expect(value.kind === 'fraction' ? [toNumber(value.done), toNumber(value.of)] : value).toEqual([1176, 1200]);
  });
});

describe('--as-of refused', () => {
  it('names every accepted form, in both languages', async () => {
    const { runCli } = await import('./helpers.js');
    const en = await runCli(['status', 'examples/district-2024', '--as-of', '6/30/2024', '--no-cache']);
    expect(en.status).toBe(2);
    expect(en.stderr).toBe(
      'plan-check: --as-of "6/30/2024" is not a real calendar date: write 2024-06-30 (2024/6/30, 2024-6-30, 2024.6.30 and the Chinese year-month-day form are read too)\n',
    );
    const zh = await runCli(['status', 'examples/district-2024', '--as-of', '2024年2月30日', '--no-cache', '--lang', 'zh-CN']);
    expect(zh.stderr).toContain('也可写 2024/6/30、2024-6-30、2024.6.30 或 2024年6月30日');
    // every form the message names is one parseWrittenDate reads
    for (const form of ['2024-06-30', '2024/6/30', '2024-6-30', '2024.6.30', '2024年6月30日'])
      expect(parseWrittenDate(form), form).toBe(day('2024-06-30'));
  });
});
