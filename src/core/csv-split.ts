// CSV text split into records that keep their positions: the splitting half of CSV actuals. What the
// records mean (columns, values, dates, refs) is actuals-table.ts's, the same for every splitter.
import { parse as parseCsv } from 'csv-parse/sync';
import { dsvFormat } from 'd3-dsv';
import type { SourceRecord } from './actuals-table.js';

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
function plainRows(text: string, delimiter: string, firstLine: number): SourceRecord[] {
  const records: SourceRecord[] = [];
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
export function readPlainCsv(text: string, delimiter: string): SourceRecord[] | undefined {
  if (!plainDelimiter(delimiter) || !plainText(text)) return undefined;
  return plainRows(text.startsWith('\uFEFF') ? text.slice(1) : text, delimiter, 1);
}

type CsvRead = { ok: true; records: SourceRecord[] } | { ok: false; line: number; column: number; detail: string };

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
    return {
      ok: false,
      line: csvError.lines ?? 1,
      column: 1,
      detail: csvErrorDetail[csvError.code ?? ''] ?? String(csvError.message ?? csvError.code),
    };
  }
  const records = parsed.map(({ record, info, raw }) => {
    // raw carries the blank lines skipped before the record; its own text starts after them
    const content = raw.replace(/^(?:\r?\n)+/, '');
    const line = info.lines - (content.match(/\n/g)?.length ?? 0) + (content.endsWith('\n') ? 1 : 0);
    return { fields: record, line, columns: fieldColumns(content, delimiter) };
  });
  return { ok: true, records };
}

/** The end of a split: every record handed on, or the place where the text stops being CSV. */
type SplitEnd = { ok: true } | { ok: false; line: number; column: number; detail: string };

/**
 * CSV text split as it arrives, so a big file is never whole in memory, nor its records: each
 * complete line is handed to `onRecord` at once. Quote-free text goes to d3-dsv a piece of
 * complete lines at a time; from the first double quote on (a quoted field may span lines and
 * pieces), the rest of the text is kept and read by csv-parse at the end. The records are the
 * same however the text is cut (tests/csv-stream.test.ts).
 */
export class CsvSplitter {
  private readonly named: string | undefined;
  private readonly onRecord: (record: SourceRecord) => void;
  private delimiter = ',';
  /** text not read yet: before the first line is complete, an unfinished line, or all text from the first quote */
  private pending = '';
  private started = false;
  private quoted = false;
  private atStart = true;
  /** lines before `pending` */
  private linesRead = 0;

  constructor(delimiter: string | undefined, onRecord: (record: SourceRecord) => void) {
    this.named = delimiter;
    this.onRecord = onRecord;
  }

  /** the delimiter in use (named, from a `sep=` line, or the comma) */
  get separator(): string {
    return this.delimiter;
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

  end(): SplitEnd {
    if (!this.started) this.begin();
    let result: SplitEnd = { ok: true };
    if (this.quoted) {
      // the lines read already stand in as blank lines (csv-parse skips them), so that csv-parse's
      // line numbers, in its records and in its messages, are the file's
      const read = readQuotedCsv(`${'\n'.repeat(this.linesRead)}${this.pending}`, this.delimiter);
      if (read.ok) for (const record of read.records) this.onRecord(record);
      else result = read;
    } else if (this.pending !== '') {
      this.readPlain(this.pending);
    }
    this.pending = '';
    return result;
  }

  private begin(): void {
    this.started = true;
    const sepLine = /^sep=([^\r\n])\r?\n/i.exec(this.pending);
    if (sepLine) this.pending = `\n${this.pending.slice(sepLine[0].length)}`;
    const named = this.named ?? (sepLine ? sepLine[1] : undefined);
    this.delimiter = named === '\\t' || named === 'tab' ? '\t' : (named ?? ',');
    this.quoted = !plainDelimiter(this.delimiter) || !plainText(this.pending);
  }

  /** complete lines of quote-free text (no final line end) */
  private readPlain(text: string): void {
    const body = this.atStart && text.startsWith('\uFEFF') ? text.slice(1) : text;
    this.atStart = false;
    for (const record of plainRows(body, this.delimiter, this.linesRead + 1)) this.onRecord(record);
    this.linesRead += newlinesBefore(text, text.length) + 1;
  }
}
