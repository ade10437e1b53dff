// Numbers as Chinese documents write them: 1900, 1,900, 1.2万, 一千九百, 两万, 九十八, 三点五, 3亿.
// Exact (Rational), so 1.2万 is 12000 and not 11999.999….
import { type Rational, fromDecimalString, multiply, rational } from './rational.js';

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const SMALL_UNITS: Record<string, bigint> = { 十: 10n, 百: 100n, 千: 1000n };
const BIG_UNITS: Record<string, bigint> = { 万: 10_000n, 亿: 100_000_000n };

/** A number as written: Arabic (with an optional 万/亿 after it) or Chinese numerals. */
export const NUMBER_SOURCE = String.raw`(?:\d+(?:\.\d+)?[万亿]?|[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?)`;

/** Arabic thousands separators out: 1,900 → 1900 (only between digits, in groups of three). */
export function dropThousandsSeparators(text: string): string {
  return text.replace(/(\d),(?=\d{3}(?!\d))/g, '$1');
}

/** The exact value of one number token, or undefined when it is not a well-formed number. */
export function parseNumberToken(token: string): Rational | undefined {
  const arabic = /^(\d+(?:\.\d+)?)([万亿]?)$/.exec(token);
  if (arabic) {
    const value = fromDecimalString(arabic[1]!);
    return arabic[2] ? multiply(value, rational(BIG_UNITS[arabic[2]]!)) : value;
  }
  const [whole, fraction] = token.split('点');
  if (whole === undefined || whole === '') return undefined;
  const integer = parseChineseInteger(whole);
  if (integer === undefined) return undefined;
  if (fraction === undefined) return rational(integer);
  const digits = [...fraction].map((c) => DIGITS[c]);
  if (digits.length === 0 || digits.some((d) => d === undefined)) return undefined;
  return fromDecimalString(`${integer}.${digits.join('')}`);
}

/** 一千九百 → 1900, 十五 → 15, 两万零五 → 20005, 一九零零 (digit by digit) → 1900. */
export function parseChineseInteger(text: string): bigint | undefined {
  const chars = [...text];
  if (chars.length === 0) return undefined;
  if (chars.every((c) => DIGITS[c] !== undefined) && chars.length > 1) {
    // 一九零零 digit by digit; two digits (二三家) mean "two or three", not 23
    if (chars.length < 3) return undefined;
    if (chars.some((c) => c === '两')) return undefined;
    return BigInt(chars.map((c) => DIGITS[c]).join(''));
  }
  let total = 0n;
  let section = 0n;
  let digit: bigint | undefined;
  let lastBig = 10n ** 20n;
  let lastSmall = 10_000n;
  for (const c of chars) {
    if (DIGITS[c] !== undefined) {
      if (digit !== undefined && digit !== 0n) return undefined; // 二三: two digits without a unit between
      digit = BigInt(DIGITS[c]!);
    } else if (SMALL_UNITS[c] !== undefined) {
      const unit = SMALL_UNITS[c]!;
      if (unit >= lastSmall) return undefined; // 百十, 十十
      if (digit === undefined && unit !== 10n) return undefined; // 百 alone
      section += (digit ?? 1n) * unit;
      digit = undefined;
      lastSmall = unit;
    } else if (BIG_UNITS[c] !== undefined) {
      const unit = BIG_UNITS[c]!;
      if (unit >= lastBig) return undefined;
      section += digit ?? 0n;
      if (section === 0n) return undefined;
      total += section * unit;
      section = 0n;
      digit = undefined;
      lastBig = unit;
      lastSmall = 10_000n;
    } else {
      return undefined;
    }
  }
  return total + section + (digit ?? 0n);
}

/** The shortest decimal of a terminating Rational (12000, 3.5, 0.25); undefined for 1/3. */
export function decimalText(value: Rational): string | undefined {
  let scale = 0;
  while (10n ** BigInt(scale) % value.d !== 0n) {
    scale += 1;
    if (scale > 40) return undefined;
  }
  const n = value.n * (10n ** BigInt(scale) / value.d);
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString().padStart(scale + 1, '0');
  const text = scale === 0 ? digits : `${digits.slice(0, -scale)}.${digits.slice(-scale)}`.replace(/\.?0+$/, '');
  return negative ? `-${text}` : text;
}
