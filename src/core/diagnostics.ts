// Diagnostics are data: a stable code, a severity, a place, and the arguments its message needs.
// The message text lives in the catalog (src/i18n), so core never decides the user's language.

export const diagnosticCodes = {
  // reading files
  'file-unreadable': 'error',
  'file-encoding': 'error',
  'file-binary': 'error',
  'file-too-large': 'error',
  'file-text-too-long': 'error',
  'file-empty': 'error',
  'draft-unsupported-file': 'error',
  // YAML structure
  'yaml-syntax': 'error',
  'yaml-duplicate-key': 'error',
  'yaml-alias': 'error',
  'yaml-tag': 'error',
  'yaml-multiple-documents': 'error',
  'yaml-directive': 'warning',
  'yaml-key-not-scalar': 'error',
  'yaml-too-deep': 'error',
  'yaml-too-many-nodes': 'error',
  'yaml-number-form': 'error',
  // schema
  'unknown-key': 'error',
  'renamed-key': 'error',
  'missing-key': 'error',
  'wrong-type': 'error',
  'number-as-text': 'error',
  'invalid-value': 'error',
  'unknown-format': 'error',
  // plan semantics
  'invalid-date': 'error',
  'duplicate-id': 'error',
  'start-after-due': 'error',
  'period-too-long': 'error',
  'too-many-deadlines': 'error',
  'due-outside-period': 'warning',
  'missing-population': 'error',
  'invalid-target': 'error',
  'target-unit-conflict': 'error',
  'unknown-unit': 'error',
  'absurd-number': 'error',
  'baseline-not-allowed': 'error',
  'baseline-above-target': 'error',
  'each-with-combine': 'error',
  'each-missing-population': 'error',
  'target-id-is-task-id': 'error',
  // actuals
  'unknown-plan': 'error',
  'unknown-ref': 'error',
  'value-kind-mismatch': 'error',
  'invalid-value-cell': 'error',
  'negative-value': 'error',
  'done-exceeds-of': 'error',
  'zero-of': 'error',
  'as-of-outside-period': 'warning',
  'percent-needs-fraction': 'error',
  'duplicate-row': 'warning',
  'unknown-occurrence': 'warning',
  'missing-reported-by': 'error',
  'not-duty-owner': 'warning',
  'record-before-start': 'error',
  'each-unit-not-listed': 'warning',
  'similar-units': 'warning',
  'invisible-character': 'warning',
  // CSV
  'csv-syntax': 'error',
  'csv-unknown-column': 'error',
  'csv-duplicate-column': 'error',
  'csv-missing-column': 'error',
  // XLSX
  'xlsx-unreadable': 'error',
  'xlsx-formula-no-value': 'error',
  'xlsx-date-serial': 'warning',
} as const satisfies Record<string, Severity>;

export type Severity = 'error' | 'warning';
export type DiagnosticCode = keyof typeof diagnosticCodes;
export type DiagnosticArgs = Record<string, string | number | readonly string[] | undefined>;
export type JsonPath = readonly (string | number)[];

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  /** JSON path inside the file, when the problem belongs to a node */
  path?: JsonPath;
  args: DiagnosticArgs;
  /** the sheet of a spreadsheet: line and column are then its row and column (报送!C7) */
  sheet?: string;
  /** a slip read the one way it can be meant (`id: 1` as "1"): the error stands, the input loads as if it were right */
  recovered?: true;
  /**
   * An error that follows from another: a reference to a plan that did not load (`plan`), or to a
   * task, target or duty dropped from its plan by an error there (`target`). Text output folds
   * these into one line per cause; the machine formats keep each one, marked.
   */
  follows?: 'plan' | 'target';
}

export interface Position {
  line: number;
  column: number;
  sheet?: string;
}

export function makeDiagnostic(
  code: DiagnosticCode,
  file: string,
  position: Position,
  args: DiagnosticArgs = {},
  path?: JsonPath,
): Diagnostic {
  const diagnostic: Diagnostic = { code, severity: diagnosticCodes[code], file, line: position.line, column: position.column, path, args };
  if (position.sheet !== undefined) diagnostic.sheet = position.sheet;
  return diagnostic;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
}
