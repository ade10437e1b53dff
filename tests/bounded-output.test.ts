// Text diagnostics stay bounded (issue 22): a code frame shows a window around the column, not the
// whole line; at most MAX_DIAGNOSTICS_SHOWN diagnostics are written in full, then one "N more" line.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { type Diagnostic, makeDiagnostic } from '../src/core/diagnostics.js';
import type { FormatContext } from '../src/report/context.js';
import { FRAME_WINDOW, MAX_DIAGNOSTICS_SHOWN, formatDiagnosticsText } from '../src/report/diagnostics-text.js';
import { runCli } from './helpers.js';

const ctx = (lang: 'en' | 'zh-CN' = 'en'): FormatContext => ({ lang, chalk: new Chalk({ level: 0 }), columns: undefined, bom: false });
const at = (file: string, line: number, column: number): Diagnostic =>
  makeDiagnostic('yaml-syntax', file, { line, column }, { detail: 'x' });

describe('code frames', () => {
  it('crop a long line to a window around the column, with … at each cut, and the caret under the column', () => {
    const line = Array.from({ length: 90_000 }, (_, i) => String.fromCharCode(0x61 + (i % 26))).join('');
    const text = `first: line\n${line}\nlast: line\n`;
    const out = formatDiagnosticsText([at('big.plan.yaml', 2, 50_000)], new Map([['big.plan.yaml', text]]), ctx());
    const lines = out.trimEnd().split('\n');
    // the window starts 60 code points before the column: index 50,000 - 1 - 60 = 49,939
    const from = 50_000 - 1 - FRAME_WINDOW / 2;
    expect(lines[3]).toBe(`> 2 | …${line.slice(from, from + FRAME_WINDOW)}…`);
    // the caret: after "  " + gutter (1) + " | ", under the column's character, which is the 1 + 60 + 1 = 62nd shown
    const caret = lines[4]!;
    expect(caret).toBe(`    | ${' '.repeat(1 + FRAME_WINDOW / 2)}^`);
    expect(lines[3]![caret.indexOf('^')]).toBe(line[50_000 - 1]);
    expect(out.length).toBeLessThan(1000);
  });

  it('near the start or the end of a long line: one cut only', () => {
    const line = 'x'.repeat(500);
    const start = formatDiagnosticsText([at('a.plan.yaml', 1, 3)], new Map([['a.plan.yaml', line]]), ctx()).split('\n');
    expect(start[2]).toBe(`> 1 | ${'x'.repeat(FRAME_WINDOW)}…`);
    expect(start[3]).toBe('    |   ^');
    const end = formatDiagnosticsText([at('a.plan.yaml', 1, 500)], new Map([['a.plan.yaml', line]]), ctx()).split('\n');
    expect(end[2]).toBe(`> 1 | …${'x'.repeat(FRAME_WINDOW)}`);
    // column 500 is the last of the window 380..499: shown at 1 (…) + 120 = 121
    expect(end[3]).toBe(`    | ${' '.repeat(FRAME_WINDOW)}^`);
  });

  it('a short line is shown whole, as before', () => {
    const out = formatDiagnosticsText([at('a.plan.yaml', 2, 4)], new Map([['a.plan.yaml', 'id: x\ntitle: [\n']]), ctx()).split('\n');
    expect(out.slice(2, 5)).toEqual(['  1 | id: x', '> 2 | title: [', '    |    ^']);
  });
});

describe('the number of diagnostics written in full', () => {
  it(`is ${MAX_DIAGNOSTICS_SHOWN}, then one line counts the rest, in both languages`, () => {
    const rows = 50_000;
    const text = Array.from({ length: rows }, (_, i) => `row ${i}`).join('\n');
    const diagnostics = Array.from({ length: rows }, (_, i) => at('many.actuals.csv', i + 1, 1));
    const en = formatDiagnosticsText(diagnostics, new Map([['many.actuals.csv', text]]), ctx())
      .trimEnd()
      .split('\n');
    expect(en.at(-1)).toBe(`… and ${rows - MAX_DIAGNOSTICS_SHOWN} more not shown here (--format json lists every one).`);
    expect(en.filter((line) => line.startsWith('many.actuals.csv:'))).toHaveLength(MAX_DIAGNOSTICS_SHOWN);
    // the last one written is row 500, with its frame
    expect(en).toContain(`> ${MAX_DIAGNOSTICS_SHOWN} | row ${MAX_DIAGNOSTICS_SHOWN - 1}`);
    const zh = formatDiagnosticsText(diagnostics, new Map([['many.actuals.csv', text]]), ctx('zh-CN'))
      .trimEnd()
      .split('\n');
    expect(zh.at(-1)).toBe(`……另有 ${rows - MAX_DIAGNOSTICS_SHOWN} 条未在此显示（--format json 列出全部）。`);
  });
});

describe('through validate', () => {
  it('an 89 KB one-line YAML gives a few lines of output, not the line', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'plan-check-oneline-'));
    try {
      const title = '很长的标题'.repeat(6000); // 30,000 characters, 90,000 bytes
      writeFileSync(
        path.join(folder, 'x.plan.yaml'),
        `{format: plan/1, id: x, title: "${title}", period: {start: 2024-01-01, end: 2024-12-31}, units: [甲], tasks: [{id: "1", title: 任务, lead: [甲], bogus: 1}]}\n`,
      );
      const result = await runCli(['validate', '.', '--no-config', '--no-cache', '--lang', 'en'], { cwd: folder });
      expect(result.status).toBe(1);
      expect(result.stdout.length).toBeLessThan(4000);
      expect(result.stdout).toMatch(/…/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
