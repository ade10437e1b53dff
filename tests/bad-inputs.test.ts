// The bad-input corpus (issue 5, hardening): what real users feed plan-check by mistake, one folder
// per case under tests/bad-inputs/. Inputs too large to commit (50 MB, 200,000 keys, 3,000-deep
// nesting, billion laughs) are written at test time by tests/bad-inputs/generate.mjs into a
// temporary folder; their case folders hold only a README.
//
// Every case runs through the CLI in process (run(), as the binary runs it; a case under a memory
// limit spawns the built binary): `plan-check validate <folder> --format json
// --no-config` (run from the folder's parent, so files read `<case>/<file>`), and many also through
// `plan-check gaps <folder> --format csv -o <tmp>/out.csv --as-of 2024-06-30 --no-config`. Each
// asserts the exact set of diagnostics (code, file, line:col; errors and warnings alike), the
// exit code, no stack trace and no "internal error" on stderr, an answer within a time limit, and
// that nothing is written: the case folder is unchanged afterwards, and the -o file exists only
// after a run that succeeded, with no temporary file beside it.
//
// Positions are 1-based; columns count characters, as editors do. Expectations say what is right,
// not what the tool happens to print: a case that fails names a bug (see the hardening report).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateProject, loadProject, sourceKindOf, type SourceFile } from '../src/core/project.js';
import { parseIsoDate } from '../src/core/dates.js';
import { generate, generators, yamlOneLongLineText } from './bad-inputs/generate.mjs';
import { type ExpectedDiagnostic, STACK_FRAME, binPath, repoRoot, runCli } from './helpers.js';

type Severity = 'error' | 'warning';
type Exit = 0 | 1 | 2;

type Expected = ExpectedDiagnostic;

interface Variant {
  /** what differs from the case's own run */
  args: string[];
  expect: Expected[];
  exit: Exit;
}

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
  timedOut: boolean;
}

interface CaseContext {
  /** the folder that holds the case folder (cwd of every run) */
  root: string;
  /** run the binary from `root` */
  run: (args: string[], seconds?: number) => Promise<Result>;
  /** the rows of the CSV that the case's `gaps -o` run wrote (cases with `gaps` and exit 0) */
  rows: GapsRow[];
}

interface Case {
  name: string;
  expect: Expected[];
  exit: Exit;
  /** extra options for every run of the case (validate and gaps) */
  args?: string[];
  /** the same folder again with other options */
  variants?: Variant[];
  /** also run `gaps --format csv -o`: it must exit as validate does and write only on success */
  gaps?: boolean;
  /** seconds the validate run may take (default 20) */
  within?: number;
  /** run under `ulimit -v` (KiB of address space) where a bug would otherwise eat the machine's memory */
  memoryLimitKb?: number;
  /** further checks on outputs */
  check?: (c: CaseContext) => Promise<void>;
}

/** One row of `gaps --format csv`, by its column names; numbers as written */
type GapsRow = Record<string, string>;

interface GapsJson {
  targets: { ref: string; owner: string; required: number; actual: number | null; status: string; metric: string; kind: string }[];
}

const P = 'x.plan.yaml';
const A = 'x.actuals.yaml';
const C = 'x.actuals.csv';
const AS_OF = '2024-06-30';

/** C0/C1 controls, DEL, bidi overrides and invisible characters: none may reach a terminal raw. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

function row(rows: GapsRow[], ref: string): GapsRow {
  const found = rows.find((r) => r.ref === ref);
  if (!found) throw new Error(`no row ${ref} in ${rows.map((r) => r.ref).join(', ')}`);
  return found;
}

function target(json: GapsJson, ref: string): GapsJson['targets'][number] {
  const found = json.targets.find((t) => t.ref === ref);
  if (!found) throw new Error(`no target ${ref} in ${json.targets.map((t) => t.ref).join(', ')}`);
  return found;
}

/** The 100 yaml-alias diagnostics of the billion-laughs file (see generate.mjs): every anchor and every alias. */
function billionLaughsExpected(): Expected[] {
  const out: Expected[] = [{ file: P, line: 3, column: 8, code: 'yaml-alias', message: /&a0/ }];
  for (let i = 1; i <= 9; i += 1) {
    out.push({ file: P, line: 3 + i, column: 5, code: 'yaml-alias' });
    for (let k = 0; k < 10; k += 1) out.push({ file: P, line: 3 + i, column: 10 + 4 * k, code: 'yaml-alias' });
  }
  return out;
}

/** Twenty 3,000-deep files: block (line 69, col 65), flow list (3:71), flow map (3:260) in turn. */
function deepTwentyExpected(): Expected[] {
  const places = [
    { line: 69, column: 65 },
    { line: 3, column: 71 },
    { line: 3, column: 260 },
  ];
  return Array.from({ length: 20 }, (_, i) => ({
    file: `d${String(i).padStart(2, '0')}.plan.yaml`,
    ...places[i % 3]!,
    code: 'yaml-too-deep',
  }));
}

/** 10,000 unknown columns x0…x9999 on line 1: "plan,target,as_of,value,reported_by," is 36 characters, then each "xI," */
function unknownColumnsExpected(): Expected[] {
  const out: Expected[] = [];
  let column = 36 + 1;
  for (let i = 0; i < 10_000; i += 1) {
    out.push({ file: C, line: 1, column, code: 'csv-unknown-column' });
    column += `x${i},`.length;
  }
  return out;
}

/** 20,000 tasks with id "1" on lines 6, 8, …: each after the first is duplicate-id at its id ("  - { id: " is 10 characters). */
const duplicateIdsExpected = (): Expected[] =>
  Array.from({ length: 19_999 }, (_, i) => ({ file: P, line: 6 + 2 * (i + 1), column: 10 + 1, code: 'duplicate-id' }));

/** 5,000 unregistered units on lines 2…5001: "aliases,1/a,2024-06-30,1," is 7+1+3+1+10+1+1+1 = 25 characters. */
const unregisteredUnitsExpected = (): Expected[] =>
  Array.from({ length: 5_000 }, (_, i) => ({ file: C, line: 2 + i, column: 25 + 1, code: 'unknown-unit' }));

/** 50,000 rows naming plan demo-2042 on lines 2…50001, each at its ref ("demo-2042," is 10 characters). */
const misspeltPlanExpected = (): Expected[] =>
  Array.from({ length: 50_000 }, (_, i) => ({
    file: C,
    line: 2 + i,
    column: 10 + 1,
    code: 'unknown-plan',
    ...(i === 0 ? { message: /demo-2042.*demo-2024/ } : {}),
  }));

/** One unknown-key per top-level key k0…k199999, each at its own line (5 + i), column 1. */
function manyUnknownExpected(): Expected[] {
  return Array.from({ length: 200_000 }, (_, i) => ({ file: P, line: 5 + i, column: 1, code: 'unknown-key' }));
}

/** The column of the bad date in the one-line plan: where the generator wrote it (1-based). */
const oneLongLineColumn = (): number => yamlOneLongLineText().indexOf('2024-13-01') + 1;

const cases: Case[] = [
  // ── resource abuse (generated by tests/bad-inputs/generate.mjs) ────────────────────────────────
  // (the slowest first: they start while the rest run beside them)
  // a conversion script dumped its 200,000-entry lookup table into the plan, one key twice
  {
    name: 'keys-200k-duplicate',
    expect: [{ file: P, line: 200_006, column: 3, code: 'yaml-duplicate-key', message: /"k0".*line 6/ }],
    exit: 1,
    within: 45,
  },
  // the same table written at the top level: 200,000 unknown keys, each reported, in seconds
  { name: 'keys-200k-unknown', expect: manyUnknownExpected(), exit: 1, within: 20 },
  // ── shapes that could grow quadratically, at scale (issue 22 item 4; time and memory in bench/run.mjs) ──
  // Excel kept 10,000 formatted but empty columns after the data, each with a name
  { name: 'csv-10k-unknown-columns', expect: unknownColumnsExpected(), exit: 1, within: 30 },
  // a converter wrote the whole plan on one line of 110 KB: one error near its end, a cropped code frame
  {
    name: 'yaml-one-long-line',
    // the due date of the last task: its column is where the generator put it
    expect: [{ file: P, line: 1, column: oneLongLineColumn(), code: 'invalid-date', message: /2024-13-01/ }],
    exit: 1,
    within: 30,
    check: async ({ run }) => {
      const text = await run(['validate', 'yaml-one-long-line', '--no-config', '--lang', 'en']);
      expect(text.status).toBe(1);
      // the code frame is a window around the column, not the 110 KB line
      expect(text.stdout.length).toBeLessThan(2_000);
    },
  },
  // a numbering column filled down in a spreadsheet: 20,000 tasks all numbered "1"
  { name: 'duplicate-ids-20k', expect: duplicateIdsExpected(), exit: 1, within: 30 },
  // 50,000 registry names and 5,000 rows from units nobody registered: suggestions within a budget
  { name: 'aliases-50k', expect: unregisteredUnitsExpected(), exit: 1, within: 30 },
  // 50,000 rows with one misspelt plan id, in the text format too (its code frames once were quadratic)
  {
    name: 'csv-50k-misspelt-rows',
    expect: misspeltPlanExpected(),
    exit: 1,
    within: 30,
    check: async ({ run }) => {
      const text = await run(['validate', 'csv-50k-misspelt-rows', '--no-config', '--lang', 'en']);
      expect(text.status).toBe(1);
      expect(text.stdout).toMatch(/more not shown/);
    },
  },
  // 300 weekly duties × 20 owners over 10 years: 3.1 million deadlines if kept; refused at the duty past 100,000
  {
    name: 'duties-weekly-many',
    // each duty has 522 weeks × 20 owners = 10,440 deadlines: 100,000 / 10,440 = 9.6, so the tenth duty (line 6 + 9) goes past
    expect: [{ file: P, line: 6 + 9, column: 5, code: 'too-many-deadlines', message: /d9.*100000/ }],
    exit: 1,
    within: 30,
    memoryLimitKb: 3_000_000,
    check: async ({ run }) => {
      const status = await run(['status', 'duties-weekly-many', '--as-of', AS_OF, '--no-config', '--lang', 'en']);
      expect(status.status).toBe(1);
      expect(status.stderr).toMatch(/too-many-deadlines/);
    },
  },
  // a weekly duty over the years 0001–9999: the period is refused at once, nothing is worked out
  {
    name: 'period-0001-9999',
    // "period: { start: 0001-01-01, end: " is 34 characters
    expect: [{ file: P, line: 4, column: 34 + 1, code: 'period-too-long', message: /0001-01-01 – 9999-12-31.*10 years/ }],
    exit: 1,
    gaps: true,
  },
  // a script wrote figures as 0x10, 0o17, 1e-400 and 1e400: none silently becomes 16, 15, 0 or Infinity
  {
    name: 'yaml-hex-and-tiny-numbers',
    expect: [
      { file: P, line: 5, column: 13, code: 'yaml-number-form', message: /0x10.*16/ },
      { file: P, line: 11, column: 58, code: 'yaml-number-form', message: /1e-400.*0/ },
      { file: P, line: 12, column: 58, code: 'yaml-number-form', message: /0x10.*16/ },
      { file: P, line: 13, column: 58, code: 'yaml-number-form', message: /1e-400/ },
      { file: P, line: 14, column: 58, code: 'wrong-type', message: /1e400/ },
      { file: P, line: 15, column: 58, code: 'yaml-number-form', message: /0o17.*octal.*15/ },
      { file: A, line: 6, column: 27, code: 'yaml-number-form', message: /1e-400/ },
      { file: A, line: 7, column: 27, code: 'yaml-number-form', message: /0x10/ },
      { file: A, line: 8, column: 27, code: 'wrong-type', message: /1e400/ },
      { file: A, line: 9, column: 27, code: 'yaml-number-form', message: /0o17/ },
    ],
    exit: 1,
    gaps: true,
  },
  // a unit name pasted from a web page with a zero-width space, another with a soft hyphen and a tag character
  {
    name: 'invisible-unit-names',
    expect: [
      // "demo,4/food-sampling,2024-06-30,100," is 4+1+15+1+10+1+3+1 = 36 characters
      { file: C, line: 2, column: 36 + 1, code: 'invisible-character', severity: 'warning', message: /U\+200B.*"区市场监管局"/ },
      { file: C, line: 3, column: 36 + 1, code: 'invisible-character', severity: 'warning', message: /U\+00AD, U\+E0041/ },
      // one unit, one date, two rows: the later one is used, not their sum
      { file: C, line: 3, column: 1, code: 'duplicate-row', severity: 'warning' },
    ],
    exit: 0,
    gaps: true,
    check: async ({ rows }) => {
      expect(row(rows, 'demo:4/food-sampling').actual).toBe('300');
    },
  },
  // a hostile file off the internet: nine levels of ten aliases, 10^9 strings if expanded
  { name: 'alias-billion-laughs', expect: billionLaughsExpected(), exit: 1, gaps: true, within: 10 },
  // a generator bug nested `sub:` mappings 3,000 deep; refused where depth 65 begins
  { name: 'deep-block-3000', expect: [{ file: P, line: 69, column: 65, code: 'yaml-too-deep', message: /64/ }], exit: 1, within: 10 },
  // a script wrote a title as 3,000 nested flow lists
  { name: 'deep-flow-3000', expect: [{ file: P, line: 3, column: 71, code: 'yaml-too-deep' }], exit: 1, gaps: true, within: 10 },
  // a folder of twenty such files, block and flow, parsed one after another in one process
  { name: 'deep-twenty-files', expect: deepTwentyExpected(), exit: 1, within: 30 },
  // an exporter wrapped a reported value in 3,000 lists
  { name: 'deep-actuals-value', expect: [{ file: A, line: 6, column: 100, code: 'yaml-too-deep' }], exit: 1, within: 10 },
  // the whole policy text, 50 MB, pasted into a task's note: over the 20 MiB default
  {
    name: 'file-50mb-plan',
    expect: [{ file: P, line: 1, column: 1, code: 'file-too-large', message: /52428\d{3} bytes.*20971520.*--max-file-size/ }],
    exit: 1,
    gaps: true,
    within: 10,
  },
  // the same file with the limit raised: it is a valid plan, and it is answered
  { name: 'file-50mb-plan-raised-limit', args: ['--max-file-size', '60000000'], expect: [], exit: 0, within: 30 },
  // a year of rows exported from the reporting database, 50 MB
  { name: 'file-50mb-csv', expect: [{ file: C, line: 1, column: 1, code: 'file-too-large' }], exit: 1, within: 10 },
  // a value cell of two million digits (a paste gone wrong): refused before any arithmetic on it
  {
    name: 'csv-million-digits',
    expect: [{ file: C, line: 2, column: 38, code: 'invalid-value-cell', message: /^(?=.{0,300}$).*at most 40 digits/ }],
    exit: 1,
    gaps: true,
    within: 10,
  },
  // a target pasted with a million digits of pi
  {
    name: 'target-million-digits',
    expect: [{ file: P, line: 10, column: 38, code: 'invalid-target', message: /^.{0,400}$/ }],
    exit: 1,
    gaps: true,
    within: 10,
  },
  // `ln -s . loop` inside the plans folder: the plan is read once, not again through the link
  {
    name: 'symlink-loop',
    expect: [],
    exit: 0,
    gaps: true,
    check: async ({ rows }) => {
      expect(rows.map((r) => r.ref).sort()).toEqual(['demo-2024:4/food-sampling', 'demo-2024:4/recheck-rate']);
    },
  },

  // a pull request adds x.plan.yaml as a link to a credentials file outside the folder: refused,
  // and not one line of it printed (text format prints code frames, so it is checked too)
  {
    name: 'symlink-outside-folder',
    expect: [{ file: P, line: 1, column: 1, code: 'file-unreadable', message: /outside/ }],
    exit: 2,
    gaps: true,
    check: async ({ run }) => {
      for (const args of [
        ['validate', 'symlink-outside-folder', '--no-config'],
        ['status', 'symlink-outside-folder', '--as-of', AS_OF, '--no-config'],
      ]) {
        const result = await run(args);
        expect(result.stdout + result.stderr, args[0]).not.toContain('plan-check-canary');
      }
    },
  },
  // the same with a link to /dev/zero: refused at once (no endless read, no crash)
  {
    name: 'symlink-to-device',
    expect: [{ file: P, line: 1, column: 1, code: 'file-unreadable' }],
    exit: 2,
    within: 10,
    memoryLimitKb: 1_500_000,
  },

  // ── YAML traps ─────────────────────────────────────────────────────────────────────────────────
  // copied a `%YAML 1.1` header from an old config: `no` stays text, 0100000 and 010 stay decimal
  {
    name: 'yaml-1-1-directive',
    expect: [
      { file: P, line: 1, column: 1, code: 'yaml-directive', severity: 'warning', message: /1\.1/ },
      { file: A, line: 1, column: 1, code: 'yaml-directive', severity: 'warning' },
    ],
    exit: 0,
    gaps: true,
    check: async ({ rows }) => {
      // population 0100000 is 100,000 (YAML 1.1 would read octal 32,768): 1 per 1000 → 100
      expect(row(rows, 'yaml-one-one:1/no')).toMatchObject({ target: 'no', required: '100', actual: '10' }); // value 010 is 10, not 8
      expect(row(rows, 'yaml-one-one:1/on')).toMatchObject({ target: 'on', required: '12', actual: '' }); // id `on` is text, not true
    },
  },
  // plan says id "01"; the completions were typed `task: 01` and `task: 1.10` (numbers to YAML)
  {
    name: 'actuals-unquoted-task-ids',
    expect: [
      { file: A, line: 8, column: 13, code: 'number-as-text', message: /"01"/ },
      { file: A, line: 9, column: 13, code: 'number-as-text', message: /"1\.10"/ },
    ],
    exit: 1,
  },
  // followed a blog post on "YAML tricks": !!binary, !!js/function, a verbatim tag and a custom one
  {
    name: 'yaml-tags-binary-function',
    expect: [
      { file: P, line: 3, column: 8, code: 'yaml-tag', message: /!!binary/ },
      { file: P, line: 7, column: 12, code: 'yaml-tag', message: /!!js\/function/ },
      { file: P, line: 8, column: 11, code: 'yaml-tag', message: /js\/undefined/ },
      { file: P, line: 9, column: 14, code: 'yaml-tag', message: /!custom/ },
    ],
    exit: 1,
    gaps: true,
  },
  // shared the lead unit between tasks with a merge key `<<: *defaults`
  {
    name: 'yaml-merge-key-alias',
    expect: [
      { file: P, line: 5, column: 11, code: 'yaml-alias' },
      { file: P, line: 8, column: 9, code: 'yaml-alias' },
    ],
    exit: 1,
  },
  // a merge key with an inline mapping: `<<` is no key of a task, and `lead` is still missing
  {
    name: 'yaml-merge-key-inline',
    expect: [
      { file: P, line: 6, column: 5, code: 'unknown-key', message: /"<<"/ },
      { file: P, line: 6, column: 5, code: 'missing-key', message: /"lead"/ },
    ],
    exit: 1,
  },
  // an editor template wraps the document in `---` … `...`: one document, fine
  { name: 'yaml-document-markers', expect: [], exit: 0, gaps: true },
  // concatenated files left a trailing `---` behind
  { name: 'yaml-trailing-separator', expect: [{ file: P, line: 5, column: 1, code: 'yaml-multiple-documents' }], exit: 1 },
  // a placeholder plan with nothing but comments
  { name: 'comment-only-plan', expect: [{ file: P, line: 1, column: 1, code: 'file-empty' }], exit: 1 },
  // an actuals file saved with nothing but blank lines and a tab
  { name: 'whitespace-only-actuals', expect: [{ file: A, line: 1, column: 1, code: 'file-empty' }], exit: 1 },
  // Notepad saved an empty file "as UTF-8": three BOM bytes and nothing else
  { name: 'bom-only-plan', expect: [{ file: P, line: 1, column: 1, code: 'file-empty' }], exit: 1 },
  // wrote every key as a list item (`- format: plan/1`)
  { name: 'root-is-a-list', expect: [{ file: P, line: 1, column: 1, code: 'wrong-type', message: /mapping.*not a list/ }], exit: 1 },
  // saved the plan's first paragraph from Word as the plan file
  {
    name: 'plain-text-instead-of-yaml',
    expect: [{ file: P, line: 1, column: 1, code: 'wrong-type', message: /mapping.*not text/ }],
    exit: 1,
  },
  // exported the plan from another tool as JSON (JSON is YAML 1.2): fine
  { name: 'json-plan', expect: [], exit: 0, gaps: true },

  // ── keys ───────────────────────────────────────────────────────────────────────────────────────
  // typed a pinyin key on a Mac (NFD) and again on Windows (NFC): one key, twice
  { name: 'duplicate-key-nfc-nfd', expect: [{ file: P, line: 10, column: 5, code: 'yaml-duplicate-key', message: /line 9/ }], exit: 1 },
  // task ids typed with full-width brackets and digits by one person, ASCII by another: duplicates
  {
    name: 'task-id-fullwidth-twins',
    expect: [
      { file: P, line: 9, column: 9, code: 'duplicate-id', message: /line 6/ },
      { file: P, line: 15, column: 9, code: 'duplicate-id', message: /line 12/ },
    ],
    exit: 1,
  },
  // the plan writes 三（一） with full-width brackets, the CSV and the completion 三(一): one task
  {
    name: 'task-id-fullwidth-ref',
    expect: [],
    exit: 0,
    gaps: true,
    check: async ({ rows, run }) => {
      expect(row(rows, 'id-fold:三(一)/sampling')).toMatchObject({ required: '1000', actual: '500' });
      const deadlines = await run(['deadlines', 'task-id-fullwidth-ref', '--format', 'json', '--all', '--as-of', AS_OF, '--no-config']);
      expect(deadlines.status).toBe(0);
      const tasks = (
        JSON.parse(deadlines.stdout) as { deadlines: { kind: string; status: string; completed: string | null }[] }
      ).deadlines.filter((d) => d.kind === 'task');
      expect(tasks).toEqual([expect.objectContaining({ status: 'done', completed: '2024-06-01' })]);
    },
  },
  // pasted a JavaScript snippet: __proto__, constructor and prototype as keys (no pollution)
  {
    name: 'proto-keys',
    expect: [
      { file: P, line: 5, column: 1, code: 'unknown-key', message: /"__proto__"/ },
      { file: P, line: 10, column: 5, code: 'unknown-key', message: /"constructor"/ },
      { file: P, line: 12, column: 45, code: 'unknown-key', message: /"prototype"/ },
    ],
    exit: 1,
    gaps: true,
  },
  // ids, units and refs named toString, constructor, __proto__, hasOwnProperty, valueOf: all work
  {
    name: 'proto-ids-end-to-end',
    expect: [],
    exit: 0,
    gaps: true,
    check: async ({ rows, run }) => {
      // latest per unit: __proto__ 60 (YAML) + toString 40 (CSV)
      expect(row(rows, 'proto-ids:toString/constructor')).toMatchObject({
        owner: '__proto__',
        required: '100',
        actual: '100',
        status: 'met',
      });
      expect(row(rows, 'proto-ids:toString/hasOwnProperty')).toMatchObject({ owner: 'constructor', actual: '50' });
      expect(row(rows, 'proto-ids:constructor/toString')).toMatchObject({ owner: 'toString', required: '10', actual: '7' });
      expect(row(rows, 'proto-ids:__proto__/valueOf')).toMatchObject({ owner: '__proto__', actual: '0', status: 'met' });
      const owner = await run([
        'gaps',
        'proto-ids-end-to-end',
        '--format',
        'json',
        '--owner',
        '__proto__',
        '--as-of',
        AS_OF,
        '--no-config',
      ]);
      expect(owner.status).toBe(0);
      expect((JSON.parse(owner.stdout) as GapsJson).targets.map((t) => t.ref).sort()).toEqual([
        'proto-ids:__proto__/valueOf',
        'proto-ids:toString/constructor',
      ]);
      const deadlines = await run(['deadlines', 'proto-ids-end-to-end', '--format', 'json', '--all', '--as-of', AS_OF, '--no-config']);
      const done = (JSON.parse(deadlines.stdout) as { deadlines: { ref: string; status: string }[] }).deadlines
        .filter((d) => d.status === 'done')
        .map((d) => d.ref)
        .sort();
      expect(done).toEqual(['proto-ids:duty/toString@2024-06-10', 'proto-ids:phase/prototype', 'proto-ids:task/constructor']);
      const explain = await run([
        'explain',
        'proto-ids:toString/constructor',
        'proto-ids-end-to-end',
        '--as-of',
        AS_OF,
        '--no-config',
        '--lang',
        'en',
      ]);
      expect(explain.status).toBe(0);
      expect(explain.stdout).toMatch(/Actual A = 100/);
    },
  },
  // deleted a key but left its colon (`: 区市场监管局`), and typed an empty quoted key
  {
    name: 'empty-key',
    expect: [
      { file: 'a.plan.yaml', line: 5, column: 1, code: 'unknown-key', notMessage: /"null"/ },
      { file: 'b.plan.yaml', line: 5, column: 1, code: 'unknown-key' },
    ],
    exit: 1,
  },
  // used a list of two units as a key (`? [区市场监管局, 区卫健局]`) and a mapping as a key
  {
    name: 'collection-key',
    expect: [
      { file: P, line: 5, column: 3, code: 'yaml-key-not-scalar' },
      { file: P, line: 7, column: 1, code: 'yaml-key-not-scalar' },
    ],
    exit: 1,
  },
  // copied keys from a web page that hid zero-width spaces (U+200B) in them
  {
    name: 'zero-width-in-keys',
    expect: [
      { file: P, line: 7, column: 5, code: 'unknown-key', message: /"ti\u200btle".*Did you mean "title"/ },
      { file: P, line: 10, column: 5, code: 'unknown-key', message: /"\u200btargets".*Did you mean "targets"/ },
    ],
    exit: 1,
    check: async ({ run }) => {
      const text = await run(['validate', 'zero-width-in-keys', '--no-config', '--lang', 'en']);
      expect(text.stdout).not.toMatch(RAW_CONTROL);
      expect(text.stdout).toContain('ti\\u200btle');
    },
  },
  // pasted two files together with `cat`: the second one's BOM now sits before `title`
  {
    name: 'bom-mid-file',
    expect: [
      { file: P, line: 1, column: 1, code: 'missing-key', message: /"title"/ },
      { file: P, line: 3, column: 1, code: 'unknown-key', message: /"\ufefftitle".*Did you mean "title"/ },
    ],
    exit: 1,
    check: async ({ run }) => {
      const text = await run(['validate', 'bom-mid-file', '--no-config', '--lang', 'en']);
      expect(text.stdout).not.toMatch(RAW_CONTROL);
    },
  },

  // ── Chinese typing habits ──────────────────────────────────────────────────────────────────────
  // the Chinese input method typed a full-width colon: one error, at the `：`, saying so
  {
    name: 'fullwidth-colon',
    expect: [{ file: P, line: 3, column: 6, code: 'yaml-syntax', message: /：|full-width colon/i }],
    exit: 1,
    gaps: true,
  },
  // the input method put a no-break space (U+00A0) after the colon: one error, at that space
  { name: 'nbsp-after-colon', expect: [{ file: P, line: 3, column: 7, code: 'yaml-syntax', message: /U\+00A0|no-break space/i }], exit: 1 },
  // indented with full-width spaces (U+3000): one error per such line, naming the character
  {
    name: 'ideographic-space-indent',
    expect: [
      { file: P, line: 5, column: 1, code: 'yaml-syntax', message: /U\+3000|full-width space|ideographic space/i },
      { file: P, line: 6, column: 1, code: 'yaml-syntax', message: /U\+3000|full-width space|ideographic space/i },
    ],
    exit: 1,
  },
  // indented with tabs in Notepad
  {
    name: 'tab-indent',
    expect: [
      { file: P, line: 5, column: 1, code: 'yaml-syntax', message: /[Tt]ab/ },
      { file: P, line: 6, column: 1, code: 'yaml-syntax', message: /[Tt]ab/ },
    ],
    exit: 1,
  },
  // an old Mac editor saved bare-CR line endings; the error still has its real line number
  {
    name: 'bare-cr-line-endings',
    expect: [{ file: P, line: 4, column: 35, code: 'invalid-date', message: /2024-13-01/ }],
    exit: 1,
    gaps: true,
  },
  // Windows line endings (CRLF) in the plan and the CSV: fine
  {
    name: 'crlf-line-endings',
    expect: [],
    exit: 0,
    gaps: true,
    check: async ({ rows }) => {
      expect(row(rows, 'crlf:1/a')).toMatchObject({ required: '10', actual: '6' });
    },
  },
  // edited on three machines: CRLF, LF and CR line endings in one file
  { name: 'mixed-line-endings', expect: [{ file: P, line: 5, column: 9, code: 'invalid-date', message: /2024-02-30/ }], exit: 1 },
  // pasted colourful terminal output into titles, units and a CSV: shown escaped, never sent raw
  {
    name: 'escape-sequences-in-titles',
    expect: [],
    exit: 0,
    gaps: true,
    check: async ({ run }) => {
      const outputs = [
        ['status', 'escape-sequences-in-titles', '--all', '--as-of', AS_OF, '--no-config', '--lang', 'en'],
        ['gaps', 'escape-sequences-in-titles', '--as-of', AS_OF, '--no-config', '--lang', 'en'],
        ['deadlines', 'escape-sequences-in-titles', '--all', '--as-of', AS_OF, '--no-config', '--lang', 'en'],
        ['explain', '1/a', 'escape-sequences-in-titles', '--as-of', AS_OF, '--no-config', '--lang', 'en'],
        ['validate', 'escape-sequences-in-titles', '--no-config', '--lang', 'en'],
      ];
      for (const args of outputs) {
        const result = await run(args);
        expect(result.status, args.join(' ')).toBe(0);
        expect(result.stdout, args.join(' ')).not.toMatch(RAW_CONTROL);
        expect(result.stderr, args.join(' ')).not.toMatch(RAW_CONTROL);
      }
      const status = await run(outputs[0]!);
      expect(status.stdout).toContain('\\u001b[31m');
    },
  },
  // raw ESC, BEL and BS bytes in a plan (a unit name with an escape sequence is no registered unit)
  {
    name: 'raw-control-chars',
    // eslint-disable-next-line no-control-regex
    expect: [{ file: P, line: 9, column: 11, code: 'unknown-unit', message: /区市场监管局\u001b\[2K/ }],
    exit: 1,
    check: async ({ run }) => {
      for (const format of ['text', 'github']) {
        const result = await run(['validate', 'raw-control-chars', '--format', format, '--no-config', '--lang', 'en']);
        expect(result.status).toBe(1);
        expect(result.stdout, format).not.toMatch(RAW_CONTROL);
      }
      const status = await run(['status', 'raw-control-chars', '--as-of', AS_OF, '--no-config', '--lang', 'en']);
      expect(status.status).toBe(1);
      expect(status.stderr).toMatch(/unknown-unit/);
      expect(status.stderr).not.toMatch(RAW_CONTROL);
    },
  },
  // typed ≥１９００ and ＞＝ 100％ with the Chinese input method: read as >= 1900 and >= 100%
  {
    name: 'fullwidth-forms-in-targets',
    expect: [],
    exit: 0,
    gaps: true,
    check: async ({ rows }) => {
      expect(row(rows, 'fullwidth-targets:1/a')).toMatchObject({ op: '>=', required: '1900', unit: '批次' });
      expect(row(rows, 'fullwidth-targets:1/b')).toMatchObject({ op: '>=', required: '100', unit: '%' });
    },
  },
  // the registry has 区发改局(农业农村局), the task typed 区发改局（农业农村局） and an alias with spaces
  {
    name: 'unit-fullwidth-brackets',
    expect: [],
    exit: 0,
    gaps: true,
    check: async ({ rows }) => {
      expect(row(rows, 'unit-forms:1/a').owner).toBe('区发改局(农业农村局)');
    },
  },
  // pasted the whole first paragraph of the document as the title (over 2,000 characters)
  {
    name: 'title-too-long',
    expect: [{ file: P, line: 3, column: 8, code: 'invalid-value', message: /longer than 2000 characters/ }],
    exit: 1,
  },

  // ── encodings ──────────────────────────────────────────────────────────────────────────────────
  // Notepad saved "UTF-8 with BOM": fine
  {
    name: 'utf8-bom-plan',
    expect: [],
    exit: 0,
    gaps: true,
    check: async ({ rows }) => {
      expect(row(rows, 'bom-plan:4/food-sampling').metric).toBe('食品监督抽检量');
    },
  },
  // saved as ANSI on Chinese Windows (GBK); --encoding gb18030 reads it correctly
  {
    name: 'gbk-plan',
    expect: [{ file: P, line: 1, column: 1, code: 'file-encoding', message: /GB18030\/GBK.*--encoding gb18030/ }],
    exit: 1,
    gaps: true,
    variants: [{ args: ['--encoding', 'gb18030'], expect: [], exit: 0 }],
    check: async ({ run }) => {
      const gaps = await run(['gaps', 'gbk-plan', '--format', 'json', '--encoding', 'gb18030', '--as-of', AS_OF, '--no-config']);
      expect(gaps.status).toBe(0);
      const json = JSON.parse(gaps.stdout) as GapsJson;
      expect(target(json, 'gbk-plan:4/food-sampling')).toMatchObject({ metric: '食品监督抽检量', owner: '区市场监管局' });
    },
  },
  // Excel on Chinese Windows saved the actuals as "CSV (逗号分隔)", which is GBK; --encoding gbk reads it
  {
    name: 'gbk-csv',
    expect: [{ file: C, line: 1, column: 1, code: 'file-encoding', message: /GB18030\/GBK/ }],
    exit: 1,
    variants: [{ args: ['--encoding', 'gbk'], expect: [], exit: 0 }],
    check: async ({ run }) => {
      const gaps = await run(['gaps', 'gbk-csv', '--format', 'json', '--encoding', 'gbk', '--as-of', AS_OF, '--no-config']);
      expect(target(JSON.parse(gaps.stdout) as GapsJson, 'demo-2024:4/food-sampling').actual).toBe(1020);
    },
  },
  // saved as "Unicode big endian" in Notepad (UTF-16BE with a BOM)
  { name: 'utf16be-with-bom', expect: [{ file: P, line: 1, column: 1, code: 'file-encoding', message: /UTF-16/ }], exit: 1 },
  // a Java tool wrote UTF-16BE without a BOM
  { name: 'utf16be-no-bom', expect: [{ file: P, line: 1, column: 1, code: 'file-encoding', message: /UTF-16/ }], exit: 1 },
  // renamed the Excel workbook 报送.xlsx to x.actuals.csv
  { name: 'xlsx-renamed-csv', expect: [{ file: C, line: 1, column: 1, code: 'file-binary', message: /ZIP/ }], exit: 1, gaps: true },
  // renamed an old-format workbook (.xls from WPS) to x.actuals.csv
  { name: 'xls-renamed-csv', expect: [{ file: C, line: 1, column: 1, code: 'file-binary', message: /\.xls/ }], exit: 1 },
  // saved a screenshot of the plan under the plan's name
  { name: 'png-renamed-plan', expect: [{ file: P, line: 1, column: 1, code: 'file-binary', message: /PNG|binary/ }], exit: 1 },

  // ── numbers and dates ──────────────────────────────────────────────────────────────────────────
  // a script wrote NaN and Infinity as YAML's .nan, .inf, -.inf and 1e400: one error each, at the value
  {
    name: 'actuals-nan-inf',
    expect: [
      { file: A, line: 6, column: 39, code: 'wrong-type', message: /\.nan/ },
      { file: A, line: 7, column: 39, code: 'wrong-type', message: /\.inf/ },
      { file: A, line: 8, column: 39, code: 'wrong-type', message: /-\.inf/ },
      { file: A, line: 9, column: 39, code: 'wrong-type', message: /1e400/ },
    ],
    exit: 1,
    gaps: true,
  },
  // a database id pasted as a value: integers beyond 2^53 (YAML would round them) and beyond 10^12
  {
    name: 'actuals-beyond-2-53',
    expect: [
      { file: A, line: 6, column: 39, code: 'absurd-number', message: /9007199254740993/ },
      { file: A, line: 7, column: 39, code: 'absurd-number' },
      { file: C, line: 2, column: 38, code: 'absurd-number' },
    ],
    exit: 1,
  },
  // wrote figures the way a report does: 1.2万, 1,900, 1_900, 1900,5 and 一千九百
  {
    name: 'actuals-chinese-number-forms',
    expect: [
      { file: A, line: 6, column: 39, code: 'invalid-value-cell', message: /12000/ },
      { file: A, line: 7, column: 39, code: 'invalid-value-cell', message: /thousands/ },
      { file: A, line: 8, column: 39, code: 'invalid-value-cell' },
      { file: A, line: 9, column: 39, code: 'invalid-value-cell', message: /decimal point/ },
      { file: A, line: 10, column: 39, code: 'invalid-value-cell' },
    ],
    exit: 1,
  },
  // full-width digits, ／ and a full-width date from the input method: read as ASCII
  {
    name: 'actuals-fullwidth-accepted',
    expect: [],
    exit: 0,
    gaps: true,
    check: async ({ rows }) => {
      expect(row(rows, 'demo-2024:4/food-sampling').actual).toBe('1900');
      expect(row(rows, 'demo-2024:4/recheck-rate').actual).toBe('96'); // (94 + 50) / (100 + 50)
    },
  },
  // answered "true" and "no" instead of a figure
  {
    name: 'actuals-boolean-value',
    expect: [
      { file: A, line: 6, column: 39, code: 'wrong-type' },
      { file: A, line: 7, column: 39, code: 'invalid-value-cell', message: /"no"/ },
    ],
    exit: 1,
  },
  // copied dates out of Excel as numbers (45076 is 2023-05-30): dates, not "quote it" advice
  {
    name: 'plan-excel-serial-date',
    expect: [
      { file: P, line: 5, column: 9, code: 'invalid-date', message: /45076.*spreadsheet/ },
      { file: P, line: 7, column: 39, code: 'invalid-date', message: /45351/ },
    ],
    exit: 1,
  },
  // dates with a time, day/month/year (ambiguous), month 13, 2024-02-30 and 2024-04-31: refused, never rolled over
  {
    name: 'plan-date-forms',
    expect: [
      { file: P, line: 6, column: 32, code: 'invalid-date', message: /2024-05-30T10:00:00/ },
      { file: P, line: 7, column: 32, code: 'invalid-date', message: /30\/05\/2024/ },
      { file: P, line: 8, column: 32, code: 'invalid-date', message: /2024-13-01/ },
      { file: P, line: 9, column: 32, code: 'invalid-date', message: /2024-02-30/ },
      { file: P, line: 10, column: 32, code: 'invalid-date', message: /2024-04-31/ },
    ],
    exit: 1,
    gaps: true,
  },
  // the same dates in a CSV as Excel shows them: a serial number, 30/05/2024, a timestamp
  {
    name: 'csv-date-forms',
    expect: [
      { file: C, line: 2, column: 27, code: 'invalid-date', message: /45076.*spreadsheet/ },
      { file: C, line: 3, column: 27, code: 'invalid-date', message: /30\/05\/2024/ },
      { file: C, line: 4, column: 27, code: 'invalid-date', message: /T10:00:00/ },
      { file: C, line: 5, column: 27, code: 'invalid-date', message: /2023-02-30/ },
      { file: C, line: 6, column: 27, code: 'invalid-date', message: /2024-13-01/ },
    ],
    exit: 1,
  },
  // values as a spreadsheet or a script writes them: .nan, Infinity, 1.2万, 1e3, "1020,5"; 100％ is fine
  {
    name: 'csv-number-forms',
    expect: [
      { file: C, line: 2, column: 38, code: 'invalid-value-cell' },
      { file: C, line: 3, column: 38, code: 'invalid-value-cell' },
      { file: C, line: 4, column: 38, code: 'invalid-value-cell', message: /12000/ },
      { file: C, line: 5, column: 38, code: 'invalid-value-cell' },
      { file: C, line: 6, column: 38, code: 'invalid-value-cell', message: /decimal point/ },
    ],
    exit: 1,
  },
  // targets written as a bare number, with 万 and an "about" (v2 reads ">= 1.2万" as >= 12000,
  // so the unreadable one is 1.2万左右, which suggests >= 12000), or in the structured form with .inf, per 0 and "=>"
  {
    name: 'target-number-forms',
    expect: [
      { file: P, line: 11, column: 38, code: 'invalid-target', message: />= 1900/ },
      { file: P, line: 12, column: 38, code: 'invalid-target', message: /1\.2万左右.*>= 12000/ },
      { file: P, line: 13, column: 57, code: 'wrong-type', message: /\.inf/ },
      { file: P, line: 14, column: 65, code: 'absurd-number', message: /"per"/ },
      { file: P, line: 15, column: 44, code: 'invalid-value', message: /"=>"/ },
      { file: P, line: 16, column: 38, code: 'absurd-number' },
      { file: P, line: 17, column: 38, code: 'invalid-target', message: /per 0/ },
    ],
    exit: 1,
  },
  // population written as 54.3万, and as .inf by a script
  {
    name: 'population-forms',
    expect: [
      { file: 'a.plan.yaml', line: 5, column: 13, code: 'wrong-type', message: /"population"/ },
      { file: 'b.plan.yaml', line: 5, column: 13, code: 'wrong-type', message: /\.inf/ },
    ],
    exit: 1,
  },

  // ── CSV ────────────────────────────────────────────────────────────────────────────────────────
  // Excel "CSV UTF-8": a BOM before the header, CRLF line endings: fine
  {
    name: 'csv-bom-crlf',
    expect: [],
    exit: 0,
    gaps: true,
    check: async ({ rows }) => {
      expect(row(rows, 'demo-2024:4/food-sampling').actual).toBe('1020');
    },
  },
  // a note with an unquoted comma: one field too many, pointed at where the surplus field starts
  { name: 'csv-extra-field', expect: [{ file: C, line: 2, column: 53, code: 'csv-syntax', message: /7 fields.*6/ }], exit: 1, gaps: true },
  // two columns both headed `value`
  { name: 'csv-same-header-twice', expect: [{ file: C, line: 1, column: 25, code: 'csv-duplicate-column', message: /"value"/ }], exit: 1 },
  // a quote opened in the header and never closed
  { name: 'csv-unclosed-quote-header', expect: [{ file: C, line: 1, column: 13, code: 'csv-syntax' }], exit: 1 },
  // a European-locale Excel: semicolons between fields and a decimal comma in the value
  {
    name: 'csv-semicolon-decimal-comma',
    expect: [{ file: C, line: 1, column: 1, code: 'csv-syntax', message: /--delimiter ";"/ }],
    exit: 1,
    variants: [
      { args: ['--delimiter', ';'], expect: [{ file: C, line: 2, column: 38, code: 'invalid-value-cell', message: /1020\.5/ }], exit: 1 },
    ],
  },
  // copied the table from WPS as tab-separated text
  {
    name: 'csv-tab-separated',
    expect: [{ file: C, line: 1, column: 1, code: 'csv-syntax', message: /--delimiter "\\t"/ }],
    exit: 1,
    variants: [{ args: ['--delimiter', '\\t'], expect: [], exit: 0 }],
  },
  // pasted the same rows twice: a warning each, and each figure counted once (sum and latest alike)
  {
    name: 'csv-duplicate-rows',
    expect: [
      { file: C, line: 3, column: 1, code: 'duplicate-row', severity: 'warning', message: /training/ },
      { file: C, line: 5, column: 1, code: 'duplicate-row', severity: 'warning', message: /sampling/ },
    ],
    exit: 0,
    gaps: true,
    check: async ({ rows }) => {
      expect(row(rows, 'dup-rows:4/sampling').actual).toBe('900'); // the later row is used
      expect(row(rows, 'dup-rows:4/training').actual).toBe('3'); // the later row is used, not 3 + 3
    },
  },
  // an actuals CSV created and never filled in (0 bytes)
  { name: 'csv-empty', expect: [{ file: C, line: 1, column: 1, code: 'file-empty' }], exit: 1, gaps: true },
  // the template, header only, nothing reported yet: valid, no data
  { name: 'csv-header-only', expect: [], exit: 0, gaps: true },
  // Excel's "sep=," first line: names the delimiter, is not a header
  {
    name: 'csv-excel-sep-line',
    expect: [],
    exit: 0,
    gaps: true,
    check: async ({ rows }) => {
      expect(row(rows, 'demo-2024:4/food-sampling').actual).toBe('1020');
    },
  },
  // "sep=;" with semicolon rows and the Chinese header; the error in row 3 has its real line
  {
    name: 'csv-excel-sep-semicolon',
    expect: [{ file: C, line: 4, column: 27, code: 'invalid-date', message: /截至日期.*2024-13-31/ }],
    exit: 1,
  },
  // Excel kept three empty columns after the data and two blank rows (",,,,,,,,")
  { name: 'csv-excel-blank-columns-rows', expect: [], exit: 0, gaps: true },
  // a value typed one column too far right, under no header: it would be lost, so it is reported there
  {
    name: 'csv-value-in-unnamed-column',
    expect: [{ file: C, line: 2, column: 53, code: 'csv-unknown-column', message: /without a header/ }],
    exit: 1,
  },
  // titles and units that Excel would run as formulas (=, +, -, @): the exported CSV neutralises them
  {
    name: 'csv-formula-injection',
    expect: [],
    exit: 0,
    gaps: true,
    check: async ({ rows }) => {
      const cells = row(rows, 'formula:1/a');
      expect(cells.task_title).toMatch(/^'=HYPERLINK\(/);
      expect(cells.metric).toBe("'+SUM(1,1)");
      expect(cells.owner).toBe("'@区市场监管局");
      expect(cells.unit).toBe("'-1");
      for (const value of Object.values(cells)) expect(value).not.toMatch(/^[=+@-]/);
    },
  },
];

// ─────────────────────────────────────────────────────────────────────────────────────────────────

const committedRoot = path.join(repoRoot, 'tests', 'bad-inputs');
let generatedRoot = '';
const rootOf = (name: string): string => (name in generators ? generatedRoot : committedRoot);

const env = { PATH: process.env.PATH ?? '', NO_COLOR: '1', LANG: 'en_US.UTF-8' };

/** At most this many plan-check processes at once. */
const parallel = Math.max(2, Math.min(4, os.availableParallelism?.() ?? 2));
let running = 0;
const waiting: (() => void)[] = [];
async function slot<T>(job: () => Promise<T>): Promise<T> {
  if (running >= parallel) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await job();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

function spawnBin(args: string[], cwd: string, seconds: number, memoryLimitKb?: number): Promise<Result> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child =
      memoryLimitKb !== undefined && process.platform === 'linux'
        ? spawn('/bin/sh', ['-c', `ulimit -v ${memoryLimitKb} && exec "$0" "$@"`, process.execPath, binPath, ...args], {
            cwd,
            env,
            stdio: ['ignore', 'pipe', 'pipe'],
          })
        : spawn(process.execPath, [binPath, ...args], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, seconds * 1000);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({
        status,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        seconds: (performance.now() - started) / 1000,
        timedOut,
      });
    });
  });
}

function buildIfMissing(): void {
  if (existsSync(path.join(repoRoot, 'dist', 'cli.cjs'))) return;
  const build = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'build.mjs')], { cwd: repoRoot, encoding: 'utf8' });
  if (build.status !== 0 && !existsSync(path.join(repoRoot, 'dist', 'cli.cjs'))) throw new Error(`build failed: ${build.stderr}`);
}

/** Run the binary; others rebuild dist/ too, so a run that found no bundle is rebuilt and retried. */
async function runBinAsync(args: string[], cwd: string, seconds = 20, memoryLimitKb?: number): Promise<Result> {
  const result = await slot(() => spawnBin(args, cwd, seconds, memoryLimitKb));
  if (
    result.status !== 0 &&
    /Cannot find module|ERR_MODULE_NOT_FOUND/.test(result.stderr) &&
    !existsSync(path.join(repoRoot, 'dist', 'cli.cjs'))
  ) {
    buildIfMissing();
    return slot(() => spawnBin(args, cwd, seconds, memoryLimitKb));
  }
  return result;
}

/** In-process runs one at a time: each is timed alone, not while others hold the thread. */
let inProcessQueue: Promise<unknown> = Promise.resolve();

/**
 * Run the CLI: a small committed case in this process through run(), where starting a process
 * would cost more than the work; the generated cases (tens of megabytes, hundreds of thousands of
 * keys) and those under a memory limit (ulimit -v) in processes of their own, the built binary,
 * several at once.
 */
async function runCase(name: string, args: string[], cwd: string, seconds = 20, memoryLimitKb?: number): Promise<Result> {
  if (memoryLimitKb !== undefined || name in generators) return runBinAsync(args, cwd, seconds, memoryLimitKb);
  const turn = inProcessQueue.then(async () => {
    const started = performance.now();
    const result = await runCli(args, { cwd, env });
    return { ...result, seconds: (performance.now() - started) / 1000, timedOut: false };
  });
  inProcessQueue = turn.catch(() => undefined);
  return turn;
}

function assertNoCrash(result: Result, what: string): void {
  expect(result.timedOut, `${what}: still running when the time limit ran out`).toBe(false);
  expect(result.stderr, `${what}: stack trace on stderr`).not.toMatch(/^ {4}at /m);
  expect(result.stderr, `${what}: stack trace on stderr`).not.toMatch(STACK_FRAME);
  expect(result.stderr, what).not.toMatch(/internal error/i);
  expect([0, 1, 2], `${what}: exit code ${result.status}`).toContain(result.status);
}

interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  code: string;
  message: string;
}

const keyOf = (d: { file: string; line: number; column: number; code: string; severity?: Severity }): string =>
  `${d.file}:${d.line}:${d.column} ${d.severity ?? 'error'} ${d.code}`;

/** Every file under `dir` (relative paths), to prove a run wrote nothing. */
function listing(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: false }).map(String).sort();
}

function checkDiagnostics(name: string, result: Result, expected: Expected[], exit: Exit, what: string): void {
  let output: { valid: boolean; diagnostics: JsonDiagnostic[] };
  try {
    output = JSON.parse(result.stdout) as typeof output;
  } catch {
    throw new Error(
      `${what}: stdout is not JSON (exit ${result.status}):\n${result.stdout.slice(0, 2000)}\n${result.stderr.slice(0, 2000)}`,
    );
  }
  const prefix = `${name}/`;
  const shown = output.diagnostics
    .slice(0, 40)
    .map((d) => `${keyOf(d)}  ${d.message}`)
    .join('\n');
  const actual = output.diagnostics.map((d) => keyOf(d)).sort();
  const wanted = expected.map((e) => keyOf({ ...e, file: `${prefix}${e.file}` })).sort();
  expect(actual.length, `${what}: number of diagnostics; first ones:\n${shown}`).toBe(wanted.length);
  expect(actual, `${what}: diagnostics:\n${shown}`).toEqual(wanted);
  for (const e of expected) {
    if (!e.message && !e.notMessage) continue;
    const match = output.diagnostics.find((d) => keyOf(d) === keyOf({ ...e, file: `${prefix}${e.file}` }));
    expect(match, `${what}: no ${e.code} at ${e.file}:${e.line}:${e.column}`).toBeDefined();
    if (e.message) expect(match!.message, what).toMatch(e.message);
    if (e.notMessage) expect(match!.message, what).not.toMatch(e.notMessage);
  }
  expect(output.valid, what).toBe(!expected.some((e) => (e.severity ?? 'error') === 'error'));
  expect(result.status, `${what}: exit code; diagnostics:\n${shown}\n${result.stderr.slice(0, 500)}`).toBe(exit);
}

beforeAll(() => {
  buildIfMissing();
  generatedRoot = mkdtempSync(path.join(os.tmpdir(), 'plan-check-bad-inputs-'));
  for (const name of Object.keys(generators)) generate(name, generatedRoot);
}, 120_000);

afterAll(() => {
  if (generatedRoot) rmSync(generatedRoot, { recursive: true, force: true });
});

describe('the bad-input corpus', () => {
  it('has at least 60 cases, one folder each, every folder in the table, each generated one with its README', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    const names = cases.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    const folders = readdirSync(committedRoot, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(folders).toEqual([...names].sort());
    for (const name of Object.keys(generators)) {
      expect(names, `generated case ${name} has no entry`).toContain(name);
      expect(listing(path.join(committedRoot, name))).toEqual(['README.md']);
    }
  });

  it('does not repeat a case of tests/fixtures/invalid', () => {
    const fixtures = new Set(readdirSync(path.join(repoRoot, 'tests', 'fixtures', 'invalid')));
    expect(cases.map((c) => c.name).filter((name) => fixtures.has(name))).toEqual([]);
  });
});

describe.concurrent('every bad input, through the CLI', () => {
  for (const c of cases) {
    const label =
      c.expect.length === 0
        ? 'no diagnostics'
        : [...new Set(c.expect.map((e) => `${e.code}@${e.file}:${e.line}:${e.column}`))].slice(0, 3).join(', ') +
          (c.expect.length > 3 ? `, … (${c.expect.length})` : '');
    const limit = c.within ?? 20;
    it(
      `${c.name}: ${label} (exit ${c.exit})`,
      async () => {
        const root = rootOf(c.name);
        const folder = path.join(root, c.name);
        const before = listing(folder);
        const args = c.args ?? [];
        const run = (more: string[], seconds = limit) => runCase(c.name, more, root, seconds, c.memoryLimitKb);

        const validate = await run(['validate', c.name, '--format', 'json', '--no-config', ...args]);
        assertNoCrash(validate, 'validate');
        expect(validate.seconds, `validate took ${validate.seconds.toFixed(1)} s`).toBeLessThan(limit);
        checkDiagnostics(c.name, validate, c.expect, c.exit, 'validate');

        for (const variant of c.variants ?? []) {
          const result = await run(['validate', c.name, '--format', 'json', '--no-config', ...variant.args]);
          assertNoCrash(result, `validate ${variant.args.join(' ')}`);
          checkDiagnostics(c.name, result, variant.expect, variant.exit, `validate ${variant.args.join(' ')}`);
        }

        let rows: GapsRow[] = [];
        if (c.gaps) {
          const outDir = mkdtempSync(path.join(os.tmpdir(), 'plan-check-gaps-'));
          try {
            const out = path.join(outDir, 'out.csv');
            // --strict: input with errors gets no report at all (without it, a partial report: below)
            const gaps = await run(['gaps', c.name, '--format', 'csv', '-o', out, '--as-of', AS_OF, '--no-config', '--strict', ...args]);
            assertNoCrash(gaps, 'gaps');
            expect(gaps.status, `gaps exit code; stderr:\n${gaps.stderr.slice(0, 1000)}`).toBe(c.exit);
            if (c.exit === 0) {
              expect(readdirSync(outDir), 'gaps -o: the report and nothing else').toEqual(['out.csv']);
              const text = readFileSync(out, 'utf8');
              expect(text).toMatch(/^\ufeffref,plan,task,/);
              rows = parseCsv(text, { bom: true, columns: true }) as GapsRow[];
            } else {
              expect(readdirSync(outDir), 'gaps -o on invalid input: nothing written, no temporary file').toEqual([]);
              expect(gaps.stdout, 'gaps on invalid input: no report on stdout').toBe('');
              expect(gaps.stderr, 'gaps names the problem').toMatch(new RegExp(c.expect[0]!.code));
              // without --strict: the same exit code and the problem named; a report on what is valid
              // (when anything is) written whole, never a temporary file, and every row carries data_errors
              const partial = await run(['gaps', c.name, '--format', 'csv', '-o', out, '--as-of', AS_OF, '--no-config', ...args]);
              assertNoCrash(partial, 'gaps (partial)');
              expect(partial.status, `gaps (partial) exit code; stderr:\n${partial.stderr.slice(0, 1000)}`).toBe(c.exit);
              expect(partial.stderr, 'gaps (partial) names the problem').toMatch(new RegExp(c.expect[0]!.code));
              expect(partial.stdout, 'gaps (partial) -o: nothing on stdout').toBe('');
              const written = readdirSync(outDir);
              expect(
                written.filter((name) => name !== 'out.csv'),
                'gaps (partial) -o: no temporary file',
              ).toEqual([]);
              if (written.includes('out.csv')) expect(readFileSync(out, 'utf8').split('\r\n')[0]).toMatch(/,data_errors$/);
            }
          } finally {
            rmSync(outDir, { recursive: true, force: true });
          }
        }

        if (c.check) await c.check({ root, run, rows });

        expect(listing(folder), 'the case folder is unchanged: nothing written, no temporary file left').toEqual(before);
      },
      (limit + 30) * 1000 * (1 + (c.variants?.length ?? 0)),
    );
  }
});

describe('no prototype pollution, in process', () => {
  const prototypeKeys = (): string[] => Object.getOwnPropertyNames(Object.prototype).sort();

  for (const name of ['proto-keys', 'proto-ids-end-to-end']) {
    it(`${name}: loading, checking and evaluating leave Object.prototype as it was`, () => {
      const before = prototypeKeys();
      const folder = path.join(committedRoot, name);
      const sources: SourceFile[] = readdirSync(folder)
        .map((file) => ({ file, kind: sourceKindOf(file) }))
        .filter((entry): entry is { file: string; kind: NonNullable<typeof entry.kind> } => entry.kind !== undefined)
        .map(({ file, kind }) => ({ path: file, kind, bytes: readFileSync(path.join(folder, file)) }));
      const project = loadProject(sources);
      const evaluation = evaluateProject(project, parseIsoDate(AS_OF)!, 14);
      expect(prototypeKeys()).toEqual(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype.toString.call([])).toBe('[object Array]');
      if (name === 'proto-ids-end-to-end') {
        expect(project.diagnostics).toEqual([]);
        expect(evaluation.targets.map((t) => t.target.ref).sort()).toEqual([
          'proto-ids:__proto__/valueOf',
          'proto-ids:constructor/toString',
          'proto-ids:toString/constructor',
          'proto-ids:toString/hasOwnProperty',
        ]);
      } else {
        expect(project.diagnostics.map((d) => d.code)).toEqual(['unknown-key', 'unknown-key', 'unknown-key']);
      }
    });
  }
});
