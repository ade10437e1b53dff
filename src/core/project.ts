// Load a whole project: every plan and actuals file parsed, checked and joined, every problem of
// every file collected in one pass. Pure: the caller hands in file contents.
import { type Diagnostic, compareDiagnostics, makeDiagnostic } from './diagnostics.js';
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

export interface Project {
  plans: Plan[];
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
}

function readPlanText(text: string, file: string, options: LoadOptions, loaded: Loaded): void {
  const limits = options.yamlLimits ?? defaultYamlLimits;
  const restored = restoreCached(options.planCache, text, file, limits);
  if (restored) {
    loaded.plans.push(restored);
    return;
  }
  const parsed = parseYaml(text, file, limits, options.yamlCache);
  append(loaded.diagnostics, parsed.diagnostics);
  if (parsed.data === undefined) return;
  const names = cleanPlanNames(parsed.data, text, file, parsed.locator);
  append(loaded.diagnostics, names.diagnostics);
  const numberForms = checkNumberForms(parsed.data, text, file, parsed.locator);
  append(loaded.diagnostics, numberForms);
  const schemaDiagnostics = checkAgainstSchema(getValidator('plan'), names.data, file, parsed.locator);
  append(loaded.diagnostics, schemaDiagnostics);
  const normalised = normalisePlan(names.data, file, parsed.locator);
  append(loaded.diagnostics, normalised.diagnostics);
  if (!normalised.plan) return;
  loaded.plans.push(normalised.plan);
  const clean = parsed.diagnostics.length === 0 && names.diagnostics.length === 0 && numberForms.length === 0 && schemaDiagnostics.length === 0 && normalised.diagnostics.length === 0;
  const snapshot = clean && options.planCache ? snapshotPlan(normalised.plan) : undefined;
  if (snapshot) options.planCache?.set(text, snapshot);
}

function readActualsYamlText(text: string, file: string, options: LoadOptions, loaded: Loaded): void {
  const parsed = parseYaml(text, file, options.yamlLimits ?? defaultYamlLimits, options.yamlCache);
  append(loaded.diagnostics, parsed.diagnostics);
  if (parsed.data === undefined) return;
  const names = cleanActualsNames(parsed.data, text, file, parsed.locator);
  append(loaded.diagnostics, names.diagnostics);
  append(loaded.diagnostics, checkNumberForms(parsed.data, text, file, parsed.locator));
  append(loaded.diagnostics, checkAgainstSchema(getValidator('actuals'), names.data, file, parsed.locator));
  addActuals(loaded, readActualsYaml(names.data, file, parsed.locator));
}

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

export function loadProject(sources: readonly InputFile[], options: LoadOptions = {}): Project {
  const loaded: Loaded = { diagnostics: [], plans: [], actualsFiles: [] };
  const { diagnostics, plans, actualsFiles } = loaded;
  const texts = new Map<string, string>();
  const ordered = [...sources].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const source of ordered) {
    const start = { line: 1, column: 1 };
    const maxBytes = options.maxFileBytes ?? defaultMaxFileBytes;
    const size = 'bytes' in source ? source.bytes.length : source.size;
    if (size > maxBytes) {
      diagnostics.push(makeDiagnostic('file-too-large', source.path, start, { size, limit: maxBytes }));
      continue;
    }
    if ('sheet' in source) {
      addActuals(loaded, readActualsSheet(source.sheet, source.path));
      continue;
    }
    if (source.kind === 'actuals-xlsx') {
      // a spreadsheet's bytes that io/ did not unpack (a caller of the core alone): what can be told without unpacking
      addActuals(loaded, readActualsSheet({ ok: false, problem: 'bytes' in source ? sheetBytesProblem(source.bytes) : 'damaged' }, source.path));
      continue;
    }
    if (!('bytes' in source)) {
      const streamed = readStreamedCsv(source, options);
      if (streamed) {
        addActuals(loaded, streamed);
        continue;
      }
    }
    const decoded = decodeText('bytes' in source ? source.bytes : wholeBytes(source.chunks()), options.encoding);
    if (!decoded.ok) {
      diagnostics.push(makeDiagnostic(decoded.code, source.path, start, { looksLike: decoded.looksLike }));
      continue;
    }
    texts.set(source.path, decoded.text);
    textReaders[source.kind as TextKind](decoded.text, source.path, options, loaded);
  }
  const seenPlans = new Map<string, Plan>();
  for (const plan of plans) {
    const first = seenPlans.get(plan.id);
    if (first) {
      diagnostics.push(makeDiagnostic('duplicate-id', plan.file, plan.place, { kind: 'plan', id: plan.id, firstFile: first.file, firstLine: first.place.line }));
    } else {
      seenPlans.set(plan.id, plan);
    }
  }
  const uniquePlans = [...seenPlans.values()];
  const joined = joinActuals(uniquePlans, actualsFiles);
  append(diagnostics, joined.diagnostics);
  diagnostics.sort(compareDiagnostics);
  return { plans: uniquePlans, actualsFiles, joined, diagnostics, texts };
}

export interface Evaluation {
  asOf: DayNumber;
  warnDays: number;
  targets: TargetResult[];
  deadlines: DeadlineResult[];
}

export function evaluateProject(project: Project, asOf: DayNumber, warnDays: number, settings: EvaluationSettings = defaultEvaluationSettings): Evaluation {
  const targets: TargetResult[] = [];
  const deadlines: DeadlineResult[] = [];
  for (const plan of project.plans) {
    for (const target of allTargets(plan)) {
      targets.push(evaluateTarget(target, project.joined.rowsByTarget.get(target.ref) ?? [], asOf, settings));
    }
    append(deadlines, evaluateDeadlines(plan, project.joined.completions, project.joined.dutyRecords, asOf, warnDays));
  }
  deadlines.sort(compareDeadlines);
  return { asOf, warnDays, targets: sortTargetResults(targets), deadlines };
}

export function countProject(project: Project): { plans: number; tasks: number; targets: number; actualsFiles: number; rows: number } {
  const tasks = project.plans.reduce((n, plan) => n + plan.tasks.length, 0);
  const targets = project.plans.reduce((n, plan) => n + plan.tasks.reduce((m, task) => m + task.targets.length, 0) + plan.targets.length, 0);
  const rows = project.actualsFiles.reduce((n, file) => n + file.rows.length, 0);
  return { plans: project.plans.length, tasks, targets, actualsFiles: project.actualsFiles.length, rows };
}
