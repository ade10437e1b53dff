// The fast YAML path must never disagree with the full parse: whenever it accepts a text, the full
// parse finds no problem in it and composes exactly the same data. Checked on every YAML file the
// repository ships, on hand-picked traps, and on random documents and random mutations of them.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import jsYaml from 'js-yaml';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYamlFast } from '../src/core/yaml-fast.js';
import { defaultYamlLimits, parseYaml, parseYamlFull } from '../src/core/yaml-source.js';
import { repoRoot } from './helpers.js';
import { MAPPING_PROTOTYPE } from '../src/core/plain-data.js';

function yamlFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(name) ? [full] : [];
  });
}

/**
 * Data written out with its types and prototypes (toStrictEqual cannot compare objects that have a
 * `constructor` key): NaN, -0, and key order all show; mappings must inherit nothing (plain-data.ts).
 */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object')
    return typeof value === 'number' ? `n:${Object.is(value, -0) ? '-0' : String(value)}` : `${typeof value}:${JSON.stringify(value)}`;
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const proto = Object.getPrototypeOf(value) === MAPPING_PROTOTYPE ? 'mapping' : Object.getPrototypeOf(value) === null ? 'null' : 'object';
  return `${proto}{${Object.keys(value)
    .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
    .join(',')}}`;
}

/** The property: fast says "not sure", or it says exactly what the full parse says. */
function agree(text: string): boolean {
  const fast = parseYamlFast(text, defaultYamlLimits);
  if (fast === undefined) return false;
  const full = parseYamlFull(text, 'x.yaml', defaultYamlLimits);
  expect(full.diagnostics, JSON.stringify(text)).toEqual([]);
  expect(canonical(fast), JSON.stringify(text)).toBe(canonical(full.data));
  return true;
}

describe('fast YAML path', () => {
  it('takes every shipped plan and actuals file, and agrees with the full parse on each', () => {
    const files = [...yamlFiles(path.join(repoRoot, 'examples')), ...yamlFiles(path.join(repoRoot, 'tests', 'fixtures'))];
    expect(files.length).toBeGreaterThan(20);
    let accepted = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
      if (agree(text)) accepted += 1;
      if (file.includes(`${path.sep}examples${path.sep}`)) expect(parseYamlFast(text, defaultYamlLimits), file).toBeDefined();
    }
    expect(accepted).toBeGreaterThan(files.length / 2);
  });

  it('resolves plain scalars by the YAML 1.2 core schema, as the full parse does', () => {
    const scalars = [
      '010',
      '0o17',
      '0o8',
      '0x1F',
      '0X1F',
      '+12',
      '-0',
      '1_000',
      '1,000',
      '.5',
      '1.',
      '1e3',
      '1E+3',
      '-1.5e-3',
      '.inf',
      '-.Inf',
      '+.INF',
      '.nan',
      '.NaN',
      'nan',
      'inf',
      'yes',
      'no',
      'on',
      'off',
      'y',
      'n',
      'True',
      'TRUE',
      'tRue',
      'false',
      '~',
      'null',
      'Null',
      'NULL',
      'nUll',
      '2024-01-01',
      '2024-01-01T10:00:00Z',
      '1:30',
      '12:30:00',
      '9007199254740993',
      '123456789012345678901234567890',
      '0b101',
      '0.1',
      '1.2万',
      '１９００',
      '100％',
      '45076',
      '2023/5/30',
      '30/05/2023',
    ];
    for (const value of scalars) {
      expect(agree(`key: ${value}\nlist: [${value}, "${value}"]\n`), value).toBe(true);
    }
  });

  it('takes globs and other text with *, & or ! inside a plain scalar (no anchor, alias or tag can start there)', () => {
    for (const text of ['plans:\n  - examples/**/*.plan.yaml\n', 'a: R&D\nb: x!\n', 'a: [x*y, p&q]\n']) {
      expect(parseYamlFast(text, defaultYamlLimits), text).toBeDefined();
      expect(agree(text), text).toBe(true);
    }
  });

  it('declines what it does not handle, leaving the explanation to the full parse', () => {
    const declined = [
      '%YAML 1.1\n---\na: no\n',
      'a: &x 1\nb: *x\n',
      'a: [1, *x]\n',
      'a: {b: *x}\n',
      '- *x\n',
      'a: !!binary aGVsbG8=\n',
      'a: !local x\n',
      'a: 1\n---\nb: 2\n',
      '? [a, b]\n: 1\n',
      '[a, b]: 1\n',
      '{a: 1}: 2\n',
      'a: 1\na: 2\n',
      '1: x\n"1": y\n',
      'caf\u00e9: 1\ncafe\u0301: 2\n',
      '~: 1\n',
      ': 1\n',
      'a:\n\tb: 1\n',
      'a: 1\n\uFEFFb: 2\n',
      '',
      '# only a comment\n',
      'just a scalar\n',
      '- a\n- b\n',
      `${'['.repeat(200)}${']'.repeat(200)}\n`,
      `a: ${'['.repeat(100)}1${']'.repeat(100)}\n`,
    ];
    for (const text of declined) expect(parseYamlFast(text, defaultYamlLimits), JSON.stringify(text)).toBeUndefined();
  });

  it("gives places that resolve to the full parse's line:col when read", () => {
    const text = 'format: plan/1\nid: p\ntasks:\n  - id: "1"\n    title: 甲\n  - id: "2"\n    title: 乙\n';
    const parsed = parseYaml(text, 'x.plan.yaml');
    expect(parsed.diagnostics).toEqual([]);
    const place = parsed.locator.place('x.plan.yaml', ['tasks', 1, 'title']);
    // a lazy place: its line and column are read through its getters
    expect({ file: place.file, line: place.line, column: place.column }).toEqual({ file: 'x.plan.yaml', line: 7, column: 12 });
    expect(parsed.locator.locate(['tasks', 0], {})).toMatchObject({ line: 4, column: 5 });
    expect(parsed.locator.locate(['id'], { key: true })).toMatchObject({ line: 2, column: 1 });
  });

  // random documents, written by both libraries in several styles, then mutated
  const keyArb = fc.oneof(
    fc.constantFrom(
      'id',
      'title',
      'target',
      '1',
      '01',
      'null',
      'true',
      '__proto__',
      'constructor',
      'toString',
      '指标',
      'a b',
      'a:b',
      '-x',
      '?x',
    ),
    fc.string({ maxLength: 6 }),
  );
  const scalarArb = fc.oneof(
    fc.constantFrom(
      '010',
      '0o17',
      '0x1F',
      '+12',
      '.5',
      '1e3',
      '.inf',
      '.nan',
      'yes',
      'no',
      '~',
      'Null',
      '2024-01-01',
      '1:30',
      '>= 95%',
      '# x',
      "it's",
      '"q"',
      '',
      ' ',
      '-',
      '- a',
      'a: b',
      '[x]',
      '{y}',
      '&a',
      '*a',
      '!t',
      '|',
      '>',
      '%x',
    ),
    fc.string({ maxLength: 12 }),
    fc.integer(),
    fc.double({ noNaN: false }),
    fc.boolean(),
    fc.constant(null),
  );
  const valueArb = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small' }, scalarArb, tie('list'), tie('map')),
    list: fc.array(tie('value'), { maxLength: 4 }),
    map: fc.dictionary(keyArb, tie('value'), { maxKeys: 4 }),
  })).map;

  it('agrees with the full parse on random documents in several styles', () => {
    fc.assert(
      fc.property(valueArb, fc.constantFrom('yaml-block', 'yaml-flow', 'js-yaml', 'js-yaml-flow'), (value, style) => {
        let text: string;
        try {
          text =
            style === 'yaml-block'
              ? stringify(value)
              : style === 'yaml-flow'
                ? stringify(value, { collectionStyle: 'flow' })
                : style === 'js-yaml'
                  ? jsYaml.dump(value)
                  : jsYaml.dump(value, { flowLevel: 1 });
        } catch {
          return;
        }
        agree(text);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
  });

  it('agrees with the full parse on random mutations of real plans', () => {
    const texts = yamlFiles(path.join(repoRoot, 'examples')).map((file) => readFileSync(file, 'utf8'));
    const pieces = [
      ':',
      ': ',
      '：',
      '- ',
      '  ',
      '\t',
      '\n',
      '"',
      "'",
      '#',
      '[',
      ']',
      '{',
      '}',
      ',',
      '?',
      '|',
      '>',
      '\u3000',
      '\u00a0',
      '\r',
      'null',
      '~',
    ];
    fc.assert(
      fc.property(
        fc.nat(texts.length - 1),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(...pieces),
        fc.constantFrom('insert', 'replace', 'delete-line', 'indent'),
        (which, at1, at2, piece, how) => {
          const text = texts[which]!;
          const i = at1 % text.length;
          let mutated: string;
          if (how === 'insert') mutated = text.slice(0, i) + piece + text.slice(i);
          else if (how === 'replace') mutated = text.slice(0, i) + piece + text.slice(i + 1 + (at2 % 3));
          else {
            const lines = text.split('\n');
            const line = at2 % lines.length;
            if (how === 'delete-line') lines.splice(line, 1);
            else lines[line] = ` ${lines[line]}`;
            mutated = lines.join('\n');
          }
          agree(mutated);
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
  });
});

describe('columns', () => {
  it('count characters, not UTF-16 units, before the place (as CSV columns and editors do)', () => {
    const text = 'format: plan/1\nsections: [{ title: "😀😀", bogus: 1, tasks: [] }]\n';
    const parsed = parseYamlFull(text, 'x.plan.yaml');
    // `sections: [{ title: "😀😀", ` is 26 characters (each emoji one), so `bogus` is at column 27
    expect(parsed.locator.locate(['sections', 0, 'bogus'], { key: true })).toEqual({ line: 2, column: 27 });
    expect(parseYaml(text, 'x.plan.yaml').locator.locate(['sections', 0, 'bogus'], { key: true })).toMatchObject({ line: 2, column: 27 });
  });
});
