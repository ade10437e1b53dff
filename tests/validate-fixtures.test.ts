// Invalid inputs, one folder each under tests/fixtures/invalid/, run through the CLI in process (run()):
// `plan-check validate <folder> --format json --no-config`. Every case names the diagnostics it must
// produce (code, file, line, column) and the exit code. The set of error-severity diagnostics must
// match exactly; warnings are compared where a case expects one.
//
// Positions are 1-based; a column counts characters (as an editor, GitHub annotations and the text
// format's caret do), also in CSV files: a CSV problem points at the first character of its cell.
// Expectations say what is right, not what the tool happens to print today.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ExpectedDiagnostic, STACK_FRAME, repoRoot, runCli } from './helpers.js';

type Severity = 'error' | 'warning';

type Expected = ExpectedDiagnostic;

interface Case {
  name: string;
  expect: Expected[];
  exit: 0 | 1 | 2;
}

const P = 'x.plan.yaml';
const A = 'x.actuals.yaml';
const C = 'x.actuals.csv';

const cases: Case[] = [
  // ── reading files ──────────────────────────────────────────────────────────────────────────
  { name: 'empty-file', expect: [{ file: P, line: 1, column: 1, code: 'file-empty' }], exit: 1 },
  {
    name: 'encoding-gb18030', // Chinese text saved as GB18030 (iconv -f utf-8 -t gb18030)
    expect: [{ file: P, line: 1, column: 1, code: 'file-encoding', message: /GB18030/ }],
    exit: 1,
  },
  {
    name: 'encoding-utf16', // UTF-16 with a byte-order mark (iconv -t utf-16)
    expect: [{ file: P, line: 1, column: 1, code: 'file-encoding', message: /UTF-16/ }],
    exit: 1,
  },
  {
    name: 'encoding-utf16le-no-bom', // UTF-16LE without a BOM: text, not a binary file
    expect: [{ file: P, line: 1, column: 1, code: 'file-encoding', message: /UTF-16/ }],
    exit: 1,
  },
  {
    name: 'zip-renamed', // an .xlsx-like ZIP archive renamed to .plan.yaml
    expect: [{ file: P, line: 1, column: 1, code: 'file-binary', message: /ZIP/ }],
    exit: 1,
  },

  // ── YAML structure ─────────────────────────────────────────────────────────────────────────
  // `end:` is less indented than `start:`: the caret belongs on `end`, not on the line's first space
  { name: 'yaml-bad-indentation', expect: [{ file: P, line: 6, column: 3, code: 'yaml-syntax' }], exit: 1 },
  // `end:` is one space deeper than `start:`: one error, on the over-indented `end`
  // yaml reads the over-indented `end:` as a mapping nested in the value of `start:` on line 5,
  // and points where that value begins; one message, not two (both of yaml's errors sit there)
  { name: 'yaml-over-indented', expect: [{ file: P, line: 5, column: 10, code: 'yaml-syntax' }], exit: 1 },
  // the unclosed quote is where the string opens
  { name: 'yaml-unclosed-quote', expect: [{ file: P, line: 3, column: 8, code: 'yaml-syntax' }], exit: 1 },
  {
    name: 'duplicate-key',
    expect: [{ file: P, line: 9, column: 5, code: 'yaml-duplicate-key', message: /"title".*line 7/ }],
    exit: 1,
  },
  {
    name: 'duplicate-key-number-vs-string', // `1:` and `"1":` are one key
    expect: [{ file: P, line: 6, column: 1, code: 'yaml-duplicate-key', message: /"1".*line 5/ }],
    exit: 1,
  },
  {
    name: 'yaml-anchor-alias', // at the `&lead` and at the `*lead`
    expect: [
      { file: P, line: 8, column: 11, code: 'yaml-alias' },
      { file: P, line: 11, column: 11, code: 'yaml-alias' },
    ],
    exit: 1,
  },
  {
    name: 'yaml-explicit-tag', // at the `!!str` the user wrote, named as written
    expect: [{ file: P, line: 6, column: 9, code: 'yaml-tag', message: /!!str/ }],
    exit: 1,
  },
  { name: 'yaml-two-documents', expect: [{ file: P, line: 7, column: 1, code: 'yaml-multiple-documents' }], exit: 1 },

  // ── schema ─────────────────────────────────────────────────────────────────────────────────
  {
    name: 'unknown-key-misspelt', // `titel`: the task also lacks `title`
    expect: [
      { file: P, line: 6, column: 5, code: 'missing-key', message: /"title"/ },
      { file: P, line: 7, column: 5, code: 'unknown-key', message: /"titel".*Did you mean "title"\?/ },
    ],
    exit: 1,
  },
  { name: 'missing-key', expect: [{ file: P, line: 6, column: 5, code: 'missing-key', message: /"lead"/ }], exit: 1 },
  {
    name: 'task-id-unquoted-number', // id: 01 and id: 1.10, quoted back as written
    expect: [
      { file: P, line: 6, column: 9, code: 'number-as-text', message: /"01"/ },
      { file: P, line: 9, column: 9, code: 'number-as-text', message: /"1\.10"/ },
    ],
    exit: 1,
  },
  // `lead: 5` is not a unit name that lost its quotes: "quote it ("5")" would be the wrong advice
  // a unit name written as a bare number is text that YAML read as a number, like `id: 01`:
  // the useful advice is to quote it
  { name: 'wrong-type-lead', expect: [{ file: P, line: 8, column: 11, code: 'number-as-text', message: /"lead"|quote/ }], exit: 1 },
  {
    name: 'wrong-type-targets',
    expect: [{ file: P, line: 9, column: 14, code: 'wrong-type', message: /"targets".*mapping/ }],
    exit: 1,
  },
  {
    name: 'invalid-enum-progress',
    expect: [{ file: P, line: 13, column: 19, code: 'invalid-value', message: /"fast".*linear, at_due/ }],
    exit: 1,
  },
  {
    name: 'invalid-enum-every',
    expect: [{ file: P, line: 9, column: 12, code: 'invalid-value', message: /"daily".*month/ }],
    exit: 1,
  },
  { name: 'unknown-format', expect: [{ file: P, line: 1, column: 9, code: 'unknown-format', message: /plan\/2/ }], exit: 1 },
  {
    name: 'negative-population',
    expect: [{ file: P, line: 5, column: 13, code: 'absurd-number', message: /population/ }],
    exit: 1,
  },
  {
    name: 'report-every-and-due', // the message names a field, not the list index "0"; it points at due, the key to remove
    expect: [{ file: P, line: 11, column: 5, code: 'invalid-value', message: /^(?!"\d+")(?=.*every)(?=.*due)/ }],
    exit: 1,
  },
  {
    name: 'report-every-without-day',
    expect: [{ file: P, line: 6, column: 5, code: 'missing-key', message: /"day"/ }],
    exit: 1,
  },

  // ── dates ──────────────────────────────────────────────────────────────────────────────────
  {
    name: 'impossible-date', // 2023-02-30 and 2023-02-29 (2023 is not a leap year)
    expect: [
      { file: P, line: 4, column: 9, code: 'invalid-date', message: /2023-02-30/ },
      { file: P, line: 7, column: 39, code: 'invalid-date', message: /2023-02-29/ },
    ],
    exit: 1,
  },
  {
    name: 'date-wrong-shape', // 2024/5/30
    expect: [{ file: P, line: 9, column: 10, code: 'invalid-date', message: /2024\/5\/30/ }],
    exit: 1,
  },
  { name: 'period-start-after-end', expect: [{ file: P, line: 6, column: 8, code: 'start-after-due' }], exit: 1 },
  { name: 'task-start-after-due', expect: [{ file: P, line: 10, column: 10, code: 'start-after-due' }], exit: 1 },
  {
    name: 'due-outside-period', // a warning only: valid, exit 0
    expect: [{ file: P, line: 9, column: 10, code: 'due-outside-period', severity: 'warning', message: /2025-03-31/ }],
    exit: 0,
  },

  // ── duties (v2) ────────────────────────────────────────────────────────────────────────────
  {
    name: 'duties-renamed-reports', // the v1 key, in a plan and in actuals: an error naming the new key
    expect: [
      { file: P, line: 5, column: 1, code: 'renamed-key', message: /"reports".*"duties"/ },
      { file: A, line: 3, column: 1, code: 'renamed-key', message: /"reports".*"duties"/ },
    ],
    exit: 1,
  },
  {
    name: 'duties-renamed-submitted', // submitted → date; no second "missing date" for the same record
    expect: [{ file: A, line: 5, column: 39, code: 'renamed-key', message: /"submitted".*"date"/ }],
    exit: 1,
  },
  {
    name: 'duties-unknown-owner', // an owner in a list, not in the registry; an empty owner list
    expect: [
      { file: P, line: 7, column: 51, code: 'unknown-unit', message: /"区卫键局".*Did you mean "区卫健局"\?/ },
      { file: P, line: 8, column: 39, code: 'invalid-value', message: /"owner"/ },
    ],
    exit: 1,
  },
  {
    // issued 2024-03-15: the office's monthly duty falls due 04-10, 05-10, …; members' 04-05, 05-05, …
    name: 'duties-record-misuse',
    expect: [
      { file: A, line: 4, column: 5, code: 'missing-reported-by', message: /区市场监管局, 区卫健局/ },
      { file: A, line: 5, column: 70, code: 'not-duty-owner', severity: 'warning', message: /"区教体局"/ },
      { file: A, line: 6, column: 70, code: 'unknown-unit', message: /"区卫生局".*Did you mean "区卫健局"\?/ },
      { file: A, line: 7, column: 27, code: 'unknown-occurrence', severity: 'warning', message: /2024-04-06.*nearest is due 2024-04-05/ },
      { file: A, line: 8, column: 44, code: 'record-before-start', message: /2024-03-01.*2024-03-15/ },
      { file: A, line: 9, column: 5, code: 'unknown-ref', message: /"ofice".*Did you mean "office"\?/ },
      { file: A, line: 10, column: 26, code: 'unknown-occurrence', severity: 'warning', message: /2024-03-10.*nearest is due 2024-04-10/ },
    ],
    exit: 1,
  },

  // ── targets, owners, ids ───────────────────────────────────────────────────────────────────
  { name: 'per-capita-without-population', expect: [{ file: P, line: 12, column: 17, code: 'missing-population' }], exit: 1 },
  {
    name: 'unparsable-target', // ">= about 100" and 大约1900 (v2 reads 不少于1900; 大约 is no comparison)
    expect: [
      { file: P, line: 12, column: 17, code: 'invalid-target', message: /about 100/ },
      { file: P, line: 15, column: 17, code: 'invalid-target', message: /大约1900.*>= 1900/ },
    ],
    exit: 1,
  },
  {
    name: 'absurd-target', // >= 1.9e13
    expect: [{ file: P, line: 12, column: 17, code: 'absurd-number' }],
    exit: 1,
  },
  {
    name: 'unknown-unit', // 区市场监督局 is a slip for 区市场监管局
    expect: [{ file: P, line: 12, column: 12, code: 'unknown-unit', message: /"区市场监督局".*Did you mean "区市场监管局"\?/ }],
    exit: 1,
  },
  {
    name: 'duplicate-task-id', // "3" in two sections
    expect: [{ file: P, line: 11, column: 15, code: 'duplicate-id', message: /task id "3".*line 8/ }],
    exit: 1,
  },
  {
    name: 'duplicate-target-id',
    expect: [{ file: P, line: 11, column: 15, code: 'duplicate-id', message: /target id "sampling".*line 10/ }],
    exit: 1,
  },
  {
    name: 'duplicate-phase-id',
    expect: [{ file: P, line: 8, column: 11, code: 'duplicate-id', message: /phase id "mobilize".*line 6/ }],
    exit: 1,
  },
  {
    name: 'duplicate-plan-id', // at the second file's `id` value, as the other duplicate-id diagnostics are
    expect: [{ file: 'b.plan.yaml', line: 3, column: 5, code: 'duplicate-id', message: /plan id "demo-2024".*a\.plan\.yaml/ }],
    exit: 1,
  },

  // ── actuals (each folder holds a valid demo-2024.plan.yaml) ────────────────────────────────
  {
    name: 'actuals-unknown-plan',
    expect: [{ file: A, line: 2, column: 7, code: 'unknown-plan', message: /"demo-2042".*Did you mean "demo-2024"\?/ }],
    exit: 1,
  },
  {
    name: 'actuals-unknown-ref',
    expect: [{ file: A, line: 7, column: 15, code: 'unknown-ref', message: /"4\/food-samplng".*Did you mean "4\/food-sampling"\?/ }],
    exit: 1,
  },
  { name: 'actuals-percent-for-count', expect: [{ file: A, line: 6, column: 39, code: 'value-kind-mismatch' }], exit: 1 },
  { name: 'actuals-number-for-percent', expect: [{ file: A, line: 7, column: 12, code: 'value-kind-mismatch' }], exit: 1 },
  { name: 'actuals-negative-value', expect: [{ file: A, line: 7, column: 12, code: 'negative-value' }], exit: 1 },
  { name: 'actuals-done-exceeds-of', expect: [{ file: A, line: 7, column: 12, code: 'done-exceeds-of' }], exit: 1 },
  { name: 'actuals-zero-of', expect: [{ file: A, line: 7, column: 12, code: 'zero-of' }], exit: 1 },
  {
    name: 'actuals-as-of-outside-period', // a warning only, on the row that inherits as_of 2025-01-15
    expect: [{ file: A, line: 6, column: 5, code: 'as-of-outside-period', severity: 'warning', message: /2025-01-15/ }],
    exit: 0,
  },
  {
    name: 'actuals-bare-percentages-two-units',
    expect: [
      { file: A, line: 5, column: 38, code: 'percent-needs-fraction' },
      { file: A, line: 6, column: 38, code: 'percent-needs-fraction' },
    ],
    exit: 1,
  },

  // ── CSV actuals (columns are characters: the first character of the cell) ───────────────────
  {
    name: 'csv-unknown-column', // `notes`
    expect: [{ file: C, line: 1, column: 37, code: 'csv-unknown-column', message: /"notes".*Did you mean "note"\?/ }],
    exit: 1,
  },
  {
    name: 'csv-duplicate-column', // value and 数值
    expect: [{ file: C, line: 1, column: 37, code: 'csv-duplicate-column', message: /数值/ }],
    exit: 1,
  },
  {
    name: 'csv-missing-column',
    expect: [{ file: C, line: 1, column: 1, code: 'csv-missing-column', message: /"as_of"/ }],
    exit: 1,
  },
  {
    name: 'csv-ragged-row',
    expect: [{ file: C, line: 3, column: 1, code: 'csv-syntax', message: /5 fields.*6/ }],
    exit: 1,
  },
  // the quote that never closes opens the note cell of line 2
  { name: 'csv-unclosed-quote', expect: [{ file: C, line: 2, column: 50, code: 'csv-syntax' }], exit: 1 },
  // a comma CSV reads "1,900" as 1900 now (issue 18, docs/format.md: digits grouped in threes, as
  // Excel writes them); in a ;-separated CSV, where the comma is a decimal mark, 1,900 could be 1.9
  // and stays an error. "demo-2024;4/food-sampling;2024-06-30;" is 9+1+15+1+10+1 = 37 characters.
  {
    name: 'csv-thousands-separator', // sep=; and 1,900
    expect: [{ file: C, line: 3, column: 37 + 1, code: 'invalid-value-cell', message: /thousands separators/ }],
    exit: 1,
  },
  {
    name: 'csv-not-a-number', // abc
    expect: [{ file: C, line: 2, column: 38, code: 'invalid-value-cell', message: /"abc"/ }],
    exit: 1,
  },
  {
    name: 'csv-bad-date', // 6/30/2024 (contract v2 reads 2024/6/30; a month-first date is refused)
    expect: [{ file: C, line: 2, column: 27, code: 'invalid-date', message: /6\/30\/2024.*2024年6月30日 are read too/ }],
    exit: 1,
  },
  {
    name: 'csv-semicolon-header', // one diagnostic about the delimiter, not an "unknown column" as well
    expect: [{ file: C, line: 1, column: 1, code: 'csv-syntax', message: /";"/ }],
    exit: 1,
  },

  // ── one run, several files, every problem ──────────────────────────────────────────────────
  {
    name: 'many-errors-many-files',
    expect: [
      { file: 'a.plan.yaml', line: 11, column: 9, code: 'duplicate-id' },
      { file: 'b.plan.yaml', line: 5, column: 1, code: 'yaml-duplicate-key' },
      { file: 'c.actuals.yaml', line: 7, column: 15, code: 'unknown-ref' },
      { file: 'd.actuals.csv', line: 3, column: 1, code: 'csv-syntax' },
      { file: 'sub/e.plan.yaml', line: 1, column: 1, code: 'missing-key', message: /"title"/ },
    ],
    exit: 1,
  },
];

/** Cases also run with --format text and --format github. */
const formatCases = [
  'duplicate-key',
  'task-id-unquoted-number',
  'unknown-unit',
  'actuals-unknown-ref',
  'csv-ragged-row',
  'due-outside-period',
  'many-errors-many-files',
];

const fixturesRoot = path.join(repoRoot, 'tests', 'fixtures', 'invalid');
const folderOf = (name: string): string => `tests/fixtures/invalid/${name}`;

interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  code: string;
  message: string;
}

const key = (d: { file: string; line: number; column: number; code: string }): string => `${d.file}:${d.line}:${d.column} ${d.code}`;

function expectedFor(c: Case, severity: Severity): string[] {
  return c.expect
    .filter((e) => (e.severity ?? 'error') === severity)
    .map((e) => key({ ...e, file: `${folderOf(c.name)}/${e.file}` }))
    .sort();
}

function runValidate(name: string, format: 'json' | 'text' | 'github') {
  return runCli(['validate', folderOf(name), '--format', format, '--no-config']);
}

function assertNoStackTrace(stderr: string): void {
  expect(stderr).not.toMatch(STACK_FRAME);
}

describe('invalid fixtures', () => {
  it('has at least 40 cases, one per folder, each folder in the table', () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const names = cases.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    const folders = readdirSync(fixturesRoot, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders).toEqual([...names].sort());
  });

  for (const c of cases) {
    it(`${c.name}: ${c.expect.map((e) => `${e.code}@${e.file}:${e.line}:${e.column}`).join(', ')} (exit ${c.exit})`, async () => {
      const result = await runValidate(c.name, 'json');
      assertNoStackTrace(result.stderr);
      let output: { valid: boolean; diagnostics: JsonDiagnostic[] };
      try {
        output = JSON.parse(result.stdout) as typeof output;
      } catch {
        throw new Error(`stdout is not JSON (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
      }
      const shown = output.diagnostics.map((d) => `${key(d)} [${d.severity}] ${d.message}`).join('\n');
      const actualErrors = output.diagnostics
        .filter((d) => d.severity === 'error')
        .map(key)
        .sort();
      expect(actualErrors, `diagnostics:\n${shown}`).toEqual(expectedFor(c, 'error'));

      const expectedWarnings = expectedFor(c, 'warning');
      if (expectedWarnings.length > 0) {
        const actualWarnings = output.diagnostics
          .filter((d) => d.severity === 'warning')
          .map(key)
          .sort();
        expect(actualWarnings, `diagnostics:\n${shown}`).toEqual(expectedWarnings);
      }

      for (const e of c.expect) {
        if (!e.message && !e.notMessage) continue;
        const file = `${folderOf(c.name)}/${e.file}`;
        const match =
          output.diagnostics.find((d) => key(d) === key({ ...e, file })) ??
          output.diagnostics.find((d) => d.file === file && d.code === e.code);
        expect(match, `no ${e.code} in ${file}:\n${shown}`).toBeDefined();
        if (e.message) expect(match!.message).toMatch(e.message);
        if (e.notMessage) expect(match!.message).not.toMatch(e.notMessage);
      }

      expect(output.valid).toBe(expectedFor(c, 'error').length === 0);
      expect(result.status, `exit code; diagnostics:\n${shown}\n${result.stderr}`).toBe(c.exit);
    });
  }
});

describe('validate --format text and github point at the same places', () => {
  const byName = new Map(cases.map((c) => [c.name, c]));
  for (const name of formatCases) {
    const c = byName.get(name)!;

    it(`${name}: text prints file:line:col, severity and code`, async () => {
      const result = await runValidate(name, 'text');
      assertNoStackTrace(result.stderr);
      for (const e of c.expect) {
        const place = `${folderOf(name)}/${e.file}:${e.line}:${e.column}`;
        expect(result.stdout).toMatch(new RegExp(`^${escapeRegExp(place)}\\s+${e.severity ?? 'error'}\\s+${escapeRegExp(e.code)}\\s`, 'm'));
      }
      expect(result.status).toBe(c.exit);
    });

    it(`${name}: github prints ::${c.expect[0]!.severity ?? 'error'} file=…,line=…,col=…::`, async () => {
      const result = await runValidate(name, 'github');
      assertNoStackTrace(result.stderr);
      for (const e of c.expect) {
        const command = `::${e.severity ?? 'error'} file=${folderOf(name)}/${e.file},line=${e.line},col=${e.column}`;
        expect(result.stdout).toMatch(new RegExp(`^${escapeRegExp(command)}[,:].*::${escapeRegExp(e.code)}`, 'm'));
      }
      expect(result.status).toBe(c.exit);
    });
  }
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
