// YAML actuals read into rows, completions and duty records that keep their source places. Refs are
// resolved later, when every plan is known (join.ts).
import { readDate } from './dates.js';
import { type Diagnostic, type JsonPath, makeDiagnostic } from './diagnostics.js';
import type { ActualRow, CompletionRecord, DutyRecord, SourcePlace } from './model.js';
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

export function readActualsYaml(data: unknown, file: string, locator: Locator): ReadActuals {
  const diagnostics: Diagnostic[] = [];
  const place = (path: JsonPath): SourcePlace => locator.place(file, path);
  const root = asObject(data) ?? {};
  const planId = asString(root.plan);
  const date = (value: unknown, path: JsonPath): number | undefined => {
    const day = readDate(value);
    if (day !== 'not-a-day') return day;
    diagnostics.push(makeDiagnostic('invalid-date', file, locator.locate(path), { field: String(path[path.length - 1]), value: value as string }, path));
    return undefined;
  };
  const defaultAsOf = date(root.as_of, ['as_of']);
  const defaultUnit = asString(root.reported_by) ?? '';
  const rows: ActualRow[] = [];
  asArray(root.values).forEach((item, index) => {
    const row = asObject(item);
    const path = ['values', index];
    if (!row || !planId) return;
    const asOf = date(row.as_of, [...path, 'as_of']) ?? defaultAsOf;
    if (row.as_of === undefined && root.as_of === undefined) {
      diagnostics.push(makeDiagnostic('missing-key', file, locator.locate(path), { key: 'as_of' }, path));
    }
    const value = parseValueData(row.value);
    if (typeof value === 'string') {
      // text that is no figure; other types (true, .nan, a list) are the schema's to report
      if (typeof row.value === 'string') {
        diagnostics.push(makeDiagnostic('invalid-value-cell', file, locator.locate([...path, 'value']), { value: shown(row.value), problem: value }, [...path, 'value']));
      }
      return;
    }
    if (isAbsurdValue(value)) {
      const written = locator.sourceText([...path, 'value']) ?? (typeof row.value === 'object' ? JSON.stringify(row.value) : String(row.value));
      diagnostics.push(makeDiagnostic('absurd-number', file, locator.locate([...path, 'value']), absurdArgs(written), [...path, 'value']));
      return;
    }
    if (typeof row.target !== 'string' || asOf === undefined) return;
    rows.push({
      planId,
      targetRef: row.target,
      value,
      asOf,
      reportedBy: asString(row.reported_by) ?? defaultUnit,
      note: asString(row.note),
      place: place(path),
      valuePlace: place([...path, 'value']),
      refPlace: place([...path, 'target']),
    });
  });
  const completions: CompletionRecord[] = [];
  asArray(root.done).forEach((item, index) => {
    const record = asObject(item);
    const path = ['done', index];
    const day = date(record?.date, [...path, 'date']);
    // a task or phase that is not text (task: 01) was reported by the schema: nothing to look up
    if (!record || !planId || day === undefined || (typeof record.task !== 'string' && typeof record.phase !== 'string')) return;
    completions.push({ planId, task: asTaskId(record.task), phase: asString(record.phase), date: day, place: place(path) });
  });
  const dutyRecords: DutyRecord[] = [];
  asArray(root.duties).forEach((item, index) => {
    const record = asObject(item);
    const path = ['duties', index];
    const due = date(record?.due, [...path, 'due']);
    const done = date(record?.date, [...path, 'date']);
    if (!record || !planId || due === undefined || done === undefined || typeof record.duty !== 'string') return;
    const ownUnit = asString(record.reported_by);
    const unitPlace = ownUnit !== undefined ? place([...path, 'reported_by']) : root.reported_by !== undefined ? place(['reported_by']) : place(path);
    dutyRecords.push({ planId, duty: record.duty, due, date: done, reportedBy: ownUnit ?? defaultUnit, place: place(path), duePlace: place([...path, 'due']), datePlace: place([...path, 'date']), unitPlace });
  });
  return {
    actuals: { file, planId, planPlace: place(['plan']), rows, completions, dutyRecords },
    diagnostics,
  };
}

