// JUnit XML for `validate --format junit` (GitLab's `reports: junit`, Jenkins, test-report
// actions): one <testcase> per file checked, so clean files show as passing tests; a file with
// errors fails with one <failure> per error; warnings go to the test case's <system-out>.
import type { Diagnostic } from '../core/diagnostics.js';
import type { FormatContext } from './context.js';
import type { CheckedFile, DiagnosticsReport } from './reports.js';
import { diagnosticMessage } from '../i18n/diagnostic-messages.js';
import type { Lang } from '../i18n/labels.js';
import { escapeXmlAttribute, escapeXmlText } from './escape.js';
import { kindsHolding } from '../core/source-kinds.js';

/** One <testsuite> per kind of file, in this order; a kind with no file has no suite. */
const suites: readonly { name: string; kinds: readonly CheckedFile['kind'][] }[] = [
  { name: 'plan-check config', kinds: ['config'] },
  { name: 'plan-check plans', kinds: kindsHolding('plans') },
  { name: 'plan-check actuals', kinds: kindsHolding('actuals') },
];

const attributes = (values: Record<string, string | number>): string =>
  Object.entries(values)
    .map(([key, value]) => ` ${key}="${escapeXmlAttribute(String(value))}"`)
    .join('');

const place = (d: Diagnostic): string => `${d.file}:${d.line}:${d.column}`;

/**
 * `tests` counts test cases (files) and `failures` the test cases that failed (files with at least
 * one error), as JUnit consumers count them, however many <failure> elements a file carries.
 * Times are 0: checking is not a timed test, and the output stays byte-for-byte reproducible.
 */
export function formatDiagnosticsJunit(diagnostics: readonly Diagnostic[], files: readonly CheckedFile[], lang: Lang): string {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of diagnostics) {
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  // each file once; a diagnostic about a file outside the list (the config file) still gets a test case
  const unique = new Map<string, CheckedFile>();
  for (const file of files) if (!unique.has(file.path)) unique.set(file.path, file);
  for (const file of byFile.keys()) if (!unique.has(file)) unique.set(file, { path: file, kind: 'config' });

  let totalTests = 0;
  let totalFailures = 0;
  const body: string[] = [];
  for (const suite of suites) {
    const members = [...unique.values()].filter((f) => suite.kinds.includes(f.kind));
    if (members.length === 0) continue;
    const cases: string[] = [];
    let failures = 0;
    for (const file of members) {
      const found = byFile.get(file.path) ?? [];
      const errors = found.filter((d) => d.severity === 'error');
      const warnings = found.filter((d) => d.severity !== 'error');
      if (errors.length > 0) failures += 1;
      const inner: string[] = [];
      for (const d of errors) {
        const message = `${place(d)} ${d.code}: ${diagnosticMessage(d.code, d.args, lang)}`;
        inner.push(`      <failure${attributes({ message, type: d.code })}>${escapeXmlText(message)}</failure>`);
      }
      if (warnings.length > 0) {
        const text = warnings.map((d) => `${place(d)} warning ${d.code}: ${diagnosticMessage(d.code, d.args, lang)}`).join('\n');
        inner.push(`      <system-out>${escapeXmlText(text)}</system-out>`);
      }
      const open = `    <testcase${attributes({ classname: file.path, name: file.path, file: file.path, time: 0 })}`;
      cases.push(inner.length > 0 ? `${open}>\n${inner.join('\n')}\n    </testcase>` : `${open}/>`);
    }
    totalTests += members.length;
    totalFailures += failures;
    body.push(
      `  <testsuite${attributes({ name: suite.name, tests: members.length, failures, errors: 0, skipped: 0, time: 0 })}>`,
      ...cases,
      '  </testsuite>',
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites${attributes({ name: 'plan-check validate', tests: totalTests, failures: totalFailures, errors: 0, skipped: 0, time: 0 })}>`,
    ...body,
    '</testsuites>',
    '',
  ].join('\n');
}

/** validate --format junit. */
export function formatJunit(report: DiagnosticsReport, ctx: FormatContext): string {
  return formatDiagnosticsJunit(report.diagnostics, report.files, ctx.lang);
}
