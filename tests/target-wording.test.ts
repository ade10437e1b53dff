// v2 targets in the plan's own words: each wording reads as exactly one canonical form.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseChineseInteger, parseNumberToken, decimalText } from '../src/core/chinese-number.js';
import { toNumber, fromDecimalString } from '../src/core/rational.js';
import { parseTargetExpression } from '../src/core/target-expression.js';
import { readTargetWording, suggestTargetReading } from '../src/core/target-wording.js';
import { project, runCli } from './helpers.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

describe('the contract table', () => {
  it.each([
    ['不少于1900批次', '>= 1900', '批次'],
    ['不低于1900批次', '>= 1900', '批次'],
    ['至少1900批次', '>= 1900', '批次'],
    ['1900批次以上', '>= 1900', '批次'],
    ['达到1900批次', '>= 1900', '批次'],
    ['≥1900批次', '>= 1900', '批次'],
    ['>= 1,900', '>= 1900', undefined],
    ['超过5家', '> 5', '家'],
    ['多于5家', '> 5', '家'],
    ['5家以上（不含5家）', '> 5', '家'],
    ['达到100%', '>= 100%', undefined],
    ['100%', '>= 100%', undefined],
    ['全覆盖', '>= 100%', undefined],
    ['全部', '>= 100%', undefined],
    ['实现全覆盖', '>= 100%', undefined],
    ['98%以上', '>= 98%', undefined],
    ['不低于98%', '>= 98%', undefined],
    ['达98%以上', '>= 98%', undefined],
    ['≥98％', '>= 98%', undefined],
    ['不超过5起', '<= 5', '起'],
    ['不多于5起', '<= 5', '起'],
    ['5起以下', '<= 5', '起'],
    ['控制在5起以内', '<= 5', '起'],
    ['≤5起', '<= 5', '起'],
    ['少于3起', '< 3', '起'],
    ['低于3起', '< 3', '起'],
    ['未发生', '<= 0', undefined],
    ['不发生', '<= 0', undefined],
    ['零发生', '<= 0', undefined],
    ['零', '<= 0', undefined],
    ['4批次/千人', '>= 4 per 1000', '批次'],
    ['每千人4批次', '>= 4 per 1000', '批次'],
    ['4 per 1000', '>= 4 per 1000', undefined],
    ['万分之三', '>= 3 per 10000', undefined],
    ['4/10万以下', '<= 4 per 100000', '人'],
    ['每10万人不超过4人', '<= 4 per 100000', '人'],
    ['1.2万批次', '>= 12000', '批次'],
  ])('%s reads as %s', (written, canonical, unit) => {
    const parsed = parseTargetExpression(written)!;
    expect(parsed.text).toBe(canonical);
    expect(parsed.unit).toBe(unit);
    // ≥98％ is the v1 grammar after width folding: not a wording, so nothing "written" to show
    expect(parsed.written).toBe(written === '≥98％' ? undefined : written);
  });
});

describe('the traps', () => {
  it('不少于 and 不低于 are not 少于 and 低于', () => {
    expect(readTargetWording('不少于3起')!.op).toBe('>=');
    expect(readTargetWording('少于3起')!.op).toBe('<');
    expect(readTargetWording('不低于90%')!.op).toBe('>=');
    expect(readTargetWording('低于90%')!.op).toBe('<');
    expect(readTargetWording('不得少于10次')!.op).toBe('>=');
  });

  it('以上 after a number that ends a sentence is not a comparison', () => {
    // "1900批次。以上工作…": the 以上 opens the next sentence; the wording is refused, and the
    // suggestion reads only the first sentence
    expect(readTargetWording('低于3起。以上')).toBeUndefined();
    expect(suggestTargetReading('低于3起。以上')).toBe('< 3');
    expect(readTargetWording('3起以上')!.op).toBe('>=');
  });

  it('个, 个小时 and 个工作日 are three units (个 before 小时 and 工作日 is their measure word)', () => {
    expect(readTargetWording('不少于3个')!.unit).toBe('个');
    expect(readTargetWording('不超过2个小时')!.unit).toBe('小时');
    expect(readTargetWording('5个工作日以内')).toMatchObject({ op: '<=', unit: '工作日', canonical: '<= 5' });
  });

  it('a prefix and a suffix that disagree are refused', () => {
    expect(readTargetWording('不少于5起以下')).toBeUndefined();
    expect(readTargetWording('不超过5起以上')).toBeUndefined();
  });

  it('a sentence is not a unit', () => {
    expect(readTargetWording('1900批次的抽检任务和检查')).toBeUndefined();
    expect(readTargetWording('98%的合格率')).toBeUndefined();
  });
});

describe('Chinese numerals and 万/亿', () => {
  it.each([
    ['一千九百', 1000 + 900],
    ['十五', 10 + 5],
    ['九十八', 9 * 10 + 8],
    ['两万零五', 2 * 10000 + 5],
    ['一九零零', 1900],
    ['三亿五千万', 3 * 100000000 + 5000 * 10000],
    ['一百零八', 100 + 8],
    ['十', 10],
  ])('%s = %d', (text, value) => {
    expect(parseChineseInteger(text)).toBe(BigInt(value));
  });

  it.each(['百', '二三', '十十', '万亿', ''])('%s is not a number', (text) => {
    expect(parseChineseInteger(text)).toBeUndefined();
  });

  it('reads 1.2万 exactly and 三点五 as 3.5', () => {
    expect(parseNumberToken('1.2万')).toEqual(fromDecimalString('12000'));
    expect(toNumber(parseNumberToken('三点五')!)).toBe(3.5);
    expect(parseTargetExpression('不少于一千九百批次')!.text).toBe('>= 1900');
    expect(parseTargetExpression('百分之九十八以上')!.text).toBe('>= 98%');
    expect(parseTargetExpression('2.5亿元以上')!.text).toBe('>= 250000000');
  });
});

describe('the closest reading of what is not understood', () => {
  it.each([
    ['大约1900批次', '>= 1900'],
    ['争取不超过5起左右', '<= 5'],
    ['合格率达到98%', '>= 98%'],
    ['基本覆盖', '>= 100%'],
  ])('%s → %s', (written, suggestion) => {
    expect(parseTargetExpression(written)).toBeUndefined();
    expect(suggestTargetReading(written)).toBe(suggestion);
  });
});

// Every canonical target, written out in each supported Chinese form, reads back as itself.
const chineseDigits = '零一二三四五六七八九';
function chineseInteger(n: number): string {
  if (n === 0) return '零';
  const parts: string[] = [];
  const write = (x: number): string => {
    // below 10000: 千 百 十 with 零 for gaps
    const units = ['千', '百', '十', ''];
    const digits = String(x).padStart(4, '0').split('').map(Number);
    let out = '';
    let zero = false;
    digits.forEach((d, i) => {
      if (d === 0) {
        zero = out !== '';
        return;
      }
      if (zero) out += '零';
      zero = false;
      out += chineseDigits[d]! + units[i]!;
    });
    return out;
  };
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  if (high > 0) parts.push(`${write(high)}万`);
  if (low > 0) parts.push(high > 0 && low < 1000 ? `零${write(low)}` : write(low));
  return parts.join('');
}

const opWords = {
  '>=': { prefix: ['不少于', '不低于', '至少', '达到', '≥', '不得少于'], suffix: ['以上', '及以上'] },
  '>': { prefix: ['超过', '多于', '高于'], suffix: [] },
  '<=': { prefix: ['不超过', '不多于', '不高于', '≤', '控制在'], suffix: ['以下', '以内'] },
  '<': { prefix: ['少于', '低于'], suffix: [] },
} as const;
const unitWords = ['批次', '家', '起', '个', '个小时', '个工作日', '人次', '所'];

describe('property: every canonical target written in Chinese reads back as itself', () => {
  it('counts, percentages and per-capita rates', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('>=', '>', '<=', '<'),
        fc.integer({ min: 1, max: 99_999_999 }),
        fc.constantFrom('count', 'percent', 'per_capita'),
        fc.constantFrom(...unitWords),
        fc.constantFrom(1000, 10000, 100000),
        fc.nat(),
        (op, value, kind, unit, per, pick) => {
          const words = opWords[op];
          const numbers = [
            String(value),
            chineseInteger(value),
            ...(value % 1000 === 0 && value >= 10000 ? [`${decimalText(fromDecimalString(String(value / 10000)))}万`] : []),
          ];
          const number = numbers[pick % numbers.length]!;
          const tail =
            kind === 'percent'
              ? '%'
              : kind === 'per_capita'
                ? `${unit}/${per === 1000 ? '千人' : per === 10000 ? '万人' : '10万人'}`
                : unit;
          const forms = [
            ...words.prefix.map((w) => `${w}${number}${tail}`),
            ...words.suffix.map((w) => `${number}${tail}${w}`),
            ...(op === '>' ? [`${number}${tail}以上（不含${number}${kind === 'count' ? unit : ''}）`] : []),
          ];
          const canonical = kind === 'percent' ? `${op} ${value}%` : kind === 'per_capita' ? `${op} ${value} per ${per}` : `${op} ${value}`;
          for (const form of forms) {
            const parsed = parseTargetExpression(form);
            expect(parsed?.text, form).toBe(canonical);
            expect(parsed?.unit, form).toBe(kind === 'percent' ? undefined : unit.replace(/^个(?=小时|工作日)/, ''));
            // and the canonical form reads as itself
            expect(parseTargetExpression(canonical)!.text).toBe(canonical);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

const planWith = (target: string, unit?: string): string => `format: plan/1
id: p
title: t
period: { start: 2024-01-01, end: 2024-12-31 }
tasks:
  - id: "1"
    title: 抽检
    lead: [区市场监管局]
    targets:
      - { id: s, metric: 抽检量, target: "${target}"${unit ? `, unit: ${unit}` : ''} }
`;

describe('in a plan', () => {
  it('the wording fills unit', () => {
    const p = project({ 'a.plan.yaml': planWith('不少于1900批次') });
    expect(p.diagnostics).toEqual([]);
    const target = p.plans[0]!.tasks[0]!.targets[0]!;
    expect(target.unit).toBe('批次');
    expect(target.expression.text).toBe('>= 1900');
    expect(toNumber(target.required)).toBe(1900);
  });

  it('the same unit beside it is fine, a different one an error at unit', () => {
    expect(project({ 'a.plan.yaml': planWith('不少于1900批次', '批次') }).diagnostics).toEqual([]);
    const diagnostics = project({ 'a.plan.yaml': planWith('不少于1900批次', '家') }).diagnostics;
    // line 10 is the target line; column 58 is 家: six spaces, then "- { id: s, metric: 抽检量, target: \"不少于1900批次\", unit: " is 51 characters
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([['target-unit-conflict', 10, 58]]);
  });

  it('an unknown wording lists the forms and suggests the closest reading', () => {
    const diagnostics = project({ 'a.plan.yaml': planWith('大约1900批次') }).diagnostics;
    expect(diagnostics.map((d) => d.code)).toEqual(['invalid-target']);
    expect(diagnostics[0]!.args.suggestion).toBe('>= 1900');
    expect(diagnostics[0]!.args.forms).toContain('>= 3.5 per 1000');
  });
});

describe('validate --format json and explain show the canonical form', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'wording-'));
  writeFileSync(path.join(folder, 'a.plan.yaml'), planWith('不少于1900批次'));
  writeFileSync(
    path.join(folder, 'a.actuals.yaml'),
    'format: actuals/1\nplan: p\nas_of: 2024-06-30\nvalues:\n  - { target: 1/s, value: 1000 }\n',
  );

  it('validate', async () => {
    const result = await runCli(['validate', '--format', 'json', 'a.plan.yaml'], { cwd: folder });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).canonical_targets).toEqual([
      { file: 'a.plan.yaml', line: 10, column: 9, ref: 'p:1/s', written: '不少于1900批次', canonical: '>= 1900', unit: '批次' },
    ]);
  });

  it('explain', async () => {
    const result = await runCli(['explain', 'p:1/s', '--as-of', '2024-06-30', '.'], { cwd: folder, env: { LANG: 'zh_CN.UTF-8' } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('目标：>= 1900（不少于1900批次）');
  });
});
