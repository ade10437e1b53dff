// Issue 22 item 6: invisible characters (Unicode's Default_Ignorable_Code_Point set) in unit
// names and ids are removed before anything compares them, each with an invisible-character
// warning at file:line:col naming the character, so a zero-width space never makes one
// department count as two and a ref with a soft hyphen still finds its target.
import { describe, expect, it } from 'vitest';
import { evaluateProject } from '../src/core/project.js';
import { toNumber } from '../src/core/rational.js';
import { foldName, invisibleCodePoints } from '../src/core/text-fold.js';
import { diagnosticMessage } from '../src/i18n/diagnostic-messages.js';
import { day, project } from './helpers.js';

const ZWSP = '\u200b';
const SOFT_HYPHEN = '\u00ad';
const WORD_JOINER = '\u2060';
const TAG_A = '\u{e0041}';

/** The plan: one target, combine sum, no registry unless one is given. */
const plan = (lead: string, units = '') => `format: plan/1
id: demo
title: 示例
period: { start: 2024-01-01, end: 2024-12-31 }
${units}tasks:
  - id: "4"
    title: 抽检
    lead: ${lead}
    targets:
      - { id: sampling, metric: 抽检量, target: ">= 1000" }
`;
const csv = (rows: [ref: string, value: number, unit: string][]) =>
  `plan,target,as_of,value,reported_by\n${rows.map(([ref, value, unit]) => `demo,${ref},2024-06-30,${value},${unit}`).join('\n')}\n`;

describe('foldName', () => {
  it('removes every kind of default-ignorable code point, and names each as U+XXXX', () => {
    const name = `区${ZWSP}市场${SOFT_HYPHEN}监管\u200c局\u200d\ufeff\u202e\ufe0f${TAG_A}${WORD_JOINER}\u034f\u180e`;
    expect(foldName(name)).toBe('区市场监管局');
    expect(invisibleCodePoints(name)).toEqual([
      'U+200B',
      'U+00AD',
      'U+200C',
      'U+200D',
      'U+FEFF',
      'U+202E',
      'U+FE0F',
      'U+E0041',
      'U+2060',
      'U+034F',
      'U+180E',
    ]);
    // visible text is kept: an ordinary space inside, a middle dot, an ideographic comma
    expect(foldName('区 市场·监管、局')).toBe('区 市场·监管、局');
  });
});

describe('invisible characters in names and ids', () => {
  it('one unit with a zero-width space in one row is one unit: the later figure, not a sum, and a warning at the cell', () => {
    const loaded = project({
      'x.plan.yaml': plan('区市场监管局'),
      'x.actuals.csv': csv([
        ['4/sampling', 100, `区市场${ZWSP}监管局`],
        ['4/sampling', 300, '区市场监管局'],
      ]),
    });
    // "demo,4/sampling,2024-06-30,100," is 4+1+10+1+10+1+3+1 = 31 characters: the unit starts at column 32
    expect(loaded.diagnostics.map((d) => [d.code, d.severity, d.line, d.column, d.args.chars, d.args.name])).toEqual([
      ['invisible-character', 'warning', 2, 31 + 1, ['U+200B'], '区市场监管局'],
      ['duplicate-row', 'warning', 3, 1, undefined, undefined],
    ]);
    const sampling = evaluateProject(loaded, day('2024-06-30'), 14).targets[0]!;
    // one unit reported 100 then 300 for one date: the later row, 300 (two units would sum to 400)
    expect(toNumber(sampling.actual!)).toBe(300);
  });

  it('a soft hyphen in a ref and a word joiner in a plan id still find the target', () => {
    const loaded = project({
      'x.plan.yaml': plan('区市场监管局'),
      'x.actuals.csv': `plan,target,as_of,value,reported_by\ndemo${WORD_JOINER},4/samp${SOFT_HYPHEN}ling,2024-06-30,700,区市场监管局\n`,
    });
    // the plan cell at column 1, the ref after "demo⁠," (5 characters + the comma): column 7
    expect(loaded.diagnostics.map((d) => [d.code, d.line, d.column, d.args.chars, d.args.field])).toEqual([
      ['invisible-character', 2, 1, ['U+2060'], 'plan'],
      ['invisible-character', 2, 7, ['U+00AD'], 'target'],
    ]);
    expect(toNumber(evaluateProject(loaded, day('2024-06-30'), 14).targets[0]!.actual!)).toBe(700);
  });

  it('is warned once per distinct cell text in a file, not once per row', () => {
    const rows: [string, number, string][] = Array.from({ length: 5 }, (_, i) => ['4/sampling', 10 * (i + 1), `区市场监管局${ZWSP}`]);
    const loaded = project({
      'x.plan.yaml': plan('区市场监管局'),
      'x.actuals.csv': csv(rows).replace(/2024-06-30/g, (_, offset: number) => `2024-0${1 + (offset % 5)}-28`),
    });
    expect(loaded.diagnostics.filter((d) => d.code === 'invisible-character').map((d) => d.line)).toEqual([2]);
  });

  it('in a plan: lead, registry names and aliases, task and target ids, duty owners, each', () => {
    const text = `format: plan/1
id: demo
title: 示例
period: { start: 2024-01-01, end: 2024-12-31 }
units:
  - 区市场监管局
  - { name: 区卫健局, aliases: ["卫\\u00ad健局"] }
duties:
  - { id: "month\\u200bly", title: 月报, owner: ["区卫健局\\u2060"], every: month, day: 5 }
tasks:
  - id: "4\\u200b"
    title: 抽检
    lead: "区市场\\u200b监管局"
    support: [卫健局]
    targets:
      - { id: "samp\\u00adling", metric: 抽检量, target: ">= 1000", each: ["区卫健局\\ufeff"] }
`;
    const loaded = project({ 'x.plan.yaml': text });
    // each warning at the start of its value (escapes count as written: "\u200b" is 6 columns):
    // line 7: "  - { name: 区卫健局, aliases: [" is 28 characters;
    // line 9: "  - { id: " 10; + "\"month\u200bly\", " 17 + "title: 月报, " 11 + "owner: [" 8 = 46;
    // line 16: "      - { id: " 14; + "\"samp\u00adling\", " 18 + "metric: 抽检量, " 13 + "target: \">= 1000\", " 19 + "each: [" 7 = 71
    expect(loaded.diagnostics.map((d) => [d.line, d.column, d.args.field, d.args.chars])).toEqual([
      [7, 28 + 1, 'aliases', ['U+00AD']],
      [9, 10 + 1, 'id', ['U+200B']],
      [9, 10 + 17 + 11 + 8 + 1, 'owner', ['U+2060']],
      [11, 9, 'id', ['U+200B']],
      [13, 11, 'lead', ['U+200B']],
      [16, 14 + 1, 'id', ['U+00AD']],
      [16, 14 + 18 + 13 + 19 + 7 + 1, 'each', ['U+FEFF']],
    ]);
    expect(loaded.diagnostics.every((d) => d.code === 'invisible-character' && d.severity === 'warning')).toBe(true);
    const demo = loaded.plans[0]!;
    expect(demo.tasks[0]!.id).toBe('4');
    expect(demo.tasks[0]!.lead).toEqual(['区市场监管局']);
    // the alias 卫健局 (soft hyphen removed) resolves to the registered name
    expect(demo.tasks[0]!.support).toEqual(['区卫健局']);
    expect(demo.tasks[0]!.targets[0]!.ref).toBe('demo:4/sampling');
    expect(demo.tasks[0]!.targets[0]!.each!.map((unit) => unit.unit)).toEqual(['区卫健局']);
    expect(demo.duties[0]!.id).toBe('monthly');
    expect(demo.duties[0]!.owners).toEqual(['区卫健局']);
  });

  it('in YAML actuals: reported_by and refs; with a registry the name is not an unknown unit', () => {
    const actuals = `format: actuals/1
plan: demo
reported_by: "区卫健局\\u200b"
as_of: 2024-06-30
values:
  - { target: "4/sam\\u200cpling", value: 640 }
`;
    const loaded = project({ 'x.plan.yaml': plan('区市场监管局', 'units: [区市场监管局, 区卫健局]\n'), 'x.actuals.yaml': actuals });
    expect(loaded.diagnostics.map((d) => [d.file, d.line, d.column, d.args.field, d.args.chars])).toEqual([
      ['x.actuals.yaml', 3, 14, 'reported_by', ['U+200B']],
      ['x.actuals.yaml', 6, 15, 'target', ['U+200C']],
    ]);
    expect(toNumber(evaluateProject(loaded, day('2024-06-30'), 14).targets[0]!.actual!)).toBe(640);
  });

  it('says which character, in both languages, and never shows it raw', () => {
    const loaded = project({ 'x.plan.yaml': plan(`"区市场\\u200b监管局"`) });
    const args = loaded.diagnostics[0]!.args;
    const en = diagnosticMessage('invisible-character', args, 'en');
    const zh = diagnosticMessage('invisible-character', args, 'zh-CN');
    expect(en).toBe(
      '"lead" is "区市场<U+200B>监管局", which holds the invisible character U+200B: removed before comparing, so it reads "区市场监管局". Delete it from the file (usually pasted in from a web page or a word processor)',
    );
    expect(zh).toContain('不可见字符 U+200B');
    expect(zh).toContain('按“区市场监管局”读取');
    for (const message of [en, zh]) expect(message).not.toMatch(/\p{Default_Ignorable_Code_Point}/u);
  });

  it('a file without invisible characters gives no warning and keeps its data as parsed', () => {
    const loaded = project({ 'x.plan.yaml': plan('区市场监管局'), 'x.actuals.csv': csv([['4/sampling', 100, '区市场监管局']]) });
    expect(loaded.diagnostics).toEqual([]);
  });
});
