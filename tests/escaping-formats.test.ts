// Issue 22 item 5: one hostile string, in a file name and in the text of a plan, through every
// output: text, table, github, SARIF, JUnit, Markdown, CSV, JSON, explain and standard error.
// Human formats show controls, bidi and invisible characters as \uXXXX; XML stays well-formed and
// its messages visible; SARIF's artifact URIs are percent-encoded and its messages escaped; JSON
// carries the text exactly (JSON's own escaping), which is what a program reading it wants.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escapeForMachineText, escapeXmlAttribute, escapeXmlText } from '../src/report/escape.js';
import { runCli } from './helpers.js';

// ESC colour, an OSC title ended by BEL, CR LF and a forged line, a right-to-left override, an
// isolate, a zero-width space, a BOM, and the XML and CSV specials < & " ' ]]> and a formula =
const HOSTILE = 'x\u001b[31m\u001b]0;pwned\u0007\r\nforged.plan.yaml:1:1  error  fake\u202e\u2066\u200b\ufeff<b>&"\']]>=1+1';
// what must never reach a human format raw (CR is checked apart: CSV ends its lines with CRLF)
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]/;

const planText = (title: string) => `format: plan/1
id: hostile
title: ${JSON.stringify(title)}
period: { start: 2024-01-01, end: 2024-12-31 }
tasks:
  - id: "1"
    title: ${JSON.stringify(title)}
    lead: 区市场监管局
    targets:
      - { id: a, metric: ${JSON.stringify(title)}, target: ">= 100", unit: ${JSON.stringify('批\u202e次')} }
`;
const actualsText =
  'format: actuals/1\nplan: hostile\nreported_by: 区市场监管局\nas_of: 2024-06-30\nvalues:\n  - { target: 1/a, value: 40 }\n';

let valid = '';
let broken = '';
beforeAll(() => {
  // a valid project: the hostile string in titles and the metric, and as the actuals' file name
  valid = mkdtempSync(path.join(tmpdir(), 'plan-check-hostile-'));
  writeFileSync(path.join(valid, 'hostile.plan.yaml'), planText(HOSTILE));
  writeFileSync(path.join(valid, `${HOSTILE}.actuals.yaml`), actualsText);
  // an invalid one: the hostile string as the plan's file name and inside an error's message
  broken = mkdtempSync(path.join(tmpdir(), 'plan-check-hostile-broken-'));
  writeFileSync(
    path.join(broken, `${HOSTILE}.plan.yaml`),
    planText(HOSTILE)
      .replace('lead: 区市场监管局', `lead: ${JSON.stringify(`区${HOSTILE}`)}\n    due: 2024-13-01`)
      .replace('period:', `units: [区市场监管局]\nperiod:`),
  );
});
afterAll(() => {
  rmSync(valid, { recursive: true, force: true });
  rmSync(broken, { recursive: true, force: true });
});

const run = (cwd: string, args: string[]) => runCli([...args, '--no-config', '--no-cache', '--lang', 'en'], { cwd });

function expectHuman(text: string, what: string, crlf = false): void {
  expect(text, what).not.toMatch(RAW);
  if (!crlf) expect(text, what).not.toContain('\r');
  // the line feed in the name never starts a line of its own
  expect(
    text.split('\n').some((line) => line.startsWith('forged.plan.yaml')),
    what,
  ).toBe(false);
}

describe('the shared XML and machine-text escaping', () => {
  it('shows controls, bidi, invisible characters and lone surrogates as \\uXXXX, keeps tab, LF, CR and pairs', () => {
    expect(escapeForMachineText('a\u0001b\u202ec\u200bd\ufeffe\ud800f\t\n\r😀')).toBe('a\\u0001b\\u202ec\\u200bd\\ufeffe\\ud800f\t\n\r😀');
    expect(escapeXmlText('<a>&]]>\r')).toBe('&lt;a&gt;&amp;]]&gt;&#13;');
    expect(escapeXmlAttribute('"\'\t\n')).toBe('&quot;&apos;&#9;&#10;');
  });
});

describe('a valid project with the hostile string in its titles and a file name', () => {
  it('status table and Markdown, gaps table: escaped', async () => {
    for (const args of [
      ['status', '.', '--as-of', '2024-06-30', '--all'],
      ['status', '.', '--as-of', '2024-06-30', '--all', '--format', 'md'],
      ['gaps', '.', '--as-of', '2024-06-30', '--all'],
      ['gaps', '.', '--as-of', '2024-06-30', '--all', '--format', 'md'],
      ['deadlines', '.', '--as-of', '2024-06-30', '--all'],
    ]) {
      const result = await run(valid, args);
      expect(result.status, `${args.join(' ')}: ${result.stderr}`).toBe(0);
      expectHuman(result.stdout, args.join(' '));
      expectHuman(result.stderr, args.join(' '));
      // shown, not dropped (Markdown also escapes the backslash and the bracket)
      expect(result.stdout, args.join(' ')).toMatch(/\\{1,2}u001b\\?\[31m/);
    }
  });

  it('explain: the title and the place of the figure (the file name) escaped', async () => {
    const result = await run(valid, ['explain', 'hostile:1/a', '.', '--as-of', '2024-06-30']);
    expect(result.status, result.stderr).toBe(0);
    expectHuman(result.stdout, 'explain');
    expect(result.stdout).toContain(
      '\\u000d\\u000aforged.plan.yaml:1:1  error  fake\\u202e\\u2066\\u200b\\ufeff<b>&"\']]>=1+1.actuals.yaml:6',
    );
  });

  it('CSV: no raw control, bidi or zero-width character; a line break stays inside its quoted cell', async () => {
    const result = await run(valid, ['gaps', '.', '--as-of', '2024-06-30', '--all', '--format', 'csv']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(RAW);
    const rows = parseCsv(result.stdout, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(1);
    // the CR LF of the title is a line break inside the quoted cell (CSV's own way), the rest \uXXXX
    expect(rows[0]!.metric).toBe(
      'x\\u001b[31m\\u001b]0;pwned\\u0007\r\nforged.plan.yaml:1:1  error  fake\\u202e\\u2066\\u200b\\ufeff<b>&"\']]>=1+1',
    );
    expect(rows[0]!.unit).toBe('批\\u202e次');
  });

  it('JSON: the text exactly as written (JSON escapes what it must), and parses', async () => {
    const result = await run(valid, ['gaps', '.', '--as-of', '2024-06-30', '--all', '--format', 'json']);
    expect(result.status, result.stderr).toBe(0);
    const data = JSON.parse(result.stdout) as { targets: { metric: string; unit: string }[] };
    expect(data.targets[0]!.metric).toBe(HOSTILE);
    expect(data.targets[0]!.unit).toBe('批\u202e次');
    // C0 controls are \u escapes in the JSON text (LF only between values), never raw bytes
    // eslint-disable-next-line no-control-regex
    expect(result.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });
});

describe('an invalid project: the hostile string as the file name and in a message', () => {
  it('validate text and github, and status on standard error: escaped, no forged line', async () => {
    for (const args of [
      ['validate', '.'],
      ['validate', '.', '--format', 'github'],
    ]) {
      const result = await run(broken, args);
      expect(result.status, args.join(' ')).toBe(1);
      expectHuman(result.stdout, args.join(' '));
    }
    const status = await run(broken, ['status', '.', '--as-of', '2024-06-30']);
    expect(status.status).toBe(1);
    expectHuman(status.stderr, 'status stderr');
    expect(status.stderr).toContain('\\u001b[31m');
  });

  it('SARIF: the artifact URI percent-encoded and decoding to the name, messages escaped, valid JSON', async () => {
    const result = await run(broken, ['validate', '.', '--format', 'sarif']);
    expect(result.status).toBe(1);
    const log = JSON.parse(result.stdout) as {
      runs: { results: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
    };
    const results = log.runs[0]!.results;
    expect(results.length).toBeGreaterThanOrEqual(2);
    for (const entry of results) {
      const uri = entry.locations[0]!.physicalLocation.artifactLocation.uri;
      // a URI has no raw control, space, bidi or non-ASCII character; it decodes to the file's name
      expect(uri).toMatch(/^[\x21-\x7e]+$/);
      expect(decodeURIComponent(uri)).toBe(`${HOSTILE}.plan.yaml`);
      expect(entry.message.text).not.toMatch(RAW);
    }
    const unknownUnit = results.find(
      (entry) => entry.message.text.includes('not in the units registry') || entry.message.text.includes('units'),
    )!;
    expect(unknownUnit.message.text).toContain('\\u001b[31m');
  });

  it('JUnit: well-formed XML whatever the name and the messages hold, every special escaped', async () => {
    const result = await run(broken, ['validate', '.', '--format', 'junit']);
    expect(result.status).toBe(1);
    expect(XMLValidator.validate(result.stdout)).toBe(true);
    // eslint-disable-next-line no-control-regex
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202a-\u202e\u2066-\u2069\u200b\ufeff]/);
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(result.stdout) as {
      testsuites: { testsuite: { testcase: { name: string; failure: { message: string }[] | { message: string } } } };
    };
    const testcase = parsed.testsuites.testsuite.testcase;
    // the name comes back as written, with its invisible and control characters shown as \uXXXX
    expect(testcase.name.replace(/&#13;/g, '\r').replace(/&#10;/g, '\n')).toBe(`${escapeForMachineText(HOSTILE)}.plan.yaml`);
    const failures = Array.isArray(testcase.failure) ? testcase.failure : [testcase.failure];
    expect(failures.length).toBeGreaterThanOrEqual(2);
  });
});
