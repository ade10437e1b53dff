// Wrap cell text to a width in terminal columns ourselves: cli-table3's own wrapping drops CJK
// characters. Every character is kept; lines break at spaces where possible.
import stringWidth from 'string-width';

const widthCache = new Map<string, number>();

/** Display width, measured once per distinct string, with a fast path for plain ASCII. */
export function displayWidth(text: string): number {
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let width = widthCache.get(text);
  if (width === undefined) {
    width = stringWidth(text);
    if (widthCache.size < 100_000) widthCache.set(text, width);
  }
  return width;
}

const charWidthCache = new Map<string, number>();

/** Width of one character (a code point): ASCII is 1; others are measured once each. */
function charWidth(char: string): number {
  const code = char.charCodeAt(0);
  if (char.length === 1 && code >= 0x20 && code <= 0x7e) return 1;
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
