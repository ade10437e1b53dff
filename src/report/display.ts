// Shared display helpers for human formats: rounded numbers, and text made safe for a terminal.
import type { Lang } from '../i18n/labels.js';
import { showAsCodePoints } from './escape.js';

/**
 * A rounded number as en-US writes it: thousands separators, at most `decimals` decimals, no
 * trailing zeros (what Intl.NumberFormat('en-US', { maximumFractionDigits }) prints, without the
 * 14 ms that building a NumberFormat costs at start-up; tests/display.test.ts compares the two).
 */
function groupedNumber(rounded: number, decimals: number): string {
  // small whole numbers (most figures in a big table) need no splitting: 0.1 s over 25,000 rows
  if (rounded > 0 && rounded < 1000 && Number.isInteger(rounded)) return String(rounded);
  // the shortest decimal that reads back as this double, as Intl starts from
  const written = String(Math.abs(rounded));
  const [whole = '0', fraction = ''] = written.split('.');
  if (!/^\d+$/.test(whole) || fraction.length > decimals) {
    return new Intl.NumberFormat('en-US', { maximumFractionDigits: decimals }).format(rounded);
  }
  const negative = rounded < 0 || Object.is(rounded, -0);
  return `${negative ? '-' : ''}${whole.replace(/\B(?=(\d{3})+$)/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

/** Rounded for reading (at most 2 decimals), with thousands separators; raw numbers go to JSON/CSV. */
export function displayNumber(value: number | null, _lang: Lang, suffix = ''): string {
  if (value === null) return '—';
  const rounded = Math.round(value * 100) / 100;
  return `${groupedNumber(rounded, 2)}${suffix}`;
}

export function displayPercent(value: number | null): string {
  if (value === null) return '—';
  return `${groupedNumber(Math.round(value * 1000) / 10, 1)}%`;
}

// C0 and C1 controls (ESC included), DEL and bidi overrides never reach the terminal raw; nor do
// invisible characters (zero-width spaces and joiners, word joiners, a byte-order mark inside the
// text, line and paragraph separators), which would make two different names look the same.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

export function safeText(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return showAsCodePoints(text, UNSAFE).replace(/\t/g, ' ').replace(/\n/g, ' ');
}
