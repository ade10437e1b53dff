// Reading one reported value: 1020, "94%", "47/50" or {done: 47, of: 50}. Full-width digits and ％,
// as typed with Chinese input methods, read as their ASCII forms.
import type { ActualValue } from './model.js';
import { fromDecimalString, fromNumber } from './rational.js';

const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const PERCENT = /^([+-]?\d+(?:\.\d+)?)\s*%$/;
const FRACTION = /^([+-]?\d+(?:\.\d+)?)\s*\/\s*([+-]?\d+(?:\.\d+)?)$/;

export type ValueProblem = 'not-a-value' | 'thousands-separator' | 'chinese-multiplier' | 'not-finite';

export function parseValueText(raw: string): ActualValue | ValueProblem {
  const text = raw.normalize('NFKC').trim();
  if (NUMBER.test(text)) return { kind: 'number', value: fromDecimalString(text) };
  const percent = PERCENT.exec(text);
  if (percent) return { kind: 'percent', value: fromDecimalString(percent[1]!) };
  const fraction = FRACTION.exec(text);
  if (fraction) return { kind: 'fraction', done: fromDecimalString(fraction[1]!), of: fromDecimalString(fraction[2]!) };
  if (/^\d{1,3}(,\d{3})+(\.\d+)?%?$/.test(text)) return 'thousands-separator';
  if (/^\d+(\.\d+)?\s*[万亿千百]/.test(text)) return 'chinese-multiplier';
  return 'not-a-value';
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
