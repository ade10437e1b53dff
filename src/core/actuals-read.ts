// Actuals files, YAML or CSV, read into rows that keep their source places. Refs are resolved later,
// when every plan is known (join.ts).
import { parse as parseCsv } from 'csv-parse/sync';
import { dsvFormat } from 'd3-dsv';
import { parseIsoDate, readDate } from './dates.js';
import { type Diagnostic, type JsonPath, makeDiagnostic } from './diagnostics.js';
import { nearestName } from './edit-distance.js';
import type { ActualRow, ActualsFile, CompletionRecord, DutyRecord, SourcePlace } from './model.js';
import { ABSURD_COUNT, isAbsurdValue, parseValueData, parseValueText } from './actual-value.js';
import type { Locator } from './yaml-source.js';
import { foldText } from './text-fold.js';

type Data = Record<string, unknown>;
const asObject = (value: unknown): Data | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : undefined;
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
/** A task id as refs are compared: full-width forms folded (NFKC), as the plan's ids are. */
const asTaskId = (value: unknown): string | undefined => (typeof value === 'string' ? foldText(value) : undefined);
/** A cell quoted in a message: never a megabyte of it. */
const shown = (text: string): string => ([...text.slice(0, 200)].length > 60 ? `${[...text].slice(0, 60).join('')}…` : text);
/** 45076: a spreadsheet's day count where a date was meant (Excel shows it as 2023-05-30). */
const serialDay = (text: string): boolean => /^\d{5}(?:\.\d+)?$/.test(text);
const absurdArgs = (value: string) => ({ field: 'value', value: shown(value), limit: `<= ${ABSURD_COUNT}` });

export interface ReadActuals {
  actuals: ActualsFile;
  diagnostics: Diagnostic[];
}

export function readActualsYaml(data: unknown, file: string, locator: Locator): ReadActuals {
  const diagnostics: Diagnostic[] = [];
  const place = (path: JsonPath): SourcePlace => locator.place(file, path);
  const root = asObject(data) ?? {};
  const planId = asString(root.plan);
  const date = (value: unknown, path: JsonPath): number | undefined => {
    const day = readDate(value);
    if (day !== 'not-a-day') return day;
    diagnostics.push(makeDiagnostic('invalid-date', file, locator.locate(path), { field: String(path[path.length - 1]), value: value as string }, path));
    return undefined;
  };
  const defaultAsOf = date(root.as_of, ['as_of']);
  const defaultUnit = asString(root.reported_by) ?? '';
  const rows: ActualRow[] = [];
  asArray(root.values).forEach((item, index) => {
    const row = asObject(item);
    const path = ['values', index];
    if (!row || !planId) return;
    const asOf = date(row.as_of, [...path, 'as_of']) ?? defaultAsOf;
    if (row.as_of === undefined && root.as_of === undefined) {
      diagnostics.push(makeDiagnostic('missing-key', file, locator.locate(path), { key: 'as_of' }, path));
    }
    const value = parseValueData(row.value);
    if (typeof value === 'string') {
      // text that is no figure; other types (true, .nan, a list) are the schema's to report
      if (typeof row.value === 'string') {
        diagnostics.push(makeDiagnostic('invalid-value-cell', file, locator.locate([...path, 'value']), { value: shown(row.value), problem: value }, [...path, 'value']));
      }
      return;
    }
    if (isAbsurdValue(value)) {
      const written = locator.sourceText([...path, 'value']) ?? (typeof row.value === 'object' ? JSON.stringify(row.value) : String(row.value));
      diagnostics.push(makeDiagnostic('absurd-number', file, locator.locate([...path, 'value']), absurdArgs(written), [...path, 'value']));
      return;
    }
    if (typeof row.target !== 'string' || asOf === undefined) return;
    rows.push({
      planId,
      targetRef: row.target,
      value,
      asOf,
      reportedBy: asString(row.reported_by) ?? defaultUnit,
      note: asString(row.note),
      place: place(path),
      valuePlace: place([...path, 'value']),
      refPlace: place([...path, 'target']),
    });
  });
  const completions: CompletionRecord[] = [];
  asArray(root.done).forEach((item, index) => {
    const record = asObject(item);
    const path = ['done', index];
    const day = date(record?.date, [...path, 'date']);
    // a task or phase that is not text (task: 01) was reported by the schema: nothing to look up
    if (!record || !planId || day === undefined || (typeof record.task !== 'string' && typeof record.phase !== 'string')) return;
    completions.push({ planId, task: asTaskId(record.task), phase: asString(record.phase), date: day, place: place(path) });
  });
  const dutyRecords: DutyRecord[] = [];
  asArray(root.duties).forEach((item, index) => {
    const record = asObject(item);
    const path = ['duties', index];
    const due = date(record?.due, [...path, 'due']);
    const done = date(record?.date, [...path, 'date']);
    if (!record || !planId || due === undefined || done === undefined || typeof record.duty !== 'string') return;
    const ownUnit = asString(record.reported_by);
    const unitPlace = ownUnit !== undefined ? place([...path, 'reported_by']) : root.reported_by !== undefined ? place(['reported_by']) : place(path);
    dutyRecords.push({ planId, duty: record.duty, due, date: done, reportedBy: ownUnit ?? defaultUnit, place: place(path), duePlace: place([...path, 'due']), datePlace: place([...path, 'date']), unitPlace });
  });
  return {
    actuals: { file, planId, planPlace: place(['plan']), rows, completions, dutyRecords },
    diagnostics,
  };
}

/** English and Chinese header names, as the contract gives them. */
const csvColumns = {
  plan: ['plan', '计划'],
  target: ['target', '指标'],
  as_of: ['as_of', '截至日期'],
  value: ['value', '数值'],
  reported_by: ['reported_by', '填报单位'],
  note: ['note', '备注'],
} as const;
type CsvColumn = keyof typeof csvColumns;
const requiredCsvColumns: CsvColumn[] = ['plan', 'target', 'as_of', 'value'];

function columnFor(header: string): CsvColumn | undefined {
  const name = foldText(header).toLowerCase();
  return (Object.keys(csvColumns) as CsvColumn[]).find((column) => (csvColumns[column] as readonly string[]).includes(name));
}

interface CsvRecord {
  record: string[];
  raw: string;
  info: { lines: number };
}

/**
 * The character column where each field of a record starts, for diagnostics only (csv-parse gives
 * the values but not their positions): delimiters outside double quotes separate fields.
 */
function fieldColumns(raw: string, delimiter: string): number[] {
  const columns = [1];
  let inQuotes = false;
  let column = 1;
  const chars = [...raw];
  for (let i = 0; i < chars.length; i += 1) {
    const char = chars[i]!;
    if (char === '"') inQuotes = !inQuotes;
    else if (!inQuotes && char === delimiter) columns.push(column + 1);
    else if (!inQuotes && (char === '\n' || char === '\r')) break;
    column += 1;
  }
  return columns;
}

const csvErrorDetail: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'unclosed-quote',
  CSV_INVALID_CLOSING_QUOTE: 'bad-quote',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'bad-quote',
};

interface CsvOptions {
  delimiter?: string;
}

/** One CSV record: its fields, the line it starts on, and where each field starts (diagnostics, places). */
interface CsvLine {
  fields: string[];
  line: number;
  columns: number[];
}

/** Where each field starts, in characters, when the line is its fields joined by the delimiter. */
function joinedFieldColumns(fields: readonly string[]): number[] {
  const columns: number[] = [];
  let column = 1;
  for (const field of fields) {
    columns.push(column);
    column += (/[\uD800-\uDBFF]/.test(field) ? [...field].length : field.length) + 1;
  }
  return columns;
}

/** d3-dsv's records of quote-free text, numbered from `firstLine`; blank lines are skipped. */
function plainRows(text: string, delimiter: string, firstLine: number): CsvLine[] {
  const records: CsvLine[] = [];
  dsvFormat(delimiter)
    .parseRows(text)
    .forEach((fields, index) => {
      // a blank line is skipped, as csv-parse's skip_empty_lines does
      if (fields.length === 1 && fields[0] === '') return;
      records.push({ fields, line: firstLine + index, columns: joinedFieldColumns(fields) });
    });
  return records;
}

/** d3-dsv reads text only when it is quote-free and the delimiter is one character other than `"`. */
const plainDelimiter = (delimiter: string): boolean => delimiter.length === 1 && delimiter !== '"';
const plainText = (text: string): boolean => !text.includes('"') && !text.includes('\r');

/**
 * Text without a double quote or a carriage return is one record per line, fields split at the
 * delimiter: d3-dsv reads it about five times faster than csv-parse, and lines and columns follow
 * from the fields. Anything else (quoted fields, odd line ends) is left to csv-parse.
 * tests/csv-read.test.ts checks that both give the same records wherever this one answers.
 */
export function readPlainCsv(text: string, delimiter: string): CsvLine[] | undefined {
  if (!plainDelimiter(delimiter) || !plainText(text)) return undefined;
  return plainRows(text.startsWith('\uFEFF') ? text.slice(1) : text, delimiter, 1);
}

type CsvRead = { ok: true; records: CsvLine[] } | { ok: false; line: number; column: number; detail: string };

/** How many line feeds `text` holds before index `end`. */
function newlinesBefore(text: string, end: number): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0 && at < end; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}

/**
 * Where the quote that is never closed opens. csv-parse names only the line where it stopped (the
 * end of the file), and its byte count of the records before is not reliable. A quote outside a
 * quoted field is csv-parse's other error, so here every quote outside one opens one; inside, a
 * doubled quote is an escaped quote and a single one closes the field.
 */
function unclosedQuoteAt(text: string): { line: number; column: number } {
  let open = false;
  let opened = 0;
  for (let at = text.indexOf('"'); at >= 0; at = text.indexOf('"', at + 1)) {
    if (!open) {
      open = true;
      opened = at;
    } else if (text.charCodeAt(at + 1) === 0x22) {
      at += 1; // "" inside a quoted field
    } else {
      open = false;
    }
  }
  const line = newlinesBefore(text, opened) + 1;
  const lineStart = text.lastIndexOf('\n', opened - 1) + 1;
  const before = text.slice(lineStart === 0 && text.startsWith('\uFEFF') ? 1 : lineStart, opened);
  return { line, column: [...before].length + 1 };
}

/** csv-parse, with each record's raw text to find its line and columns (quotes may span lines). */
export function readQuotedCsv(text: string, delimiter: string): CsvRead {
  let parsed: CsvRecord[];
  try {
    parsed = parseCsv(text, {
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true,
      skip_empty_lines: true,
      delimiter,
    }) as unknown as CsvRecord[];
  } catch (error) {
    const csvError = error as { code?: string; lines?: number; message?: string };
    if (csvError.code === 'CSV_QUOTE_NOT_CLOSED') return { ok: false, ...unclosedQuoteAt(text), detail: 'unclosed-quote' };
    return { ok: false, line: csvError.lines ?? 1, column: 1, detail: csvErrorDetail[csvError.code ?? ''] ?? String(csvError.message ?? csvError.code) };
  }
  const records = parsed.map(({ record, info, raw }) => {
    // raw carries the blank lines skipped before the record; its own text starts after them
    const content = raw.replace(/^(?:\r?\n)+/, '');
    const line = info.lines - (content.match(/\n/g)?.length ?? 0) + (content.endsWith('\n') ? 1 : 0);
    return { fields: record, line, columns: fieldColumns(content, delimiter) };
  });
  return { ok: true, records };
}

const cell = (fields: readonly string[], index: number | undefined): string => (index === undefined ? '' : (fields[index] ?? '').trim());

/** A whole CSV actuals file at once: the reader below, given all the text. */
export function readActualsCsv(text: string, file: string, options: CsvOptions = {}): ReadActuals {
  const reader = new CsvActualsReader(file, options);
  reader.push(text);
  return reader.end();
}

interface CsvHeader {
  fields: string[];
  line: number;
  plan: number;
  target: number;
  asOf: number;
  value: number;
  unit?: number;
  note?: number;
  /** columns without a name (Excel keeps a few after the data when cells there were ever formatted) */
  unnamed: Set<number>;
}

/**
 * A CSV actuals file read as its text arrives, so a big file is never whole in memory, nor its
 * records: each complete line is turned into a row at once. Quote-free text goes to d3-dsv a
 * piece of complete lines at a time; from the first double quote on (a quoted field may span
 * lines and pieces), the rest of the text is kept and read by csv-parse at the end. The result
 * is the same however the text is cut (tests/csv-stream.test.ts).
 */
export class CsvActualsReader {
  private readonly file: string;
  private readonly named: string | undefined;
  private delimiter = ',';
  /** text not read yet: before the first line is complete, an unfinished line, or all text from the first quote */
  private pending = '';
  private started = false;
  private quoted = false;
  private atStart = true;
  /** lines before `pending` */
  private linesRead = 0;
  private header: CsvHeader | undefined;
  /** the header was refused: the rest is read for syntax only */
  private refused = false;
  private readonly diagnostics: Diagnostic[] = [];
  private readonly rows: ActualRow[] = [];
  /** dates repeat (one per reporting period): each distinct text is read once */
  private readonly days = new Map<string, number | undefined>();

  constructor(file: string, options: CsvOptions = {}) {
    this.file = file;
    this.named = options.delimiter;
  }

  push(text: string): void {
    this.pending += text;
    if (!this.started) {
      // Excel's "sep=;" first line names the delimiter (unless --delimiter does); the line is not
      // data, and it is blanked rather than cut so that every line keeps its number
      if (!this.pending.includes('\n')) return;
      this.begin();
    }
    if (this.quoted) return;
    if (!plainText(this.pending)) {
      this.quoted = true;
      return;
    }
    const cut = this.pending.lastIndexOf('\n');
    if (cut < 0) return;
    this.readPlain(this.pending.slice(0, cut));
    this.pending = this.pending.slice(cut + 1);
  }

  end(): ReadActuals {
    if (!this.started) this.begin();
    if (this.quoted) {
      // the lines read already stand in as blank lines (csv-parse skips them), so that csv-parse's
      // line numbers, in its records and in its messages, are the file's
      const read = readQuotedCsv(`${'\n'.repeat(this.linesRead)}${this.pending}`, this.delimiter);
      if (!read.ok) {
        // a file that is not CSV gives that one finding, and no rows
        this.diagnostics.length = 0;
        this.at(read.line, read.column, 'csv-syntax', { detail: read.detail });
        return { actuals: this.empty(), diagnostics: this.diagnostics };
      }
      for (const record of read.records) this.record(record);
    } else if (this.pending !== '') {
      this.readPlain(this.pending);
    }
    this.pending = '';
    if (!this.header && !this.refused) this.at(1, 1, 'file-empty', {});
    return { actuals: this.header ? { ...this.empty(), rows: this.rows } : this.empty(), diagnostics: this.diagnostics };
  }

  private begin(): void {
    this.started = true;
    const sepLine = /^sep=([^\r\n])\r?\n/i.exec(this.pending);
    if (sepLine) this.pending = `\n${this.pending.slice(sepLine[0].length)}`;
    const named = this.named ?? (sepLine ? sepLine[1] : undefined);
    this.delimiter = named === '\\t' || named === 'tab' ? '\t' : named ?? ',';
    this.quoted = !plainDelimiter(this.delimiter) || !plainText(this.pending);
  }

  /** complete lines of quote-free text (no final line end) */
  private readPlain(text: string): void {
    const body = this.atStart && text.startsWith('\uFEFF') ? text.slice(1) : text;
    this.atStart = false;
    for (const record of plainRows(body, this.delimiter, this.linesRead + 1)) this.record(record);
    this.linesRead += newlinesBefore(text, text.length) + 1;
  }

  private at(line: number, column: number, code: Parameters<typeof makeDiagnostic>[0], args: Parameters<typeof makeDiagnostic>[3]): void {
    this.diagnostics.push(makeDiagnostic(code, this.file, { line, column }, args));
  }

  private empty(): ActualsFile {
    return { file: this.file, planPlace: { file: this.file, line: 1, column: 1 }, rows: [], completions: [], dutyRecords: [] };
  }

  private record(record: CsvLine): void {
    if (this.refused) return;
    if (this.header) this.row(this.header, record);
    else this.readHeader(record);
  }

  private readHeader({ fields, line, columns }: CsvLine): void {
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
      value: columnIndex.get('value')!,
      unit: columnIndex.get('reported_by'),
      note: columnIndex.get('note'),
      unnamed,
    };
  }

  private row(header: CsvHeader, { fields, line, columns }: CsvLine): void {
    const file = this.file;
    // a row of nothing but delimiters is what a spreadsheet saves for a blank row
    if (fields.every((field) => field.trim() === '')) return;
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
    const asOfText = cell(fields, header.asOf).normalize('NFKC');
    if (!this.days.has(asOfText)) this.days.set(asOfText, parseIsoDate(asOfText));
    const asOf = this.days.get(asOfText);
    if (asOf === undefined) {
      this.at(line, columns[header.asOf] ?? 1, 'invalid-date', { field: header.fields[header.asOf] ?? 'as_of', value: shown(asOfText), hint: serialDay(asOfText) ? 'serial' : undefined });
    }
    const valueText = cell(fields, header.value);
    let value = parseValueText(valueText);
    if (typeof value === 'string') {
      this.at(line, columns[header.value] ?? 1, 'invalid-value-cell', { value: shown(valueText), problem: value });
    } else if (isAbsurdValue(value)) {
      this.at(line, columns[header.value] ?? 1, 'absurd-number', absurdArgs(valueText));
      value = 'not-a-value';
    }
    const planId = cell(fields, header.plan);
    const targetRef = cell(fields, header.target);
    if (!planId) this.at(line, columns[header.plan] ?? 1, 'missing-key', { key: header.fields[header.plan] ?? 'plan' });
    if (!targetRef) this.at(line, columns[header.target] ?? 1, 'missing-key', { key: header.fields[header.target] ?? 'target' });
    if (asOf === undefined || typeof value === 'string' || !planId || !targetRef) return;
    this.rows.push({
      planId,
      targetRef,
      value,
      asOf,
      reportedBy: cell(fields, header.unit),
      note: cell(fields, header.note) || undefined,
      place: { file, line, column: 1 },
      valuePlace: { file, line, column: columns[header.value] ?? 1 },
      refPlace: { file, line, column: columns[header.target] ?? 1 },
    });
  }
}
