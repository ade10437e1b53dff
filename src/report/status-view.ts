// What the meeting view shows, decided once for every human format (table, Markdown): active plans
// in detail, ended plans compactly, targets that need attention, deadlines overdue or due soon.
import { formatDay } from '../core/dates.js';
import type { Evaluation } from '../core/project.js';
import type { Plan } from '../core/model.js';
import { type Light, lightOrder } from '../core/lights.js';
import { type TargetStatus, attentionStatuses } from '../core/statuses.js';
import { type DeadlineRow, type TargetRow, type UnitOnTimeRow, toDeadlineRow, toTargetRow } from './rows.js';


export type StatusCounts = Record<TargetStatus, number> & { targets: number; lights: Record<Light, number> };

/** Targets by status and by light (an `each` target counts once, by its own). */
export function countStatuses(rows: readonly { status: TargetStatus; light: Light }[]): StatusCounts {
  const counts = { targets: rows.length, met: 0, on_track: 0, behind: 0, missed: 0, breached: 0, no_data: 0, not_started: 0, lights: { red: 0, yellow: 0, green: 0, grey: 0 } };
  for (const row of rows) {
    counts[row.status] += 1;
    counts.lights[row.light] += 1;
  }
  return counts;
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
  warnDays: number;
  plans: { id: string; title: string; start: string; end: string; ended: boolean }[];
  summary: StatusCounts;
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
  /** plans named with --plan are shown in detail even when ended */
  explicitPlans: boolean;
  /** a --status filter replaces the attention rule */
  explicitStatuses: boolean;
  /**
   * On-time rates per unit, worked out when a format asks: over every selected plan (the JSON
   * summary), or over the plans the view shows in detail (an ended plan's compact line has no units).
   */
  unitsOf: (planIds?: ReadonlySet<string>) => UnitOnTimeRow[];
  /** stale_days of the config (default 45) */
  staleDays: number;
}

export function buildStatusView(evaluation: Evaluation, plans: readonly Plan[], options: StatusViewOptions): StatusView {
  const plansById = new Map(plans.map((plan) => [plan.id, plan]));
  const isEnded = (plan: Plan): boolean => plan.period.end < evaluation.asOf;
  const detailed = new Set(plans.filter((plan) => options.all || options.explicitPlans || !isEnded(plan)).map((plan) => plan.id));
  const rows = evaluation.targets.map((result) => toTargetRow(result, plansById));
  const detailRows = rows.filter((row) => detailed.has(row.plan));
  const showAll = options.all || options.explicitStatuses;
  const deadlines = evaluation.deadlines
    .filter((d) => detailed.has(d.plan))
    .filter((d) => options.all || d.status === 'overdue' || d.status === 'due_soon')
    .map(toDeadlineRow);
  return {
    asOf: formatDay(evaluation.asOf),
    warnDays: evaluation.warnDays,
    plans: plans.map((plan) => ({ id: plan.id, title: plan.title, start: formatDay(plan.period.start), end: formatDay(plan.period.end), ended: isEnded(plan) })),
    summary: countStatuses(detailRows),
    targets: showAll ? detailRows : redFirst(detailRows.filter((row) => attentionStatuses.includes(row.status))),
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
    endedProblems: rows.filter((row) => !detailed.has(row.plan) && attentionStatuses.includes(row.status) && row.status !== 'no_data').length
      + evaluation.deadlines.filter((d) => !detailed.has(d.plan) && d.status === 'overdue').length,
    units: options.unitsOf(detailed),
    staleDays: options.staleDays,
  };
}
