import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { displayWidth, wrapToWidth } from '../src/report/wrap.js';
import { safeText } from '../src/report/display.js';

describe('wrapping CJK cells', () => {
  it('measures CJK as two columns and ASCII as one', () => {
    expect(displayWidth('区市场监管局')).toBe(12);
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('食品 sampling')).toBe(13);
  });

  // displayWidth sums cached character widths unless a character can join others into one emoji;
  // it must agree with string-width (what cli-table3 measures the head with) on any text.
  const pieces = [
    '区',
    '食',
    'a',
    ' ',
    '%',
    'é',
    'e\u0301',
    '\u0300',
    '\u3000',
    '（',
    '１',
    '\u00a0',
    '\u0007',
    '\u007f',
    '\u0085',
    '\u001b[31m',
    '\u001b[0m',
    '\u009b',
    '⌚',
    '☺',
    '☺\ufe0f',
    '\ufe0f',
    '\u200d',
    '#\ufe0f\u20e3',
    '1\u20e3',
    '👍',
    '👍🏽',
    '👨\u200d👩\u200d👧',
    '🇨🇳',
    '🇨',
    '\ud83d',
    '\ude00',
    '𠀋',
    '©',
    '©\ufe0f',
    '™',
    '↔',
    '\u2695\ufe0f',
    '\u26f9',
    '🏋\ufe0f\u200d\u2640\ufe0f',
  ];
  it('agrees with string-width on text mixing CJK, emoji sequences, marks, controls and escapes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        expect(displayWidth(text)).toBe(stringWidth(text));
      }),
      { numRuns: 2000 },
    );
    for (const piece of pieces) expect(displayWidth(`x${piece}`)).toBe(stringWidth(`x${piece}`));
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
