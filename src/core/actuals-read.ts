// CSV actuals: the CSV splitter (csv-split.ts) feeding the tabular meaning (actuals-table.ts).
// YAML actuals are actuals-yaml.ts; the project loader picks the reader by the source's kind.
import { ActualsTable, type ReadActuals } from './actuals-table.js';
import { CsvSplitter } from './csv-split.js';

export type { ReadActuals } from './actuals-table.js';
export { readPlainCsv, readQuotedCsv } from './csv-split.js';

interface CsvOptions {
  delimiter?: string;
}

/** A whole CSV actuals file at once: the reader below, given all the text. */
export function readActualsCsv(text: string, file: string, options: CsvOptions = {}): ReadActuals {
  const reader = new CsvActualsReader(file, options);
  reader.push(text);
  return reader.end();
}

/** A CSV actuals file read as its text arrives: each complete line becomes a row at once. */
export class CsvActualsReader {
  private readonly table: ActualsTable;
  private readonly splitter: CsvSplitter;

  constructor(file: string, options: CsvOptions = {}) {
    this.table = new ActualsTable(file);
    this.splitter = new CsvSplitter(options.delimiter, (record) => {
      this.table.commaIsDecimal = this.splitter.separator === ';';
      this.table.record(record);
    });
  }

  push(text: string): void {
    this.splitter.push(text);
  }

  end(): ReadActuals {
    const split = this.splitter.end();
    if (!split.ok) this.table.refuseAll(split.line, split.column, split.detail);
    return this.table.end();
  }
}
