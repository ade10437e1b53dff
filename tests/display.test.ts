// Numbers for reading are grouped by hand (building an Intl.NumberFormat costs 14 ms at start-up):
// they must read exactly as Intl.NumberFormat('en-US') writes them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayNumber, displayPercent } from '../src/report/display.js';

const intl2 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const intl1 = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

describe('numbers for reading', () => {
  const values = fc.oneof(
    fc.double({ min: -1e16, max: 1e16, noNaN: true }),
    fc.integer({ min: -2_000_000, max: 2_000_000 }),
    fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 1000),
    fc.constantFrom(0, -0, 0.005, -0.005, 0.994999, 999.995, 1000, 999_999.999, 1e15, -1e15, 123_456_789.125),
  );
  it('match Intl.NumberFormat en-US with two decimals, and one for percentages', () => {
    fc.assert(
      fc.property(values, (value) => {
        expect(displayNumber(value, 'en')).toBe(intl2.format(Math.round(value * 100) / 100));
        expect(displayPercent(value)).toBe(`${intl1.format(Math.round(value * 1000) / 10)}%`);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    [1234.5, '1,234.5'],
    [-1234567.891, '-1,234,567.89'],
    [42, '42'],
    [0.1 + 0.2, '0.3'],
    [null, '—'],
  ])('writes %s as %s', (value, text) => {
    expect(displayNumber(value, 'zh-CN')).toBe(text);
  });
  it('writes progress as a percentage with one decimal', () => {
    expect(displayPercent(0.4567)).toBe('45.7%');
    expect(displayPercent(12.3456)).toBe('1,234.6%');
  });
});
