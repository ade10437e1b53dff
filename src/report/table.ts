// Terminal tables (cli-table3) for status, gaps and deadlines. Cells are pre-wrapped by display
// width so CJK text lines up and no character is lost; user text is made safe for the terminal.
import Table from 'cli-table3';
import { type Lang, t } from '../i18n/labels.js';
import type { FormatContext } from './context.js';
import { displayPercent, safeText } from './display.js';
import { deadlineOwnerText, deadlineStatusText, groupDeadlineRows } from './deadline-lines.js';
import { type DeadlineRow, type TargetRow, type UnitOnTimeRow, fromOnePlan, shownRef } from './rows.js';
import { paintLight, paintStatus } from './status-text.js';
import { actualCell, expectedCell, gapCell, lightLabel, progressCell, requiredCell, targetStatusText, taskText } from './target-labels.js';
import type { DeadlinesReport, GapsReport, PartialInput, StatusReport } from './reports.js';
import { partialLines, withDataErrorMarker } from './partial-text.js';
import { buildStatusView, countDeadlines, countStatuses, statusHeading } from './status-view.js';
import { summaryLines, targetSummaryParts } from './summary-text.js';
import { displayWidth, wrapToWidth } from './wrap.js';

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
const stripAnsi = (text: string): string => (text.includes('\u001b') ? text.replace(ANSI, '') : text);

const border = (left: string, fill: string, join: string, right: string, widths: readonly number[]): string =>
  `${left}${widths.map((width) => fill.repeat(width)).join(join)}${right}`;

const lineWidth = (line: string): number => displayWidth(stripAnsi(line));

/**
 * One table: cli-table3 draws the top border and the head row; the rows below follow the same
 * column widths, measured once over every row, with the same box characters and padding (one
 * space, then the text, then spaces to the width). cli-table3 costs about 40 µs a cell and 4 µs a
 * cell line even with its debug preview fixed (bin/patch-cli-table3.mjs): 25,000 rows × 10
 * columns would take many seconds, where laying the rows out here takes a fraction of one.
 * A one-line cell is measured once (its width kept in a flat array); the rare multi-line cell is
 * split again when drawn. Rows are separated by rules only when some cell wraps onto several lines.
 */
export function makeTable(head: string[], rows: string[][], ctx: FormatContext): string {
  const columnCount = head.length;
  const MULTI_LINE = -1;
  const cellWidths = new Int32Array(rows.length * columnCount);
  const widths = head.map((h) => lineWidth(h) + 2);
  let ruled = false;
  rows.forEach((row, rowIndex) => {
    row.forEach((cell, column) => {
      let width: number;
      if (cell.includes('\n')) {
        ruled = true;
        width = Math.max(...cell.split('\n').map(lineWidth));
        cellWidths[rowIndex * columnCount + column] = MULTI_LINE;
      } else {
        width = lineWidth(cell);
        cellWidths[rowIndex * columnCount + column] = width;
      }
      if (width + 2 > widths[column]!) widths[column] = width + 2;
    });
  });
  const headTable = new Table({
    head: head.map((h) => ctx.chalk.bold(h)),
    colWidths: widths,
    style: { head: [], border: [], compact: true },
  });
  const headLines = headTable.toString().split('\n');
  // cli-table3 closes a head-only table with its bottom border; the rows take its place
  const lines = headLines.slice(0, -1);
  if (rows.length === 0) return [...lines, border('└', '─', '┴', '┘', widths)].join('\n');
  const rule = border('├', '─', '┼', '┤', widths);
  lines.push(rule);
  const padded = (text: string, textWidth: number, column: number): string =>
    ` ${text}${' '.repeat(Math.max(widths[column]! - 1 - textWidth, 0))}│`;
  rows.forEach((row, rowIndex) => {
    if (ruled && rowIndex > 0) lines.push(rule);
    const oneLine = row.every((_, column) => cellWidths[rowIndex * columnCount + column] !== MULTI_LINE);
    if (oneLine) {
      let text = '│';
      row.forEach((cell, column) => {
        text += padded(cell, cellWidths[rowIndex * columnCount + column]!, column);
      });
      lines.push(text);
      return;
    }
    const cells = row.map((cell) => cell.split('\n'));
    const height = Math.max(...cells.map((cellLines) => cellLines.length));
    for (let line = 0; line < height; line += 1) {
      let text = '│';
      cells.forEach((cellLines, column) => {
        const cellLine = cellLines[line] ?? '';
        text += padded(cellLine, lineWidth(cellLine), column);
      });
      lines.push(text);
    }
  });
  lines.push(border('└', '─', '┴', '┘', widths));
  return lines.join('\n');
}

/** Display columns of the ref cell: a duty occurrence's short ref (duty/monthly-report@2024-07-10) fits on one line. */
const REF_WIDTH = 30;

/** Task ids repeat across plans, so the task cell names the plan when rows span several. */
function taskCell(row: TargetRow, manyPlans: boolean, lang: Lang): string {
  const task = wrapToWidth(safeText(taskText(row, lang)), 24);
  return manyPlans && !row.sub_line ? `${wrapToWidth(safeText(row.plan), 24)}\n${task}` : task;
}

function targetTableRows(rows: readonly TargetRow[], ctx: FormatContext, onePlan: boolean | undefined): string[][] {
  const lang = ctx.lang;
  const manyPlans = new Set(rows.map((row) => row.plan)).size > 1;
  return rows.map((row) => [
    row.sub_line ? '' : wrapToWidth(safeText(shownRef(row.ref, onePlan)), REF_WIDTH),
    taskCell(row, manyPlans, lang),
    wrapToWidth(safeText(row.metric), 18),
    wrapToWidth(safeText(row.owner), 12),
    safeText(requiredCell(row, lang)),
    expectedCell(row, lang),
    actualCell(row, lang),
    gapCell(row, lang),
    progressCell(row, lang),
    row.due,
    withDataErrorMarker(paintStatus(ctx.chalk, row.status, targetStatusText(lang, row)), row.data_errors, ctx),
    paintLight(ctx.chalk, row.light, lightLabel(lang, row.light)),
  ]);
}

/** The column headers of the target and deadline tables, terminal and Markdown alike. */
export const targetHead = (lang: Lang): string[] =>
  (
    [
      'col.ref',
      'col.task',
      'col.metric',
      'col.owner',
      'col.required',
      'col.expected',
      'col.actual',
      'col.gap',
      'col.progress',
      'col.due',
      'col.status',
      'col.light',
    ] as const
  ).map((k) => t(lang, k));

/** A duty's title as written; a task or phase led by its id. */
export const deadlineTitle = (row: DeadlineRow): string =>
  row.kind === 'report' || row.kind === 'activity' ? row.title : `${row.ref.split('/').pop()} ${row.title}`;

function deadlineTableRows(rows: readonly DeadlineRow[], ctx: FormatContext, onePlan: boolean | undefined): string[][] {
  const lang = ctx.lang;
  return groupDeadlineRows(rows).map((line) => {
    const row = line.row;
    return [
      wrapToWidth(safeText(shownRef(row.ref, onePlan)), REF_WIDTH),
      t(lang, `kind.${row.kind}`),
      wrapToWidth(safeText(deadlineTitle(row)), 30),
      wrapToWidth(safeText(deadlineOwnerText(lang, line)), 14),
      row.due,
      String(row.days_left),
      withDataErrorMarker(
        deadlineStatusText(lang, line)
          .map((text, index) => (index === 0 ? paintStatus(ctx.chalk, row.status, text) : wrapToWidth(safeText(text), 34)))
          .join('\n'),
        row.data_errors,
        ctx,
      ),
      paintLight(ctx.chalk, row.light, lightLabel(lang, row.light)),
    ];
  });
}

export const deadlineHead = (lang: Lang): string[] =>
  (['col.ref', 'col.kind', 'col.title', 'col.owner', 'col.due', 'col.days_left', 'col.status', 'col.light'] as const).map((k) =>
    t(lang, k),
  );

/** Units with something due so far: the others have no rate yet. */
export const unitsWithDeadlinesDue = (units: readonly UnitOnTimeRow[]): UnitOnTimeRow[] => units.filter((unit) => unit.due_so_far > 0);

export const onTimeHead = (lang: Lang): string[] =>
  (['col.unit', 'col.due_so_far', 'col.on_time', 'col.late', 'col.overdue', 'col.on_time_rate', 'col.reports_on_time_rate'] as const).map(
    (k) => t(lang, k),
  );

/** One row per unit, plain text (the unit name unwrapped): the terminal and Markdown tables share it. */
/** Units that own targets: the date of the newest figure over them, and how many are stale. */
export const unitsOwningTargets = (units: readonly UnitOnTimeRow[]): UnitOnTimeRow[] => units.filter((unit) => (unit.targets ?? 0) > 0);

export const unitFiguresHead = (lang: Lang): string[] =>
  (['col.unit', 'col.targets_owned', 'col.latest_figure', 'col.stale_targets'] as const).map((k) => t(lang, k));

/** One row per unit that owns targets, plain text: the terminal and Markdown tables share it. */
export function unitFiguresCells(units: readonly UnitOnTimeRow[]): string[][] {
  return units.map((unit) => [unit.unit, String(unit.targets ?? 0), unit.latest_as_of ?? '—', String(unit.stale_targets ?? 0)]);
}

export function onTimeCells(units: readonly UnitOnTimeRow[]): string[][] {
  return units.map((unit) => [
    unit.unit,
    String(unit.due_so_far),
    String(unit.on_time),
    String(unit.late),
    String(unit.overdue),
    displayPercent(unit.on_time_rate),
    displayPercent(unit.reports.on_time_rate),
  ]);
}

export function formatStatusTable(report: StatusReport, ctx: FormatContext): string {
  const view = buildStatusView(report.evaluation, report.shownPlans, report.view);
  const lang = ctx.lang;
  const out: string[] = [];
  out.push(ctx.chalk.bold(statusHeading(view, lang)));
  out.push(...partialLines(report.partial, ctx).map((line) => ctx.chalk.red(line)));
  const active = view.plans.filter((plan) => !view.ended.some((e) => e.id === plan.id));
  if (active.length > 0)
    out.push(
      t(lang, 'heading.plans', {
        plans: active
          .map((p) => `${safeText(p.title)} (${p.id}${p.ended ? t(lang, 'heading.plan_ended', { end: p.end }) : ''})`)
          .join('; '),
      }),
    );
  out.push(...summaryLines(view.summary, view.deadlineSummary, ctx));
  out.push('');
  const total = view.detailTotal;
  if (view.targets.length > 0) {
    out.push(
      ctx.chalk.bold(
        view.showingAllTargets
          ? t(lang, 'heading.targets_all', { count: view.targets.length })
          : t(lang, 'heading.targets_attention', { count: view.targets.length, total }),
      ),
    );
    out.push(makeTable(targetHead(lang), targetTableRows(view.targets, ctx, fromOnePlan(view.targets)), ctx));
    out.push('');
  }
  if (view.deadlines.length > 0) {
    out.push(
      ctx.chalk.bold(
        view.showingAllDeadlines
          ? t(lang, 'heading.deadlines', { count: groupDeadlineRows(view.deadlines).length })
          : t(lang, 'heading.deadlines_attention', { days: view.warnDays, count: groupDeadlineRows(view.deadlines).length }),
      ),
    );
    out.push(makeTable(deadlineHead(lang), deadlineTableRows(view.deadlines, ctx, fromOnePlan(view.deadlines)), ctx));
    out.push('');
  }
  if (view.targets.length === 0 && view.deadlines.length === 0) {
    out.push(t(lang, view.endedProblems > 0 ? 'summary.nothing_current' : 'summary.nothing'));
    out.push('');
  }
  const units = unitsWithDeadlinesDue(view.units);
  if (units.length > 0) {
    out.push(ctx.chalk.bold(t(lang, 'heading.on_time', { asOf: view.asOf })));
    out.push(
      makeTable(
        onTimeHead(lang),
        onTimeCells(units).map((row) => [wrapToWidth(safeText(row[0]!), 14), ...row.slice(1)]),
        ctx,
      ),
    );
    out.push('');
  }
  const owners = unitsOwningTargets(view.units);
  if (owners.length > 0) {
    out.push(ctx.chalk.bold(t(lang, 'heading.unit_figures', { asOf: view.asOf, days: view.staleDays })));
    out.push(
      makeTable(
        unitFiguresHead(lang),
        unitFiguresCells(owners).map((row) => [wrapToWidth(safeText(row[0]!), 14), ...row.slice(1)]),
        ctx,
      ),
    );
    out.push('');
  }
  if (view.ended.length > 0) {
    out.push(ctx.chalk.bold(t(lang, 'heading.ended_plans')));
    for (const plan of view.ended) {
      out.push(
        `  ${t(lang, 'summary.ended_plan', { title: safeText(plan.title), id: plan.id, end: plan.end, parts: (targetSummaryParts(plan.counts, ctx) || '—') + (plan.overdue > 0 ? t(lang, 'summary.ended_overdue', { count: plan.overdue }) : '') })}`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

/** The partial-report notice above a table, one line each (nothing for complete input). */
const partialNotice = (partial: PartialInput | undefined, ctx: FormatContext): string =>
  partialLines(partial, ctx)
    .map((line) => `${ctx.chalk.red(line)}\n`)
    .join('');

/** On a terminal, more rows than this are not printed; a note says how many and how to get them. */
export const TTY_ROW_LIMIT = 2000;
export const TTY_ROWS_SHOWN = 100;

/** Piped output prints everything; a terminal gets the first rows and a note instead of a flood. */
function limitForTerminal<T>(rows: readonly T[], ctx: FormatContext): { shown: readonly T[]; note: string } {
  if (ctx.columns === undefined || rows.length <= TTY_ROW_LIMIT) return { shown: rows, note: '' };
  return {
    shown: rows.slice(0, TTY_ROWS_SHOWN),
    note: `${t(ctx.lang, 'rows.truncated', { shown: TTY_ROWS_SHOWN, total: rows.length })}\n`,
  };
}

export function formatTargetsTable(report: GapsReport, ctx: FormatContext): string {
  const { shown, note } = limitForTerminal(report.rows, ctx);
  return `${partialNotice(report.partial, ctx)}${makeTable(targetHead(ctx.lang), targetTableRows(shown, ctx, report.onePlan), ctx)}\n${note}${gapsSummaryLines(report, ctx).join('\n')}\n`;
}

/** gaps' summary: its targets (a unit's own line not counted again), and the overdue deadlines it does not list. */
export function gapsSummaryLines(report: GapsReport, ctx: FormatContext, chalk = ctx.chalk): string[] {
  const lines = summaryLines(countStatuses(report.rows.filter((row) => !row.sub_line)), undefined, ctx, chalk);
  if (report.overdueDeadlines) lines.push(t(ctx.lang, 'summary.overdue_elsewhere', { count: report.overdueDeadlines }));
  return lines;
}

export function formatDeadlinesTable(report: DeadlinesReport, ctx: FormatContext): string {
  const { shown, note } = limitForTerminal(report.rows, ctx);
  return `${partialNotice(report.partial, ctx)}${makeTable(deadlineHead(ctx.lang), deadlineTableRows(shown, ctx, report.onePlan), ctx)}\n${note}${summaryLines(undefined, report.summary ?? countDeadlines(report.rows), ctx).join('\n')}\n`;
}
