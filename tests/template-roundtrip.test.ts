// plan-check template and the way back: forms written, filled, saved by a spreadsheet application
// and read by status with no edit; files saved by LibreOffice Calc (tests/fixtures/xlsx-real).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type InputFile, evaluateProject, loadProject } from '../src/core/project.js';
import { toNumber } from '../src/core/rational.js';
import { unpackSheets } from '../src/io/xlsx-read.js';
import { day, repoRoot, runBin, runCli, source, timezones, useTimezone } from './helpers.js';

const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
const real = path.join(repoRoot, 'tests', 'fixtures', 'xlsx-real');
const formPlan = readFileSync(path.join(real, 'filled-form', 'xl.plan.yaml'), 'utf8');

async function loadSheet(planName: string, planText: string, sheetName: string, bytes: Uint8Array) {
  const sources: InputFile[] = [source(planName, planText), { path: sheetName, kind: 'actuals-xlsx', bytes }];
  await unpackSheets(sources);
  return loadProject(sources);
}

const actualOf = (loaded: ReturnType<typeof loadProject>, ref: string, asOf: string) => {
  const result = evaluateProject(loaded, day(asOf), 14).targets.find((r) => r.target.ref === ref)!;
  return result.actual === undefined ? undefined : toNumber(result.actual);
};

for (const tz of timezones) {
  describe(`files saved by LibreOffice Calc, TZ=${tz}`, () => {
    useTimezone(tz);

    it('the filled form saved by Calc gives the hand-computed figures', async () => {
      const bytes = readFileSync(path.join(real, 'filled-form', '区市场监管局.actuals.xlsx'));
      const loaded = await loadSheet('xl.plan.yaml', formPlan, 'f.actuals.xlsx', bytes);
      expect(loaded.diagnostics).toEqual([]);
      for (const asOf of ['2024-06-30', '2024-12-31']) {
        expect(actualOf(loaded, 'xl:1/count', asOf)).toBe(420);
        expect(actualOf(loaded, 'xl:1/rate', asOf)).toBe((47 * 100) / 50);
      }
      expect(actualOf(loaded, 'xl:1/count', '2024-06-29')).toBeUndefined();
      expect(
        loaded.actualsFiles[0]!.rows.map((row) => [
          row.reportedBy,
          row.note,
          row.valuePlace.sheet,
          row.valuePlace.line,
          row.valuePlace.column,
        ]),
      ).toEqual([
        ['区市场监管局', undefined, '报送', 2, 8],
        ['区市场监管局', '上半年', '报送', 3, 9],
      ]);
    });

    it('a CSV converted by Calc reads to the same rows as the CSV', async () => {
      const planText = readFileSync(path.join(real, 'converted', 'zichuan-2023-food.plan.yaml'), 'utf8');
      const fromSheet = await loadSheet(
        'z.plan.yaml',
        planText,
        'z.actuals.xlsx',
        readFileSync(path.join(real, 'converted', 'zichuan-2023-food.actuals.xlsx')),
      );
      const fromCsv = loadProject([
        source('z.plan.yaml', planText),
        source('z.actuals.csv', readFileSync(path.join(real, 'converted', 'zichuan-2023-food.converted-from.csv'), 'utf8')),
      ]);
      expect(fromSheet.diagnostics).toEqual([]);
      const shape = (loaded: typeof fromCsv) =>
        loaded.actualsFiles[0]!.rows.map((row) => [row.targetRef, row.value, row.asOf, row.reportedBy, row.note, row.valuePlace.line]);
      expect(shape(fromSheet)).toEqual(shape(fromCsv));
      expect(fromSheet.actualsFiles[0]!.rows.length).toBeGreaterThan(3);
    });
  });
}

describe('template → fill → status', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'plan-check-template-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  writeFileSync(path.join(folder, 'xl.plan.yaml'), formPlan);

  it('writes an XLSX form per the contract, and the filled form comes back with no edit', async () => {
    const written = runBin(['template', '--owner', '区市场监管局', '-o', 'forms/mine.actuals.xlsx', '--no-cache'], {
      cwd: folder,
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(written.stderr).toContain('forms/mine.actuals.xlsx');
    expect(written.status).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path.join(folder, 'forms', 'mine.actuals.xlsx'));
    const sheet = book.getWorksheet('报送')!;
    expect(book.worksheets.map((ws) => ws.name)).toEqual(['报送', '填写说明']);
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      '计划',
      '指标',
      '指标名称',
      '目标',
      '计量单位',
      '上次数值',
      '截至日期',
      '数值',
      '完成数',
      '应完成数',
      '填报单位',
      '备注',
    ]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect([2, 3].map((row) => [sheet.getCell(row, 2).value, sheet.getCell(row, 11).value])).toEqual([
      ['1/count', '区市场监管局'],
      ['1/rate', '区市场监管局'],
    ]);
    // helper columns locked, input columns open; validation on the date and on the number cells by kind
    // (a cell is locked unless it says otherwise; the sheet's protection makes locks count)
    expect(sheet.getCell('C2').protection?.locked ?? true).toBe(true);
    expect((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(sheet.getCell('H2').protection?.locked).toBe(false);
    expect(sheet.getCell('G2').dataValidation?.type).toBe('date');
    expect(sheet.getCell('H2').dataValidation?.type).toBe('decimal');
    expect(sheet.getCell('I3').dataValidation?.type).toBe('decimal');
    expect(sheet.getCell('H3').dataValidation?.type).toBeUndefined();
    // 指标名称 holds 抽检合格率 (5 characters, 10 columns wide in Chinese): the column is at least that wide
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(10);
    let formulas = 0;
    sheet.eachRow((row) => row.eachCell((cell) => void (formulas += cell.formula ? 1 : 0)));
    expect(formulas).toBe(0);
    // fill it in as a department would, save, and read it back
    sheet.getCell('G2').value = new Date(Date.UTC(2024, 5, 30));
    sheet.getCell('H2').value = 420;
    sheet.getCell('G3').value = '2024年6月30日';
    sheet.getCell('I3').value = 47;
    sheet.getCell('J3').value = 50;
    await book.xlsx.writeFile(path.join(folder, 'forms', 'mine.actuals.xlsx'));
    const status = runBin(['status', '.', '--as-of', '2024-06-30', '--format', 'json', '--no-cache'], { cwd: folder });
    expect(status.status).toBe(0);
    const targets = new Map(
      JSON.parse(status.stdout).targets.map((target: { ref: string; actual: number }) => [target.ref, target.actual]),
    );
    expect(targets.get('xl:1/count')).toBe(420);
    expect(targets.get('xl:1/rate')).toBe((47 * 100) / 50);
    rmSync(path.join(folder, 'forms'), { recursive: true });
  });

  it('writes CSV forms per owning unit with --split, and a filled one reads back', async () => {
    const written = await runCli(['template', '--split', 'out', '--format', 'csv', '--no-cache'], {
      cwd: folder,
      env: { LANG: 'zh_CN.UTF-8' },
    });
    expect(written.status).toBe(0);
    const mine = readFileSync(path.join(folder, 'out', '区市场监管局.actuals.csv'), 'utf8');
    const theirs = readFileSync(path.join(folder, 'out', '区卫健局.actuals.csv'), 'utf8');
    expect(mine.split('\r\n')[0]).toBe('\uFEFF计划,指标,指标名称,目标,计量单位,上次数值,截至日期,数值,完成数,应完成数,填报单位,备注');
    expect(theirs).toContain('xl,2/training,培训人次,>= 500,人次,,,,,,区卫健局,');
    const filled = theirs.replace(
      'xl,2/training,培训人次,>= 500,人次,,,,,,区卫健局,',
      'xl,2/training,培训人次,>= 500,人次,,2024/6/30,260,,,区卫健局,',
    );
    rmSync(path.join(folder, 'out'), { recursive: true });
    const loaded = loadProject([source('xl.plan.yaml', formPlan), source('b.actuals.csv', mine), source('c.actuals.csv', filled)]);
    expect(loaded.diagnostics).toEqual([]);
    expect(actualOf(loaded, 'xl:2/training', '2024-06-30')).toBe(260);
    expect(actualOf(loaded, 'xl:1/count', '2024-06-30')).toBeUndefined();
  });

  it('asks whose form when neither --owner nor --split is given', async () => {
    mkdirSync(path.join(folder, 'x'), { recursive: true });
    const result = await runCli(['template', '--no-cache'], { cwd: folder });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--owner UNIT, or --split DIR/);
  });
});
