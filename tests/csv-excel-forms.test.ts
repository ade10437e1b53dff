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
  const codes = (text: string) => readActualsCsv(text, 'a.actuals.csv').diagnostics.map((d) => [d.code, d.line, d.column, d.args.problem ?? d.args.column]);

  it('a fraction Excel turned into a date names the cause and the fix', () => {
    const read = readActualsCsv(`${header}xl,1/rate,2024-06-30,9月12日,,,区市场监管局\n`, 'a.actuals.csv');
    // the value starts after "xl,1/rate,2024-06-30," (2+1+6+1+10+1 = 21 characters): column 22
    expect(read.diagnostics.map((d) => [d.code, d.line, d.column, d.args.problem])).toEqual([['invalid-value-cell', 2, 21 + 1, 'excel-date']]);
    const diagnostic = read.diagnostics[0]!;
    expect(diagnosticMessage(diagnostic.code, diagnostic.args, 'zh-CN')).toContain('Excel 把分数当成了日期（如把 9/12 变成 9月12日）：请用完成数、应完成数两列，或把单元格设为文本');
    expect(diagnosticMessage(diagnostic.code, diagnostic.args, 'en')).toMatch(/Excel took this fraction for a date: give it in two columns done,of/);
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
    expect(diagnosticMessage('invalid-date', read.diagnostics[0]!.args, 'zh-CN')).toContain('2024/6/30、2024-6-30、2024.6.30 或 2024年6月30日');
  });
});

describe('--as-of in the same forms', () => {
  it('2024/6/30 and 2024年6月30日 evaluate as 2024-06-30', async () => {
    const outputs = [];
    for (const asOf of ['2024-06-30', '2024/6/30', '2024年6月30日']) outputs.push(await runCli(['status', 'examples/district-2024', '--as-of', asOf, '--format', 'json', '--no-cache']));
    for (const output of outputs) expect(output.status).toBe(0);
    expect(JSON.parse(outputs[1]!.stdout)).toEqual(JSON.parse(outputs[0]!.stdout));
    expect(JSON.parse(outputs[2]!.stdout)).toEqual(JSON.parse(outputs[0]!.stdout));
    expect(JSON.parse(outputs[0]!.stdout).as_of).toBe('2024-06-30');
  });
});
