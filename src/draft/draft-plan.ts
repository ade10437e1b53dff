// From a published work plan's text to a draft plan: title, issuer, document number, sections and
// numbered tasks, lead and support units, targets, phases and duties, with what was guessed kept
// for # 核对 comments and every number that became nothing listed. Pure: text in, data out.
import { decimalText, dropThousandsSeparators, parseChineseInteger } from '../core/chinese-number.js';
import { readTargetWording } from '../core/target-wording.js';
import { type Paragraph, TIME_LIMIT_LABEL, toParagraphs, toSentences } from './document-text.js';
import { emptyResponsibility, findResponsibility, settleResponsibility, splitUnits, unitSplits } from './responsibility.js';
import { datePoint, findDuties, findPhases, type DraftDuty, type DraftPhase } from './schedule.js';
import { dueOf, findTaskTables, withoutTableMarks, withoutTaskTables, type TaskTable } from './task-table.js';

export interface DraftTarget {
  id: string;
  metric: string;
  target: string;
  unit?: string;
  kind: 'count' | 'percent' | 'per_capita';
  source: string;
  /** what the draft guessed about this target */
  check?: string;
  /** a figure for each year: split by year when the plan runs several */
  perYear?: boolean;
  start?: string;
  due?: string;
  /** the date the target's sentence opens with (year, month, day, 旬/底 word), read into `due` once the plan's year is known */
  dueWritten?: readonly (string | undefined)[];
}

export interface DraftTask {
  id: string;
  title: string;
  lead: string[];
  support: string[];
  targets: DraftTarget[];
  /** sentences with a number that became no target */
  unread: string[];
  checks: string[];
  line: number;
  /** the time limit of a task-division table's row or a 完成时限： line (set by setDueFromText) */
  due?: string;
  /** the words of a 完成时限： line under a numbered task, read once the plan's year is known */
  dueText?: string;
}

/** A task's 完成时限 words as its due date, with a 核对 where the date was guessed or left out. */
function setDueFromText(task: DraftTask, dueText: string, year: number): void {
  const { due, check } = dueOf(dueText, year);
  if (check) task.checks.push(check);
  // a date before the plan's year, or far beyond it, is no deadline of this plan
  if (due && due >= `${year}-01-01` && due <= `${year + 10}-12-31`) task.due = due;
  else if (due) task.checks.push(`完成时限 ${due} 不在方案年度内，未写入 due`);
}

const DUE_LABEL = new RegExp(`^${TIME_LIMIT_LABEL}\\s*(.+)$`);
/** （牵头单位：…；完成时限：2024年6月底前）: a time limit inside a responsibility bracket. */
const INLINE_DUE = new RegExp(`${TIME_LIMIT_LABEL}\\s*([^；;，,）)\\n]+)`);

interface DraftSection {
  title: string;
  tasks: DraftTask[];
}

export interface DraftPlan {
  title: string;
  issuer?: string;
  docNo?: string;
  issued?: string;
  year: number;
  period: { start: string; end: string };
  sections: DraftSection[];
  /** what the plan asks as a whole, read outside any task; each owned by `owner` */
  targets: (DraftTarget & { owner: string })[];
  /** sentences outside any task with a number that became no target */
  unreadOutside: string[];
  phases: DraftPhase[];
  duties: DraftDuty[];
  units: string[];
  checks: string[];
  /** every sentence, when no task was found: the skeleton lists them for review */
  sentences: string[];
  /** the documents the text cites (《…》（食安办〔2021〕5号）), each once */
  references: string[];
}

type Level = 'A' | 'B' | 'C' | 'D';
interface Block {
  level: Level | undefined;
  number: string;
  text: string;
  line: number;
}

const LEVELS: ReadonlyArray<readonly [Level, RegExp]> = [
  ['A', /^([一二三四五六七八九十]+)、(.*)$/],
  ['A', /^第([一二三四五六七八九十]+)(?:部分|章)\s*(.*)$/],
  ['B', /^（([一二三四五六七八九十]+)）(.*)$/],
  ['C', /^(\d{1,2})[.、．](?!\d)(.*)$/],
  ['D', /^（(\d{1,2})）(.*)$/],
];
const TITLE_END = /(?:实施方案|工作方案|方案|工作要点|要点|工作安排|安排|实施意见|意见|工作计划|计划|行动|清单|规划)$/;

function blockOf(paragraph: Paragraph): Block {
  for (const [level, pattern] of LEVELS) {
    const match = pattern.exec(paragraph.text);
    if (match) return { level, number: match[1]!, text: match[2]!.trim(), line: paragraph.line };
  }
  return { level: undefined, number: '', text: paragraph.text, line: paragraph.line };
}

/** A heading's number, Arabic or Chinese (十二 → 12), through the reader targets use. */
function numberValue(number: string): number {
  return /^\d+$/.test(number) ? Number(number) : Number(parseChineseInteger(number) ?? 0n);
}

/** A heading's title: up to its first full stop (or colon), without a trailing responsibility bracket. */
function titleOf(text: string): string {
  const cut = /^(.*?)[。；：:]/.exec(text);
  let title = (cut ? cut[1]! : text).replace(/（[^（）]*(?:牵头|负责|配合)[^（）]*）$/, '').trim();
  // a heading that runs on as a sentence: its first clause names the task
  const clause = /^(.{4,}?)，/.exec(title);
  if ([...title].length > 30 && clause) title = clause[1]!;
  return [...title].length > 80 ? `${[...title].slice(0, 80).join('')}…` : title || text.slice(0, 40).trim();
}

interface DraftOptions {
  /** the file name, for an id when the text has no title */
  fileName?: string;
  /** the year to assume when the text names none (the current year, from the caller) */
  fallbackYear?: number;
  /** the notice before the plan's title, whose figures are listed (the first plan of a notice only) */
  notice?: readonly Paragraph[];
  /** the document's task-division tables (src/draft/task-table.ts): set by draftPlans */
  tables?: readonly TaskTable[];
}

/** Every plan the document holds (a 通知 may issue two), drafted. */
export function draftPlans(text: string, options: DraftOptions = {}): DraftPlan[] {
  // a task table's rows are read as a table, never as prose too
  const tables = findTaskTables(text);
  const paragraphs = withoutTableMarks(toParagraphs(withoutTaskTables(text, tables)));
  const header = readHeader(paragraphs);
  const starts = findPlanStarts(paragraphs, header.titles);
  if (starts.length === 0) {
    const titleIndex = paragraphs.findIndex(
      // a web page's breadcrumb (首页>工作范文>工作计划) or a labelled line is no title
      (p) =>
        // …行动方案（2023—2025年）, …方案（试行）
        TITLE_END.test(p.text.replace(/（[^（）]{1,20}）$/, '')) &&
        p.text.length <= 60 &&
        blockOf(p).level === undefined &&
        !/^关于印发|^现将/.test(p.text) &&
        !/[>|：:]/.test(p.text),
    );
    return [draftOne(paragraphs, titleIndex, header, { ...options, tables, notice: paragraphs.slice(0, Math.max(0, titleIndex)) })];
  }
  // each plan's tables: those between its title and the next plan's (the first plan takes any before it)
  const tablesOf = (i: number): TaskTable[] =>
    tables.filter(
      (t) => (i === 0 || t.lines[0]! > paragraphs[starts[i]!]!.line) && t.lines[0]! < (paragraphs[starts[i + 1]!]?.line ?? Infinity),
    );
  return starts.map((start, i) =>
    draftOne(paragraphs.slice(0, starts[i + 1] ?? paragraphs.length), start, header, {
      ...options,
      tables: tablesOf(i),
      ...(i === 0 ? { notice: paragraphs.slice(0, start) } : {}),
    }),
  );
}

interface Header {
  issuer?: string;
  docNo?: string;
  issued?: string;
  /** plan titles named in 关于印发《…》的通知 */
  titles: string[];
  webDate?: string;
  /** the office that drafted the document, from the colophon's 主办：X (督办：Y) */
  sponsor?: string;
}

function readHeader(paragraphs: readonly Paragraph[]): Header {
  const header: Header = { titles: [] };
  for (const [index, { text }] of paragraphs.entries()) {
    // a masked place may stand in it: *政办发〔2025〕12号, XX政办发〔2025〕12号
    const docNo = /^((?:[*＊×X]{1,3})?[\p{Script=Han}]{1,12}〔\d{4}〕\d{1,4}号)$/u.exec(text);
    if (docNo && !header.docNo && index < 30) header.docNo = docNo[1];
    if (!header.issuer && /^(.{4,40}?)文件$/.test(text)) header.issuer = text.replace(/文件$/, '');
    const date = /^(\d{4})年(\d{1,2})月(\d{1,2})日(?:印发)?$/.exec(writtenInDigits(text));
    const webDate = /日期[：:](\d{4})-(\d{1,2})-(\d{1,2})/.exec(text);
    if (webDate && !header.webDate) header.webDate = `${webDate[1]}-${webDate[2]!.padStart(2, '0')}-${webDate[3]!.padStart(2, '0')}`;
    if (date && !header.issued) {
      header.issued = `${date[1]}-${date[2]!.padStart(2, '0')}-${date[3]!.padStart(2, '0')}`;
      const before = paragraphs[index - 1]?.text ?? '';
      if (!header.issuer && /(?:局|委员会|政府|办公室|办公厅|委|办)$/.test(before) && before.length <= 40) header.issuer = before;
    }
    // the colophon at the end names the office that drafted the document: 主办：市市场监管局 督办：市政府办公厅二处
    const sponsor = /^主办(?:单位)?[：:]\s*([^\s：:，。；]{2,30}?)(?:\s|督办|承办|$)/.exec(text);
    if (sponsor && !header.sponsor) header.sponsor = sponsor[1];
    // 现将《X》印发给你们, 编制形成了《X》，现印发给你们: the notice names its plan without 关于印发
    const handedOut = /(?:现将|将)《([^《》]{4,60})》(?:印发|发)给你们|《([^《》]{4,60})》[，,]?现(?:予)?印发给你们/.exec(text);
    if (handedOut && header.titles.length === 0 && index < 30) header.titles = [handedOut[1] ?? handedOut[2]!];
    if (/关于印发/.test(text) && header.titles.length === 0 && index < 30) {
      // the notice's title may be broken over several lines: read on to 的通知
      const notice = /关于印发(.*?)的通知/.exec(
        paragraphs
          .slice(index, index + 6)
          .map((p) => p.text)
          .join(''),
      );
      header.titles = [...(notice?.[1] ?? text).matchAll(/《([^《》]+)》/g)].map((m) => m[1]!.replace(/[《》<>]/g, ''));
      const prefix = /^(.{4,40}?)关于印发/.exec(text);
      if (!header.issuer && prefix) header.issuer = prefix[1];
    }
  }
  // a web page's 日期 is when it was posted: the document's own date line comes first
  if (!header.issued && header.webDate) header.issued = header.webDate;
  return header;
}

/** 二〇二四年三月一日 (a signature's date) as 2024年3月1日; any other text as it is. */
function writtenInDigits(text: string): string {
  const date = /^([〇○零OＯ一二三四五六七八九]{4})年([一二三四五六七八九十]{1,2})月([一二三四五六七八九十]{1,3})日(印发)?$/.exec(text);
  if (!date) return text;
  // ○ and O stand for 〇 in typed dates
  const year = parseChineseInteger(date[1]!.replace(/[○OＯ]/g, '〇'));
  return year === undefined ? text : `${year}年${numberValue(date[2]!)}月${numberValue(date[3]!)}日${date[4] ?? ''}`;
}

/** Where each plan's own title stands, after the notice that issues them. */
function findPlanStarts(paragraphs: readonly Paragraph[], titles: readonly string[]): number[] {
  const starts: number[] = [];
  for (const title of titles) {
    const bare = title.replace(/^.*?(?=\d{4}年)/, '');
    const at = paragraphs.findIndex(
      (p, i) =>
        !starts.includes(i) &&
        (p.text === title || p.text === bare || (p.text.endsWith(bare) && p.text.length <= title.length + 4)) &&
        !/关于印发|现将/.test(p.text),
    );
    if (at >= 0) starts.push(at);
  }
  return starts.sort((a, b) => a - b);
}

function draftOne(paragraphs: readonly Paragraph[], titleIndex: number, header: Header, options: DraftOptions): DraftPlan {
  const checks: string[] = [];
  const title =
    titleIndex >= 0
      ? header.titles.some((t) => paragraphs[titleIndex]!.text.endsWith(t.replace(/^.*?(?=\d{4}年)/, '')))
        ? paragraphs[titleIndex]!.text
        : joinTitle(paragraphs, titleIndex)
      : (header.titles[0] ?? untitled(paragraphs) ?? options.fileName ?? '工作方案');
  if (titleIndex < 0) checks.push(`未找到方案标题，暂用“${title}”`);
  if (title.trim() === '') return draftOne(paragraphs, -1, { ...header, titles: ['工作方案'] }, options);
  const body = paragraphs.slice(titleIndex + 1);
  const year = findYear(title, header, body) ?? options.fallbackYear ?? 2000;
  const titleRange = titleYearRange(title);
  if (!/\d{4}年/.test(title))
    checks.push(
      `标题中没有年份，年份取 ${year}（${header.issued ? '印发日期' : findYear(title, header, body) ? '正文中最早出现的年份' : '原文未写年份，取今年'}）`,
    );
  const blocks = body.map(blockOf);
  const inTasks = new Set<Block>();
  const sections = buildSections(blocks, checks, inTasks);
  // beside a task table, parts numbered only 一、二、 (总体目标, 保障措施) are no tasks: read as the plan's text
  if (options.tables?.some((t) => t.sections.length > 0) && checks.includes(TOP_LEVEL_ONLY)) {
    sections.length = 0;
    inTasks.clear();
    checks.splice(checks.indexOf(TOP_LEVEL_ONLY), 1);
  }
  sections.push(...tableSections(options.tables ?? [], year, sections, checks));
  for (const task of sections.flatMap((s) => s.tasks)) if (task.dueText) setDueFromText(task, task.dueText, year);
  const allText = body.map((p) => p.text);
  const phases = findPhases(allText, year);
  const leads = sections.flatMap((s) => s.tasks.flatMap((t) => t.lead));
  // the plan runs to its last stated deadline: a phase's or duty's date, or a goal's year (到2020年年底)
  const goalYear = allText
    .flatMap((text) => [...text.matchAll(/(?:到|至|于)(\d{4})年(?:年)?(?:底|末)|(\d{4})年(?:年)?底前/g)])
    .map((m) => Number(m[1] ?? m[2]))
    .filter((y) => y > year && y <= year + 10)
    .sort()
    .at(-1);
  // a date before the plan's year (2023年5月底前 in a 2024 plan: what was done) or far beyond it is no
  // duty of this plan: listed for the reader instead
  // a duty whose text names no one: the issuer, a task's lead, the 主办 office, else a unit to fill in
  const duties = findDuties(allText, year, header.issuer ?? leads[0] ?? header.sponsor ?? '待定单位', goalYear === undefined).filter(
    (duty) => {
      // （二）集中整治。4月1日至10月31日，组织开展集中整治: a phase already, not also an activity
      if (duty.kind === 'activity' && duty.due && phases.some((phase) => phase.due === duty.due || phase.start === duty.due)) return false;
      const inReach = !duty.due || (duty.due >= `${year}-01-01` && duty.due <= `${titleRange?.last ?? year + 10}-12-31`);
      if (!inReach) checks.push(`日期 ${duty.due} 不在方案年度内，未列为报送事项：${duty.source}`);
      return inReach;
    },
  );
  duties.forEach((duty, i) => (duty.id = `duty-${i + 1}`));
  // a task whose text names no unit: the office that drafted the document (主办), else the issuer
  const fallbackLead = header.sponsor ?? header.issuer ?? leads[0] ?? '待定单位';
  for (const task of sections.flatMap((s) => s.tasks)) {
    if (task.lead.length > 0) continue;
    task.lead = [fallbackLead];
    task.checks.push(`原文未写明牵头单位，暂取“${fallbackLead}”${fallbackLead === header.sponsor ? '（文末写明的主办单位）' : ''}`);
  }
  const units: string[] = [];
  const add = (unit: string): void => {
    if (!units.includes(unit)) units.push(unit);
  };
  for (const task of sections.flatMap((s) => s.tasks)) [...task.lead, ...task.support].forEach(add);
  for (const duty of duties) ([] as string[]).concat(duty.owner).forEach(add);
  const lastDue = [
    ...phases.map((p) => p.due),
    ...duties.flatMap((d) => (d.due ? [d.due] : [])),
    ...sections.flatMap((s) => s.tasks.flatMap((t) => (t.due ? [t.due] : []))),
    ...(goalYear ? [`${goalYear}-12-31`] : []),
  ]
    .sort()
    .at(-1);
  // a title's range (2023—2025年) is the period as the document states it
  const end = titleRange
    ? `${titleRange.last}-12-31`
    : lastDue && lastDue > `${year}-12-31`
      ? `${lastDue.slice(0, 4)}-12-31`
      : `${year}-12-31`;
  if (end !== `${year}-12-31` && !titleRange) checks.push(`阶段、报送日期或目标年份延续到 ${lastDue}，期间结束取 ${end}`);
  const tasks = sections.flatMap((s) => s.tasks);
  for (const task of tasks) {
    // a 完成时限 past a title's range (2023—2025年) is no deadline of this plan
    if (task.due && task.due > end) {
      task.checks.push(`完成时限 ${task.due} 不在方案期间内，未写入 due`);
      delete task.due;
    }
    leaveOutThePast(task, year);
    task.targets = task.targets.flatMap((target) => splitByYear(target, year, Number(end.slice(0, 4))));
  }
  trackOnce(tasks);
  const inPeriod = (target: DraftTarget): DraftTarget => keepDueInPeriod(target, `${year}-01-01`, end);
  for (const task of tasks) task.targets = task.targets.map(inPeriod);
  // an issue date after the period (a title year mistyped or cut by a page break) would start the
  // duties after they end: it is left out, for the reader to settle
  const issued = header.issued && header.issued <= end ? header.issued : undefined;
  if (header.issued && !issued) checks.push(`印发日期 ${header.issued} 晚于方案期间结束 ${end}，未写入 issued：请核对年份`);
  // what the plan asks as a whole, outside any task (总体要求：确保全年不发生重大食品安全事故): plan-level
  // targets, owned by the 主办 office or the issuer; a number there that became nothing is listed too
  const whole: DraftTask = { id: 'plan', title, lead: [], support: [], targets: [], unread: [], checks: [], line: 0 };
  if (sections.length > 0)
    for (const block of blocks.filter((b) => !inTasks.has(b)))
      for (const sentence of toSentences(block.text)) readQuantities(sentence, whole);
  leaveOutThePast(whole, year);
  const planTargets = whole.targets
    .map((target, i) => ({ ...target, id: `p${i + 1}` }))
    .flatMap((target) => splitByYear(target, year, Number(end.slice(0, 4))))
    .map((target) => ({ ...inPeriod(target), owner: fallbackLead }));
  if (planTargets.length > 0) add(fallbackLead);
  // the notice before the title (为期5个月的专项治理, 19个部门): its figures are no targets of the plan, but
  // none is dropped unseen
  const notice: DraftTask = { ...whole, targets: [], unread: [] };
  for (const paragraph of options.notice ?? [])
    for (const sentence of toSentences(paragraph.text))
      // a web page's 日期：2018-07-26 and the notice's 文号 are no figures
      if (/\d/.test(sentence.replace(/\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|〔\d{4}〕\d*号?|\d{4}年|\d{1,2}月|\d{1,2}日/g, '')))
        readQuantities(sentence, notice);
  for (const sentence of new Set([...notice.targets.map((t) => t.source), ...notice.unread]))
    checks.push(`通知中含数字（未列为指标）：${sentence}`);
  const sentences = sections.length === 0 ? allText.flatMap(toSentences) : [];
  if (sections.length === 0) checks.push('未找到编号任务：下面列出全文句子，请按原文补写 sections');
  return {
    references: citedDocuments(
      [...(options.notice ?? []), ...body].map((p) => p.text),
      header.docNo,
    ),
    title,
    ...(header.issuer ? { issuer: header.issuer } : {}),
    ...(header.docNo ? { docNo: header.docNo } : {}),
    ...(issued ? { issued } : {}),
    year,
    period: { start: `${year}-01-01`, end },
    sections,
    targets: planTargets,
    unreadOutside: whole.unread,
    // a phase outside the period (after a title's range, before the plan's year) is listed, not written
    phases: phases.filter((phase) => {
      const inPeriod = phase.due >= `${year}-01-01` && phase.due <= end && (!phase.start || phase.start >= `${year}-01-01`);
      if (!inPeriod)
        checks.push(`阶段“${phase.title}”（${phase.start ? `${phase.start} 至 ` : ''}${phase.due}）不在方案期间内，未写入 phases`);
      return inPeriod;
    }),
    duties,
    units,
    checks,
    sentences,
  };
}

/**
 * 2024年，全县共完成食品抽检3200批次 in a 2025 plan, 去年…, 今年以来…: what was done, not what is
 * asked. Its figures are no targets; the sentence is listed at its task instead. A year that is a
 * comparison's base (较2019年, 比2020年) or a goal's (到2026年) does not count.
 */
function describesThePast(sentence: string, year: number): boolean {
  const firstNumber = /\d+(?:\.\d+)?(?![年月日\d])|[一二两三四五六七八九十]+(?=[次项个家批])/.exec(
    sentence.replace(/\d{4}年/g, (m) => m.replace(/\d/g, 'Y')),
  );
  const lead = sentence.slice(0, firstNumber ? firstNumber.index : sentence.length);
  if (/^(?:去年|上年|上一年|过去一年|今年以来|近年来|近几年|多年来)/.test(lead)) return true;
  // 较2019年, 到2026年, 在2023年基础上, 与2023年相比: a base or a goal, not the past
  const named = /(?<![较比到至于截在以与同])(\d{4})年(?![底末]|基础|为基|相比|水平|同期)/.exec(lead);
  return named !== null && Number(named[1]) < year && /完成|实现|达到|查处|开展|共|累计|全年|以来/.test(sentence);
}

function leaveOutThePast(task: DraftTask, year: number): void {
  const past = task.targets.filter((target) => describesThePast(target.source, year));
  if (past.length === 0) return;
  task.targets = task.targets.filter((target) => !past.includes(target));
  for (const source of new Set(past.map((target) => target.source))) if (!task.unread.includes(source)) task.unread.push(source);
  task.targets.forEach((target, i) => (target.id = `t${i + 1}`));
}

/**
 * A figure for each year (4份/千人口年, 每年不少于40小时) in a plan that runs several years: one target per
 * year, each over its own year (the first from the period's start).
 */
function splitByYear(target: DraftTarget, first: number, last: number): DraftTarget[] {
  if (!target.perYear || last <= first) return [target];
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  return years.map((y) => ({
    ...target,
    id: `${target.id}-${y}`,
    metric: `${target.metric}（${y}年）`,
    ...(y > first ? { start: `${y}-01-01` } : {}),
    due: `${y}-12-31`,
    check:
      [target.check, y === first ? `原文是每年的要求，方案期间 ${first}—${last} 年按年分设指标` : undefined].filter(Boolean).join('；') ||
      undefined,
  }));
}

/** 当地群众对食品安全总体满意度 and 当地群众食品安全总体满意度: one measure, the particles 对/的 aside. */
function sameMeasure(a: string, b: string): boolean {
  const bare = (m: string): string => m.replace(/[对的]|（\d{4}年）$/g, '');
  const [x, y] = [bare(a), bare(b)];
  return [...x].length >= 3 && [...y].length >= 3 && (x.includes(y) || y.includes(x));
}

/**
 * One requirement is tracked once: the same figure for the same measure in two tasks (a 创建标准 part
 * repeating a task's 满意度达到70%) stays in the task whose text names who is responsible (else the
 * first), and the other task says where it went.
 */
function trackOnce(tasks: readonly DraftTask[]): void {
  const named = (task: DraftTask): boolean => !task.checks.some((c) => c.startsWith('原文未写明牵头单位'));
  for (const task of tasks) {
    task.targets = task.targets.filter((target) => {
      const twin = tasks.find(
        (other) =>
          other !== task &&
          other.targets.some(
            (t) => t.target === target.target && t.unit === target.unit && t.start === target.start && sameMeasure(t.metric, target.metric),
          ),
      );
      if (!twin) return true;
      const keepHere = named(task) && !named(twin) ? true : !named(task) && named(twin) ? false : tasks.indexOf(task) < tasks.indexOf(twin);
      if (!keepHere) task.checks.push(`“${target.metric} ${target.target}”与任务 ${twin.id} 的要求相同，只在任务 ${twin.id} 跟踪`);
      return keepHere;
    });
  }
}

/** A title broken over lines (郑州市人民政府办公厅 / 关于进一步加强… / 监管工作的意见) read back as one. */
function joinTitle(paragraphs: readonly Paragraph[], index: number): string {
  let title = paragraphs[index]!.text;
  for (let i = index - 1; i >= 0 && i >= index - 3; i -= 1) {
    const line = paragraphs[i]!.text;
    if (line.length > 30 || /[。；：，]$|文件$|〔\d{4}〕|^\d{4}年/.test(line)) break;
    title = line + title;
  }
  return title;
}

/** No title: the subject of the first sentence (全区食品药品安全工作总体要求是… → 全区食品药品安全工作). */
function untitled(paragraphs: readonly Paragraph[]): string | undefined {
  const first = paragraphs[0]?.text ?? '';
  const subject = /^(.{4,30}?)(?:总体要求|的总体要求|要以|要坚持|以|为)/.exec(first)?.[1];
  return subject ?? first.split(/[，。：]/)[0]?.slice(0, 30);
}

/** 三年行动方案（2023—2025年）: the years a title's range names. */
function titleYearRange(title: string): { first: number; last: number } | undefined {
  const range = /(\d{4})\s*年?\s*[—–\-－~～至到]+\s*(\d{4})\s*年/.exec(title);
  if (!range) return undefined;
  const [first, last] = [Number(range[1]), Number(range[2])];
  return last > first && last - first <= 10 ? { first, last } : undefined;
}

function findYear(title: string, header: Header, body: readonly Paragraph[]): number | undefined {
  const range = titleYearRange(title);
  if (range) return range.first;
  const inTitle = /(\d{4})年/.exec(title);
  if (inTitle) return Number(inTitle[1]);
  if (header.issued) return Number(header.issued.slice(0, 4));
  const docYear = /〔(\d{4})〕/.exec(header.docNo ?? '');
  if (docYear) return Number(docYear[1]);
  for (const p of body) {
    const any = /(20\d{2})年/.exec(p.text);
    if (any) return Number(any[1]);
  }
  return undefined;
}

/**
 * Sections and tasks. Under each top-level heading (一、): its numbered items (1.) are tasks,
 * grouped by the （一） headings between them when there are any; a top-level part with （一）
 * items and no numbered ones has those as its tasks; a part with neither holds no task.
 */
function buildSections(blocks: readonly Block[], checks: string[], used: Set<Block>): DraftSection[] {
  if (!blocks.some((b) => b.level === 'B' || b.level === 'C') && blocks.some((b) => b.level === 'A'))
    return topLevelTasks(blocks, checks, used);
  const parts: Block[][] = [];
  for (const block of blocks) {
    if (block.level === 'A' || parts.length === 0) parts.push([]);
    parts.at(-1)!.push(block);
  }
  const hasA = blocks.some((b) => b.level === 'A');
  const sections: DraftSection[] = [];
  const ids = new Set<string>();
  for (const part of parts) {
    const head = part[0]!.level === 'A' ? part[0]! : undefined;
    const hasC = part.some((b) => b.level === 'C');
    const hasB = part.some((b) => b.level === 'B');
    const taskLevel: Level | undefined = hasC ? 'C' : hasB ? 'B' : undefined;
    if (!taskLevel) continue;
    if (taskLevel === 'B' && head)
      checks.push(`“${head.number}、${titleOf(head.text)}”下没有 1. 2. 编号的任务，把（一）（二）各项列为任务，请核对它们是否是任务`);
    const groupLevel: Level | undefined = taskLevel === 'C' && hasB ? 'B' : head ? 'A' : undefined;
    let section: DraftSection | undefined;
    let groupNumber = head ? String(numberValue(head.number)) : '';
    let task: { block: Block; text: string[]; id: string } | undefined;
    const flush = (): void => {
      if (task && section) section.tasks.push(draftTask(task.id, task.block, task.text));
      task = undefined;
    };
    for (const [index, block] of part.entries()) {
      if (block.level === groupLevel || (block === head && groupLevel !== 'A')) {
        flush();
        if (block.level === groupLevel) {
          section = { title: titleOf(block.text) || '任务', tasks: [] };
          sections.push(section);
          if (groupLevel === 'B') groupNumber = `${head ? numberValue(head.number) : ''}${head ? '-' : ''}${numberValue(block.number)}`;
          // a （三） heading with text of its own and no 1. 2. items under it, between headings that have
          // them, is a task itself (四、…（三）开展专项整治活动 + its paragraph): id 4-3
          const next = part.findIndex((b, i) => i > index && (b.level === 'B' || b.level === 'A'));
          const own = part.slice(index + 1, next < 0 ? part.length : next);
          const hasText = own.some((b) => b.level === undefined) || [...block.text].length > [...titleOf(block.text)].length + 1;
          if (groupLevel === 'B' && !own.some((b) => b.level === 'C') && hasText) {
            const id = claimId(ids, groupNumber);
            task = { block, text: [block.text], id };
            used.add(block);
            checks.push(`“（${block.number}）${titleOf(block.text)}”下没有 1. 2. 编号的任务，整项列为任务 ${id}，请核对它是否是任务`);
          }
          continue;
        }
        continue;
      }
      if (block.level === taskLevel) {
        flush();
        if (!section) {
          section = { title: head ? titleOf(head.text) : hasA ? '' : '任务', tasks: [] };
          sections.push(section);
        }
        // （一） items as tasks are numbered within their part: 2-1, 2-2 (1. items keep their own number)
        const own =
          taskLevel === 'B' && head ? `${numberValue(head.number)}-${numberValue(block.number)}` : String(numberValue(block.number));
        const id = claimId(ids, ids.has(own) ? `${groupNumber || sections.length}-${own}` : own);
        task = { block, text: [block.text], id };
        used.add(block);
        continue;
      }
      if (task) {
        task.text.push(block.level === 'D' ? `（${block.number}）${block.text}` : block.text);
        used.add(block);
      }
    }
    flush();
  }
  return sections.filter((s) => s.tasks.length > 0).map((s) => ({ ...s, title: s.title || '任务' }));
}

const TOP_LEVEL_ONLY = '原文只有“一、二、”一级编号，各项列为任务：指导思想、工作要求等不是任务的，请删除';

const nextSuffix = new WeakMap<Set<string>, Map<string, number>>();

/**
 * A task id not taken yet: `base`, else base-1, base-2, … (a counter per base, so a document that
 * repeats one number thousands of times does not try every id before it).
 */
function claimId(ids: Set<string>, base: string): string {
  let id = base;
  if (ids.has(id)) {
    const counters = nextSuffix.get(ids) ?? new Map<string, number>();
    nextSuffix.set(ids, counters);
    let n = counters.get(base) ?? 1;
    while (ids.has(`${base}-${n}`)) n += 1;
    counters.set(base, n + 1);
    id = `${base}-${n}`;
  }
  ids.add(id);
  return id;
}

/**
 * A document numbered only 一、二、 (a short 活动方案, a list of 创建标准): each item is a task, with the
 * paragraphs below it, since nothing finer names the work.
 */
function topLevelTasks(blocks: readonly Block[], checks: string[], used: Set<Block>): DraftSection[] {
  const tasks: DraftTask[] = [];
  const ids = new Set<string>();
  let task: { block: Block; text: string[]; id: string } | undefined;
  const flush = (): void => {
    if (task) tasks.push(draftTask(task.id, task.block, task.text));
    task = undefined;
  };
  for (const block of blocks) {
    if (block.level === 'A') {
      flush();
      const id = claimId(ids, String(numberValue(block.number)));
      task = { block, text: [block.text], id };
      used.add(block);
    } else if (task) {
      task.text.push(block.level === 'D' ? `（${block.number}）${block.text}` : block.text);
      used.add(block);
    }
  }
  flush();
  checks.push(TOP_LEVEL_ONLY);
  return tasks.length > 0 ? [{ title: '任务', tasks }] : [];
}

/**
 * The tasks of task-division tables (重点任务分工表), after the prose's: ids from 序号, unique across
 * the plan; titles and targets read as a numbered task's are; the time limit as the task's due.
 */
function tableSections(tables: readonly TaskTable[], year: number, prose: readonly DraftSection[], checks: string[]): DraftSection[] {
  const ids = new Set(prose.flatMap((s) => s.tasks.map((t) => t.id)));
  if (tables.some((t) => t.sections.length > 0) && ids.size > 0)
    checks.push('正文有编号任务，又有任务分工表：分工表的任务已另列为章节，如它们重复正文的任务，请删去重复的一处');
  return tables.flatMap((table, tableIndex) => {
    // 序号 restarting in each group: 2-1, 2-2; a table beside numbered prose tasks: 表1-1, 表1-2
    const numbers = table.sections.flatMap((s) => s.tasks.map((t) => t.number ?? '1'));
    const restarts = new Set(numbers).size < numbers.length;
    const prefix = numbers.some((n) => ids.has(n)) ? `表${tableIndex + 1}-` : '';
    return table.sections.map((section, sectionIndex) => ({
      title: section.title,
      tasks: section.tasks.map((row) => {
        const id = claimId(ids, `${prefix}${restarts ? `${sectionIndex + 1}-` : ''}${row.number ?? '1'}`);
        const title = titleOf(row.text) || titleOf(row.more.join('')) || `任务${id}`;
        const task: DraftTask = {
          id,
          title,
          lead: row.lead,
          support: row.support,
          targets: [],
          unread: [],
          checks: [...row.checks],
          line: row.line,
        };
        for (const sentence of [row.text, ...row.more].flatMap(toSentences)) readQuantities(sentence, task);
        if (row.dueText) setDueFromText(task, row.dueText, year);
        return task;
      }),
    }));
  });
}

function draftTask(id: string, block: Block, lines: readonly string[]): DraftTask {
  // 完成时限：2024年6月底前 under the task: its due date, not a sentence to read
  const dueText = lines.map((line) => DUE_LABEL.exec(line)?.[1]).find(Boolean) ?? INLINE_DUE.exec(lines.join('\n'))?.[1];
  const paragraphs = lines.filter((line) => !DUE_LABEL.test(line));
  const found = emptyResponsibility();
  const text = paragraphs.join('\n');
  const withoutClauses = findResponsibility(text, found);
  const { lead, support, checks } = settleResponsibility(found);
  // a number alone on its line (1. then the text below it): the title is the next line's
  const title = titleOf(block.text) || titleOf(paragraphs.slice(1).join('')) || `任务${id}`;
  const task: DraftTask = {
    id,
    title,
    lead,
    support,
    targets: [],
    unread: [],
    checks: [...checks, ...unitSplits(text, [...lead, ...support])],
    line: block.line,
    ...(dueText ? { dueText } : {}),
  };
  for (const sentence of withoutClauses.split('\n').flatMap(toSentences)) readQuantities(sentence, task);
  return task;
}

// A quantity in a sentence: [comparison] NUMBER [%|unit] [/denominator] [以上|以下|以内].
const OP_WORDS = '不少于|不低于|不小于|不得少于|不得低于|至少|达到|达|超过|多于|高于|不超过|不多于|不高于|不得超过|控制在|少于|低于|≥|≤';
const MEASURE =
  '个工作日|个小时|工作日|小时|批次|人次|家次|户次|条次|万元|亿元|公里|平方米|公斤|分钟|个|家|起|次|人|件|所|项|场|期|份|名|户|台|辆|张|吨|元|天|条|篇|种|类|套|座|处|批|块|棵|本|册|支|道|亩|分';
const QUANTITY = new RegExp(
  `(?:(${OP_WORDS}))?(?:(百分之|万分之|千分之)([零〇一二两三四五六七八九十百]+)|(\\d+(?:\\.\\d+)?[万亿]?)(%|‰)?(${MEASURE})?(/(?:千人口?|万人口?|百人|\\d+万?人?口?)年?)?)(及以上|以上|及以下|以下|以内)?`,
  'g',
);
// Chinese numerals only after a comparison word (不少于两次) or in a recurring count (每季度开展一次): 一 is too common otherwise
const CHINESE_QUANTITY = new RegExp(
  `(${OP_WORDS}|(?<=每(?:半年|季度|季|月|年)[\\p{Script=Han}]{0,6}))([一二两三四五六七八九十百千万]+)(次|期|场|批次)(以上|以下|以内)?`,
  'gu',
);

/**
 * Numbers the text gives loosely, read as a bound with a 核对 (positions kept, so the reader's indexes
 * still point into the sentence): a range 95%—98% or 3-5次 is its lower bound; 约200家, 1000批次左右,
 * 1000余家 are 200, 1000, 1000.
 */
function loosenNumbers(plain: string): { text: string; checks: Map<number, string> } {
  const checks = new Map<number, string>();
  const measure = `(?:%|${MEASURE})`;
  let text = plain.replace(
    new RegExp(`(\\d+(?:\\.\\d+)?)(${measure})?(\\s*[—–\\-~～至到]\\s*)(\\d+(?:\\.\\d+)?)(${measure})`, 'g'),
    (whole, low: string, lowUnit: string | undefined, dash: string, high: string, highUnit: string, at: number) => {
      // 第3-5条: articles, not a quantity; a change of units: no range
      if ((lowUnit && lowUnit !== highUnit) || plain[at - 1] === '第' || /^[条款章节]/.test(highUnit)) return whole;
      // 覆盖率从60%到80%: where it must get to, from where it is
      if (/[从由]$/.test(plain.slice(0, at))) {
        checks.set(at + whole.length - high.length - highUnit.length, `原文“从${whole}”：取 ${high}${highUnit}（起点 ${low}${highUnit}）`);
        return `${' '.repeat([...whole].length - [...high].length - [...highUnit].length)}${high}${highUnit}`;
      }
      checks.set(at, `原文为区间“${whole}”，取下限 ${low}${highUnit}`);
      return `${low}${highUnit}${' '.repeat([...whole].length - [...low].length - [...highUnit].length)}`;
    },
  );
  // 约200家; not 签约10个, 节约5%
  text = text.replace(/(?<![签节集制合预履公契条大])约(?=\d)/g, (mark, at: number) => {
    checks.set(at + 1, '原文为约数（约），取所写数字');
    return ' ';
  });
  text = text.replace(
    new RegExp(`(\\d+(?:\\.\\d+)?)(余|多)(${MEASURE})`, 'g'),
    (whole, number: string, more: string, unit: string, at: number) => {
      checks.set(at, `原文“${whole}”为约数，取 ${number}${unit}`);
      return `${number}${unit} `;
    },
  );
  text = text.replace(new RegExp(`(\\d+(?:\\.\\d+)?${measure}?)左右`, 'g'), (whole, number: string, at: number) => {
    checks.set(at, `原文“${whole}”为约数，取 ${number}`);
    return `${number}  `;
  });
  return { text, checks };
}

function readQuantities(sentence: string, task: DraftTask): void {
  const { text: loose, checks: looseChecks } = loosenNumbers(dropThousandsSeparators(sentence));
  const plain = loose
    .replace(/《[^》]*》|〔\d{4}〕\d*号?/g, (m) => ' '.repeat(m.length))
    // “十三五”, “两个责任”: a number inside a short quoted name is no quantity (“规范药房” stays a name)
    .replace(/“[^”]{0,12}”/g, (m) => (/[\d一二两三四五六七八九十百]/.test(m) ? ' '.repeat(m.length) : m))
    // 90分（含90分）以上: the bracket only restates the bound
    .replace(/（含\d[^（）]{0,10}）/g, '')
    // 85以上% (a typing slip) is 85%以上
    .replace(/(\d+(?:\.\d+)?)(以上|以下)%/g, '$1%$2');
  let read = false;
  // “3510”发展目标, “664铸军”: a number inside a quoted name is no quantity, but the sentence is listed
  let unreadNumber = /“[^”]{0,12}\d[^”]{0,12}”/.test(sentence);
  // 未发生重大食品安全事故，未发生…食品安全事件: one target for each thing that must not happen
  for (const none of plain.matchAll(/(?:确保|全年)?(?:未发生|不发生|零发生)([^，。；]{0,30}?(?:事故|事件|案件|舆情|问题))/g)) {
    addTarget(
      task,
      `${clauseBefore(plain, none.index)}${none[1]}`.slice(-40) || none[1]!,
      '不发生',
      sentence,
      /事故|事件|案件/.test(none[1]!) ? '起' : undefined,
    );
    // 不发生重大事故（件）和重大舆情: what follows 和/及 is a second thing that must not happen
    const also = /^(?:（[^（）]{0,6}）)?(?:和|及|以及|、)([^，。；、]{1,20}?(?:事故|事件|案件|舆情))/.exec(
      plain.slice(none.index + none[0].length),
    );
    if (also) addTarget(task, also[1]!, '不发生', sentence, '起');
    read = true;
  }
  if (readWholes(plain, sentence, task)) read = true;
  for (const match of [...plain.matchAll(QUANTITY), ...plain.matchAll(CHINESE_QUANTITY)]) {
    const [whole] = match;
    if (!/\d|[一二两三四五六七八九十]/.test(whole)) continue;
    const at = match.index;
    const after = plain.slice(at + whole.length, at + whole.length + 2);
    const before = plain.slice(Math.max(0, at - 1), at);
    if (/[A-Za-z]/.test(before)) continue; // ISO22000, H7N9: part of a name, not a quantity
    // 第3-5条: an article's number, as 第3条 is
    if (/第\d+\s*[—–\-~～至]\s*$/.test(plain.slice(0, at))) {
      unreadNumber = true;
      continue;
    }
    if (before === '第' || /^[年月日号时届期]/.test(after) || /^[.．\d]/.test(after)) {
      if (!/^[年月日号]/.test(after)) unreadNumber = true;
      continue;
    }
    // 建立工作机制（5分）, 未建立的扣5分, 每项得2分: a score's weight or deduction, not a target
    if (
      match.length !== 5 &&
      match[6] === '分' &&
      (/[扣加减计得记]$/.test(plain.slice(0, at).trimEnd()) || (plain[at - 1] === '（' && plain[at + whole.length] === '）'))
    ) {
      unreadNumber = true;
      continue;
    }
    // 3.2分项目标: an outline number before 分项, not a score
    if (match.length !== 5 && match[6] === '分' && /^\p{Script=Han}/u.test(after) && !/^(?:以|及|的|或)/.test(after)) {
      unreadNumber = true;
      continue;
    }
    if (/^(?:个百分点|倍)/.test(after)) {
      unreadNumber = true;
      continue;
    }
    const isChinese = match[0] !== undefined && match.length === 5;
    const op = isChinese ? match[1] : match[1];
    const percent = isChinese ? false : match[5] === '%' || match[2] === '百分之';
    const unit = isChinese ? match[3] : match[6];
    const perCapita = isChinese ? false : Boolean(match[7]) || match[2] === '万分之' || match[2] === '千分之';
    // 4份/千人口年: so many a year, for each year of the plan
    const perYear = /年$/.test(match[7] ?? '') || /每年/.test(clauseBefore(plain, at, false));
    const suffix = isChinese ? match[4] : match[8];
    const metricBefore = clauseBefore(plain, at);
    // a percentage is a level to reach, unless it is a change (同比增长5%, 提高2%)
    const change = /(?:增长|提高|下降|降低|减少|增加|提升|增幅|降幅)$/.test(clauseBefore(plain, at, false));
    // 较2024年增加300批次, 比上年减少5起: a change against a base, not a figure to reach
    const countChange = /[较比][^，。；]{0,12}(?:增长|提高|下降|降低|减少|增加|提升)$/.test(clauseBefore(plain, at, false));
    // 7个县（市、区）创建为省级示范城市: a count in subject position, with what it must become after it
    const clauseAfter = (plain.slice(at + whole.length).split(/[，,；;。]/)[0] ?? '').trim();
    const subjectCount = metricBefore === '' && Boolean(unit) && /创建为|建成|达到|达标|通过/.test(clauseAfter);
    const meaningful = percent
      ? !change
      : !countChange &&
        (perCapita ||
          subjectCount ||
          Boolean(unit && (op || suffix || unit !== '个' || /建|设|开展|完成|抽检|培训|检查|新增|打造|培育|创建/.test(metricBefore))));
    // 聚焦11项重点任务, 围绕3个方面: the scope of the work, not a figure to reach
    const scope = /(?:聚焦|围绕|针对|涉及|包括|分为|覆盖)$/.test(metricBefore);
    if (!meaningful || scope) {
      unreadNumber = true;
      continue;
    }
    const reading = readTargetWording(whole.replace(/^达(?!到)/, '达到'));
    if (!reading) {
      unreadNumber = true;
      continue;
    }
    const clauseSoFar =
      plain
        .slice(0, at)
        .split(/[，。；]/)
        .at(-1) ?? '';
    // 每季度开展一次督导, 每半年开展1次培训, 每年组织1次检查: a recurring activity is a duty (see duties),
    // not a count to add up; the sentence is listed at the task
    if (/^(?:次|期|场|轮)$/.test(unit ?? '') && /每(?:\d+|[一两二三四五])?(?:个)?(?:半年|季度|季|月|年|周)/.test(plain.slice(0, at))) {
      unreadNumber = true;
      continue;
    }
    // 按照3.5批次/千人的标准，抽检不少于1900批次: the basis of another figure, not a target of its own
    if (/按(?:照)?[^，。；]{0,10}$/.test(clauseSoFar) && /^的?(?:标准|口径|比例|要求)/.test(plain.slice(at + whole.length))) {
      unreadNumber = true;
      continue;
    }
    // 时间不少于40个小时, 每年接受不少于40个小时的培训: a length of time each one must reach, which does not add
    // up across units: per year, the share of those who reach it (>= 100%); otherwise no target
    if (/^(?:个?小时|学时|个?工作日)$/.test(unit ?? '')) {
      if (!/每年/.test(plain.slice(0, at))) {
        unreadNumber = true;
        continue;
      }
      // who must reach it: the words before 每年 (组织各单位负责人，每年接受…), else after it (每年组织监管人员进行轮训)
      const before = plain.slice(0, at).replace(/^.*[。；]/, '');
      const ahead = before
        .split('每年')[0]!
        .replace(/[，,\s]+$/, '')
        .replace(/^(?:组织|对|要求)/, '');
      const who = [...ahead].length >= 2 ? ahead : (/每年(?:组织|对)?(.{2,30}?)(?:进行|接受|参加|开展)/.exec(before)?.[1] ?? '');
      addTarget(task, `${who}达到${decimalText(reading.value)}${unit}的比例`.slice(-40), '100%', sentence, undefined, {
        check: `原文“不少于${decimalText(reading.value)}${unit}”是每人（每单位）都要达到的时长：写为达到的比例 100%，请核对对象和填报方式`,
        perYear: true,
      });
      read = true;
      continue;
    }
    // 完成率、整改率达到100%: one target per rate named
    const wholeClause = clauseBefore(plain, at, false);
    const metrics = wholeClause.split('、').map((m) => m.trim());
    // 设立22家哨点: a verb alone before the number takes the words after it (设立哨点)
    const object = (/^[的]?([^，。；、（）\s\d]{1,12})/.exec(plain.slice(at + whole.length))?.[1] ?? '').replace(
      /(?:达到|实现|完成|达).*$/,
      '',
    );
    const named = subjectCount
      ? clauseAfter.slice(0, 40)
      : [...metricBefore].length <= 2 && object
        ? `${metricBefore}${object}`
        : metricBefore;
    let names =
      metrics.length > 1 && metrics.every((m) => /[率度量数]$/.test(m) && m.length <= 30) ? metrics : [named || sentence.slice(0, 30)];
    // 知晓率和支持率分别达到75%和85%: the n-th number belongs to the n-th name
    const respectively = /^(.*?)分别/.exec(wholeClause);
    if (respectively) {
      const listed = respectively[1]!
        .split(/和|、|及/)
        .map((m) => m.trim())
        .filter(Boolean);
      const position = (/分别(.*)$/.exec(wholeClause)?.[1] ?? '').split(/和|、/).length - 1;
      if (listed.length > 1 && listed[position]) names = [listed[position]!];
    }
    // 总人口的万分之三: the people counted are the unit when the wording names none (监管人员 → 人)
    const counted = !reading.unit && perCapita && /人员|人数/.test(metricBefore) ? '人' : undefined;
    const loosely = [...looseChecks].find(([position]) => position >= at && position < at + whole.length)?.[1];
    for (const name of names)
      addTarget(task, name, whole, sentence, reading.unit ?? counted, { perYear, ...(loosely ? { check: loosely } : {}) });
    read = true;
  }
  // any number that became nothing lists its sentence, even beside one that became a target
  if (unreadNumber) task.unread.push(sentence);
  else if (!read && /\d/.test(plain.replace(/\d{4}年|\d{1,2}月|\d{1,2}日|\s/g, ''))) task.unread.push(sentence);
}

/** The words before a quantity in its clause: 食品抽检合格率 in “…，食品抽检合格率达到98%以上”. */
function clauseBefore(text: string, at: number, stopAtListComma = true): string {
  const separator = stopAtListComma ? /[，,；;：:。、]/ : /[，,；;：:。]/;
  // back to the clause's start, stepping over a bracket's inside (（无公害、绿色农产品）占比达到60%)
  let depth = 0;
  let start = at;
  while (start > 0) {
    const c = text[start - 1]!;
    if (c === '）' || c === ')') depth += 1;
    else if (c === '（' || c === '(') {
      if (depth === 0) break;
      depth -= 1;
    } else if (depth === 0 && separator.test(c)) break;
    start -= 1;
  }
  const clause = text.slice(start, at).replace(/\s+/g, '');
  return (
    clause
      .replace(new RegExp(`(?:${OP_WORDS})$`), '')
      .replace(/(?:保持在|稳定在|维持在|控制在|保持|稳定|维持)$/, '')
      .replace(/(?<=\p{Script=Han}{2})(?:在|从|由)$/u, '')
      // 消毒实现100%, 改造完成100%, 均达到: the verb before the figure is no part of the measure's name
      .replace(/(?<=\p{Script=Han}{2})(?:均|都|全部)?(?:实现|实施|完成)$|(?:均|都)$/u, '')
      .replace(/^(?:其中|并|确保|力争|要|全年|全区|全市|全县|实现|保持|稳定在)/, '')
      .replace(/\s+/g, '')
      .trim()
  );
}

/**
 * 实现在产在营获证主体包保全覆盖、包保主体数据全归集: each “X全覆盖/X全归集” that 实现 or 做到 names is a
 * share to reach, 100%; 全部学校食堂和养老院食堂、80%的中型以上餐饮单位达到…: each thing named after 全部/所有
 * in the list before 达到 is 100%; 学校食堂量化分级全部达到B级以上: 100%. Clause by clause, so a
 * percentage elsewhere in the sentence does not hide them. True when any was read.
 */
function readWholes(plain: string, sentence: string, task: DraftTask): boolean {
  let read = false;
  for (const clause of plain.split(/[，,；;。]/)) {
    if (/\d+(?:\.\d+)?%/.test(clause) && !/全部|所有/.test(clause)) continue;
    const governed = /(?:实现|做到|达到)(.+)$/.exec(clause)?.[1];
    // 全 as in 安全, 健全, 完全, 齐全, 周全 is part of another word
    const wholes = (governed ?? '')
      .split('、')
      .map((item) => /^(\p{Script=Han}[^、]{1,24}?)(?<![安健完齐周])全(覆盖|\p{Script=Han}{2})$/u.exec(item.trim()))
      .filter((m) => m !== null);
    if (wholes.length > 0) {
      for (const m of wholes) addTarget(task, `${m[1]}${m[2] === '覆盖' ? '覆盖' : m[2]}率`.slice(-40), '100%', sentence);
      read = true;
      continue;
    }
    const subjects = /^(.*?)(?:均|都)?(?:达到|实现|完成|纳入|落实)/.exec(clause)?.[1] ?? '';
    const all = subjects.split('、').filter((item) => /^(?:全部|所有)./.test(item.trim()));
    if (all.length > 0) {
      for (const item of all)
        for (const thing of item
          .trim()
          .replace(/^(?:全部|所有)/, '')
          .split(/和|及/))
          if (thing.trim()) addTarget(task, `${thing.trim()}达标比例`.slice(-40), '100%', sentence);
      read = true;
      continue;
    }
    const every = /(?<![安健完齐周])全覆盖|全面覆盖|全部(?:达到|实现|完成|纳入|落实)/.exec(clause);
    // 按照城市农村全覆盖、…的目标: the goal the work follows, described, not a share to measure
    if (every && !/\d+(?:\.\d+)?%/.test(clause) && !/^\s*按(?:照)?/.test(clause)) {
      addTarget(
        task,
        `${clauseBefore(clause, every.index)}${every[0].startsWith('全部') ? '达标比例' : '覆盖率'}`.slice(-40),
        '全覆盖',
        sentence,
      );
      read = true;
    }
  }
  return read;
}

interface TargetExtras {
  check?: string;
  /** a figure for each year (4份/千人口年, 每年不少于…): one target per year of a plan that runs several */
  perYear?: boolean;
}

/**
 * The documents a text cites: 《关于…的意见》（中发〔2019〕17号）, or a 文号 alone (鲁发〔2019〕19号), each
 * once, the plan's own 文号 left out. Their numbers are no quantities, but none is dropped unseen.
 */
function citedDocuments(texts: readonly string[], ownDocNo: string | undefined): string[] {
  const found: string[] = [];
  const numbers = new Set<string>();
  for (const text of texts)
    for (const cite of text.matchAll(/(《[^《》]{2,80}》)?[（(]?([^\s，。；、：（）()《》“”]{0,14}[〔［[（(]\d{4}[〕］\]）)]\d+号)/g)) {
      // 再次落实中发〔2019〕17号: the words before the issuer's abbreviation are no part of the number
      const number = cite[2]!.replace(
        /^.*(?:落实|贯彻|根据|按照|依据|执行|对照|参照|转发|印发|的通知|的意见|和|及|与|见|办公厅|办公室|委员会|人民政府|政府)/,
        '',
      );
      if (numbers.has(number) || number === ownDocNo) continue;
      numbers.add(number);
      found.push(cite[1] ? `${cite[1]}（${number}）` : number);
    }
  return found;
}

/** A due date the sentence gave that falls outside the plan's period is left out, with a 核对. */
function keepDueInPeriod(written: DraftTarget, start: string, end: string): DraftTarget {
  const { dueWritten, ...unsettled } = written;
  const settled = dueWritten ? datePoint(dueWritten, Number(start.slice(0, 4)), true)?.date : undefined;
  const target = settled ? { ...unsettled, due: settled } : unsettled;
  if (!target.due || target.perYear || (target.due >= start && target.due < end)) return target;
  const { due, ...rest } = target;
  // due at the period's end is the default: not written
  if (due === end) return rest;
  return { ...rest, check: [target.check, `原文的期限 ${due} 不在方案期间内，未写入 due`].filter(Boolean).join('；') };
}

/** 2023年底前，…; 到2025年，…; 2024年6月底前，…; 11月底前，…: the date a sentence opens with, as a due date. */
function openingDue(sentence: string): { words: string; date: readonly (string | undefined)[]; check?: string } | undefined {
  const opening =
    /^(?:到|至|于|在)?(?:(\d{4})年)?(?:(\d{1,2})月)?(?:(\d{1,2})日|(底|末|初|上旬|中旬|下旬))?(?:年)?(?:底|末)?(?:前|以前|之前)?[，,]/.exec(
      sentence,
    );
  if (!opening || (!opening[1] && !opening[2])) return undefined;
  const word = opening[4];
  const guessed = opening[2] && !opening[3] && word !== '底' && word !== '末' && !/底|末/.test(opening[0]);
  return {
    words: opening[0].replace(/[，,]$/, ''),
    // a year alone (2023年底前) is its December; the day as datePoint reads a deadline's 旬 or 底
    date: [opening[1], opening[2] ?? '12', opening[3], word],
    ...(guessed ? { check: `原文“${opening[0].replace(/[，,]$/, '')}”未写日，取${word ? `“${word}”` : '月底'}` } : {}),
  };
}

function addTarget(task: DraftTask, metric: string, wording: string, sentence: string, unit?: string, extras: TargetExtras = {}): void {
  const reading = readTargetWording(wording);
  if (!reading) return;
  const number = task.targets.length + 1;
  const opening = extras.perYear ? undefined : openingDue(sentence);
  // 2023年底前，完成30家农贸市场改造；2024年底前，完成60家: the second names only its verb, and measures
  // what the one before it measures
  const previous = task.targets.at(-1);
  const sameMeasure =
    /^(?:完成|达到|实现|建成|新增|累计|共|累计完成|共计)?$/.test(metric.trim()) &&
    previous !== undefined &&
    (previous.unit ?? '') === (unit ?? reading.unit ?? '') &&
    previous.kind === reading.kind;
  const named = sameMeasure
    ? `${previous.metric.replace(/（[^（）]*(?:前|底|末|年)）$/, '')}${opening ? `（${opening.words}）` : ''}`
    : metric.trim();
  task.targets.push({
    id: `t${number}`,
    metric: named || `指标${number}`,
    ...(opening ? { dueWritten: opening.date } : {}),
    target: reading.canonical,
    ...(extras.check || opening?.check ? { check: [extras.check, opening?.check].filter(Boolean).join('；') } : {}),
    ...((unit ?? reading.unit) ? { unit: unit ?? reading.unit } : {}),
    kind: reading.kind,
    source: sentence,
    ...(extras.perYear ? { perYear: true } : {}),
  });
}

export { splitUnits };
