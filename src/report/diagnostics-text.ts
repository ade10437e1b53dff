// Human and CI formats for diagnostics: text (file:line:col, code frame, caret), GitHub workflow commands.
import type { Diagnostic } from '../core/diagnostics.js';
import { diagnosticMessage } from '../i18n/diagnostic-messages.js';
import { t } from '../i18n/labels.js';
import type { FormatContext } from './context.js';
import type { DiagnosticsReport } from './reports.js';
import { safeText } from './display.js';
import { escapeForTerminal } from './escape.js';
import { displayWidth } from './wrap.js';

/** file path → its text, for code frames (absent for files that could not be decoded) */
type SourceTexts = ReadonlyMap<string, string>;

/** Code points of a source line shown around the column; a longer line is cropped to this window, with … at each cut. */
export const FRAME_WINDOW = 120;
/** Diagnostics written in full per run; the rest are counted in one line (every format but text keeps them all). */
export const MAX_DIAGNOSTICS_SHOWN = 500;

/** Where each line of a text starts: computed once per file, so a frame costs its line, not the file. */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) starts.push(at + 1);
  return starts;
}

/** A file's text with its line starts, made on first use within one formatting call. */
interface IndexedText {
  text: string;
  starts: number[];
}

function lineOf(source: IndexedText, line: number): string | undefined {
  if (line < 1 || line > source.starts.length) return undefined;
  const start = source.starts[line - 1]!;
  const next = source.starts[line];
  return source.text.slice(start, next === undefined ? source.text.length : next - 1);
}

/**
 * The part of a line around column `column` (1-based, in code points), at most FRAME_WINDOW code
 * points, and the column within it. A line of 89 KB prints a few hundred bytes, not the line.
 */
function cropped(line: string, column: number): { text: string; column: number } {
  if (line.length <= FRAME_WINDOW) return { text: line, column }; // UTF-16 length ≥ code points
  const points = [...line];
  if (points.length <= FRAME_WINDOW) return { text: line, column };
  const half = Math.floor(FRAME_WINDOW / 2);
  const from = Math.max(0, Math.min(column - 1 - half, points.length - FRAME_WINDOW));
  const to = from + FRAME_WINDOW;
  const head = from > 0 ? '…' : '';
  const tail = to < points.length ? '…' : '';
  return { text: `${head}${points.slice(from, to).join('')}${tail}`, column: column - from + head.length };
}

function codeFrame(source: IndexedText | undefined, line: number, column: number, ctx: FormatContext): string[] {
  if (source === undefined) return [];
  const current = lineOf(source, line);
  if (current === undefined) return [];
  const gutter = String(line).length;
  const before = line > 1 ? lineOf(source, line - 1) : undefined;
  const out: string[] = [];
  if (before !== undefined) out.push(ctx.chalk.dim(`  ${String(line - 1).padStart(gutter)} | ${safeText(cropped(before, column).text)}`));
  const shown = cropped(current, column);
  out.push(`> ${String(line).padStart(gutter)} | ${safeText(shown.text)}`);
  const prefix = safeText([...shown.text].slice(0, Math.max(shown.column - 1, 0)).join(''));
  out.push(`  ${' '.repeat(gutter)} | ${' '.repeat(displayWidth(prefix))}${ctx.chalk.red('^')}`);
  return out;
}

/** A spreadsheet column's letters: 1 is A, 27 is AA. */
function columnLetters(column: number): string {
  let letters = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) letters = String.fromCharCode(65 + ((rest - 1) % 26)) + letters;
  return letters;
}

/** file:line:col, or for a spreadsheet's cell file:报送!C7. */
function positionText(d: Pick<Diagnostic, 'file' | 'line' | 'column' | 'sheet'>): string {
  const file = escapeForTerminal(d.file);
  return d.sheet === undefined
    ? `${file}:${d.line}:${d.column}`
    : `${file}:${escapeForTerminal(d.sheet)}!${columnLetters(d.column)}${d.line}`;
}

/**
 * Diagnostics for a reader: each root cause with its code frame; the references that only follow
 * from a plan that did not load, or from a task or target its plan's errors dropped, are one line
 * per cause at the end (every machine format keeps them one by one, marked `follows`).
 */
export function formatDiagnosticsText(all: readonly Diagnostic[], sources: SourceTexts, ctx: FormatContext): string {
  const diagnostics = all.some((d) => d.follows !== undefined) ? all.filter((d) => d.follows === undefined) : all;
  const followers = { plan: 0, target: 0 };
  for (const d of all) if (d.follows !== undefined) followers[d.follows] += 1;
  const out: string[] = [];
  const indexed = new Map<string, IndexedText | undefined>();
  const indexedText = (file: string): IndexedText | undefined => {
    if (!indexed.has(file)) {
      const text = sources.get(file);
      indexed.set(file, text === undefined ? undefined : { text, starts: lineStartsOf(text) });
    }
    return indexed.get(file);
  };
  let currentFile: string | undefined;
  for (const d of diagnostics.slice(0, MAX_DIAGNOSTICS_SHOWN)) {
    if (d.file !== currentFile) {
      if (currentFile !== undefined) out.push('');
      out.push(ctx.chalk.underline(escapeForTerminal(d.file)));
      currentFile = d.file;
    }
    const severity =
      d.severity === 'error' ? ctx.chalk.red(t(ctx.lang, 'severity.error')) : ctx.chalk.yellow(t(ctx.lang, 'severity.warning'));
    out.push(`${positionText(d)}  ${severity}  ${ctx.chalk.bold(d.code)}  ${safeText(diagnosticMessage(d.code, d.args, ctx.lang))}`);
    out.push(...codeFrame(indexedText(d.file), d.line, d.column, ctx));
  }
  if (diagnostics.length > MAX_DIAGNOSTICS_SHOWN)
    out.push('', t(ctx.lang, 'diagnostics.more', { more: diagnostics.length - MAX_DIAGNOSTICS_SHOWN }));
  if (followers.plan > 0 || followers.target > 0) out.push('');
  if (followers.plan > 0) out.push(t(ctx.lang, 'diagnostics.follow_plan', { count: followers.plan }));
  if (followers.target > 0) out.push(t(ctx.lang, 'diagnostics.follow_target', { count: followers.target }));
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}

const escapeData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** validate's text format: the diagnostics with code frames, then one line that sums them up. */
export function formatValidateText({ diagnostics, texts, counts }: DiagnosticsReport, ctx: FormatContext): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  const values = { ...counts, actuals: counts.actualsFiles, errors, warnings, files: new Set(diagnostics.map((d) => d.file)).size };
  const key = errors > 0 ? 'validate.problems' : warnings > 0 ? 'validate.warnings_only' : 'validate.ok';
  return `${formatDiagnosticsText(diagnostics, texts, ctx)}${diagnostics.length > 0 ? '\n' : ''}${t(ctx.lang, key, values)}\n`;
}

export function formatDiagnosticsGithub({ diagnostics }: DiagnosticsReport, ctx: FormatContext): string {
  return diagnostics
    .map(
      (d) =>
        `::${d.severity === 'error' ? 'error' : 'warning'} file=${escapeProperty(escapeForTerminal(d.file))},line=${d.line},col=${d.column},title=${escapeProperty(d.code)}::${escapeData(`${d.code}: ${safeText(diagnosticMessage(d.code, d.args, ctx.lang))}`)}\n`,
    )
    .join('');
}
