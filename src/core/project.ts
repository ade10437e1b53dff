// Load a whole project: every plan and actuals file parsed, checked and joined, every problem of
// every file collected in one pass. Pure: the caller hands in file contents.
import { type Diagnostic, type JsonPath, compareDiagnostics, makeDiagnostic } from './diagnostics.js';
import { Utf8ChunkDecoder, decodeText } from './decode-text.js';
import { type DeadlineResult, compareDeadlines, evaluateDeadlines } from './deadlines.js';
import type { DayNumber } from './dates.js';
import { type EvaluationSettings, type TargetResult, defaultEvaluationSettings, evaluateTarget, sortTargetResults } from './evaluate.js';
import { type JoinedActuals, joinActuals } from './join.js';
import { type ActualsFile, type Plan, allTargets } from './model.js';
import { normalisePlan } from './plan-normalize.js';
import { CsvActualsReader, type ReadActuals, readActualsCsv } from './actuals-read.js';
import { readActualsYaml } from './actuals-yaml.js';
import { cleanActualsNames, cleanPlanNames } from './invisible-names.js';
import { checkNumberForms } from './yaml-numbers.js';
import { type SheetContents, readActualsSheet, sheetBytesProblem } from './actuals-table.js';
import { checkAgainstSchema } from './schema-check.js';
import { getValidator } from './schema-validators.js';
import { type PlanCache, restorePlan, snapshotPlan } from './plan-snapshot.js';
import { type YamlCache, type YamlLimits, defaultYamlLimits, deferredLocator, parseYaml } from './yaml-source.js';
import { type SourceKind, type TextKind, sourceKindOf } from './source-kinds.js';
import { foldText } from './text-fold.js';

export { type SourceKind, sourceKindOf };

export interface SourceFile {
  /** the path as shown to the user */
  path: string;
  kind: SourceKind;
  bytes: Uint8Array;
}

/** A spreadsheet, its sheet unpacked by io/ (unpacking is asynchronous; the core stays pure and synchronous). */
interface SheetSourceFile {
  path: string;
  kind: 'actuals-xlsx';
  size: number;
  sheet: SheetContents;
}

/**
 * A CSV actuals file given a chunk at a time, so that a big one is never whole in memory. Asked
 * again, `chunks` reads the file again: a file that is not plain UTF-8 is then read whole.
 */
export interface StreamedSourceFile {
  path: string;
  kind: 'actuals-csv';
  size: number;
  chunks: () => Iterable<Uint8Array>;
}

export type InputFile = SourceFile | StreamedSourceFile | SheetSourceFile;

interface LoadOptions {
  encoding?: string;
  delimiter?: string;
  maxFileBytes?: number;
  yamlLimits?: YamlLimits;
  /** parsed YAML kept between runs (absent: parse every file) */
  yamlCache?: YamlCache;
  /** normalised plans kept between runs: a plan that loaded cleanly is not parsed or checked again */
  planCache?: PlanCache;
}

/**
 * A plan file with an error: the plan id it gives (when it can be told), whether a plan came out
 * of it at all, and the refs its errors dropped (`TASK`, `TASK/TARGET`, a plan-level `TARGET`,
 * `duty:ID`), folded as refs are. References into these follow from its errors.
 */
interface PlanFailure {
  file: string;
  planId?: string;
  loaded: boolean;
  dropped: Set<string>;
}

export interface Project {
  plans: Plan[];
  /** plan files with errors (recovered slips alone do not count), in path order */
  planFailures: PlanFailure[];
  actualsFiles: ActualsFile[];
  joined: JoinedActuals;
  diagnostics: Diagnostic[];
  /** decoded text of every file that could be decoded, by path (for code frames); streamed files are not kept */
  texts: Map<string, string>;
}

export const defaultMaxFileBytes = 20 * 1024 * 1024;

/** push(...items) puts every item on the stack: 300,000 rows' diagnostics overflow it. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** A streamed CSV file read as it arrives; undefined when it is not plain UTF-8 (read it whole). */
function readStreamedCsv(source: StreamedSourceFile, options: LoadOptions): ReadActuals | undefined {
  const decoder = new Utf8ChunkDecoder();
  const reader = new CsvActualsReader(source.path, { delimiter: options.delimiter });
  for (const chunk of source.chunks()) {
    const text = decoder.push(chunk);
    if (text === undefined) return undefined;
    reader.push(text);
  }
  const tail = decoder.end();
  if (tail === undefined) return undefined;
  reader.push(tail);
  return reader.end();
}

/** All the chunks in one array. */
export function wholeBytes(chunks: Iterable<Uint8Array>): Uint8Array {
  const parts = [...chunks];
  const bytes = new Uint8Array(parts.reduce((total, part) => total + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

/** A cached plan for this text, if there is one that reads back; a damaged entry is a miss. */
function restoreCached(cache: PlanCache | undefined, text: string, file: string, limits: YamlLimits): Plan | undefined {
  const snapshot = cache?.get(text);
  if (!snapshot) return undefined;
  try {
    return restorePlan(snapshot, file, deferredLocator(text, file, limits));
  } catch {
    return undefined;
  }
}

/** What the readers add to as the files are read. */
interface Loaded {
  diagnostics: Diagnostic[];
  plans: Plan[];
  actualsFiles: ActualsFile[];
  planFailures: PlanFailure[];
}

/** The id a plan file gives, read from its text when it did not parse (ids are ASCII, so any decoding of the bytes finds it). */
function planIdInText(text: string): string | undefined {
  return /^id:[ \t]*["']?([a-z0-9][a-z0-9-]*)["']?[ \t]*(?:#.*)?$/m.exec(text)?.[1];
}

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
const asItems = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
/** An id as written in the raw data: text, or a bare number as its text. */
const rawId = (value: unknown): string | undefined =>
  typeof value === 'string' ? foldText(value) : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;

/** The refs the plan's raw data names that its normalised plan lacks: what its errors dropped. */
function droppedRefs(data: unknown, plan: Plan | undefined): Set<string> {
  const root = asRecord(data);
  const dropped = new Set<string>();
  if (!root) return dropped;
  const kept = new Set<string>(
    plan
      ? [
          ...plan.tasks.flatMap((task) => [task.id, ...task.targets.map((target) => `${task.id}/${target.id}`)]),
          ...plan.targets.map((target) => target.id),
          ...plan.duties.map((duty) => `duty:${duty.id}`),
        ]
      : [],
  );
  const note = (ref: string): void => {
    if (!kept.has(ref)) dropped.add(ref);
  };
  const tasks = [...asItems(root.tasks), ...asItems(root.sections).flatMap((section) => asItems(asRecord(section)?.tasks))];
  for (const item of tasks) {
    const task = asRecord(item);
    const taskId = rawId(task?.id);
    if (taskId === undefined) continue;
    note(taskId);
    for (const target of asItems(task?.targets)) {
      const targetId = rawId(asRecord(target)?.id);
      if (targetId !== undefined) note(`${taskId}/${targetId}`);
    }
  }
  for (const target of asItems(root.targets)) {
    const targetId = rawId(asRecord(target)?.id);
    if (targetId !== undefined) note(targetId);
  }
  for (const duty of asItems(root.duties)) {
    const dutyId = rawId(asRecord(duty)?.id);
    if (dutyId !== undefined) note(`duty:${dutyId}`);
  }
  return dropped;
}

const sameJsonPath = (a: JsonPath | undefined, b: JsonPath): boolean =>
  a !== undefined && a.length === b.length && a.every((part, index) => part === b[index]);

/** A YAML input read up to its model: parsed, names cleared of invisible characters, number forms and the schema checked. */
interface YamlInput {
  parsed: ReturnType<typeof parseYaml>;
  /** the data with its names cleaned; undefined when the text did not parse */
  data?: unknown;
  /** the diagnostics of the cleaning and the number forms, already in `loaded`; the schema's are left to the caller */
  checked: Diagnostic[];
  schemaDiagnostics: Diagnostic[];
}

function readYamlInput(kind: 'plan' | 'actuals', text: string, file: string, options: LoadOptions, loaded: Loaded): YamlInput {
  const parsed = parseYaml(text, file, options.yamlLimits ?? defaultYamlLimits, options.yamlCache);
  append(loaded.diagnostics, parsed.diagnostics);
  if (parsed.data === undefined) return { parsed, checked: [], schemaDiagnostics: [] };
  const names = (kind === 'plan' ? cleanPlanNames : cleanActualsNames)(parsed.data, text, file, parsed.locator);
  const checked = [...names.diagnostics, ...checkNumberForms(parsed.data, text, file, parsed.locator)];
  append(loaded.diagnostics, checked);
  const schemaDiagnostics = checkAgainstSchema(getValidator(kind), names.data, file, parsed.locator);
  return { parsed, data: names.data, checked, schemaDiagnostics };
}

const hasError = (diagnostics: readonly Diagnostic[]): boolean => diagnostics.some((d) => d.severity === 'error' && !d.recovered);

/** A slip read the one way it can be meant: its schema error stands, marked recovered. */
function markRecovered(diagnostics: Diagnostic[], recovered: readonly JsonPath[]): Diagnostic[] {
  if (recovered.length === 0) return diagnostics;
  return diagnostics.map((d) => (recovered.some((path) => sameJsonPath(d.path, path)) ? { ...d, recovered: true as const } : d));
}

function readPlanText(text: string, file: string, options: LoadOptions, loaded: Loaded): void {
  const restored = restoreCached(options.planCache, text, file, options.yamlLimits ?? defaultYamlLimits);
  if (restored) {
    loaded.plans.push(restored);
    return;
  }
  const input = readYamlInput('plan', text, file, options, loaded);
  if (input.data === undefined) {
    if (hasError(input.parsed.diagnostics))
      loaded.planFailures.push({ file, planId: planIdInText(text), loaded: false, dropped: new Set() });
    return;
  }
  const normalised = normalisePlan(input.data, file, input.parsed.locator);
  const marked = markRecovered(input.schemaDiagnostics, normalised.recovered);
  append(loaded.diagnostics, marked);
  append(loaded.diagnostics, normalised.diagnostics);
  if (hasError([...input.parsed.diagnostics, ...input.checked, ...marked, ...normalised.diagnostics])) {
    const root = asRecord(input.data);
    loaded.planFailures.push({
      file,
      planId: normalised.plan?.id ?? (typeof root?.id === 'string' ? root.id : planIdInText(text)),
      loaded: normalised.plan !== undefined,
      dropped: droppedRefs(input.data, normalised.plan),
    });
  }
  if (!normalised.plan) return;
  loaded.plans.push(normalised.plan);
  const clean = [input.parsed.diagnostics, input.checked, input.schemaDiagnostics, normalised.diagnostics].every(
    (list) => list.length === 0,
  );
  const snapshot = clean && options.planCache ? snapshotPlan(normalised.plan) : undefined;
  if (snapshot) options.planCache?.set(text, snapshot);
}

function readActualsYamlText(text: string, file: string, options: LoadOptions, loaded: Loaded): void {
  const input = readYamlInput('actuals', text, file, options, loaded);
  if (input.data === undefined) {
    if (hasError(input.parsed.diagnostics)) loaded.actualsFiles.push(leftOutActuals(file));
    return;
  }
  append(loaded.diagnostics, input.schemaDiagnostics);
  // an entry with an error in it is left out: a number form's or the schema's alike
  addActuals(loaded, readActualsYaml(input.data, file, input.parsed.locator, [...input.checked, ...input.schemaDiagnostics]));
}

/** An actuals file that could not be read at all: nothing of it is used, and a partial report names it. */
const leftOutActuals = (file: string): ActualsFile => ({
  file,
  planPlace: { file, line: 1, column: 1 },
  rows: [],
  completions: [],
  dutyRecords: [],
  leftOut: true,
});

function addActuals(loaded: Loaded, read: ReadActuals): void {
  append(loaded.diagnostics, read.diagnostics);
  loaded.actualsFiles.push(read.actuals);
}

/** The reader of each kind whose contents are text. */
const textReaders: Record<TextKind, (text: string, file: string, options: LoadOptions, loaded: Loaded) => void> = {
  plan: readPlanText,
  'actuals-yaml': readActualsYamlText,
  'actuals-csv': (text, file, options, loaded) => addActuals(loaded, readActualsCsv(text, file, { delimiter: options.delimiter })),
};

/** A file whose bytes are not text in any encoding plan-check reads: reported, and left out (a plan by the id its bytes give). */
function leaveOutUndecodable(source: InputFile, decoded: Extract<ReturnType<typeof decodeText>, { ok: false }>, loaded: Loaded): void {
  loaded.diagnostics.push(makeDiagnostic(decoded.code, source.path, { line: 1, column: 1 }, { looksLike: decoded.looksLike }));
  if (source.kind === 'plan' && 'bytes' in source)
    loaded.planFailures.push({
      file: source.path,
      planId: planIdInText(new TextDecoder('latin1').decode(source.bytes)),
      loaded: false,
      dropped: new Set(),
    });
  else if (source.kind !== 'plan') loaded.actualsFiles.push(leftOutActuals(source.path));
}

/**
 * One input file into `loaded`, by its kind: too large, an unpacked sheet, spreadsheet bytes io/
 * did not unpack, a streamed CSV, else text decoded and read. Returns the decoded text, if any.
 * A file that cannot be read at all is recorded as left out (a plan failure, or actuals unused).
 */
function readSource(source: InputFile, options: LoadOptions, loaded: Loaded): string | undefined {
  const start = { line: 1, column: 1 };
  const maxBytes = options.maxFileBytes ?? defaultMaxFileBytes;
  const size = 'bytes' in source ? source.bytes.length : source.size;
  if (size > maxBytes) {
    loaded.diagnostics.push(makeDiagnostic('file-too-large', source.path, start, { size, limit: maxBytes }));
    if (source.kind === 'plan') loaded.planFailures.push({ file: source.path, loaded: false, dropped: new Set() });
    else loaded.actualsFiles.push(leftOutActuals(source.path));
    return undefined;
  }
  if ('sheet' in source) {
    addActuals(loaded, readActualsSheet(source.sheet, source.path));
    return undefined;
  }
  if (source.kind === 'actuals-xlsx') {
    // a spreadsheet's bytes that io/ did not unpack (a caller of the core alone): what can be told without unpacking
    addActuals(
      loaded,
      readActualsSheet({ ok: false, problem: 'bytes' in source ? sheetBytesProblem(source.bytes) : 'damaged' }, source.path),
    );
    return undefined;
  }
  const streamed = 'bytes' in source ? undefined : readStreamedCsv(source, options);
  if (streamed) {
    addActuals(loaded, streamed);
    return undefined;
  }
  const decoded = decodeText('bytes' in source ? source.bytes : wholeBytes(source.chunks()), options.encoding);
  if (!decoded.ok) {
    leaveOutUndecodable(source, decoded, loaded);
    return undefined;
  }
  textReaders[source.kind as TextKind](decoded.text, source.path, options, loaded);
  return decoded.text;
}

/** Each plan id once: a second plan with an id already loaded is reported and left out. */
function uniquePlans(loaded: Loaded): Plan[] {
  const seenPlans = new Map<string, Plan>();
  for (const plan of loaded.plans) {
    const first = seenPlans.get(plan.id);
    if (first) {
      loaded.diagnostics.push(
        makeDiagnostic('duplicate-id', plan.file, plan.place, {
          kind: 'plan',
          id: plan.id,
          firstFile: first.file,
          firstLine: first.place.line,
        }),
      );
      if (!loaded.planFailures.some((failure) => failure.file === plan.file))
        loaded.planFailures.push({ file: plan.file, planId: plan.id, loaded: false, dropped: new Set() });
    } else {
      seenPlans.set(plan.id, plan);
    }
  }
  return [...seenPlans.values()];
}

export function loadProject(sources: readonly InputFile[], options: LoadOptions = {}): Project {
  const loaded: Loaded = { diagnostics: [], plans: [], actualsFiles: [], planFailures: [] };
  const { diagnostics, actualsFiles, planFailures } = loaded;
  const texts = new Map<string, string>();
  const ordered = [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const source of ordered) {
    const text = readSource(source, options, loaded);
    if (text !== undefined) texts.set(source.path, text);
  }
  const planList = uniquePlans(loaded);
  const joined = joinActuals(planList, actualsFiles, planFailures);
  append(diagnostics, joined.diagnostics);
  diagnostics.sort(rootCausesFirst);
  return { plans: planList, planFailures, actualsFiles, joined, diagnostics, texts };
}

/** Plan files before actuals files (what the actuals refer to comes first), then by file, line and column. */
export function rootCausesFirst(a: Diagnostic, b: Diagnostic): number {
  return fileRank(a.file) - fileRank(b.file) || compareDiagnostics(a, b);
}

const fileRanks = new Map<string, number>();
function fileRank(file: string): number {
  let rank = fileRanks.get(file);
  if (rank === undefined) {
    rank = sourceKindOf(file) === 'plan' ? 0 : 1;
    if (fileRanks.size > 10_000) fileRanks.clear();
    fileRanks.set(file, rank);
  }
  return rank;
}

export interface Evaluation {
  asOf: DayNumber;
  warnDays: number;
  targets: TargetResult[];
  deadlines: DeadlineResult[];
}

export function evaluateProject(
  project: Project,
  asOf: DayNumber,
  warnDays: number,
  settings: EvaluationSettings = defaultEvaluationSettings,
): Evaluation {
  const targets: TargetResult[] = [];
  const deadlines: DeadlineResult[] = [];
  const lost = project.joined.lost;
  for (const plan of project.plans) {
    // in the order of the plan's text: plan-level targets where they are written, not after the tasks'
    for (const target of [...allTargets(plan)].sort((a, b) => a.place.line - b.place.line)) {
      const result = evaluateTarget(target, project.joined.rowsByTarget.get(target.ref) ?? [], asOf, settings);
      const dataErrors = lost.targets.get(target.ref);
      targets.push(dataErrors === undefined ? result : { ...result, dataErrors });
    }
    for (const result of evaluateDeadlines(plan, project.joined.completions, project.joined.dutyRecords, asOf, warnDays)) {
      // a duty record whose occurrence could not be read may have been for any occurrence of its duty
      const anyOccurrence = result.ref.includes('@')
        ? (lost.deadlines.get(`${result.ref.slice(0, result.ref.lastIndexOf('@'))}@*`) ?? 0)
        : 0;
      const dataErrors = (lost.deadlines.get(result.ref) ?? 0) + (result.status === 'done' ? 0 : anyOccurrence);
      deadlines.push(dataErrors === 0 ? result : { ...result, dataErrors });
    }
  }
  deadlines.sort(compareDeadlines);
  return { asOf, warnDays, targets: sortTargetResults(targets), deadlines };
}

export function countProject(project: Project): { plans: number; tasks: number; targets: number; actualsFiles: number; rows: number } {
  const tasks = project.plans.reduce((n, plan) => n + plan.tasks.length, 0);
  const targets = project.plans.reduce(
    (n, plan) => n + plan.tasks.reduce((m, task) => m + task.targets.length, 0) + plan.targets.length,
    0,
  );
  const rows = project.actualsFiles.reduce((n, file) => n + file.rows.length, 0);
  return { plans: project.plans.length, tasks, targets, actualsFiles: project.actualsFiles.length, rows };
}
