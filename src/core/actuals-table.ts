// The meaning of tabular actuals, whatever split them (CSV text today, a spreadsheet's sheet next):
// a header and records in, rows and diagnostics out. Columns, value forms, dates and refs are
// read here once, so every tabular kind follows the same rules.
import { formatDay, parseWrittenDate } from './dates.js';
import { type Diagnostic, makeDiagnostic } from './diagnostics.js';
import { nearestName } from './edit-distance.js';
import type { ActualRow, ActualValue, ActualsFile, RejectedEntry } from './model.js';
import { ABSURD_COUNT, type ValueProblem, isAbsurdValue, parseValueCell } from './actual-value.js';
import { foldText, hasInvisible, withoutInvisible } from './text-fold.js';
import { invisibleWarning } from './invisible-names.js';

/** What a spreadsheet cell was before it became text (a CSV field is always text). */
export type CellKind = 'text' | 'number' | 'percent' | 'date' | 'formula-without-value';

/** One record of a tabular source: its fields, the line (row) it starts on, and where each field starts. */
export interface SourceRecord {
  fields: string[];
  line: number;
  columns: number[];
  /** per field, for a spreadsheet's cells */
  kinds?: CellKind[];
}

/** A spreadsheet's sheet as io/ unpacked it, or why it could not be. */
export type SheetContents =
  { ok: true; sheet: string; records: SourceRecord[] } | { ok: false; problem: 'ole' | 'not-zip' | 'damaged' | 'no-sheet' };

/** What the first bytes tell of a file that should be an .xlsx (a zip): an OLE container is an old .xls/.et or an encrypted workbook. */
export function sheetBytesProblem(bytes: Uint8Array): 'ole' | 'not-zip' | 'damaged' {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole';
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) return 'not-zip';
  return 'damaged';
}

/** Excel's day number (1900 date system) as a day: 45473 is 2024-06-30. */
const serialDayNumber = (serial: number): number => Math.floor(serial) - 25569;

/** Text that reads as a date: what Excel makes of a fraction such as 9/12 (9月12日, 2024/9/12, 12-Sep). */
const looksLikeExcelDate = (text: string): boolean =>
  /^(\d{1,4}[-/.])?\d{1,2}[-/.]\d{1,4}$|^(\d{4}年)?\d{1,2}月\d{1,2}日$|^\d{1,2}-[A-Za-z]{3}(-\d{2,4})?$/.test(foldText(text));

export interface ReadActuals {
  actuals: ActualsFile;
  diagnostics: Diagnostic[];
}

/** A cell quoted in a message: never a megabyte of it. */
export const shown = (text: string): string => ([...text.slice(0, 200)].length > 60 ? `${[...text].slice(0, 60).join('')}…` : text);
/** 45076: a spreadsheet's day count where a date was meant (Excel shows it as 2023-05-30). */
const serialDay = (text: string): boolean => /^\d{5}(?:\.\d+)?$/.test(text);
export const absurdArgs = (value: string) => ({ field: 'value', value: shown(value), limit: `<= ${ABSURD_COUNT}` });

/** English and Chinese header names, as the contract gives them. */
const csvColumns = {
  plan: ['plan', '计划'],
  target: ['target', '指标'],
  as_of: ['as_of', '截至日期'],
  value: ['value', '数值'],
  reported_by: ['reported_by', '填报单位'],
  note: ['note', '备注'],
  // v2: a fraction in two cells, since Excel turns 9/12 into a date
  done: ['done', '完成数'],
  of: ['of', '应完成数'],
} as const;
type CsvColumn = keyof typeof csvColumns;
const requiredCsvColumns: CsvColumn[] = ['plan', 'target', 'as_of'];

/** Columns `plan-check template` writes for people to read: ignored when a filled form comes back. */
const readOnlyColumns = {
  metric: ['metric', '指标名称'],
  required: ['required', '目标'],
  unit: ['unit', '计量单位'],
  previous: ['previous', '上次数值'],
} as const;
const readOnlyNames = new Set<string>(Object.values(readOnlyColumns).flat());

const foldName = (header: string): string => foldText(header).toLowerCase();

function columnFor(header: string): CsvColumn | undefined {
  const name = foldName(header);
  return (Object.keys(csvColumns) as CsvColumn[]).find((column) => (csvColumns[column] as readonly string[]).includes(name));
}

const cell = (fields: readonly string[], index: number | undefined): string => (index === undefined ? '' : (fields[index] ?? '').trim());

interface TableHeader {
  fields: string[];
  line: number;
  plan: number;
  target: number;
  asOf: number;
  /** the value column, or the done and of columns, or all three */
  value?: number;
  done?: number;
  of?: number;
  unit?: number;
  note?: number;
  /** columns without a name (Excel keeps a few after the data when cells there were ever formatted) */
  unnamed: Set<number>;
}

/**
 * Records in, one at a time (the first is the header), rows and diagnostics out at `end`. A
 * splitter that finds its source is not a table at all calls `refuseAll`: that one finding stands
 * alone, with no rows.
 */
export class ActualsTable {
  private readonly file: string;
  private readonly sheet: string | undefined;
  private header: TableHeader | undefined;
  /** the header was refused: the rest is read for syntax only */
  private refused = false;
  private failed = false;
  private readonly diagnostics: Diagnostic[] = [];
  private readonly rows: ActualRow[] = [];
  private readonly rejected: RejectedEntry[] = [];
  /** an error in the header: the file as a whole is left out of a partial report */
  private headerError = false;
  /** errors so far (a count, not a scan: a file may have 300,000 rows) */
  private errors = 0;
  /** dates repeat (one per reporting period): each distinct text is read once */
  private readonly days = new Map<string, number | undefined>();
  /** commas are decimal marks in this file (a `;`-separated CSV): 1,900 is then no thousands grouping */
  commaIsDecimal = false;
  /** name cells already warned about for an invisible character */
  private readonly invisibleWarned = new Set<string>();

  /** `sheet`: the spreadsheet sheet the records come from (positions are then its rows and columns) */
  constructor(file: string, sheet?: string) {
    this.file = file;
    this.sheet = sheet;
  }

  record(record: SourceRecord): void {
    if (this.refused) return;
    if (this.header) this.row(this.header, record);
    else this.readHeader(record);
  }

  /** The source is not a table (a CSV syntax error): this finding alone, and no rows. */
  refuseAll(line: number, column: number, detail: string): void {
    this.diagnostics.length = 0;
    this.at(line, column, 'csv-syntax', { detail });
    this.failed = true;
  }

  end(): ReadActuals {
    if (this.failed) return { actuals: { ...this.empty(), leftOut: true }, diagnostics: this.diagnostics };
    if (!this.header && !this.refused) this.at(1, 1, 'file-empty', {});
    const leftOut = this.headerError || !this.header ? { leftOut: true as const } : {};
    return {
      actuals: this.header ? { ...this.empty(), rows: this.rows, rejected: this.rejected, ...leftOut } : { ...this.empty(), ...leftOut },
      diagnostics: this.diagnostics,
    };
  }

  private at(line: number, column: number, code: Parameters<typeof makeDiagnostic>[0], args: Parameters<typeof makeDiagnostic>[3]): void {
    const diagnostic = makeDiagnostic(code, this.file, this.place(line, column), args);
    if (diagnostic.severity === 'error') this.errors += 1;
    this.diagnostics.push(diagnostic);
  }

  /**
   * A name cell (plan, ref, reporting unit) without its invisible characters; each distinct text
   * is warned about once per file, at its first cell.
   */
  private name({ fields, line, columns }: SourceRecord, index: number | undefined): string {
    const text = cell(fields, index);
    if (index === undefined || !hasInvisible(text)) return text;
    const key = `${index}\u0000${text}`;
    if (!this.invisibleWarned.has(key)) {
      this.invisibleWarned.add(key);
      this.diagnostics.push(invisibleWarning(this.file, this.place(line, columns[index] ?? 1), text, this.header?.fields[index] ?? ''));
    }
    return withoutInvisible(text).trim();
  }

  private place(line: number, column: number): { file: string; line: number; column: number; sheet?: string } {
    return this.sheet === undefined ? { file: this.file, line, column } : { file: this.file, line, column, sheet: this.sheet };
  }

  private empty(): ActualsFile {
    return { file: this.file, planPlace: this.place(1, 1), rows: [], completions: [], dutyRecords: [] };
  }

  private readHeader(record: SourceRecord): void {
    const errorsBefore = this.errors;
    this.readHeaderCells(record);
    if (this.errors > errorsBefore) this.headerError = true;
  }

  private readHeaderCells({ fields, line, columns }: SourceRecord): void {
    if (fields.length === 1 && /[;\t|]/.test(fields[0] ?? '')) {
      this.at(line, 1, 'csv-syntax', { detail: 'delimiter', delimiter: /;/.test(fields[0]!) ? ';' : /\t/.test(fields[0]!) ? 'tab' : '|' });
      this.refused = true;
      return;
    }
    const columnIndex = new Map<CsvColumn, number>();
    // columns without a name are ignored while they are empty; a value in one is reported at its header cell
    const unnamed = new Set<number>();
    fields.forEach((name, index) => {
      const column = columnFor(name);
      const place = columns[index] ?? 1;
      if (name.trim() === '') {
        unnamed.add(index);
      } else if (!column && readOnlyNames.has(foldName(name))) {
        // a column of the template for people to read: not data
      } else if (!column) {
        const known = Object.values(csvColumns).flat();
        this.at(line, place, 'csv-unknown-column', { column: name, suggestion: nearestName(name.trim(), known), allowed: known });
      } else if (columnIndex.has(column)) {
        this.at(line, place, 'csv-duplicate-column', { column: name });
      } else {
        columnIndex.set(column, index);
      }
    });
    const missing = requiredCsvColumns.filter((column) => !columnIndex.has(column));
    // a value column, or done and of (one of the two alone names the other as missing)
    if (!columnIndex.has('value')) {
      if (columnIndex.has('done') && !columnIndex.has('of')) missing.push('of');
      else if (columnIndex.has('of') && !columnIndex.has('done')) missing.push('done');
      else if (!columnIndex.has('done')) missing.push('value');
    } else if (columnIndex.has('done') !== columnIndex.has('of')) {
      missing.push(columnIndex.has('done') ? 'of' : 'done');
    }
    for (const column of missing) this.at(line, 1, 'csv-missing-column', { column, names: [...csvColumns[column]] });
    if (missing.length > 0) {
      this.refused = true;
      return;
    }
    this.header = {
      fields,
      line,
      plan: columnIndex.get('plan')!,
      target: columnIndex.get('target')!,
      asOf: columnIndex.get('as_of')!,
      value: columnIndex.get('value'),
      done: columnIndex.get('done'),
      of: columnIndex.get('of'),
      unit: columnIndex.get('reported_by'),
      note: columnIndex.get('note'),
      unnamed,
    };
  }

  /** The row's figure: the value cell, or done and of as a fraction; `index` is the cell to point at. */
  private value(
    header: TableHeader,
    { fields }: SourceRecord,
  ): { value: ActualValue | ValueProblem | 'fraction-and-value' | 'half-fraction'; text: string; index: number } {
    const valueText = cell(fields, header.value);
    const doneText = cell(fields, header.done);
    const ofText = cell(fields, header.of);
    if (header.done === undefined || header.of === undefined || (doneText === '' && ofText === '')) {
      return { value: parseValueCell(valueText, this.commaIsDecimal), text: valueText, index: header.value ?? header.done ?? 0 };
    }
    if (valueText !== '') return { value: 'fraction-and-value', text: valueText, index: header.value ?? 0 };
    if (doneText === '' || ofText === '') {
      const index = doneText === '' ? header.done : header.of;
      return { value: 'half-fraction', text: '', index };
    }
    const done = parseValueCell(doneText, this.commaIsDecimal);
    if (typeof done === 'string' || done.kind !== 'number')
      return { value: typeof done === 'string' ? done : 'not-a-value', text: doneText, index: header.done };
    const of = parseValueCell(ofText, this.commaIsDecimal);
    if (typeof of === 'string' || of.kind !== 'number')
      return { value: typeof of === 'string' ? of : 'not-a-value', text: ofText, index: header.of };
    return { value: { kind: 'fraction', done: done.value, of: of.value }, text: `${doneText}/${ofText}`, index: header.done };
  }

  /** A row read; one with an error is left out, kept as rejected with the plan and target it names. */
  private row(header: TableHeader, record: SourceRecord): void {
    const errorsBefore = this.errorCount();
    const row = this.readRow(header, record);
    if (this.errorCount() === errorsBefore) {
      if (row) this.rows.push(row);
      return;
    }
    const planId = cell(record.fields, header.plan);
    const ref = cell(record.fields, header.target);
    this.rejected.push({ kind: 'value', planId: planId || undefined, ref: ref || undefined, place: this.place(record.line, 1) });
  }

  private errorCount(): number {
    return this.errors;
  }

  private readRow(header: TableHeader, record: SourceRecord): ActualRow | undefined {
    const { fields, line, columns } = record;
    // a row of nothing but delimiters is what a spreadsheet saves for a blank row
    if (fields.every((field) => field.trim() === '')) return;
    const kinds = record.kinds;
    const noValue = kinds?.findIndex((kind) => kind === 'formula-without-value') ?? -1;
    if (noValue >= 0) {
      this.at(line, columns[noValue] ?? 1, 'xlsx-formula-no-value', {});
      return;
    }
    // a form line nobody filled in: no value, no done, no of
    if ([header.value, header.done, header.of].every((index) => cell(fields, index) === '') && fields.length === header.fields.length)
      return;
    if (fields.length !== header.fields.length) {
      // more fields than the header: point at the first surplus one (an unquoted comma in a note)
      const surplus = fields.length > header.fields.length ? columns[header.fields.length] : undefined;
      this.at(line, surplus ?? 1, 'csv-syntax', { detail: 'ragged', fields: fields.length, expected: header.fields.length });
      return;
    }
    for (const index of header.unnamed) {
      if ((fields[index] ?? '').trim() === '') continue;
      // the value would be lost: say so where it is, once per column
      this.at(line, columns[index] ?? 1, 'csv-unknown-column', { column: '', unnamed: 'yes', allowed: Object.values(csvColumns).flat() });
      header.unnamed.delete(index);
    }
    let asOfText = cell(fields, header.asOf).normalize('NFKC');
    if (kinds?.[header.asOf] === 'number' && serialDay(asOfText)) {
      // a date cell in a style exceljs does not know as a date (2024年6月30日) arrives as its day number
      const converted = formatDay(serialDayNumber(Number(asOfText)));
      this.at(line, columns[header.asOf] ?? 1, 'xlsx-date-serial', { value: asOfText, date: converted });
      asOfText = converted;
    }
    if (!this.days.has(asOfText)) this.days.set(asOfText, parseWrittenDate(asOfText));
    const asOf = this.days.get(asOfText);
    if (asOf === undefined) {
      this.at(line, columns[header.asOf] ?? 1, 'invalid-date', {
        field: header.fields[header.asOf] ?? 'as_of',
        value: shown(asOfText),
        hint: serialDay(asOfText) ? 'serial' : 'forms',
      });
    }
    const read = this.value(header, record);
    let value = read.value;
    if (typeof value === 'string') {
      const excelDate = kinds?.[read.index] === 'date' || looksLikeExcelDate(read.text);
      this.at(line, columns[read.index] ?? 1, 'invalid-value-cell', {
        value: shown(read.text),
        problem: excelDate && value === 'not-a-value' ? 'excel-date' : value,
      });
    } else if (isAbsurdValue(value)) {
      this.at(line, columns[read.index] ?? 1, 'absurd-number', absurdArgs(read.text));
      value = 'not-a-value';
    }
    const planId = this.name(record, header.plan);
    const targetRef = this.name(record, header.target);
    const reportedBy = this.name(record, header.unit);
    if (!planId) this.at(line, columns[header.plan] ?? 1, 'missing-key', { key: header.fields[header.plan] ?? 'plan' });
    if (!targetRef) this.at(line, columns[header.target] ?? 1, 'missing-key', { key: header.fields[header.target] ?? 'target' });
    if (asOf === undefined || typeof value === 'string' || !planId || !targetRef) return undefined;
    return {
      planId,
      targetRef,
      value,
      asOf,
      reportedBy,
      note: cell(fields, header.note) || undefined,
      place: this.place(line, 1),
      valuePlace: this.place(line, columns[read.index] ?? 1),
      refPlace: this.place(line, columns[header.target] ?? 1),
      typed: true,
      ...(header.unit !== undefined ? { unitPlace: this.place(line, columns[header.unit] ?? 1) } : {}),
    };
  }
}

/** A spreadsheet's actuals: its sheet's records through the same table, or why it could not be read. */
export function readActualsSheet(contents: SheetContents, file: string): ReadActuals {
  if (!contents.ok) {
    const table = new ActualsTable(file);
    return {
      actuals: table.end().actuals,
      diagnostics: [makeDiagnostic('xlsx-unreadable', file, { line: 1, column: 1 }, { problem: contents.problem })],
    };
  }
  const table = new ActualsTable(file, contents.sheet);
  for (const record of contents.records) table.record(record);
  return table.end();
}
