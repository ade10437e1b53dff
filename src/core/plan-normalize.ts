// Semantic checks on a plan that passed (or mostly passed) the schema, and its normalised model.
// Defensive throughout: a node of the wrong shape was already reported by the schema and is skipped.
import { type DayNumber, formatDay, parseIsoDate } from './dates.js';
import { type Diagnostic, type DiagnosticCode, type DiagnosticArgs, type JsonPath, makeDiagnostic } from './diagnostics.js';
import { nearestName } from './edit-distance.js';
import type { Accumulate, Phase, Plan, Progress, Recurrence, ReportDuty, SourcePlace, Target, Task } from './model.js';
import { divide, fromNumber, multiply } from './rational.js';
import { acceptedTargetForms, parseTargetExpression } from './target-expression.js';
import { suggestTargetReading } from './target-wording.js';
import { ABSURD_COUNT } from './actual-value.js';
import type { Locator } from './yaml-source.js';

type Data = Record<string, unknown>;

const asObject = (value: unknown): Data | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : undefined;
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const asList = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : asArray(value).filter((v): v is string => typeof v === 'string');

/** A task id as refs are compared (join.ts folds refs the same way): full-width forms folded, so
 * "三（一）" and "三(一)", or "４" and "4", are one task, and a twin is a duplicate. */
const taskIdOf = (value: unknown): string | undefined => (typeof value === 'string' ? value.normalize('NFKC').trim() : undefined);

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
    if (typeof value !== 'string') return undefined;
    const day = parseIsoDate(value);
    if (day === undefined && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      this.report('invalid-date', path, { field: String(path[path.length - 1]), value });
    }
    return day;
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

export interface NormalisedPlan {
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
  const period = periodStart !== undefined && periodEnd !== undefined && periodStart <= periodEnd
    ? { start: periodStart, end: periodEnd }
    : undefined;
  check.date(root.issued, ['issued']);

  const unitNames = buildUnitNames(asArray(root.units));
  // one unit however it is typed: full-width brackets and stray spaces folded (NFKC), as for
  // reporting units and --owner
  const foldedUnits = new Map<string, string>();
  for (const [known, canonical] of unitNames ?? []) {
    const folded = known.normalize('NFKC').trim();
    if (!foldedUnits.has(folded)) foldedUnits.set(folded, canonical);
  }
  const resolveUnit = (name: string, path: JsonPath): string => {
    if (!unitNames) return name;
    const canonical = unitNames.get(name) ?? foldedUnits.get(name.normalize('NFKC').trim());
    if (canonical) return canonical;
    check.report('unknown-owner', path, { name, suggestion: nearestName(name, unitNames.keys()) });
    return name;
  };
  const resolveUnits = (value: unknown, path: JsonPath): string[] =>
    typeof value === 'string' ? [resolveUnit(value, path)] : asArray(value).map((v, i) => (typeof v === 'string' ? resolveUnit(v, [...path, i]) : '')).filter(Boolean);

  const population = typeof root.population === 'number' && Number.isFinite(root.population) && root.population > 0
    ? fromNumber(root.population)
    : undefined;
  const planId = asString(root.id) ?? '';

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

  const reportsData = asArray(root.reports);
  check.checkUniqueIds(reportsData, ['reports'], 'report');
  const reports: ReportDuty[] = [];
  reportsData.forEach((item, index) => {
    const duty = asObject(item);
    const path = ['reports', index];
    if (!duty) return;
    const start = check.date(duty.start, [...path, 'start']) ?? period?.start;
    const until = check.date(duty.until, [...path, 'until']) ?? period?.end;
    const due = check.date(duty.due, [...path, 'due']);
    check.checkOrder(start, until, path, 'until');
    check.checkInPeriod(due, period, [...path, 'due']);
    const owner = typeof duty.owner === 'string' ? resolveUnit(duty.owner, [...path, 'owner']) : '';
    checkRecurrence(check, duty, path);
    if (typeof duty.id !== 'string' || start === undefined || until === undefined) return;
    reports.push({
      id: duty.id,
      title: asString(duty.title) ?? duty.id,
      owner,
      every: asString(duty.every) as Recurrence | undefined,
      day: typeof duty.day === 'number' ? duty.day : undefined,
      month: typeof duty.month === 'number' ? duty.month : undefined,
      start,
      until,
      due,
      place: check.place(path),
    });
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
      const targetPath = [...path, 'targets', targetIndex];
      if (!target) return;
      const tooLong = typeof target.target === 'string' && target.target.length > MAX_TARGET_TEXT;
      const expression = target.target === undefined || tooLong ? undefined : parseTargetExpression(target.target);
      const structured = asObject(target.target);
      if (target.target !== undefined && !expression && (typeof target.target === 'string' || (structured && structuredPartsValid(structured)))) {
        check.report('invalid-target', [...targetPath, 'target'], { value: typeof target.target === 'string' ? shown(target.target) : JSON.stringify(target.target), forms: [...acceptedTargetForms], suggestion: typeof target.target === 'string' && !tooLong ? suggestTargetReading(target.target) : undefined });
      }
      if (expression?.unit && typeof target.unit === 'string' && target.unit.normalize('NFKC').trim() !== expression.unit) {
        check.report('target-unit-conflict', [...targetPath, 'unit'], { unit: shown(target.unit), written: shown(expression.written ?? ''), wordingUnit: expression.unit });
      }
      if (expression && expression.value.n > BigInt(ABSURD_COUNT)) {
        check.report('absurd-number', [...targetPath, 'target'], { field: 'target', value: expression.text, limit: `<= ${ABSURD_COUNT}` });
      }
      if (expression?.kind === 'per_capita' && root.population === undefined) {
        check.report('missing-population', [...targetPath, 'target'], { target: expression.text });
      }
      const targetStart = check.date(target.start, [...targetPath, 'start']) ?? start;
      const targetDue = check.date(target.due, [...targetPath, 'due']) ?? due;
      check.checkOrder(targetStart, targetDue, targetPath, target.due !== undefined ? 'due' : 'start');
      if (target.due !== undefined) check.checkInPeriod(targetDue, period, [...targetPath, 'due']);
      const owner = typeof target.owner === 'string' ? resolveUnit(target.owner, [...targetPath, 'owner']) : lead[0] ?? '';
      const targetId = asString(target.id);
      if (!expression || !targetId || id === undefined || targetStart === undefined || targetDue === undefined) return;
      const required = expression.kind === 'per_capita'
        ? population && expression.per ? divide(multiply(expression.value, population), expression.per) : undefined
        : expression.value;
      if (!required) return;
      targets.push({
        planId,
        taskId: id,
        id: targetId,
        ref: `${planId}:${id}/${targetId}`,
        metric: asString(target.metric) ?? targetId,
        unit: asString(target.unit) ?? expression.unit,
        expression,
        required,
        start: targetStart,
        due: targetDue,
        progress: (asString(target.progress) as Progress | undefined) ?? 'linear',
        accumulate: (asString(target.accumulate) as Accumulate | undefined) ?? 'latest',
        owner,
        taskUnits: { lead, support },
        place: check.place(targetPath),
      });
    });
    if (id === undefined || start === undefined || due === undefined) continue;
    tasks.push({ id, title: asString(task.title) ?? id, section: entry.section, lead, support, start, due, done, targets, place: check.place(path) });
  }

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
    phases,
    reports,
    tasks,
    place: check.place(['id']),
  };
  return { plan, diagnostics: check.diagnostics };
}
