import { describe, expect, it } from 'vitest';
import { clampedDay, formatDay, isoWeekday, parseIsoDate } from '../src/core/dates.js';

describe('calendar dates', () => {
  it.each([
    ['2023-02-30', undefined],
    ['2023-02-29', undefined],
    ['2024-02-29', '2024-02-29'],
    ['1900-02-29', undefined],
    ['2000-02-29', '2000-02-29'],
    ['2024-13-01', undefined],
    ['2024-04-31', undefined],
    ['2024-1-5', undefined],
    ['2024-12-31', '2024-12-31'],
  ])('%s is %s', (text, expected) => {
    const value = parseIsoDate(text);
    expect(value === undefined ? undefined : formatDay(value)).toBe(expected);
  });

  it('counts whole days', () => {
    expect(parseIsoDate('2024-12-31')! - parseIsoDate('2024-01-01')! + 1).toBe(366);
    expect(parseIsoDate('2024-06-30')! - parseIsoDate('2024-01-01')! + 1).toBe(182);
  });

  it('clamps to the month end and knows weekdays', () => {
    expect(formatDay(clampedDay(2024, 2, 31))).toBe('2024-02-29');
    expect(formatDay(clampedDay(2023, 2, 31))).toBe('2023-02-28');
    expect(formatDay(clampedDay(2024, 4, 31))).toBe('2024-04-30');
    expect(isoWeekday(parseIsoDate('2024-07-01')!)).toBe(1);
    expect(isoWeekday(parseIsoDate('2024-06-30')!)).toBe(7);
  });
});
