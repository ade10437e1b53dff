// The normalised model that evaluation works on: dates as day numbers, owners resolved, targets parsed.
import type { DayNumber } from './dates.js';
import type { Rational } from './rational.js';
import type { TargetExpression } from './target-expression.js';
import type { UnitRegistry } from './unit-registry.js';

export type Progress = 'linear' | 'at_due' | 'level';
export type Combine = 'sum' | 'mean';
export type Accumulate = 'latest' | 'sum';
export type Recurrence = 'week' | 'month' | 'quarter' | 'half_year' | 'year';

export interface SourcePlace {
  file: string;
  line: number;
  column: number;
  /** a spreadsheet's sheet: line and column are its row and column */
  sheet?: string;
}

export interface Plan {
  id: string;
  title: string;
  issuer?: string;
  docNo?: string;
  file: string;
  period: { start: DayNumber; end: DayNumber };
  population?: Rational;
  /** the plan's unit registry (`units:`), built once when the plan is read; undefined when it has none */
  units?: UnitRegistry;
  /** the date the plan was issued (印发日期), when given: duties start no earlier */
  issued?: DayNumber;
  phases: Phase[];
  duties: Duty[];
  tasks: Task[];
  /** plan-level targets (`targets:` at the top of the plan): no task, owner required */
  targets: Target[];
  place: SourcePlace;
}

export interface Task {
  id: string;
  title: string;
  section?: string;
  lead: string[];
  support: string[];
  start: DayNumber;
  due: DayNumber;
  done?: DayNumber;
  targets: Target[];
  place: SourcePlace;
}

/** One unit of an `each` target: evaluated on its own rows against its own R. */
export interface EachUnit {
  unit: string;
  /** R for this unit: the target's R, or rate × the unit's population / per for per-capita targets */
  required: Rational;
  population?: Rational;
  place: SourcePlace;
}

export interface Target {
  planId: string;
  /** undefined for a plan-level target */
  taskId?: string;
  id: string;
  /** PLAN:TASK/TARGET, or PLAN:ID for a plan-level target */
  ref: string;
  metric: string;
  unit?: string;
  expression: TargetExpression;
  /** R: exact, per-capita already multiplied out */
  required: Rational;
  start: DayNumber;
  due: DayNumber;
  progress: Progress;
  /** whether `progress` was written in the plan or is the default for the target's kind */
  progressWritten: boolean;
  /** B: the value at start, for linear targets (0 when not given) */
  baseline?: Rational;
  accumulate: Accumulate;
  /** across reporting units */
  combine: Combine;
  /** the target applies to each of these units on its own */
  each?: EachUnit[];
  owner: string;
  /** lead and support units of the task, for --owner filtering */
  taskUnits: { lead: string[]; support: string[] };
  place: SourcePlace;
}

export interface Phase {
  id: string;
  title: string;
  start?: DayNumber;
  due: DayNumber;
  done?: DayNumber;
  owner?: string;
  place: SourcePlace;
}

/** report: something submitted (报送); activity: something carried out (开展), such as 每季度开展一次督导 */
export type DutyKind = 'report' | 'activity';

/** Where a duty's first possible occurrence comes from: its own `start`, the plan's `issued`, or the period start. */
export type DutyStartSource = 'start' | 'issued' | 'period';

export interface Duty {
  id: string;
  title: string;
  kind: DutyKind;
  /** one or more units (canonical names); one deadline per owner per occurrence */
  owners: string[];
  every?: Recurrence;
  day?: number;
  month?: number;
  start: DayNumber;
  startSource: DutyStartSource;
  until: DayNumber;
  /** one-off duty */
  due?: DayNumber;
  place: SourcePlace;
}

export type ActualValue =
  { kind: 'number'; value: Rational } | { kind: 'percent'; value: Rational } | { kind: 'fraction'; done: Rational; of: Rational };

export interface ActualRow {
  planId: string;
  /** the reference as written, resolved later against the plan */
  targetRef: string;
  value: ActualValue;
  asOf: DayNumber;
  reportedBy: string;
  note?: string;
  place: SourcePlace;
  /** where the value itself sits, for diagnostics */
  valuePlace: SourcePlace;
  refPlace: SourcePlace;
  /** typed by a person in a form (CSV, XLSX): the ref may also be a unique target id or metric */
  typed?: true;
  /** where the reporting unit is written, when the row names one itself */
  unitPlace?: SourcePlace;
}

export interface CompletionRecord {
  planId: string;
  task?: string;
  phase?: string;
  date: DayNumber;
  place: SourcePlace;
}

/** One occurrence of a duty done: submitted (a report) or carried out (an activity). */
export interface DutyRecord {
  planId: string;
  duty: string;
  due: DayNumber;
  /** the day it was submitted or carried out */
  date: DayNumber;
  /** the record's own reported_by, else the file's; empty when neither is given */
  reportedBy: string;
  place: SourcePlace;
  duePlace: SourcePlace;
  datePlace: SourcePlace;
  /** where the unit is written: the record's reported_by, else the file's, else the record */
  unitPlace: SourcePlace;
}

/**
 * An entry of an actuals file left out because of an error in it, with what could be read of it,
 * so that the target or deadline it was meant for can be marked as having lost data.
 */
export interface RejectedEntry {
  kind: 'value' | 'done' | 'duty';
  planId?: string;
  /** a value's target ref, a completion's task or phase (`task/ID`, `phase/ID`), a duty record's duty id */
  ref?: string;
  /** a duty record's occurrence, when its date could be read */
  due?: DayNumber;
  place: SourcePlace;
}

export interface ActualsFile {
  file: string;
  planId?: string;
  planPlace: SourcePlace;
  rows: ActualRow[];
  completions: CompletionRecord[];
  dutyRecords: DutyRecord[];
  /** entries left out because of an error in them */
  rejected?: RejectedEntry[];
  /** an error in the file as a whole (its header, its root): none of its entries can be trusted */
  leftOut?: true;
}

/** Every target of a plan: the tasks' in plan order, then the plan-level ones. */
export function allTargets(plan: Plan): Target[] {
  const targets = plan.tasks.flatMap((task) => task.targets);
  for (const target of plan.targets) targets.push(target);
  return targets;
}

// Tasks by id, built once per plan: a search of the task list per reported row made 300,000
// rows cost seconds. With a repeated id (an error reported elsewhere) the first task answers, as
// a search would.
const tasksByPlan = new WeakMap<Plan, ReadonlyMap<string, Task>>();

export function taskById(plan: Plan, taskId: string): Task | undefined {
  let tasks = tasksByPlan.get(plan);
  if (!tasks) {
    const index = new Map<string, Task>();
    for (const task of plan.tasks) if (!index.has(task.id)) index.set(task.id, task);
    tasks = index;
    tasksByPlan.set(plan, tasks);
  }
  return tasks.get(taskId);
}
