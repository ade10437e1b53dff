// YAML actuals read into rows, completions and duty records that keep their source places. Refs are
// resolved later, when every plan is known (join.ts).
import { readDate } from './dates.js';
import { type Diagnostic, type JsonPath, makeDiagnostic } from './diagnostics.js';
import type { ActualRow, CompletionRecord, DutyRecord, RejectedEntry, SourcePlace } from './model.js';
import { isAbsurdValue, parseValueData } from './actual-value.js';
import { type ReadActuals, absurdArgs, shown } from './actuals-table.js';
import type { Locator } from './yaml-source.js';
import { foldName } from './text-fold.js';

type Data = Record<string, unknown>;
const asObject = (value: unknown): Data | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : undefined;
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asString = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
/** A task id as refs are compared: full-width forms folded (NFKC), as the plan's ids are. */
const asTaskId = (value: unknown): string | undefined => (typeof value === 'string' ? foldName(value) : undefined);

/** The list and index of the entry a path lies in (`values`, 3), or undefined for the file's root. */
function entryOf(path: JsonPath | undefined): string | undefined {
  if (!path || path.length < 2 || typeof path[1] !== 'number' || !['values', 'done', 'duties'].includes(String(path[0]))) return undefined;
  return `${path[0]}/${path[1]}`;
}

/**
 * YAML actuals into rows, completions and duty records. An entry with an error (the schema's,
 * passed in, or one found here) is left out and kept as rejected; an error at the file's root
 * (its plan, its as_of, an unknown key) leaves the whole file out of a partial report.
 */
export function readActualsYaml(data: unknown, file: string, locator: Locator, schemaDiagnostics: readonly Diagnostic[] = []): ReadActuals {
  const diagnostics: Diagnostic[] = [];
  let errors = 0;
  const report = (diagnostic: Diagnostic): void => {
    if (diagnostic.severity === 'error') errors += 1;
    diagnostics.push(diagnostic);
  };
  const place = (path: JsonPath): SourcePlace => locator.place(file, path);
  const root = asObject(data) ?? {};
  const planId = asString(root.plan);
  const entriesWithErrors = new Set<string>();
  let rootError = false;
  for (const diagnostic of schemaDiagnostics) {
    if (diagnostic.severity !== 'error') continue;
    const entry = entryOf(diagnostic.path);
    if (entry === undefined) rootError = true;
    else entriesWithErrors.add(entry);
  }
  const rejected: RejectedEntry[] = [];
  /** Reads one entry; one with an error (the schema's, or found while reading it) is left out, as rejected. */
  const readEntry = <T>(
    list: string,
    index: number,
    read: (path: JsonPath) => T | undefined,
    keep: (entry: T) => void,
    rejectedAs: Omit<RejectedEntry, 'place'>,
  ): void => {
    const path = [list, index];
    const errorsBefore = errors;
    const entry = read(path);
    if (entry !== undefined && errors === errorsBefore && !entriesWithErrors.has(`${list}/${index}`)) keep(entry);
    else if (errors > errorsBefore || entriesWithErrors.has(`${list}/${index}`)) rejected.push({ ...rejectedAs, place: place(path) });
  };
  const date = (value: unknown, path: JsonPath): number | undefined => {
    const day = readDate(value);
    if (day !== 'not-a-day') return day;
    report(
      makeDiagnostic('invalid-date', file, locator.locate(path), { field: String(path[path.length - 1]), value: value as string }, path),
    );
    return undefined;
  };
  const defaultAsOf = date(root.as_of, ['as_of']);
  if (errors > 0) rootError = true;
  const defaultUnit = asString(root.reported_by) ?? '';
  const rows: ActualRow[] = [];
  asArray(root.values).forEach((item, index) => {
    const row = asObject(item);
    if (!row || !planId) return;
    readEntry(
      'values',
      index,
      (path): ActualRow | undefined => {
        const asOf = date(row.as_of, [...path, 'as_of']) ?? defaultAsOf;
        if (row.as_of === undefined && root.as_of === undefined) {
          report(makeDiagnostic('missing-key', file, locator.locate(path), { key: 'as_of' }, path));
        }
        const value = parseValueData(row.value);
        if (typeof value === 'string') {
          // text that is no figure; other types (true, .nan, a list) are the schema's to report
          if (typeof row.value === 'string') {
            report(
              makeDiagnostic('invalid-value-cell', file, locator.locate([...path, 'value']), { value: shown(row.value), problem: value }, [
                ...path,
                'value',
              ]),
            );
          }
          return undefined;
        }
        if (isAbsurdValue(value)) {
          const written =
            locator.sourceText([...path, 'value']) ?? (typeof row.value === 'object' ? JSON.stringify(row.value) : String(row.value));
          report(makeDiagnostic('absurd-number', file, locator.locate([...path, 'value']), absurdArgs(written), [...path, 'value']));
          return undefined;
        }
        if (typeof row.target !== 'string' || asOf === undefined) return undefined;
        return {
          planId,
          targetRef: row.target,
          value,
          asOf,
          reportedBy: asString(row.reported_by) ?? defaultUnit,
          note: asString(row.note),
          place: place(path),
          valuePlace: place([...path, 'value']),
          refPlace: place([...path, 'target']),
        };
      },
      (read) => rows.push(read),
      { kind: 'value', planId, ref: typeof row.target === 'string' ? row.target : undefined },
    );
  });
  const completions: CompletionRecord[] = [];
  asArray(root.done).forEach((item, index) => {
    const record = asObject(item);
    readEntry(
      'done',
      index,
      (path): CompletionRecord | undefined => {
        const day = date(record?.date, [...path, 'date']);
        // a task or phase that is not text (task: 01) was reported by the schema: nothing to look up
        if (!record || !planId || day === undefined || (typeof record.task !== 'string' && typeof record.phase !== 'string'))
          return undefined;
        return { planId, task: asTaskId(record.task), phase: asString(record.phase), date: day, place: place(path) };
      },
      (read) => completions.push(read),
      {
        kind: 'done',
        planId,
        ref:
          typeof record?.task === 'string'
            ? `task/${asTaskId(record.task)}`
            : typeof record?.phase === 'string'
              ? `phase/${record.phase}`
              : undefined,
      },
    );
  });
  const dutyRecords: DutyRecord[] = [];
  asArray(root.duties).forEach((item, index) => {
    const record = asObject(item);
    const due = readDate(record?.due);
    readEntry(
      'duties',
      index,
      (path): DutyRecord | undefined => {
        const dueDay = date(record?.due, [...path, 'due']);
        const done = date(record?.date, [...path, 'date']);
        if (!record || !planId || dueDay === undefined || done === undefined || typeof record.duty !== 'string') return undefined;
        const ownUnit = asString(record.reported_by);
        const unitPlace =
          ownUnit !== undefined ? place([...path, 'reported_by']) : root.reported_by !== undefined ? place(['reported_by']) : place(path);
        return {
          planId,
          duty: record.duty,
          due: dueDay,
          date: done,
          reportedBy: ownUnit ?? defaultUnit,
          place: place(path),
          duePlace: place([...path, 'due']),
          datePlace: place([...path, 'date']),
          unitPlace,
        };
      },
      (read) => dutyRecords.push(read),
      {
        kind: 'duty',
        planId,
        ref: typeof record?.duty === 'string' ? record.duty : undefined,
        due: typeof due === 'number' ? due : undefined,
      },
    );
  });
  return {
    actuals: {
      file,
      planId,
      planPlace: place(['plan']),
      rows,
      completions,
      dutyRecords,
      rejected,
      ...(rootError ? { leftOut: true as const } : {}),
    },
    diagnostics,
  };
}
