// Shared display helpers for human formats: rounded numbers, and text made safe for a terminal.
import type { Lang } from '../i18n/labels.js';

/** Rounded for reading (at most 2 decimals), with thousands separators; raw numbers go to JSON/CSV. */
export function displayNumber(value: number | null, _lang: Lang, suffix = ''): string {
  if (value === null) return '—';
  const rounded = Math.round(value * 100) / 100;
  return `${rounded.toLocaleString('en-US', { maximumFractionDigits: 2 })}${suffix}`;
}

export function displayPercent(value: number | null): string {
  if (value === null) return '—';
  return `${(Math.round(value * 1000) / 10).toLocaleString('en-US', { maximumFractionDigits: 1 })}%`;
}

// C0 and C1 controls (ESC included), DEL, and bidi overrides never reach the terminal raw.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function safeText(text: string): string {
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
