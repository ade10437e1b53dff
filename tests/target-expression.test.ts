import { describe, expect, it } from 'vitest';
import { parseTargetExpression } from '../src/core/target-expression.js';
import { toNumber } from '../src/core/rational.js';

describe('target expressions', () => {
  it.each([
    ['>= 1900', '>=', 1900, 'count', undefined],
    ['> 0', '>', 0, 'count', undefined],
    ['<= 0', '<=', 0, 'count', undefined],
    ['< 5', '<', 5, 'count', undefined],
    ['>= 100%', '>=', 100, 'percent', undefined],
    ['>=3.5 per 1000', '>=', 3.5, 'per_capita', 1000],
    ['＞＝ ３０％', '>=', 30, 'percent', undefined],
    ['≤ 5%', '<=', 5, 'percent', undefined],
  ])('%s', (text, op, value, kind, per) => {
    const parsed = parseTargetExpression(text)!;
    expect(parsed.op).toBe(op);
    expect(toNumber(parsed.value)).toBe(value);
    expect(parsed.kind).toBe(kind);
    expect(parsed.per === undefined ? undefined : toNumber(parsed.per)).toBe(per);
  });

  // contract v2 reads '>= 1,900' and '不少于1900' (the plan's own words): see target-wording.test.ts
  it.each(['= 5', '>= ', 'about 100', '>= 5 per 0', '>= -3', '大约1900'])('rejects %s', (text) => {
    expect(parseTargetExpression(text)).toBeUndefined();
  });

  it('accepts the structured form', () => {
    const parsed = parseTargetExpression({ op: '>=', value: 3.5, per: 1000 })!;
    expect(parsed.kind).toBe('per_capita');
    expect(parseTargetExpression({ op: '<=', value: 5, percent: true })!.kind).toBe('percent');
    expect(parseTargetExpression({ op: '!=', value: 5 })).toBeUndefined();
  });
});
