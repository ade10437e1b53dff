// Actuals files, YAML or CSV, read into rows that keep their source places. Refs are resolved later,
// when every plan is known (join.ts).
import { parse as parseCsv } from 'csv-parse/sync';
import { dsvFormat } from 'd3-dsv';
import { parseIsoDate } from './dates.js';
import { type Diagnostic, type JsonPath, makeDiagnostic } from './diagnostics.js';
import { nearestName } from './edit-distance.js';
import type { ActualRow, ActualsFile, CompletionRecord, SourcePlace, SubmissionRecord } from './model.js';
import { ABSURD_COUNT, isAbsurdValue, parseValueData, parseValueText } from './actual-value.js';
import type { Locator } from './yaml-source.js';

type Data = Record<string, unknown>;
const asObject = (value: unknown): Data | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : undefined;
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
/** A task id as refs are compared: full-width forms folded (NFKC), as the plan's ids are. */
const asTaskId = (value: unknown): string | undefined => (typeof value === 'string' ? value.normalize('NFKC').trim() : undefined);
/** A cell quoted in a message: never a megabyte of it. */
const shown = (text: string): string => ([...text.slice(0, 200)].length > 60 ? `${[...text].slice(0, 60).join('')}…` : text);
/** 45076: a spreadsheet's day count where a date was meant (Excel shows it as 2023-05-30). */
export const serialDay = (text: string): boolean => /^\d{5}(?:\.\d+)?$/.test(text);
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
    if (typeof value !== 'string') return undefined;
    const day = parseIsoDate(value);
    if (day === undefined && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      diagnostics.push(makeDiagnostic('invalid-date', file, locator.locate(path), { field: String(path[path.length - 1]), value }, path));
    }
    return day;
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
  const submissions: SubmissionRecord[] = [];
  asArray(root.reports).forEach((item, index) => {
    const record = asObject(item);
    const path = ['reports', index];
    const due = date(record?.due, [...path, 'due']);
    const submitted = date(record?.submitted, [...path, 'submitted']);
    if (!record || !planId || due === undefined || submitted === undefined || typeof record.duty !== 'string') return;
    submissions.push({ planId, duty: record.duty, due, submitted, place: place(path) });
  });
  return {
    actuals: { file, planId, planPlace: place(['plan']), rows, completions, submissions },
    diagnostics,
  };
}

/** English and Chinese header names, as the contract gives them. */
export const csvColumns = {
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
  const name = header.normalize('NFKC').trim().toLowerCase();
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
export function fieldColumns(raw: string, delimiter: string): number[] {
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

export interface CsvOptions {
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

/**
 * Text without a double quote or a carriage return is one record per line, fields split at the
 * delimiter: d3-dsv reads it about five times faster than csv-parse, and lines and columns follow
 * from the fields. Anything else (quoted fields, odd line ends) is left to csv-parse.
 * tests/csv-read.test.ts checks that both give the same records wherever this one answers.
 */
export function readPlainCsv(text: string, delimiter: string): CsvLine[] | undefined {
  if (delimiter.length !== 1 || delimiter === '"' || text.includes('"') || text.includes('\r')) return undefined;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvLine[] = [];
  dsvFormat(delimiter)
    .parseRows(body)
    .forEach((fields, index) => {
      // a blank line is skipped, as csv-parse's skip_empty_lines does
      if (fields.length === 1 && fields[0] === '') return;
      records.push({ fields, line: index + 1, columns: joinedFieldColumns(fields) });
    });
  return records;
}

type CsvRead = { ok: true; records: CsvLine[] } | { ok: false; line: number; column: number; detail: string };

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
    const csvError = error as { code?: string; lines?: number; message?: string; bytes_records?: number };
    // csv-parse names the line where it stopped; an unclosed quote opened on the record's first line
    const recordStart = csvError.code === 'CSV_QUOTE_NOT_CLOSED' && csvError.bytes_records !== undefined
      ? new TextDecoder().decode(new TextEncoder().encode(text).subarray(0, csvError.bytes_records)).split('\n').length
      : undefined;
    const line = recordStart ?? csvError.lines ?? 1;
    const lineText = text.split('\n')[line - 1] ?? '';
    const quoteAt = csvError.code === 'CSV_QUOTE_NOT_CLOSED' ? fieldColumns(lineText, delimiter).find((c) => [...lineText][c - 1] === '"') : undefined;
    return { ok: false, line, column: quoteAt ?? 1, detail: csvErrorDetail[csvError.code ?? ''] ?? String(csvError.message ?? csvError.code) };
  }
  const records = parsed.map(({ record, info, raw }) => {
    // raw carries the blank lines skipped before the record; its own text starts after them
    const content = raw.replace(/^(?:\r?\n)+/, '');
    const line = info.lines - (content.match(/\n/g)?.length ?? 0) + (content.endsWith('\n') ? 1 : 0);
    return { fields: record, line, columns: fieldColumns(content, delimiter) };
  });
  return { ok: true, records };
}

export function readActualsCsv(text: string, file: string, options: CsvOptions = {}): ReadActuals {
  const diagnostics: Diagnostic[] = [];
  const at = (line: number, column: number, code: Parameters<typeof makeDiagnostic>[0], args: Parameters<typeof makeDiagnostic>[3]) =>
    diagnostics.push(makeDiagnostic(code, file, { line, column }, args));
  const empty: ActualsFile = { file, planPlace: { file, line: 1, column: 1 }, rows: [], completions: [], submissions: [] };
  // Excel's "sep=;" first line names the delimiter (unless --delimiter does); the line is not data,
  // and it is blanked rather than cut so that every line keeps its number
  const sepLine = /^sep=([^\r\n])\r?\n/i.exec(text);
  if (sepLine) text = `\n${text.slice(sepLine[0].length)}`;
  const named = options.delimiter ?? (sepLine ? sepLine[1] : undefined);
  const delimiter = named === '\\t' || named === 'tab' ? '\t' : named ?? ',';
  const plain = readPlainCsv(text, delimiter);
  const read: CsvRead = plain ? { ok: true, records: plain } : readQuotedCsv(text, delimiter);
  if (!read.ok) {
    at(read.line, read.column, 'csv-syntax', { detail: read.detail });
    return { actuals: empty, diagnostics };
  }
  const records = read.records;
  const header = records[0];
  if (!header) {
    at(1, 1, 'file-empty', {});
    return { actuals: empty, diagnostics };
  }
  const headerFields = header.fields;
  if (headerFields.length === 1 && /[;\t|]/.test(headerFields[0] ?? '')) {
    at(header.line, 1, 'csv-syntax', { detail: 'delimiter', delimiter: /;/.test(headerFields[0]!) ? ';' : /\t/.test(headerFields[0]!) ? 'tab' : '|' });
    return { actuals: empty, diagnostics };
  }
  const columnIndex = new Map<CsvColumn, number>();
  // columns without a name (Excel keeps a few after the data when cells there were ever formatted)
  // are ignored while they are empty; a value in one is reported at its header cell
  const unnamed = new Set<number>();
  headerFields.forEach((name, index) => {
    const column = columnFor(name);
    const place = header.columns[index] ?? 1;
    if (name.trim() === '') {
      unnamed.add(index);
    } else if (!column) {
      const known = Object.values(csvColumns).flat();
      at(header.line, place, 'csv-unknown-column', { column: name, suggestion: nearestName(name.trim(), known), allowed: known });
    } else if (columnIndex.has(column)) {
      at(header.line, place, 'csv-duplicate-column', { column: name });
    } else {
      columnIndex.set(column, index);
    }
  });
  const missing = requiredCsvColumns.filter((column) => !columnIndex.has(column));
  for (const column of missing) at(header.line, 1, 'csv-missing-column', { column, names: [...csvColumns[column]] });
  if (missing.length > 0) return { actuals: empty, diagnostics };

  const planColumn = columnIndex.get('plan')!;
  const targetColumn = columnIndex.get('target')!;
  const asOfColumn = columnIndex.get('as_of')!;
  const valueColumn = columnIndex.get('value')!;
  const unitColumn = columnIndex.get('reported_by');
  const noteColumn = columnIndex.get('note');
  const cellOf = (fields: readonly string[], index: number | undefined): string => (index === undefined ? '' : (fields[index] ?? '').trim());
  // dates repeat (one per reporting period): each distinct text is read once
  const days = new Map<string, number | undefined>();
  const dayOf = (text: string): number | undefined => {
    if (!days.has(text)) days.set(text, parseIsoDate(text));
    return days.get(text);
  };
  const rows: ActualRow[] = [];
  for (let recordIndex = 1; recordIndex < records.length; recordIndex += 1) {
    const { fields, line, columns } = records[recordIndex]!;
    // a row of nothing but delimiters is what a spreadsheet saves for a blank row
    if (fields.every((field) => field.trim() === '')) continue;
    if (fields.length !== headerFields.length) {
      // more fields than the header: point at the first surplus one (an unquoted comma in a note)
      const surplus = fields.length > headerFields.length ? columns[headerFields.length] : undefined;
      at(line, surplus ?? 1, 'csv-syntax', { detail: 'ragged', fields: fields.length, expected: headerFields.length });
      continue;
    }
    for (const index of unnamed) {
      if ((fields[index] ?? '').trim() === '') continue;
      // the value would be lost: say so where it is, once per column
      at(line, columns[index] ?? 1, 'csv-unknown-column', { column: '', unnamed: 'yes', allowed: Object.values(csvColumns).flat() });
      unnamed.delete(index);
    }
    const asOfText = cellOf(fields, asOfColumn).normalize('NFKC');
    const asOf = dayOf(asOfText);
    if (asOf === undefined) {
      at(line, columns[asOfColumn] ?? 1, 'invalid-date', { field: headerFields[asOfColumn] ?? 'as_of', value: shown(asOfText), hint: serialDay(asOfText) ? 'serial' : undefined });
    }
    const valueText = cellOf(fields, valueColumn);
    let value = parseValueText(valueText);
    if (typeof value === 'string') {
      at(line, columns[valueColumn] ?? 1, 'invalid-value-cell', { value: shown(valueText), problem: value });
    } else if (isAbsurdValue(value)) {
      at(line, columns[valueColumn] ?? 1, 'absurd-number', absurdArgs(valueText));
      value = 'not-a-value';
    }
    const planId = cellOf(fields, planColumn);
    const targetRef = cellOf(fields, targetColumn);
    if (!planId) at(line, columns[planColumn] ?? 1, 'missing-key', { key: headerFields[planColumn] ?? 'plan' });
    if (!targetRef) at(line, columns[targetColumn] ?? 1, 'missing-key', { key: headerFields[targetColumn] ?? 'target' });
    if (asOf === undefined || typeof value === 'string' || !planId || !targetRef) continue;
    rows.push({
      planId,
      targetRef,
      value,
      asOf,
      reportedBy: cellOf(fields, unitColumn),
      note: cellOf(fields, noteColumn) || undefined,
      place: { file, line, column: 1 },
      valuePlace: { file, line, column: columns[valueColumn] ?? 1 },
      refPlace: { file, line, column: columns[targetColumn] ?? 1 },
    });
  }
  return { actuals: { ...empty, rows }, diagnostics };
}
