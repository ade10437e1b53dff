// Human and CI formats for diagnostics: text (file:line:col, code frame, caret), GitHub workflow commands.
import type { Diagnostic } from '../core/diagnostics.js';
import { diagnosticMessage } from '../i18n/diagnostic-messages.js';
import { t } from '../i18n/labels.js';
import type { FormatContext } from './context.js';
import { safeText } from './display.js';
import { displayWidth } from './wrap.js';

/** file path → its text, for code frames (absent for files that could not be decoded) */
export type SourceTexts = ReadonlyMap<string, string>;

function codeFrame(text: string | undefined, line: number, column: number, ctx: FormatContext): string[] {
  if (text === undefined) return [];
  const lines = text.split('\n');
  const source = lines[line - 1];
  if (source === undefined) return [];
  const gutter = String(line).length;
  const before = lines[line - 2];
  const out: string[] = [];
  if (before !== undefined && line > 1) out.push(ctx.chalk.dim(`  ${String(line - 1).padStart(gutter)} | ${safeText(before)}`));
  out.push(`> ${String(line).padStart(gutter)} | ${safeText(source)}`);
  const prefix = safeText([...source].slice(0, Math.max(column - 1, 0)).join(''));
  out.push(`  ${' '.repeat(gutter)} | ${' '.repeat(displayWidth(prefix))}${ctx.chalk.red('^')}`);
  return out;
}

/** A spreadsheet column's letters: 1 is A, 27 is AA. */
export function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** file:line:col, or for a spreadsheet's cell file:报送!C7. */
export function positionText(d: Pick<Diagnostic, 'file' | 'line' | 'column' | 'sheet'>): string {
  return d.sheet === undefined ? `${d.file}:${d.line}:${d.column}` : `${d.file}:${d.sheet}!${columnLetters(d.column)}${d.line}`;
}

export function formatDiagnosticsText(diagnostics: readonly Diagnostic[], sources: SourceTexts, ctx: FormatContext): string {
  const out: string[] = [];
  let currentFile: string | undefined;
  for (const d of diagnostics) {
    if (d.file !== currentFile) {
      if (currentFile !== undefined) out.push('');
      out.push(ctx.chalk.underline(d.file));
      currentFile = d.file;
    }
    const severity = d.severity === 'error' ? ctx.chalk.red(t(ctx.lang, 'severity.error')) : ctx.chalk.yellow(t(ctx.lang, 'severity.warning'));
    out.push(`${positionText(d)}  ${severity}  ${ctx.chalk.bold(d.code)}  ${safeText(diagnosticMessage(d.code, d.args, ctx.lang))}`);
    out.push(...codeFrame(sources.get(d.file), d.line, d.column, ctx));
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

const escapeData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatDiagnosticsGithub(diagnostics: readonly Diagnostic[], ctx: FormatContext): string {
  return diagnostics
    .map((d) => `::${d.severity === 'error' ? 'error' : 'warning'} file=${escapeProperty(d.file)},line=${d.line},col=${d.column},title=${escapeProperty(d.code)}::${escapeData(`${d.code}: ${safeText(diagnosticMessage(d.code, d.args, ctx.lang))}`)}\n`)
    .join('');
}
