import { describe, expect, it } from 'vitest';
import {
  add,
  compareWithTolerance,
  divide,
  fromDecimalString,
  fromNumber,
  multiply,
  rational,
  subtract,
  toNumber,
} from '../src/core/rational.js';

describe('rational arithmetic', () => {
  it('computes 3.5 × 542857 / 1000 exactly as 1899.9995', () => {
    const r = divide(multiply(fromDecimalString('3.5'), fromNumber(542857)), fromNumber(1000));
    expect(r).toEqual({ n: 3799999n, d: 2000n });
    expect(String(toNumber(r))).toBe('1899.9995');
  });

  it('reads decimals as written, not as binary doubles', () => {
    expect(add(fromNumber(0.1), fromNumber(0.2))).toEqual(rational(3n, 10n));
    expect(toNumber(add(fromNumber(0.1), fromNumber(0.2)))).toBe(0.3);
    expect(fromDecimalString('1e3')).toEqual(rational(1000n));
    expect(fromDecimalString('2.50e-1')).toEqual(rational(1n, 4n));
  });

  it('rounds once at the end, even for very large terms', () => {
    const huge = divide(rational(10n ** 30n + 1n), rational(3n * 10n ** 28n));
    expect(toNumber(huge)).toBeCloseTo(33.3333333333, 9);
  });

  it('treats values within 1e-9 as equal', () => {
    expect(compareWithTolerance(fromNumber(1), fromDecimalString('1.0000000001'))).toBe(0);
    expect(compareWithTolerance(fromNumber(1), fromDecimalString('1.00000001'))).toBe(-1);
    expect(compareWithTolerance(subtract(fromNumber(5), fromNumber(3)), fromNumber(1))).toBe(1);
  });
});
