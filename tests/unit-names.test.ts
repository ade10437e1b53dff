// Reporting units checked (contract v2): with a registry an unregistered reported_by is
// unknown-unit with the closest name (and an alias hint for a short or full form); without one,
// two units of one target that are probably one unit give a warning naming both.
import { describe, expect, it } from 'vitest';
import { evaluateProject } from '../src/core/project.js';
import { toNumber } from '../src/core/rational.js';
import { abbreviates, probablySameUnit } from '../src/core/unit-names.js';
import { diagnosticMessage } from '../src/i18n/diagnostic-messages.js';
import { day, project } from './helpers.js';

const plan = (units: string) => `format: plan/1
id: gmp
title: 药品监管
period: { start: 2024-01-01, end: 2024-12-31 }
${units}tasks:
  - id: "1"
    title: 检查
    lead: 区市场监管局
    targets:
      - { id: rate, metric: GMP符合率, target: ">= 95%" }
`;
const csv = (rows: [string, string][]) =>
  `计划,指标,截至日期,数值,填报单位\n${rows.map(([unit, value]) => `gmp,1/rate,2024-06-30,${value},${unit}`).join('\n')}\n`;

describe('unit names', () => {
  it('knows a short form from its full form, a bracketed suffix, and small typos on long names', () => {
    expect(abbreviates('区市场监管局', '区市场监督管理局')).toBe(true);
    expect(abbreviates('区卫健局', '区卫生健康局')).toBe(true);
    expect(abbreviates('区卫健局', '区教体局')).toBe(false);
    expect(probablySameUnit('区市场监管局（食药安办）', '区市场监管局')).toBe(true);
    expect(probablySameUnit('滨江区市场监管局', '滨江区市场监官局')).toBe(true);
    expect(probablySameUnit('区卫健局', '区教体局')).toBe(false);
    expect(probablySameUnit('甲街道', '乙街道')).toBe(false);
  });

  it('with a registry, an unregistered reported_by is unknown-unit at its cell, with the alias hint', () => {
    const loaded = project({
      'gmp.plan.yaml': plan('units: [区市场监管局, 区卫健局]\n'),
      'a.actuals.csv': csv([
        ['区市场监管局', '39/40'],
        ['区市场监督管理局', '117/120'],
      ]),
    });
    // "gmp,1/rate,2024-06-30,117/120," is 3+1+6+1+10+1+7+1 = 30 characters: the unit starts at 31
    expect(loaded.diagnostics.map((d) => [d.code, d.line, d.column, d.args.suggestion, d.args.alias])).toEqual([
      ['unknown-unit', 3, 30 + 1, '区市场监管局', '区市场监管局'],
    ]);
    expect(diagnosticMessage('unknown-unit', loaded.diagnostics[0]!.args, 'zh-CN')).toContain(
      '若是同一单位，请把它加为简称：{ name: 区市场监管局, aliases: [区市场监督管理局] }',
    );
  });

  it('with the short form registered as an alias the two rows are one unit: the later figure, not a sum', () => {
    const loaded = project({
      'gmp.plan.yaml': plan('units: [{ name: 区市场监管局, aliases: [区市场监督管理局] }]\n'),
      'a.actuals.csv': csv([
        ['区市场监管局', '39/40'],
        ['区市场监督管理局', '117/120'],
      ]),
    });
    // one unit, one date: the later row wins (with a duplicate-row warning): 117/120 = 97.5%
    expect(loaded.diagnostics.map((d) => d.code)).toEqual(['duplicate-row']);
    const rate = evaluateProject(loaded, day('2024-06-30'), 14).targets[0]!;
    expect(toNumber(rate.actual!)).toBe((117 * 100) / 120);
  });

  it('without a registry, two spellings of one unit are a warning naming both; the figure is their sum', () => {
    const loaded = project({
      'gmp.plan.yaml': plan(''),
      'a.actuals.csv': csv([
        ['区市场监管局', '39/40'],
        ['区市场监督管理局', '117/120'],
      ]),
    });
    expect(loaded.diagnostics.map((d) => [d.code, d.severity, d.line, d.args.unit, d.args.other])).toEqual([
      ['similar-units', 'warning', 3, '区市场监督管理局', '区市场监管局'],
    ]);
    const rate = evaluateProject(loaded, day('2024-06-30'), 14).targets[0]!;
    // summed as two units: (39+117)/(40+120)
    expect(toNumber(rate.actual!)).toBe(((39 + 117) * 100) / (40 + 120));
  });

  it('distinct units stay quiet', () => {
    const loaded = project({
      'gmp.plan.yaml': plan(''),
      'a.actuals.csv': csv([
        ['区卫健局', '39/40'],
        ['区教体局', '117/120'],
      ]),
    });
    expect(loaded.diagnostics).toEqual([]);
  });
});
