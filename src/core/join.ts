// Join actuals to plans: resolve every reference, check each value against its target's kind,
// and hand evaluation the rows of each target. Files are taken in path order, rows in file order,
// so the result never depends on the order files were named in.
import { formatDay } from './dates.js';
import { type Diagnostic, type DiagnosticArgs, type DiagnosticCode, makeDiagnostic } from './diagnostics.js';
import { SuggestionBudget, nearestName } from './edit-distance.js';
import {
  type ActualRow,
  type ActualsFile,
  type CompletionRecord,
  type Duty,
  type DutyRecord,
  type Plan,
  type SourcePlace,
  type Target,
  allTargets,
  taskById,
} from './model.js';
import { type OwnedDutyRecord, dutyOccurrences } from './deadlines.js';
import { foldName } from './text-fold.js';
import { type TypedRef, candidateTexts, resolveTypedRef } from './typed-ref.js';
import { closestUnit, probablySameUnit } from './unit-names.js';
import { reportingUnit } from './unit-registry.js';

/**
 * What errors in the actuals cost: rows and records left out, counted per target ref and per
 * deadline ref (`PLAN:task/ID`, `PLAN:phase/ID`, `PLAN:duty/ID@DUE`, or `PLAN:duty/ID@*` when the
 * record's occurrence could not be read), and per actuals file (those that could not be tied to a
 * target or deadline included); the files left out as a whole.
 */
interface LostData {
  targets: Map<string, number>;
  deadlines: Map<string, number>;
  files: Map<string, number>;
  wholeFiles: string[];
}

export interface JoinedActuals {
  rowsByTarget: Map<string, ActualRow[]>;
  completions: CompletionRecord[];
  /** duty records that count, each with the owner whose deadline it completes */
  dutyRecords: OwnedDutyRecord[];
  diagnostics: Diagnostic[];
  lost: LostData;
}

const diagnosticAt = (code: DiagnosticCode, place: SourcePlace, args: DiagnosticArgs = {}): Diagnostic =>
  makeDiagnostic(code, place.file, place, args);

/** `TASK/TARGET`, `TASK` (a task with one target), `ID` (a plan-level target), each also after `PLAN:`. */
function resolveTargetRef(ref: string, plan: Plan): Target | undefined {
  const text = foldName(ref);
  const colon = text.indexOf(':');
  if (colon >= 0 && text.slice(0, colon) !== plan.id) return undefined;
  const local = colon >= 0 ? text.slice(colon + 1) : text;
  const slash = local.indexOf('/');
  const taskId = slash >= 0 ? local.slice(0, slash) : local;
  const task = taskById(plan, taskId);
  if (!task) return slash < 0 ? plan.targets.find((t) => t.id === local) : undefined;
  if (slash < 0) return task.targets.length === 1 ? task.targets[0] : undefined;
  return task.targets.find((t) => t.id === local.slice(slash + 1));
}

/** Most reporting units of one target compared pair by pair (300 units: 44,850 pairs). */
const SIMILAR_UNITS_CHECKED = 300;

/**
 * Without a registry, two reporting units of one target that are probably one unit: a warning
 * naming both at the first row of the second, since combine: sum would add them.
 */
function similarUnitWarnings(plans: ReadonlyMap<string, Plan>, rowsByTarget: ReadonlyMap<string, ActualRow[]>, out: Diagnostic[]): void {
  for (const [ref, rows] of rowsByTarget) {
    const plan = plans.get(ref.slice(0, ref.indexOf(':')));
    if (!plan || plan.units) continue;
    const firstRows = new Map<string, ActualRow>();
    for (const row of rows) if (row.reportedBy !== '' && !firstRows.has(row.reportedBy)) firstRows.set(row.reportedBy, row);
    const units = [...firstRows.keys()];
    // every pair is compared: real targets have dozens of reporting units (departments, towns);
    // past SIMILAR_UNITS_CHECKED the n²/2 comparisons would cost more than reading the rows
    if (units.length > SIMILAR_UNITS_CHECKED) continue;
    for (let i = 0; i < units.length; i += 1) {
      for (let j = i + 1; j < units.length; j += 1) {
        if (!probablySameUnit(units[i]!, units[j]!)) continue;
        const row = firstRows.get(units[j]!)!;
        out.push(diagnosticAt('similar-units', row.unitPlace ?? row.place, { ref, unit: units[j], other: units[i] }));
      }
    }
  }
}

function localRefs(plan: Plan): string[] {
  return [
    ...plan.tasks.flatMap((task) => task.targets.map((target) => `${task.id}/${target.id}`)),
    ...plan.targets.map((target) => target.id),
  ];
}

function checkValueKind(row: ActualRow, target: Target, out: Diagnostic[]): boolean {
  const value = row.value;
  const percentTarget = target.expression.kind === 'percent';
  if (percentTarget && value.kind === 'number') {
    out.push(diagnosticAt('value-kind-mismatch', row.valuePlace, { ref: target.ref, expected: 'percent', actual: 'number' }));
    return false;
  }
  if (!percentTarget && value.kind !== 'number') {
    out.push(
      diagnosticAt('value-kind-mismatch', row.valuePlace, { ref: target.ref, expected: target.expression.kind, actual: value.kind }),
    );
    return false;
  }
  if (value.kind === 'fraction') {
    if (value.done.n < 0n || value.of.n < 0n) {
      out.push(diagnosticAt('negative-value', row.valuePlace, {}));
      return false;
    }
    if (value.of.n === 0n) {
      out.push(diagnosticAt('zero-of', row.valuePlace, {}));
      return false;
    }
    if (value.done.n * value.of.d > value.of.n * value.done.d) {
      out.push(diagnosticAt('done-exceeds-of', row.valuePlace, {}));
      return false;
    }
    return true;
  }
  if (value.value.n < 0n) {
    out.push(diagnosticAt('negative-value', row.valuePlace, {}));
    return false;
  }
  return true;
}

function memo<V>(cache: Map<Plan, Map<string, V>>, plan: Plan, key: string, compute: () => V): V {
  let byKey = cache.get(plan);
  if (!byKey) {
    byKey = new Map();
    cache.set(plan, byKey);
  }
  if (byKey.has(key)) return byKey.get(key) as V;
  const value = compute();
  byKey.set(key, value);
  return value;
}

/** What the plan files' errors left out: plans that did not load, refs dropped from those that did. */
interface PlanFailures {
  /** ids of plans whose file had errors and gave no plan */
  notLoaded: Set<string>;
  /** per loaded plan, the refs its errors dropped (see PlanFailure in project.ts) */
  dropped: Map<string, Set<string>>;
}

function planFailureIndex(
  failures: readonly { planId?: string; loaded: boolean; dropped: Set<string> }[],
  plans: readonly Plan[],
): PlanFailures {
  const loadedIds = new Set(plans.map((plan) => plan.id));
  const notLoaded = new Set(failures.filter((f) => !f.loaded && f.planId !== undefined && !loadedIds.has(f.planId)).map((f) => f.planId!));
  const dropped = new Map(
    failures.filter((f) => f.loaded && f.planId !== undefined && f.dropped.size > 0).map((f) => [f.planId!, f.dropped] as const),
  );
  return { notLoaded, dropped };
}

/** Whether a target ref as written names a task or target that its plan's errors dropped. */
function namesDropped(ref: string, plan: Plan, failures: PlanFailures): boolean {
  const dropped = failures.dropped.get(plan.id);
  if (!dropped) return false;
  const text = foldName(ref);
  const local = text.startsWith(`${plan.id}:`) ? text.slice(plan.id.length + 1) : text;
  const slash = local.indexOf('/');
  return dropped.has(local) || (slash >= 0 && dropped.has(local.slice(0, slash)));
}

/** A diagnostic that follows from an error in a plan file: no suggestion (it would point elsewhere), marked. */
const following = (diagnostic: Diagnostic, cause: 'plan' | 'target'): Diagnostic => ({ ...diagnostic, follows: cause });

export function joinActuals(
  plans: readonly Plan[],
  files: readonly ActualsFile[],
  planFailures: readonly { planId?: string; loaded: boolean; dropped: Set<string> }[] = [],
): JoinedActuals {
  const failures = planFailureIndex(planFailures, plans);
  const diagnostics: Diagnostic[] = [];
  const plansById = new Map(plans.map((plan) => [plan.id, plan]));
  const rowsByTarget = new Map<string, ActualRow[]>();
  const completions: CompletionRecord[] = [];
  const dutyRecords: OwnedDutyRecord[] = [];
  const sortedFiles = [...files].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  // refs and unit names repeat over many rows: each distinct text is resolved once per plan
  const targetsByRef = new Map<Plan, Map<string, Target | undefined>>();
  const unitsByName = new Map<Plan, Map<string, string>>();
  const targetOf = (ref: string, plan: Plan): Target | undefined => memo(targetsByRef, plan, ref, () => resolveTargetRef(ref, plan));
  const typedByText = new Map<Plan, Map<string, TypedRef>>();
  const typedOf = (text: string, plan: Plan): TypedRef => memo(typedByText, plan, text, () => resolveTypedRef(text, plan));
  const unitOf = (name: string, plan: Plan): string => memo(unitsByName, plan, name, () => reportingUnit(plan.units, name));
  // suggestions for unknown names: each distinct text searched once, and all of them within one budget
  const budget = new SuggestionBudget();
  const suggest = (text: string, candidates: readonly string[]): string | undefined =>
    budget.spend(candidates.length) ? nearestName(text, candidates) : undefined;
  const refSuggestions = new Map<Plan, Map<string, string | undefined>>();
  const refSuggestion = (ref: string, plan: Plan): string | undefined =>
    memo(refSuggestions, plan, ref, () => suggest(ref, localRefs(plan)));
  const unitSuggestions = new Map<Plan, Map<string, ReturnType<typeof closestUnit>>>();
  const unitSuggestion = (name: string, plan: Plan): ReturnType<typeof closestUnit> =>
    memo(unitSuggestions, plan, name, () =>
      plan.units && budget.spend(plan.units.canonical.size) ? closestUnit(name, plan.units.canonical) : undefined,
    );
  const planSuggestions = new Map<string, string | undefined>();
  const findPlan = (planId: string, place: SourcePlace): Plan | undefined => {
    const plan = plansById.get(planId);
    if (!plan && failures.notLoaded.has(planId)) diagnostics.push(following(diagnosticAt('unknown-plan', place, { plan: planId }), 'plan'));
    else if (!plan) {
      if (!planSuggestions.has(planId)) planSuggestions.set(planId, suggest(planId, [...plansById.keys()]));
      diagnostics.push(diagnosticAt('unknown-plan', place, { plan: planId, suggestion: planSuggestions.get(planId) }));
    }
    return plan;
  };
  const lost: LostData = { targets: new Map(), deadlines: new Map(), files: new Map(), wholeFiles: [] };
  const lose = (file: string, key?: { target?: string; deadline?: string }): void => {
    lost.files.set(file, (lost.files.get(file) ?? 0) + 1);
    if (key?.target !== undefined) lost.targets.set(key.target, (lost.targets.get(key.target) ?? 0) + 1);
    if (key?.deadline !== undefined) lost.deadlines.set(key.deadline, (lost.deadlines.get(key.deadline) ?? 0) + 1);
  };
  /** The target a row's ref names, quietly (for marking what an error cost). */
  const quietTarget = (planId: string | undefined, ref: string | undefined): string | undefined => {
    const plan = planId === undefined ? undefined : plansById.get(planId);
    if (!plan || ref === undefined) return undefined;
    const target =
      targetOf(ref, plan) ??
      (() => {
        const typed = typedOf(ref, plan);
        return 'target' in typed ? typed.target : undefined;
      })();
    return target?.ref;
  };
  const deadlineKeyOf = (planId: string, kind: 'done' | 'duty', ref: string, due?: number): string =>
    kind === 'done' ? `${planId}:${ref}` : `${planId}:duty/${ref}@${due === undefined ? '*' : formatDay(due)}`;
  for (const file of sortedFiles) {
    // an error in the file as a whole: its entries are still checked (every problem in one run) but none is used
    const wholeFileOut = file.leftOut === true;
    if (wholeFileOut) lost.wholeFiles.push(file.file);
    for (const entry of file.rejected ?? []) {
      if (entry.kind === 'value') lose(file.file, { target: quietTarget(entry.planId, entry.ref) });
      else
        lose(file.file, {
          deadline:
            entry.planId !== undefined && entry.ref !== undefined && plansById.has(entry.planId)
              ? deadlineKeyOf(entry.planId, entry.kind, entry.ref, entry.due)
              : undefined,
        });
    }
    if (file.planId !== undefined && !findPlan(file.planId, file.planPlace)) {
      for (let count = file.rows.length + file.completions.length + file.dutyRecords.length; count > 0; count -= 1) lose(file.file);
      continue;
    }
    for (let row of file.rows) {
      const plan = file.planId !== undefined ? plansById.get(file.planId) : findPlan(row.planId, row.refPlace);
      if (!plan) {
        lose(file.file);
        continue;
      }
      const typed = row.typed && !targetOf(row.targetRef, plan) ? typedOf(row.targetRef, plan) : undefined;
      const target = typed ? ('target' in typed ? typed.target : undefined) : targetOf(row.targetRef, plan);
      if (!target && namesDropped(row.targetRef, plan, failures)) {
        diagnostics.push(
          following(diagnosticAt('unknown-ref', row.refPlace, { kind: 'target', ref: row.targetRef, plan: plan.id }), 'target'),
        );
        lose(file.file);
        continue;
      }
      if (!target) {
        const suggestion = refSuggestion(row.targetRef, plan);
        const candidates =
          typed && 'ambiguous' in typed
            ? { ambiguous: 'yes', candidates: candidateTexts(typed.ambiguous) }
            : typed && 'closest' in typed && !suggestion
              ? { candidates: candidateTexts(typed.closest) }
              : { suggestion };
        diagnostics.push(diagnosticAt('unknown-ref', row.refPlace, { kind: 'target', ref: row.targetRef, plan: plan.id, ...candidates }));
        lose(file.file);
        continue;
      }
      if (!checkValueKind(row, target, diagnostics)) {
        lose(file.file, { target: target.ref });
        continue;
      }
      const reportedBy = unitOf(row.reportedBy, plan);
      if (reportedBy !== row.reportedBy) row = { ...row, reportedBy };
      let unknownUnit = false;
      if (plan.units && reportedBy !== '' && !plan.units.canonical.has(reportedBy)) {
        const closest = unitSuggestion(reportedBy, plan);
        diagnostics.push(
          diagnosticAt('unknown-unit', row.unitPlace ?? row.place, {
            name: row.reportedBy,
            suggestion: closest?.name,
            alias: closest?.alias ? closest.name : undefined,
          }),
        );
        unknownUnit = true;
      }
      if (row.asOf < plan.period.start || row.asOf > plan.period.end) {
        diagnostics.push(
          diagnosticAt('as-of-outside-period', row.place, {
            as_of: formatDay(row.asOf),
            start: formatDay(plan.period.start),
            end: formatDay(plan.period.end),
          }),
        );
      }
      if (unknownUnit || wholeFileOut) {
        lose(file.file, { target: target.ref });
        continue;
      }
      const list = rowsByTarget.get(target.ref) ?? [];
      list.push(row);
      rowsByTarget.set(target.ref, list);
    }
    for (const record of file.completions) {
      const plan = plansById.get(record.planId);
      if (!plan) {
        lose(file.file);
        continue;
      }
      const known = record.task !== undefined ? taskById(plan, record.task) !== undefined : plan.phases.some((p) => p.id === record.phase);
      if (!known) {
        const kind = record.task !== undefined ? 'task' : 'phase';
        const candidates = kind === 'task' ? plan.tasks.map((t) => t.id) : plan.phases.map((p) => p.id);
        const ref = record.task ?? record.phase ?? '';
        if (kind === 'task' && failures.dropped.get(plan.id)?.has(ref))
          diagnostics.push(following(diagnosticAt('unknown-ref', record.place, { kind, ref, plan: plan.id }), 'target'));
        else
          diagnostics.push(diagnosticAt('unknown-ref', record.place, { kind, ref, plan: plan.id, suggestion: suggest(ref, candidates) }));
        lose(file.file);
        continue;
      }
      if (wholeFileOut) {
        lose(file.file, {
          deadline: deadlineKeyOf(plan.id, 'done', record.task !== undefined ? `task/${record.task}` : `phase/${record.phase}`),
        });
        continue;
      }
      completions.push(record);
    }
    for (const record of file.dutyRecords) {
      const plan = plansById.get(record.planId);
      if (!plan) {
        lose(file.file);
        continue;
      }
      if (!plan.duties.some((d) => d.id === record.duty) && failures.dropped.get(plan.id)?.has(`duty:${record.duty}`)) {
        diagnostics.push(following(diagnosticAt('unknown-ref', record.place, { kind: 'duty', ref: record.duty, plan: plan.id }), 'target'));
        lose(file.file);
        continue;
      }
      const before = diagnostics.length;
      const owned = checkDutyRecord(record, plan, (name) => unitOf(name, plan), diagnostics);
      // a record that counts for no one because of an error is lost data; one for an occurrence that does not exist (a warning) is not
      if (wholeFileOut || diagnostics.slice(before).some((d) => d.severity === 'error')) {
        lose(
          file.file,
          plan.duties.some((d) => d.id === record.duty) ? { deadline: deadlineKeyOf(plan.id, 'duty', record.duty, record.due) } : undefined,
        );
        continue;
      }
      if (owned) dutyRecords.push(owned);
    }
  }
  checkRowsPerTarget(rowsByTarget, plans, diagnostics, (ref, rows) => {
    for (const row of rows) lose(row.place.file, { target: ref });
  });
  similarUnitWarnings(plansById, rowsByTarget, diagnostics);
  return { rowsByTarget, completions, dutyRecords, diagnostics, lost };
}

/** The occurrence nearest to `due` (the earlier of two as near), for a record that names none. */
function nearestOccurrence(dues: readonly number[], due: number): number | undefined {
  let nearest: number | undefined;
  for (const candidate of dues) if (nearest === undefined || Math.abs(candidate - due) < Math.abs(nearest - due)) nearest = candidate;
  return nearest;
}

/**
 * A duty record checked against its plan, with the owner it counts for; undefined (and a
 * diagnostic) when it counts for no one. A single-owner duty takes any record, whoever filed it
 * (the office often records submissions itself); a multi-owner duty needs the record's unit, and
 * that unit must be one of its owners.
 */
function checkDutyRecord(record: DutyRecord, plan: Plan, unitOf: (name: string) => string, out: Diagnostic[]): OwnedDutyRecord | undefined {
  const duty: Duty | undefined = plan.duties.find((d) => d.id === record.duty);
  if (!duty) {
    out.push(
      diagnosticAt('unknown-ref', record.place, {
        kind: 'duty',
        ref: record.duty,
        plan: plan.id,
        suggestion: nearestName(
          record.duty,
          plan.duties.map((d) => d.id),
        ),
      }),
    );
    return undefined;
  }
  let counts = true;
  const dues = dutyOccurrences(duty);
  if (!dues.includes(record.due)) {
    const nearest = nearestOccurrence(dues, record.due);
    out.push(
      diagnosticAt('unknown-occurrence', record.duePlace, {
        duty: duty.id,
        due: formatDay(record.due),
        nearest: nearest === undefined ? undefined : formatDay(nearest),
      }),
    );
    counts = false;
  }
  if (record.date < duty.start) {
    out.push(
      diagnosticAt('record-before-start', record.datePlace, {
        date: formatDay(record.date),
        duty: duty.id,
        start: formatDay(duty.start),
        source: duty.startSource,
      }),
    );
    counts = false;
  }
  let owner = duty.owners[0];
  if (duty.owners.length > 1) {
    const unit = record.reportedBy ? unitOf(record.reportedBy) : '';
    if (!unit) {
      out.push(diagnosticAt('missing-reported-by', record.place, { duty: duty.id, owners: duty.owners }));
      owner = undefined;
    } else if (!duty.owners.some((name) => unitOf(name) === unit)) {
      if (plan.units && !plan.units.written.has(unit)) {
        out.push(
          diagnosticAt('unknown-unit', record.unitPlace, {
            name: record.reportedBy,
            suggestion: nearestName(record.reportedBy, duty.owners),
          }),
        );
      } else {
        out.push(diagnosticAt('not-duty-owner', record.unitPlace, { unit, duty: duty.id, owners: duty.owners }));
      }
      owner = undefined;
    } else {
      // the owner as the plan names it (without a registry, names compare after NFKC folding)
      owner = duty.owners.find((name) => unitOf(name) === unit);
    }
  }
  return counts && owner !== undefined ? { ...record, owner } : undefined;
}

/**
 * Bare percentages from several units cannot be added; the same unit twice on one date is a slip;
 * a row of a unit that an `each` target does not list is left out, with a warning.
 */
function checkRowsPerTarget(
  rowsByTarget: Map<string, ActualRow[]>,
  plans: readonly Plan[],
  out: Diagnostic[],
  leftOut: (ref: string, rows: readonly ActualRow[]) => void,
): void {
  const targets = new Map(plans.flatMap((plan) => allTargets(plan).map((target) => [target.ref, target] as const)));
  const percentTargets = new Set(
    [...targets.values()].filter((t) => t.expression.kind === 'percent' && t.combine === 'sum' && !t.each).map((t) => t.ref),
  );
  for (const [ref, given] of rowsByTarget) {
    const each = targets.get(ref)?.each;
    const listed = each ? new Set(each.map((unit) => unit.unit)) : undefined;
    const allRows = listed ? given.filter((row) => listed.has(row.reportedBy)) : given;
    if (listed && allRows.length < given.length) {
      for (const row of given) {
        if (!listed.has(row.reportedBy))
          out.push(diagnosticAt('each-unit-not-listed', row.refPlace, { ref, unit: row.reportedBy || '—', units: [...listed] }));
      }
    }
    // the same unit twice on one date: warn, and keep only the later row (as the warning says);
    // rows are looked up by unit, then date (no key string per row)
    const firstByUnit = new Map<string, Map<number, ActualRow>>();
    let duplicated = false;
    for (const row of allRows) {
      let byDay = firstByUnit.get(row.reportedBy);
      if (!byDay) {
        byDay = new Map();
        firstByUnit.set(row.reportedBy, byDay);
      }
      const first = byDay.get(row.asOf);
      if (!first) {
        byDay.set(row.asOf, row);
        continue;
      }
      duplicated = true;
      out.push(
        diagnosticAt('duplicate-row', row.place, {
          ref,
          unit: row.reportedBy,
          as_of: formatDay(row.asOf),
          firstFile: first.place.file,
          firstLine: first.place.line,
        }),
      );
    }
    const keyOf = (row: ActualRow): string => `${row.reportedBy}\u0000${row.asOf}`;
    const last = duplicated ? new Map(allRows.map((row) => [keyOf(row), row])) : undefined;
    const rows = last ? allRows.filter((row) => last.get(keyOf(row)) === row) : allRows;
    rowsByTarget.set(ref, rows);
    if (!percentTargets.has(ref)) continue;
    const units = new Set(rows.map((row) => row.reportedBy));
    if (units.size < 2) continue;
    const bare = rows.filter((row) => row.value.kind === 'percent');
    for (const row of bare) out.push(diagnosticAt('percent-needs-fraction', row.valuePlace, { ref, units: units.size }));
    // a bare percentage cannot be added to the others: left out (the error says how to write it)
    if (bare.length > 0) {
      rowsByTarget.set(
        ref,
        rows.filter((row) => row.value.kind !== 'percent'),
      );
      leftOut(ref, bare);
    }
  }
}
