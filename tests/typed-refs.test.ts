// Refs people can type in the 指标 cell of a form (contract v2): the ref, a unique target id, or a
// unique metric text (NFKC-folded, trimmed); anything else lists the closest candidates with refs.
import { describe, expect, it } from 'vitest';
import { evaluateProject } from '../src/core/project.js';
import { toNumber } from '../src/core/rational.js';
import { diagnosticMessage } from '../src/i18n/diagnostic-messages.js';
import { day, project } from './helpers.js';

const plan = `format: plan/1
id: xl
title: 表格报送
period: { start: 2024-01-01, end: 2024-12-31 }
tasks:
  - id: "1"
    title: 抽检
    lead: 区市场监管局
    targets:
      - { id: count, metric: 抽检批次, target: ">= 1000", unit: 批次 }
      - { id: rate, metric: 抽检合格率, target: ">= 98%" }
  - id: "2"
    title: 培训
    lead: 区市场监管局
    targets:
      - { id: count, metric: 培训人次, target: ">= 500", unit: 人次 }
      - { id: gmp, metric: 抽检合格率, target: ">= 95%" }
`;

const load = (cells: string[]) =>
  project({
    'xl.plan.yaml': plan,
    'a.actuals.csv': `计划,指标,截至日期,数值,填报单位\n${cells.map((cell, index) => `xl,${cell},2024-06-30,${cell.includes('率') || cell.normalize('NFKC') === 'gmp' ? '47/50' : '10'},${index === 3 ? '区卫健局' : '区市场监管局'}`).join('\n')}\n`,
  });

describe('typed refs in forms', () => {
  it('a unique target id and a unique metric (full-width, spaced) resolve to their targets', () => {
    const loaded = load(['gmp', ' 培训人次 ', '1/count', 'ｇｍｐ']);
    expect(loaded.diagnostics).toEqual([]);
    const byRef = new Map(evaluateProject(loaded, day('2024-06-30'), 14).targets.map((result) => [result.target.ref, result]));
    // gmp from two units (one typed full-width): (47+47)/(50+50) → 94%
    expect(toNumber(byRef.get('xl:2/gmp')!.actual!)).toBe(((47 + 47) * 100) / (50 + 50));
    expect(toNumber(byRef.get('xl:2/count')!.actual!)).toBe(10);
    expect(toNumber(byRef.get('xl:1/count')!.actual!)).toBe(10);
  });

  it('an id or metric shared by two targets is ambiguous and lists both with their refs', () => {
    const loaded = load(['count', '抽检合格率']);
    expect(loaded.diagnostics.map((d) => [d.code, d.line, d.args.ambiguous, d.args.candidates])).toEqual([
      ['unknown-ref', 2, 'yes', ['1/count（抽检批次）', '2/count（培训人次）']],
      ['unknown-ref', 3, 'yes', ['1/rate（抽检合格率）', '2/gmp（抽检合格率）']],
    ]);
    expect(diagnosticMessage('unknown-ref', loaded.diagnostics[0]!.args, 'zh-CN')).toBe(
      '“count”对应方案 xl 中的多个指标：1/count（抽检批次）, 2/count（培训人次）；请填写指标编号',
    );
  });

  it('an unknown text lists the closest candidates', () => {
    const loaded = load(['培训人数统计表']);
    expect(loaded.diagnostics.map((d) => [d.code, (d.args.candidates as readonly string[] | undefined)?.[0]])).toEqual([
      ['unknown-ref', '2/count（培训人次）'],
    ]);
    expect(diagnosticMessage('unknown-ref', loaded.diagnostics[0]!.args, 'en')).toContain('Closest: 2/count（培训人次）');
  });

  it('YAML actuals keep to refs: an id alone is not looked up there', () => {
    const loaded = project({
      'xl.plan.yaml': plan,
      'a.actuals.yaml': 'format: actuals/1\nplan: xl\nas_of: 2024-06-30\nvalues:\n  - { target: gmp, value: 1 }\n',
    });
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['unknown-ref']);
  });
});
