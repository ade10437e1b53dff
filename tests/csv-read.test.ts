// The two CSV readers: d3-dsv for text without quotes or carriage returns, csv-parse for the rest.
// Wherever the fast one answers, it must give csv-parse's records, lines and field columns.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readActualsCsv, readPlainCsv, readQuotedCsv } from '../src/core/actuals-read.js';

const pieces = [
  'a',
  'bench-1',
  '区市场监管局',
  '2024-01-31',
  '12.5',
  ' ',
  '\t',
  ',',
  ';',
  '|',
  '\n',
  '\n\n',
  '😀',
  '\u3000',
  '',
  '%',
  "'",
  '=1+1',
];

describe('the quote-free CSV path', () => {
  it.each([',', ';', '\t', '|'])('gives csv-parse records, lines and columns for any text without quotes (delimiter %j)', (delimiter) => {
    fc.assert(
      fc.property(fc.boolean(), fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (bom, parts) => {
        const text = `${bom ? '\uFEFF' : ''}${parts.join('')}`;
        const fast = readPlainCsv(text, delimiter);
        const reference = readQuotedCsv(text, delimiter);
        expect(fast).toBeDefined();
        expect(reference.ok).toBe(true);
        if (reference.ok) expect(fast).toEqual(reference.records);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1500) },
    );
  });

  it.each([
    ['a quote', 'plan,target\n"p",t\n'],
    ['a carriage return', 'plan,target\r\np,t\r\n'],
    ['a quote as the delimiter', 'a"b\n'],
  ])('declines text with %s (csv-parse reads it)', (_name, text) => {
    expect(readPlainCsv(text, text.startsWith('a"') ? '"' : ',')).toBeUndefined();
  });

  it('keeps line numbers across blank lines and a sep= line, and columns after wide characters', () => {
    const text =
      'sep=;\nplan;target;as_of;value;reported_by\n\nbench-1;1/count;2024-01-31;x;区市场监管局😀\n\n\nbench-1;😀区/count;2024-13-01;5;u\n';
    const read = readActualsCsv(text, 'a.actuals.csv');
    expect(read.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['invalid-value-cell', 4, 28],
      ['invalid-date', 7, 18],
    ]);
  });

  it('finds an unclosed quote where it opens, after closed and doubled quotes (csv-parse names only the end)', () => {
    const text =
      'plan,target,as_of,value,note\nb,1/c,2024-01-31,1,"say ""hi"""\nb,2/c,2024-01-31,2,ok\nb,3/c,😀2024-01-31,"5,x\nb,4/c,2024-01-31,6,y\n';
    // line 4: "b,3/c," is 6 characters, the emoji one more, then "2024-01-31," 11: the quote is at 19
    expect(readQuotedCsv(text, ',')).toEqual({ ok: false, line: 4, column: 19, detail: 'unclosed-quote' });
  });

  it('finds an unclosed quote where its field opens when a doubled quote follows it', () => {
    // line 2: "b,1/c,2024-01-31,1," is 19 characters: the field opens at 20; "" inside it is a quote
    const text = 'plan,target,as_of,value,note\nb,1/c,2024-01-31,1,"say ""hi\nb,2/c,2024-01-31,2,ok\n';
    expect(readQuotedCsv(text, ',')).toEqual({ ok: false, line: 2, column: 20, detail: 'unclosed-quote' });
    const closedThenOpen = 'plan,target,as_of,value,note\nb,1/c,2024-01-31,1,"a ""b"""\nb,2/c,2024-01-31,2,"""c\n';
    expect(readQuotedCsv(closedThenOpen, ',')).toEqual({ ok: false, line: 3, column: 20, detail: 'unclosed-quote' });
  });
});
