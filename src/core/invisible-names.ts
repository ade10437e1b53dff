// Names and ids with invisible characters in them (a zero-width space pasted from a web page, a
// soft hyphen from a word processor, a tag character): one unit would count as several and a ref
// would match nothing. Before anything compares them, the invisible characters are removed from
// every name and id of a plan or an actuals file, each with a warning naming the character.
import { type Diagnostic, type JsonPath, makeDiagnostic } from './diagnostics.js';
import { hasInvisible, invisibleCodePoints, withoutInvisible } from './text-fold.js';
import type { Locator } from './yaml-source.js';

type Data = Record<string, unknown>;
const asObject = (value: unknown): Data | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : undefined;
const asArray = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** A copy of parsed data: mappings keep their prototype (they inherit nothing, src/core/plain-data.ts). */
function copyData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyData);
  if (value && typeof value === 'object') {
    const copy = Object.create(Object.getPrototypeOf(value) as object | null) as Data;
    for (const key of Object.keys(value)) copy[key] = copyData((value as Data)[key]);
    return copy;
  }
  return value;
}

/** A name quoted in a message: the invisible characters shown as <U+XXXX>, never raw. */
const shownName = (text: string): string => {
  const shown = text.replace(
    /\p{Default_Ignorable_Code_Point}/gu,
    (char) => `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`,
  );
  return shown.length > 120 ? `${shown.slice(0, 100)}…` : shown;
};

/** The diagnostic for one name; `field` is the key it was written under. */
export function invisibleWarning(
  file: string,
  position: { line: number; column: number; sheet?: string },
  written: string,
  field: string,
  path?: JsonPath,
): Diagnostic {
  return makeDiagnostic(
    'invisible-character',
    file,
    position,
    { chars: invisibleCodePoints(written), value: shownName(written), name: withoutInvisible(written).trim(), field },
    path,
  );
}

/** The text may hold an invisible character, raw or written as a YAML escape ("\u200b", "\_"). */
const mayHoldInvisible = (text: string): boolean => hasInvisible(text) || text.includes('\\');

class Cleaner {
  readonly diagnostics: Diagnostic[] = [];
  constructor(
    readonly file: string,
    readonly locator: Locator,
  ) {}

  /** The string at `holder[key]` without invisible characters, with a warning when it had any. */
  clean(holder: unknown, key: string | number, path: JsonPath, field = String(key)): void {
    const object = holder as Data | unknown[] | undefined;
    if (!object || typeof object !== 'object') return;
    const value = (object as Data)[key as string];
    if (typeof value !== 'string' || !hasInvisible(value)) return;
    this.diagnostics.push(invisibleWarning(this.file, this.locator.locate(path), value, field, path));
    (object as Data)[key as string] = withoutInvisible(value);
  }

  /** One name or a list of names under `holder[key]`. */
  cleanNames(holder: Data, key: string, path: JsonPath): void {
    const value = holder[key];
    if (Array.isArray(value)) value.forEach((_, index) => this.clean(value, index, [...path, key, index], key));
    else this.clean(holder, key, [...path, key]);
  }
}

interface Cleaned {
  data: unknown;
  diagnostics: Diagnostic[];
}

/**
 * The plan with invisible characters removed from its id, every task, target, phase and duty id,
 * every owner, lead and support unit, the units of `each`, and the registry's names and aliases.
 * The data is copied first (the parsed data may be cached); a text without any invisible
 * character or backslash escape is returned as it is.
 */
export function cleanPlanNames(data: unknown, text: string, file: string, locator: Locator): Cleaned {
  if (!mayHoldInvisible(text)) return { data, diagnostics: [] };
  const root = asObject(copyData(data));
  if (!root) return { data, diagnostics: [] };
  const cleaner = new Cleaner(file, locator);
  cleaner.clean(root, 'id', ['id']);
  asArray(root.units).forEach((entry, index) => {
    const unit = asObject(entry);
    if (!unit) return cleaner.clean(root.units, index, ['units', index], 'units');
    cleaner.clean(unit, 'name', ['units', index, 'name']);
    asArray(unit.aliases).forEach((_, alias) => cleaner.clean(unit.aliases, alias, ['units', index, 'aliases', alias], 'aliases'));
  });
  const cleanTarget = (target: unknown, path: JsonPath): void => {
    const object = asObject(target);
    if (!object) return;
    cleaner.clean(object, 'id', [...path, 'id']);
    cleaner.clean(object, 'owner', [...path, 'owner']);
    asArray(object.each).forEach((entry, index) => {
      const unit = asObject(entry);
      if (unit) cleaner.clean(unit, 'unit', [...path, 'each', index, 'unit']);
      else cleaner.clean(object.each, index, [...path, 'each', index], 'each');
    });
  };
  const cleanTask = (task: unknown, path: JsonPath): void => {
    const object = asObject(task);
    if (!object) return;
    cleaner.clean(object, 'id', [...path, 'id']);
    cleaner.cleanNames(object, 'lead', path);
    cleaner.cleanNames(object, 'support', path);
    asArray(object.targets).forEach((target, index) => cleanTarget(target, [...path, 'targets', index]));
  };
  asArray(root.sections).forEach((section, s) =>
    asArray(asObject(section)?.tasks).forEach((task, t) => cleanTask(task, ['sections', s, 'tasks', t])),
  );
  asArray(root.tasks).forEach((task, index) => cleanTask(task, ['tasks', index]));
  asArray(root.targets).forEach((target, index) => cleanTarget(target, ['targets', index]));
  for (const list of ['phases', 'duties'] as const) {
    asArray(root[list]).forEach((item, index) => {
      const object = asObject(item);
      if (!object) return;
      cleaner.clean(object, 'id', [list, index, 'id']);
      cleaner.cleanNames(object, 'owner', [list, index]);
    });
  }
  return cleaner.diagnostics.length === 0 ? { data, diagnostics: [] } : { data: root, diagnostics: cleaner.diagnostics };
}

/** YAML actuals with invisible characters removed from the plan id, refs, task, phase and duty ids and reporting units. */
export function cleanActualsNames(data: unknown, text: string, file: string, locator: Locator): Cleaned {
  if (!mayHoldInvisible(text)) return { data, diagnostics: [] };
  const root = asObject(copyData(data));
  if (!root) return { data, diagnostics: [] };
  const cleaner = new Cleaner(file, locator);
  cleaner.clean(root, 'plan', ['plan']);
  cleaner.clean(root, 'reported_by', ['reported_by']);
  const fields = { values: ['target', 'reported_by'], done: ['task', 'phase'], duties: ['duty', 'reported_by'] } as const;
  for (const [list, keys] of Object.entries(fields)) {
    asArray(root[list]).forEach((item, index) => {
      const object = asObject(item);
      if (object) for (const key of keys) cleaner.clean(object, key, [list, index, key]);
    });
  }
  return cleaner.diagnostics.length === 0 ? { data, diagnostics: [] } : { data: root, diagnostics: cleaner.diagnostics };
}
