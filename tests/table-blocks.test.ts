// Big tables are drawn in blocks (cli-table3's layout grows with the square of the rows); the
// blocks must line up as one table and lose no row.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { TABLE_BLOCK_ROWS, makeTable } from '../src/report/table.js';
import { displayWidth } from '../src/report/wrap.js';

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

describe('tables drawn in blocks', () => {
  it.each([false, true])('line up across blocks with CJK text (multi-line cells: %s)', (wrapped) => {
    const count = TABLE_BLOCK_ROWS * 2 + 37;
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
});
