// The meaning of tabular actuals, whatever split them (CSV text today, a spreadsheet's sheet next):
// a header and records in, rows and diagnostics out. Columns, value forms, dates and refs are
// read here once, so every tabular kind follows the same rules.
import { parseIsoDate } from './dates.js';
import { type Diagnostic, makeDiagnostic } from './diagnostics.js';
import { nearestName } from './edit-distance.js';
import type { ActualRow, ActualsFile } from './model.js';
import { ABSURD_COUNT, isAbsurdValue, parseValueText } from './actual-value.js';

/** One record of a tabular source: its fields, the line (row) it starts on, and where each field starts. */
export interface SourceRecord {
  fields: string[];
  line: number;
  columns: number[];
}

export interface ReadActuals {
  actuals: ActualsFile;
  diagnostics: Diagnostic[];
}

/** A cell quoted in a message: never a megabyte of it. */
export const shown = (text: string): string => ([...text.slice(0, 200)].length > 60 ? `${[...text].slice(0, 60).join('')}…` : text);
/** 45076: a spreadsheet's day count where a date was meant (Excel shows it as 2023-05-30). */
export const serialDay = (text: string): boolean => /^\d{5}(?:\.\d+)?$/.test(text);
export const absurdArgs = (value: string) => ({ field: 'value', value: shown(value), limit: `<= ${ABSURD_COUNT}` });

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

const cell = (fields: readonly string[], index: number | undefined): string => (index === undefined ? '' : (fields[index] ?? '').trim());

interface TableHeader {
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
 * Records in, one at a time (the first is the header), rows and diagnostics out at `end`. A
 * splitter that finds its source is not a table at all calls `refuseAll`: that one finding stands
 * alone, with no rows.
 */
export class ActualsTable {
  private readonly file: string;
  private header: TableHeader | undefined;
  /** the header was refused: the rest is read for syntax only */
  private refused = false;
  private failed = false;
  private readonly diagnostics: Diagnostic[] = [];
  private readonly rows: ActualRow[] = [];
  /** dates repeat (one per reporting period): each distinct text is read once */
  private readonly days = new Map<string, number | undefined>();

  constructor(file: string) {
    this.file = file;
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
    if (this.failed) return { actuals: this.empty(), diagnostics: this.diagnostics };
    if (!this.header && !this.refused) this.at(1, 1, 'file-empty', {});
    return { actuals: this.header ? { ...this.empty(), rows: this.rows } : this.empty(), diagnostics: this.diagnostics };
  }

  private at(line: number, column: number, code: Parameters<typeof makeDiagnostic>[0], args: Parameters<typeof makeDiagnostic>[3]): void {
    this.diagnostics.push(makeDiagnostic(code, this.file, { line, column }, args));
  }

  private empty(): ActualsFile {
    return { file: this.file, planPlace: { file: this.file, line: 1, column: 1 }, rows: [], completions: [], dutyRecords: [] };
  }

  private readHeader({ fields, line, columns }: SourceRecord): void {
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

  private row(header: TableHeader, { fields, line, columns }: SourceRecord): void {
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
