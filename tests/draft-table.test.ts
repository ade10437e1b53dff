// plan-check draft: task-division tables (重点任务分工表, 任务清单) in the body or an attachment, as
// Markdown pipe rows, tab-separated rows or a Word table. Every phrasing here is made up.
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { regularisePunctuation } from '../src/draft/document-text.js';
import { draftPlans } from '../src/draft/draft-plan.js';
import { formatDraftYaml } from '../src/draft/draft-yaml.js';
import { dueOf } from '../src/draft/task-table.js';
import { readDocxText } from '../src/io/read-docx.js';
import { project, repoRoot, runCli, runCliInZone, timezones } from './helpers.js';

interface DraftedTask {
  id: string;
  title: string;
  lead: string[];
  support?: string[];
  due?: string;
  targets?: { id: string; metric: string; target: string; unit?: string }[];
}
interface Drafted {
  targets?: unknown[];
  units: string[];
  sections: { title: string; tasks: DraftedTask[] }[];
}

function validateDraft(yaml: string) {
  return project({ 'draft.plan.yaml': yaml }).diagnostics;
}

/** The text drafted as the command does after reading it (tabs and all: regularising comes after the tables are found). */
function draftText(text: string, regularise = true) {
  const plans = draftPlans(regularise ? regularisePunctuation(text) : text, { fallbackYear: 2026 });
  return plans.map((plan, i) => {
    const yaml = formatDraftYaml(plan, { id: `draft-${i + 1}`, source: 'test.md' });
    return { plan, yaml, data: parseDocument(yaml).toJS() as Drafted };
  });
}

const tasksOf = (data: Drafted): DraftedTask[] => data.sections.flatMap((s) => s.tasks);

const TOWN = `云岭镇2026年集镇环境提升工作方案

为改善集镇面貌，制定本方案。

附件：集镇环境提升任务分工表

| 工作目标 | 序号 | 重点任务 | 牵头单位 | 责任单位 | 完成时限 |
| --- | --- | --- | --- | --- | --- |
| 街面整洁有序 | 1 | 整治占道经营，规范设置摊点区。 | 镇综合执法队 | 镇市场监管所、各社区 | 2026年4月底前 |
|  | 2 | 更新果皮箱，新增垃圾分类亭8座。 | 镇环卫站 | 镇财政所 | 6月30日前 |
| 绿化美化提升 | 3 | 补植行道树，绿化覆盖率达到40%以上。 | 镇农业服务中心 |  | 年底前 |
`;

describe('a pipe table with 牵头, 责任 and 完成时限 columns and a merged-down 工作目标 column', () => {
  const [{ plan, yaml, data }] = draftText(TOWN) as [ReturnType<typeof draftText>[number]];

  it('validates as written', () => {
    expect(validateDraft(yaml)).toEqual([]);
  });

  it('groups the rows by the 工作目标 column, carried down through its empty cells', () => {
    expect(data.sections.map((s) => [s.title, s.tasks.map((t) => t.id)])).toEqual([
      ['街面整洁有序', ['1', '2']],
      ['绿化美化提升', ['3']],
    ]);
  });

  it('takes titles from the task cell, lead from 牵头 and support from 责任 (a 牵头 column is there)', () => {
    expect(tasksOf(data).map((t) => [t.title, t.lead, t.support ?? []])).toEqual([
      ['整治占道经营，规范设置摊点区', ['镇综合执法队'], ['镇市场监管所', '各社区']],
      ['更新果皮箱，新增垃圾分类亭8座', ['镇环卫站'], ['镇财政所']],
      // an empty 责任单位 cell beside a 牵头 unit is no support: nothing is carried down into it
      ['补植行道树，绿化覆盖率达到40%以上', ['镇农业服务中心'], []],
    ]);
    expect(data.units).toEqual(['镇综合执法队', '镇市场监管所', '各社区', '镇环卫站', '镇财政所', '镇农业服务中心']);
  });

  it('reads 完成时限 as the task due: 4月底 is the 30th (April has 30 days), 6月30日, 年底 the 31st of December', () => {
    expect(tasksOf(data).map((t) => t.due)).toEqual(['2026-04-30', '2026-06-30', '2026-12-31']);
    // 底 is the month's last day and no guess: no 核对 for these three
    expect(yaml).not.toMatch(/核对: 完成时限/);
  });

  it('reads the targets from the task cells, and nothing of the table as prose or as a plan-level target', () => {
    expect(tasksOf(data).map((t) => (t.targets ?? []).map((x) => [x.metric, x.target, x.unit]))).toEqual([
      [],
      [['新增垃圾分类亭', '>= 8', '座']],
      [['绿化覆盖率', '>= 40%', undefined]],
    ]);
    expect(data.targets).toBeUndefined();
    expect(plan.unreadOutside).toEqual([]);
    expect(yaml).not.toMatch(/\|/);
  });
});

describe('a table with only a 责任单位 column', () => {
  const text = `2026年汛期安全工作任务清单

| 序号 | 工作内容 | 责任单位 | 完成时间 |
| --- | --- | --- | --- |
| 1 | 修订防汛应急预案。 | 县应急管理局、县消防救援大队 | 2026年3月 |
| 2 | 排查山洪灾害隐患点。 |  | 5月中旬 |
`;
  const [{ yaml, data }] = draftText(text) as [ReturnType<typeof draftText>[number]];

  it('makes every 责任 unit a lead; an empty cell of the leading column carries the unit above down, with a 核对', () => {
    expect(validateDraft(yaml)).toEqual([]);
    expect(tasksOf(data).map((t) => [t.id, t.lead, t.support ?? []])).toEqual([
      ['1', ['县应急管理局', '县消防救援大队'], []],
      ['2', ['县应急管理局', '县消防救援大队'], []],
    ]);
    expect(yaml).toMatch(/核对: “责任单位”一栏空白，沿用上一行的“县应急管理局、县消防救援大队”/);
  });

  it('takes a month alone as its last day (March: 31) and 中旬 as the 20th, each with a 核对', () => {
    expect(tasksOf(data).map((t) => t.due)).toEqual(['2026-03-31', '2026-05-20']);
    expect(yaml).toMatch(/核对: 完成时限“2026年3月”取 2026-03-31/);
    expect(yaml).toMatch(/核对: 完成时限“5月中旬”取 2026-05-20/);
  });
});

const TABBED = [
  '2026年石桥街道背街小巷整治任务清单',
  '',
  '序号\t工作任务\t牵头部门\t配合部门\t时间节点',
  '1\t硬化背街小巷路面，完成12条。\t街道城建办\t各社区居委会\t2026年8月底前',
  '2\t规范架空线缆。\t街道城建办\t街道综治中心、各社区居委会\t2026年10月31日前',
].join('\n');

describe('a tab-separated table (a Word table pasted into a text editor)', () => {
  const expected = [
    ['1', '硬化背街小巷路面，完成12条', ['街道城建办'], ['各社区居委会'], '2026-08-31'],
    ['2', '规范架空线缆', ['街道城建办'], ['街道综治中心', '各社区居委会'], '2026-10-31'],
  ];

  it('is read as a table when drafted directly', () => {
    const [{ yaml, data }] = draftText(TABBED, false) as [ReturnType<typeof draftText>[number]];
    expect(validateDraft(yaml)).toEqual([]);
    expect(tasksOf(data).map((t) => [t.id, t.title, t.lead, t.support, t.due])).toEqual(expected);
    // 12条: a count of streets to finish
    expect(tasksOf(data)[0]!.targets!.map((x) => [x.target, x.unit])).toEqual([['>= 12', '条']]);
  });

  it('keeps its columns through the command, whose tidying of spaces would join the cells', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'draft-table-tabs-'));
    writeFileSync(path.join(folder, 'list.txt'), TABBED);
    const result = await runCli(['draft', 'list.txt'], { cwd: folder });
    expect(result.status).toBe(0);
    expect(validateDraft(result.stdout)).toEqual([]);
    const data = parseDocument(result.stdout).toJS() as Drafted;
    expect(tasksOf(data).map((t) => [t.id, t.title, t.lead, t.support, t.due])).toEqual(expected);
  });
});

describe('unit cells and targets', () => {
  const text = `2026年校园周边治理工作方案

| 序号 | 具体措施 | 责任单位 | 完成时限 |
| --- | --- | --- | --- |
| 1 | 开展校园周边食品摊点清理。 | 区教育局牵头，区卫健委、区体育局配合 | 2026年9月初 |
| 2 | 培训护学岗志愿者不少于300人次，家长满意度达到90%以上。 | 区公安分局 | 2026年底 |
| 3 | 校园周边违法案件较上年减少5起，安全隐患整改率提高3个百分点。 | 区城管局 | 2026年11月底前 |
| 其中，增设交通信号灯4处。 |
`;
  const [{ plan, yaml, data }] = draftText(text) as [ReturnType<typeof draftText>[number]];
  const tasks = tasksOf(data);

  it('reads a cell that says who does what (A牵头，B、C配合) by the responsibility rule', () => {
    expect(validateDraft(yaml)).toEqual([]);
    expect([tasks[0]!.lead, tasks[0]!.support]).toEqual([['区教育局'], ['区卫健委', '区体育局']]);
    // 9月初: the 10th, guessed
    expect(tasks[0]!.due).toBe('2026-09-10');
  });

  it('reads a count and a percentage from the task cell', () => {
    expect(tasks[1]!.targets!.map((x) => [x.target, x.unit])).toEqual([
      ['>= 300', '人次'],
      ['>= 90%', undefined],
    ]);
  });

  it('lists a sentence whose numbers became no target at its task, and appends a shorter row to the task above', () => {
    const third = plan.sections.flatMap((s) => s.tasks)[2]!;
    // 较上年减少5起 is a change against a base, 提高3个百分点 a change in points: neither is a level to reach
    expect(third.unread).toEqual(['校园周边违法案件较上年减少5起，安全隐患整改率提高3个百分点。']);
    expect(yaml).toMatch(/# 核对: 含数字但未成为指标：校园周边违法案件较上年减少5起/);
    // the one-cell row is no task of its own: its 4处 is the third task's
    expect(tasks.map((t) => t.id)).toEqual(['1', '2', '3']);
    expect(third.targets.map((x) => [x.target, x.unit])).toEqual([['>= 4', '处']]);
  });
});

describe('a table beside numbered prose tasks', () => {
  const text = `2026年村庄清洁行动方案

一、重点工作
（一）环境整治
1.清理村内沟渠。（镇农业服务中心负责）
2.拆除废弃圈舍。（镇自然资源所负责）

附件：村庄清洁行动分工表

| 序号 | 重点任务 | 牵头单位 | 完成时限 |
| --- | --- | --- | --- |
| 1 | 开展庭院评比。 | 镇妇联 | 2026年7月底前 |
| 2 | 建立保洁队伍。 | 镇环卫站 | 2026年5月底前 |
`;
  const [{ yaml, data }] = draftText(text) as [ReturnType<typeof draftText>[number]];

  it('keeps the prose tasks and gives the table tasks ids of their own, every id once', () => {
    expect(validateDraft(yaml)).toEqual([]);
    const ids = tasksOf(data).map((t) => t.id);
    expect(ids).toEqual(['1', '2', '表1-1', '表1-2']);
    expect(new Set(ids).size).toBe(ids.length);
    expect(data.sections.map((s) => s.title)).toEqual(['环境整治', '村庄清洁行动分工表']);
    expect(yaml).toMatch(/核对: 正文有编号任务，又有任务分工表/);
  });
});

describe('a header of two rows and groups numbered in the 序号 column', () => {
  const text = `2026年乡村产业振兴重点任务分工

| 序号 | 重点任务 | 责任单位 |  | 完成时限 |
|  |  | 牵头单位 | 配合单位 |  |
| 一 | 稳定粮食生产 |  |  |  |
| 1 | 落实耕地地力补贴。 | 县农业农村局 | 县财政局 | 2026年5月底前 |
| 2 | 培训高素质农民1.2万人次。 | 县农业农村局 | 县水利局 | 2026年10月底前 |
| 二 | 发展特色产业 |  |  |  |
| 1 | 培育茶叶加工企业3家。 | 县工信局 | 县农业农村局 | 2026年12月底前 |
`;
  const [{ yaml, data }] = draftText(text) as [ReturnType<typeof draftText>[number]];

  it('reads 牵头 and 配合 from the second header row, and each numbered group as a section', () => {
    expect(validateDraft(yaml)).toEqual([]);
    expect(data.sections.map((s) => [s.title, s.tasks.map((t) => [t.id, t.lead, t.support, t.due])])).toEqual([
      [
        '稳定粮食生产',
        [
          ['1-1', ['县农业农村局'], ['县财政局'], '2026-05-31'],
          ['1-2', ['县农业农村局'], ['县水利局'], '2026-10-31'],
        ],
      ],
      ['发展特色产业', [['2-1', ['县工信局'], ['县农业农村局'], '2026-12-31']]],
    ]);
    // 1.2万人次 is 1.2 × 10000 = 12000 人次
    expect(tasksOf(data)[1]!.targets!.map((x) => [x.target, x.unit])).toEqual([['>= 12000', '人次']]);
  });
});

describe('no figure of a table is lost', () => {
  const text = `2026年老旧小区改造工作方案

| 序号 | 改造任务 | 牵头单位 | 完成时限 |
| --- | --- | --- | --- |
| 二、全年改造老旧小区20个 |  |  |  |
| 1 | 加装电梯15部。 | 区住建局 | 2026年9月底前 | 其中新建无障碍坡道6处。 |
| 序号 | 改造任务 | 牵头单位 | 完成时限 |
| 2 | 更新供水管网。 | 区水务局 | 2026年11月底前 |

| 序号 | 重点任务 | 牵头单位 |
| --- | --- | --- |
`;
  const [{ plan, yaml }] = draftText(text) as [ReturnType<typeof draftText>[number]];
  const tasks = plan.sections.flatMap((s) => s.tasks);

  it('reads a heading row’s figure and a cell beyond the header’s columns at the task, and skips a repeated header', () => {
    expect(validateDraft(yaml)).toEqual([]);
    expect(tasks.map((t) => t.id)).toEqual(['1', '2']);
    expect(plan.sections.map((s) => s.title)).toEqual(['全年改造老旧小区20个']);
    // 6处 is a count to reach; 部 is no unit the quantity reader knows, and 改造…20个 names no verb of building
    // (the prose rule for 个): both sentences are listed at the task rather than dropped
    expect(tasks[0]!.targets.map((x) => `${x.target}${x.unit ?? ''}`)).toEqual(['>= 6处']);
    expect(tasks[0]!.unread).toEqual(['加装电梯15部。', '全年改造老旧小区20个']);
  });

  it('leaves a header with no task under it as text', () => {
    expect(yaml).not.toMatch(/\|/);
    expect(plan.sentences).toEqual([]);
  });
});

describe('a notice issuing two plans, each with its table', () => {
  const text = `东湖县人民政府办公室关于印发《2026年东湖县水稻生产工作方案》《2026年东湖县油菜生产工作方案》的通知

各乡镇人民政府：
现将两个方案印发给你们，请认真执行。

东湖县人民政府办公室
2026年2月10日

2026年东湖县水稻生产工作方案

| 序号 | 重点任务 | 牵头单位 | 完成时限 |
| --- | --- | --- | --- |
| 1 | 落实早稻种植面积。 | 县农业农村局 | 2026年4月底前 |

2026年东湖县油菜生产工作方案

| 序号 | 重点任务 | 牵头单位 | 完成时限 |
| --- | --- | --- | --- |
| 1 | 推广油菜机械化收获。 | 县农机服务中心 | 2026年5月底前 |
| 2 | 开展油菜品种展示。 | 县农技推广中心 | 2026年4月中旬 |
`;
  const drafts = draftText(text);

  it('gives each plan the rows of its own table', () => {
    expect(drafts.map(({ data }) => tasksOf(data).map((t) => [t.id, t.lead, t.due]))).toEqual([
      [['1', ['县农业农村局'], '2026-04-30']],
      [
        ['1', ['县农机服务中心'], '2026-05-31'],
        ['2', ['县农技推广中心'], '2026-04-20'],
      ],
    ]);
    for (const { yaml } of drafts) expect(validateDraft(yaml)).toEqual([]);
  });
});

describe('other ways tables are written', () => {
  it('reads a 目标任务 column as the task, 牵头：/配合： labels and （牵头） brackets in a unit cell, and <br> inside a row', async () => {
    const text = [
      '2026年溪南镇森林防火工作方案',
      '',
      '| 序号 | 目标任务 | 责任单位 | 进度要求 |',
      '| --- | --- | --- | --- |',
      '| 1 | 建设防火隔离带<br>长度不少于15公里。 | 牵头：镇林业站；配合：镇应急办、各村委会 | 2026年3月底前 |',
      '| 2 | 组建扑火队伍。 | 镇应急办（牵头）、镇派出所 | 2026年2月底前 |',
    ].join('\n');
    const folder = mkdtempSync(path.join(os.tmpdir(), 'draft-table-md-'));
    writeFileSync(path.join(folder, 'fire.md'), text);
    const result = await runCli(['draft', 'fire.md'], { cwd: folder });
    expect(result.status).toBe(0);
    expect(validateDraft(result.stdout)).toEqual([]);
    const data = parseDocument(result.stdout).toJS() as Drafted;
    expect(tasksOf(data).map((t) => [t.id, t.lead, t.support, t.due])).toEqual([
      ['1', ['镇林业站'], ['镇应急办', '各村委会'], '2026-03-31'],
      // 2026 is no leap year: February has 28 days
      ['2', ['镇应急办'], ['镇派出所'], '2026-02-28'],
    ]);
    expect(tasksOf(data)[0]!.targets!.map((x) => [x.target, x.unit])).toEqual([['>= 15', '公里']]);
  });
});

describe('dueOf: a 完成时限 cell as a date', () => {
  it.each([
    ['2025年11月底前', 2025, '2025-11-30', false],
    // 2024 is a leap year (divisible by 4, not by 100): February has 29 days; 2025's has 28
    ['2月底', 2024, '2024-02-29', false],
    ['2月底', 2025, '2025-02-28', false],
    ['6月30日前', 2026, '2026-06-30', false],
    ['2025年底', 2026, '2025-12-31', false],
    ['年底前', 2026, '2026-12-31', false],
    ['3月初', 2026, '2026-03-10', true],
    ['5月上旬', 2026, '2026-05-10', true],
    ['8月中旬', 2026, '2026-08-20', true],
    // 下旬: the month's last day, September has 30
    ['9月下旬', 2026, '2026-09-30', true],
    ['上半年', 2026, '2026-06-30', true],
    ['第三季度', 2026, '2026-09-30', true],
    ['2026-07-15', 2026, '2026-07-15', false],
  ])('%s (plan year %i) → %s', (text, year, due, guessed) => {
    const read = dueOf(text, year);
    expect(read.due).toBe(due);
    expect(read.check !== undefined).toBe(guessed);
  });

  it('gives no due to a standing requirement, with a 核对', () => {
    for (const text of ['长期坚持', '持续推进', '常态化开展']) {
      const read = dueOf(text, 2026);
      expect(read.due).toBeUndefined();
      expect(read.check).toMatch(/持续性要求/);
    }
  });

  it('takes the latest of several dates, and says so', () => {
    expect(dueOf('2026年6月底前完成部署，9月底前完成验收', 2026)).toEqual({
      due: '2026-09-30',
      check: '完成时限“2026年6月底前完成部署，9月底前完成验收”有多个日期，取最晚的 2026-09-30',
    });
  });
});

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const wp = (text: string): string => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`;
const wc = (content: string, properties = ''): string => `<w:tc>${properties ? `<w:tcPr>${properties}</w:tcPr>` : ''}${content}</w:tc>`;
const wr = (...cells: string[]): string => `<w:tr>${cells.join('')}</w:tr>`;

describe('a Word table with merged cells, built here', () => {
  const nested = `<w:tbl>${wr(wc(wp('甲片区')), wc(wp('乙片区')))}</w:tbl>`;
  const table = `<w:tbl>${[
    wr(wc(wp('河道保洁任务分工表'), '<w:gridSpan w:val="5"/>')),
    wr(wc(wp('序号')), wc(wp('重点任务')), wc(wp('牵头单位')), wc(wp('配合单位')), wc(wp('完成时限'))),
    wr(
      wc(wp('1')),
      wc(wp('打捞水面漂浮物。') + wp('每周不少于2次。')),
      wc(wp('镇水利站'), '<w:vMerge w:val="restart"/>'),
      wc(wp('各村委会')),
      wc(wp('2026年6月底前')),
    ),
    wr(wc(wp('2')), wc(wp('清理河岸垃圾|杂物。') + nested), wc('<w:p/>', '<w:vMerge/>'), wc(wp('镇环卫站')), wc(wp('2026年8月底前'))),
    wr(wc(wp('二、长效管理'), '<w:gridSpan w:val="5"/>')),
    wr(wc(wp('3')), wc(wp('建立河长巡河台账。')), wc(wp('镇河长办')), wc(wp('')), wc(wp('2026年10月中旬'))),
    // a row stopping short of the grid: w:gridAfter keeps its columns
    `<w:tr><w:trPr><w:gridAfter w:val="2"/></w:trPr>${wc(wp('4'))}${wc(wp('设置警示标牌。'))}${wc(wp('镇河长办'))}</w:tr>`,
  ].join('')}</w:tbl>`;
  const document = `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${wp('2026年清水镇河道保洁工作方案')}${wp('为保持河道整洁，制定本方案。')}${table}${wp('请各单位抓好落实。')}</w:body></w:document>`;
  const bytes = zipSync({ 'word/document.xml': strToU8(document), '[Content_Types].xml': strToU8('<Types/>') });

  it('writes one row a line in pipe form: gridSpan padded, vMerge continuation empty, | in a cell as ／, a nested table flattened', () => {
    expect(readDocxText(bytes)!.split('\n')).toEqual([
      '2026年清水镇河道保洁工作方案',
      '为保持河道整洁，制定本方案。',
      '| 河道保洁任务分工表 |  |  |  |  |',
      '| 序号 | 重点任务 | 牵头单位 | 配合单位 | 完成时限 |',
      '| 1 | 打捞水面漂浮物。 每周不少于2次。 | 镇水利站 | 各村委会 | 2026年6月底前 |',
      '| 2 | 清理河岸垃圾／杂物。 甲片区 乙片区 |  | 镇环卫站 | 2026年8月底前 |',
      '| 二、长效管理 |  |  |  |  |',
      '| 3 | 建立河长巡河台账。 | 镇河长办 |  | 2026年10月中旬 |',
      '| 4 | 设置警示标牌。 | 镇河长办 |  |  |',
      '请各单位抓好落实。',
    ]);
  });

  it('drafts it through the command: the merged lead carried down, the merged row a section', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'draft-table-docx-'));
    writeFileSync(path.join(folder, 'river.docx'), bytes);
    const result = await runCli(['draft', 'river.docx'], { cwd: folder });
    expect(result.status).toBe(0);
    expect(validateDraft(result.stdout)).toEqual([]);
    const data = parseDocument(result.stdout).toJS() as Drafted;
    expect(data.sections.map((s) => [s.title, s.tasks.map((t) => [t.id, t.lead, t.support ?? [], t.due])])).toEqual([
      [
        '河道保洁任务分工表',
        [
          ['1', ['镇水利站'], ['各村委会'], '2026-06-30'],
          ['2', ['镇水利站'], ['镇环卫站'], '2026-08-31'],
        ],
      ],
      [
        '长效管理',
        [
          ['3', ['镇河长办'], [], '2026-10-20'],
          // no time limit of its own: the one above carried down (a merged cell), with a 核对
          ['4', ['镇河长办'], [], '2026-10-20'],
        ],
      ],
    ]);
    // 每周不少于2次 is a recurring activity, listed for the reader rather than dropped
    expect(result.stdout).toMatch(/含数字但未成为指标：每周不少于2次/);
  });
});

describe('a .docx with a table saved by LibreOffice (tests/fixtures/draft/README.md)', () => {
  const fixture = path.join(repoRoot, 'tests', 'fixtures', 'draft', 'county-sewage-2025.docx');

  it('reads rowspan as a merged-down 工作目标 and colspan as a spanned unit cell', () => {
    const rows = readDocxText(readFileSync(fixture))!
      .split('\n')
      .filter((line) => line.startsWith('|'));
    expect(rows).toHaveLength(5);
    expect(rows[2]).toBe('|  | 2 | 既有终端提标改造，出水达标率达到95%以上。 | 县生态环境分局 | 县住建局、县水利局 | 9月15日前 |');
    expect(rows[4]).toBe('|  | 4 | 开展第三方运维考核。 | 县住建局牵头，县财政局、县审计局配合 |  | 长期坚持 |');
  });

  it.each(timezones)('drafts the rows as tasks with leads and dues under TZ=%s', async (tz) => {
    const result = await runCliInZone(tz, ['draft', fixture]);
    expect(result.status).toBe(0);
    expect(validateDraft(result.stdout)).toEqual([]);
    const data = parseDocument(result.stdout).toJS() as Drafted;
    expect(data.sections.map((s) => [s.title, s.tasks.map((t) => [t.id, t.lead, t.support ?? [], t.due])])).toEqual([
      [
        '设施建设',
        [
          // 10月底: October has 31 days
          ['1', ['县住建局'], ['各乡镇人民政府'], '2025-10-31'],
          ['2', ['县生态环境分局'], ['县住建局', '县水利局'], '2025-09-15'],
        ],
      ],
      [
        '长效管护',
        [
          // 12月中旬: the 20th
          ['3', ['县农业农村局'], ['县财政局'], '2025-12-20'],
          // 长期坚持: no due (the period's end)
          ['4', ['县住建局'], ['县财政局', '县审计局'], undefined],
        ],
      ],
    ]);
    // the body's own figure stays a plan-level target; the table's figures are the tasks'
    expect((data.targets as { target: string }[]).map((t) => t.target)).toEqual(['>= 45']);
    expect(tasksOf(data).flatMap((t) => (t.targets ?? []).map((x) => `${t.id} ${x.target}${x.unit ?? ''}`))).toEqual([
      '1 >= 60座',
      '1 >= 80公里',
      '2 >= 95%',
      '3 >= 80%',
    ]);
  });
});

describe('shuffled rows and blank cells', () => {
  const header = '| 类别 | 序号 | 主要任务 | 牵头单位 | 配合单位 | 完成时限 |';
  const rows = [
    ['治污', '1', '关停散乱污企业10家。', '县生态环境分局', '县工信局', '2026年6月底前'],
    ['治污', '2', '完成燃煤锅炉改造，改造率达到100%。', '县工信局', '县市场监管局', '9月中旬'],
    ['', '3', '建设监测站点3个。', '县生态环境分局', '县财政局牵头，县发改局配合', '长期坚持'],
    ['增绿', '4', '植树造林5000亩。', '县林业局', '各乡镇', '年底前'],
    ['增绿', '5', '创建绿色社区不少于8个。', '县住建局、县民政局', '', '2026年11月'],
    ['', '', '其中城区社区不少于5个。', '', '', ''],
  ];
  it('always drafts a plan that validates as written', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(rows, { minLength: 0 }),
        fc.array(fc.boolean(), { minLength: 36, maxLength: 36 }),
        fc.boolean(),
        (picked, blanks, separator) => {
          const lines = picked.map((cells, r) => `| ${cells.map((cell, c) => (blanks[r * 6 + c] ? '' : cell)).join(' | ')} |`);
          const text = [
            '2026年县城大气环境整治方案',
            '',
            header,
            ...(separator ? ['| --- | --- | --- | --- | --- | --- |'] : []),
            ...lines,
          ].join('\n');
          for (const { yaml, data } of draftText(text)) {
            expect(validateDraft(yaml)).toEqual([]);
            const ids = (data.sections ?? []).flatMap((s) => s.tasks.map((t) => t.id));
            expect(new Set(ids).size).toBe(ids.length);
            // no table text as prose: no pipe in the YAML once the table gave tasks (a bare header stays text)
            if (ids.length > 0) expect(yaml).not.toMatch(/\|/);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('table-like noise', () => {
  const token = fc.constantFrom(
    '|',
    '｜',
    '\t',
    '\n',
    ' | ',
    '| --- ',
    '重点任务',
    '牵头单位',
    '责任单位',
    '配合单位',
    '完成时限',
    '序号',
    '工作目标',
    '一',
    '1',
    '12',
    '县农业农村局',
    '县财政局牵头，县水利局配合',
    '2026年5月底前',
    '长期坚持',
    '达到90%以上',
    '不少于3次',
    '。',
    '（一）',
    '2026年某县工作方案',
  );
  it('never crashes and always drafts a plan that validates, through the text and the tab path', () => {
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        for (const { yaml } of [...draftText(text), ...draftText(text, false)]) expect(validateDraft(yaml)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
