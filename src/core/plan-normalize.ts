// Semantic checks on a plan that passed (or mostly passed) the schema, and its normalised model.
// Defensive throughout: a node of the wrong shape was already reported by the schema and is skipped.
import { type DayNumber, clampedDay, formatDay, readDate, splitDay } from './dates.js';
import { type Diagnostic, type DiagnosticCode, type DiagnosticArgs, type JsonPath, makeDiagnostic } from './diagnostics.js';
import { SuggestionBudget, nearestName } from './edit-distance.js';
import type { Accumulate, Combine, Duty, DutyStartSource, Phase, Plan, Progress, Recurrence, SourcePlace, Target, Task } from './model.js';
import { type Rational, compareWithTolerance, divide, fromNumber, multiply, toNumber, zero } from './rational.js';
import { dutyOccurrences } from './deadlines.js';
import { type Comparison, acceptedTargetForms, parseTargetExpression } from './target-expression.js';
import { suggestTargetReading } from './target-wording.js';
import { ABSURD_COUNT } from './actual-value.js';
import type { Locator } from './yaml-source.js';
import { foldName, foldText } from './text-fold.js';

type Data = Record<string, unknown>;

const asObject = (value: unknown): Data | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : undefined;
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const asList = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : asArray(value).filter((v): v is string => typeof v === 'string');

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
  const finiteAtLeast = (n: unknown, min: number, strict: boolean): boolean => typeof n === 'number' && Number.isFinite(n) && (strict ? n > min : n >= min);
  return (
    typeof op === 'string' && ['>=', '>', '<=', '<'].includes(op) &&
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
      this.report('start-after-due', [...path, dueKey], { start: formatDay(start), due: formatDay(due), endName: dueKey === 'due' ? undefined : dueKey });
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
        this.report('duplicate-id', [...basePath, index, 'id'], { kind, id, firstLine: this.locator.locate([...basePath, first, 'id']).line });
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
    if (limit === undefined) check.report('invalid-value', [...path, 'month'], { field: 'month', value: String(month), reason: 'month-unused' });
    else if (month > limit) check.report('invalid-value', [...path, 'month'], { field: 'month', value: String(month), allowed: [`1 … ${limit}`] });
  }
}

/**
 * B for a linear >= or > target: a number, at most R (every unit's R for an `each` target). On a
 * limit, or with progress level or at_due, it is an error and ignored.
 */
function checkBaseline(check: PlanChecker, target: Data, path: JsonPath, op: Comparison, required: readonly Rational[]): Rational | undefined {
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

function buildUnitNames(units: unknown[]): Map<string, string> | undefined {
  if (units.length === 0) return undefined;
  const names = new Map<string, string>();
  for (const entry of units) {
    if (typeof entry === 'string') names.set(entry, entry);
    const object = asObject(entry);
    const name = asString(object?.name);
    if (name) {
      names.set(name, name);
      for (const alias of asList(object?.aliases)) names.set(alias, name);
    }
  }
  return names;
}

/**
 * A duty counts from its own `start`, else from the later of the period start and the date the
 * plan was issued: a plan issued in April owes no report for January.
 */
function dutyStart(own: DayNumber | undefined, periodStart: DayNumber | undefined, issued: DayNumber | undefined): { start?: DayNumber; startSource: DutyStartSource } {
  if (own !== undefined) return { start: own, startSource: 'start' };
  if (issued !== undefined && (periodStart === undefined || issued > periodStart)) return { start: issued, startSource: 'issued' };
  return { start: periodStart, startSource: 'period' };
}

/** One unit named twice in a duty's owners (by name and by alias, say) would owe one deadline twice. */
function checkDuplicateOwners(check: PlanChecker, written: unknown, path: JsonPath, owners: readonly string[]): void {
  if (!Array.isArray(written)) return;
  const seen = new Set<string>();
  owners.forEach((owner, index) => {
    if (seen.has(owner)) check.report('duplicate-id', [...path, index], { kind: 'owner', id: owner, firstLine: check.locator.locate([...path, owners.indexOf(owner)]).line });
    seen.add(owner);
  });
}

interface NormalisedPlan {
  plan?: Plan;
  diagnostics: Diagnostic[];
}

export function normalisePlan(data: unknown, file: string, locator: Locator): NormalisedPlan {
  const check = new PlanChecker(file, locator);
  const root = asObject(data);
  if (!root) return { diagnostics: check.diagnostics };
  const periodData = asObject(root.period);
  const periodStart = check.date(periodData?.start, ['period', 'start']);
  const periodEnd = check.date(periodData?.end, ['period', 'end']);
  check.checkOrder(periodStart, periodEnd, ['period'], 'end');
  const tooLong = periodStart !== undefined && periodEnd !== undefined && periodEnd >= yearsLater(periodStart, MAX_PERIOD_YEARS);
  if (tooLong) check.report('period-too-long', ['period', 'end'], { start: formatDay(periodStart), end: formatDay(periodEnd), years: MAX_PERIOD_YEARS });
  // a period that is too long is no period: nothing is worked out over it (a weekly duty over the
  // years 0001–9999 would be half a million deadlines per owner)
  const period = periodStart !== undefined && periodEnd !== undefined && periodStart <= periodEnd && !tooLong
    ? { start: periodStart, end: periodEnd }
    : undefined;
  const issued = check.date(root.issued, ['issued']);

  const unitNames = buildUnitNames(asArray(root.units));
  // one unit however it is typed: full-width brackets and stray spaces folded (NFKC), as for
  // reporting units and --owner
  const foldedUnits = new Map<string, string>();
  for (const [known, canonical] of unitNames ?? []) {
    const folded = foldName(known);
    if (!foldedUnits.has(folded)) foldedUnits.set(folded, canonical);
  }
  const suggestionBudget = new SuggestionBudget();
  const resolveUnit = (name: string, path: JsonPath): string => {
    if (!unitNames) return name;
    const canonical = unitNames.get(name) ?? foldedUnits.get(foldName(name));
    if (canonical) return canonical;
    check.report('unknown-unit', path, { name, suggestion: suggestionBudget.spend(unitNames.size) ? nearestName(name, unitNames.keys()) : undefined });
    return name;
  };
  const resolveUnits = (value: unknown, path: JsonPath): string[] =>
    typeof value === 'string' ? [resolveUnit(value, path)] : asArray(value).map((v, i) => (typeof v === 'string' ? resolveUnit(v, [...path, i]) : '')).filter(Boolean);

  const population = typeof root.population === 'number' && Number.isFinite(root.population) && root.population > 0
    ? fromNumber(root.population)
    : undefined;
  const planId = asString(root.id) ?? '';

  const readEach = (value: unknown, path: JsonPath, perCapita: boolean): { unit: string; population?: Rational; place: SourcePlace }[] | undefined => {
    if (!Array.isArray(value)) return undefined;
    const seen = new Map<string, number>();
    const entries: { unit: string; population?: Rational; place: SourcePlace }[] = [];
    value.forEach((item, index) => {
      const object = asObject(item);
      const name = typeof item === 'string' ? item : asString(object?.unit);
      const entryPath = [...path, index];
      if (name === undefined) return;
      // as join.ts names a reporting unit: the registry's name, else the name folded
      const unit = unitNames ? resolveUnit(name, object ? [...entryPath, 'unit'] : entryPath) : foldName(name);
      const first = seen.get(unit);
      if (first !== undefined) {
        check.report('duplicate-id', entryPath, { kind: 'unit', id: name, firstLine: locator.locate([...path, first]).line });
        return;
      }
      seen.set(unit, index);
      const people = object?.population;
      const population = typeof people === 'number' && Number.isFinite(people) && people > 0 ? fromNumber(people) : undefined;
      if (perCapita && people === undefined) check.report('each-missing-population', entryPath, { unit: name });
      entries.push({ unit, population, place: check.place(entryPath) });
    });
    return entries;
  };

  interface TargetScope {
    taskId?: string;
    start?: DayNumber;
    due?: DayNumber;
    lead: string[];
    support: string[];
  }

  /** One target of a task, or a plan-level one (no task): checked, then normalised when whole. */
  const readTarget = (target: Data, targetPath: JsonPath, scope: TargetScope): Target | undefined => {
    const tooLong = typeof target.target === 'string' && target.target.length > MAX_TARGET_TEXT;
    const expression = target.target === undefined || tooLong ? undefined : parseTargetExpression(target.target);
    const structured = asObject(target.target);
    if (target.target !== undefined && !expression && (typeof target.target === 'string' || (structured && structuredPartsValid(structured)))) {
      check.report('invalid-target', [...targetPath, 'target'], { value: typeof target.target === 'string' ? shown(target.target) : JSON.stringify(target.target), forms: [...acceptedTargetForms], suggestion: typeof target.target === 'string' && !tooLong ? suggestTargetReading(target.target) : undefined });
    }
    if (expression?.unit && typeof target.unit === 'string' && foldText(target.unit) !== expression.unit) {
      check.report('target-unit-conflict', [...targetPath, 'unit'], { unit: shown(target.unit), written: shown(expression.written ?? ''), wordingUnit: expression.unit });
    }
    if (expression && expression.value.n > BigInt(ABSURD_COUNT)) {
      check.report('absurd-number', [...targetPath, 'target'], { field: 'target', value: expression.text, limit: `<= ${ABSURD_COUNT}` });
    }
    const perCapita = expression?.kind === 'per_capita';
    const eachData = target.each;
    if (perCapita && root.population === undefined && eachData === undefined) {
      check.report('missing-population', [...targetPath, 'target'], { target: expression.text });
    }
    if (eachData !== undefined && target.combine !== undefined) check.report('each-with-combine', [...targetPath, 'combine'], {}, true);
    const targetStart = check.date(target.start, [...targetPath, 'start']) ?? scope.start;
    const targetDue = check.date(target.due, [...targetPath, 'due']) ?? scope.due;
    check.checkOrder(targetStart, targetDue, targetPath, target.due !== undefined ? 'due' : 'start');
    if (target.due !== undefined) check.checkInPeriod(targetDue, period, [...targetPath, 'due']);
    const owner = typeof target.owner === 'string' ? resolveUnit(target.owner, [...targetPath, 'owner']) : scope.lead[0] ?? '';
    const eachEntries = readEach(eachData, [...targetPath, 'each'], perCapita);
    const targetId = asString(target.id);
    if (!expression || !targetId || targetStart === undefined || targetDue === undefined) return undefined;
    const perCapitaRequired = (people: Rational | undefined): Rational | undefined =>
      people && expression.per ? divide(multiply(expression.value, people), expression.per) : undefined;
    const required = perCapita ? perCapitaRequired(population) ?? (eachEntries ? expression.value : undefined) : expression.value;
    if (!required) return undefined;
    const each = eachEntries?.map((entry) => ({ ...entry, required: perCapita ? perCapitaRequired(entry.population) ?? zero : required }));
    const baseline = checkBaseline(check, target, targetPath, expression.op, each ? each.map((unit) => unit.required) : [required]);
    const written = asString(target.progress) as Progress | undefined;
    const progress: Progress = written ?? (baseline !== undefined || expression.kind !== 'percent' ? 'linear' : 'level');
    return {
      planId,
      taskId: scope.taskId,
      id: targetId,
      ref: scope.taskId === undefined ? `${planId}:${targetId}` : `${planId}:${scope.taskId}/${targetId}`,
      metric: asString(target.metric) ?? targetId,
      unit: asString(target.unit) ?? expression.unit,
      expression,
      required,
      start: targetStart,
      due: targetDue,
      progress,
      progressWritten: written !== undefined,
      baseline,
      accumulate: (asString(target.accumulate) as Accumulate | undefined) ?? 'latest',
      combine: (asString(target.combine) as Combine | undefined) ?? 'sum',
      each,
      owner,
      taskUnits: { lead: scope.lead, support: scope.support },
      place: check.place(targetPath),
    };
  };

  const phasesData = asArray(root.phases);
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
    check.checkInPeriod(due, period, [...path, 'due']);
    const owner = typeof phase.owner === 'string' ? resolveUnit(phase.owner, [...path, 'owner']) : undefined;
    if (typeof phase.id === 'string' && due !== undefined) {
      phases.push({ id: phase.id, title: asString(phase.title) ?? phase.id, start, due, done, owner, place: check.place(path) });
    }
  });

  let deadlinesLeft = MAX_DEADLINES;
  const dutiesData = asArray(root.duties);
  check.checkUniqueIds(dutiesData, ['duties'], 'duty');
  const duties: Duty[] = [];
  dutiesData.forEach((item, index) => {
    const duty = asObject(item);
    const path = ['duties', index];
    if (!duty) return;
    const ownStart = check.date(duty.start, [...path, 'start']);
    const { start: written, startSource: writtenSource } = dutyStart(ownStart, period?.start, issued);
    const ownUntil = check.date(duty.until, [...path, 'until']);
    const due = check.date(duty.due, [...path, 'due']);
    check.checkOrder(written, ownUntil ?? period?.end, path, 'until');
    // occurrences only within the plan period: a start before it or an until after it is cut to it
    const clipped = period !== undefined && written !== undefined && written < period.start;
    const start = clipped ? period.start : written;
    const startSource: DutyStartSource = clipped ? 'period' : writtenSource;
    const until = period === undefined ? undefined : Math.min(ownUntil ?? period.end, period.end);
    check.checkInPeriod(due, period, [...path, 'due']);
    const owners = resolveUnits(duty.owner, [...path, 'owner']);
    if (Array.isArray(duty.owner) && duty.owner.length === 0) check.report('invalid-value', [...path, 'owner'], { field: 'owner', value: '', reason: 'empty' });
    checkRecurrence(check, duty, path);
    checkDuplicateOwners(check, duty.owner, [...path, 'owner'], owners);
    if (typeof duty.id !== 'string' || start === undefined || until === undefined || deadlinesLeft < 0) return;
    const read: Duty = {
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
    // every occurrence is a deadline per owner: bounded per plan, so a plan of a few kilobytes
    // cannot ask for millions of them
    deadlinesLeft -= dutyOccurrences(read).length * Math.max(1, read.owners.length);
    if (deadlinesLeft < 0) check.report('too-many-deadlines', path, { duty: duty.id, limit: MAX_DEADLINES });
    else duties.push(read);
  });

  const taskEntries: { data: unknown; path: JsonPath; section?: string }[] = [];
  asArray(root.sections).forEach((sectionItem, sectionIndex) => {
    const section = asObject(sectionItem);
    asArray(section?.tasks).forEach((task, taskIndex) =>
      taskEntries.push({ data: task, path: ['sections', sectionIndex, 'tasks', taskIndex], section: asString(section?.title) }),
    );
  });
  asArray(root.tasks).forEach((task, taskIndex) => taskEntries.push({ data: task, path: ['tasks', taskIndex] }));

  const seenTasks = new Map<string, JsonPath>();
  const tasks: Task[] = [];
  for (const entry of taskEntries) {
    const task = asObject(entry.data);
    if (!task) continue;
    const path = entry.path;
    const id = taskIdOf(task.id);
    if (id !== undefined) {
      const first = seenTasks.get(id);
      if (first) check.report('duplicate-id', [...path, 'id'], { kind: 'task', id: String(task.id), firstLine: locator.locate([...first, 'id']).line });
      else seenTasks.set(id, path);
    }
    const start = check.date(task.start, [...path, 'start']) ?? period?.start;
    const due = check.date(task.due, [...path, 'due']) ?? period?.end;
    const done = check.date(task.done, [...path, 'done']);
    check.checkOrder(start, due, path, task.due !== undefined ? 'due' : 'start');
    if (task.due !== undefined) check.checkInPeriod(due, period, [...path, 'due']);
    const lead = resolveUnits(task.lead, [...path, 'lead']);
    const support = resolveUnits(task.support, [...path, 'support']);
    const targetsData = asArray(task.targets);
    check.checkUniqueIds(targetsData, [...path, 'targets'], 'target');
    const targets: Target[] = [];
    targetsData.forEach((targetItem, targetIndex) => {
      const target = asObject(targetItem);
      const read = target ? readTarget(target, [...path, 'targets', targetIndex], { taskId: id, start, due, lead, support }) : undefined;
      if (read) targets.push(read);
    });
    if (id === undefined || start === undefined || due === undefined) continue;
    tasks.push({ id, title: asString(task.title) ?? id, section: entry.section, lead, support, start, due, done, targets, place: check.place(path) });
  }

  const planTargetsData = asArray(root.targets);
  check.checkUniqueIds(planTargetsData, ['targets'], 'target');
  const planTargets: Target[] = [];
  planTargetsData.forEach((item, index) => {
    const target = asObject(item);
    const path = ['targets', index];
    if (!target) return;
    const id = taskIdOf(target.id);
    const task = id === undefined ? undefined : seenTasks.get(id);
    if (task) check.report('target-id-is-task-id', [...path, 'id'], { id: String(target.id), taskLine: locator.locate([...task, 'id']).line });
    const read = readTarget(target, path, { start: period?.start, due: period?.end, lead: [], support: [] });
    if (read) planTargets.push(read);
  });

  if (!period || !planId) return { diagnostics: check.diagnostics };
  const plan: Plan = {
    id: planId,
    title: asString(root.title) ?? planId,
    issuer: asString(root.issuer),
    docNo: asString(root.doc_no),
    file,
    period,
    population,
    unitNames,
    issued,
    phases,
    duties,
    tasks,
    targets: planTargets,
    place: check.place(['id']),
  };
  return { plan, diagnostics: check.diagnostics };
}
