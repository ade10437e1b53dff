// Exact rational arithmetic on BigInt, so that figures do not drift: 3.5 × 542857 / 1000 is
// 1899.9995 exactly, and a result becomes a float only once, at the very end.

export interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

const ZERO: Rational = { n: 0n, d: 1n };

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(n: bigint, d: bigint = 1n): Rational {
  if (d === 0n) throw new RangeError('division by zero');
  if (d < 0n) [n, d] = [-n, -d];
  const g = gcd(n, d);
  return g > 1n ? { n: n / g, d: d / g } : { n, d };
}

/** The exact value of the decimal a number prints as (0.1 is 1/10, not the binary double). */
export function fromNumber(value: number): Rational {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  return fromDecimalString(String(value));
}

export function fromDecimalString(text: string): Rational {
  // most reported figures are whole numbers: no pattern, no scaling, no common divisor to find
  if (/^\d{1,15}$/.test(text)) return { n: BigInt(text), d: 1n };
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) throw new RangeError(`not a decimal: ${text}`);
  const sign = match[1] === '-' ? -1n : 1n;
  const fraction = match[3] ?? '';
  const exponent = Number(match[4] ?? 0) - fraction.length;
  const digits = BigInt(`${match[2] || '0'}${fraction}`) * sign;
  return exponent >= 0 ? rational(digits * 10n ** BigInt(exponent)) : rational(digits, 10n ** BigInt(-exponent));
}

export const add = (a: Rational, b: Rational): Rational => rational(a.n * b.d + b.n * a.d, a.d * b.d);
export const subtract = (a: Rational, b: Rational): Rational => rational(a.n * b.d - b.n * a.d, a.d * b.d);
export const multiply = (a: Rational, b: Rational): Rational => rational(a.n * b.n, a.d * b.d);
export const divide = (a: Rational, b: Rational): Rational => rational(a.n * b.d, a.d * b.n);
export const isZero = (a: Rational): boolean => a.n === 0n;
export const maxWithZero = (a: Rational): Rational => (a.n < 0n ? ZERO : a);
export const sum = (values: readonly Rational[]): Rational => values.reduce(add, ZERO);
export const zero = ZERO;

/** The double nearest the exact value (one rounding). */
export function toNumber(a: Rational): number {
  const limit = 2n ** 53n;
  const absN = a.n < 0n ? -a.n : a.n;
  if (absN <= limit && a.d <= limit) return Number(a.n) / Number(a.d);
  // Long division to 40 significant digits, then one conversion: no visible drift.
  const sign = a.n < 0n ? '-' : '';
  const integer = absN / a.d;
  let remainder = absN % a.d;
  let digits = '';
  for (let i = 0; i < 40; i += 1) {
    remainder *= 10n;
    digits += String(remainder / a.d);
    remainder %= a.d;
  }
  return Number(`${sign}${integer}.${digits}`);
}

/** Compare with the contract's tolerance: values within 1e-9 of each other are equal. */
export function compareWithTolerance(a: Rational, b: Rational): -1 | 0 | 1 {
  const difference = toNumber(subtract(a, b));
  if (Math.abs(difference) <= 1e-9) return 0;
  return difference < 0 ? -1 : 1;
}
