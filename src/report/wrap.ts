// Wrap cell text to a width in terminal columns ourselves: cli-table3's own wrapping drops CJK
// characters. Every character is kept; lines break at spaces where possible.
import stringWidth from 'string-width';

const widthCache = new Map<string, number>();

// Characters that can join others into one emoji (surrogate pairs, ZWJ, variation selector 16,
// keycap) or start an ANSI escape: a string holding one is measured whole by string-width.
// Without them, string-width's width is exactly the sum of its characters' widths.
// eslint-disable-next-line no-control-regex
const JOINING = /\u001b|\u009b|\u200d|\u20e3|\ufe0f|[\ud800-\udfff]/;

/**
 * Display width: plain ASCII is its length; other text is the sum of its characters' widths
 * (each measured by string-width once); text that may hold emoji sequences or escapes is
 * measured whole by string-width, once per distinct string.
 */
export function displayWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  if (!JOINING.test(text)) return sumOfCharWidths(text);
  let width = widthCache.get(text);
  if (width === undefined) {
    width = stringWidth(text);
    if (widthCache.size < 100_000) widthCache.set(text, width);
  }
  return width;
}

/** Widths of BMP characters, measured by string-width once each: 0 means not yet measured. */
const bmpWidthPlusOne = new Uint8Array(0x10000);

function bmpCharWidth(code: number): number {
  let stored = bmpWidthPlusOne[code]!;
  if (stored === 0) {
    stored = stringWidth(String.fromCharCode(code)) + 1;
    bmpWidthPlusOne[code] = stored;
  }
  return stored - 1;
}

/** For text without surrogates: the sum of the widths of its (BMP) characters. */
function sumOfCharWidths(text: string): number {
  let width = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    width += code >= 0x20 && code <= 0x7e ? 1 : bmpCharWidth(code);
  }
  return width;
}

const charWidthCache = new Map<string, number>();

/** Width of one character (a code point): ASCII is 1; others are measured once each. */
function charWidth(char: string): number {
  const code = char.charCodeAt(0);
  if (char.length === 1) return code >= 0x20 && code <= 0x7e ? 1 : bmpCharWidth(code);
  let width = charWidthCache.get(char);
  if (width === undefined) {
    width = stringWidth(char);
    charWidthCache.set(char, width);
  }
  return width;
}

export function wrapToWidth(text: string, maxWidth: number): string {
  if (maxWidth <= 0 || displayWidth(text) <= maxWidth) return text;
  const lines: string[] = [];
  let line = '';
  let lineWidth = 0;
  for (const char of text) {
    const width = charWidth(char);
    if (lineWidth + width > maxWidth && line) {
      const lastSpace = line.lastIndexOf(' ');
      if (char !== ' ' && lastSpace > 0 && lastSpace > line.length / 2 && /^[\x20-\x7e]*$/.test(line.slice(lastSpace))) {
        lines.push(line.slice(0, lastSpace));
        line = line.slice(lastSpace + 1);
        lineWidth = displayWidth(line);
      } else {
        lines.push(line);
        line = '';
        lineWidth = 0;
      }
      if (char === ' ') continue;
    }
    line += char;
    lineWidth += width;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
