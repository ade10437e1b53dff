// The meeting papers as .xlsx (status, gaps, deadlines, units --format xlsx; reportWorkbook), read
// back with exceljs as data — frozen header, widths, number formats, filled lights, print setup,
// figures equal to the JSON ones — and once converted to PDF by LibreOffice as a document. That
// the terminal views never load exceljs is checked in xlsx-actuals.test.ts.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDay } from '../src/core/dates.js';
import { evaluateProject } from '../src/core/project.js';
import { reportWorkbook } from '../src/io/xlsx-report.js';
import { displayWidth } from '../src/report/wrap.js';
import { Chalk } from 'chalk';
import { day, project, repoRoot, runCli, timezones, useTimezone } from './helpers.js';

const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');
type Worksheet = import('exceljs').Worksheet;

const folder = mkdtempSync(path.join(os.tmpdir(), 'plan-check-papers-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const fixture = 'tests/fixtures/scorecards';
const fixtureFiles = Object.fromEntries(
  readdirSync(path.join(repoRoot, fixture)).map((name) => [name, readFileSync(path.join(repoRoot, fixture, name), 'utf8')]),
);

async function readBook(file: string) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
  return book;
}

/** A cell's value as the JSON gives it: a number, a day as YYYY-MM-DD, text, or null. */
function plain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value;
}

const headerOf = (sheet: Worksheet): string[] => (sheet.getRow(2).values as unknown[]).slice(1).map(String);
const column = (sheet: Worksheet, header: string): number => headerOf(sheet).indexOf(header) + 1;

const lightFills = { red: 'FFE06666', yellow: 'FFFFD966', green: 'FF93C47D', grey: 'FFD9D9D9' } as const;
const lightWords = { red: '红', yellow: '黄', green: '绿', grey: '灰' } as const;

/** What every paper sheet has: title row merged over the header, header frozen and printed on each page. */
function expectPaperSetup(sheet: Worksheet, title: RegExp): void {
  expect(String(sheet.getCell('A1').value)).toMatch(title);
  expect(sheet.getCell('A1').isMerged).toBe(true);
  expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
  expect(sheet.pageSetup).toMatchObject({
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    paperSize: 9,
    printTitlesRow: '2:2',
  });
  expect(sheet.getRow(2).font?.bold).toBe(true);
}

interface TargetJson {
  ref: string;
  kind: string;
  required: number | null;
  expected: number | null;
  actual: number | null;
  gap: number | null;
  progress: number | null;
  lag: number | null;
  due: string;
  latest_as_of: string | null;
  light: keyof typeof lightFills;
}

describe.each(timezones)('gaps --format xlsx equals gaps --format json, TZ=%s', (tz) => {
  useTimezone(tz);

  for (const asOf of ['2024-06-30', '2024-09-30']) {
    it(`the examples at ${asOf}: every figure, format, width and light`, async () => {
      const file = path.join(folder, `gaps-${tz.replace('/', '-')}-${asOf}.xlsx`);
      const args = ['gaps', 'examples', '--no-config', '--as-of', asOf];
      const written = await runCli([...args, '--format', 'xlsx', '-o', file], { env: { LANG: '' } });
      expect(written.status).toBe(0);
      const json = JSON.parse((await runCli([...args, '--format', 'json'])).stdout) as { targets: TargetJson[] };
      expect(json.targets.length).toBeGreaterThan(50);
      const book = await readBook(file);
      expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['指标']);
      const sheet = book.worksheets[0]!;
      expectPaperSetup(sheet, new RegExp(`全区食品药品安全工作（district-2024-food-drug）.*截至 ${asOf}`));
      expect(headerOf(sheet)).toEqual([
        '方案',
        '任务',
        '指标',
        '责任单位',
        '目标',
        '目标值',
        '序时进度',
        '实际',
        '差距',
        '完成率',
        '落后序时（百分点）',
        '截止',
        '状态',
        '亮灯',
        '最新数据截至',
        '数据过期',
      ]);
      expect(sheet.rowCount).toBe(2 + json.targets.length);
      const at = (name: string) => column(sheet, name);
      json.targets.forEach((target, index) => {
        const row = sheet.getRow(3 + index);
        const figures = [
          ['目标值', target.required],
          ['序时进度', target.expected],
          ['实际', target.actual],
          ['差距', target.gap],
          ['完成率', target.progress],
          ['落后序时（百分点）', target.lag],
          ['截止', target.due],
          ['最新数据截至', target.latest_as_of],
        ] as const;
        for (const [name, figure] of figures) expect(plain(row.getCell(at(name)).value), `${target.ref} ${name}`).toBe(figure);
        // the value is the JSON figure; the format rounds what is shown: two decimals unless whole, % for a percentage target
        const suffix = target.kind === 'percent' ? '"%"' : '';
        if (target.expected !== null)
          expect(row.getCell(at('序时进度')).numFmt).toBe(`${Number.isInteger(target.expected) ? '#,##0' : '#,##0.00'}${suffix}`);
        if (target.progress !== null) expect(row.getCell(at('完成率')).numFmt).toBe('0.0%');
        expect(row.getCell(at('截止')).numFmt).toBe('yyyy-mm-dd');
        const light = row.getCell(at('亮灯'));
        expect(light.value).toBe(lightWords[target.light]);
        expect(light.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: lightFills[target.light] } });
      });
      // 49.72677595628415 = 100 × 182/366 is stored whole and shown as 49.73
      if (asOf === '2024-06-30') {
        const pace = json.targets.findIndex((target) => target.expected !== null && Math.abs(target.expected - (100 * 182) / 366) < 1e-12);
        expect(pace).toBeGreaterThanOrEqual(0);
        expect(sheet.getRow(3 + pace).getCell(at('序时进度')).numFmt).toBe(
          `#,##0.00${json.targets[pace]!.kind === 'percent' ? '"%"' : ''}`,
        );
      }
      // widths fit Chinese text (two units a character) up to 36, where longer text wraps
      headerOf(sheet).forEach((name, index) => {
        const textWidths = json.targets
          .map((_, row) => sheet.getRow(3 + row).getCell(index + 1).value)
          .map((value) => (typeof value === 'string' ? displayWidth(value) : 0));
        const widest = Math.max(displayWidth(name), ...textWidths);
        const width = sheet.getColumn(index + 1).width!;
        expect(width, name).toBeGreaterThanOrEqual(Math.min(36, displayWidth(name) + 2));
        expect(width, name).toBeLessThanOrEqual(36);
        expect(width, name).toBeGreaterThanOrEqual(Math.min(36, widest + 2));
      });
      expect(sheet.getColumn(column(sheet, '指标')).width).toBe(36);
      // a metric wider than its column wraps, and its row is as tall as its lines (15 pt each, 35 units a line)
      const long = json.targets.findIndex((_, row) => displayWidth(String(sheet.getRow(3 + row).getCell(at('指标')).value)) > 35);
      expect(long).toBeGreaterThanOrEqual(0);
      const longRow = sheet.getRow(3 + long);
      expect(longRow.getCell(at('指标')).alignment?.wrapText).toBe(true);
      expect(longRow.height).toBeGreaterThanOrEqual(15 * Math.ceil(displayWidth(String(longRow.getCell(at('指标')).value)) / 35));
    });
  }
});

describe('deadlines, units and the workbook', () => {
  it('deadlines --format xlsx: days left as numbers, dates as dates, lights filled with their word', async () => {
    const file = path.join(folder, 'deadlines.xlsx');
    const args = ['deadlines', fixture, '--no-config', '--as-of', '2024-09-30', '--all'];
    expect((await runCli([...args, '--format', 'xlsx', '-o', file])).status).toBe(0);
    const json = JSON.parse((await runCli([...args, '--format', 'json'])).stdout) as {
      deadlines: { due: string; days_left: number; completed: string | null; light: keyof typeof lightFills }[];
    };
    const sheet = (await readBook(file)).getWorksheet('Deadlines')!;
    expectPaperSetup(sheet, /^2024年单位通报测试 \(scorecard-2024\) · as of 2024-09-30$/);
    expect(sheet.rowCount).toBe(2 + json.deadlines.length);
    json.deadlines.forEach((deadline, index) => {
      const row = sheet.getRow(3 + index);
      expect(plain(row.getCell(column(sheet, 'Due')).value)).toBe(deadline.due);
      expect(row.getCell(column(sheet, 'Days left')).value).toBe(deadline.days_left);
      expect(plain(row.getCell(column(sheet, 'Done on')).value)).toBe(deadline.completed);
      const light = row.getCell(column(sheet, 'Light'));
      expect(light.fill).toMatchObject({ fgColor: { argb: lightFills[deadline.light] } });
      expect(String(light.value)).toBe(deadline.light);
    });
    // 甲局's 07-10 report: 274 − 192 = 82 days overdue
    expect(json.deadlines.some((deadline) => deadline.due === '2024-07-10' && deadline.days_left === -82)).toBe(true);
  });

  it('units --format xlsx: the rates are percent cells holding on_time / due_so_far', async () => {
    const file = path.join(folder, 'units.xlsx');
    expect(
      (await runCli(['units', fixture, '--no-config', '--as-of', '2024-09-30', '--format', 'xlsx', '-o', file], { env: { LANG: '' } }))
        .status,
    ).toBe(0);
    const sheet = (await readBook(file)).getWorksheet('单位')!;
    expectPaperSetup(sheet, /截至 2024-09-30/);
    // every status is a column in the spreadsheet, even one no unit has
    expect(headerOf(sheet)).toEqual([
      '单位',
      '指标数',
      '红灯',
      '黄灯',
      '绿灯',
      '灰灯',
      '指标已完成',
      '指标正常',
      '指标滞后',
      '指标逾期未完成',
      '指标超限',
      '指标无数据',
      '指标未开始',
      '数据过期',
      '已到期',
      '按期完成',
      '逾期完成',
      '逾期未完成',
      '按期办结率',
      '按时报送率',
    ]);
    const rows = [3, 4, 5, 6].map((index) => (sheet.getRow(index).values as unknown[]).slice(1));
    // 丁街道 0/1 (no report due), 甲局 1/3 and 1/3, 乙局 2/3 and 2/3, 丙街道 1/1 (no report due)
    expect(rows.map((values) => [values[0], values[18] ?? null, values[19] ?? null])).toEqual([
      ['丁街道', 0 / 1, null],
      ['甲局', 1 / 3, 1 / 3],
      ['乙局', 2 / 3, 2 / 3],
      ['丙街道', 1 / 1, null],
    ]);
    expect(sheet.getRow(4).getCell(19).numFmt).toBe('0.0%');
    expect(sheet.getRow(4).getCell(2).numFmt).toBe('#,##0');
  });

  it('status --format xlsx writes the whole paper: 概况, 指标, 截止事项, 单位; English sheet names in English', async () => {
    const zh = path.join(folder, 'status-zh.xlsx');
    const en = path.join(folder, 'status-en.xlsx');
    const args = ['status', fixture, '--no-config', '--as-of', '2024-09-30', '--format', 'xlsx'];
    expect((await runCli([...args, '-o', zh], { env: { LANG: '' } })).status).toBe(0);
    expect((await runCli([...args, '-o', en])).status).toBe(0);
    expect((await readBook(zh)).worksheets.map((sheet) => sheet.name)).toEqual(['概况', '指标', '截止事项', '单位']);
    expect((await readBook(en)).worksheets.map((sheet) => sheet.name)).toEqual(['Summary', 'Targets', 'Deadlines', 'Units']);
    const summary = (await readBook(zh)).getWorksheet('概况')!;
    const lines = Array.from({ length: summary.rowCount - 2 }, (_, index) => (summary.getRow(3 + index).values as unknown[]).slice(1));
    // at 09-30 the summary counts each target once, an `each` target by its own light (the reddest of
    // its units'): inspections yellow, incidents red, coverage grey, visits red (丁街道)
    const byLight = Object.fromEntries(lines.filter((line) => line[0] === '指标（按亮灯）').map((line) => [line[1], line[2]]));
    expect(byLight).toEqual({ 红: 2, 黄: 1, 灰: 1, 绿: 0 });
    const fill = summary.getRow(3 + lines.findIndex((line) => line[1] === '红')).getCell(2).fill;
    expect(fill).toMatchObject({ fgColor: { argb: lightFills.red } });
  });

  it('reportWorkbook in process: the same units sheet as units --format json when the view gives none', async () => {
    const loaded = project(fixtureFiles);
    const evaluation = evaluateProject(loaded, day('2024-06-30'), 14);
    const report = {
      evaluation,
      plans: loaded.plans,
      shownPlans: loaded.plans,
      view: { all: false, recentDays: 90, staleDays: 45, explicitPlans: false, explicitStatuses: false, unitsOf: () => [] },
    };
    const bytes = await reportWorkbook(report, { lang: 'zh-CN', chalk: new Chalk({ level: 0 }) });
    const file = path.join(folder, 'in-process.xlsx');
    writeFileSync(file, bytes);
    const sheet = (await readBook(file)).getWorksheet('单位')!;
    const json = JSON.parse(
      (await runCli(['units', fixture, '--no-config', '--as-of', formatDay(evaluation.asOf), '--format', 'json'])).stdout,
    ) as { units: { unit: string; targets: number; stale: number; on_time_rate: number | null }[] };
    const fromSheet = Array.from({ length: sheet.rowCount - 2 }, (_, index) => {
      const values = (sheet.getRow(3 + index).values as unknown[]).slice(1);
      return { unit: values[0], targets: values[1], stale: values[13], on_time_rate: values[18] ?? null };
    });
    expect(fromSheet).toEqual(json.units.map(({ unit, targets, stale, on_time_rate }) => ({ unit, targets, stale, on_time_rate })));
  });
});

describe('LibreOffice opens and prints the spreadsheet', () => {
  it('soffice converts gaps --format xlsx to a PDF of at least one page', { timeout: 180_000 }, async () => {
    expect(existsSync('/usr/bin/soffice') || spawnSync('sh', ['-c', 'command -v soffice']).status === 0).toBe(true);
    const out = path.join(folder, 'pdf');
    const file = path.join(folder, 'to-print.xlsx');
    expect((await runCli(['gaps', 'examples', '--no-config', '--as-of', '2024-06-30', '--format', 'xlsx', '-o', file])).status).toBe(0);
    // a private profile: parallel runs do not share (and lock) one LibreOffice user folder
    const profile = `file://${path.join(folder, 'lo-profile')}`;
    const result = spawnSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, file], {
      encoding: 'utf8',
      timeout: 170_000,
    });
    expect(result.status, result.stderr).toBe(0);
    const pdf = readFileSync(path.join(out, 'to-print.pdf'));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // page objects: /Type /Page, not /Pages
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
  });
});
