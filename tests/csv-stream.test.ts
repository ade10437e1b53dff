// CSV actuals read as the text arrives (CsvActualsReader): however the text is cut into pieces,
// the rows and diagnostics are those of the whole text, including when a quote, a syntax error,
// a sep= line or a refused header comes after the first pieces were read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvActualsReader, readActualsCsv } from '../src/core/actuals-read.js';
import type { ReadActuals } from '../src/core/actuals-read.js';

const file = 'big.actuals.csv';

function readInPieces(text: string, cuts: readonly number[], delimiter?: string): ReadActuals {
  const reader = new CsvActualsReader(file, { delimiter });
  let from = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    const to = Math.min(cut, text.length);
    if (to < from) continue;
    reader.push(text.slice(from, to));
    from = to;
  }
  reader.push(text.slice(from));
  return reader.end();
}

const headers = ['plan,target,as_of,value,reported_by,note', '计划,指标,截至日期,数值,填报单位', 'plan,target,value', 'plan;target;as_of;value', 'plan,target,as_of,value,,'];
const rowPieces = [
  'bench-1,1/count,2024-01-31,12,区市场监管局,',
  'bench-1,2/count,2024-02-29,7.5,区卫健委,备注',
  'bench-1,3/count,2024-13-01,5,u,',
  'bench-1,4/count,2024-03-31,x,u,',
  'bench-1,,2024-03-31,3,u,',
  'bench-1,5/count,45076,3,u,',
  'bench-1,6/count,2024-03-31,4,u,extra,field',
  'bench-1,7/count,2024-03-31,4',
  'bench-1,8/count,2024-04-30,"1,200",u,"a note, with a comma"',
  'bench-1,9/count,2024-04-30,3,u,"a note\nover two lines"',
  'bench-1,10/count,2024-04-30,3,u,"never closed',
  'bench-1,11/count,2024-04-30,3,u,bad"quote',
  ',,,,,',
  '',
  'bench-1,😀/count,2024-05-31,1e3,区市场监管局😀,',
  'bench-1,12/count,2024-05-31,９,u,\u3000',
];

const csvText = fc
  .tuple(
    fc.constantFrom('', 'sep=;\n', 'sep=,\n', '\uFEFF'),
    fc.constantFrom(...headers),
    fc.array(fc.constantFrom(...rowPieces), { maxLength: 25 }),
    fc.boolean(),
  )
  .map(([start, header, rows, finalNewline]) => `${start}${header}\n${rows.join('\n')}${finalNewline ? '\n' : ''}`);

describe('reading CSV actuals piece by piece', () => {
  it('gives the rows and diagnostics of the whole text, wherever the text is cut', () => {
    fc.assert(
      fc.property(csvText, fc.array(fc.nat(2000), { maxLength: 12 }), fc.constantFrom(undefined, ',', ';'), (text, cuts, delimiter) => {
        expect(readInPieces(text, cuts, delimiter)).toEqual(readActualsCsv(text, file, { delimiter }));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1500) },
    );
  });

  it('gives the same result one character at a time', () => {
    const text = 'sep=;\nplan;target;as_of;value\n\nbench-1;1/count;2024-01-31;12\nbench-1;2/count;2024-13-01;x\nbench-1;3/count;2024-02-29;"4"\n';
    const whole = readActualsCsv(text, file);
    const cuts = Array.from({ length: text.length }, (_, i) => i);
    expect(readInPieces(text, cuts)).toEqual(whole);
    // hand-checked: the sep= line is line 1, the blank line 3; the quote on line 6 is read by csv-parse
    expect(whole.actuals.rows.map((row) => [row.targetRef, row.place.line, row.valuePlace.column])).toEqual([
      ['1/count', 4, 28],
      ['3/count', 6, 28],
    ]);
    expect(whole.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['invalid-date', 5, 17],
      ['invalid-value-cell', 5, 28],
    ]);
  });

  it('reports an unclosed quote after many plain lines where it opens, and keeps no rows', () => {
    const plain = Array.from({ length: 500 }, (_, i) => `bench-1,${i}/count,2024-01-31,${i}`).join('\n');
    const text = `plan,target,as_of,value\n${plain}\nbench-1,x/count,2024-01-31,"5\nbench-1,y/count,2024-01-31,6\n`;
    const read = readInPieces(text, [100, 5000, 12_000]);
    expect(read.actuals.rows).toEqual([]);
    // line 1 the header, 2-501 the plain rows; on line 502 the quote follows 27 characters
    expect(read.diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['csv-syntax', 502, 28]]);
    expect(read).toEqual(readActualsCsv(text, file));
  });

  it('says the file is empty only when it has no record', () => {
    expect(readInPieces('\n\n', [1]).diagnostics.map((d) => d.code)).toEqual(['file-empty']);
    expect(readInPieces('', []).diagnostics.map((d) => d.code)).toEqual(['file-empty']);
    expect(readInPieces('plan;target;as_of;value\n', [3]).diagnostics.map((d) => d.code)).toEqual(['csv-syntax']);
  });
});
