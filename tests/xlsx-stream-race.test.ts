// A workbook written by exceljs stores xl/workbook.xml (sheet names, hidden states) after the
// worksheets, and one saved by LibreOffice Calc its shared strings. exceljs's stream reader races for that part and now and then fails or misnames the
// sheets (exceljs issue 3064): plan-check's own forms are written so. Read many times over, such a
// file must give the same sheet and the same rows every time.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { InputFile } from '../src/core/project.js';
import { readFileSync } from 'node:fs';
import { unzipSync, zipSync } from 'fflate';
import path from 'node:path';
import { unpackSheets, streamReaderWouldRace } from '../src/io/xlsx-read.js';
import { repoRoot } from './helpers.js';

const ExcelJS = createRequire(import.meta.url)('exceljs') as typeof import('exceljs');

async function formBytes(): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  book.addWorksheet('说明').addRow(['请在“报送”表中填写']);
  const hidden = book.addWorksheet('隐藏');
  hidden.state = 'hidden';
  hidden.addRow(['计划', '指标']);
  const sheet = book.addWorksheet('报送');
  sheet.addRow(['计划', '指标', '截至日期', '数值', '填报单位']);
  sheet.addRow(['p-2024', '1/count', '2024-06-30', 420, '区市场监管局']);
  sheet.addRow(['p-2024', '1/rate', '2024-06-30', '94%', '区市场监管局']);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('an exceljs-written workbook (workbook part stored last)', () => {
  it('is read the same way 40 times: the 报送 sheet, its three rows', async () => {
    const bytes = await formBytes();
    const seen = new Set<string>();
    for (let run = 0; run < 40; run += 1) {
      const sources: InputFile[] = [{ path: 'f.actuals.xlsx', kind: 'actuals-xlsx', bytes }];
      await unpackSheets(sources);
      const sheet = (sources[0] as { sheet: { ok: boolean; sheet?: string; records?: { fields: string[]; line: number }[] } }).sheet;
      seen.add(JSON.stringify({ ok: sheet.ok, sheet: sheet.sheet, rows: sheet.records?.map((record) => [record.line, ...record.fields]) }));
    }
    expect([...seen]).toEqual([
      JSON.stringify({
        ok: true,
        sheet: '报送',
        rows: [
          [1, '计划', '指标', '截至日期', '数值', '填报单位'],
          [2, 'p-2024', '1/count', '2024-06-30', '420', '区市场监管局'],
          [3, 'p-2024', '1/rate', '2024-06-30', '94%', '区市场监管局'],
        ],
      }),
    ]);
  });

  it('is routed past the stream reader, as is a file Calc saved (shared strings after the sheets); parts first are streamed', async () => {
    expect(streamReaderWouldRace(await formBytes())).toBe(true);
    const saved = readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'xlsx-real', 'filled-form', '区市场监管局.actuals.xlsx'));
    expect(streamReaderWouldRace(saved)).toBe(true);
    // the same entries stored with the workbook parts first: nothing to race for
    const entries = unzipSync(saved);
    const partsFirst = Object.fromEntries(
      Object.entries(entries).sort(([a], [b]) => Number(a.startsWith('xl/worksheets/')) - Number(b.startsWith('xl/worksheets/'))),
    );
    const reordered = zipSync(partsFirst);
    expect(streamReaderWouldRace(reordered)).toBe(false);
    const sources: InputFile[] = [{ path: 'f.actuals.xlsx', kind: 'actuals-xlsx', bytes: reordered }];
    const whole: InputFile[] = [{ path: 'f.actuals.xlsx', kind: 'actuals-xlsx', bytes: new Uint8Array(saved) }];
    await unpackSheets(sources);
    await unpackSheets(whole);
    // streamed or loaded whole, the same sheet and the same records
    expect((sources[0] as { sheet: unknown }).sheet).toEqual((whole[0] as { sheet: unknown }).sheet);
    // not an archive at all: no order to tell, the stream reader reports the damage
    expect(streamReaderWouldRace(new TextEncoder().encode('not a zip'))).toBe(false);
  });
});
