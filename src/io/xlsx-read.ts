// An .xlsx actuals file unpacked into the records the tabular reader takes (core/actuals-table.ts).
// exceljs is loaded here, and only here, by dynamic import: a run without an .xlsx never loads it.
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { unzipSync } from 'fflate';
import type { InputFile } from '../core/project.js';
import { type CellKind, type SheetContents, type SourceRecord, sheetBytesProblem } from '../core/actuals-table.js';
import { foldText } from '../core/text-fold.js';

/** The sheet read when there is one by this name; else the first visible sheet. */
export const reportSheetName = '报送';

type ExcelJs = typeof import('exceljs');
let loaded: ExcelJs | undefined;

/**
 * exceljs, loaded on first use. Required, not import()ed: the bundle runs as a vm.Script (for the
 * code cache), where import() has no loader; the build keeps exceljs out of the bundle.
 */
export function loadExcelJs(): ExcelJs {
  loaded ??= createRequire(import.meta.url)('exceljs') as ExcelJs;
  return loaded;
}

/** A number as a person would type it: no float noise (0.1 + 0.2), no exponent for ordinary sizes. */
function plainNumber(value: number): string {
  return String(Number(value.toPrecision(15)));
}

const isoOf = (date: Date): string =>
  `${String(date.getUTCFullYear()).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;

/** A number format that shows a percentage: a % outside quotes and brackets. */
const percentFormat = (format: string | undefined): boolean => format !== undefined && /%/.test(format.replace(/"[^"]*"|\[[^\]]*\]/g, ''));

interface Cell {
  value: unknown;
  numFmt?: string;
  isMerged?: boolean;
  master?: { address: string };
  address?: string;
}

/** One cell as text, and what kind of cell it was. */
function cellText(cell: Cell, value: unknown = cell.value): { text: string; kind: CellKind } {
  if (value === null || value === undefined) return { text: '', kind: 'text' };
  if (typeof value === 'string') return { text: value, kind: 'text' };
  if (typeof value === 'number') {
    if (percentFormat(cell.numFmt)) return { text: `${plainNumber(value * 100)}%`, kind: 'percent' };
    return { text: plainNumber(value), kind: 'number' };
  }
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', kind: 'text' };
  // exceljs gives a date cell as the date at UTC midnight
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { text: '', kind: 'text' } : { text: isoOf(value), kind: 'date' };
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if ('formula' in object || 'sharedFormula' in object) {
      if (object.result === undefined || object.result === null) return { text: '', kind: 'formula-without-value' };
      return cellText(
        cell,
        typeof object.result === 'object' && object.result && 'error' in object.result
          ? String((object.result as { error: unknown }).error)
          : object.result,
      );
    }
    if (Array.isArray(object.richText))
      return { text: object.richText.map((part: { text?: string }) => part.text ?? '').join(''), kind: 'text' };
    if (typeof object.text === 'string') return { text: object.text, kind: 'text' };
    if ('error' in object) return { text: String(object.error), kind: 'text' };
  }
  return { text: String(value), kind: 'text' };
}

/** One worksheet row as records take it: fields and kinds from column 1 on. */
function rowCells(row: { eachCell: (options: { includeEmpty: boolean }, callback: (cell: unknown, column: number) => void) => void }): {
  fields: string[];
  kinds: CellKind[];
} {
  const fields: string[] = [];
  const kinds: CellKind[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    const typed = cell as Cell;
    // the other cells of a merged range repeat the top-left cell's value: count it once
    const text =
      typed.isMerged && typed.master && typed.master.address !== typed.address ? { text: '', kind: 'text' as const } : cellText(typed);
    while (fields.length < column - 1) {
      fields.push('');
      kinds.push('text');
    }
    fields[column - 1] = text.text;
    kinds[column - 1] = text.kind;
  });
  return { fields, kinds };
}

/** Records of one sheet's rows: as wide as the header, or wider where a row has cells beyond it. */
class SheetRecords {
  readonly records: SourceRecord[] = [];
  private width = 0;

  add(fields: string[], kinds: CellKind[], line: number): void {
    if (this.records.length === 0) this.width = lastFilled(fields, kinds);
    const size = Math.max(this.width, lastFilled(fields, kinds));
    while (fields.length < size) {
      fields.push('');
      kinds.push('text');
    }
    fields.length = size;
    kinds.length = size;
    this.records.push({ fields, line, columns: fields.map((_, index) => index + 1), kinds });
  }
}

const isReportSheet = (name: string): boolean => foldText(name) === reportSheetName;

/**
 * The sheet named 报送, else the first visible one, as records: row numbers are lines, column
 * numbers are columns. Read as a stream (exceljs's WorkbookReader: no workbook model is built)
 * when the file stores its workbook parts before its sheets, else loaded whole (see
 * streamReaderWouldRace); hidden sheets are skipped; a merged header cell counts once.
 */
async function readXlsxSheet(bytes: Uint8Array, path: string): Promise<SheetContents> {
  // .xls and .et are refused by name, whatever they hold: the contract asks for .xlsx
  if (!/\.xlsx$/i.test(path)) return { ok: false, problem: 'ole' };
  const problem = sheetBytesProblem(bytes);
  if (problem !== 'damaged') return { ok: false, problem };
  const ExcelJS = loadExcelJs();
  if (streamReaderWouldRace(bytes)) return readWholeWorkbook(ExcelJS, bytes);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    sharedStrings: 'cache',
    styles: 'cache',
    worksheets: 'emit',
    hyperlinks: 'ignore',
    entries: 'ignore',
  } as never);
  let chosen: { name: string; records: SheetRecords } | undefined;
  try {
    for await (const worksheet of reader as unknown as AsyncIterable<
      AsyncIterable<{ number: number } & Parameters<typeof rowCells>[0]> & { name: string; state?: string }
    >) {
      const visible = worksheet.state === undefined || worksheet.state === 'visible';
      const wanted = visible && (!chosen || (isReportSheet(worksheet.name) && !isReportSheet(chosen.name)));
      const records = new SheetRecords();
      for await (const row of worksheet) {
        if (!wanted) continue; // the rows of a sheet not read must still be consumed
        const { fields, kinds } = rowCells(row);
        if (fields.length > 0) records.add(fields, kinds, row.number);
      }
      if (wanted) chosen = { name: worksheet.name, records };
    }
  } catch {
    return { ok: false, problem: 'damaged' };
  }
  if (!chosen) return { ok: false, problem: 'no-sheet' };
  return { ok: true, sheet: chosen.name, records: chosen.records.records };
}

/** The parts a worksheet is read against: sheet names and hidden states, their links, shared strings, styles. */
const WORKBOOK_PARTS = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'];

/**
 * Whether exceljs's stream reader would race on this file: one of the parts a worksheet is read
 * against is stored after the first worksheet, so the reader may parse the sheet before it knows
 * the sheet's name, state or shared strings (it then throws, names the sheet "Sheet1" or gives
 * `[object Object]` for a string cell: exceljs issue 3064). exceljs writes workbook.xml last;
 * LibreOffice Calc writes the shared strings and the workbook's links after the sheets. Such a
 * file is loaded whole. An archive whose order cannot be read: streamed, and the stream says
 * what is wrong.
 */
export function streamReaderWouldRace(bytes: Uint8Array): boolean {
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        names.push(file.name);
        return false;
      },
    });
  } catch {
    return false;
  }
  const firstSheet = names.findIndex((name) => name.startsWith('xl/worksheets/'));
  return firstSheet >= 0 && WORKBOOK_PARTS.some((part) => names.indexOf(part) > firstSheet);
}

/** The same choice of sheet and the same records, from the workbook loaded whole. */
async function readWholeWorkbook(ExcelJS: ExcelJs, bytes: Uint8Array): Promise<SheetContents> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    return { ok: false, problem: 'damaged' };
  }
  const visible = book.worksheets.filter((sheet) => sheet.state === undefined || sheet.state === 'visible');
  const sheet = visible.find((candidate) => isReportSheet(candidate.name)) ?? visible[0];
  if (!sheet) return { ok: false, problem: 'no-sheet' };
  const records = new SheetRecords();
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const { fields, kinds } = rowCells(row as never);
    if (fields.length > 0) records.add(fields, kinds, number);
  });
  return { ok: true, sheet: sheet.name, records: records.records };
}

/** Where the last cell with something in it is (a formula without a value counts). */
const lastFilled = (fields: readonly string[], kinds: readonly CellKind[]): number => {
  for (let index = fields.length - 1; index >= 0; index -= 1)
    if ((fields[index] ?? '').trim() !== '' || kinds[index] === 'formula-without-value') return index + 1;
  return 0;
};

/** Every spreadsheet source among these, unpacked in place (its sheet instead of its bytes). */
export async function unpackSheets(sources: InputFile[]): Promise<void> {
  for (let index = 0; index < sources.length; index += 1) {
    const source = sources[index]!;
    if (source.kind !== 'actuals-xlsx' || !('bytes' in source)) continue;
    sources[index] = {
      path: source.path,
      kind: 'actuals-xlsx',
      size: source.bytes.length,
      sheet: await readXlsxSheet(source.bytes, source.path),
    };
  }
}
