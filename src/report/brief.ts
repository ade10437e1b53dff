// The 通报 paragraph: the meeting view in the sentences a 督查 office writes in its papers
// ("截至2024年6月30日，共跟踪指标21项，其中……；红灯2项、黄灯4项。区市场监管局牵头的“食品监督
// 抽检量”完成年度目标的53.3%，低于序时进度（75.0%）21.7个百分点；……"). Pure: the facts in,
// sentences out. It never writes that all is well while something is missed, breached, behind or
// overdue, here or in a plan shown only as a compact line.
import { type Lang, type LabelKey, t } from '../i18n/labels.js';
import { type Light, lightOrder } from '../core/lights.js';
import { targetStatuses } from '../core/statuses.js';
import { displayNumber, displayPercent, safeText } from './display.js';
import { groupDeadlineRows } from './deadline-lines.js';
import type { DeadlineRow, TargetRow } from './rows.js';
import { type StatusCounts, buildStatusView } from './status-view.js';
import type { StatusReport } from './reports.js';

export interface BriefFacts {
  /** YYYY-MM-DD */
  asOf: string;
  warnDays: number;
  /** every target the paragraph counts (an `each` target once) */
  summary: StatusCounts;
  /** the targets shown; the red and yellow ones get a clause each, red first */
  targets: readonly TargetRow[];
  /** the deadlines shown; the overdue ones are listed and their report owners named */
  deadlines: readonly DeadlineRow[];
  /** missed, breached, behind targets and overdue deadlines of plans shown only as a compact line */
  endedProblems: number;
}

/** At most this many overdue items are named; the rest are counted ("……等 N 项"). */
const MAX_OVERDUE_NAMED = 10;

/** The facts of the meeting view, as `status` decides them (which plans in detail, which rows). */
export function briefFactsOf(report: StatusReport): BriefFacts {
  const view = buildStatusView(report.evaluation, report.shownPlans, report.view);
  return {
    asOf: view.asOf,
    warnDays: view.warnDays,
    summary: view.summary,
    targets: view.targets,
    deadlines: view.deadlines,
    endedProblems: view.endedProblems,
  };
}

/** "2024年6月30日" in Chinese; the ISO date in English. */
function dateText(lang: Lang, isoDay: string): string {
  if (lang !== 'zh-CN') return isoDay;
  const [year, month, dayOfMonth] = isoDay.split('-');
  return `${year}年${Number(month)}月${Number(dayOfMonth)}日`;
}

/** Points to one decimal, as papers write 百分点 ("21.7", "4"). */
const pointsText = (value: number): string => String(Math.round(value * 10) / 10);

/** A figure with its unit: "1,320批次" / "1,320 batches"; a percentage "94%". */
function amount(lang: Lang, row: Pick<TargetRow, 'kind' | 'unit'>, value: number | null): string {
  if (row.kind === 'percent') return displayNumber(value, lang, '%');
  const unit = row.unit ? safeText(row.unit) : '';
  return displayNumber(value, lang, unit && lang === 'en' ? ` ${unit}` : unit);
}

type Clause = Pick<
  TargetRow,
  | 'metric'
  | 'owner'
  | 'kind'
  | 'unit'
  | 'op'
  | 'progress_kind'
  | 'required'
  | 'expected'
  | 'actual'
  | 'gap'
  | 'progress'
  | 'lag'
  | 'status'
  | 'due'
>;

/** What the figures say about one red or yellow target (or one unit of an `each` target). */
function predicate(lang: Lang, row: Clause): string {
  const values = {
    actual: amount(lang, row, row.actual),
    required: amount(lang, row, row.required),
    gap: row.kind === 'percent' ? pointsText(row.gap ?? 0) : amount(lang, row, row.gap),
    progress: displayPercent(row.progress),
    due: dateText(lang, row.due),
  };
  if (row.status === 'breached') return t(lang, 'brief.breached', values);
  if (row.status === 'missed') return t(lang, 'brief.missed', values);
  if (row.progress_kind === 'level') return t(lang, row.kind === 'percent' ? 'brief.below_level_points' : 'brief.below_level', values);
  if (row.lag === null || row.expected === null || row.required === null || row.required === 0 || row.progress === null) {
    return t(lang, 'brief.behind_plain', { ...values, expected: amount(lang, row, row.expected) });
  }
  return t(lang, 'brief.behind', { ...values, pace: displayPercent(row.expected / row.required), lag: pointsText(row.lag) });
}

/** One clause per red or yellow target; an `each` target gives one per red or yellow unit, named by the unit. */
function targetClauses(lang: Lang, rows: readonly TargetRow[]): string[] {
  const flagged = (light: Light): boolean => light === 'red' || light === 'yellow';
  const byLight = [...rows]
    .filter((row) => flagged(row.light) && !row.sub_line)
    .sort((a, b) => lightOrder.indexOf(a.light) - lightOrder.indexOf(b.light));
  return byLight.flatMap((row) => {
    const metric = safeText(row.metric);
    if (!row.units) return [t(lang, 'brief.subject', { owner: safeText(row.owner), metric }) + predicate(lang, row)];
    return row.units
      .filter((unit) => flagged(unit.light))
      .map(
        (unit) =>
          t(lang, 'brief.subject_unit', { unit: safeText(unit.unit), metric }) + predicate(lang, { ...row, ...unit, unit: row.unit }),
      );
  });
}

/** "已完成6项、进度正常7项……；红灯2项、黄灯4项" — only what is there. */
function countsSentence(lang: Lang, facts: BriefFacts): string {
  const counts = facts.summary;
  const statuses = targetStatuses
    .filter((status) => counts[status] > 0)
    .map((status) => t(lang, `brief.count.${status}` satisfies LabelKey, { count: counts[status] }));
  const lights = lightOrder
    .filter((light) => counts.lights[light] > 0)
    .map((light) => t(lang, `brief.light.${light}` satisfies LabelKey, { count: counts.lights[light] }));
  const separator = t(lang, 'brief.separator');
  const parts =
    statuses.length > 0 ? t(lang, 'brief.counts_parts', { statuses: statuses.join(separator), lights: lights.join(separator) }) : '';
  return t(lang, 'brief.counts', { asOf: dateText(lang, facts.asOf), targets: counts.targets, parts });
}

function overdueSentence(lang: Lang, rows: readonly DeadlineRow[]): string | undefined {
  const lines = groupDeadlineRows(rows);
  if (lines.length === 0) return undefined;
  const separator = t(lang, 'brief.separator');
  const named = lines.slice(0, MAX_OVERDUE_NAMED).map((line) => {
    const owners = line.row.occurrence ? line.rows.map((row) => row.owner) : [line.row.owner];
    const owner = owners
      .filter((name) => name !== '')
      .map(safeText)
      .join(t(lang, 'help.list_separator'));
    const values = { title: safeText(line.row.title), owner, due: dateText(lang, line.row.due) };
    return t(lang, owner ? 'brief.overdue_item' : 'brief.overdue_item_no_owner', values);
  });
  const more = lines.length > MAX_OVERDUE_NAMED ? t(lang, 'brief.overdue_more', { count: lines.length }) : '';
  return t(lang, 'brief.overdue', { count: lines.length, items: named.join(separator) + more });
}

/** Owners of overdue reports, with how many occurrences each has not submitted, in the order first met. */
function unreportedSentence(lang: Lang, rows: readonly DeadlineRow[]): string | undefined {
  const missing = new Map<string, number>();
  for (const row of rows) if (row.kind === 'report' && row.owner !== '') missing.set(row.owner, (missing.get(row.owner) ?? 0) + 1);
  if (missing.size === 0) return undefined;
  const units = [...missing].map(([unit, count]) => t(lang, 'brief.unreported_unit', { unit: safeText(unit), count }));
  return t(lang, 'brief.unreported', { units: units.join(t(lang, 'brief.separator')) });
}

/** The paragraph as sentences, in the order papers give them. */
export function briefSentences(facts: BriefFacts, lang: Lang): string[] {
  const sentences = [countsSentence(lang, facts)];
  const clauses = targetClauses(lang, facts.targets);
  if (clauses.length > 0) sentences.push(t(lang, 'brief.targets', { clauses: clauses.join(t(lang, 'brief.clause_separator')) }));
  const overdue = facts.deadlines.filter((row) => row.status === 'overdue');
  const overdueText = overdueSentence(lang, overdue);
  if (overdueText) sentences.push(overdueText);
  const unreported = unreportedSentence(lang, overdue);
  if (unreported) sentences.push(unreported);
  const dueSoon = groupDeadlineRows(facts.deadlines.filter((row) => row.status === 'due_soon')).length;
  if (dueSoon > 0) sentences.push(t(lang, 'brief.due_soon', { count: dueSoon, days: facts.warnDays }));
  if (facts.endedProblems > 0) sentences.push(t(lang, 'brief.ended_problems', { count: facts.endedProblems }));
  const { behind, missed, breached } = facts.summary;
  const clean = clauses.length === 0 && behind + missed + breached === 0 && overdue.length === 0 && facts.endedProblems === 0;
  if (clean) sentences.push(t(lang, 'brief.all_clear'));
  return sentences;
}

/** The paragraph as one text: Chinese sentences run on, English ones are spaced. */
export function briefParagraph(facts: BriefFacts, lang: Lang): string {
  return briefSentences(facts, lang).join(lang === 'zh-CN' ? '' : ' ');
}

/** status --format brief: the paragraph and a line break. */
export function formatStatusBrief(report: StatusReport, ctx: { lang: Lang }): string {
  return `${briefParagraph(briefFactsOf(report), ctx.lang)}\n`;
}
