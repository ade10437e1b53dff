// Reading one reported value: 1020, "94%", "47/50" or {done: 47, of: 50}. Full-width digits and ％,
// as typed with Chinese input methods, read as their ASCII forms.
import type { ActualValue } from './model.js';
import { type Rational, fromDecimalString, fromNumber } from './rational.js';
import { foldText } from './text-fold.js';

const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const PERCENT = /^([+-]?\d+(?:\.\d+)?)\s*%$/;
const FRACTION = /^([+-]?\d+(?:\.\d+)?)\s*\/\s*([+-]?\d+(?:\.\d+)?)$/;

export type ValueProblem =
  'not-a-value' | 'thousands-separator' | 'chinese-multiplier' | 'decimal-comma' | 'too-many-digits' | 'not-finite';

/** Largest figure a real plan or report holds (the same bound as for targets); beyond it is a typo. */
export const ABSURD_COUNT = 1e12;
/** More digits than any real figure has: refused before exact arithmetic on a million-digit number. */
const MAX_DIGITS = 40;

/** True when a reported figure is beyond ABSURD_COUNT (a typo, or an integer past 2^53 that lost digits). */
export function isAbsurdValue(value: ActualValue): boolean {
  const limit = BigInt(ABSURD_COUNT);
  const beyond = (r: Rational): boolean => (r.n < 0n ? -r.n : r.n) > limit * r.d;
  return value.kind === 'fraction' ? beyond(value.done) || beyond(value.of) : beyond(value.value);
}

function parseValueText(raw: string): ActualValue | ValueProblem {
  const text = foldText(raw);
  let digits = 0;
  for (let i = 0; i < text.length && digits <= MAX_DIGITS; i += 1) if (text.charCodeAt(i) >= 48 && text.charCodeAt(i) <= 57) digits += 1;
  if (digits > MAX_DIGITS) return 'too-many-digits';
  if (NUMBER.test(text)) return { kind: 'number', value: fromDecimalString(text) };
  const percent = PERCENT.exec(text);
  if (percent) return { kind: 'percent', value: fromDecimalString(percent[1]!) };
  const fraction = FRACTION.exec(text);
  if (fraction) return { kind: 'fraction', done: fromDecimalString(fraction[1]!), of: fromDecimalString(fraction[2]!) };
  if (/^\d{1,3}(,\d{3})+(\.\d+)?%?$/.test(text)) return 'thousands-separator';
  if (/^\d+(\.\d+)?\s*[万亿千百]/.test(text)) return 'chinese-multiplier';
  // 1020,5 as a spreadsheet in a European locale writes 1020.5
  if (/^\d+,\d+%?$/.test(text)) return 'decimal-comma';
  return 'not-a-value';
}

/** Digits grouped in threes by commas, as Excel writes a number cell formatted with separators: 1,900 / 12,345,678 / 1,900.5 / 1,900%. */
const THOUSANDS_GROUPED = /^\d{1,3}(,\d{3})+(\.\d+)?%?$/;

/**
 * A cell of a CSV or XLSX form: as parseValueText, and also a number in unambiguous thousands
 * groups (1,900 is 1900), unless commas are decimal marks in this file (a `;`-separated CSV from
 * a European Excel, where 1,900 means 1.9). 1,90 and 1,9000 are no grouping: still errors.
 */
export function parseValueCell(raw: string, commaIsDecimal = false): ActualValue | ValueProblem {
  const value = parseValueText(raw);
  if (value !== 'thousands-separator' || commaIsDecimal) return value;
  const text = foldText(raw);
  return THOUSANDS_GROUPED.test(text) ? parseValueText(text.replace(/,/g, '')) : value;
}

export function parseValueData(value: unknown): ActualValue | ValueProblem {
  if (typeof value === 'number') return Number.isFinite(value) ? { kind: 'number', value: fromNumber(value) } : 'not-finite';
  if (typeof value === 'string') return parseValueText(value);
  if (value && typeof value === 'object') {
    const { done, of } = value as { done?: unknown; of?: unknown };
    if (typeof done === 'number' && typeof of === 'number' && Number.isFinite(done) && Number.isFinite(of)) {
      return { kind: 'fraction', done: fromNumber(done), of: fromNumber(of) };
    }
  }
  return 'not-a-value';
}
