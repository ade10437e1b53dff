// Phases (动员部署阶段（4月底至5月初）, 6月1日至11月30日) and duties (每月10日前报送…, 11月15日前报…,
// 每季度开展一次督导) from a plan's text. Pure.
import { parseChineseInteger } from '../core/chinese-number.js';
import { daysInMonth } from '../core/dates.js';
import { TIME_LIMIT_LABEL } from './document-text.js';
import { emptyResponsibility, findResponsibility, settleResponsibility, splitUnits, unitSplits } from './responsibility.js';

export interface DraftPhase {
  id: string;
  title: string;
  start?: string;
  due: string;
  source: string;
  checks: string[];
}

export interface DraftDuty {
  id: string;
  title: string;
  kind: 'report' | 'activity';
  owner: string | string[];
  every?: 'week' | 'month' | 'quarter' | 'half_year' | 'year';
  day?: number;
  month?: number;
  due?: string;
  source: string;
  checks: string[];
}

const DATE = String.raw`(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日|(底|末|初|上旬|中旬|下旬))?`;

interface DatePoint {
  date: string;
  guessed?: string;
}

/** 4月底 → 04-30, 5月初 → 05-10 (上旬末), 6月1日 → 06-01; the end of a range takes the later reading. */
export function datePoint(groups: readonly (string | undefined)[], year: number, isEnd: boolean): DatePoint | undefined {
  const y = groups[0] ? Number(groups[0]) : year;
  const month = Number(groups[1]);
  if (!(month >= 1 && month <= 12)) return undefined;
  const pad = (n: number): string => String(n).padStart(2, '0');
  const last = daysInMonth(y, month);
  if (groups[2]) {
    const day = Number(groups[2]);
    return day >= 1 && day <= last ? { date: `${y}-${pad(month)}-${pad(day)}` } : undefined;
  }
  const word = groups[3];
  const day =
    word === '底' || word === '末'
      ? last
      : word === '初' || word === '上旬'
        ? isEnd
          ? 10
          : 1
        : word === '中旬'
          ? isEnd
            ? 20
            : 11
          : word === '下旬'
            ? isEnd
              ? last
              : 21
            : isEnd
              ? last
              : 1;
  return { date: `${y}-${pad(month)}-${pad(day)}`, guessed: `“${month}月${word ?? ''}”取 ${y}-${pad(month)}-${pad(day)}` };
}

/**
 * Items of a 工作步骤/时间安排 part that carry dates are phases even without the word 阶段:
 * （一）制定方案。2018年7月初，…。2018年7月底前，…: one phase per dated sentence. A recurring
 * date (每年10月底前) is a duty, not a phase.
 */
function scheduleItemPhases(text: string, year: number, firstIndex: number): DraftPhase[] {
  const item = /^（[一二三四五六七八九十]+）([^。：]{2,20})[。：]/.exec(text);
  if (!item) return [];
  const phases: DraftPhase[] = [];
  for (const sentence of text.slice(item[0].length).split(/(?<=[。；])/)) {
    if (/每(?:年|月|季|半年|周)/.test(sentence)) continue;
    const dates = [...sentence.matchAll(new RegExp(DATE, 'g'))].filter((m) => m[2] !== undefined);
    if (dates.length === 0) continue;
    const due = datePoint(dates.at(-1)!.slice(1, 5), year, true);
    if (!due) continue;
    const start = dates.length > 1 ? datePoint(dates[0]!.slice(1, 5), year, false) : undefined;
    phases.push({
      id: `phase-${firstIndex + phases.length}`,
      title: item[1]!,
      ...(start ? { start: start.date } : {}),
      due: due.date,
      source: sentence.slice(0, 160),
      checks: [start?.guessed, due.guessed].filter((c): c is string => Boolean(c)),
    });
  }
  return phases;
}

export function findPhases(paragraphs: readonly string[], year: number): DraftPhase[] {
  const phases: DraftPhase[] = [];
  let schedulePart = false;
  const range = new RegExp(`([\\p{Script=Han}]{2,16}阶段)[）)]?[^。]{0,6}?[（(：]?${DATE}(?:[—\\-－~～至到]+)${DATE}`, 'u');
  const single = new RegExp(`([\\p{Script=Han}]{2,16}阶段)[（(：:]?${DATE}(?:前|以前)?[）)]`, 'u');
  for (const text of paragraphs) {
    if (/^[一二三四五六七八九十]+、/.test(text)) schedulePart = /步骤|工作安排|进度|时间安排|实施安排|阶段/.test(text);
    const m = range.exec(text);
    if (m) {
      const start = datePoint(m.slice(2, 6), year, false);
      const startYear = start ? Number(start.date.slice(0, 4)) : year;
      let due = datePoint(m.slice(6, 10), m[6] ? Number(m[6]) : startYear, true);
      if (due && start && due.date < start.date) due = datePoint(m.slice(6, 10), startYear + 1, true);
      if (!due) continue;
      phases.push({
        id: `phase-${phases.length + 1}`,
        title: cleanPhaseTitle(m[1]!),
        ...(start ? { start: start.date } : {}),
        due: due.date,
        source: text.slice(0, 160),
        checks: [start?.guessed, due.guessed].filter((c): c is string => Boolean(c)),
      });
      continue;
    }
    const s = single.exec(text);
    if (s) {
      const due = datePoint(s.slice(2, 6), year, true);
      if (due)
        phases.push({
          id: `phase-${phases.length + 1}`,
          title: cleanPhaseTitle(s[1]!),
          due: due.date,
          source: text.slice(0, 160),
          checks: due.guessed ? [due.guessed] : [],
        });
      continue;
    }
    if (schedulePart) phases.push(...scheduleItemPhases(text, year, phases.length + 1));
  }
  return phases;
}

function cleanPhaseTitle(title: string): string {
  return title.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+)/, '').replace(/^[是为即]/, '');
}

/** A figure with its unit (30家, 98%): a clause that holds one is a target due on its date, not a duty. */
const FIGURE = /\d+(?:\.\d+)?\s*(?:%|个|家|批次|项|所|人|场|份|名|户|件|座|处|条|次)/;
const TIME_LIMIT = new RegExp(`${TIME_LIMIT_LABEL}[^；;，,）)\\n]*`, 'g');
const REPORT_VERBS = /报送|上报|报告|申报|报(?=[^，。；]{0,30}(?:情况|总结|材料|报表|进展|台账|信息))|将[^，。；]{1,30}?报(?!告)|提交|汇总/;
const ACTIVITY_VERBS = /开展|组织|召开|举办|进行|督导|检查|调度|通报|培训|会商|演练|研究/;

/**
 * Duties: a sentence with a recurring time (每月X日前, 每季度, 每半年, 每年X月底前, 季度风险会商) or a
 * one-off date (X月X日前, 到2020年年底, 年内完成) and a reporting verb (报送, 上报, 申报, 报…情况) — or an
 * activity verb. Who owes it: the units the sentence names before its time; a generic body (政府部门,
 * 有关部门) or none: the units of the responsibility bracket that closes its part of the text
 * (…每半年开展1次集中培训。…。（区教体局、区市场监管局按职责分工负责）), else `defaultOwner`.
 * 按照前述时限 repeats the schedules of the sentence before for the units it names.
 */
export function findDuties(paragraphs: readonly string[], year: number, defaultOwner: string | undefined, oneYear = true): DraftDuty[] {
  const duties: DraftDuty[] = [];
  for (const paragraph of paragraphs) {
    let previous: DraftDuty[] = [];
    let offset = 0;
    // the last one-off date in the paragraph so far: 2018年7月底前，…制定方案。…各县创建方案上报市食安办备案。
    let paragraphDate: { due: string; words: string } | undefined;
    for (const raw of paragraph.split(/(?<=[。；])/)) {
      offset += raw.length;
      // a responsibility bracket that closed the sentence before is no part of this one; a time limit
      // (完成时限：2024年6月底前, on its own line or inside a bracket) is its task's due date, not a duty
      const sentence = dropLeadingClause(raw).replace(TIME_LIMIT, '');
      const before = duties.length;
      const partOwners = ownersOfPart(paragraph.slice(offset));
      const fallback = partOwners ?? (defaultOwner ? [defaultOwner] : []);
      if (/按(?:照)?(?:前述|上述|前款)(?:时限|时间|期限)/.test(sentence) && REPORT_VERBS.test(sentence) && previous.length > 0) {
        repeatSchedules(sentence, previous, duties);
      } else if (paragraphDate && /上报|报送|报备|备案/.test(sentence) && !TIME_WORDS.test(sentence)) {
        // a report with no time of its own, after a dated sentence of its paragraph: that date
        const named = ownersOf(sentence)?.filter((owner) => !GENERIC_OWNER.test(owner));
        const owners = named && named.length > 0 ? named : fallback;
        if (owners.length > 0)
          duties.push({
            id: `duty-${duties.length + 1}`,
            title: dutyTitle(sentence),
            kind: 'report',
            owner: owners.length === 1 ? owners[0]! : owners,
            due: paragraphDate.due,
            source: sentence,
            checks: [`原文本句未写日期，取同段上文的“${paragraphDate.words}”`],
          });
      } else readDutySentence(sentence, year, fallback, partOwners !== undefined, duties, oneYear);
      if (duties.length > before) previous = duties.slice(before);
      const dated = new RegExp(`${DATE}(?:前|之前|以前)`).exec(sentence);
      if (dated && dated[2] !== undefined && !/每(?:年|月|季|半年|周)/.test(sentence)) {
        const point = datePoint(dated.slice(1, 5), year, true);
        if (point) paragraphDate = { due: point.date, words: dated[0] };
      }
    }
  }
  return duties;
}

/** 新闻宣传组和督查组按照前述时限报工作情况至综合组: the schedules of the duties before, for these units. */
function repeatSchedules(sentence: string, previous: readonly DraftDuty[], duties: DraftDuty[]): void {
  const owners = ownersOf(sentence);
  if (!owners) return;
  for (const duty of previous) {
    const { id: _id, ...schedule } = duty;
    duties.push({
      ...schedule,
      id: `duty-${duties.length + 1}`,
      title: dutyTitle(sentence.replace(/^.*?按(?:照)?(?:前述|上述|前款)(?:时限|时间|期限)/, '')),
      owner: owners.length === 1 ? owners[0]! : owners,
      source: sentence,
      checks: [
        `原文“按照前述时限”：时限同 ${duty.every ? `每${({ week: '周', month: '月', quarter: '季度', half_year: '半年', year: '年' } as const)[duty.every]}` : duty.due}`,
      ],
    });
  }
}

/** The units of the first responsibility bracket in `text` (what follows a sentence in its paragraph). */
function ownersOfPart(text: string): string[] | undefined {
  // a bracket that is no responsibility (（含街道）) does not end the part: look on, within the paragraph
  for (const bracket of text.matchAll(/[（［〔【]/g)) {
    const group = bracketGroup(text, bracket.index);
    if (!group) continue;
    const found = emptyResponsibility();
    findResponsibility(group, found);
    const { lead } = settleResponsibility(found);
    if (lead.length > 0) return lead;
  }
  return undefined;
}

/** The bracket group that opens at `start`, up to its matching close (a ［…） slip closes it too). */
function bracketGroup(text: string, start: number): string | undefined {
  let depth = 0;
  for (let i = start; i < text.length; i += 1) {
    if ('（［〔【'.includes(text[i]!)) depth += 1;
    else if ('）］〕】'.includes(text[i]!)) {
      depth -= 1;
      if (depth === 0) return text.slice(start, i + 1);
    } else if (text[i] === '。' && depth > 0 && i - start > 300) return undefined;
  }
  return undefined;
}

const TIME_WORDS = /每(?:年|月|季|半年|周)|\d{1,2}月|\d{4}年|年内|年底|季度|月度/;

/** The sentence without a responsibility bracket left at its start by the split (（区自然资源局）建立…). */
function dropLeadingClause(sentence: string): string {
  const lead = /^[（［〔【][^（）［］〔〕【】]{1,200}[）］〕】]/.exec(sentence);
  if (!lead) return sentence;
  const found = emptyResponsibility();
  findResponsibility(lead[0], found);
  return settleResponsibility(found).lead.length > 0 ? sentence.slice(lead[0].length) : sentence;
}

const GENERIC_OWNER = /^(?:政府|有关|相关|各|各级|各有关|各相关)?(?:部门|单位|机构)$/;

function readDutySentence(
  sentence: string,
  year: number,
  fallbackOwners: readonly string[],
  fromPart: boolean,
  duties: DraftDuty[],
  oneYear: boolean,
): void {
  // one sentence may hold several: 每月10日前报…落实情况，11月15日前报全年工作开展情况
  const clauses = sentence.split(/[，,](?=[^，,]*?(?:每月|每季|每半年|每年|\d{1,2}月\d{1,2}日前|\d{1,2}月底前))/);
  const named = ownersOf(sentence)?.filter((owner) => !GENERIC_OWNER.test(owner));
  const owners = named && named.length > 0 ? named : [...fallbackOwners];
  for (const clause of clauses) {
    // 季度风险会商, 月度调度会: a recurring meeting named by its period
    const periodic = /(季度|月度)(?=\p{Script=Han}{0,6}(?:会商|例会|调度|会议|分析|通报))/u.exec(clause);
    // 每季度末5日内, 每月结束后5个工作日内, 每季度次月10日前: day N of the month after each period
    const afterPeriod = /每(月|季度|季|半年|年)(?:末|结束后|终了后|次月)(\d{1,2})(个工作)?日(?:内|前|之前|以前)/.exec(clause);
    if (afterPeriod && (REPORT_VERBS.test(clause) || ACTIVITY_VERBS.test(clause)) && owners.length > 0) {
      const every = ({ 月: 'month', 季度: 'quarter', 季: 'quarter', 半年: 'half_year', 年: 'year' } as const)[
        afterPeriod[1] as '月' | '季度' | '季' | '半年' | '年'
      ];
      // 每年结束后45日内: N days into the next period, as month M and day D of it (a common year's lengths)
      const after = Number(afterPeriod[2]);
      if (after < 1) continue;
      const lengths = [31, 28, 31, 30, 31, 30];
      let month = 1;
      let day = after;
      while (month <= lengths.length && day > lengths[month - 1]!) {
        day -= lengths[month - 1]!;
        month += 1;
      }
      const periodMonths = { month: 1, quarter: 3, half_year: 6, year: 12 }[every];
      if (month > periodMonths || day > 31) continue;
      duties.push({
        id: `duty-${duties.length + 1}`,
        title: dutyTitle(clause.slice(afterPeriod.index + afterPeriod[0].length)),
        kind: REPORT_VERBS.test(clause) ? 'report' : 'activity',
        owner: owners.length === 1 ? owners[0]! : owners,
        every,
        day,
        ...(month > 1 ? { month } : {}),
        source: sentence,
        checks: [
          `原文“${afterPeriod[0]}”：取每${afterPeriod[1]}第${month}个月${day}日${afterPeriod[3] ? '（按自然日）' : ''}，报上一${afterPeriod[1]}的情况；期间第一次报的是上年的，请核对 start`,
          ...(!named || named.length === 0 ? ['原文未在句中写报送单位，取所在段落写明的责任单位'] : []),
        ],
      });
      continue;
    }
    const recurring =
      /每(月|季度|半年|年|周)(?:(?:第?(\d{1,2})个?月)?(?:的)?(\d{1,2})日|(?:(\d{1,2})月)?(?:底|末))?(?:前|之前|以前)?/.exec(clause) ??
      (periodic ? ([periodic[0], periodic[1] === '季度' ? '季度' : '月'] as unknown as RegExpExecArray) : null);
    // 5月1日至6月30日，组织开展…: a range is owed by its last day; 自3月1日起 starts, it is owed by nothing
    const dated = [...clause.matchAll(/(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})日|(底|末|初|上旬|中旬|下旬))(?:前|之前|以前)?/g)];
    const ranged = dated.length > 1 && /[至到—\-－~～]/.test(clause.slice(dated[0]!.index + dated[0]![0].length, dated[1]!.index));
    const oneOff = ranged ? dated[1]! : dated[0];
    const starts = oneOff !== undefined && /^(?:起|开始)/.test(clause.slice(oneOff.index + oneOff[0].length));
    // 到2020年年底, 2020年底前: a year's end; 年内完成, 年底前完成 in a one-year plan: this year's end
    const yearEnd =
      /(?:到|至|于)?(\d{4})年(?:年)?(?:底|末)(?:前)?/.exec(clause) ??
      (oneYear ? /(?:年内|年底前)(?=(?:完成|实现|通过))/.exec(clause) : null);
    // 顺利通过…复审/验收 with no date in a one-year plan: by the year's end, to be checked
    const milestone = oneYear && !recurring && !oneOff && !yearEnd ? /通过[^，。；]{2,30}?(?:复审|验收|复核|评审|考核)/.exec(clause) : null;
    // 开展包保督导工作 with no time: a standing mechanism whose cadence national rules fix
    const standing = !recurring && !oneOff && !yearEnd && !milestone ? standingMechanism(clause) : undefined;
    if (standing) {
      if (owners.length === 0) continue;
      duties.push({
        id: `duty-${duties.length + 1}`,
        title: dutyTitle(standing.words),
        kind: 'activity',
        owner: owners.length === 1 ? owners[0]! : owners,
        every: standing.every,
        day: 31,
        month: standing.month,
        source: sentence,
        checks: [standing.check],
      });
      continue;
    }
    const report = REPORT_VERBS.test(clause);
    const activity = !report && (ACTIVITY_VERBS.test(clause) || /完成|实现|通过/.test(clause));
    if (!recurring && !oneOff && !yearEnd && !milestone) continue;
    if (recurring && !report && !ACTIVITY_VERBS.test(clause)) continue;
    if (!recurring && !report && !activity) continue;
    if (owners.length === 0) continue;
    const checks: string[] = [];
    const owner = owners.length === 1 ? owners[0]! : owners;
    if (!named || named.length === 0)
      checks.push(
        report
          ? fromPart
            ? `原文未在句中写报送单位，取所在段落写明的责任单位`
            : `原文未写报送单位，暂取${owners[0]}`
          : fromPart
            ? `原文未在句中写责任单位，取所在段落写明的责任单位`
            : `原文未写责任单位，暂取${owners[0]}`,
      );
    // 食品安全组和药品安全组: two owners, a guess the reader confirms
    checks.push(...unitSplits(clause, owners));
    const title = dutyTitle(clause);
    const id = `duty-${duties.length + 1}`;
    const kind = report ? 'report' : 'activity';
    if (recurring) {
      const every = ({ 月: 'month', 季度: 'quarter', 半年: 'half_year', 年: 'year', 周: 'week' } as const)[
        recurring[1] as '月' | '季度' | '半年' | '年' | '周'
      ];
      const monthInPeriod = recurring[2] ? Number(recurring[2]) : recurring[4] ? Number(recurring[4]) : undefined;
      // 每季度13月底前: no month of a quarter — no date to keep
      const months = { month: 1, week: 1, quarter: 3, half_year: 6, year: 12 }[every];
      if (monthInPeriod !== undefined && (monthInPeriod < 1 || monthInPeriod > months)) continue;
      let day = recurring[3] ? Number(recurring[3]) : undefined;
      if (day === undefined) {
        // 每季度 without a day: due by the period's last day
        day = 31;
        checks.push(every === 'month' ? '原文未写日期，取每月月底' : '原文未写具体日期，取周期末月月底');
      }
      const month =
        every === 'month' || every === 'week'
          ? undefined
          : (monthInPeriod ?? (recurring[3] ? undefined : every === 'quarter' ? 3 : every === 'half_year' ? 6 : 12));
      if (every === 'week' && day > 7) continue;
      // 每年至少研究2次: more than once a period, written as once (a period may be shorter)
      const times = /(?:至少|不少于)?(\d+|两|三|四)次/.exec(clause.slice(recurring.index ?? 0));
      const count = times ? (/\d/.test(times[1]!) ? Number(times[1]) : Number(parseChineseInteger(times[1]!) ?? 1n)) : 1;
      if (count > 1) checks.push(`原文“${times![0]}”：每个周期不止一次，这里按一次记，请核对（可改用更短的周期）`);
      duties.push({ id, title, kind, owner, every, day, ...(month ? { month } : {}), source: sentence, checks });
    } else if (oneOff) {
      const point = datePoint(oneOff.slice(1, 5), year, true);
      if (!point) continue;
      if (point.guessed) checks.push(point.guessed);
      // 6月17日上午，举办宣传咨询活动; 11月底前举办启动仪式: an activity on a date is owed too; a figure
      // with its date is a target due then
      if (!report && (starts || FIGURE.test(clause))) continue;
      duties.push({
        id,
        title,
        kind,
        owner,
        due: point.date,
        source: sentence,
        checks,
      });
    } else {
      // 2023年底前，完成30家农贸市场改造: a figure with its date is a target due then, not a second duty
      if (kind === 'activity' && !milestone && FIGURE.test(clause)) continue;
      const y = yearEnd?.[1] ? Number(yearEnd[1]) : year;
      if (milestone) checks.push(`原文未写日期，年度方案取年底 ${y}-12-31`);
      duties.push({ id, title: dutyTitle(milestone ? milestone[0] : clause), kind, owner, due: `${y}-12-31`, source: sentence, checks });
    }
  }
}

/**
 * Standing mechanisms whose cadence is fixed nationally, so a plan that only says it will carry them
 * on (开展包保督导工作) still owes them on that cadence: the 分层分级包保督导 of food-safety 属地管理
 * (国务院食安委, 2022) has county-level 包保干部 supervise at least once a quarter. Written with a
 * 核对, since the plan's own text gives no frequency.
 */
const STANDING_MECHANISMS: readonly {
  pattern: RegExp;
  every: 'quarter';
  month: number;
  check: string;
}[] = [
  {
    pattern: /(?:开展|落实|组织|推进|做好|实施)[^，。；]{0,8}?包保(?:干部)?督(?:导|查)(?:工作)?/,
    every: 'quarter',
    month: 3,
    check: '原文未写频次，按食品安全属地管理分层分级包保督导机制（县级包保干部每季度至少督导1次）取每季度，季末为期限',
  },
];

function standingMechanism(clause: string): { words: string; every: 'quarter'; month: number; check: string } | undefined {
  for (const mechanism of STANDING_MECHANISMS) {
    const found = mechanism.pattern.exec(clause);
    if (found) return { words: found[0], every: mechanism.every, month: mechanism.month, check: mechanism.check };
  }
  return undefined;
}

const TIME_PHRASE =
  /(?:应|要|须|将)?(?:于|在|到|至)?(?:(?:\d{4}年)?\d{1,2}月(?:\d{1,2}日|底|末|初|上旬|中旬|下旬)?(?:上午|下午|晚上)?|\d{4}年(?:年)?(?:底|末)|年内|年底)(?:前|之前|以前|日内)?/;

/**
 * A duty's title: what follows its time (每月10日前报送工作进展 → 报送工作进展), else the clause without
 * its time (启动仪式应于11月底前举办 → 启动仪式举办; 6月17日上午，举办宣传活动 → 举办宣传活动); the
 * first clause of it, without 将/把/按时 before the verb.
 */
function dutyTitle(clause: string): string {
  const after = /(?:前|之前|以前|日内)(.*)$/.exec(clause)?.[1] ?? '';
  const rest = [...after.replace(/^[，,\s]+|[。；，,\s]+$/g, '')].length >= 4 ? after : clause.replace(TIME_PHRASE, '');
  const title = rest
    .replace(/^[，,]+/, '')
    .replace(/^[一二三四五六七八九十]+是/, '')
    .replace(/^(?:按时|及时|按要求)?(?:将|把|分别|向[^，。]{1,20}?)?/, '')
    .replace(/[。；，,]+$/, '')
    .trim();
  // 报送工作进展，全年共召开3次联席会议: one clause names it — the one that reports, else the one that
  // holds or carries something out, else the first
  const parts = title.split(/[，,]/).filter((part) => [...part].length >= 4);
  const named =
    parts.find((part) => REPORT_VERBS.test(part)) ??
    parts.find((part) => /开展|举办|召开|举行|完成|通过/.test(part)) ??
    parts.find((part) => ACTIVITY_VERBS.test(part)) ??
    parts[0] ??
    title;
  const text = named.length >= 2 ? named : clause.replace(/[。；]+$/, '');
  return [...text].length > 60 ? `${[...text].slice(0, 60).join('')}…` : text;
}

/** The units that a duty sentence names before its verb: 食品安全组和药品安全组每月10日前…. */
function ownersOf(sentence: string): string[] | undefined {
  // the subject before the time (…，食品安全组和药品安全组每月10日前报…), else before 要/应/须/于/按
  const beforeTime = /^(.*?)(?:每月|每季|每半年|每年|\d{1,2}月)/.exec(sentence)?.[1];
  const fromTime = unitsOf(
    (beforeTime ?? /^(.*?)(?:要|应|须|于|按)/.exec(sentence)?.[1] ?? '')
      .replace(/^.*[，,]/, '')
      // 各成员单位于每季度…, 各乡镇要每月…: the particle before the time is no part of the name
      .replace(/(?:于|要|应|须|需|均|在|将|应当|务必)+$/, ''),
  );
  // 各县（市、区）要对照目标…，并于12月10日前上报: the sentence's own subject, before 要/应/须
  return fromTime ?? unitsOf(/^([^，,。；]{2,30}?)(?:要|应当|应|须|需)/.exec(sentence)?.[1] ?? '');
}

function unitsOf(subject: string): string[] | undefined {
  // 食品安全组和药品安全组: two units; 区工业和信息化局: one
  // 各县（市、区）: a bracket's 、 parts no units
  if (/[（(]/.test(subject)) {
    const units = splitUnits(subject);
    return units.length > 0 ? units : undefined;
  }
  const pieces = subject.split(/和|及|、/);
  const joined =
    pieces.length > 1 && pieces.every((piece) => splitUnits(piece).length === 1) ? pieces.flatMap(splitUnits) : splitUnits(subject);
  return joined.length > 0 ? joined : undefined;
}
