// The drafter's grammar rules, each from a phrasing made up for the test (not copied from a seed):
// targets, duties and task structure as docs/draft.md describes them. Every draft also validates.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { regularisePunctuation } from '../src/draft/document-text.js';
import { draftPlans } from '../src/draft/draft-plan.js';
import { formatDraftYaml } from '../src/draft/draft-yaml.js';
import { project } from './helpers.js';

function draft(text: string) {
  const plan = draftPlans(regularisePunctuation(text), { fallbackYear: 2024 })[0]!;
  const yaml = formatDraftYaml(plan, { id: 'rules', source: 'test.txt' });
  return { plan, yaml, tasks: plan.sections.flatMap((s) => s.tasks) };
}

/** A one-task plan for 2024 whose task text is `body`. */
function oneTask(body: string, title = '2024年全县食品安全工作要点') {
  return draft(`${title}\n\n一、重点工作\n1.做好监管。${body}\n`);
}

const targetsOf = (task: { targets: { target: string; unit?: string }[] }) =>
  task.targets.map((t) => `${t.target}${t.unit ? ` ${t.unit}` : ''}`);

describe('targets', () => {
  it('each “X全<verb>” that 实现 names is a share of 100%', () => {
    const { tasks, yaml } = oneTask('实现农贸市场快检全覆盖、检测数据全上传、问题产品全追溯。（县市场监管局负责）');
    expect(tasks[0]!.targets.map((t) => [t.metric, t.target])).toEqual([
      ['农贸市场快检覆盖率', '>= 100%'],
      ['检测数据上传率', '>= 100%'],
      ['问题产品追溯率', '>= 100%'],
    ]);
    expect(project({ 'rules.plan.yaml': yaml }).diagnostics).toEqual([]);
  });

  it('全部A和B、60%的C达到…: A and B 100% each, C 60%', () => {
    const { tasks } = oneTask('年底前，全部中小学食堂和幼儿园食堂、60%的大型餐饮单位达到“阳光厨房”标准。（县市场监管局负责）');
    expect(tasks[0]!.targets.map((t) => [t.metric, t.target])).toEqual([
      ['中小学食堂达标比例', '>= 100%'],
      ['幼儿园食堂达标比例', '>= 100%'],
      ['大型餐饮单位', '>= 60%'],
    ]);
  });

  it('X全部达到 counts clause by clause, beside a percentage in the same sentence', () => {
    const { tasks } = oneTask('养老机构食堂全部达到B级以上，85%的学校食堂实行明厨亮灶。');
    expect(targetsOf(tasks[0]!)).toEqual(['>= 100%', '>= 85%']);
  });

  it('the 全 of 健全, 安全, 完全 is no 全: 建立健全覆盖全县的网络 is no target', () => {
    const { tasks } = oneTask('建立健全覆盖全县的监测网络，实现生产全过程安全可控。');
    expect(tasks[0]!.targets).toEqual([]);
  });

  it('two things that must not happen are two targets', () => {
    const { tasks } = oneTask('全年未发生较大食品安全事故，未发生造成恶劣影响的药品安全事件。');
    expect(targetsOf(tasks[0]!)).toEqual(['<= 0 起', '<= 0 起']);
  });

  it('不发生A（件）和B: B is a second thing that must not happen', () => {
    const { tasks } = oneTask('确保全年不发生较大食品安全事故（件）和重大舆情。');
    expect(tasks[0]!.targets.map((t) => [t.metric, t.target, t.unit])).toEqual([
      ['较大食品安全事故', '<= 0', '起'],
      ['重大舆情', '<= 0', '起'],
    ]);
  });

  it('what the plan asks as a whole, outside any task, is a plan-level target with an owner; a number there is listed', () => {
    const { plan, yaml } = draft(
      '2024年全县食品安全工作要点\n\n一、总体要求\n坚持问题导向，确保全年不发生重大食品安全事故，力争群众满意度提高2个百分点。\n二、重点工作\n1.抽检。全年抽检不少于800批次。（县市场监管局负责）\n',
    );
    expect(plan.targets.map((t) => [t.id, t.target, t.unit, t.owner])).toEqual([['p1', '<= 0', '起', '县市场监管局']]);
    expect(plan.unreadOutside.join()).toMatch(/2个百分点/);
    expect(yaml).toMatch(
      /^targets:\n {2}# 原文：.*\n {2}# 核对: 方案整体的要求.*\n {2}- \{ id: p1, metric: .*, target: "<= 0", unit: 起, owner: 县市场监管局 \}$/m,
    );
    expect(project({ 'rules.plan.yaml': yaml }).diagnostics).toEqual([]);
  });

  it('a recurring activity (每季度…1次, 每3年…1次) is a duty, not a count; its sentence is listed at the task', () => {
    const { tasks, plan } = oneTask('每季度组织1次联合检查。每3年开展1次满意度调查。（县食安办负责）');
    expect(tasks[0]!.targets).toEqual([]);
    expect(tasks[0]!.unread).toEqual(['每季度组织1次联合检查。', '每3年开展1次满意度调查。']);
    expect(plan.duties.map((d) => [d.kind, d.every, d.month, d.day, d.owner])).toEqual([['activity', 'quarter', 3, 31, '县食安办']]);
  });

  it('按照…的标准: the basis of another figure is no target of its own', () => {
    const { tasks } = oneTask('按照5批次/千人的标准，全县食品抽检不少于800批次。');
    expect(targetsOf(tasks[0]!)).toEqual(['>= 800 批次']);
    expect(tasks[0]!.unread).toHaveLength(1);
  });

  it('a length of time each must reach: per year, the share reaching it; otherwise listed', () => {
    const { tasks } = oneTask('每年组织执法人员参加培训，时间不少于20个小时。公示时间不少于10个工作日。');
    expect(tasks[0]!.targets.map((t) => [t.metric, t.target])).toEqual([['执法人员达到20个小时的比例', '>= 100%']]);
    expect(tasks[0]!.unread.join()).toMatch(/10个工作日/);
  });

  it('reads 90以上% as 90%以上, and 总人口的万分之二 of 人员 as people', () => {
    const { tasks } = oneTask('群众满意度达到90以上%。执法人员数量达到常住人口的万分之二以上。');
    expect(targetsOf(tasks[0]!)).toEqual(['>= 90%', '>= 2 per 10000 人']);
  });

  it('聚焦8项重点任务 is the work’s scope, 按照…全覆盖…的目标 a described goal: no targets', () => {
    const { tasks } = oneTask('聚焦8项重点任务，按照城乡全覆盖、所有乡镇全启动的目标推进。');
    expect(tasks[0]!.targets).toEqual([]);
  });

  it('a count in subject position with what it must become: 5个乡镇建成示范乡镇', () => {
    const { tasks } = oneTask('到2024年底，5个乡镇建成省级食品安全示范乡镇。');
    expect(tasks[0]!.targets.map((t) => [t.metric, t.target, t.unit])).toEqual([['乡镇建成省级食品安全示范乡镇', '>= 5', '个']]);
  });

  it('a per-year figure in a plan that runs to 2026 (到2026年年底) is one target per year, each over its year', () => {
    const { plan, tasks, yaml } = draft(
      '2024年全县食品安全示范县创建方案\n\n一、目标\n1.抽检。每年食品抽检不少于500批次。（县市场监管局负责）\n2.创建。到2026年年底，全县建成示范县。（县食安办负责）\n',
    );
    expect(plan.period).toEqual({ start: '2024-01-01', end: '2026-12-31' });
    expect(tasks[0]!.targets.map((t) => [t.id, t.target, t.start, t.due])).toEqual([
      ['t1-2024', '>= 500', undefined, '2024-12-31'],
      ['t1-2025', '>= 500', '2025-01-01', '2025-12-31'],
      ['t1-2026', '>= 500', '2026-01-01', '2026-12-31'],
    ]);
    expect(yaml).toMatch(
      /- \{ id: t1-2025, metric: 每年食品抽检（2025年）, target: ">= 500", unit: 批次, start: 2025-01-01, due: 2025-12-31 \}/,
    );
    expect(project({ 'rules.plan.yaml': yaml }).diagnostics).toEqual([]);
  });

  it('one requirement is tracked once: in the task that names its units, the other says where', () => {
    const { tasks } = draft(
      '2024年全县工作方案\n\n一、标准\n1.群众满意。当地群众食品安全满意度达到80%。\n二、任务\n2.宣传教育。确保当地群众对食品安全满意度达到80%以上。（县委宣传部牵头）\n',
    );
    expect(tasks.map((t) => targetsOf(t))).toEqual([[], ['>= 80%']]);
    expect(tasks[0]!.checks.join()).toMatch(/只在任务 2 跟踪/);
  });
});

describe('duties', () => {
  it('who owes a duty with no subject: the units of the bracket that closes its part', () => {
    const { plan } = oneTask('以食堂负责人为重点，每半年开展1次业务培训。（县卫健局、县教育局按职责分工负责）');
    expect(plan.duties.map((d) => [d.every, d.month, d.owner])).toEqual([['half_year', 6, ['县卫健局', '县教育局']]]);
    expect(plan.duties[0]!.checks.join()).toMatch(/所在段落/);
  });

  it('a generic body (政府部门) gives way to the named units; 督促包保干部 is no unit', () => {
    const { plan } = oneTask(
      '政府部门每季度至少举办2期宣传活动。督促包保干部每月开展一次督导。（牵头单位：县委宣传部；责任单位：县文旅局）',
    );
    expect(plan.duties.map((d) => [d.every, d.owner])).toEqual([
      ['quarter', '县委宣传部'],
      ['month', '县委宣传部'],
    ]);
  });

  it('按照前述时限 repeats the schedules before it for the units it names', () => {
    const { plan } = oneTask('县食安办每月5日前报送工作进展，12月10日前报年度总结；各工作组按照前述时限报工作情况至县食安办。');
    expect(plan.duties.map((d) => [d.owner, d.every ?? d.due, d.day])).toEqual([
      ['县食安办', 'month', 5],
      ['县食安办', '2024-12-10', undefined],
      ['各工作组', 'month', 5],
      ['各工作组', '2024-12-10', undefined],
    ]);
  });

  it('a meeting named by its period (季度会商) recurs; 年内完成 and 通过…复审 fall due at the year end', () => {
    const { plan } = oneTask(
      '建立部门间季度会商机制。（县食安办）年内完成示范县创建。（县创建办负责）顺利通过省级示范县复审。（县食安办负责）',
    );
    expect(plan.duties.map((d) => [d.kind, d.owner, d.every ?? d.due])).toEqual([
      ['activity', '县食安办', 'quarter'],
      ['activity', '县创建办', '2024-12-31'],
      ['activity', '县食安办', '2024-12-31'],
    ]);
    // the bracket that closed the sentence before is no part of a duty's title
    expect(plan.duties[1]!.title).toBe('完成示范县创建');
    expect(plan.duties[2]!.checks.join()).toMatch(/年度方案取年底/);
  });

  it('a report with no date of its own takes the date of its paragraph, with a 核对', () => {
    const { plan } = draft(
      '2024年全县工作方案\n\n一、工作安排\n（一）部署。2024年6月底前，各乡镇制定实施方案。各乡镇要将实施方案上报县食安办备案。\n（二）实施。开展创建。\n',
    );
    const filing = plan.duties.find((d) => /备案/.test(d.title))!;
    expect([filing.owner, filing.due]).toEqual(['各乡镇', '2024-06-30']);
    expect(filing.checks.join()).toMatch(/同段上文/);
  });

  it('a standing mechanism with no time (开展包保督导工作) is a quarterly activity, with a 核对; its rate is no duty', () => {
    const { plan, yaml } = oneTask(
      '落实属地管理责任，开展包保督导工作；包保督导完成率达到100%。（县食安办、各乡镇负责）督促包保干部每月开展一次督导。（县市场监管局负责）',
    );
    // the first sentence owes quarterly by the mechanism; the third says its own cadence, so no second guess
    expect(plan.duties.map((d) => [d.kind, d.owner, d.every, d.month, d.day])).toEqual([
      ['activity', ['县食安办', '各乡镇'], 'quarter', 3, 31],
      ['activity', '县市场监管局', 'month', undefined, 31],
    ]);
    expect(plan.duties[0]!.title).toBe('开展包保督导工作');
    expect(plan.duties[0]!.checks.join()).toMatch(/原文未写频次/);
    expect(project({ 'rules.plan.yaml': yaml }).diagnostics).toEqual([]);
  });

  it('到2026年年底…申报 is a one-off report at that year’s end', () => {
    const { plan } = draft('2024年全县创建方案\n\n一、目标\n1.创建。到2026年年底，全县申报创建国家食品安全示范县。（县食安办负责）\n');
    expect(plan.duties.map((d) => [d.kind, d.due, d.owner])).toEqual([['report', '2026-12-31', '县食安办']]);
  });

  it('a date before the plan’s year, or far beyond it, is no duty: it is listed at the top instead', () => {
    const { plan, yaml } = oneTask(
      '2023年5月底前，县卫健局已上报方案。到2040年年底，全县申报示范县。12月10日前报送年度总结。（县食安办负责）',
    );
    expect(plan.duties.map((d) => [d.id, d.due])).toEqual([['duty-1', '2024-12-10']]);
    expect(plan.checks.filter((c) => /不在方案年度内/.test(c))).toHaveLength(2);
    expect(plan.period.end).toBe('2024-12-31');
    expect(project({ 'rules.plan.yaml': yaml }).diagnostics).toEqual([]);
  });
});

describe('task structure', () => {
  it('a （二） heading with text and no 1. items, between headings that have them, is a task (id 1-2)', () => {
    const { plan, yaml } = draft(
      '2024年全县工作要点\n\n一、主要任务\n（一）健全体系\n1.完善制度。修订制度。\n（二）专项整治\n开展专项整治，全年检查不少于200家。\n（三）社会共治\n2.畅通投诉渠道。\n',
    );
    expect(plan.sections.flatMap((s) => s.tasks.map((t) => `${t.id} ${t.title} ${targetsOf(t).join()}`))).toEqual([
      '1 完善制度 ',
      '1-2 专项整治 >= 200 家',
      '2 畅通投诉渠道 ',
    ]);
    expect(plan.checks.join()).toMatch(/整项列为任务 1-2/);
    expect(project({ 'rules.plan.yaml': yaml }).diagnostics).toEqual([]);
  });
});

describe('the new grammar on any text', () => {
  it('drafts a plan that validates whatever order the phrasings come in', () => {
    const token = fc.constantFrom(
      '一、',
      '（二）',
      '（三）',
      '3.',
      '。',
      '，',
      '、',
      '；',
      '\n',
      '每年',
      '每季度',
      '每半年',
      '每3年',
      '组织1次',
      '举办2期',
      '不少于20个小时',
      '不少于40批次',
      '/千人口年',
      '万分之二',
      '全部',
      '所有',
      '和',
      '达到',
      '实现',
      '全覆盖',
      '全上传',
      '健全',
      '90以上%',
      '85%',
      '未发生',
      '事故',
      '事件',
      '按照',
      '的标准',
      '聚焦',
      '8项',
      '5个',
      '建成',
      '到2026年年底',
      '到1999年年底',
      '2030年底前',
      '年内完成',
      '通过复审',
      '按照前述时限',
      '报送',
      '上报',
      '备案',
      '季度会商',
      '6月底前',
      '2023年5月底前',
      '13月底前',
      '（县食安办负责）',
      '（县卫健局牵头，县教育局配合）',
      '［县公安局负责）',
      '〔县农业局牵头〕',
      '（牵头单位：县委宣传部；责任单位：县文旅局）',
      '政府部门',
      '督促包保干部',
      '**县市场监管局',
      'XX区卫健局',
      '2024年全县工作要点',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(token, fc.string({ unit: 'grapheme', maxLength: 3 })), { maxLength: 90 }), (parts) => {
        for (const plan of draftPlans(regularisePunctuation(parts.join('')), { fallbackYear: 2024 })) {
          const yaml = formatDraftYaml(plan, { id: 'fuzz', source: 'fuzz.txt' });
          expect(project({ 'fuzz.plan.yaml': yaml }).diagnostics).toEqual([]);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('what held-out texts showed', () => {
  it('what was done before the plan’s year (2024年，全县共完成…) is no target: listed instead', () => {
    const { plan, tasks, yaml } = draft(
      '2025年全县食品安全工作要点\n\n2024年，全县共完成食品抽检3200批次，查处案件156起。\n一、重点工作\n1.抽检。去年完成抽检2800批次。今年完成食品抽检不少于3500批次，较2024年增加300批次。（县市场监管局负责）\n',
    );
    // only this year's figure is a target; 较2024年 is a comparison's base, not the past
    expect(targetsOf(tasks[0]!)).toEqual(['>= 3500 批次']);
    expect(tasks[0]!.unread.join('|')).toMatch(/去年完成抽检2800批次/);
    expect(plan.targets).toEqual([]);
    expect(plan.unreadOutside.join()).toMatch(/3200批次/);
    expect(project({ 'rules.plan.yaml': yaml }).diagnostics).toEqual([]);
  });

  it('每季度末5日内 and 每月结束后3个工作日内: day N of the month after each period; 于/要 are no part of the owner', () => {
    const { plan, yaml } = oneTask(
      '各成员单位于每季度末5日内报送工作进展，全年召开3次联席会议。各乡镇要每月结束后3个工作日内报送检查台账。',
    );
    expect(plan.duties.map((d) => [d.owner, d.every, d.month, d.day, d.title])).toEqual([
      ['各成员单位', 'quarter', undefined, 5, '报送工作进展'],
      ['各乡镇', 'month', undefined, 3, '报送检查台账'],
    ]);
    expect(plan.duties[0]!.checks.join()).toMatch(/每季度末5日内/);
    expect(project({ 'rules.plan.yaml': yaml }).diagnostics).toEqual([]);
  });

  it('a document numbered only 一、二、: each item is a task, with a 核对', () => {
    const { plan, tasks, yaml } = draft(
      '2024年示范乡镇评价标准\n\n一、乡镇成立工作领导小组，定期召开联席会议。\n二、药品监督网络覆盖率达100%。\n三、每年组织培训不少于2次。（县市场监管局负责）\n',
    );
    expect(tasks.map((t) => [t.id, t.title])).toEqual([
      ['1', '乡镇成立工作领导小组，定期召开联席会议'],
      ['2', '药品监督网络覆盖率达100%'],
      ['3', '每年组织培训不少于2次'],
    ]);
    expect(targetsOf(tasks[1]!)).toEqual(['>= 100%']);
    expect(tasks[2]!.lead).toEqual(['县市场监管局']);
    expect(plan.checks.join()).toMatch(/一级编号/);
    expect(project({ 'rules.plan.yaml': yaml }).diagnostics).toEqual([]);
  });

  it('亩 is a unit: 完成绿色防控2.5万亩 is a count of 25000 亩', () => {
    const { tasks } = oneTask('完成绿色防控2.5万亩。（县农业农村局负责）');
    expect(targetsOf(tasks[0]!)).toEqual(['>= 25000 亩']);
  });

  it('a quoted name stays in a metric (“规范药房”); a number inside quotes (“十四五”) is no quantity', () => {
    const { tasks } = oneTask('“十四五”期间，乡镇医疗机构的“规范药房”达100%。（县卫健局负责）');
    expect(tasks[0]!.targets.map((t) => [t.metric, t.target])).toEqual([['乡镇医疗机构的“规范药房”', '>= 100%']]);
  });
});

describe('texts that lost their layout', () => {
  it('a text with no line breaks: 一、 （一） 1. after a sentence’s end start lines of their own, in sequence', () => {
    const { tasks, yaml } = draft(
      '2024年全县食品安全工作方案 为深入贯彻落实食品安全“四个最严”要求，进一步压实属地管理责任和部门监管责任，加强食品安全全链条监管，持续提升全县食品安全治理能力和水平，切实保障人民群众“舌尖上的安全”，根据有关法律法规和上级工作部署，结合我县实际，按照县委、县政府关于食品安全工作的总体安排和县食安委全体会议的部署要求，制定本方案。一、总体要求（一）指导思想。坚持问题导向。二、重点任务（一）强化抽检。1.全县抽检不少于800批次。［县市场监管局负责］2.食品抽检合格率达到98%以上，3、4月份开展集中抽检。（县市场监管局牵头，县农业农村局配合）（二）强化宣传3.开展宣传活动不少于12场。（县委宣传部负责）',
    );
    // 一、 has only （一） items: they are its tasks (1-1); 3、4月份 is no marker
    expect(tasks.map((t) => [t.id, t.title])).toEqual([
      ['1-1', '指导思想'],
      ['1', '全县抽检不少于800批次'],
      ['2', '食品抽检合格率达到98%以上，3、4月份开展集中抽检'],
      ['3', '开展宣传活动不少于12场'],
    ]);
    expect(tasks.map((t) => targetsOf(t))).toEqual([[], ['>= 800 批次'], ['>= 98%'], ['>= 12 场']]);
    expect(tasks[2]).toMatchObject({ lead: ['县市场监管局'], support: ['县农业农村局'] });
    expect(project({ 'rules.plan.yaml': yaml }).diagnostics).toEqual([]);
  });

  it('a laid-out document keeps an inline list (：1.…；2.…) and 一、二级 / 三、四季度 inside its sentences', () => {
    const { tasks } = draft(
      '2024年全市食品安全工作要点\n\n一、重点工作\n1.强化抽检。重点做好以下工作：1.食用农产品抽检；2.校园食品抽检。全年完成抽检3200批次。（牵头单位：市市场监管局）\n2.加强医疗机构监管。一、二级医疗机构每年开展自查。三、四季度开展集中整治，查处案件不少于50件。（牵头单位：市卫健委）\n',
    );
    expect(tasks.map((t) => [t.id, t.lead, targetsOf(t)])).toEqual([
      ['1', ['市市场监管局'], ['>= 3200 批次']],
      ['2', ['市卫健委'], ['>= 50 件']],
    ]);
  });

  it('a standard part name run into its text (三、工作要求各县区每月…) ends its line in a text without breaks', () => {
    const { plan } = draft(
      `2024年全县食品安全工作方案 ${'为进一步提升全县食品安全治理水平，保障人民群众饮食安全，结合我县实际，制定本方案。'.repeat(7)}一、重点任务1.加强抽检。全年抽检不少于800批次。（县市场监管局负责）二、工作要求各乡镇每月10日前报送工作进展情况，确保各项任务落到实处。`,
    );
    expect(plan.duties.map((d) => [d.owner, d.every, d.day])).toEqual([['各乡镇', 'month', 10]]);
    expect(plan.units).not.toContain('工作要求各乡镇');
  });

  it('the notice before the title: 现将《X》印发给你们 names the plan, and its figures are listed, not dropped', () => {
    const { plan } = draft(
      '各乡镇，县直有关部门：\n经县政府同意，为期5个月的专项整治由12个部门共同开展，现将《2024年全县校园食品安全工作清单》印发给你们，请认真贯彻落实。\n\n2024年全县校园食品安全工作清单\n\n一、重点工作\n1.开展检查。检查学校食堂不少于60所。（县教体局负责）\n',
    );
    expect(plan.title).toBe('2024年全县校园食品安全工作清单');
    expect(plan.checks.join('|')).toMatch(/通知中含数字（未列为指标）：.*为期5个月/);
    expect(plan.sections.flatMap((s) => s.tasks).map((t) => targetsOf(t))).toEqual([['>= 60 所']]);
  });

  it('a bracket inside a clause stays with its measure; 实现/完成 and 在 before the figure are no part of the name', () => {
    const { tasks } = oneTask(
      '（无公害、绿色）农产品占比达到60%，餐饮具集中消毒实现100%，评价总分值在90分（含90分）以上，满意度评分85分以上。',
    );
    expect(tasks[0]!.targets.map((t) => [t.metric, t.target, t.unit])).toEqual([
      ['（无公害、绿色）农产品占比', '>= 60%', undefined],
      ['餐饮具集中消毒', '>= 100%', undefined],
      ['评价总分值', '>= 90', '分'],
      ['满意度评分', '>= 85', '分'],
    ]);
  });

  it('a score’s weight （5分） or deduction (扣5分) is no target, and is listed; 评分85分以上 is', () => {
    const { tasks } = oneTask('建立工作机制（5分）。未建立的扣5分，每缺一项扣1分。群众满意度评分达到85分以上。');
    expect(targetsOf(tasks[0]!)).toEqual(['>= 85 分']);
    expect(tasks[0]!.unread).toHaveLength(2);
  });

  it('an outline number before 分项 is no score, and is listed', () => {
    const { tasks } = oneTask('目标分为3.1总体目标、3.2分项目标两部分。');
    expect(tasks[0]!.targets).toEqual([]);
    expect(tasks[0]!.unread).toHaveLength(1);
  });
});

describe('duties whose owner the sentence hides', () => {
  it('每季度13月底前 (found by the phrasing fuzz) names no month of a quarter: no duty, and the draft validates', () => {
    const { plan, yaml } = oneTask('县食安办每季度13月底前报送工作进展。每半年第6个月10日前报送总结。');
    expect(plan.duties.map((d) => [d.every, d.month, d.day])).toEqual([['half_year', 6, 10]]);
    expect(project({ 'rules.plan.yaml': yaml }).diagnostics).toEqual([]);
  });

  it('the sentence’s own subject before 要 (各县（市、区）要…，并于12月10日前上报…) owes it', () => {
    const { plan, yaml } = oneTask('各县（市、区）要认真做好工作总结，并于12月10日前将整治情况上报市市场监管局。');
    expect(plan.duties.map((d) => [d.owner, d.due, d.kind])).toEqual([['各县（市、区）', '2024-12-10', 'report']]);
    expect(project({ 'rules.plan.yaml': yaml }).diagnostics).toEqual([]);
  });

  it('no unit anywhere (no issuer, no bracket): the duty is kept, owed by 待定单位 with a 核对', () => {
    const { plan, yaml } = draft('2024年食品安全工作计划\n\n一、重点工作\n1.做好宣传。七是每月25日前按时将工作资料上报乡食安办。\n');
    expect(plan.duties.map((d) => [d.owner, d.every, d.day, d.title])).toEqual([['待定单位', 'month', 25, '工作资料上报乡食安办']]);
    expect(plan.duties[0]!.checks.join()).toMatch(/原文未写报送单位/);
    expect(project({ 'rules.plan.yaml': yaml }).diagnostics).toEqual([]);
  });
});

describe('plans that run several years', () => {
  const text = [
    '某市食品安全三年提升行动方案（2023—2025年）',
    '',
    '一、主要目标',
    '2023年底前，完成30家农贸市场改造；2024年底前，完成60家。到2025年，食品抽检合格率稳定在98%以上。',
    '二、重点任务',
    '1.提升能力。2024年6月底前，建成快检实验室12个。2030年底前，建成检测中心2个。（市市场监管局负责）',
    '三、工作步骤',
    '（一）动员部署阶段（2023年3月至4月）。',
    '（二）总结评估阶段（2025年7月至12月）。',
  ].join('\n');

  it('the title’s range (2023—2025年) is the period, and its first year the id’s', () => {
    const { plan, yaml } = draft(text);
    expect(plan.title).toBe('某市食品安全三年提升行动方案（2023—2025年）');
    expect(plan.period).toEqual({ start: '2023-01-01', end: '2025-12-31' });
    expect(project({ 'rules.plan.yaml': yaml }).diagnostics).toEqual([]);
  });

  it('a figure after the date its sentence opens with is due then; a second that names only its verb measures the first', () => {
    const { plan, tasks } = draft(text);
    expect(plan.targets.map((t) => [t.metric, t.target, t.unit, t.due])).toEqual([
      ['完成农贸市场改造', '>= 30', '家', '2023-12-31'],
      ['完成农贸市场改造（2024年底前）', '>= 60', '家', '2024-12-31'],
      // 到2025年 is the period's end: the default, not written
      ['食品抽检合格率', '>= 98%', undefined, undefined],
    ]);
    // a date past the period is left out, with a 核对
    expect(tasks[0]!.targets.map((t) => [t.target, t.due])).toEqual([
      ['>= 12', '2024-06-30'],
      ['>= 2', undefined],
    ]);
    expect(tasks[0]!.targets[1]!.check).toMatch(/2030-12-31 不在方案期间内/);
    // the dated figures are targets, not also activity duties
    expect(plan.duties).toEqual([]);
  });

  it('a table row’s 完成时限 past the title’s range is left out, with a 核对', () => {
    const { tasks, yaml } = draft(
      `${text}\n\n| 序号 | 重点任务 | 牵头单位 | 完成时限 |\n| --- | --- | --- | --- |\n| 1 | 建设追溯平台 | 市市场监管局 | 2024年底前 |\n| 2 | 完善标准体系 | 市卫健委 | 2027年底前 |\n`,
    );
    const rows = tasks.filter((t) => /追溯平台|标准体系/.test(t.title));
    expect(rows.map((t) => [t.title, t.due])).toEqual([
      ['建设追溯平台', '2024-12-31'],
      ['完善标准体系', undefined],
    ]);
    expect(rows[1]!.checks.join()).toMatch(/2027-12-31 不在方案期间内/);
    expect(project({ 'rules.plan.yaml': yaml }).diagnostics).toEqual([]);
  });
});

describe('nothing with a number dropped unseen', () => {
  it('the documents a text cites are listed once as # 依据, the plan’s own 文号 left out', () => {
    const { plan, yaml } = draft(
      '某县食品安全委员会文件\n县食安委〔2024〕2号\n\n2024年全县食品安全工作要点\n\n根据《关于深化改革加强食品安全工作的意见》（中发〔2019〕17号）和鲁发〔2019〕19号文件精神，再次落实中发〔2019〕17号，聚焦“3510”发展目标，制定本要点。\n一、重点工作\n1.加强抽检。抽检不少于100批次。（县市场监管局负责）\n',
    );
    expect(plan.references).toEqual(['《关于深化改革加强食品安全工作的意见》（中发〔2019〕17号）', '鲁发〔2019〕19号']);
    expect(yaml).toMatch(/^# 依据: 鲁发〔2019〕19号$/m);
    expect(yaml).not.toMatch(/# 依据: 县食安委〔2024〕2号/);
    // a number in a quoted name lists its sentence
    expect(plan.unreadOutside.join()).toMatch(/“3510”/);
  });

  it('an activity on a date is owed on that date, titled by the clause that carries it out', () => {
    const { plan, yaml } = oneTask('6月17日上午，在县广场举办食品安全宣传周启动仪式。启动仪式应于11月底前举办。（县食安办负责）');
    expect(plan.duties.map((d) => [d.kind, d.title, d.due, d.owner])).toEqual([
      ['activity', '在县广场举办食品安全宣传周启动仪式', '2024-06-17', '县食安办'],
      ['activity', '启动仪式举办', '2024-11-30', '县食安办'],
    ]);
    expect(project({ 'rules.plan.yaml': yaml }).diagnostics).toEqual([]);
  });
});

describe('what the draft guessed is marked', () => {
  it('a unit split (X及Y, X和Y) gets a 核对, at a task and at a duty', () => {
    const { plan, tasks } = oneTask(
      '加强协调。（区食药安委成员单位及有关部门按职责分工负责）食品安全组和药品安全组每月10日前报送工作情况。',
    );
    expect(tasks[0]!.lead).toEqual(['区食药安委成员单位', '有关部门']);
    expect(tasks[0]!.checks).toContain('“区食药安委成员单位及有关部门”拆为两个单位：区食药安委成员单位、有关部门');
    expect(plan.duties[0]!.owner).toEqual(['食品安全组', '药品安全组']);
    expect(plan.duties[0]!.checks).toContain('“食品安全组和药品安全组”拆为两个单位：食品安全组、药品安全组');
  });

  it('a loose number is a bound with a 核对: a range its lower end, 约/左右/余 the number written', () => {
    const { tasks, yaml } = oneTask(
      '全年抽检1000批次左右，合格率保持在95%—98%，培训3-5次，约200家企业纳入监管，检查不少于1000余家。（县市场监管局负责）',
    );
    expect(tasks[0]!.targets.map((t) => [t.target, t.unit, t.check])).toEqual([
      ['>= 1000', '批次', '原文“1000批次左右”为约数，取 1000批次'],
      ['>= 95%', undefined, '原文为区间“95%—98%”，取下限 95%'],
      ['>= 3', '次', '原文为区间“3-5次”，取下限 3次'],
      ['>= 200', '家', '原文为约数（约），取所写数字'],
      ['>= 1000', '家', '原文“1000余家”为约数，取 1000家'],
    ]);
    // every number was read: nothing left to list
    expect(tasks[0]!.unread).toEqual([]);
    expect(project({ 'rules.plan.yaml': yaml }).diagnostics).toEqual([]);
  });
});

describe('a review of the drafting rules (each input made up to show one fault, now mended)', () => {
  it('a dated activity: a range is owed by its end, 自…起 by nothing, and a 工作步骤 item is a phase only', () => {
    const { plan } = draft(
      '2024年全市食品安全工作要点\n\n一、重点工作\n1.专项整治。自3月1日起，在全市开展校园食品安全专项整治行动。5月1日至6月30日，组织开展食品安全宣传周活动。（牵头单位：市市场监管局）\n二、工作步骤\n（一）部署。3月底前制定方案。\n（二）集中整治。4月1日至10月31日，组织开展集中整治。\n',
    );
    expect(plan.phases.map((p) => [p.title, p.start, p.due])).toEqual([
      ['部署', undefined, '2024-03-31'],
      ['集中整治', '2024-04-01', '2024-10-31'],
    ]);
    expect(plan.duties.map((d) => [d.kind, d.title, d.due])).toEqual([['activity', '组织开展食品安全宣传周活动', '2024-06-30']]);
    expect(plan.duties[0]!.checks.join()).toMatch(/原文未在句中写责任单位/);
  });

  it('每年结束后45日内: 45 days into the next year is 14 February (31 + 14)', () => {
    const { plan, yaml } = oneTask('各成员单位每年结束后45日内报送年度工作总结。');
    expect(plan.duties.map((d) => [d.every, d.month, d.day])).toEqual([['year', 2, 45 - 31]]);
    expect(project({ 'rules.plan.yaml': yaml }).diagnostics).toEqual([]);
  });

  it('a figure after an opening date without a year (11月底前，…) or with a day (6月30日前，…) is due then', () => {
    const { tasks } = oneTask(
      '11月底前，完成30家农贸市场改造。2024年6月30日前，完成检查500家。2月底前，建成快检室2个。（县市场监管局负责）',
    );
    expect(tasks[0]!.targets.map((t) => [t.target, t.due])).toEqual([
      ['>= 30', '2024-11-30'],
      ['>= 500', '2024-06-30'],
      // 2024 is a leap year: February has 29 days
      ['>= 2', '2024-02-29'],
    ]);
  });

  it('在2023年基础上 is a base, not the past: the figure is a target', () => {
    const { tasks } = oneTask('在2023年基础上，全年完成培训3000人次。与2023年相比，新增快检室5个。');
    expect(targetsOf(tasks[0]!)).toEqual(['>= 3000 人次', '>= 5 个']);
  });

  it('签约 and 节约 are no 约数; 从60%到80% is where it must get to; 第3-5条 is no range', () => {
    const { tasks } = oneTask('全年新签约不少于10个项目，节约5%经费。覆盖率从60%到80%。第3-5条规定的事项全部落实。');
    expect(tasks[0]!.targets.map((t) => [t.metric, t.target, t.check])).toEqual([
      ['新签约', '>= 10', undefined],
      ['节约经费', '>= 5%', undefined],
      ['覆盖率', '>= 80%', '原文“从60%到80%”：取 80%（起点 60%）'],
      ['第3-5条规定的事项达标比例', '>= 100%', undefined],
    ]);
  });

  it('a cited 文号 is listed without the body before it (省委办公厅鲁办发〔2019〕19号 → 鲁办发〔2019〕19号)', () => {
    const { plan } = oneTask('为认真落实省委办公厅鲁办发〔2019〕19号文件精神，严格执行市政府办公室市政办字〔2023〕5号文件要求。');
    expect(plan.references).toEqual(['鲁办发〔2019〕19号', '市政办字〔2023〕5号']);
  });

  it('a phase past a title’s range is listed, not written (it drew due-outside-period)', () => {
    const { plan, yaml } = draft(
      '某市食品安全三年行动方案（2023—2025年）\n\n一、重点任务\n1.抽检。全年抽检不少于100批次。（市市场监管局负责）\n二、工作步骤\n（一）实施阶段（2023年3月至2025年10月）。\n（二）总结评估阶段（2026年1月至2026年3月）。\n',
    );
    expect(plan.phases.map((p) => p.title)).toEqual(['实施阶段']);
    expect(plan.checks.join()).toMatch(/总结评估阶段.*不在方案期间内/);
    expect(project({ 'rules.plan.yaml': yaml }).diagnostics).toEqual([]);
  });

  it('a table’s section is not named by the prose sentence above it; 2025年内 and 2025年6月—12月 keep their year', () => {
    const { plan } = draft(
      '某市食品安全三年行动方案（2023—2025年）\n\n一、重点任务\n1.强化抽检。全年完成食品抽检3200批次。（牵头单位：市市场监管局）\n| 序号 | 重点任务 | 牵头单位 | 完成时限 |\n| --- | --- | --- | --- |\n| 1 | 建设追溯平台 | 市市场监管局 | 2025年内 |\n| 2 | 完善标准体系 | 市卫健委 | 2025年6月—12月 |\n| 3 | 开展年度评估 | 市食安办 | 每年12月底前 |\n',
    );
    const table = plan.sections.at(-1)!;
    expect(table.title).not.toMatch(/3200批次/);
    expect(table.tasks.map((t) => [t.title, t.due])).toEqual([
      ['建设追溯平台', '2025-12-31'],
      ['完善标准体系', '2025-12-31'],
      ['开展年度评估', undefined],
    ]);
  });
});

describe('a signature dated in Chinese numerals', () => {
  it.each([
    ['二〇二四年三月一日', '2024-03-01'],
    ['二○二四年十二月二十一日', '2024-12-21'],
    ['二〇二四年十月十日印发', '2024-10-10'],
  ])('%s is the issue date %s', (written, issued) => {
    const { plan } = draft(
      `某县食品安全委员会\n${written}\n\n2024年全县食品安全工作要点\n\n一、重点工作\n1.加强抽检。抽检不少于100批次。（县市场监管局负责）\n`,
    );
    expect(plan).toMatchObject({ issuer: '某县食品安全委员会', issued });
  });
});

describe('label lines under a numbered task', () => {
  it('完成时限： is the task’s due date (长期坚持: none, with a 核对), and a 责任单位： line before it keeps both units', () => {
    const { tasks, plan, yaml } = draft(
      [
        '2024年全县药品安全工作要点',
        '',
        '一、强化药品质量监管',
        '1.开展药品安全专项检查。检查不少于120家次。',
        '牵头单位：县市场监管局',
        '配合单位：县卫健局',
        '完成时限：2024年6月底前',
        '2.加强疫苗质量监管。疫苗冷链储运合格率达到100%。',
        '责任单位：县卫健局、县市场监管局',
        '完成时限：9月中旬',
        '3.开展安全用药宣传。',
        '牵头单位：县市场监管局',
        '完成时限：长期坚持',
      ].join('\n'),
    );
    expect(tasks.map((t) => [t.id, t.lead, t.support, t.due])).toEqual([
      ['1', ['县市场监管局'], ['县卫健局'], '2024-06-30'],
      ['2', ['县卫健局', '县市场监管局'], [], '2024-09-20'],
      ['3', ['县市场监管局'], [], undefined],
    ]);
    expect(tasks[1]!.checks.join()).toMatch(/9月中旬/);
    expect(tasks[2]!.checks.join()).toMatch(/持续性要求/);
    // the label lines are no duties
    expect(plan.duties).toEqual([]);
    expect(project({ 'rules.plan.yaml': yaml }).diagnostics).toEqual([]);
  });

  it('a time limit inside the responsibility bracket (（…；完成时限：2024年6月底前）) is the due date, not a duty', () => {
    const { tasks, plan } = draft(
      '2024年全县药品安全工作要点\n\n一、强化监管\n1.开展专项检查。检查不少于120家次。（牵头单位：县市场监管局；配合单位：县卫健局；完成时限：2024年6月底前）\n2.加强疫苗监管。（责任单位：县卫健局，完成时间：9月底前）\n',
    );
    expect(tasks.map((t) => [t.lead, t.support, t.due])).toEqual([
      [['县市场监管局'], ['县卫健局'], '2024-06-30'],
      [['县卫健局'], [], '2024-09-30'],
    ]);
    expect(plan.duties).toEqual([]);
  });
});

describe('enumerations and reports handed in with 将…报', () => {
  it('一是…二是…: the enumeration word is no part of an owner or title; 将X报Y is a report; 研究 is an activity', () => {
    const { plan, yaml } = draft(
      [
        'XX县2025年食品安全工作要点',
        '',
        '一、压实责任',
        '（一）落实党政同责。一是县委、县政府每年至少专题研究食品安全工作2次；二是各乡镇（街道）每季度召开1次食品安全工作会议。（县食安办牵头，各乡镇（街道）负责）',
        '二、工作要求',
        '各乡镇（街道）、各成员单位要于每月25日前将工作进展情况报县食安办。',
      ].join('\n'),
    );
    expect(plan.duties.map((d) => [d.kind, d.owner, d.every, d.title])).toEqual([
      ['activity', ['县委', '县政府'], 'year', '县委、县政府每年至少专题研究食品安全工作2次'],
      ['activity', '各乡镇（街道）', 'quarter', '各乡镇（街道）每季度召开1次食品安全工作会议'],
      ['report', ['各乡镇（街道）', '各成员单位'], 'month', '工作进展情况报县食安办'],
    ]);
    // twice a year written as once a year: the reader is told
    expect(plan.duties[0]!.checks.join()).toMatch(/每个周期不止一次/);
    expect(plan.units).not.toContain('二是各乡镇（街道）');
    expect(project({ 'rules.plan.yaml': yaml }).diagnostics).toEqual([]);
  });
});
