// plan-check draft: from a published plan's text to plan YAML that validates as written.
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { regularisePunctuation, toParagraphs } from '../src/draft/document-text.js';
import { draftPlans } from '../src/draft/draft-plan.js';
import { formatDraftYaml } from '../src/draft/draft-yaml.js';
import { emptyResponsibility, findResponsibility, settleResponsibility } from '../src/draft/responsibility.js';
import { readDocxText } from '../src/io/read-docx.js';
import { STACK_FRAME, project, runBin, runCli } from './helpers.js';

// Written in the seeds' own phrasing (a notice, a plan, four ways of naming owners).
const NOTICE = `滨江区食品药品安全委员会文件

区食药安委〔2024〕1号

滨江区食品药品安全委员会关于印发《2024年全区食品安全工作要点》的通知

各街道，区级有关部门：
现将《2024年全区食品安全工作要点》印发给你们，请认真贯彻执行。

滨江区食品药品安全委员会
2024年3月1日

2024年全区食品安全工作要点

一、压实各方责任
1.压实属地责任。开展包保督导工作，包保督导完成率达到100%。[区食药安办负责]深化部门协调联动。[区食药安办、各街道负责]
2.强化企业主体责任。指导企业配齐食品安全员。（区农业农村局牵头，区市场监管局、区公安分局按职责分工负责）
二、提升保障能力
3.提升风险预警能力。全区食品监督抽检不少于1900批次，其中食用农产品不少于910批次，食品抽检合格率98%以上。确保全年不发生重大食品安全事故。设立22家哨点。
牵头单位：区市场监管局（食品科牵头，执法大队配合）
参与单位：区卫健局、区教育局
4.推进智慧监管。推动“互联网+明厨亮灶”全覆盖。完成2.5项改造，提升3个百分点。（区市场监管局、区卫健局按职责分工负责）
三、工作步骤
（一）动员部署阶段（4月底至5月初）。召开动员会。
（二）集中整治阶段（6月1日至11月30日）。开展整治。
四、工作要求
区食药安办每月10日前报送工作落实情况，11月15日前报全年工作总结。各成员单位每季度开展一次督导检查。
`;

/** A draft's YAML checked, as written, by the project's own validator. */
function validateDraft(yaml: string) {
  return project({ 'draft.plan.yaml': yaml }).diagnostics;
}

function draftText(text: string) {
  const plans = draftPlans(regularisePunctuation(text), { fallbackYear: 2024 });
  return plans.map((plan, i) => ({ plan, yaml: formatDraftYaml(plan, { id: `draft-${i + 1}`, source: 'test.txt' }) }));
}

describe('draft from a notice and its plan', () => {
  const { plan, yaml } = draftText(NOTICE)[0]!;

  it('reads the header', () => {
    expect(plan).toMatchObject({
      title: '2024年全区食品安全工作要点',
      issuer: '滨江区食品药品安全委员会',
      docNo: '区食药安委〔2024〕1号',
      issued: '2024-03-01',
      period: { start: '2024-01-01', end: '2024-12-31' },
    });
  });

  it('finds the sections and numbered tasks; （一） items under a part without 1. items are tasks too', () => {
    expect(plan.sections.map((s) => [s.title, s.tasks.map((t) => `${t.id} ${t.title}`)])).toEqual([
      ['压实各方责任', ['1 压实属地责任', '2 强化企业主体责任']],
      ['提升保障能力', ['3 提升风险预警能力', '4 推进智慧监管']],
      ['工作步骤', ['3-1 动员部署阶段（4月底至5月初）', '3-2 集中整治阶段（6月1日至11月30日）']],
    ]);
  });

  it('applies the responsibility rule', () => {
    const tasks = plan.sections.flatMap((s) => s.tasks);
    // [区食药安办负责] and [区食药安办、各街道负责]: every unit named 负责 for a part with no 牵头 leads, a group too
    expect(tasks[0]).toMatchObject({ lead: ['区食药安办', '各街道'], support: [] });
    // 牵头 leads; 按职责分工负责 beside a 牵头 supports
    expect(tasks[1]).toMatchObject({ lead: ['区农业农村局'], support: ['区市场监管局', '区公安分局'] });
    // 牵头单位：A（B牵头，C配合）: A and B lead, C and the 参与单位 support
    expect(tasks[2]).toMatchObject({ lead: ['食品科', '区市场监管局'], support: ['执法大队', '区卫健局', '区教育局'] });
    // X、Y按职责分工负责 with no 牵头: both lead, and nothing is guessed
    expect(tasks[3]).toMatchObject({ lead: ['区市场监管局', '区卫健局'], support: [] });
    expect(tasks[3]!.checks).toEqual([]);
  });

  it('reads targets through the wording reader, with op, value, unit', () => {
    const targets = plan.sections[1]!.tasks[0]!.targets.map((t) => `${t.target} ${t.unit ?? ''}`.trim());
    expect([...targets].sort()).toEqual(['<= 0 起', '>= 1900 批次', '>= 22 家', '>= 910 批次', '>= 98%']);
    expect(plan.sections[0]!.tasks[0]!.targets.map((t) => t.target)).toEqual(['>= 100%']);
  });

  it('lists a sentence whose numbers became no target: no quantity silently lost', () => {
    const task = plan.sections[1]!.tasks[1]!;
    // 完成2.5项 is a target; 3个百分点 beside it is no target form, so the sentence is listed
    expect(task.targets.map((t) => `${t.target} ${t.unit ?? ''}`.trim())).toEqual(['>= 100%', '>= 2.5 项']);
    expect(task.unread.join()).toMatch(/3个百分点/);
    expect(yaml).toMatch(/# 核对: 含数字但未成为指标：完成2\.5项改造/);
  });

  it('finds phases with dates, 4月底 and 5月初 marked as guesses', () => {
    expect(plan.phases.map((p) => [p.title, p.start, p.due])).toEqual([
      ['动员部署阶段', '2024-04-30', '2024-05-10'],
      ['集中整治阶段', '2024-06-01', '2024-11-30'],
    ]);
    expect(plan.phases[0]!.checks.join()).toMatch(/4月底/);
  });

  it('finds duties: a standing mechanism, monthly, one-off and a quarterly activity, with owners', () => {
    expect(plan.duties.map((d) => [d.kind, d.owner, d.every ?? d.due, d.day])).toEqual([
      // 开展包保督导工作 with no time: the mechanism's quarterly cadence, owed by its part's bracket
      ['activity', '区食药安办', 'quarter', 31],
      ['report', '区食药安办', 'month', 10],
      ['report', '区食药安办', '2024-11-15', undefined],
      ['activity', '各成员单位', 'quarter', 31],
    ]);
  });

  it('writes YAML that validates as written, duties included', () => {
    expect(validateDraft(yaml)).toEqual([]);
    expect(yaml).toMatch(/# 原文：全区食品监督抽检不少于1900批次/);
    expect(yaml).toMatch(/^duties:$/m);
  });
});

describe('responsibility clauses', () => {
  it.each([
    ['（区商务局牵头，区市场监管局配合）', ['区商务局'], ['区市场监管局']],
    ['（牵头单位：市食安办；责任单位：市发改委、市财政局，各县市区政府）', ['市食安办'], ['市发改委', '市财政局', '各县市区政府']],
    ['。（区市场监管局）', ['区市场监管局'], []],
    ['［成员单位按职责分工负责］', ['成员单位'], []],
    ['（区工业和信息化局牵头，相关单位配合）', ['区工业和信息化局'], ['相关单位']],
    // the contract's example (docs/format.md): a unit solely 负责 for a part leads beside the 牵头 unit
    ['〔区检察院牵头，区法院、区公安分局配合；区司法局负责普法宣传〕', ['区检察院', '区司法局'], ['区法院', '区公安分局']],
    // 〔〕 brackets, and a group with a bracket of its own beside the 牵头 unit supports
    ['〔县食安办牵头，各乡镇（含街道，下同）按职责分工负责〕', ['县食安办'], ['各乡镇（含街道，下同）']],
    // a role word ends its group whatever follows it (、 as well as ，)
    ['（区工业和信息化局牵头、区财政局配合）', ['区工业和信息化局'], ['区财政局']],
    ['（县卫健局牵头、县医保局、县教育局配合）', ['县卫健局'], ['县医保局', '县教育局']],
    // a bracket opened with ［ and closed with ） (a typing slip) is still read
    ['［区食药安办牵头，区委宣传部、区教育局按职责分工负责）', ['区食药安办'], ['区委宣传部', '区教育局']],
    // 责任部门 with no 牵头: every unit leads; 责任单位 after a 牵头单位: support
    ['（责任部门：市食药监局、市教育局、各县市区人民政府）', ['市食药监局', '市教育局', '各县市区人民政府'], []],
    ['（牵头单位：县农业农村局；责任单位：县林业局）', ['县农业农村局'], ['县林业局']],
    // labels parted by a comma, and a masked place in a name
    ['（牵头单位：XX县农业农村局，配合单位：**县市场监管局、各乡镇人民政府）', ['XX县农业农村局'], ['**县市场监管局', '各乡镇人民政府']],
    // units joined by 及/和/与 are two when each part is a name; 区工业和信息化局 stays one
    ['（区食药安办牵头，区食药安委相关成员单位及有关部门配合）', ['区食药安办'], ['区食药安委相关成员单位', '有关部门']],
    ['（县工业和信息化局牵头，县公安局与县检察院配合）', ['县工业和信息化局'], ['县公安局', '县检察院']],
    // a sentence that only names who does something is not taken for units: 负责人, 负责同志
    ['（由各单位负责人签字）', [], []],
  ])('%s', (text, lead, support) => {
    const found = emptyResponsibility();
    findResponsibility(text, found);
    expect(settleResponsibility(found)).toMatchObject({ lead, support });
  });
});

describe('robust to real texts', () => {
  it('joins PDF-wrapped lines, drops page numbers and running headers', () => {
    const wrapped =
      '一、指导思想\n\n以习近平新时代中国特色社会主义思想为指导,全面贯彻落\n\n— 2 —\n\n实习近平总书记关于食品药品安全的重要指示精神,严守不发生\n\n重大食品药品安全事故的底线。\n\n二、工作要求\n';
    const paragraphs = toParagraphs(regularisePunctuation(wrapped)).map((p) => p.text);
    expect(paragraphs).toContain(
      '以习近平新时代中国特色社会主义思想为指导，全面贯彻落实习近平总书记关于食品药品安全的重要指示精神，严守不发生重大食品药品安全事故的底线。',
    );
    expect(paragraphs.some((p) => /2/.test(p))).toBe(false);
  });

  it('reads a document number with a masked place, and a metric without 保持在', () => {
    const { plan } = draftText(
      '**县人民政府办公室文件\n*政办发〔2025〕12号\n**县2025年食品安全工作方案\n一、任务\n1.监测。合格率保持在98%以上。（县农业农村局负责）\n',
    )[0]!;
    expect(plan.docNo).toBe('*政办发〔2025〕12号');
    expect(plan.sections[0]!.tasks[0]!.targets.map((t) => [t.metric, t.target])).toEqual([['合格率', '>= 98%']]);
  });

  it('reads a half-width full stop after Chinese text as 。, and joins a line that leaves a bracket open', () => {
    const text =
      '2024年药品安全工作要点\n\n一、重点工作\n\n1.加强疫苗监管.全年开展疫苗专项检查不少于4\n次.(市市场监管局牵\n头,市卫健委配合)\n\n2.强化网络监测.网络交易监测不少于1,200条次.[市市场监管局负责]\n';
    const { plan, yaml } = draftText(text)[0]!;
    expect(plan.sections[0]!.tasks.map((t) => [t.title, t.lead, t.support, t.targets.map((x) => `${x.target} ${x.unit}`)])).toEqual([
      ['加强疫苗监管', ['市市场监管局'], ['市卫健委'], ['>= 4 次']],
      ['强化网络监测', ['市市场监管局'], [], ['>= 1200 条次']],
    ]);
    // 3.5 and 1. stay as they are
    expect(regularisePunctuation('1.抽检3.5批次/千人.')).toBe('1.抽检3.5批次/千人。');
    expect(validateDraft(yaml)).toEqual([]);
  });

  it('drops a Word bookmark written out as text, so the item keeps its number', () => {
    const { plan } = draftText(
      '一、工作\n1.加强监管。（区市场监管局）\n[bookmark: _GoBack]2.发展农业。（区农业农村局）\n[Bookmark: 目标]3.强化培育。（区商务局）\n',
    )[0]!;
    expect(plan.sections[0]!.tasks.map((t) => `${t.id} ${t.title}`)).toEqual(['1 加强监管', '2 发展农业', '3 强化培育']);
  });

  it('以上 opening the next sentence does not turn a limit into a floor', () => {
    const { plan } = draftText('一、工作\n1.控制事故。全年事故控制在5起以内。以上工作由区应急局负责。（区应急局）\n')[0]!;
    expect(plan.sections[0]!.tasks[0]!.targets.map((t) => `${t.target} ${t.unit}`)).toEqual(['<= 5 起']);
  });

  it('a text with nothing to read gives a skeleton that lists every sentence and validates', () => {
    const { yaml } = draftText('这是一段没有编号的文字。其中有数字12件。\n')[0]!;
    expect(yaml).toMatch(/# {3}其中有数字12件。/);
    expect(validateDraft(yaml)).toEqual([]);
  });

  it('mangled text (broken lines, half-width punctuation, page numbers, masked names) always drafts a valid plan', () => {
    const pieces = NOTICE.replace(/滨江区/g, '**区').split('');
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.nat({ max: pieces.length }),
            fc.constantFrom('\n', '\n\n', ' ', '\n— 3 —\n', ',', '(', ')', '。', 'XX县', '１２', '%'),
          ),
          { maxLength: 25 },
        ),
        (edits) => {
          const chars = [...pieces];
          for (const [at, insert] of edits) chars.splice(at, 0, insert);
          for (const { yaml } of draftText(chars.join(''))) expect(validateDraft(yaml)).toEqual([]);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('any text at all', () => {
  it('drafts a plan that validates from arbitrary text, headings and numbers included', () => {
    const token = fc.constantFrom(
      '一、',
      '（二）',
      '3.',
      '（1）',
      '牵头',
      '负责',
      '（',
      '）',
      '［',
      '］',
      '。',
      '，',
      '、',
      '\n',
      '不少于',
      '98%',
      '以上',
      '1,900',
      '万分之三',
      '阶段',
      '4月底至5月初',
      '每月10日前报送',
      '区市场监管局',
      '各街道',
      '2024年',
      '〔2024〕1号',
      '关于印发《',
      '》的通知',
      ' ',
      'a',
      '零',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(token, fc.string({ unit: 'grapheme', maxLength: 4 })), { maxLength: 80 }), (parts) => {
        for (const { yaml } of draftText(parts.join(''))) expect(validateDraft(yaml)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('.docx through its own XML, numbering kept', () => {
  it('writes Word automatic numbering out as 一、 （一） 1.', async () => {
    const w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const paragraph = (text: string, level?: number) =>
      `<w:p>${level === undefined ? '' : `<w:pPr><w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="1"/></w:numPr></w:pPr>`}<w:r><w:t>${text}</w:t></w:r></w:p>`;
    const document = `<?xml version="1.0" encoding="UTF-8"?><w:document ${w}><w:body>${paragraph('2024年工作要点')}${paragraph('提升能力', 0)}${paragraph('风险预警', 1)}${paragraph('加强抽检。抽检不少于100批次。（区市场监管局）', 2)}${paragraph('强化监管。（区卫健局）', 2)}${paragraph('保障措施', 0)}</w:body></w:document>`;
    const numbering = `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${w}><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl><w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
    const bytes = zipSync({
      'word/document.xml': strToU8(document),
      'word/numbering.xml': strToU8(numbering),
      '[Content_Types].xml': strToU8('<Types/>'),
    });
    expect(readDocxText(bytes)!.split('\n')).toEqual([
      '2024年工作要点',
      '一、提升能力',
      '（一）风险预警',
      '1.加强抽检。抽检不少于100批次。（区市场监管局）',
      '2.强化监管。（区卫健局）',
      '二、保障措施',
    ]);
    const folder = mkdtempSync(path.join(os.tmpdir(), 'draft-docx-'));
    writeFileSync(path.join(folder, 'plan.docx'), bytes);
    const result = await runCli(['draft', 'plan.docx', '-o', 'out.plan.yaml'], { cwd: folder });
    expect(result.status).toBe(0);
    const yaml = readFileSync(path.join(folder, 'out.plan.yaml'), 'utf8');
    expect(validateDraft(yaml)).toEqual([]);
    expect(yaml).toMatch(/title: 风险预警/);
    expect(yaml).toMatch(/target: ">= 100", unit: 批次/);
  });
});

describe('.docx text boxes', () => {
  it('reads a text box once (its drawing, not also the VML fallback), its paragraphs as lines of their own', () => {
    const ns =
      'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml"';
    const box = (lines: string[]) => `<w:txbxContent>${lines.map((l) => `<w:p><w:r><w:t>${l}</w:t></w:r></w:p>`).join('')}</w:txbxContent>`;
    const header = ['滨江区食品药品安全委员会文件', '区食药安委〔2024〕1号'];
    const shape = `<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:wsp><wps:txbx>${box(header)}</wps:txbx></wps:wsp></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${box(header)}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>`;
    const body = ['2024年全区食品安全工作要点', '一、重点工作', '1.加强抽检。抽检不少于100批次。（区市场监管局负责）']
      .map((l) => `<w:p><w:r><w:t>${l}</w:t></w:r></w:p>`)
      .join('');
    const bytes = zipSync({
      'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${ns}><w:body>${shape}${body}</w:body></w:document>`),
    });
    const lines = readDocxText(bytes)!
      .split('\n')
      .filter((l) => l !== '');
    expect(lines).toEqual([...header, '2024年全区食品安全工作要点', '一、重点工作', '1.加强抽检。抽检不少于100批次。（区市场监管局负责）']);
    const plan = draftPlans(regularisePunctuation(lines.join('\n')), { fallbackYear: 2024 })[0]!;
    expect(plan).toMatchObject({ issuer: '滨江区食品药品安全委员会', docNo: '区食药安委〔2024〕1号' });
  });
});

describe('a .docx made by LibreOffice (tests/fixtures/draft/README.md)', () => {
  it('drafts the district plan: 15 tasks in 6 sections, validating as written', () => {
    const result = runBin(['draft', path.join('tests', 'fixtures', 'draft', 'district-2024.docx')]);
    expect(result.status).toBe(0);
    expect(validateDraft(result.stdout)).toEqual([]);
    const plan = parseDocument(result.stdout).toJS() as { sections: { tasks: { id: string; lead: string[] }[] }[] };
    expect(plan.sections).toHaveLength(6);
    expect(plan.sections.flatMap((s) => s.tasks.map((t) => t.id))).toEqual(Array.from({ length: 15 }, (_, i) => String(i + 1)));
    // [区食药安办负责] [区食药安办、各街道负责] [成员单位按职责分工负责]: every one named 负责 leads (examples/district-2024)
    expect(plan.sections[0]!.tasks[0]!.lead).toEqual(['区食药安办', '各街道', '成员单位']);
  });
});

describe('the command', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'draft-cli-'));
  writeFileSync(path.join(folder, 'notice.txt'), NOTICE);
  writeFileSync(path.join(folder, 'old.doc'), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  writeFileSync(path.join(folder, 'scan.txt'), new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]));
  writeFileSync(
    path.join(folder, 'traditional.txt'),
    '2024年全區食品安全工作要點\n\n一、壓實責任\n1.壓實屬地責任。包保督導完成率達到100%。（區食藥安辦牽頭，各街道配合）\n',
  );

  it('prints the draft, and writes it with -o', async () => {
    const printed = await runCli(['draft', 'notice.txt'], { cwd: folder });
    expect(printed.status).toBe(0);
    expect(printed.stdout).toMatch(/^id: 2024-/m);
    const written = await runCli(['draft', 'notice.txt', '-o', 'notice.plan.yaml'], { cwd: folder });
    expect(written.status).toBe(0);
    // the file is the printed draft, with the schema line for editors first
    const file = readFileSync(path.join(folder, 'notice.plan.yaml'), 'utf8');
    expect(file.replace(/^# yaml-language-server: .*\n/, '')).toBe(printed.stdout);
  });

  it('refuses to write over its own input (exit 2, the input untouched)', async () => {
    const result = await runCli(['draft', 'notice.txt', '-o', 'notice.txt'], { cwd: folder });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/input/);
    expect(readFileSync(path.join(folder, 'notice.txt'), 'utf8')).toBe(NOTICE);
  });

  it.each([
    ['old.doc', /\.docx/],
    ['scan.txt', /PDF/],
  ])('refuses %s with a hint, exit 2, no stack trace', async (file, hint) => {
    const result = await runCli(['draft', file], { cwd: folder });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(hint);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it('reads a text Notepad saved as “Unicode” (UTF-16 with its byte-order mark), either byte order', async () => {
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NOTICE, 'utf16le')]);
    const utf16be = Buffer.from(utf16le.subarray(2)).swap16();
    writeFileSync(path.join(folder, 'unicode-le.txt'), utf16le);
    writeFileSync(path.join(folder, 'unicode-be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]));
    const utf8 = await runCli(['draft', 'notice.txt'], { cwd: folder });
    for (const file of ['unicode-le.txt', 'unicode-be.txt']) {
      const result = await runCli(['draft', file], { cwd: folder });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout.replace(/由 \S+ 起草/, '')).toBe(utf8.stdout.replace(/由 \S+ 起草/, ''));
    }
  });

  it('refuses a damaged UTF-16 file (an odd byte at the end) as an encoding error, exit 2, no stack trace', async () => {
    const damaged = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('2024年工作要点', 'utf16le'), Buffer.from([0x41])]);
    writeFileSync(path.join(folder, 'damaged.txt'), damaged);
    const result = await runCli(['draft', 'damaged.txt'], { cwd: folder });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/UTF-16/);
    expect(result.stderr).not.toMatch(STACK_FRAME);
  });

  it('speaks Chinese when no language is chosen (LANG=C), English with --lang en or an English LANG', async () => {
    const plain = await runCli(['draft', 'notice.txt', '-o', 'lang.plan.yaml'], { cwd: folder, env: { LANG: 'C.UTF-8' } });
    expect(plain.stderr).toMatch(/^已写出 lang\.plan\.yaml/);
    const empty = await runCli(['draft', 'none.txt'], { cwd: folder, env: { LANG: 'C.UTF-8' } });
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/[\u4e00-\u9fff]/);
    const english = await runCli(['draft', 'notice.txt', '-o', 'lang.plan.yaml'], { cwd: folder, env: { LANG: 'en_US.UTF-8' } });
    expect(english.stderr).toMatch(/^wrote lang\.plan\.yaml/);
    const chosen = await runCli(['draft', 'notice.txt', '-o', 'lang.plan.yaml', '--lang', 'en'], { cwd: folder, env: { LANG: 'C.UTF-8' } });
    expect(chosen.stderr).toMatch(/^wrote lang\.plan\.yaml/);
    // help and usage errors too
    const help = await runCli(['draft', '--help'], { cwd: folder, env: { LANG: 'C.UTF-8' } });
    expect(help.stdout).toMatch(/^用法：/);
    const missing = await runCli(['draft'], { cwd: folder, env: { LANG: 'C.UTF-8' } });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/缺少必填的参数/);
    const missingEnglish = await runCli(['draft', '--lang', 'en'], { cwd: folder, env: { LANG: 'C.UTF-8' } });
    expect(missingEnglish.stderr).toMatch(/missing required argument/);
  });

  it('reads a traditional-character text as simplified', async () => {
    const result = await runCli(['draft', 'traditional.txt'], { cwd: folder });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/lead: \[区食药安办\]/);
    expect(result.stdout).toMatch(/target: ">= 100%"/);
  });
});

describe('a title year that does not fit the issue date', () => {
  it('leaves issued out (with a 核对 note) rather than start the duties after the period ends', () => {
    // found by the fuzz test: a page break inside "2024年" left "1224年" in the title
    const text = NOTICE.replace(/2024年全区/g, '1224年全区');
    const { yaml } = draftText(text)[0]!;
    expect(yaml).not.toMatch(/^issued:/m);
    expect(yaml).toMatch(/# 核对:.*印发日期 \d{4}-\d{2}-\d{2} 晚于方案期间结束 1224-12-31/);
    expect(validateDraft(yaml)).toEqual([]);
  });
});
