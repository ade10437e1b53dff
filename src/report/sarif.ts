// SARIF 2.1.0 for `validate --format sarif`: one run, one rule per diagnostic code, one result per
// diagnostic, in the shape GitHub code scanning (upload-sarif) accepts. No timestamps, no absolute
// working folder: the same input gives the same bytes, so the output can be snapshot-tested.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Diagnostic, type DiagnosticCode, type Severity, diagnosticCodes } from '../core/diagnostics.js';
import { diagnosticMessage } from '../i18n/diagnostic-messages.js';
import { ruleTexts as enRules } from '../i18n/en.js';
import { ruleTexts as zhRules } from '../i18n/zh-CN.js';
import type { Lang } from '../i18n/labels.js';
import { VERSION } from '../version.js';
import type { FormatContext } from './context.js';
import type { DiagnosticsReport } from './reports.js';
import { escapeForMachineText } from './escape.js';

/** The project's home, as the JSON Schemas' `$id`s name it. */
const INFORMATION_URI = 'https://plan-check.dev/';
const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

const codes = Object.keys(diagnosticCodes) as DiagnosticCode[];
const ruleIndex = new Map(codes.map((code, index) => [code, index]));

const level = (severity: Severity): 'error' | 'warning' => severity;

function rules(lang: Lang) {
  return codes.map((code) => {
    const text = (lang === 'zh-CN' ? zhRules : enRules)[code];
    return {
      id: code,
      shortDescription: { text: text.short },
      fullDescription: { text: text.full },
      help: { text: text.full },
      defaultConfiguration: { level: level(diagnosticCodes[code]) },
    };
  });
}

/**
 * A path as a SARIF artifact location: relative paths (forward slashes, as plan-check shows them)
 * against %SRCROOT%, which upload-sarif takes to be the checkout; absolute paths (files outside the
 * working folder) as file: URIs. Percent-encoding keeps spaces and Chinese names valid URIs.
 */
function artifactLocation(file: string): { uri: string; uriBaseId?: string } {
  if (path.isAbsolute(file)) return { uri: pathToFileURL(file).href };
  return { uri: encodeURI(file.split('\\').join('/')).replace(/[?#]/g, encodeURIComponent), uriBaseId: '%SRCROOT%' };
}

/**
 * Column numbering. plan-check's columns count characters (Unicode code points: the CSV reader
 * counts them so, and the text format's caret is placed so). SARIF's default `columnKind` is
 * utf16CodeUnits, and that default is what GitHub code scanning and editors' SARIF viewers
 * implement; a run-level "unicodeCodePoints" is widely ignored. So the columns are converted to
 * UTF-16 code units from the source text (a character outside the BMP, such as an emoji or a rare
 * CJK Extension B ideograph, counts two) and the run says `utf16CodeUnits` explicitly. Without
 * the text (a file that could not be decoded) the column is kept: such diagnostics sit at 1:1.
 */
const ASTRAL = /[\ud800-\udfff]/;

function utf16Column(lines: readonly string[] | undefined, line: number, column: number): number {
  const text = lines?.[line - 1];
  if (text === undefined || column <= 1) return Math.max(column, 1);
  // a line with no character outside the BMP counts the same either way: no copy of it per
  // diagnostic (3,000 diagnostics on one 20 KB CSV header line took seconds)
  if (!ASTRAL.test(text)) return column;
  const chars = [...text];
  const before = chars.slice(0, column - 1).join('').length;
  return before + Math.max(column - 1 - chars.length, 0) + 1;
}

/**
 * partialFingerprints: stable while the line's text is unchanged, even when lines above it are
 * added or removed: a hash of code, file and the trimmed line, with a count for repeats.
 */
function fingerprint(d: Diagnostic, lineText: string | undefined, seen: Map<string, number>): string {
  const hash = createHash('sha256')
    .update(`${d.code}\u0000${d.file}\u0000${lineText === undefined ? `line ${d.line}` : lineText.trim()}`)
    .digest('hex')
    .slice(0, 32);
  const occurrence = (seen.get(hash) ?? 0) + 1;
  seen.set(hash, occurrence);
  return `${hash}:${occurrence}`;
}

interface SarifInput {
  /** every file checked, as displayed (relative to the working folder when inside it) */
  files: readonly string[];
  /** decoded text per displayed path, for UTF-16 columns and fingerprints */
  sources: ReadonlyMap<string, string>;
  lang: Lang;
  /** plan-check's version, for tool.driver */
  version: string;
}

export function formatDiagnosticsSarif(diagnostics: readonly Diagnostic[], input: SarifInput): string {
  const artifacts = [...new Set([...input.files, ...diagnostics.map((d) => d.file)])];
  const artifactIndex = new Map(artifacts.map((file, index) => [file, index]));
  const lineCache = new Map<string, string[] | undefined>();
  const linesOf = (file: string): string[] | undefined => {
    if (!lineCache.has(file)) lineCache.set(file, input.sources.get(file)?.split('\n'));
    return lineCache.get(file);
  };
  const seen = new Map<string, number>();
  const results = diagnostics.map((d) => {
    const lines = linesOf(d.file);
    return {
      ruleId: d.code,
      ruleIndex: ruleIndex.get(d.code)!,
      level: level(d.severity),
      // what a code-scanning page shows: controls, bidi and invisible characters from a file as \uXXXX
      message: { text: escapeForMachineText(diagnosticMessage(d.code, d.args, input.lang)) },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { ...artifactLocation(d.file), index: artifactIndex.get(d.file)! },
            region: { startLine: Math.max(d.line, 1), startColumn: utf16Column(lines, d.line, d.column) },
          },
        },
      ],
      partialFingerprints: { 'planCheckLine/v1': fingerprint(d, lines?.[d.line - 1], seen) },
    };
  });
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'plan-check',
            version: input.version,
            semanticVersion: input.version,
            informationUri: INFORMATION_URI,
            language: input.lang === 'zh-CN' ? 'zh-CN' : 'en-US',
            rules: rules(input.lang),
          },
        },
        language: input.lang === 'zh-CN' ? 'zh-CN' : 'en-US',
        columnKind: 'utf16CodeUnits',
        artifacts: artifacts.map((file) => ({ location: artifactLocation(file), roles: ['analysisTarget'] })),
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** validate --format sarif. */
export function formatSarif(report: DiagnosticsReport, ctx: FormatContext): string {
  return formatDiagnosticsSarif(report.diagnostics, {
    files: report.files.map((file) => file.path),
    sources: report.texts,
    lang: ctx.lang,
    version: VERSION,
  });
}
