// What the meeting view shows, decided once for every human format (table, Markdown): active plans
// in detail, ended plans compactly, targets that need attention, deadlines overdue or due soon.
import { formatDay } from '../core/dates.js';
import { type Lang, t } from '../i18n/labels.js';
import type { Evaluation } from '../core/project.js';
import type { Plan } from '../core/model.js';
import { type Light, lightOrder } from '../core/lights.js';
import { type DeadlineStatus, type TargetStatus, attentionStatuses } from '../core/statuses.js';
import { type DeadlineRow, type TargetRow, type UnitOnTimeRow, type UnitScorecardRow, toDeadlineRow, toTargetRow } from './rows.js';

export type StatusCounts = Record<TargetStatus, number> & { targets: number; lights: Record<Light, number> };

/** Targets by status and by light (an `each` target counts once, by its own). */
export function countStatuses(rows: readonly { status: TargetStatus; light: Light }[]): StatusCounts {
  const counts = {
    targets: rows.length,
    met: 0,
    on_track: 0,
    behind: 0,
    missed: 0,
    breached: 0,
    no_data: 0,
    not_started: 0,
    lights: { red: 0, yellow: 0, green: 0, grey: 0 },
  };
  for (const row of rows) {
    counts[row.status] += 1;
    counts.lights[row.light] += 1;
  }
  return counts;
}

export type DeadlineCounts = Record<DeadlineStatus, number> & { deadlines: number };

/** Deadlines by status: the summary's second line, and what --fail-on finds among deadlines. */
export function countDeadlines(rows: readonly { status: DeadlineStatus }[]): DeadlineCounts {
  const counts = { deadlines: rows.length, overdue: 0, due_soon: 0, done: 0, upcoming: 0 };
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

/** The view's heading: 截至 2024-09-30 工作进展, noting a date pinned by plan-check.yaml. */
export function statusHeading(view: Pick<StatusView, 'asOf' | 'asOfFromConfig'>, lang: Lang): string {
  return t(lang, 'heading.status', { asOf: view.asOfFromConfig ? t(lang, 'heading.as_of_from_config', { asOf: view.asOf }) : view.asOf });
}

/** Within 1e-9 of zero counts as zero, as everywhere in the evaluation. */
const EPSILON = 1e-9;

/**
 * Whether data was due by the as-of date: a limit after its start, or a target whose pace E is
 * above zero (for an `each` target, any unit without data whose E is). A target due only at the
 * end (at_due) or not yet started has nothing due: without data it is not a problem yet.
 */
function dataWasDue(row: Pick<TargetRow, 'op' | 'start' | 'expected' | 'units'>, asOf: string): boolean {
  if (row.op === '<=' || row.op === '<') return row.start <= asOf;
  if (row.units) return row.units.some((unit) => unit.status === 'no_data' && (unit.expected ?? 0) > EPSILON);
  return (row.expected ?? 0) > EPSILON;
}

/** The meeting view's rule: missed, breached and behind always; no data only where data was due. */
function needsAttention(row: TargetRow, asOf: string): boolean {
  if (!attentionStatuses.includes(row.status)) return false;
  return row.status !== 'no_data' || dataWasDue(row, asOf);
}

/** What needs attention, red first, then yellow, grey, green; the evaluation's order within a light. */
function redFirst(rows: readonly TargetRow[]): TargetRow[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => lightOrder.indexOf(a.row.light) - lightOrder.indexOf(b.row.light) || a.index - b.index)
    .map(({ row }) => row);
}

interface StatusView {
  asOf: string;
  asOfFromConfig: boolean;
  warnDays: number;
  plans: { id: string; title: string; start: string; end: string; ended: boolean }[];
  /** every selected target of the plans covered, those of ended plans shown as one line included */
  summary: StatusCounts;
  /** every selected deadline of the plans covered, likewise */
  deadlineSummary: DeadlineCounts;
  /** the selected targets of the plans shown in detail (the total of "n of total") */
  detailTotal: number;
  targets: TargetRow[];
  showingAllTargets: boolean;
  deadlines: DeadlineRow[];
  showingAllDeadlines: boolean;
  ended: { id: string; title: string; end: string; counts: StatusCounts; overdue: number }[];
  /** what the compact lines of ended plans still hold that needs attention (missed, breached, behind, overdue) */
  endedProblems: number;
  /** on-time rates per unit over the plans shown in detail (all statuses) */
  units: UnitOnTimeRow[];
  /** a figure older than this many days at the as-of date is stale */
  staleDays: number;
}

export interface StatusViewOptions {
  all: boolean;
  /** a plan that ended at most this many days before T is still shown in full (the year-end review) */
  recentDays: number;
  /** the as-of date was pinned by plan-check.yaml (the header says so: a clone's pinned date is not today) */
  asOfFromConfig?: boolean;
  /** plans named with --plan are shown in detail even when ended */
  explicitPlans: boolean;
  /** a --status filter replaces the attention rule */
  explicitStatuses: boolean;
  /**
   * On-time rates per unit, worked out when a format asks: over every selected plan (the JSON
   * summary), or over the plans the view shows in detail (an ended plan's compact line has no units).
   */
  unitsOf: (planIds?: ReadonlySet<string>) => UnitOnTimeRow[];
  /** the unit scorecards over every selected plan (the spreadsheet's 单位 sheet); worked out from the evaluation when absent */
  scorecardsOf?: () => UnitScorecardRow[];
  /** stale_days of the config (default 45) */
  staleDays: number;
}

export function buildStatusView(evaluation: Evaluation, plans: readonly Plan[], options: StatusViewOptions): StatusView {
  const plansById = new Map(plans.map((plan) => [plan.id, plan]));
  const isEnded = (plan: Plan): boolean => plan.period.end < evaluation.asOf;
  const recentlyEnded = (plan: Plan): boolean => evaluation.asOf - plan.period.end <= options.recentDays;
  const detailed = new Set(
    plans.filter((plan) => options.all || options.explicitPlans || !isEnded(plan) || recentlyEnded(plan)).map((plan) => plan.id),
  );
  const covered = new Set(plans.map((plan) => plan.id));
  const rows = evaluation.targets.map((result) => toTargetRow(result, plansById));
  const detailRows = rows.filter((row) => detailed.has(row.plan));
  const showAll = options.all || options.explicitStatuses;
  const deadlines = evaluation.deadlines
    .filter((d) => detailed.has(d.plan))
    // a deadline that lost a record to an error is shown too: its status may be wrong
    .filter((d) => options.all || d.status === 'overdue' || d.status === 'due_soon' || (d.dataErrors ?? 0) > 0)
    .map(toDeadlineRow);
  return {
    asOf: formatDay(evaluation.asOf),
    asOfFromConfig: options.asOfFromConfig === true,
    warnDays: evaluation.warnDays,
    plans: plans.map((plan) => ({
      id: plan.id,
      title: plan.title,
      start: formatDay(plan.period.start),
      end: formatDay(plan.period.end),
      ended: isEnded(plan),
    })),
    summary: countStatuses(rows.filter((row) => covered.has(row.plan))),
    deadlineSummary: countDeadlines(evaluation.deadlines.filter((d) => covered.has(d.plan))),
    detailTotal: detailRows.length,
    // a target that lost rows to an error is shown too, marked: its figures may be wrong
    targets: showAll
      ? detailRows
      : redFirst(detailRows.filter((row) => needsAttention(row, formatDay(evaluation.asOf)) || row.data_errors > 0)),
    showingAllTargets: showAll,
    deadlines,
    showingAllDeadlines: options.all,
    ended: plans
      .filter((plan) => !detailed.has(plan.id))
      .map((plan) => ({
        id: plan.id,
        title: plan.title,
        end: formatDay(plan.period.end),
        counts: countStatuses(rows.filter((row) => row.plan === plan.id)),
        overdue: evaluation.deadlines.filter((d) => d.plan === plan.id && d.status === 'overdue').length,
      })),
    endedProblems:
      rows.filter((row) => !detailed.has(row.plan) && attentionStatuses.includes(row.status) && row.status !== 'no_data').length +
      evaluation.deadlines.filter((d) => !detailed.has(d.plan) && d.status === 'overdue').length,
    units: options.unitsOf(detailed),
    staleDays: options.staleDays,
  };
}
