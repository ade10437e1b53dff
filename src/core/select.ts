// Filters shared by status, gaps and deadlines: --owner (lead and support, aliases from the registry),
// --role, --plan and --status.
import type { DeadlineResult } from './deadlines.js';
import type { TargetResult } from './evaluate.js';
import { foldName } from './text-fold.js';
import { type Plan, allTargets } from './model.js';

/** Everything, or the listed values (none when the list is empty). */
type Choice<T> = 'all' | readonly T[];

export interface Selection {
  owner?: string;
  role?: 'lead' | 'support';
  plans: Choice<string>;
  statuses: Choice<string>;
}

const chosen = <T>(choice: Choice<T>, value: T): boolean => choice === 'all' || choice.includes(value);

/** The canonical names the --owner value stands for in each plan (exact, alias, else substring). */
export function resolveOwner(owner: string, plans: readonly Plan[]): Set<string> {
  const wanted = foldName(owner);
  const exact = new Set<string>();
  const allNames = new Set<string>();
  for (const plan of plans) {
    const canonical = plan.unitNames?.get(wanted);
    if (canonical) exact.add(canonical);
    for (const task of plan.tasks) for (const unit of [...task.lead, ...task.support]) allNames.add(unit);
    for (const target of allTargets(plan)) {
      allNames.add(target.owner);
      for (const unit of target.each ?? []) allNames.add(unit.unit);
    }
    for (const unit of [...plan.duties.flatMap((d) => d.owners), ...plan.phases.map((p) => p.owner ?? '')]) if (unit) allNames.add(unit);
  }
  if (allNames.has(wanted)) exact.add(wanted);
  if (exact.size > 0) return exact;
  return new Set([...allNames].filter((name) => name.includes(wanted)));
}

function matchesUnits(units: Set<string>, role: Selection['role'], owner: string, lead: readonly string[], support: readonly string[]): boolean {
  if (role === 'support') return support.some((u) => units.has(u));
  if (role === 'lead') return units.has(owner) || lead.some((u) => units.has(u));
  return units.has(owner) || lead.some((u) => units.has(u)) || support.some((u) => units.has(u));
}

/**
 * The results selected. With --owner, a unit listed in an `each` target that is not otherwise
 * responsible for it (owner, lead, support) gets its own line of that target, not the whole.
 */
export function selectTargets(results: readonly TargetResult[], selection: Selection, plans: readonly Plan[]): TargetResult[] {
  const units = selection.owner !== undefined ? resolveOwner(selection.owner, plans) : undefined;
  const selected: TargetResult[] = [];
  for (const result of results) {
    const target = result.target;
    if (!chosen(selection.plans, target.planId)) continue;
    const candidates = !units || matchesUnits(units, selection.role, target.owner, target.taskUnits.lead, target.taskUnits.support)
      ? [result]
      : selection.role === 'support' ? [] : (result.units ?? []).filter((unit) => units.has(unit.eachUnit ?? ''));
    for (const candidate of candidates) {
      if (!chosen(selection.statuses, candidate.status)) continue;
      selected.push(candidate);
    }
  }
  return selected;
}

export function selectDeadlines(results: readonly DeadlineResult[], selection: Selection, plans: readonly Plan[]): DeadlineResult[] {
  const units = selection.owner !== undefined ? resolveOwner(selection.owner, plans) : undefined;
  const taskUnits = new Map<string, { lead: string[]; support: string[] }>();
  for (const plan of plans) for (const task of plan.tasks) taskUnits.set(`${plan.id}:task/${task.id}`, { lead: task.lead, support: task.support });
  return results.filter((result) => {
    if (!chosen(selection.plans, result.plan) || !chosen(selection.statuses, result.status)) return false;
    if (units) {
      const task = taskUnits.get(result.ref);
      if (!matchesUnits(units, selection.role, result.owner, task?.lead ?? [], task?.support ?? [])) return false;
    }
    return true;
  });
}
