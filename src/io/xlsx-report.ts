// Meeting papers as .xlsx: status, gaps, deadlines and units --format xlsx, and reportWorkbook (one
// workbook with the sheets 概况, 指标, 截止事项, 单位). Every sheet: a title row (the plans and the
// as-of date), the header frozen under it and repeated on every printed page, A4 landscape fitted
// to one page wide, widths that fit Chinese text, figures as numbers with a number format (the
// value is the JSON figure, unrounded; the format rounds what is shown), rates and progress as
// percent cells, dates as date cells, and the light as a filled cell with its word in it.
// exceljs is loaded only here and in xlsx-read.ts / xlsx-write.ts (loadExcelJs).
import type { Workbook, Worksheet } from 'exceljs';
import { formatDay } from '../core/dates.js';
import { type Light, lightOrder } from '../core/lights.js';
import { deadlineStatuses, targetStatuses } from '../core/statuses.js';
import { unitScorecards } from '../core/unit-scorecard.js';
import { type Lang, t } from '../i18n/labels.js';
import type { FormatContext } from '../report/context.js';
import { deadlineStatusLabel } from '../report/deadline-lines.js';
import { displayNumber, displayPercent, safeText } from '../report/display.js';
import type { DeadlinesReport, GapsReport, PlanTitle, StatusReport, UnitsReport } from '../report/reports.js';
import { type DeadlineRow, type TargetRow, type UnitScorecardRow, toDeadlineRow, toTargetRow, toUnitScorecardRow } from '../report/rows.js';
import { statusLabel } from '../report/status-text.js';
import { countStatuses } from '../report/status-view.js';
import { deadlineTitle } from '../report/table.js';
import { lightLabel, requiredCell, targetStatusLabel, taskText } from '../report/target-labels.js';
import { unitColumns } from '../report/units.js';
import { displayWidth } from '../report/wrap.js';
import { columnWidths } from './xlsx-write.js';
import { loadExcelJs } from './xlsx-read.js';

type CellValue = string | number | Date | null;

/** One column of a sheet: header, value, and how the value is shown. */
interface SheetColumn<Row> {
  header: string;
  value: (row: Row) => CellValue;
  /** number format; a function where it depends on the row (a percentage target's figures) */
  numFmt?: string | ((row: Row) => string);
  /** the column is the row's light: its cell is filled in that colour */
  light?: (row: Row) => Light | undefined;
}

/** Fills a printed page can tell apart in grey too, each holding its word (红/黄/绿/灰). */
const lightFill: Record<Light, string> = { red: 'FFE06666', yellow: 'FFFFD966', green: 'FF93C47D', grey: 'FFD9D9D9' };
const headerFill = 'FFDDEBF7';

const percentFormat = '0.0%';
const dateFormat = 'yyyy-mm-dd';
const wholeFormat = '#,##0';
const decimalFormat = '#,##0.00';
/** A figure: thousands separators, two decimals unless whole. */
const figureFormat = (value: CellValue): string => (typeof value === 'number' && !Number.isInteger(value) ? decimalFormat : wholeFormat);

/** A 'YYYY-MM-DD' day as the date cell exceljs writes (it takes a Date at UTC midnight). */
const dateCell = (day: string | null): Date | null => (day === null ? null : new Date(`${day}T00:00:00Z`));

/** What a cell shows, for its column's width. */
function shownText(value: CellValue, numFmt: string | undefined, lang: Lang): string {
  if (value === null) return '';
  if (value instanceof Date) return '0000-00-00';
  if (typeof value === 'string') return value;
  if (numFmt === percentFormat) return displayPercent(value);
  return displayNumber(value, lang);
}

/** A plan as the title row and the summary name it: 标题（id）, or "Title (id)" in English. */
const planName = (plan: PlanTitle, lang: Lang): string => t(lang, 'papers.plan_name', { title: safeText(plan.title), id: plan.id });

const titleOf = (plans: readonly PlanTitle[] | undefined, asOf: string, lang: Lang): string =>
  plans && plans.length > 0
    ? t(lang, 'papers.title', { plans: plans.map((plan) => planName(plan, lang)).join(t(lang, 'papers.plan_separator')), asOf })
    : t(lang, 'heading.status', { asOf });

/** The widest a column gets, in Excel's character units: longer text wraps. */
const PAPER_COLUMN_WIDTH = 36;
/** Points a line of 11 pt text takes. */
const LINE_HEIGHT = 15;
const TITLE_ROW = 1;
const HEADER_ROW = 2;

/** A sheet of rows under a title row and a frozen header that prints on every page. */
function addSheet<Row>(
  book: Workbook,
  name: string,
  title: string,
  columns: readonly SheetColumn<Row>[],
  rows: readonly Row[],
  lang: Lang,
): Worksheet {
  const sheet = book.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW, topLeftCell: `A${HEADER_ROW + 1}` }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
    },
  });
  const header = columns.map((column) => column.header);
  const formats = rows.map((row) => columns.map((column) => (typeof column.numFmt === 'function' ? column.numFmt(row) : column.numFmt)));
  const values = rows.map((row) => columns.map((column) => column.value(row)));
  const shown = values.map((cells, index) => cells.map((value, column) => shownText(value, formats[index]![column], lang)));
  // a long title or metric wraps in its cell rather than widening the sheet (and shrinking the print)
  const widths = columnWidths(header, shown).map((width) => Math.min(width, PAPER_COLUMN_WIDTH));
  sheet.columns = widths.map((width) => ({ width }));
  const titleRow = sheet.getRow(TITLE_ROW);
  titleRow.getCell(1).value = title;
  titleRow.font = { bold: true, size: 14 };
  titleRow.alignment = { vertical: 'top', wrapText: true };
  // a merged cell does not grow to its text: as many lines as the title needs at 14 pt (about 1.4 widths a character)
  const titleLines = Math.ceil((displayWidth(title) * 1.4) / widths.reduce((sum, width) => sum + width, 0));
  titleRow.height = Math.max(1, titleLines) * 20;
  if (columns.length > 1) sheet.mergeCells(TITLE_ROW, 1, TITLE_ROW, columns.length);
  const headerRow = sheet.getRow(HEADER_ROW);
  headerRow.values = header;
  headerRow.font = { bold: true };
  headerRow.alignment = { vertical: 'middle', wrapText: true };
  for (let column = 1; column <= columns.length; column += 1)
    headerRow.getCell(column).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: headerFill } };
  values.forEach((cells, index) => {
    const line = sheet.getRow(HEADER_ROW + 1 + index);
    // a row does not grow to its wrapped text when printed by every program: as many lines as its longest text needs
    const lines = Math.max(
      1,
      ...cells.map((value, column) => (typeof value === 'string' ? Math.ceil(displayWidth(value) / (widths[column]! - 1)) : 1)),
    );
    if (lines > 1) line.height = LINE_HEIGHT * lines;
    cells.forEach((value, column) => {
      const cell = line.getCell(column + 1);
      cell.value = value;
      const numFmt =
        formats[index]![column] ?? (value instanceof Date ? dateFormat : typeof value === 'number' ? figureFormat(value) : undefined);
      if (numFmt !== undefined) cell.numFmt = numFmt;
      cell.alignment =
        typeof value === 'string' && displayWidth(value) > PAPER_COLUMN_WIDTH - 2
          ? { vertical: 'middle', wrapText: true }
          : { vertical: 'middle' };
      const light = columns[column]!.light?.(rows[index]!);
      if (light) {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: lightFill[light] } };
        cell.alignment = { horizontal: 'center', vertical: 'middle' };
        cell.font = { bold: true };
      }
    });
  });
  if (rows.length > 0) sheet.autoFilter = { from: { row: HEADER_ROW, column: 1 }, to: { row: HEADER_ROW, column: columns.length } };
  return sheet;
}

/** A percentage target's figures are points (95 for 95 %): a number shown with a % after it. */
const targetFigureFormat =
  (value: (row: TargetRow) => number | null) =>
  (row: TargetRow): string =>
    `${figureFormat(value(row))}${row.kind === 'percent' ? '"%"' : ''}`;

function targetColumns(lang: Lang): SheetColumn<TargetRow>[] {
  const figure = (header: string, value: (row: TargetRow) => number | null): SheetColumn<TargetRow> => ({
    header,
    value,
    numFmt: targetFigureFormat(value),
  });
  return [
    { header: t(lang, 'col.plan'), value: (row) => row.plan },
    { header: t(lang, 'col.task'), value: (row) => safeText(taskText(row, lang)) },
    { header: t(lang, 'col.metric'), value: (row) => safeText(row.metric) },
    { header: t(lang, 'col.owner'), value: (row) => safeText(row.owner) },
    { header: t(lang, 'col.target'), value: (row) => safeText(requiredCell(row, lang)) },
    figure(t(lang, 'col.required'), (row) => row.required),
    figure(t(lang, 'col.expected'), (row) => row.expected),
    figure(t(lang, 'col.actual'), (row) => row.actual),
    figure(t(lang, 'col.gap'), (row) => row.gap),
    { header: t(lang, 'col.progress'), value: (row) => row.progress, numFmt: percentFormat },
    { header: t(lang, 'col.lag'), value: (row) => row.lag, numFmt: '0.0' },
    { header: t(lang, 'col.due'), value: (row) => dateCell(row.due) },
    { header: t(lang, 'col.status'), value: (row) => targetStatusLabel(lang, row) },
    { header: t(lang, 'col.light'), value: (row) => lightLabel(lang, row.light), light: (row) => row.light },
    { header: t(lang, 'col.latest_as_of'), value: (row) => dateCell(row.latest_as_of) },
    { header: t(lang, 'col.stale'), value: (row) => (row.stale ? t(lang, 'papers.yes') : '') },
  ];
}

function deadlineColumns(lang: Lang): SheetColumn<DeadlineRow>[] {
  return [
    { header: t(lang, 'col.kind'), value: (row) => t(lang, `kind.${row.kind}`) },
    { header: t(lang, 'col.plan'), value: (row) => row.plan },
    { header: t(lang, 'col.title'), value: (row) => safeText(deadlineTitle(row)) },
    { header: t(lang, 'col.owner'), value: (row) => safeText(row.owner) },
    { header: t(lang, 'col.due'), value: (row) => dateCell(row.due) },
    { header: t(lang, 'col.days_left'), value: (row) => row.days_left },
    { header: t(lang, 'col.status'), value: (row) => deadlineStatusLabel(lang, row) + (row.late ? ` (${t(lang, 'deadline.late')})` : '') },
    { header: t(lang, 'col.done'), value: (row) => dateCell(row.completed) },
    { header: t(lang, 'col.light'), value: (row) => lightLabel(lang, row.light), light: (row) => row.light },
  ];
}

const unitSheetColumns = (lang: Lang): SheetColumn<UnitScorecardRow>[] =>
  unitColumns(lang).map((column) => ({
    header: column.header,
    value: (row) => (typeof column.value(row) === 'string' ? safeText(column.value(row) as string) : column.value(row)),
    ...(column.rate ? { numFmt: percentFormat } : {}),
  }));

/** One line of the summary sheet: what is counted, the group, how many (a light's line is filled). */
interface SummaryLine {
  group: string;
  item: string;
  count: number | string;
  light?: Light;
}

function summaryColumns(lang: Lang): SheetColumn<SummaryLine>[] {
  return [
    { header: t(lang, 'col.item'), value: (line) => line.group },
    { header: t(lang, 'col.title'), value: (line) => line.item, light: (line) => line.light },
    { header: t(lang, 'col.count'), value: (line) => line.count },
  ];
}

function summaryLines(
  plans: readonly PlanTitle[],
  periods: ReadonlyMap<string, string>,
  targets: readonly TargetRow[],
  deadlines: readonly DeadlineRow[],
  lang: Lang,
): SummaryLine[] {
  const counts = countStatuses(targets);
  const group = (key: 'papers.plans' | 'papers.targets_by_light' | 'papers.targets_by_status' | 'papers.deadlines_by_status') =>
    t(lang, key);
  return [
    ...plans.map((plan) => ({ group: group('papers.plans'), item: planName(plan, lang), count: periods.get(plan.id) ?? '' })),
    { group: t(lang, 'col.targets'), item: '', count: counts.targets },
    ...lightOrder.map((light) => ({
      group: group('papers.targets_by_light'),
      item: lightLabel(lang, light),
      count: counts.lights[light],
      light,
    })),
    ...targetStatuses.map((status) => ({
      group: group('papers.targets_by_status'),
      item: statusLabel(lang, status),
      count: counts[status],
    })),
    ...deadlineStatuses.map((status) => ({
      group: group('papers.deadlines_by_status'),
      item: statusLabel(lang, status),
      count: deadlines.filter((row) => row.status === status).length,
    })),
  ];
}

async function packed(book: Workbook): Promise<Uint8Array> {
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const newBook = (): Workbook => new (loadExcelJs().Workbook)();

export async function formatTargetsXlsx(report: GapsReport, { lang }: FormatContext): Promise<Uint8Array> {
  const book = newBook();
  addSheet(book, t(lang, 'papers.sheet_targets'), titleOf(report.plans, report.asOf, lang), targetColumns(lang), report.rows, lang);
  return packed(book);
}

export async function formatDeadlinesXlsx(report: DeadlinesReport, { lang }: FormatContext): Promise<Uint8Array> {
  const book = newBook();
  addSheet(book, t(lang, 'papers.sheet_deadlines'), titleOf(report.plans, report.asOf, lang), deadlineColumns(lang), report.rows, lang);
  return packed(book);
}

export async function formatUnitsXlsx(report: UnitsReport, { lang }: FormatContext): Promise<Uint8Array> {
  const book = newBook();
  addSheet(book, t(lang, 'papers.sheet_units'), titleOf(report.plans, report.asOf, lang), unitSheetColumns(lang), report.rows, lang);
  return packed(book);
}

/**
 * The whole meeting paper as one workbook: 概况 (plans, targets by light and by status, deadlines
 * by status), 指标 (every selected target), 截止事项 (every selected deadline), 单位 (the unit
 * scorecards); English sheet names for English plans. `status --format xlsx` writes it, and so can
 * `report --format xlsx` from the same StatusReport.
 */
export async function reportWorkbook(report: StatusReport, { lang }: FormatContext): Promise<Uint8Array> {
  const { evaluation } = report;
  const asOf = formatDay(evaluation.asOf);
  const plansById = new Map(report.plans.map((plan) => [plan.id, plan]));
  const plans = report.shownPlans.map((plan) => ({ id: plan.id, title: plan.title }));
  const periods = new Map(report.shownPlans.map((plan) => [plan.id, `${formatDay(plan.period.start)} – ${formatDay(plan.period.end)}`]));
  const targets = evaluation.targets.map((result) => toTargetRow(result, plansById));
  const deadlines = evaluation.deadlines.map(toDeadlineRow);
  const units =
    report.view.scorecardsOf?.() ??
    unitScorecards({ targets: evaluation.targets, deadlines: evaluation.deadlines, asOf: evaluation.asOf }).map(toUnitScorecardRow);
  const title = titleOf(plans, asOf, lang);
  const book = newBook();
  addSheet(
    book,
    t(lang, 'papers.sheet_summary'),
    title,
    summaryColumns(lang),
    summaryLines(plans, periods, targets, deadlines, lang),
    lang,
  );
  addSheet(book, t(lang, 'papers.sheet_targets'), title, targetColumns(lang), targets, lang);
  addSheet(book, t(lang, 'papers.sheet_deadlines'), title, deadlineColumns(lang), deadlines, lang);
  addSheet(book, t(lang, 'papers.sheet_units'), title, unitSheetColumns(lang), units, lang);
  return packed(book);
}
