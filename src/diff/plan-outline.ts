// One plan file as the diff sees it: the commitments as written, keyed by id, each with its JSON
// path (for file:line), without full schema validation (contract v2 keys are read as written).
// Pure: the caller parses the YAML and hands over the data, its locator and its text.
import { type Diagnostic, type JsonPath, makeDiagnostic } from '../core/diagnostics.js';
import { type Rational, fromDecimalString, fromNumber } from '../core/rational.js';
import { type TargetExpression, parseTargetExpression } from '../core/target-expression.js';
import type { Locator } from '../core/yaml-source.js';
import { foldName } from '../core/text-fold.js';
import { buildUnitRegistry, reportingUnit } from '../core/unit-registry.js';

export interface OutlineTask {
  id: string;
  title: string;
  lead: string[];
  support: string[];
  start?: string;
  due?: string;
  path: JsonPath;
}

export interface EachUnit {
  unit: string;
  population?: Rational;
}

export interface OutlineTarget {
  /** TASK/ID, or ID for a plan-level target */
  ref: string;
  taskId?: string;
  metric: string;
  unit?: string;
  /** as written (aliases resolved); a task target's default is its task's first lead */
  owner?: string;
  /** the target as written, for display and for targets the expression parser does not read */
  written: string;
  expression?: TargetExpression;
  progress?: string;
  baseline?: Rational;
  accumulate?: string;
  combine?: string;
  each?: EachUnit[];
  start?: string;
  due?: string;
  path: JsonPath;
}

interface OutlinePhase {
  id: string;
  title: string;
  start?: string;
  due?: string;
  path: JsonPath;
}

export interface OutlineDuty {
  id: string;
  title: string;
  /** report (the default) or activity */
  kind: string;
  owner: string[];
  every?: string;
  day?: number;
  month?: number;
  due?: string;
  start?: string;
  until?: string;
  path: JsonPath;
}

export interface PlanOutline {
  id: string;
  title: string;
  file: string;
  locator: Pick<Locator, 'locate'>;
  period: { start?: string; end?: string };
  issued?: string;
  population?: Rational;
  tasks: Map<string, OutlineTask>;
  targets: Map<string, OutlineTarget>;
  phases: Map<string, OutlinePhase>;
  duties: Map<string, OutlineDuty>;
  /** KIND@REF tokens of `# approved:` comments in the file */
  approvals: string[];
}

type Mapping = Record<string, unknown>;

const isMapping = (value: unknown): value is Mapping => typeof value === 'object' && value !== null && !Array.isArray(value);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** ids and unit names are compared after NFKC folding and trimming, as everywhere in plan-check */
const fold = foldName;
const textOf = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
const idOf = (value: unknown): string | undefined => {
  const text = textOf(value);
  return text === undefined ? undefined : fold(text);
};
const numberOf = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

function rationalOf(value: unknown): Rational | undefined {
  try {
    if (typeof value === 'number' && Number.isFinite(value)) return fromNumber(value);
    if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)) return fromDecimalString(value.trim());
  } catch {
    // not a number: treated as absent
  }
  return undefined;
}

/** name or alias → the registered name (folded), through the registry every command uses; names outside it stay as written (folded). */
function unitResolver(units: unknown): (name: string) => string {
  const registry = buildUnitRegistry(units);
  return (name) => fold(reportingUnit(registry, name));
}

function unitList(value: unknown, resolve: (name: string) => string): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return items
    .map(textOf)
    .filter((name): name is string => name !== undefined && name.trim() !== '')
    .map(resolve);
}

/** The `# approved: KIND@REF, …` notes of a file (a comment line, or a comment after a value). */
export function readApprovals(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.matchAll(/(?:^|\s)#\s*approved\s*[:：]([^\n]*)/gi)) {
    tokens.push(...match[1]!.split(/[\s,，、;；]+/).filter(Boolean));
  }
  return tokens;
}

function writtenTarget(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (value === undefined) return '';
  return JSON.stringify(value);
}

function readTarget(raw: Mapping, path: JsonPath, ref: string, resolve: (name: string) => string, taskId?: string): OutlineTarget {
  const each = Array.isArray(raw.each)
    ? raw.each.flatMap((entry): EachUnit[] => {
        if (typeof entry === 'string') return [{ unit: resolve(entry) }];
        if (isMapping(entry) && typeof entry.unit === 'string')
          return [{ unit: resolve(entry.unit), population: rationalOf(entry.population) }];
        return [];
      })
    : undefined;
  return {
    ref,
    taskId,
    metric: textOf(raw.metric) ?? '',
    unit: textOf(raw.unit),
    owner: textOf(raw.owner) === undefined ? undefined : resolve(textOf(raw.owner)!),
    written: writtenTarget(raw.target),
    expression: parseTargetExpression(raw.target),
    progress: textOf(raw.progress),
    baseline: rationalOf(raw.baseline),
    accumulate: textOf(raw.accumulate),
    combine: textOf(raw.combine),
    each,
    start: textOf(raw.start),
    due: textOf(raw.due),
    path,
  };
}

function readDuty(raw: Mapping, path: JsonPath, id: string, resolve: (name: string) => string): OutlineDuty {
  return {
    id,
    title: textOf(raw.title) ?? '',
    kind: textOf(raw.kind) ?? 'report',
    owner: unitList(raw.owner, resolve),
    every: textOf(raw.every),
    day: numberOf(raw.day),
    month: numberOf(raw.month),
    due: textOf(raw.due),
    start: textOf(raw.start),
    until: textOf(raw.until),
    path,
  };
}

/** The tasks of a plan with their paths: under sections, or directly under `tasks`. */
function taskEntries(data: Mapping): { raw: Mapping; path: JsonPath }[] {
  const entries: { raw: Mapping; path: JsonPath }[] = [];
  listOf(data.sections).forEach((section, s) => {
    if (isMapping(section))
      listOf(section.tasks).forEach((task, t) => isMapping(task) && entries.push({ raw: task, path: ['sections', s, 'tasks', t] }));
  });
  listOf(data.tasks).forEach((task, t) => isMapping(task) && entries.push({ raw: task, path: ['tasks', t] }));
  return entries;
}

type OutlineResult = { outline: PlanOutline; diagnostics: Diagnostic[] } | { outline?: undefined; diagnostics: Diagnostic[] };

/**
 * The outline of one parsed plan file. Refused (with a diagnostic) when the file is not a mapping,
 * is not `format: plan/1`, or has no id; everything else is read as written, and what cannot be
 * read (a target the parser does not know) is compared as text.
 */
export function outlinePlan(data: unknown, text: string, file: string, locator: Pick<Locator, 'locate'>): OutlineResult {
  if (!isMapping(data)) {
    const actual = Array.isArray(data) ? 'array' : data === null ? 'null' : typeof data;
    return { diagnostics: [makeDiagnostic('wrong-type', file, locator.locate([]), { field: '', expected: 'object', actual }, [])] };
  }
  if (data.format !== 'plan/1') {
    const diagnostic =
      data.format === undefined
        ? makeDiagnostic('missing-key', file, locator.locate([]), { key: 'format' }, [])
        : makeDiagnostic('unknown-format', file, locator.locate(['format']), { value: String(data.format), expected: 'plan/1' }, [
            'format',
          ]);
    return { diagnostics: [diagnostic] };
  }
  const id = idOf(data.id);
  if (id === undefined || id === '') return { diagnostics: [makeDiagnostic('missing-key', file, locator.locate([]), { key: 'id' }, [])] };
  const resolve = unitResolver(data.units);
  const period = isMapping(data.period) ? data.period : {};
  const outline: PlanOutline = {
    id,
    title: textOf(data.title) ?? '',
    file,
    locator,
    period: { start: textOf(period.start), end: textOf(period.end) },
    issued: textOf(data.issued),
    population: rationalOf(data.population),
    tasks: new Map(),
    targets: new Map(),
    phases: new Map(),
    duties: new Map(),
    approvals: readApprovals(text),
  };
  for (const { raw, path } of taskEntries(data)) {
    const taskId = idOf(raw.id);
    if (taskId === undefined || outline.tasks.has(taskId)) continue; // validate reports these
    outline.tasks.set(taskId, {
      id: taskId,
      title: textOf(raw.title) ?? '',
      lead: unitList(raw.lead, resolve),
      support: unitList(raw.support, resolve),
      start: textOf(raw.start),
      due: textOf(raw.due),
      path,
    });
    const targets = listOf(raw.targets);
    targets.forEach((target, index) => {
      if (!isMapping(target)) return;
      const targetId = idOf(target.id) ?? (targets.length === 1 ? '' : undefined);
      if (targetId === undefined) return;
      const ref = targetId === '' ? taskId : `${taskId}/${targetId}`;
      if (!outline.targets.has(ref)) outline.targets.set(ref, readTarget(target, [...path, 'targets', index], ref, resolve, taskId));
    });
  }
  listOf(data.targets).forEach((target, index) => {
    const targetId = isMapping(target) ? idOf(target.id) : undefined;
    if (targetId !== undefined && !outline.targets.has(targetId))
      outline.targets.set(targetId, readTarget(target as Mapping, ['targets', index], targetId, resolve));
  });
  listOf(data.phases).forEach((phase, index) => {
    const phaseId = isMapping(phase) ? idOf(phase.id) : undefined;
    if (phaseId !== undefined && !outline.phases.has(phaseId)) {
      const raw = phase as Mapping;
      outline.phases.set(phaseId, {
        id: phaseId,
        title: textOf(raw.title) ?? '',
        start: textOf(raw.start),
        due: textOf(raw.due),
        path: ['phases', index],
      });
    }
  });
  // `reports` is v1's name of `duties`: a plan moving from one to the other keeps its duties
  for (const key of ['duties', 'reports']) {
    listOf(data[key]).forEach((duty, index) => {
      const dutyId = isMapping(duty) ? idOf(duty.id) : undefined;
      if (dutyId !== undefined && !outline.duties.has(dutyId))
        outline.duties.set(dutyId, readDuty(duty as Mapping, [key, index], dutyId, resolve));
    });
  }
  return { outline, diagnostics: [] };
}
