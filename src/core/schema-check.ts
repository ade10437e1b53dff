// Schema validation with ajv, turned into one readable diagnostic per problem at the offending node.
import type { ErrorObject } from 'ajv';
import { type Diagnostic, type JsonPath, makeDiagnostic } from './diagnostics.js';
import { nearestName } from './edit-distance.js';
import { acceptedTargetForms } from './target-expression.js';
import type { Locator } from './yaml-source.js';

export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** The schemas' identifier patterns, as a person would say them. */
const patternRules: Record<string, string> = {
  '^[a-z0-9][a-z0-9-]*$': 'plan-id',
  '^[A-Za-z0-9][A-Za-z0-9_-]*$': 'slug',
  '^[^/:@\\s]+$': 'task-id',
};

/** A value quoted in a message: never a megabyte of it. */
function shown(value: unknown): string {
  const text = String(value ?? '');
  return text.length > 80 ? `${[...text.slice(0, 100)].slice(0, 60).join('')}…` : text;
}

/**
 * Keys that format v2 renamed, with the new name: an old file gets an error naming it, never a
 * second spelling that is silently accepted. `at` says where in a file the old key belonged.
 */
const renamedKeys: { key: string; name: string; at: (path: JsonPath) => boolean }[] = [
  { key: 'reports', name: 'duties', at: (path) => path.length === 0 },
  { key: 'submitted', name: 'date', at: (path) => path.length === 2 && path[0] === 'duties' },
];

/** `target: 1900` where `target: ">= 1900"` was meant: the path of a target's expression. */
const isTargetExpression = (path: JsonPath): boolean => path[path.length - 1] === 'target' && path[path.length - 3] === 'targets';

export function checkAgainstSchema(validate: SchemaValidator, data: unknown, file: string, locator: Locator): Diagnostic[] {
  if (validate(data)) return [];
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const error of validate.errors ?? []) {
    const diagnostic = toDiagnostic(error, data, file, locator);
    if (!diagnostic) continue;
    const identity = `${diagnostic.line}:${diagnostic.column}:${diagnostic.code}:${JSON.stringify(diagnostic.args)}`;
    if (seen.has(identity)) continue;
    seen.add(identity);
    out.push(diagnostic);
  }
  return withoutMissingRenamed(out);
}

/** `submitted` where `date` is now required: the rename says it all, a second "missing date" would not help. */
function withoutMissingRenamed(diagnostics: Diagnostic[]): Diagnostic[] {
  const renamed = diagnostics.filter((d) => d.code === 'renamed-key');
  if (renamed.length === 0) return diagnostics;
  const parentOf = (d: Diagnostic): string => JSON.stringify(d.path?.slice(0, -1) ?? []);
  const renamedTo = new Set(renamed.map((d) => `${parentOf(d)}\u0000${String(d.args.name)}`));
  return diagnostics.filter(
    (d) => d.code !== 'missing-key' || !renamedTo.has(`${JSON.stringify(d.path ?? [])}\u0000${String(d.args.key)}`),
  );
}

function pointerToPath(pointer: string, data: unknown): JsonPath {
  if (pointer === '') return [];
  const path: (string | number)[] = [];
  let node: unknown = data;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      path.push(Number(segment));
      node = node[Number(segment)];
    } else {
      path.push(segment);
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'object') return 'mapping';
  return typeof value;
}

function toDiagnostic(error: ErrorObject, data: unknown, file: string, locator: Locator): Diagnostic | undefined {
  const path = pointerToPath(error.instancePath, data);
  const at = locator.locate(path);
  const field = String(path[path.length - 1] ?? '');
  switch (error.keyword) {
    case 'if':
      return undefined; // the branch's own errors say what is wrong
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const renamed = renamedKeys.find((entry) => entry.key === key && entry.at(path));
      if (renamed)
        return makeDiagnostic('renamed-key', file, locator.locate([...path, key], { key: true }), { key, name: renamed.name }, [
          ...path,
          key,
        ]);
      const allowed = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {}).filter((k) => k !== '$schema');
      return makeDiagnostic(
        'unknown-key',
        file,
        locator.locate([...path, key], { key: true }),
        {
          key,
          suggestion: nearestName(key, allowed),
          allowed,
        },
        [...path, key],
      );
    }
    case 'required': {
      const missing = String(error.params.missingProperty);
      // a completion names a task or a phase: the else-branch asks for phase, but either will do
      const key = missing === 'phase' && path[path.length - 2] === 'done' ? 'task | phase' : missing;
      return makeDiagnostic('missing-key', file, at, { key }, path);
    }
    case 'type': {
      const expected = ([] as string[]).concat(error.params.type as string | string[]);
      const value = error.data as unknown;
      const written = (): string => shown(locator.sourceText(path) ?? String(value));
      if (typeof value === 'number' && (error.parentSchema as { pattern?: string } | undefined)?.pattern === DATE_PATTERN) {
        // 45076 is what a spreadsheet keeps for 2023-05-30; quoting it would not make it a date
        return makeDiagnostic(
          'invalid-date',
          file,
          at,
          { field, value: written(), hint: /^\d{5}$/.test(written()) ? 'serial' : undefined },
          path,
        );
      }
      if (typeof value === 'number' && Number.isFinite(value) && isTargetExpression(path)) {
        return makeDiagnostic(
          'invalid-target',
          file,
          at,
          { value: written(), suggestion: `>= ${written()}`, forms: [...acceptedTargetForms] },
          path,
        );
      }
      if (typeof value === 'number' && !Number.isFinite(value)) {
        // .nan, .inf, 1e400: YAML numbers, but no figure
        return makeDiagnostic('wrong-type', file, at, { field, expected: expected.join('|'), actual: written() }, path);
      }
      const finite = typeof value === 'boolean' || typeof value === 'number';
      // quoting helps only where text is what belongs (id: 01), not where a number would do too
      if (expected.includes('string') && !expected.includes('number') && finite) {
        return makeDiagnostic(
          'number-as-text',
          file,
          at,
          { field, text: written(), kind: typeof value === 'boolean' ? 'boolean' : undefined },
          path,
        );
      }
      return makeDiagnostic('wrong-type', file, at, { field, expected: expected.join('|'), actual: describeType(value) }, path);
    }
    case 'const':
      if (field === 'format')
        return makeDiagnostic('unknown-format', file, at, { value: String(error.data), expected: String(error.params.allowedValue) }, path);
      return makeDiagnostic(
        'invalid-value',
        file,
        at,
        { field, value: String(error.data), allowed: [String(error.params.allowedValue)] },
        path,
      );
    case 'enum':
      return makeDiagnostic(
        'invalid-value',
        file,
        at,
        {
          field,
          value: String(error.data),
          allowed: (error.params.allowedValues as unknown[]).map(String),
          suggestion: nearestName(String(error.data), (error.params.allowedValues as unknown[]).map(String)),
        },
        path,
      );
    case 'pattern':
      if (error.params.pattern === DATE_PATTERN) {
        return makeDiagnostic('invalid-date', file, at, { field, value: shown(error.data) }, path);
      }
      return makeDiagnostic(
        'invalid-value',
        file,
        at,
        { field, value: shown(error.data), pattern: String(error.params.pattern), rule: patternRules[String(error.params.pattern)] },
        path,
      );
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return makeDiagnostic(
        'absurd-number',
        file,
        at,
        { field, value: String(error.data), limit: `${error.params.comparison} ${error.params.limit}` },
        path,
      );
    case 'minLength':
      return makeDiagnostic('invalid-value', file, at, { field, value: '', reason: 'empty' }, path);
    case 'maxLength':
      return makeDiagnostic(
        'invalid-value',
        file,
        at,
        { field, value: String(error.data).slice(0, 40), reason: 'too-long', limit: String(error.params.limit) },
        path,
      );
    case 'not':
      // every and due together: point at due, the key to remove for a recurring duty
      if (path[path.length - 2] === 'duties')
        return makeDiagnostic(
          'invalid-value',
          file,
          locator.locate([...path, 'due'], { key: true }),
          { field, value: '', reason: 'exclusive' },
          [...path, 'due'],
        );
      return makeDiagnostic(
        'invalid-value',
        file,
        at,
        { field, value: '', reason: path[path.length - 2] === 'done' ? 'exclusive-done' : 'exclusive' },
        path,
      );
    default:
      return makeDiagnostic('invalid-value', file, at, { field, value: String(error.data ?? ''), reason: error.keyword }, path);
  }
}
