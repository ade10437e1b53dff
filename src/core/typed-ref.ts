// What a department types in the 指标 cell of a CSV or XLSX form (contract v2): the ref, a target
// id unique in the plan, or the metric text unique in the plan, compared after NFKC folding and
// trimming. Anything else gets the closest candidates, each with its ref.
import { editDistance } from './edit-distance.js';
import type { Plan, Target } from './model.js';
import { foldName as fold } from './text-fold.js';

/** A target as a message offers it: its local ref and its metric. */
interface RefCandidate {
  ref: string;
  metric: string;
}

export type TypedRef = { target: Target } | { ambiguous: RefCandidate[] } | { closest: RefCandidate[] };

interface Entry {
  target: Target;
  candidate: RefCandidate;
}

const entriesOf = new WeakMap<Plan, Entry[]>();

function entries(plan: Plan): Entry[] {
  let list = entriesOf.get(plan);
  if (!list) {
    list = [
      ...plan.tasks.flatMap((task) =>
        task.targets.map((target) => ({ target, candidate: { ref: `${task.id}/${target.id}`, metric: target.metric } })),
      ),
      // plan-level targets (contract v2) are referred to by their id alone
      ...plan.targets.map((target) => ({ target, candidate: { ref: target.id, metric: target.metric } })),
    ];
    entriesOf.set(plan, list);
  }
  return list;
}

/** How many closest candidates a message lists. */
const CANDIDATES_SHOWN = 3;

/** A typed ref that is not a ref: by unique target id, then by unique metric text. */
export function resolveTypedRef(typed: string, plan: Plan): TypedRef {
  const text = fold(typed);
  const all = entries(plan);
  for (const matches of [
    all.filter((entry) => fold(entry.target.id) === text),
    all.filter((entry) => fold(entry.target.metric) === text),
  ]) {
    if (matches.length === 1) return { target: matches[0]!.target };
    if (matches.length > 1) return { ambiguous: matches.map((entry) => entry.candidate) };
  }
  const scored = all.map((entry) => ({
    entry,
    distance: Math.min(
      editDistance(text, entry.candidate.ref),
      editDistance(text, fold(entry.target.id)),
      editDistance(text, fold(entry.target.metric)),
    ),
  }));
  scored.sort((a, b) => a.distance - b.distance || (a.entry.candidate.ref < b.entry.candidate.ref ? -1 : 1));
  return { closest: scored.slice(0, CANDIDATES_SHOWN).map((item) => item.entry.candidate) };
}

/** Candidates as a message lists them: `1/rate（抽检合格率）`. */
export const candidateTexts = (candidates: readonly RefCandidate[]): string[] =>
  candidates.map((candidate) => `${candidate.ref}（${candidate.metric}）`);
