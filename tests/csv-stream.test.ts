// CSV actuals read as the text arrives (CsvActualsReader): however the text is cut into pieces,
// the rows and diagnostics are those of the whole text, including when a quote, a syntax error,
// a sep= line or a refused header comes after the first pieces were read. The bytes are decoded
// chunk by chunk (Utf8ChunkDecoder), and the CLI reads CSV files in 1 MiB chunks.
import { closeSync, mkdtempSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CsvActualsReader, readActualsCsv } from '../src/core/actuals-read.js';
import type { ReadActuals } from '../src/core/actuals-read.js';
import { Utf8ChunkDecoder, decodeText } from '../src/core/decode-text.js';
import { readSource } from '../src/io/read-sources.js';
import { type StreamedSourceFile, loadProject } from '../src/core/project.js';
import { runCli } from './helpers.js';

const file = 'big.actuals.csv';

/** The plan every streamed CSV here reports on: one target, a sum. */
const plan = `format: plan/1
id: big
title: 流式读取
period: { start: 2024-01-01, end: 2024-12-31 }
tasks:
  - id: "1"
    title: 抽检
    lead: 区市场监管局
    targets:
      - { id: count, metric: 抽检批次, target: ">= 100000", accumulate: sum }
`;

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

const headers = [
  'plan,target,as_of,value,reported_by,note',
  '计划,指标,截至日期,数值,填报单位',
  'plan,target,value',
  'plan;target;as_of;value',
  'plan,target,as_of,value,,',
];
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
    const text =
      'sep=;\nplan;target;as_of;value\n\nbench-1;1/count;2024-01-31;12\nbench-1;2/count;2024-13-01;x\nbench-1;3/count;2024-02-29;"4"\n';
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

describe('decoding a file chunk by chunk', () => {
  const pieces = ['a', ',', '\n', '\r\n', '\r', '区', '😀', '\uFEFF', 'é', '\u3000'];
  const encoder = new TextEncoder();

  function decodeInChunks(bytes: Uint8Array, cuts: readonly number[]): string | undefined {
    const decoder = new Utf8ChunkDecoder();
    let text = '';
    let from = 0;
    for (const cut of [...new Set(cuts)].sort((a, b) => a - b)) {
      if (cut <= from || cut >= bytes.length) continue;
      const piece = decoder.push(bytes.subarray(from, cut));
      if (piece === undefined) return undefined;
      text += piece;
      from = cut;
    }
    const last = decoder.push(bytes.subarray(from));
    const tail = decoder.end();
    return last === undefined || tail === undefined ? undefined : text + last + tail;
  }

  it("gives decodeText's text for UTF-8, and declines what decodeText refuses, wherever the bytes are cut", () => {
    const bytesOf = fc.oneof(
      fc
        .tuple(fc.boolean(), fc.array(fc.constantFrom(...pieces), { maxLength: 30 }))
        .map(([bom, parts]) => encoder.encode(`${bom ? '\uFEFF' : ''}${parts.join('')}`)),
      fc.uint8Array({ maxLength: 40 }),
    );
    fc.assert(
      fc.property(bytesOf, fc.array(fc.nat(60), { maxLength: 8 }), (bytes, cuts) => {
        const whole = decodeText(bytes);
        const chunked = decodeInChunks(bytes, cuts);
        if (whole.ok) expect(chunked).toBe(whole.text);
        else expect(chunked).toBeUndefined();
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1500) },
    );
  });

  it('joins a CR and LF split between chunks, and a character split between chunks', () => {
    const bytes = encoder.encode('a\r\nb区\rc');
    // cut between \r and \n, and inside 区 (three bytes)
    expect(decodeInChunks(bytes, [2, 5, 6])).toBe('a\nb区\nc');
  });
});

describe('CSV actuals through the built CLI, read in 1 MiB chunks', () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'plan-check-stream-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  /**
   * Rows of about 60 bytes, one unit each (no duplicates), CRLF line ends, until past `bytes`;
   * a quoted row near the end; a CR LF exactly across the first 1 MiB chunk end and 区 (three
   * bytes) across the second. Returns the bytes and the sum of the values.
   */
  function bigCsv(bytes: number): { csv: Buffer; sum: number; lines: string[] } {
    const lines = ['plan,target,as_of,value,reported_by,note'];
    let size = 0;
    let sum = 0;
    for (let i = 0; size < bytes; i += 1) {
      const value = i % 7;
      lines.push(`big,1/count,2024-01-${String((i % 28) + 1).padStart(2, '0')},${value},填报${i},第${i}行`);
      sum += value;
      size += Buffer.byteLength(lines[lines.length - 1]!) + 2;
    }
    lines[lines.length - 3] = `big,1/count,2024-03-01,"15",填报末尾,"末尾的引号, 逗号"`;
    sum += 15 - ((lines.length - 4) % 7);
    // a filler row (value 0) whose end falls where wanted: inserted before the first line that
    // starts early enough, so nothing else moves ahead of it
    const fill = (boundary: number, unit: string, tail: string) => {
      const prefix = `big,1/count,2024-12-31,0,${unit},`;
      const starts: number[] = [];
      let offset = 0;
      for (const line of lines) {
        starts.push(offset);
        offset += Buffer.byteLength(line) + 2;
      }
      let at = starts.findIndex((start) => start >= boundary) - 1;
      while (starts[at]! + Buffer.byteLength(prefix) > boundary - 1) at -= 1;
      lines.splice(at, 0, `${prefix}${'x'.repeat(boundary - 1 - starts[at]! - Buffer.byteLength(prefix))}${tail}`);
    };
    fill(1 << 20, '填充1', ''); // its \r is the last byte of the first chunk
    fill(2 << 20, '填充2', '区'); // 区 starts on the last byte of the second chunk
    return { csv: Buffer.from(`${lines.join('\r\n')}\r\n`), sum, lines };
  }

  it('gives the figures of the whole file, a CR LF and a character split between chunks included', async () => {
    const { csv, sum } = bigCsv(2.5 * (1 << 20));
    expect([csv[(1 << 20) - 1], csv[1 << 20]]).toEqual([0x0d, 0x0a]);
    expect(csv.subarray((2 << 20) - 1, (2 << 20) + 2).toString()).toBe('区');
    writeFileSync(path.join(work, 'big.plan.yaml'), plan);
    writeFileSync(path.join(work, 'big.actuals.csv'), csv);
    const status = await runCli(['status', '.', '--no-config', '--as-of', '2024-12-31', '--format', 'json', '--all'], { cwd: work });
    expect(status.stderr).toBe('');
    const target = (JSON.parse(status.stdout) as { targets: { actual: number }[] }).targets[0]!;
    expect(target.actual).toBe(sum);
  });

  it('reports a bad cell in the middle at its line:col, with its code frame read again from the file', async () => {
    const { lines } = bigCsv(2.5 * (1 << 20));
    const middle = Math.floor(lines.length / 2);
    lines[middle] = 'big,1/count,2024-02-30,5,填报中间,中间的错误日期';
    writeFileSync(path.join(work, 'big.plan.yaml'), plan);
    writeFileSync(path.join(work, 'big.actuals.csv'), `${lines.join('\r\n')}\r\n`);
    const json = await runCli(['validate', '.', '--no-config', '--format', 'json'], { cwd: work });
    const reported = (JSON.parse(json.stdout) as { diagnostics: { line: number; column: number; code: string }[] }).diagnostics;
    // lines[0] is line 1; the date column starts after "big,1/count," (12 characters)
    expect(reported.map((d) => [d.code, d.line, d.column])).toEqual([['invalid-date', middle + 1, 13]]);
    const text = await runCli(['validate', '.', '--no-config'], { cwd: work, env: { LANG: 'en_US.UTF-8' } });
    expect(text.stdout).toContain(`> ${middle + 1} | big,1/count,2024-02-30,5,填报中间,中间的错误日期`);
  });

  it('reads a GB18030 file (not UTF-8) whole, as before: refused without --encoding, read with it', async () => {
    const gbk = Buffer.concat([
      Buffer.from('plan,target,as_of,value,reported_by\nbig,1/count,2024-01-31,5,'),
      Buffer.from([0xc7, 0xf8]),
      Buffer.from('\nbig,1/count,2024-01-31,7,x\n'),
    ]);
    writeFileSync(path.join(work, 'big.plan.yaml'), plan);
    writeFileSync(path.join(work, 'big.actuals.csv'), gbk);
    const refused = await runCli(['validate', '.', '--no-config', '--format', 'json'], { cwd: work });
    expect((JSON.parse(refused.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).toEqual(['file-encoding']);
    const read = await runCli(
      ['status', '.', '--no-config', '--encoding', 'gb18030', '--as-of', '2024-12-31', '--format', 'json', '--all'],
      { cwd: work },
    );
    expect((JSON.parse(read.stdout) as { targets: { actual: number }[] }).targets[0]!.actual).toBe(12);
  });
});

describe('a streamed file in the core', () => {
  function streamed(bytes: Uint8Array, chunkBytes: number): StreamedSourceFile & { reads: number } {
    const source = {
      path: 'big.actuals.csv',
      kind: 'actuals-csv' as const,
      size: bytes.length,
      reads: 0,
      *chunks() {
        source.reads += 1;
        for (let at = 0; at < bytes.length; at += chunkBytes) yield bytes.slice(at, at + chunkBytes);
      },
    };
    return source;
  }

  it('is read once, chunk by chunk, and its text is not kept', () => {
    const csv = new TextEncoder().encode(
      'plan,target,as_of,value,reported_by\r\nbig,1/count,2024-01-31,4,区\r\nbig,1/count,2024-02-29,5,乙\r\n',
    );
    const source = streamed(csv, 5);
    const project = loadProject([{ path: 'big.plan.yaml', kind: 'plan', bytes: new TextEncoder().encode(plan) }, source]);
    expect(source.reads).toBe(1);
    expect(project.diagnostics).toEqual([]);
    expect(project.actualsFiles[0]!.rows.map((row) => [row.reportedBy, row.place.line])).toEqual([
      ['区', 2],
      ['乙', 3],
    ]);
    expect(project.texts.has('big.actuals.csv')).toBe(false);
  });

  it('is read again whole when it is not UTF-8, and then gives what a whole file gives', () => {
    const gbk = Uint8Array.from([
      ...new TextEncoder().encode('plan,target,as_of,value,reported_by\nbig,1/count,2024-01-31,4,'),
      0xc7,
      0xf8,
      0x0a,
    ]);
    const source = streamed(gbk, 7);
    const project = loadProject([{ path: 'big.plan.yaml', kind: 'plan', bytes: new TextEncoder().encode(plan) }, source], {
      encoding: 'gb18030',
    });
    expect(source.reads).toBe(2);
    expect(project.actualsFiles[0]!.rows.map((row) => row.reportedBy)).toEqual(['区']);
    expect(project.texts.get('big.actuals.csv')).toContain('区');
  });
});

describe('reading a CSV file from the descriptor that was checked', () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(path.join(os.tmpdir(), 'plan-check-fd-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('reads what was checked, even when the path is replaced by a link or removed before the read', () => {
    const file = path.join(work, 'a.actuals.csv');
    writeFileSync(file, 'plan,target,as_of,value\nbig,1/count,2024-01-31,4\n');
    writeFileSync(path.join(work, 'secret.txt'), 'TOP-SECRET\n');
    const read = readSource({ absolute: file, display: 'a.actuals.csv', kind: 'actuals-csv' }, 1 << 20);
    if (!('source' in read) || !('chunks' in read.source)) throw new Error('expected a streamed source');
    const { chunks } = read.source;
    // the path now leads elsewhere
    renameSync(file, path.join(work, 'moved.csv'));
    symlinkSync(path.join(work, 'secret.txt'), file);
    const text = () => Buffer.concat([...chunks()].map((chunk) => Buffer.from(chunk))).toString();
    expect(text()).toBe('plan,target,as_of,value\nbig,1/count,2024-01-31,4\n');
    unlinkSync(file);
    expect(text()).not.toContain('TOP-SECRET');
    closeSync(read.openFd!);
  });
});
