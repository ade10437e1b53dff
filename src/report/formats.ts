// The output formats, one registry per family: the keys are the --format choices (the first is
// the default), each value loads its formatter when that format is asked for, so a command loads
// only the code of the format it writes. Every formatter of a family has the same signature,
// (report, ctx) => text or bytes. A new format is one file plus one line here.
import type { FormatContext } from './context.js';
import type { DiffReport } from './diff.js';
import type { DeadlinesReport, DiagnosticsReport, GapsReport, PaperReport, StatusReport, TemplateReport, UnitsReport } from './reports.js';

/** Text, or bytes for a binary format (a spreadsheet, which may take a moment to pack). */
export type Formatter<Report> = (report: Report, ctx: FormatContext) => string | Uint8Array | Promise<Uint8Array>;
type Registry<Report> = Record<string, () => Promise<Formatter<Report>>>;

export const statusFormats = {
  table: async () => (await import('./table.js')).formatStatusTable,
  json: async () => (await import('./json.js')).formatStatusJson,
  md: async () => (await import('./markdown.js')).formatStatusMarkdown,
  xlsx: async () => (await import('../io/xlsx-report.js')).reportWorkbook,
  brief: async () => (await import('./brief.js')).formatStatusBrief,
} satisfies Registry<StatusReport>;

export const gapsFormats = {
  table: async () => (await import('./table.js')).formatTargetsTable,
  csv: async () => (await import('./csv.js')).formatTargetsCsv,
  json: async () => (await import('./json.js')).formatTargetsJson,
  md: async () => (await import('./markdown.js')).formatTargetsMarkdown,
  xlsx: async () => (await import('../io/xlsx-report.js')).formatTargetsXlsx,
} satisfies Registry<GapsReport>;

export const deadlinesFormats = {
  table: async () => (await import('./table.js')).formatDeadlinesTable,
  csv: async () => (await import('./csv.js')).formatDeadlinesCsv,
  json: async () => (await import('./json.js')).formatDeadlinesJson,
  md: async () => (await import('./markdown.js')).formatDeadlinesMarkdown,
  xlsx: async () => (await import('../io/xlsx-report.js')).formatDeadlinesXlsx,
} satisfies Registry<DeadlinesReport>;

/** plan-check units: the unit scorecards (units.ts); the spreadsheet is written by io/xlsx-report.ts. */
export const unitsFormats = {
  table: async () => (await import('./units.js')).formatUnitsTable,
  json: async () => (await import('./units.js')).formatUnitsJson,
  csv: async () => (await import('./units.js')).formatUnitsCsv,
  md: async () => (await import('./units.js')).formatUnitsMarkdown,
  xlsx: async () => (await import('../io/xlsx-report.js')).formatUnitsXlsx,
} satisfies Registry<UnitsReport>;

/** Formats that are only written to a file (-o FILE), never to standard output: the spreadsheets. */
export const fileOnlyFormats: readonly string[] = ['xlsx'];

export const diagnosticsFormats = {
  text: async () => (await import('./diagnostics-text.js')).formatValidateText,
  json: async () => (await import('./json.js')).formatDiagnosticsJson,
  github: async () => (await import('./diagnostics-text.js')).formatDiagnosticsGithub,
  sarif: async () => (await import('./sarif.js')).formatSarif,
  junit: async () => (await import('./junit.js')).formatJunit,
} satisfies Registry<DiagnosticsReport>;

export const diffFormats = {
  table: async () => (await import('./diff.js')).formatDiffTable,
  md: async () => (await import('./diff.js')).formatDiffMarkdown,
  json: async () => (await import('./diff.js')).formatDiffJson,
  github: async () => (await import('./diff.js')).formatDiffGithub,
} satisfies Registry<DiffReport>;

/** plan-check report: the meeting paper, one file. HTML first (the default); a spreadsheet is one more line. */
export const reportFormats = {
  html: async () => (await import('./html.js')).formatReportHtml,
  // one workbook: 概况, 指标, 截止事项, 单位 (the status spreadsheet of the same view)
  xlsx: async () => {
    const { reportWorkbook } = await import('../io/xlsx-report.js');
    return (report: PaperReport, ctx: FormatContext) => reportWorkbook(report.status, ctx);
  },
} satisfies Registry<PaperReport>;

/** The fill-in forms of plan-check template; exceljs is loaded only when an .xlsx form is written. */
export const templateFormats = {
  xlsx: async () => (await import('../io/xlsx-write.js')).templateXlsx,
  csv: async () => (await import('./template-csv.js')).templateCsv,
} satisfies Registry<TemplateReport>;

/** The --format choices of a registry, the default first. */
export const formatNames = <R extends Registry<never>>(registry: R): (keyof R & string)[] => Object.keys(registry) as (keyof R & string)[];

/** The formatter of a format already checked against the registry's names. */
export function formatterOf<Report>(registry: Registry<Report>, format: string): Promise<Formatter<Report>> {
  const load = registry[format];
  if (!load) throw new Error(`no formatter "${format}"`);
  return load();
}
