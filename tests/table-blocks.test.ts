// Big tables: cli-table3 draws the head, the rows follow its column widths and box characters.
// The rows must line up as one table, lose no row, and look exactly as cli-table3 would draw them.
import { Chalk } from 'chalk';
import Table from 'cli-table3';
import { describe, expect, it } from 'vitest';
import { makeTable } from '../src/report/table.js';
import { displayWidth } from '../src/report/wrap.js';
import { targetRowFixture } from './helpers.js';

const ctx = { lang: 'zh-CN' as const, chalk: new Chalk({ level: 0 }) };

/** display columns of every vertical rule on a line */
function rulePositions(line: string): number[] {
  const positions: number[] = [];
  let column = 0;
  for (const char of line) {
    if ('│┼├┤┬┴┌┐└┘'.includes(char)) positions.push(column);
    column += displayWidth(char);
  }
  return positions;
}

describe('tables', () => {
  it.each([false, true])('line up over a thousand rows with CJK text (multi-line cells: %s)', (wrapped) => {
    const count = 1037;
    const rows = Array.from({ length: count }, (_, i) => [
      `${i} ${'食品安全'.repeat((i % 5) + 1)}${wrapped && i % 3 === 0 ? '\n续行' : ''}`,
      i % 2 ? '区市场监管局' : 'abc',
      String(i * 7),
    ]);
    const text = makeTable(['任务', '责任单位', '数值'], rows, ctx);
    const lines = text.split('\n');
    const expected = rulePositions(lines[0]!);
    expect(expected).toHaveLength(4);
    for (const line of lines) expect(rulePositions(line)).toEqual(expected);
    for (let i = 0; i < count; i += 1) expect(text).toContain(`│ ${i} 食品安全`);
    expect(lines.filter((line) => line.startsWith('┌'))).toHaveLength(1);
    expect(lines.filter((line) => line.startsWith('└'))).toHaveLength(1);
    expect(lines.filter((line) => line.includes('任务'))).toHaveLength(1);
  });

  it.each([false, true])('are byte for byte what cli-table3 draws for the whole table (multi-line cells: %s, colour)', (wrapped) => {
    const chalk = new Chalk({ level: 1 });
    const rows = Array.from({ length: 60 }, (_, i) => [
      `${i} ${'食品安全'.repeat((i % 4) + 1)}${wrapped && i % 7 === 0 ? '\n续行 abc' : ''}`,
      i % 3 ? chalk.red('落后') : chalk.green('met'),
      i % 5 ? '' : '😀 x',
    ]);
    const head = ['任务', '状态', 'note'];
    const ours = makeTable(head, rows, { ...ctx, chalk });
    const widths = ours
      .split('\n')[0]!
      .slice(1, -1)
      .split('┬')
      .map((segment) => segment.length);
    const reference = new Table({
      head: head.map((h) => chalk.bold(h)),
      colWidths: widths,
      style: { head: [], border: [], compact: !wrapped },
    });
    for (const row of rows) reference.push(row);
    expect(ours).toBe(reference.toString());
  });

  it('draws a head and a closed frame when there are no rows', () => {
    expect(makeTable(['任务', 'b'], [], ctx).split('\n')).toEqual(['┌──────┬───┐', '│ 任务 │ b │', '└──────┴───┘']);
  });
});

describe('large tables on a terminal', () => {
  const row = (i: number) =>
    targetRowFixture({ ref: `p:${i}/t`, task: String(i), task_title: '任务', target: 't', owner: '区市场监管局', unit: '批次' });
  it('shows the first rows and says how many there are, only on a terminal', async () => {
    const { formatTargetsTable, TTY_ROW_LIMIT, TTY_ROWS_SHOWN } = await import('../src/report/table.js');
    const rows = Array.from({ length: TTY_ROW_LIMIT + 1 }, (_, i) => row(i));
    const onTerminal = formatTargetsTable({ asOf: '2024-06-30', rows }, { ...ctx, lang: 'en', columns: 120 });
    expect(onTerminal).toContain(`${TTY_ROWS_SHOWN} of ${TTY_ROW_LIMIT + 1} rows shown`);
    expect(onTerminal).toContain('--format csv');
    expect(onTerminal.split('\n').filter((line) => line.includes('区市场监管局'))).toHaveLength(TTY_ROWS_SHOWN);
    const piped = formatTargetsTable({ asOf: '2024-06-30', rows }, { ...ctx, lang: 'en' });
    expect(piped.split('\n').filter((line) => line.includes('区市场监管局'))).toHaveLength(TTY_ROW_LIMIT + 1);
    expect(formatTargetsTable({ asOf: '2024-06-30', rows: rows.slice(0, TTY_ROW_LIMIT) }, { ...ctx, columns: 120 })).not.toMatch(
      /rows shown|显示/,
    );
  });
});
