// Schema validation with ajv, turned into one readable diagnostic per problem at the offending node.
import type { ErrorObject } from 'ajv';
import { type Diagnostic, type JsonPath, makeDiagnostic } from './diagnostics.js';
import { nearestName } from './edit-distance.js';
import type { Locator } from './yaml-source.js';

export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

export function checkAgainstSchema(
  validate: SchemaValidator,
  data: unknown,
  file: string,
  locator: Locator,
): Diagnostic[] {
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
  return out;
}

export function pointerToPath(pointer: string, data: unknown): JsonPath {
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
      const allowed = Object.keys((error.parentSchema as { properties?: object })?.properties ?? {}).filter((k) => k !== '$schema');
      return makeDiagnostic('unknown-key', file, locator.locate([...path, key], { key: true }), {
        key,
        suggestion: nearestName(key, allowed),
        allowed,
      }, [...path, key]);
    }
    case 'required': {
      const missing = String(error.params.missingProperty);
      // a completion names a task or a phase: the else-branch asks for phase, but either will do
      const key = missing === 'phase' && path[path.length - 2] === 'done' ? 'task | phase' : missing;
      return makeDiagnostic('missing-key', file, at, { key }, path);
    }
    case 'type': {
      const expected = ([] as string[]).concat(error.params.type as string | string[]);
      const finite = typeof error.data === 'boolean' || (typeof error.data === 'number' && Number.isFinite(error.data));
      if (expected.includes('string') && finite) {
        return makeDiagnostic('number-as-text', file, at, { field, text: locator.sourceText(path) ?? String(error.data) }, path);
      }
      return makeDiagnostic('wrong-type', file, at, { field, expected: expected.join('|'), actual: describeType(error.data) }, path);
    }
    case 'const':
      if (field === 'format') return makeDiagnostic('unknown-format', file, at, { value: String(error.data), expected: String(error.params.allowedValue) }, path);
      return makeDiagnostic('invalid-value', file, at, { field, value: String(error.data), allowed: [String(error.params.allowedValue)] }, path);
    case 'enum':
      return makeDiagnostic('invalid-value', file, at, {
        field,
        value: String(error.data),
        allowed: (error.params.allowedValues as unknown[]).map(String),
        suggestion: nearestName(String(error.data), (error.params.allowedValues as unknown[]).map(String)),
      }, path);
    case 'pattern':
      if (error.params.pattern === DATE_PATTERN) {
        return makeDiagnostic('invalid-date', file, at, { field, value: String(error.data) }, path);
      }
      return makeDiagnostic('invalid-value', file, at, { field, value: String(error.data), pattern: String(error.params.pattern) }, path);
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return makeDiagnostic('absurd-number', file, at, { field, value: String(error.data), limit: `${error.params.comparison} ${error.params.limit}` }, path);
    case 'minLength':
      return makeDiagnostic('invalid-value', file, at, { field, value: '', reason: 'empty' }, path);
    case 'maxLength':
      return makeDiagnostic('invalid-value', file, at, { field, value: String(error.data).slice(0, 40), reason: 'too-long', limit: String(error.params.limit) }, path);
    case 'not':
      return makeDiagnostic('invalid-value', file, at, { field, value: '', reason: path[path.length - 2] === 'done' ? 'exclusive-done' : 'exclusive' }, path);
    default:
      return makeDiagnostic('invalid-value', file, at, { field, value: String(error.data ?? ''), reason: error.keyword }, path);
  }
}
