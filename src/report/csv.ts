// CSV export: one row per target or deadline, raw numbers, unit in its own column, status codes
// plus a localised label; text that a spreadsheet would run as a formula is neutralised.
import { stringify } from 'csv-stringify/sync';
import { type Lang, t } from '../i18n/labels.js';
import type { FormatContext } from './context.js';
import type { DeadlinesReport, GapsReport } from './reports.js';
import { deadlineStatusLabel } from './deadline-lines.js';
import { lightLabel, targetStatusLabel } from './target-labels.js';
import { showAsCodePoints } from './escape.js';

/** A text cell starting with = + - @, tab or CR would be a formula in Excel/WPS: prefix it with '. */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

// Control characters other than tab, CR and LF have no place in a cell and would reach a terminal
// raw; bidi overrides and isolates and invisible characters (zero-width spaces and joiners, word
// joiners, a byte-order mark, line and paragraph separators) would make a cell read as something
// it is not (SECURITY.md): all are written as a visible \uXXXX.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
const escapeControls = (text: string): string => showAsCodePoints(text, CONTROL);
const textCell = (value: string | null): string => (value === null ? '' : neutraliseFormula(escapeControls(value)));
const numberCell = (value: number | null): string => (value === null ? '' : String(value));

const targetCsvColumns = [
  'ref',
  'plan',
  'task',
  'task_title',
  'target',
  'metric',
  'owner',
  'unit',
  'op',
  'required',
  'expected',
  'actual',
  'gap',
  'progress',
  'start',
  'due',
  'status',
  'status_label',
  'lag',
  'light',
  'light_label',
  'progress_kind',
  'latest_as_of',
  'stale',
  'each_unit',
  'data_errors',
] as const;
const deadlineCsvColumns = [
  'ref',
  'kind',
  'plan',
  'title',
  'owner',
  'due',
  'days_left',
  'status',
  'status_label',
  'late',
  'completed',
  'light',
  'light_label',
  'data_errors',
] as const;

/** The language of the column names and yes/no cells: --headers, else the report's. */
const headerLang = ({ lang, headers }: FormatContext): Lang => (headers === 'en' ? 'en' : headers === 'zh' ? 'zh-CN' : lang);

/** A yes/no cell: true/false under English headers, 是/否 under Chinese ones. */
const yesNo = (lang: Lang, value: boolean): string => t(lang, value ? 'csv.yes' : 'csv.no');

/**
 * Progress as percent points, like lag: A / R × 100 (53.67 for 53.67%), so the two columns read
 * alike in a spreadsheet. Computed from the exact ratio once more, then rounded to 15 significant
 * digits so binary noise (0.5367 × 100 = 53.669999…) does not show.
 */
const percentPoints = (ratio: number | null): number | null => (ratio === null ? null : Number((ratio * 100).toPrecision(15)));

export function formatTargetsCsv(report: GapsReport, ctx: FormatContext): string {
  const { lang, bom } = ctx;
  const header = headerLang(ctx);
  const records = report.rows.map((row) => [
    textCell(row.ref),
    textCell(row.plan),
    textCell(row.task ?? ''),
    textCell(row.task_title),
    textCell(row.target),
    textCell(row.metric),
    textCell(row.owner),
    textCell(row.unit),
    row.op,
    numberCell(row.required),
    numberCell(row.expected),
    numberCell(row.actual),
    numberCell(row.gap),
    numberCell(percentPoints(row.progress)),
    row.start,
    row.due,
    row.status,
    targetStatusLabel(lang, row),
    numberCell(row.lag),
    row.light,
    lightLabel(lang, row.light),
    row.progress_kind ?? '',
    row.latest_as_of ?? '',
    yesNo(header, row.stale),
    textCell(row.each_unit ?? null),
    String(row.data_errors),
  ]);
  const columns = targetCsvColumns.map((column) => t(header, `csv.target.${column}`));
  return stringify(records, { header: true, columns, bom: Boolean(bom), record_delimiter: 'windows' });
}

export function formatDeadlinesCsv(report: DeadlinesReport, ctx: FormatContext): string {
  const { lang, bom } = ctx;
  const header = headerLang(ctx);
  const records = report.rows.map((row) => [
    textCell(row.ref),
    row.kind,
    textCell(row.plan),
    textCell(row.title),
    textCell(row.owner),
    row.due,
    String(row.days_left),
    row.status,
    deadlineStatusLabel(lang, row),
    yesNo(header, row.late),
    row.completed ?? '',
    row.light,
    lightLabel(lang, row.light),
    String(row.data_errors),
  ]);
  const columns = deadlineCsvColumns.map((column) => t(header, `csv.deadline.${column}`));
  return stringify(records, { header: true, columns, bom: Boolean(bom), record_delimiter: 'windows' });
}
