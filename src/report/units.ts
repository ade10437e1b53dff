// plan-check units in text: the terminal table, JSON, CSV and Markdown of the unit scorecards.
// The human tables leave out the status columns no unit has (the lights are always there); JSON
// and CSV keep every column.
import { stringify } from 'csv-stringify/sync';
import type { Light } from '../core/lights.js';
import { type TargetStatus, targetStatuses } from '../core/statuses.js';
import { type Lang, t } from '../i18n/labels.js';
import type { FormatContext } from './context.js';
import { neutraliseFormula } from './csv.js';
import { displayPercent, safeText } from './display.js';
import { markdownText } from './markdown.js';
import type { UnitsReport } from './reports.js';
import type { UnitScorecardRow } from './rows.js';
import { statusLabel } from './status-text.js';
import { makeTable } from './table.js';
import { wrapToWidth } from './wrap.js';

const scorecardLights: readonly Light[] = ['red', 'yellow', 'green', 'grey'];

/** A column of the scorecard: its header and its figure (a rate is a fraction, null when nothing was due). */
interface UnitColumn {
  header: string;
  value: (row: UnitScorecardRow) => string | number | null;
  rate?: boolean;
}

/** A column's figure as the human tables show it. */
function cellText(column: UnitColumn, row: UnitScorecardRow): string {
  const value = column.value(row);
  if (column.rate) return displayPercent(typeof value === 'number' ? value : null);
  return value === null ? '—' : String(value);
}

/** The statuses some unit has: the others would be a column of zeros. */
export const statusesPresent = (rows: readonly UnitScorecardRow[]): TargetStatus[] =>
  targetStatuses.filter((status) => rows.some((row) => row.statuses[status] > 0));

/** The scorecard's columns in order, for the human tables and the spreadsheet (io/xlsx-report.ts, every status). */
export function unitColumns(lang: Lang, statuses: readonly TargetStatus[] = targetStatuses): UnitColumn[] {
  return [
    { header: t(lang, 'col.unit'), value: (row) => row.unit },
    { header: t(lang, 'col.targets'), value: (row) => row.targets },
    ...scorecardLights.map((light) => ({ header: t(lang, `col.light_${light}`), value: (row: UnitScorecardRow) => row.lights[light] })),
    ...statuses.map((status) => ({
      header: t(lang, 'col.targets_with_status', { status: statusLabel(lang, status) }),
      value: (row: UnitScorecardRow) => row.statuses[status],
    })),
    { header: t(lang, 'col.stale'), value: (row) => row.stale },
    { header: t(lang, 'col.due_so_far'), value: (row) => row.due_so_far },
    { header: t(lang, 'col.on_time'), value: (row) => row.on_time },
    { header: t(lang, 'col.late'), value: (row) => row.late },
    { header: t(lang, 'col.overdue'), value: (row) => row.overdue },
    { header: t(lang, 'col.on_time_rate'), value: (row) => row.on_time_rate, rate: true },
    { header: t(lang, 'col.reports_on_time_rate'), value: (row) => row.reports.on_time_rate, rate: true },
  ];
}

const heading = (report: UnitsReport, lang: Lang): string => t(lang, 'heading.units', { asOf: report.asOf, column: report.sort });

export function formatUnitsTable(report: UnitsReport, ctx: FormatContext): string {
  const columns = unitColumns(ctx.lang, statusesPresent(report.rows));
  const cells = report.rows.map((row) =>
    columns.map((column, index) => (index === 0 ? wrapToWidth(safeText(cellText(column, row)), 16) : cellText(column, row))),
  );
  return `${ctx.chalk.bold(heading(report, ctx.lang))}\n${makeTable(
    columns.map((column) => column.header),
    cells,
    ctx,
  )}\n`;
}

export function formatUnitsMarkdown(report: UnitsReport, ctx: FormatContext): string {
  const columns = unitColumns(ctx.lang, statusesPresent(report.rows));
  const lines = [
    `## ${markdownText(heading(report, ctx.lang))}`,
    '',
    `| ${columns.map((column) => markdownText(column.header)).join(' | ')} |`,
    `| ${columns.map(() => '---').join(' | ')} |`,
  ];
  for (const row of report.rows) lines.push(`| ${columns.map((column) => markdownText(cellText(column, row))).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

export function formatUnitsJson(report: UnitsReport): string {
  return `${JSON.stringify({ as_of: report.asOf, sort: report.sort, units: report.rows }, null, 2)}\n`;
}

const rateCell = (rate: number | null): string => (rate === null ? '' : String(rate));
const onTimeCsvColumns = ['due_so_far', 'on_time', 'late', 'overdue', 'on_time_rate'] as const;
const unitCsvColumns = [
  'unit',
  'targets',
  ...scorecardLights,
  ...targetStatuses,
  'stale',
  ...onTimeCsvColumns,
  ...onTimeCsvColumns.map((column) => `reports_${column}`),
];

/** One line per unit, every column, raw figures (rates as fractions, empty when nothing was due). */
export function formatUnitsCsv(report: UnitsReport, { bom }: FormatContext): string {
  const records = report.rows.map((row) => [
    neutraliseFormula(safeText(row.unit)),
    String(row.targets),
    ...scorecardLights.map((light) => String(row.lights[light])),
    ...targetStatuses.map((status) => String(row.statuses[status])),
    String(row.stale),
    ...[row, row.reports].flatMap((counts) => [
      String(counts.due_so_far),
      String(counts.on_time),
      String(counts.late),
      String(counts.overdue),
      rateCell(counts.on_time_rate),
    ]),
  ]);
  return stringify(records, { header: true, columns: unitCsvColumns, bom: Boolean(bom), record_delimiter: 'windows' });
}
