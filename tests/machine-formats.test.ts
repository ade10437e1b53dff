// Machine formats: `validate --format sarif` checked against the official SARIF 2.1.0 schema and
// `--format junit` against an XML parser, both on broken and valid inputs; and `status`/`gaps
// --format md` as GitHub-flavoured Markdown tables whatever the cell text holds.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AjvModule from 'ajv';
import addFormatsModule from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { type Diagnostic, diagnosticCodes, makeDiagnostic } from '../src/core/diagnostics.js';
import { formatDiagnosticsJunit } from '../src/report/junit.js';
import { markdownText } from '../src/report/markdown.js';
import { formatDiagnosticsSarif } from '../src/report/sarif.js';
import { VERSION } from '../src/version.js';
import { repoRoot, runBin, runCli } from './helpers.js';

type AjvClass = typeof AjvModule.default;
const Ajv: AjvClass = (AjvModule as unknown as { default?: AjvClass }).default ?? (AjvModule as unknown as AjvClass);
type AddFormats = typeof addFormatsModule.default;
const addFormats: AddFormats =
  (addFormatsModule as unknown as { default?: AddFormats }).default ?? (addFormatsModule as unknown as AddFormats);

// The schema is draft-07: ajv's default class; strict off because the schema uses keywords ajv's
// strict mode rejects (e.g. "default" next to "$ref").
const sarifSchema = JSON.parse(
  readFileSync(path.join(repoRoot, 'tests', 'fixtures', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8'),
) as object;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validateSarif = ajv.compile(sarifSchema);

function expectValidSarif(log: unknown): void {
  const ok = validateSarif(log);
  expect(validateSarif.errors ?? [], JSON.stringify(validateSarif.errors, null, 2)).toEqual([]);
  expect(ok).toBe(true);
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId?: string; index?: number };
      region: { startLine: number; startColumn: number };
    };
  }[];
  partialFingerprints: Record<string, string>;
}
interface SarifLog {
  version: string;
  runs: {
    tool: {
      driver: {
        name: string;
        version: string;
        informationUri: string;
        rules: { id: string; shortDescription: { text: string }; defaultConfiguration: { level: string } }[];
      };
    };
    columnKind: string;
    artifacts: { location: { uri: string } }[];
    results: SarifResult[];
  }[];
}
interface JsonDiagnostic {
  file: string;
  line: number;
  column: number;
  severity: string;
  code: string;
  message: string;
}

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true, // also decodes numeric references (&#10;), which XML requires of any parser
  isArray: (name) => ['testsuite', 'testcase', 'failure'].includes(name),
});
interface JunitCase {
  classname: string;
  name: string;
  file: string;
  failure?: { message: string; type: string; '#text': string }[];
  'system-out'?: string;
}
interface JunitSuite {
  name: string;
  tests: string;
  failures: string;
  testcase: JunitCase[];
}
interface Junit {
  testsuites: { tests: string; failures: string; testsuite?: JunitSuite[] };
}

function parseJunit(text: string): Junit {
  expect(XMLValidator.validate(text)).toBe(true);
  return xml.parse(text) as Junit;
}

const cases = (junit: Junit): JunitCase[] => (junit.testsuites.testsuite ?? []).flatMap((suite) => suite.testcase);

/** Counts must agree with the elements: tests = test cases, failures = test cases with a <failure>. */
function expectJunitCounts(junit: Junit): void {
  let tests = 0;
  let failures = 0;
  for (const suite of junit.testsuites.testsuite ?? []) {
    const failing = suite.testcase.filter((c) => (c.failure ?? []).length > 0).length;
    expect(Number(suite.tests)).toBe(suite.testcase.length);
    expect(Number(suite.failures)).toBe(failing);
    tests += suite.testcase.length;
    failures += failing;
  }
  expect(Number(junit.testsuites.tests)).toBe(tests);
  expect(Number(junit.testsuites.failures)).toBe(failures);
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

function tempFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-check-formats-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const broken = 'tests/fixtures/invalid/many-errors-many-files';
const brokenFiles = ['a.plan.yaml', 'b.plan.yaml', 'c.actuals.yaml', 'd.actuals.csv', 'sub/e.plan.yaml'].map((f) => `${broken}/${f}`);
const valid = 'tests/fixtures/cli';

describe('validate --format sarif', () => {
  const run = (args: string[], cwd?: string) => runCli(['validate', ...args, '--no-config', '--lang', 'en'], { cwd });

  it('checks against a schema that really rejects bad logs', () => {
    const minimal = (result: object) => ({ version: '2.1.0', runs: [{ tool: { driver: { name: 'x' } }, results: [result] }] });
    expect(validateSarif(minimal({ message: { text: 'm' }, level: 'error' }))).toBe(true);
    expect(validateSarif(minimal({ message: { text: 'm' }, level: 'fatal' }))).toBe(false);
    expect(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    // why paths are percent-encoded: a raw space is not a valid uri-reference
    const at = (uri: string) => minimal({ message: { text: 'm' }, locations: [{ physicalLocation: { artifactLocation: { uri } } }] });
    expect(validateSarif(at('a b.plan.yaml'))).toBe(false);
    expect(validateSarif(at('a%20b.plan.yaml'))).toBe(true);
  });

  it('is valid SARIF 2.1.0 naming the file, line and column of every diagnostic', async () => {
    const sarif = await run([broken, '--format', 'sarif']);
    expect(sarif.stderr).toBe('');
    expect(sarif.status).toBe(1);
    const log = JSON.parse(sarif.stdout) as SarifLog;
    expectValidSarif(log);
    expect(log.version).toBe('2.1.0');
    expect(log.runs).toHaveLength(1);
    const run0 = log.runs[0]!;
    expect(run0.tool.driver).toMatchObject({ name: 'plan-check', version: VERSION });
    expect(run0.tool.driver.informationUri).toMatch(/^https:\/\//);

    // one rule per code of the table, with its severity as the default level
    const rules = run0.tool.driver.rules;
    expect(rules.map((r) => r.id)).toEqual(Object.keys(diagnosticCodes));
    for (const rule of rules) {
      expect(rule.defaultConfiguration.level).toBe(diagnosticCodes[rule.id as keyof typeof diagnosticCodes]);
      expect(rule.shortDescription.text).not.toBe('');
    }

    // the same diagnostics, in the same order, as --format json
    const json = JSON.parse((await run([broken, '--format', 'json'])).stdout) as { diagnostics: JsonDiagnostic[] };
    expect(run0.results).toHaveLength(json.diagnostics.length);
    run0.results.forEach((result, i) => {
      const d = json.diagnostics[i]!;
      const location = result.locations[0]!.physicalLocation;
      expect(rules[result.ruleIndex]!.id).toBe(result.ruleId);
      expect({ ruleId: result.ruleId, level: result.level, message: result.message.text }).toEqual({
        ruleId: d.code,
        level: d.severity,
        message: d.message,
      });
      expect(location.artifactLocation).toMatchObject({ uri: d.file, uriBaseId: '%SRCROOT%' });
      expect(location.region).toEqual({ startLine: d.line, startColumn: d.column });
      expect(run0.artifacts[location.artifactLocation.index!]!.location.uri).toBe(d.file);
    });
    // places checked by hand in the fixture
    const at = (file: string, code: string) =>
      run0.results.find((r) => r.ruleId === code && r.locations[0]!.physicalLocation.artifactLocation.uri === `${broken}/${file}`)!;
    expect(at('a.plan.yaml', 'duplicate-id').locations[0]!.physicalLocation.region).toEqual({ startLine: 11, startColumn: 9 });
    expect(at('b.plan.yaml', 'yaml-duplicate-key').locations[0]!.physicalLocation.region).toEqual({ startLine: 5, startColumn: 1 });
    expect(at('c.actuals.yaml', 'unknown-ref').locations[0]!.physicalLocation.region).toEqual({ startLine: 7, startColumn: 15 });
    expect(at('d.actuals.csv', 'csv-syntax').locations[0]!.physicalLocation.region).toEqual({ startLine: 3, startColumn: 1 });
    expect(at('d.actuals.csv', 'duplicate-row').level).toBe('warning');
    // every file checked is an artifact, fingerprints are unique
    expect(run0.artifacts.map((a) => a.location.uri).sort()).toEqual([...brokenFiles].sort());
    const prints = run0.results.map((r) => r.partialFingerprints['planCheckLine/v1']);
    expect(new Set(prints).size).toBe(prints.length);
  });

  it('is deterministic: the same bytes on every run, no timestamps', async () => {
    const first = (await run([broken, '--format', 'sarif'])).stdout;
    expect((await run([broken, '--format', 'sarif'])).stdout).toBe(first);
    expect(first).not.toMatch(/Time|timestamp|\d{4}-\d\d-\d\dT/i);
  });

  it('has zero results and exit 0 on a valid folder', async () => {
    const sarif = await run([valid, '--format', 'sarif']);
    expect(sarif.status).toBe(0);
    const log = JSON.parse(sarif.stdout) as SarifLog;
    expectValidSarif(log);
    expect(log.runs[0]!.results).toEqual([]);
    expect(log.runs[0]!.artifacts.length).toBe(3);
  });

  it('carries Chinese messages and rule texts as UTF-8', () => {
    const sarif = runBin(['validate', broken, '--format', 'sarif', '--no-config', '--lang', 'zh-CN']);
    const log = JSON.parse(sarif.stdout) as SarifLog;
    expectValidSarif(log);
    const messages = log.runs[0]!.results.map((r) => r.message.text);
    expect(messages).toContain('任务编号“1”重复（第一次出现在第 6 行）');
    expect(messages.some((m) => m.includes('“区市场监管局”'))).toBe(true);
    expect(log.runs[0]!.tool.driver.rules.find((r) => r.id === 'duplicate-id')!.shortDescription.text).toBe('编号重复');
    expect(sarif.stdout).not.toContain('\ufffd');
  });

  it('counts columns in UTF-16 code units, as SARIF does by default, and encodes paths as URIs', async () => {
    // reordered columns put an emoji (two UTF-16 units, one character) before the bad value
    const dir = tempFolder({
      'p.plan.yaml': readFileSync(path.join(repoRoot, valid, 'demo.plan.yaml'), 'utf8'),
      '区 数据.actuals.csv': 'note,plan,target,as_of,value,reported_by\n😀😀,demo-2024,1/sampling,2024-06-30,abc,区市场监管局\n',
    });
    const json = JSON.parse((await run(['.', '--format', 'json'], dir)).stdout) as { diagnostics: JsonDiagnostic[] };
    expect(json.diagnostics.map((d) => [d.file, d.line, d.column, d.code])).toEqual([['区 数据.actuals.csv', 2, 36, 'invalid-value-cell']]);
    const log = JSON.parse((await run(['.', '--format', 'sarif'], dir)).stdout) as SarifLog;
    expectValidSarif(log);
    const location = log.runs[0]!.results[0]!.locations[0]!.physicalLocation;
    expect(log.runs[0]!.columnKind).toBe('utf16CodeUnits');
    expect(location.region).toEqual({ startLine: 2, startColumn: 38 });
    expect(location.artifactLocation.uri).toBe('%E5%8C%BA%20%E6%95%B0%E6%8D%AE.actuals.csv');
    expect(decodeURI(location.artifactLocation.uri)).toBe('区 数据.actuals.csv');
  });

  it('converts code-point columns from the source text (formatter alone)', () => {
    const diagnostics: Diagnostic[] = [
      makeDiagnostic('unknown-key', 'x.plan.yaml', { line: 2, column: 4 }, { key: 'b' }),
      makeDiagnostic('unknown-key', 'x.plan.yaml', { line: 2, column: 4 }, { key: 'b' }),
      makeDiagnostic('file-encoding', 'gbk.plan.yaml', { line: 1, column: 1 }, { looksLike: 'gb18030' }),
    ];
    const sources = new Map([['x.plan.yaml', 'a: 1\n𠀀😀 b: 2\n']]);
    const log = JSON.parse(
      formatDiagnosticsSarif(diagnostics, { files: ['x.plan.yaml', 'gbk.plan.yaml'], sources, lang: 'en', version: VERSION }),
    ) as SarifLog;
    expectValidSarif(log);
    const regions = log.runs[0]!.results.map((r) => r.locations[0]!.physicalLocation.region);
    expect(regions).toEqual([
      { startLine: 2, startColumn: 6 },
      { startLine: 2, startColumn: 6 },
      { startLine: 1, startColumn: 1 },
    ]);
    // the same line twice: one fingerprint each, told apart by the occurrence count
    const prints = log.runs[0]!.results.map((r) => r.partialFingerprints['planCheckLine/v1']!);
    expect(prints[0]!.split(':')[0]).toBe(prints[1]!.split(':')[0]);
    expect(prints.map((p) => p.split(':')[1])).toEqual(['1', '2', '1']);
  });
});

describe('validate --format junit', () => {
  const run = (args: string[], env?: Record<string, string>) => runCli(['validate', ...args, '--no-config', '--lang', 'en'], { env });

  it('fails each broken file with one <failure> per error, warnings in <system-out>', async () => {
    const result = await run([broken, '--format', 'junit']);
    expect(result.status).toBe(1);
    const junit = parseJunit(result.stdout);
    expectJunitCounts(junit);
    expect(junit.testsuites).toMatchObject({ tests: '5', failures: '5' });
    expect(
      cases(junit)
        .map((c) => c.name)
        .sort(),
    ).toEqual([...brokenFiles].sort());
    const byName = new Map(cases(junit).map((c) => [c.name, c]));
    const a = byName.get(`${broken}/a.plan.yaml`)!;
    expect(a.classname).toBe(`${broken}/a.plan.yaml`);
    expect(a.failure).toHaveLength(1);
    expect(a.failure![0]!.type).toBe('duplicate-id');
    expect(a.failure![0]!.message).toBe(`${broken}/a.plan.yaml:11:9 duplicate-id: duplicate task id "1" (first at line 6)`);
    const d = byName.get(`${broken}/d.actuals.csv`)!;
    expect(d.failure!.map((f) => f.type)).toEqual(['csv-syntax']);
    expect(d.failure![0]!['#text']).toContain(`${broken}/d.actuals.csv:3:1 csv-syntax`);
    expect(d['system-out']).toContain(`${broken}/d.actuals.csv:2:1 warning duplicate-row`);
    // one <failure> per error: the JSON output's errors, file by file
    const json = JSON.parse((await run([broken, '--format', 'json'])).stdout) as { diagnostics: JsonDiagnostic[] };
    for (const c of cases(junit)) {
      expect((c.failure ?? []).length).toBe(json.diagnostics.filter((x) => x.file === c.name && x.severity === 'error').length);
    }
  });

  it('lists files without problems as passing test cases', async () => {
    const dir = tempFolder({
      'p.plan.yaml': readFileSync(path.join(repoRoot, valid, 'demo.plan.yaml'), 'utf8'),
      'good.actuals.csv': 'plan,target,as_of,value,reported_by,note\ndemo-2024,1/sampling,2024-06-30,1020,区市场监管局,\n',
      'bad.actuals.csv': 'plan,target,as_of,value,reported_by,note\ndemo-2024,1/sampling,2024-06-30,-5,区市场监管局,\n',
    });
    const result = await runCli(['validate', '.', '--format', 'junit', '--no-config', '--lang', 'en'], { cwd: dir });
    expect(result.status).toBe(1);
    const junit = parseJunit(result.stdout);
    expectJunitCounts(junit);
    expect(junit.testsuites).toMatchObject({ tests: '3', failures: '1' });
    const byName = new Map(cases(junit).map((c) => [c.name, c]));
    expect(byName.get('p.plan.yaml')!.failure).toBeUndefined();
    expect(byName.get('good.actuals.csv')!.failure).toBeUndefined();
    expect(byName.get('bad.actuals.csv')!.failure![0]!.type).toBe('negative-value');
    expect(junit.testsuites.testsuite!.map((s) => [s.name, s.tests, s.failures])).toEqual([
      ['plan-check plans', '1', '0'],
      ['plan-check actuals', '2', '1'],
    ]);
  });

  it('has zero failures and exit 0 on a valid folder', async () => {
    const result = await run([valid, '--format', 'junit']);
    expect(result.status).toBe(0);
    const junit = parseJunit(result.stdout);
    expectJunitCounts(junit);
    expect(junit.testsuites).toMatchObject({ tests: '3', failures: '0' });
    expect(cases(junit).every((c) => c.failure === undefined)).toBe(true);
  });

  it('keeps Chinese text intact and is the same on every run', async () => {
    const first = (await runCli(['validate', broken, '--format', 'junit', '--no-config', '--lang', 'zh-CN'])).stdout;
    expect((await runCli(['validate', broken, '--format', 'junit', '--no-config', '--lang', 'zh-CN'])).stdout).toBe(first);
    const junit = parseJunit(first);
    const a = cases(junit).find((c) => c.name.endsWith('a.plan.yaml'))!;
    expect(a.failure![0]!.message).toContain('任务编号“1”重复（第一次出现在第 6 行）');
    expect(cases(junit).find((c) => c.name.endsWith('d.actuals.csv'))!['system-out']).toContain('“区市场监管局”');
    expect(first).not.toContain('\ufffd');
  });

  it('survives control characters in a message (end to end)', async () => {
    const plan = readFileSync(path.join(repoRoot, valid, 'demo.plan.yaml'), 'utf8').replace(
      'population: 542857',
      'population: 542857\n"bad\\x01\\x1b[31mkey\\x7f": 1',
    );
    const dir = tempFolder({ 'p.plan.yaml': plan });
    const result = await runCli(['validate', '.', '--format', 'junit', '--no-config', '--lang', 'en'], { cwd: dir });
    expect(result.status).toBe(1);
    // eslint-disable-next-line no-control-regex
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/);
    const junit = parseJunit(result.stdout);
    const failure = cases(junit)[0]!.failure![0]!;
    expect(failure.type).toBe('unknown-key');
    expect(failure.message).toContain('unknown key "bad\\u0001\\u001b[31mkey\\u007f"');
    // SARIF shows the same message the same way (issue 22: a code-scanning page is read by people,
    // so controls are shown as \uXXXX through the shared escaping, not JSON-escaped raw characters)
    const sarif = await runCli(['validate', '.', '--format', 'sarif', '--no-config', '--lang', 'en'], { cwd: dir });
    const log = JSON.parse(sarif.stdout) as SarifLog;
    expectValidSarif(log);
    expect(log.runs[0]!.results[0]!.message.text).toContain('unknown key "bad\\u0001\\u001b[31mkey\\u007f"');
  });

  it('escapes markup, quotes, line breaks and characters XML cannot hold (formatter alone)', () => {
    const nasty = 'a & b <c> "d" \'e\' ]]> \u0000\u0008\u000b\u000c\u001b\ufffe\ud800 tab\there\r\nnext line';
    const diagnostics = [
      makeDiagnostic('yaml-syntax', 'x<&>".plan.yaml', { line: 3, column: 2 }, { detail: nasty }),
      makeDiagnostic('yaml-directive', 'x<&>".plan.yaml', { line: 1, column: 1 }, { version: nasty }),
    ];
    const text = formatDiagnosticsJunit(diagnostics, [{ path: 'x<&>".plan.yaml', kind: 'plan' }], 'en');
    const junit = parseJunit(text);
    expectJunitCounts(junit);
    const c = cases(junit)[0]!;
    expect(c.name).toBe('x<&>".plan.yaml');
    const decoded = 'a & b <c> "d" \'e\' ]]> \\u0000\\u0008\\u000b\\u000c\\u001b\\ufffe\\ud800 tab\there\r\nnext line';
    expect(c.failure![0]!.message).toBe(`x<&>".plan.yaml:3:2 yaml-syntax: YAML syntax error: ${decoded}`);
    expect(c['system-out']).toContain(decoded);
    // a raw CR would be normalised away by a conforming parser: it is written as &#13;
    expect(text).not.toContain('\r');
  });
});

describe('status, gaps and deadlines --format md', () => {
  // titles and names with Markdown's table syntax, a line break and markup in them
  const longTitle = '加强食品安全宣传教育培训工作并开展示范创建活动';
  const plan = `format: plan/1
id: md-2024
title: "方案 | 一"
period: { start: 2024-01-01, end: 2024-12-31 }
sections:
  - title: 第一部分
    tasks:
      - id: "1"
        title: "${longTitle}"
        lead: "区市场监管局 | 区卫健局"
        due: 2024-03-31
        targets:
          - { id: a, metric: "抽检|批次\\n第二行 *重点* <b>x</b> [链接](http://x) a_b_c", target: ">= 100", unit: "批|次" }
          - { id: b, metric: 覆盖率, target: ">= 100%" }
`;
  const dir = tempFolder({ 'md.plan.yaml': plan });
  const md = (args: string[], env?: Record<string, string>) =>
    runCli([...args, '.', '--format', 'md', '--no-config', '--lang', 'zh-CN', '--as-of', '2024-06-30'], { cwd: dir, env });

  /** Cells of a Markdown table row, split on pipes that are not backslash-escaped. */
  const cellsOf = (line: string): string[] => line.replace(/^\| | \|$/g, '').split(/(?<!\\) \| /);

  function expectTable(output: string, rows: number): string[][] {
    const lines = output.split('\n').filter((l) => l.startsWith('|'));
    expect(lines).toHaveLength(rows + 2);
    const width = cellsOf(lines[0]!).length;
    for (const line of lines) {
      expect(line.endsWith(' |')).toBe(true);
      // every unescaped pipe is a cell border: the same count on every row
      expect(line.match(/(?<!\\)\|/g)!.length).toBe(width + 1);
    }
    return lines.slice(2).map(cellsOf);
  }

  it('gaps: pipes escaped, line breaks and markup made literal, long Chinese text unbroken', async () => {
    const result = await md(['gaps']);
    expect(result.stderr).toBe('');
    const rows = expectTable(result.stdout, 2);
    // the ref first (one plan: without the plan id), then the task
    const first = rows.find((r) => r[2]!.startsWith('抽检'))!;
    expect(first[0]).toMatch(/^1\//);
    expect(first[1]).toBe(`1 ${longTitle}`);
    expect(first[2]).toBe('抽检\\|批次 第二行 \\*重点\\* \\<b>x\\</b> \\[链接\\](http://x) a\\_b\\_c');
    expect(first[3]).toBe('区市场监管局 \\| 区卫健局');
    expect(first[4]).toBe('>= 100 批\\|次');
  });

  it('status and deadlines: tables intact, no colour codes even when colour is forced', async () => {
    const status = await md(['status', '--all'], { FORCE_COLOR: '1' });
    expect(status.stderr).toBe('');
    expect(status.stdout).not.toContain('\u001b');
    expect(status.stdout).toContain('方案：方案 \\| 一 (md-2024)');
    expect(status.stdout).toContain(longTitle);
    const tables = status.stdout.split('\n\n').filter((block) => block.startsWith('|'));
    expect(tables).toHaveLength(4);
    expectTable(tables[0]!, 2);
    // on time by unit: task 1 (due 03-31, not done at 06-30) is the lead's one deadline due, overdue:
    // 1 due, 0 on time, 0 late, 1 overdue, 0/1 = 0%; no report due → —
    expect(expectTable(tables[2]!, 1)).toEqual([['区市场监管局 \\| 区卫健局', '1', '0', '0', '1', '0%', '—']]);
    // newest figure by unit: the lead owns both targets, neither has a figure → —, none stale
    expect(expectTable(tables[3]!, 1)).toEqual([['区市场监管局 \\| 区卫健局', '2', '—', '0']]);
    const deadlines = await md(['deadlines'], { FORCE_COLOR: '1' });
    expect(deadlines.stdout).not.toContain('\u001b');
    const rows = expectTable(deadlines.stdout, 1);
    expect(rows[0]![0]).toBe('task/1');
    expect(rows[0]![2]).toBe(`1 ${longTitle}`);
    expect(rows[0]![3]).toBe('区市场监管局 \\| 区卫健局');
  });

  it('markdownText makes any text one literal cell', () => {
    expect(markdownText('a|b\nc\r\nd\re')).toBe('a\\|b c d e');
    expect(markdownText('\\| `x` ~y~ &amp;')).toBe('\\\\\\| \\`x\\` \\~y\\~ \\&amp;');
    expect(markdownText('ctl\u001b[31m')).toBe('ctl\\\\u001b\\[31m');
  });
});
