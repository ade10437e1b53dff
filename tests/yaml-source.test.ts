import { describe, expect, it } from 'vitest';
import { parseYaml } from '../src/core/yaml-source.js';

const codes = (text: string) => parseYaml(text, 'f.yaml').diagnostics.map((d) => `${d.code}@${d.line}:${d.column}`);

describe('parseYaml', () => {
  it('locates nodes and keys by JSON path', () => {
    const parsed = parseYaml('a:\n  b:\n    - x: 1\n    - y: "two"\n', 'f.yaml');
    expect(parsed.diagnostics).toEqual([]);
    expect(parsed.locator.locate(['a', 'b', 1, 'y'])).toEqual({ line: 4, column: 10 });
    expect(parsed.locator.locate(['a', 'b', 1, 'y'], { key: true })).toEqual({ line: 4, column: 7 });
    // a missing node points at its nearest existing parent
    expect(parsed.locator.locate(['a', 'b', 1, 'zzz'])).toEqual({ line: 4, column: 7 });
    expect(parsed.locator.sourceText(['a', 'b', 0, 'x'])).toBe('1');
  });

  it('finds duplicate keys, including 1 and "1" and Unicode-normalisation twins', () => {
    expect(codes('a: 1\nb: 2\na: 3\n')).toEqual(['yaml-duplicate-key@3:1']);
    expect(codes('1: a\n"1": b\n')).toEqual(['yaml-duplicate-key@2:1']);
    expect(codes('caf\u00e9: 1\ncafe\u0301: 2\n')).toEqual(['yaml-duplicate-key@2:1']);
  });

  it('finds duplicates among many keys in linear time', () => {
    const lines = Array.from({ length: 50_000 }, (_, i) => `k${i}: ${i}`);
    lines.push('k7: again');
    const started = performance.now();
    const result = codes(`${lines.join('\n')}\n`);
    expect(result).toEqual(['yaml-duplicate-key@50001:1']);
    // not a timing assertion on speed, only a guard against the quadratic check (minutes)
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('refuses anchors, aliases, explicit tags and extra documents', () => {
    expect(codes('a: &x 1\nb: *x\n')).toEqual(['yaml-alias@1:4', 'yaml-alias@2:4']);
    expect(codes('a: !!str 5\n')).toEqual(['yaml-tag@1:4']);
    expect(codes('a: 1\n---\nb: 2\n')).toEqual(['yaml-multiple-documents@2:1']);
  });

  it('reads YAML 1.2 core whatever a %YAML directive says', () => {
    const parsed = parseYaml('%YAML 1.1\n---\na: no\nb: 010\nc: 2024-01-01\n', 'f.yaml');
    expect(parsed.data).toEqual({ a: 'no', b: 10, c: '2024-01-01' });
    expect(parsed.diagnostics.map((d) => d.code)).toEqual(['yaml-directive']);
  });

  it('treats __proto__ and constructor as plain keys', () => {
    const parsed = parseYaml('__proto__: {polluted: true}\nconstructor: x\ntoString: y\n', 'f.yaml');
    const data = parsed.data as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // nothing inherited: a missing key is missing, whatever its name
    expect(data.__proto__).toEqual({ polluted: true });
    expect(['hasOwnProperty', 'valueOf', 'isPrototypeOf'].filter((key) => key in data)).toEqual([]);
  });

  it('reports empty files and syntax errors with positions', () => {
    expect(codes('')).toEqual(['file-empty@1:1']);
    expect(codes('# only a comment\n')).toEqual(['file-empty@1:1']);
    expect(codes('a: "unclosed\n').some((c) => c.startsWith('yaml-syntax@'))).toBe(true);
  });

  it('refuses nesting deeper than the limit without crashing', () => {
    const deep = `${'['.repeat(3000)}${']'.repeat(3000)}`;
    expect(codes(deep)[0]).toMatch(/^yaml-too-deep@/);
  });
});

describe('nesting depth before composing', () => {
  it('measures block and flow nesting', async () => {
    const { measureDepth } = await import('../src/core/yaml-source.js');
    expect(measureDepth('a: 1\nb:\n  c:\n    - d: 1\n').depth).toBe(4);
    expect(measureDepth('a: [[1, {b: [2]}]]\n').depth).toBe(5);
    let block = '';
    for (let i = 0; i < 3000; i += 1) block += `${' '.repeat(i)}a:\n`;
    expect(measureDepth(block).depth).toBe(3000);
  });

  it('refuses a 3,000-deep block file again and again without aborting', () => {
    let block = '';
    for (let i = 0; i < 3000; i += 1) block += `${' '.repeat(i)}a:\n`;
    for (let i = 0; i < 5; i += 1) expect(codes(block)).toEqual(['yaml-too-deep@65:65']);
  });
});
