// Filters shared by status, gaps and deadlines: --owner (what the unit answers for; --role widens
// it to tasks it supports; aliases from the registry), --plan and --status.
import type { DeadlineResult } from './deadlines.js';
import type { TargetResult } from './evaluate.js';
import { foldName } from './text-fold.js';
import { editDistance, nearestNames } from './edit-distance.js';
import { abbreviates } from './unit-names.js';
import { type Plan, allTargets } from './model.js';

/** Everything, or the listed values (none when the list is empty). */
type Choice<T> = 'all' | readonly T[];

/** lead (the default): what the unit answers for; support: where it only supports; any: both. */
type Role = 'lead' | 'support' | 'any';

export interface Selection {
  owner?: string;
  role?: Role;
  plans: Choice<string>;
  statuses: Choice<string>;
}

const chosen = <T>(choice: Choice<T>, value: T): boolean => choice === 'all' || choice.includes(value);

/** Every unit named in the plans: leads, supports, owners, `each` units, duty and phase owners. */
function unitsNamed(plans: readonly Plan[]): Set<string> {
  const allNames = new Set<string>();
  for (const plan of plans) {
    for (const task of plan.tasks) for (const unit of [...task.lead, ...task.support]) allNames.add(unit);
    for (const target of allTargets(plan)) {
      allNames.add(target.owner);
      for (const unit of target.each ?? []) allNames.add(unit.unit);
    }
    for (const unit of [...plan.duties.flatMap((d) => d.owners), ...plan.phases.map((p) => p.owner ?? '')]) if (unit) allNames.add(unit);
  }
  return allNames;
}

/** The canonical names the --owner value stands for in each plan (exact, alias, else substring). */
export function resolveOwner(owner: string, plans: readonly Plan[]): Set<string> {
  const wanted = foldName(owner);
  const exact = new Set<string>();
  const allNames = unitsNamed(plans);
  for (const plan of plans) {
    const canonical = plan.units?.written.get(wanted);
    if (canonical) exact.add(canonical);
  }
  if (allNames.has(wanted)) exact.add(wanted);
  if (exact.size > 0) return exact;
  return new Set([...allNames].filter((name) => name.includes(wanted)));
}

/**
 * The names an --owner value that matches nothing probably meant, closest first: registered names
 * and aliases it abbreviates or is abbreviated by (区卫健委 → 区卫生健康委), then the names and
 * aliases within a few edits of it.
 */
export function ownerCandidates(owner: string, plans: readonly Plan[], limit = 3): string[] {
  const wanted = foldName(owner);
  const names = [...unitsNamed(plans), ...plans.flatMap((plan) => [...(plan.units?.written.keys() ?? [])])];
  const shortForms = [...new Set(names)].filter((name) => abbreviates(wanted, name));
  return [...new Set([...shortForms, ...nearestNames(wanted, names, limit)])].slice(0, limit);
}

/**
 * Whether a unit answers for a target or deadline. lead (the default): it owns the target, leads
 * the task (for the task's deadline) or owes the duty; support: it supports the task; any: it is
 * named on it in any role. Real plans list every department as supporting (全区各部门配合) and
 * many as co-leads, so neither makes the unit answer for a target owned by another.
 */
function matchesUnits(
  units: Set<string>,
  role: Selection['role'],
  answerable: readonly string[],
  named: readonly string[],
  support: readonly string[],
): boolean {
  if (role === 'support') return support.some((u) => units.has(u));
  if (role === 'any') return [...answerable, ...named, ...support].some((u) => units.has(u));
  return answerable.some((u) => units.has(u));
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
    const candidates =
      !units || matchesUnits(units, selection.role, [target.owner], target.taskUnits.lead, target.taskUnits.support)
        ? [result]
        : selection.role === 'support'
          ? []
          : (result.units ?? []).filter((unit) => units.has(unit.eachUnit ?? ''));
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
  for (const plan of plans)
    for (const task of plan.tasks) taskUnits.set(`${plan.id}:task/${task.id}`, { lead: task.lead, support: task.support });
  return results.filter((result) => {
    if (!chosen(selection.plans, result.plan) || !chosen(selection.statuses, result.status)) return false;
    if (units) {
      const task = taskUnits.get(result.ref);
      if (!matchesUnits(units, selection.role, [result.owner, ...(task?.lead ?? [])], [], task?.support ?? [])) return false;
    }
    return true;
  });
}

/** What a ref typed to explain may have meant: a target's ref and metric, or a deadline's ref. */
export interface RefCandidate {
  ref: string;
  /** a target's metric (its wording in the plan); undefined for a deadline */
  metric?: string;
  /** a target's task id */
  task?: string;
  /** the units of an `each` target (a ref may name one: 1/守信超市) */
  units?: readonly string[];
}

const tailOf = (ref: string): string => ref.slice(ref.indexOf(':') + 1);

/**
 * The refs a ref that matches nothing probably meant, closest first (ties in the order given):
 * the metric's words in it or it in them (1/守信超市 → the target whose metric says 守信超市, or whose
 * `each` list names it), refs
 * within a few edits, metrics within a few edits of its last part, and else the targets of the
 * task it names (1/…: task 1's targets, the ids closest to the last part first).
 */
export function refCandidates(given: string, candidates: readonly RefCandidate[], limit = 5): RefCandidate[] {
  const wanted = foldName(given);
  const tail = tailOf(wanted);
  const slash = tail.lastIndexOf('/');
  const last = slash >= 0 ? tail.slice(slash + 1) : tail;
  const task = slash >= 0 ? tail.slice(0, slash) : undefined;
  const allowed = (text: string): number => Math.max(1, Math.floor(Math.max([...text].length, 2) / 3));
  const scored: { candidate: RefCandidate; score: number; index: number }[] = [];
  candidates.forEach((candidate, index) => {
    const metric = candidate.metric === undefined ? undefined : foldName(candidate.metric);
    const sameTask = task !== undefined && candidate.task === task;
    const scores: number[] = [];
    if (metric !== undefined && last !== '' && (metric.includes(last) || last.includes(metric))) scores.push(sameTask ? 0 : 1);
    if (last !== '' && (candidate.units ?? []).some((unit) => foldName(unit) === last)) scores.push(sameTask ? 0 : 1);
    const refDistance = editDistance(tail, tailOf(candidate.ref));
    if (refDistance <= allowed(tail)) scores.push(1 + refDistance);
    if (metric !== undefined && last !== '') {
      const metricDistance = editDistance(last, metric);
      if (metricDistance <= allowed(last)) scores.push(2 + metricDistance);
    }
    // else the task's targets, the ids nearest the last part first
    if (sameTask) {
      const id = candidate.ref.slice(candidate.ref.lastIndexOf('/') + 1);
      scores.push(20 + Math.min(editDistance(last, id), editDistance(last, [...id].slice(0, [...last].length).join(''))));
    }
    if (scores.length > 0) scored.push({ candidate, score: Math.min(...scores), index });
  });
  return scored
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.candidate);
}
