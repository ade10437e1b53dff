// Semantic checks on a plan that passed (or mostly passed) the schema, and its normalised model.
// Defensive throughout: a node of the wrong shape was already reported by the schema and is skipped.
import { type DayNumber, clampedDay, formatDay, readDate, splitDay } from './dates.js';
import { type Diagnostic, type DiagnosticCode, type DiagnosticArgs, type JsonPath, makeDiagnostic } from './diagnostics.js';
import { SuggestionBudget, nearestName } from './edit-distance.js';
import type {
  Accumulate,
  Combine,
  Duty,
  DutyStartSource,
  EachUnit,
  Phase,
  Plan,
  Progress,
  Recurrence,
  SourcePlace,
  Target,
  Task,
} from './model.js';
import { type Rational, compareWithTolerance, divide, fromNumber, multiply, toNumber, zero } from './rational.js';
import { type Comparison, type TargetExpression, acceptedTargetForms, parseTargetExpression } from './target-expression.js';
import { suggestTargetReading } from './target-wording.js';
import { ABSURD_COUNT } from './actual-value.js';
import { dutyOccurrences } from './deadlines.js';
import type { Locator } from './yaml-source.js';
import { foldName, foldText } from './text-fold.js';
import { type UnitRegistry, buildUnitRegistry, registeredUnit } from './unit-registry.js';

type Data = Record<string, unknown>;

const asObject = (value: unknown): Data | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : undefined;
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** A task id as refs are compared (join.ts folds refs the same way): full-width forms folded, so
 * "三（一）" and "三(一)", or "４" and "4", are one task, and a twin is a duplicate. */
const taskIdOf = (value: unknown): string | undefined => (typeof value === 'string' ? foldName(value) : undefined);

/** The longest plan period: a five-year plan and its review fit twice over; 0001–9999 does not. */
const MAX_PERIOD_YEARS = 10;

/** The same day of the month `years` later (29 February → 28 February in a common year). */
function yearsLater(day: DayNumber, years: number): DayNumber {
  const { year, month, dayOfMonth } = splitDay(day);
  return clampedDay(year + years, month, dayOfMonth);
}

/** The most duty deadlines (occurrences × owners) one plan may hold: 50 weekly duties for 38 units over 10 years. */
const MAX_DEADLINES = 100_000;

/** Longer than any target expression: not parsed (a million digits would take minutes to reduce). */
const MAX_TARGET_TEXT = 100;

/** A value quoted in a message: never a megabyte of it. */
const shown = (text: string): string => (text.length > 80 ? `${[...text.slice(0, 100)].slice(0, 60).join('')}…` : text);

/**
 * The structured form {op, value, per?, percent?} with every part well-formed on its own. When a
 * part is not (op "=>", value .inf, per 0), the schema has already said so at that part.
 */
function structuredPartsValid(target: Data): boolean {
  const { op, value, per, percent } = target;
  const finiteAtLeast = (n: unknown, min: number, strict: boolean): boolean =>
    typeof n === 'number' && Number.isFinite(n) && (strict ? n > min : n >= min);
  return (
    typeof op === 'string' &&
    ['>=', '>', '<=', '<'].includes(op) &&
    finiteAtLeast(value, 0, false) &&
    (per === undefined || finiteAtLeast(per, 0, true)) &&
    (percent === undefined || typeof percent === 'boolean') &&
    Object.keys(target).every((key) => ['op', 'value', 'per', 'percent'].includes(key))
  );
}

class PlanChecker {
  readonly diagnostics: Diagnostic[] = [];
  constructor(
    readonly file: string,
    readonly locator: Locator,
  ) {}

  place(path: JsonPath): SourcePlace {
    return this.locator.place(this.file, path);
  }

  report(code: DiagnosticCode, path: JsonPath, args: DiagnosticArgs = {}, key = false): void {
    this.diagnostics.push(makeDiagnostic(code, this.file, this.locator.locate(path, { key }), args, path));
  }

  /** A strict calendar date; the schema already checked the shape, this checks the calendar. */
  date(value: unknown, path: JsonPath): DayNumber | undefined {
    const day = readDate(value);
    if (day !== 'not-a-day') return day;
    this.report('invalid-date', path, { field: String(path[path.length - 1]), value: value as string });
    return undefined;
  }

  checkOrder(start: DayNumber | undefined, due: DayNumber | undefined, path: JsonPath, dueKey: string): void {
    if (start !== undefined && due !== undefined && start > due) {
      this.report('start-after-due', [...path, dueKey], {
        start: formatDay(start),
        due: formatDay(due),
        endName: dueKey === 'due' ? undefined : dueKey,
      });
    }
  }

  checkInPeriod(day: DayNumber | undefined, period: { start: DayNumber; end: DayNumber } | undefined, path: JsonPath): void {
    if (day === undefined || !period) return;
    if (day < period.start || day > period.end) {
      this.report('due-outside-period', path, { due: formatDay(day), start: formatDay(period.start), end: formatDay(period.end) });
    }
  }

  checkUniqueIds(items: unknown[], basePath: JsonPath, kind: string): void {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const id = asObject(item)?.id;
      if (typeof id !== 'string') return;
      const first = seen.get(id);
      if (first !== undefined) {
        this.report('duplicate-id', [...basePath, index, 'id'], {
          kind,
          id,
          firstLine: this.locator.locate([...basePath, first, 'id']).line,
        });
      } else {
        seen.set(id, index);
      }
    });
  }
}

/** Values the schema allows in general but not with this recurrence: never adjusted silently. */
function checkRecurrence(check: PlanChecker, duty: Data, path: JsonPath): void {
  const { every, day, month } = duty;
  if (every === 'week' && typeof day === 'number' && day > 7) {
    check.report('invalid-value', [...path, 'day'], { field: 'day', value: String(day), allowed: ['1 (Monday) … 7 (Sunday)'] });
  }
  const monthsIn: Record<string, number> = { quarter: 3, half_year: 6, year: 12 };
  if (typeof month === 'number' && typeof every === 'string') {
    const limit = monthsIn[every];
    if (limit === undefined)
      check.report('invalid-value', [...path, 'month'], { field: 'month', value: String(month), reason: 'month-unused' });
    else if (month > limit)
      check.report('invalid-value', [...path, 'month'], { field: 'month', value: String(month), allowed: [`1 … ${limit}`] });
  }
}

/**
 * B for a linear >= or > target: a number, at most R (every unit's R for an `each` target). On a
 * limit, or with progress level or at_due, it is an error and ignored.
 */
function checkBaseline(
  check: PlanChecker,
  target: Data,
  path: JsonPath,
  op: Comparison,
  required: readonly Rational[],
): Rational | undefined {
  const value = target.baseline;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined;
  const at = [...path, 'baseline'];
  if (op === '<=' || op === '<') {
    check.report('baseline-not-allowed', at, { reason: 'limit', op });
    return undefined;
  }
  if (target.progress === 'level' || target.progress === 'at_due') {
    check.report('baseline-not-allowed', at, { reason: 'progress', progress: target.progress });
    return undefined;
  }
  const baseline = fromNumber(value);
  const over = required.find((r) => compareWithTolerance(baseline, r) > 0);
  if (over) {
    check.report('baseline-above-target', at, { baseline: String(value), required: String(toNumber(over)) });
    return undefined;
  }
  return baseline;
}

/**
 * A duty counts from its own `start`, else from the later of the period start and the date the
 * plan was issued: a plan issued in April owes no report for January.
 */
function dutyStart(
  own: DayNumber | undefined,
  periodStart: DayNumber | undefined,
  issued: DayNumber | undefined,
): { start?: DayNumber; startSource: DutyStartSource } {
  if (own !== undefined) return { start: own, startSource: 'start' };
  if (issued !== undefined && (periodStart === undefined || issued > periodStart)) return { start: issued, startSource: 'issued' };
  return { start: periodStart, startSource: 'period' };
}

/** One unit named twice in a duty's owners (by name and by alias, say) would owe one deadline twice. */
function checkDuplicateOwners(check: PlanChecker, written: unknown, path: JsonPath, owners: readonly string[]): void {
  if (!Array.isArray(written)) return;
  const seen = new Set<string>();
  owners.forEach((owner, index) => {
    if (seen.has(owner))
      check.report('duplicate-id', [...path, index], {
        kind: 'owner',
        id: owner,
        firstLine: check.locator.locate([...path, owners.indexOf(owner)]).line,
      });
    seen.add(owner);
  });
}

interface NormalisedPlan {
  plan?: Plan;
  diagnostics: Diagnostic[];
  /**
   * Where a slip was read the one way it can be meant (a task id written as a bare number, `id: 1`,
   * read as "1"): the schema's error there stands, and the plan loads as if it were quoted.
   */
  recovered: JsonPath[];
}

/**
 * A task id written as a bare number (`id: 1`, `id: 4.2`), as its digits were written: the only
 * thing it can mean. Undefined for anything else (a list, true, 1e3).
 */
function numberAsWrittenId(value: unknown, path: JsonPath, locator: Locator): string | undefined {
  if (typeof value !== 'number') return undefined;
  const written = locator.sourceText(path);
  return written !== undefined && /^\d+(?:\.\d+)?$/.test(written) ? written : undefined;
}

/** What every part of a plan is read against: its checker, period, population and unit registry. */
interface PlanContext {
  check: PlanChecker;
  root: Data;
  planId: string;
  period?: { start: DayNumber; end: DayNumber };
  issued?: DayNumber;
  population?: Rational;
  units?: UnitRegistry;
  /** Slips read the one way they can be meant (see NormalisedPlan.recovered). */
  recovered: JsonPath[];
  /** suggestions for unknown unit names, all within one budget (5,000 unknown names must not take minutes) */
  suggestions: SuggestionBudget;
}

function readPlanContext(check: PlanChecker, root: Data): PlanContext {
  const periodData = asObject(root.period);
  const periodStart = check.date(periodData?.start, ['period', 'start']);
  const periodEnd = check.date(periodData?.end, ['period', 'end']);
  check.checkOrder(periodStart, periodEnd, ['period'], 'end');
  const tooLong = periodStart !== undefined && periodEnd !== undefined && periodEnd >= yearsLater(periodStart, MAX_PERIOD_YEARS);
  if (tooLong)
    check.report('period-too-long', ['period', 'end'], {
      start: formatDay(periodStart),
      end: formatDay(periodEnd),
      years: MAX_PERIOD_YEARS,
    });
  // a period that is too long is no period: nothing is worked out over it (a weekly duty over the
  // years 0001–9999 would be half a million deadlines per owner)
  const period =
    periodStart !== undefined && periodEnd !== undefined && periodStart <= periodEnd && !tooLong
      ? { start: periodStart, end: periodEnd }
      : undefined;
  const issued = check.date(root.issued, ['issued']);
  const population =
    typeof root.population === 'number' && Number.isFinite(root.population) && root.population > 0
      ? fromNumber(root.population)
      : undefined;
  return {
    check,
    root,
    planId: asString(root.id) ?? '',
    period,
    issued,
    population,
    units: buildUnitRegistry(root.units),
    recovered: [],
    suggestions: new SuggestionBudget(),
  };
}

/**
 * A unit as the plan names it: the registry's canonical name, however it is typed (full-width
 * brackets and stray spaces folded, as for reporting units and --owner); an unknown one is reported.
 */
function resolveUnit(plan: PlanContext, name: string, path: JsonPath): string {
  if (!plan.units) return name;
  const canonical = registeredUnit(plan.units, name);
  if (canonical) return canonical;
  plan.check.report('unknown-unit', path, {
    name,
    suggestion: plan.suggestions.spend(plan.units.written.size) ? nearestName(name, plan.units.written.keys()) : undefined,
  });
  return name;
}

const resolveUnits = (plan: PlanContext, value: unknown, path: JsonPath): string[] =>
  typeof value === 'string'
    ? [resolveUnit(plan, value, path)]
    : asArray(value)
        .map((v, i) => (typeof v === 'string' ? resolveUnit(plan, v, [...path, i]) : ''))
        .filter(Boolean);

type EachEntry = Omit<EachUnit, 'required'>;

/** The units of an `each` target, each once, with its population when per-capita. */
function readEach(plan: PlanContext, value: unknown, path: JsonPath, perCapita: boolean): EachEntry[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const { check } = plan;
  const seen = new Map<string, number>();
  const entries: EachEntry[] = [];
  value.forEach((item, index) => {
    const object = asObject(item);
    const name = typeof item === 'string' ? item : asString(object?.unit);
    const entryPath = [...path, index];
    if (name === undefined) return;
    // as join.ts names a reporting unit: the registry's name, else the name folded
    const unit = plan.units ? resolveUnit(plan, name, object ? [...entryPath, 'unit'] : entryPath) : foldName(name);
    const first = seen.get(unit);
    if (first !== undefined) {
      check.report('duplicate-id', entryPath, { kind: 'unit', id: name, firstLine: check.locator.locate([...path, first]).line });
      return;
    }
    seen.set(unit, index);
    const people = object?.population;
    const population = typeof people === 'number' && Number.isFinite(people) && people > 0 ? fromNumber(people) : undefined;
    if (perCapita && people === undefined) check.report('each-missing-population', entryPath, { unit: name });
    entries.push({ unit, population, place: check.place(entryPath) });
  });
  return entries;
}

/** The task a target belongs to (none for a plan-level target), or the plan's period and no units. */
interface TargetScope {
  taskId?: string;
  start?: DayNumber;
  due?: DayNumber;
  lead: string[];
  support: string[];
}

/** The target's expression, when it reads as one; what is wrong with its wording is reported. */
function readTargetExpression(check: PlanChecker, target: Data, targetPath: JsonPath): TargetExpression | undefined {
  const tooLong = typeof target.target === 'string' && target.target.length > MAX_TARGET_TEXT;
  const expression = target.target === undefined || tooLong ? undefined : parseTargetExpression(target.target);
  const structured = asObject(target.target);
  if (
    target.target !== undefined &&
    !expression &&
    (typeof target.target === 'string' || (structured && structuredPartsValid(structured)))
  ) {
    check.report('invalid-target', [...targetPath, 'target'], {
      value: typeof target.target === 'string' ? shown(target.target) : JSON.stringify(target.target),
      forms: [...acceptedTargetForms],
      suggestion: typeof target.target === 'string' && !tooLong ? suggestTargetReading(target.target) : undefined,
    });
  }
  if (expression?.unit && typeof target.unit === 'string' && foldText(target.unit) !== expression.unit) {
    check.report('target-unit-conflict', [...targetPath, 'unit'], {
      unit: shown(target.unit),
      written: shown(expression.written ?? ''),
      wordingUnit: expression.unit,
    });
  }
  if (expression && expression.value.n > BigInt(ABSURD_COUNT)) {
    check.report('absurd-number', [...targetPath, 'target'], { field: 'target', value: expression.text, limit: `<= ${ABSURD_COUNT}` });
  }
  return expression;
}

/** R of the target (per-capita multiplied out by the plan's population) and of each of its units. */
function requiredValues(
  plan: PlanContext,
  expression: TargetExpression,
  eachEntries: EachEntry[] | undefined,
): { total: Rational; each?: EachUnit[] } | undefined {
  const perCapita = expression.kind === 'per_capita';
  const perCapitaRequired = (people: Rational | undefined): Rational | undefined =>
    people && expression.per ? divide(multiply(expression.value, people), expression.per) : undefined;
  const total = perCapita ? (perCapitaRequired(plan.population) ?? (eachEntries ? expression.value : undefined)) : expression.value;
  if (!total) return undefined;
  const each = eachEntries?.map((entry) => ({ ...entry, required: perCapita ? (perCapitaRequired(entry.population) ?? zero) : total }));
  return { total, each };
}

/** What readTarget worked out, for the model. */
interface TargetParts {
  id: string;
  expression: TargetExpression;
  required: Rational;
  each?: EachUnit[];
  start: DayNumber;
  due: DayNumber;
  owner: string;
  baseline?: Rational;
}

function targetModel(plan: PlanContext, target: Data, targetPath: JsonPath, scope: TargetScope, parts: TargetParts): Target {
  const { id, expression, baseline } = parts;
  const written = asString(target.progress) as Progress | undefined;
  return {
    planId: plan.planId,
    taskId: scope.taskId,
    id,
    ref: scope.taskId === undefined ? `${plan.planId}:${id}` : `${plan.planId}:${scope.taskId}/${id}`,
    metric: asString(target.metric) ?? id,
    unit: asString(target.unit) ?? expression.unit,
    expression,
    required: parts.required,
    start: parts.start,
    due: parts.due,
    progress: written ?? (baseline !== undefined || expression.kind !== 'percent' ? 'linear' : 'level'),
    progressWritten: written !== undefined,
    baseline,
    accumulate: (asString(target.accumulate) as Accumulate | undefined) ?? 'latest',
    combine: (asString(target.combine) as Combine | undefined) ?? 'sum',
    each: parts.each,
    owner: parts.owner,
    taskUnits: { lead: scope.lead, support: scope.support },
    place: plan.check.place(targetPath),
  };
}

/** One target of a task, or a plan-level one (no task): checked, then normalised when whole. */
function readTarget(plan: PlanContext, target: Data, targetPath: JsonPath, scope: TargetScope): Target | undefined {
  const { check } = plan;
  const expression = readTargetExpression(check, target, targetPath);
  const perCapita = expression?.kind === 'per_capita';
  const eachData = target.each;
  if (perCapita && plan.root.population === undefined && eachData === undefined) {
    check.report('missing-population', [...targetPath, 'target'], { target: expression.text });
  }
  if (eachData !== undefined && target.combine !== undefined) check.report('each-with-combine', [...targetPath, 'combine'], {}, true);
  const start = check.date(target.start, [...targetPath, 'start']) ?? scope.start;
  const due = check.date(target.due, [...targetPath, 'due']) ?? scope.due;
  check.checkOrder(start, due, targetPath, target.due !== undefined ? 'due' : 'start');
  if (target.due !== undefined) check.checkInPeriod(due, plan.period, [...targetPath, 'due']);
  const owner = typeof target.owner === 'string' ? resolveUnit(plan, target.owner, [...targetPath, 'owner']) : (scope.lead[0] ?? '');
  const eachEntries = readEach(plan, eachData, [...targetPath, 'each'], perCapita);
  const id = asString(target.id);
  if (!expression || !id || start === undefined || due === undefined) return undefined;
  const required = requiredValues(plan, expression, eachEntries);
  if (!required) return undefined;
  const baseline = checkBaseline(
    check,
    target,
    targetPath,
    expression.op,
    required.each ? required.each.map((unit) => unit.required) : [required.total],
  );
  return targetModel(plan, target, targetPath, scope, {
    id,
    expression,
    required: required.total,
    each: required.each,
    start,
    due,
    owner,
    baseline,
  });
}

function readPhases(plan: PlanContext): Phase[] {
  const { check } = plan;
  const phasesData = asArray(plan.root.phases);
  check.checkUniqueIds(phasesData, ['phases'], 'phase');
  const phases: Phase[] = [];
  phasesData.forEach((item, index) => {
    const phase = asObject(item);
    const path = ['phases', index];
    if (!phase) return;
    const start = check.date(phase.start, [...path, 'start']);
    const due = check.date(phase.due, [...path, 'due']);
    const done = check.date(phase.done, [...path, 'done']);
    check.checkOrder(start, due, path, 'due');
    check.checkInPeriod(due, plan.period, [...path, 'due']);
    const owner = typeof phase.owner === 'string' ? resolveUnit(plan, phase.owner, [...path, 'owner']) : undefined;
    if (typeof phase.id === 'string' && due !== undefined) {
      phases.push({ id: phase.id, title: asString(phase.title) ?? phase.id, start, due, done, owner, place: check.place(path) });
    }
  });
  return phases;
}

function readDuty(plan: PlanContext, duty: Data, path: JsonPath): Duty | undefined {
  const { check, period } = plan;
  const ownStart = check.date(duty.start, [...path, 'start']);
  const { start: written, startSource: writtenSource } = dutyStart(ownStart, period?.start, plan.issued);
  const ownUntil = check.date(duty.until, [...path, 'until']);
  const due = check.date(duty.due, [...path, 'due']);
  check.checkOrder(written, ownUntil ?? period?.end, path, 'until');
  // occurrences only within the plan period: a start before it or an until after it is cut to it
  const clipped = period !== undefined && written !== undefined && written < period.start;
  const start = clipped ? period.start : written;
  const startSource: DutyStartSource = clipped ? 'period' : writtenSource;
  const until = period === undefined ? undefined : Math.min(ownUntil ?? period.end, period.end);
  check.checkInPeriod(due, period, [...path, 'due']);
  const owners = resolveUnits(plan, duty.owner, [...path, 'owner']);
  if (Array.isArray(duty.owner) && duty.owner.length === 0)
    check.report('invalid-value', [...path, 'owner'], { field: 'owner', value: '', reason: 'empty' });
  checkRecurrence(check, duty, path);
  checkDuplicateOwners(check, duty.owner, [...path, 'owner'], owners);
  if (typeof duty.id !== 'string' || start === undefined || until === undefined) return undefined;
  return {
    id: duty.id,
    title: asString(duty.title) ?? duty.id,
    kind: duty.kind === 'activity' ? 'activity' : 'report',
    owners: [...new Set(owners)],
    every: asString(duty.every) as Recurrence | undefined,
    day: typeof duty.day === 'number' ? duty.day : undefined,
    month: typeof duty.month === 'number' ? duty.month : undefined,
    start,
    startSource,
    until,
    due,
    place: check.place(path),
  };
}

function readDuties(plan: PlanContext): Duty[] {
  const dutiesData = asArray(plan.root.duties);
  plan.check.checkUniqueIds(dutiesData, ['duties'], 'duty');
  const duties: Duty[] = [];
  let deadlinesLeft = MAX_DEADLINES;
  dutiesData.forEach((item, index) => {
    const duty = asObject(item);
    const read = duty ? readDuty(plan, duty, ['duties', index]) : undefined;
    if (!read || deadlinesLeft < 0) return;
    // every occurrence is a deadline per owner: bounded per plan, so a plan of a few kilobytes
    // cannot ask for millions of them
    deadlinesLeft -= dutyOccurrences(read).length * Math.max(1, read.owners.length);
    if (deadlinesLeft < 0) plan.check.report('too-many-deadlines', ['duties', index], { duty: read.id, limit: MAX_DEADLINES });
    else duties.push(read);
  });
  return duties;
}

interface TaskEntry {
  data: unknown;
  path: JsonPath;
  section?: string;
}

/** The tasks of every section, then the plan's own tasks, in the order they are written. */
function taskEntriesOf(root: Data): TaskEntry[] {
  const entries: TaskEntry[] = [];
  asArray(root.sections).forEach((sectionItem, sectionIndex) => {
    const section = asObject(sectionItem);
    asArray(section?.tasks).forEach((task, taskIndex) =>
      entries.push({ data: task, path: ['sections', sectionIndex, 'tasks', taskIndex], section: asString(section?.title) }),
    );
  });
  asArray(root.tasks).forEach((task, taskIndex) => entries.push({ data: task, path: ['tasks', taskIndex] }));
  return entries;
}

/** The targets of one task, each read in the task's scope. */
function readTaskTargets(plan: PlanContext, task: Data, path: JsonPath, scope: TargetScope): Target[] {
  const targetsData = asArray(task.targets);
  plan.check.checkUniqueIds(targetsData, [...path, 'targets'], 'target');
  const targets: Target[] = [];
  targetsData.forEach((targetItem, targetIndex) => {
    const target = asObject(targetItem);
    const read = target ? readTarget(plan, target, [...path, 'targets', targetIndex], scope) : undefined;
    if (read) targets.push(read);
  });
  return targets;
}

/** One task; `taskPaths` (folded id → path of its first task) says which ids were seen before. */
function readTask(plan: PlanContext, task: Data, entry: TaskEntry, taskPaths: Map<string, JsonPath>): Task | undefined {
  const { check, period } = plan;
  const path = entry.path;
  const idAsWritten = numberAsWrittenId(task.id, [...path, 'id'], check.locator);
  if (idAsWritten !== undefined) plan.recovered.push([...path, 'id']);
  const id = idAsWritten ?? taskIdOf(task.id);
  if (id !== undefined) {
    const first = taskPaths.get(id);
    if (first)
      check.report('duplicate-id', [...path, 'id'], {
        kind: 'task',
        id: String(task.id),
        firstLine: check.locator.locate([...first, 'id']).line,
      });
    else taskPaths.set(id, path);
  }
  const start = check.date(task.start, [...path, 'start']) ?? period?.start;
  const due = check.date(task.due, [...path, 'due']) ?? period?.end;
  const done = check.date(task.done, [...path, 'done']);
  check.checkOrder(start, due, path, task.due !== undefined ? 'due' : 'start');
  if (task.due !== undefined) check.checkInPeriod(due, period, [...path, 'due']);
  const lead = resolveUnits(plan, task.lead, [...path, 'lead']);
  const support = resolveUnits(plan, task.support, [...path, 'support']);
  const targets = readTaskTargets(plan, task, path, { taskId: id, start, due, lead, support });
  if (id === undefined || start === undefined || due === undefined) return undefined;
  return {
    id,
    title: asString(task.title) ?? id,
    section: entry.section,
    lead,
    support,
    start,
    due,
    done,
    targets,
    place: check.place(path),
  };
}

function readTasks(plan: PlanContext): { tasks: Task[]; taskPaths: Map<string, JsonPath> } {
  const taskPaths = new Map<string, JsonPath>();
  const tasks: Task[] = [];
  for (const entry of taskEntriesOf(plan.root)) {
    const task = asObject(entry.data);
    const read = task ? readTask(plan, task, entry, taskPaths) : undefined;
    if (read) tasks.push(read);
  }
  return { tasks, taskPaths };
}

/** Plan-level targets: the plan's period, no task, and never a task's id. */
function readPlanTargets(plan: PlanContext, taskPaths: ReadonlyMap<string, JsonPath>): Target[] {
  const { check, period } = plan;
  const planTargetsData = asArray(plan.root.targets);
  check.checkUniqueIds(planTargetsData, ['targets'], 'target');
  const planTargets: Target[] = [];
  planTargetsData.forEach((item, index) => {
    const target = asObject(item);
    const path = ['targets', index];
    if (!target) return;
    const id = taskIdOf(target.id);
    const task = id === undefined ? undefined : taskPaths.get(id);
    if (task)
      check.report('target-id-is-task-id', [...path, 'id'], {
        id: String(target.id),
        taskLine: check.locator.locate([...task, 'id']).line,
      });
    const read = readTarget(plan, target, path, { start: period?.start, due: period?.end, lead: [], support: [] });
    if (read) planTargets.push(read);
  });
  return planTargets;
}

export function normalisePlan(data: unknown, file: string, locator: Locator): NormalisedPlan {
  const check = new PlanChecker(file, locator);
  const root = asObject(data);
  if (!root) return { diagnostics: check.diagnostics, recovered: [] };
  const plan = readPlanContext(check, root);
  const phases = readPhases(plan);
  const duties = readDuties(plan);
  const { tasks, taskPaths } = readTasks(plan);
  const targets = readPlanTargets(plan, taskPaths);
  if (!plan.period || !plan.planId) return { diagnostics: check.diagnostics, recovered: plan.recovered };
  const model: Plan = {
    id: plan.planId,
    title: asString(root.title) ?? plan.planId,
    issuer: asString(root.issuer),
    docNo: asString(root.doc_no),
    file,
    period: plan.period,
    population: plan.population,
    units: plan.units,
    issued: plan.issued,
    phases,
    duties,
    tasks,
    targets,
    place: check.place(['id']),
  };
  return { plan: model, diagnostics: check.diagnostics, recovered: plan.recovered };
}
