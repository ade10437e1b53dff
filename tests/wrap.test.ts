import { describe, expect, it } from 'vitest';
import { displayWidth, wrapToWidth } from '../src/report/wrap.js';
import { safeText } from '../src/report/display.js';

describe('wrapping CJK cells', () => {
  it('measures CJK as two columns and ASCII as one', () => {
    expect(displayWidth('区市场监管局')).toBe(12);
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('食品 sampling')).toBe(13);
  });

  it.each([
    ['推动重点领域质量提升和阳光配送全覆盖', 10],
    ['学校食材“阳光配送”覆盖率 sunshine delivery coverage', 12],
    ['abcdefghijklmnopqrstuvwxyz', 7],
    ['短', 4],
  ])('keeps every character of %s within %i columns', (text, width) => {
    const lines = wrapToWidth(text, width).split('\n');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
  });

  it('escapes control characters and terminal sequences', () => {
    expect(safeText('红\u001b[31m色\u0007')).toBe('红\\u001b[31m色\\u0007');
    expect(safeText('a\u202eb')).toBe('a\\u202eb');
    expect(safeText('普通文字 plain')).toBe('普通文字 plain');
  });
});
