// Shared display helpers for human formats: rounded numbers, and text made safe for a terminal.
import type { Lang } from '../i18n/labels.js';

/** Rounded for reading (at most 2 decimals), with thousands separators; raw numbers go to JSON/CSV. */
// one formatter each (toLocaleString builds a new one per call: 0.2 ms, 5 s over 25,000 rows)
const twoDecimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

export function displayNumber(value: number | null, _lang: Lang, suffix = ''): string {
  if (value === null) return '—';
  const rounded = Math.round(value * 100) / 100;
  // small whole numbers read the same without the formatter (most figures in a big table)
  if (rounded > 0 && rounded < 1000 && Number.isInteger(rounded)) return `${rounded}${suffix}`;
  return `${twoDecimals.format(rounded)}${suffix}`;
}

export function displayPercent(value: number | null): string {
  if (value === null) return '—';
  return `${oneDecimal.format(Math.round(value * 1000) / 10)}%`;
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
  return text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`).replace(/\t/g, ' ').replace(/\n/g, ' ');
}

/** Shorten long text to a width in terminal columns (CJK counts two), marking the cut. */
export function truncateToWidth(text: string, maxWidth: number, width: (s: string) => number): string {
  if (width(text) <= maxWidth) return text;
  let out = '';
  for (const char of text) {
    if (width(out + char) > maxWidth - 1) break;
    out += char;
  }
  return `${out}…`;
}
