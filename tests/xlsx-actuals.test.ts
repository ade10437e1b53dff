// .xlsx actuals (contract v2, "XLSX actuals"): workbooks built with exceljs, one per rule, read
// through io/xlsx-read.ts and the same tabular reader as CSV.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type InputFile, evaluateProject, loadProject } from '../src/core/project.js';
import { toNumber } from '../src/core/rational.js';
import { unpackSheets } from '../src/io/xlsx-read.js';
import { formatDiagnosticsText } from '../src/report/diagnostics-text.js';
import { day, runBin, source, timezones, useTimezone } from './helpers.js';

const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');

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

const header = ['计划', '指标', '截至日期', '数值', '填报单位', '备注'];
type Cell = string | number | Date | null | { formula: string; result?: number };

/** A workbook of these sheets (name, rows; the first row the header), optionally with cell styles. */
async function workbook(
  sheets: { name: string; rows: Cell[][]; hidden?: boolean; percentCells?: string[]; merge?: string[] }[],
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const worksheet = book.addWorksheet(sheet.name, sheet.hidden ? { state: 'hidden' } : {});
    for (const row of sheet.rows) worksheet.addRow(row);
    for (const address of sheet.percentCells ?? []) worksheet.getCell(address).numFmt = '0%';
    for (const range of sheet.merge ?? []) worksheet.mergeCells(range);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function load(bytes: Uint8Array, name = 'a.actuals.xlsx') {
  const sources: InputFile[] = [source('xl.plan.yaml', plan), { path: name, kind: 'actuals-xlsx', bytes }];
  await unpackSheets(sources);
  return loadProject(sources);
}

const ctx = { lang: 'en' as const, chalk: new (await import('chalk')).Chalk({ level: 0 }) };

for (const tz of timezones) {
  describe(`xlsx actuals under TZ=${tz}`, () => {
    useTimezone(tz);

    it('reads date cells, numeric cells, text dates and fractions as the CSV rows would be', async () => {
      const bytes = await workbook([
        {
          name: '报送',
          rows: [
            header,
            ['xl', '1/count', new Date(Date.UTC(2024, 5, 30)), 420, '区市场监管局', '6月'],
            ['xl', '1/rate', '2024/6/30', '47/50', '区市场监管局', null],
          ],
        },
      ]);
      const project = await load(bytes);
      expect(project.diagnostics).toEqual([]);
      const rows = project.actualsFiles[0]!.rows;
      expect(rows.map((row) => [row.targetRef, row.asOf, row.reportedBy, row.note])).toEqual([
        ['1/count', day('2024-06-30'), '区市场监管局', '6月'],
        ['1/rate', day('2024-06-30'), '区市场监管局', undefined],
      ]);
      expect(rows[0]!.valuePlace).toEqual({ file: 'a.actuals.xlsx', line: 2, column: 4, sheet: '报送' });
      for (const asOf of ['2024-06-30', '2024-09-30']) {
        const byRef = new Map(evaluateProject(project, day(asOf), 14).targets.map((result) => [result.target.ref, result]));
        expect(toNumber(byRef.get('xl:1/count')!.actual!)).toBe(420);
        expect(toNumber(byRef.get('xl:1/rate')!.actual!)).toBe((47 * 100) / 50);
      }
      // before the figures' date there is no data
      const early = new Map(evaluateProject(project, day('2024-06-29'), 14).targets.map((result) => [result.target.ref, result]));
      expect(early.get('xl:1/count')!.status).toBe('no_data');
    });

    it('a numeric cell formatted as a percentage is a percentage: 0.97 shown as 97% is 97', async () => {
      const bytes = await workbook([
        { name: 'Sheet1', rows: [header, ['xl', '1/rate', '2024-06-30', 0.97, '区市场监管局', null]], percentCells: ['D2'] },
      ]);
      const project = await load(bytes);
      expect(project.diagnostics).toEqual([]);
      const rate = evaluateProject(project, day('2024-06-30'), 14).targets.find((result) => result.target.ref === 'xl:1/rate')!;
      // 0.97 × 100 = 97 percent points, exactly (not 97.00000000000001)
      expect(toNumber(rate.actual!)).toBe(97);
    });

    it('a day number in the date column (a Chinese date style) is converted, with a warning showing both', async () => {
      // 45473: 2024-01-01 is day 45292, and 2024-06-30 is 181 days later (31+29+31+30+31+29)
      const bytes = await workbook([{ name: '报送', rows: [header, ['xl', '1/count', 45292 + 181, 10, '区市场监管局', null]] }]);
      const project = await load(bytes);
      expect(project.diagnostics.map((d) => [d.code, d.sheet, d.line, d.column, d.args.value, d.args.date])).toEqual([
        ['xlsx-date-serial', '报送', 2, 3, '45473', '2024-06-30'],
      ]);
      expect(project.actualsFiles[0]!.rows[0]!.asOf).toBe(day('2024-06-30'));
    });
  });
}

describe('xlsx actuals: sheets, cells and refusals', () => {
  it('reads the sheet named 报送 even when it is not first, and ignores hidden sheets', async () => {
    const bytes = await workbook([
      { name: '说明', rows: [['填写说明']], hidden: true },
      { name: 'Sheet1', rows: [header, ['xl', '1/count', '2024-06-30', 1, '区市场监管局', null]] },
      { name: '报送', rows: [header, ['xl', '1/count', '2024-06-30', 2, '区市场监管局', null]] },
    ]);
    const project = await load(bytes);
    expect(project.actualsFiles[0]!.rows).toHaveLength(1);
    const count = evaluateProject(project, day('2024-06-30'), 14).targets.find((result) => result.target.ref === 'xl:1/count')!;
    expect(toNumber(count.actual!)).toBe(2);
  });

  it('the first visible sheet when none is named 报送', async () => {
    const bytes = await workbook([
      { name: 'old', rows: [header, ['xl', '1/count', '2024-06-30', 1, '区市场监管局', null]], hidden: true },
      { name: 'Sheet2', rows: [header, ['xl', '1/count', '2024-06-30', 5, '区市场监管局', null]] },
    ]);
    const count = evaluateProject(await load(bytes), day('2024-06-30'), 14).targets.find((result) => result.target.ref === 'xl:1/count')!;
    expect(toNumber(count.actual!)).toBe(5);
  });

  it('a merged header cell counts once: the cells it covers are columns without a name', async () => {
    const bytes = await workbook([
      {
        name: '报送',
        rows: [
          [...header, null],
          ['xl', '1/count', '2024-06-30', 7, '区市场监管局', '备注', null],
        ],
        merge: ['F1:G1'],
      },
    ]);
    const project = await load(bytes);
    expect(project.diagnostics).toEqual([]);
    expect(project.actualsFiles[0]!.rows[0]!.note).toBe('备注');
  });

  it('a formula counts by its cached value; one without a value asks to open and save the file', async () => {
    const bytes = await workbook([
      {
        name: '报送',
        rows: [
          header,
          ['xl', '1/count', '2024-06-30', { formula: '400+20', result: 420 }, '区市场监管局', null],
          ['xl', '1/count', '2024-07-31', { formula: '400+30' }, '区市场监管局', null],
        ],
      },
    ]);
    const project = await load(bytes);
    expect(project.diagnostics.map((d) => [d.code, d.sheet, d.line, d.column])).toEqual([['xlsx-formula-no-value', '报送', 3, 4]]);
    expect(project.actualsFiles[0]!.rows).toHaveLength(1);
    const text = formatDiagnosticsText(project.diagnostics, new Map(), ctx);
    expect(text).toContain('a.actuals.xlsx:报送!D3');
    expect(text).toMatch(/open the file in Excel or WPS and save it again/);
  });

  it('a date where a fraction was meant (Excel turned 9/12 into a date) names the cause and the fix', async () => {
    const bytes = await workbook([
      { name: '报送', rows: [header, ['xl', '1/rate', '2024-06-30', new Date(Date.UTC(2024, 8, 12)), '区市场监管局', null]] },
    ]);
    const project = await load(bytes);
    expect(project.diagnostics.map((d) => [d.code, d.args.problem, d.line, d.column])).toEqual([
      ['invalid-value-cell', 'excel-date', 2, 4],
    ]);
    expect(formatDiagnosticsText(project.diagnostics, new Map(), { ...ctx, lang: 'zh-CN' })).toContain(
      '请用完成数、应完成数两列，或把单元格设为文本',
    );
  });

  it('.xls, .et, encrypted (OLE) and non-zip files are refused with a hint to save as .xlsx', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const realXlsx = await workbook([{ name: '报送', rows: [header] }]);
    const cases: [string, Uint8Array, string][] = [
      ['a.actuals.xlsx', ole, 'ole'],
      ['a.actuals.xls', ole, 'ole'],
      ['a.actuals.et', realXlsx, 'ole'],
      ['a.actuals.xlsx', new TextEncoder().encode('plan,target\n'), 'not-zip'],
    ];
    for (const [name, bytes, problem] of cases) {
      const project = await load(bytes, name);
      expect(project.diagnostics.map((d) => [d.file, d.code, d.args.problem])).toEqual([[name, 'xlsx-unreadable', problem]]);
      expect(formatDiagnosticsText(project.diagnostics, new Map(), { ...ctx, lang: 'zh-CN' })).toContain('另存为 .xlsx');
    }
  });
});

describe('the CLI and exceljs', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'plan-check-xlsx-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  // records every module the process loads by name, to a file, at exit
  const probe = path.join(folder, 'probe.cjs');
  writeFileSync(
    probe,
    `const Module = require('module'); const fs = require('fs'); const seen = new Set(); const load = Module._load;
Module._load = function (request, ...rest) { seen.add(request); return load.call(this, request, ...rest); };
process.on('exit', () => fs.writeFileSync(process.env.PROBE_OUT, [...seen].join('\\n')));`,
  );

  it('status without an .xlsx never loads exceljs; with one it does, and positions read 报送!D2', async () => {
    const plain = path.join(folder, 'plain');
    const withSheet = path.join(folder, 'sheet');
    for (const dir of [plain, withSheet]) {
      rmSync(dir, { recursive: true, force: true });
      await import('node:fs').then((fs) => fs.mkdirSync(dir));
      writeFileSync(path.join(dir, 'xl.plan.yaml'), plan);
    }
    writeFileSync(path.join(plain, 'a.actuals.csv'), '计划,指标,截至日期,数值,填报单位\nxl,1/count,2024-06-30,420,区市场监管局\n');
    writeFileSync(
      path.join(withSheet, 'a.actuals.xlsx'),
      await workbook([{ name: '报送', rows: [header, ['xl', '1/count', '2024-06-30', 'x', '区市场监管局', null]] }]),
    );
    const out = path.join(folder, 'loaded.txt');
    const env = { NODE_OPTIONS: `--require ${probe}`, PROBE_OUT: out };
    const csvRun = runBin(['status', '.', '--as-of', '2024-06-30', '--format', 'json', '--no-cache'], { cwd: plain, env });
    expect(csvRun.status).toBe(0);
    expect(JSON.parse(csvRun.stdout).targets.find((target: { ref: string }) => target.ref === 'xl:1/count').actual).toBe(420);
    const loadedWithout = readFileSync(out, 'utf8').split('\n');
    expect(loadedWithout).toContain('node:fs');
    expect(loadedWithout).not.toContain('exceljs');
    const sheetRun = runBin(['status', '.', '--as-of', '2024-06-30', '--no-cache'], { cwd: withSheet, env });
    expect(sheetRun.status).toBe(1);
    expect(sheetRun.stderr).toContain('a.actuals.xlsx:报送!D2');
    expect(readFileSync(out, 'utf8').split('\n')).toContain('exceljs');
  });

  it('the terminal tables of status and units and gaps as CSV never load exceljs; a spreadsheet paper does', () => {
    const plain = path.join(folder, 'tables');
    mkdirSync(plain, { recursive: true });
    writeFileSync(path.join(plain, 'xl.plan.yaml'), plan);
    writeFileSync(path.join(plain, 'a.actuals.csv'), '计划,指标,截至日期,数值,填报单位\nxl,1/count,2024-06-30,420,区市场监管局\n');
    const out = path.join(folder, 'loaded-tables.txt');
    const loadedBy = (args: string[]): string[] => {
      const result = runBin([...args, '.', '--as-of', '2024-06-30', '--no-cache', '--no-config'], {
        cwd: plain,
        env: { NODE_OPTIONS: `--require ${probe}`, PROBE_OUT: out },
      });
      expect(result.status, result.stderr).toBe(0);
      return readFileSync(out, 'utf8').split('\n');
    };
    for (const args of [['status'], ['units'], ['gaps', '--format', 'csv']]) {
      const loaded = loadedBy(args);
      expect(loaded, args.join(' ')).toContain('node:fs');
      expect(loaded, args.join(' ')).not.toContain('exceljs');
    }
    expect(loadedBy(['units', '--format', 'xlsx', '-o', path.join(folder, 'units.xlsx')])).toContain('exceljs');
  });
});
