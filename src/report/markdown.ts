// GitHub-flavoured Markdown: the meeting view for job summaries and pull requests.
// The cells are built here rather than borrowed from the terminal table: a terminal cell is
// wrapped to a column width (a line break that Markdown would turn into a stray space in the middle
// of a Chinese title) and coloured (escape codes that have no place in a .md file).
import { t } from '../i18n/labels.js';
import type { FormatContext } from './context.js';
import { Chalk } from 'chalk';
import { safeText } from './display.js';
import { actualCell, expectedCell, gapCell, lightLabel, progressCell, requiredCell, targetStatusText, taskText } from './target-labels.js';
import { type DeadlineRow, type TargetRow, fromOnePlan, shownRef } from './rows.js';
import type { DeadlinesReport, GapsReport, PartialInput, StatusReport } from './reports.js';
import { partialLines, withDataErrorMarker } from './partial-text.js';
import { buildStatusView, countDeadlines, statusHeading } from './status-view.js';
import { summaryLines, targetSummaryParts } from './summary-text.js';
import {
  deadlineHead,
  deadlineTitle,
  gapsSummaryLines,
  onTimeCells,
  onTimeHead,
  targetHead,
  unitFiguresCells,
  unitFiguresHead,
  unitsOwningTargets,
  unitsWithDeadlinesDue,
} from './table.js';
import { deadlineOwnerText, deadlineStatusLine, groupDeadlineRows } from './deadline-lines.js';
import { briefFactsOf, briefParagraph } from './brief.js';

/**
 * Text made literal in Markdown: a pipe would end the table cell and a line break the row, so
 * pipes are escaped and line breaks become spaces; the characters that open inline markup
 * (emphasis, code, links, HTML, entities) are backslash-escaped so titles show as written.
 */
export function markdownText(text: string): string {
  return neutraliseMentions(safeText(text.replace(/\r\n?|\n/g, ' ')).replace(/[\\`*_[\]<~|&]/g, (char) => `\\${char}`));
}

/**
 * `@all`, `@team` or `@user` in a title would notify people when the report is pasted into a merge
 * request or an issue: a zero-width space after the `@` (as Dependabot does in release notes)
 * keeps the text as it reads and stops the mention. `a@b` (an e-mail address) is left alone.
 */
function neutraliseMentions(text: string): string {
  return text.replace(/(^|[^\p{L}\p{N}_.+-])@(?=[\p{L}\p{N}_])/gu, '$1@\u200b');
}

function markdownTable(head: string[], rows: string[][]): string {
  const lines = [`| ${head.map(markdownText).join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.map(markdownText).join(' | ')} |`);
  return lines.join('\n');
}

/** The terminal table's columns, one line per cell: task ids repeat across plans, so the plan is named when rows span several. */
function targetCells(rows: readonly TargetRow[], ctx: FormatContext, onePlan: boolean | undefined): string[][] {
  const manyPlans = new Set(rows.map((row) => row.plan)).size > 1;
  const lang = ctx.lang;
  return rows.map((row) => [
    row.sub_line ? '' : shownRef(row.ref, onePlan),
    `${manyPlans && !row.sub_line ? `${row.plan} ` : ''}${taskText(row, lang)}`,
    row.metric,
    row.owner,
    requiredCell(row, lang),
    expectedCell(row, lang),
    actualCell(row, lang),
    gapCell(row, lang),
    progressCell(row, lang),
    row.due,
    withDataErrorMarker(targetStatusText(lang, row), row.data_errors, ctx),
    lightLabel(lang, row.light),
  ]);
}

function deadlineCells(rows: readonly DeadlineRow[], ctx: FormatContext, onePlan: boolean | undefined): string[][] {
  return groupDeadlineRows(rows).map((line) => [
    shownRef(line.row.ref, onePlan),
    t(ctx.lang, `kind.${line.row.kind}`),
    deadlineTitle(line.row),
    deadlineOwnerText(ctx.lang, line),
    line.row.due,
    String(line.row.days_left),
    withDataErrorMarker(deadlineStatusLine(ctx.lang, line), line.row.data_errors, ctx),
    lightLabel(ctx.lang, line.row.light),
  ]);
}

/** The partial-report notice as a quoted block (a paragraph of its own, then a blank line), or nothing. */
function partialNotice(partial: PartialInput | undefined, ctx: FormatContext): string[] {
  const lines = partialLines(partial, ctx);
  return lines.length === 0
    ? []
    : [...lines.map((line, index) => `> ${index === 0 ? `**${markdownText(line)}**` : markdownText(line)}  `), ''];
}

/** The notice as a block followed by a blank line, before a table (which would otherwise continue the quote). */
const partialBlock = (partial: PartialInput | undefined, ctx: FormatContext): string => {
  const lines = partialNotice(partial, ctx);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
};

/** Summary text without colour, whatever the terminal. */
const plain = new Chalk({ level: 0 });

export function formatTargetsMarkdown(report: GapsReport, ctx: FormatContext): string {
  const summary = gapsSummaryLines(report, ctx, plain)
    .map((line) => `\n${markdownText(line)}\n`)
    .join('');
  return `${partialBlock(report.partial, ctx)}${markdownTable(targetHead(ctx.lang), targetCells(report.rows, ctx, report.onePlan))}\n${summary}`;
}

export function formatDeadlinesMarkdown(report: DeadlinesReport, ctx: FormatContext): string {
  const summary = summaryLines(undefined, report.summary ?? countDeadlines(report.rows), ctx, plain)
    .map((line) => `\n${markdownText(line)}\n`)
    .join('');
  return `${partialBlock(report.partial, ctx)}${markdownTable(deadlineHead(ctx.lang), deadlineCells(report.rows, ctx, report.onePlan))}\n${summary}`;
}

export function formatStatusMarkdown(report: StatusReport, ctx: FormatContext): string {
  const view = buildStatusView(report.evaluation, report.shownPlans, report.view);
  const lang = ctx.lang;
  const out = [
    `## ${markdownText(statusHeading(view, lang))}`,
    '',
    ...partialNotice(report.partial, ctx),
    markdownText(briefParagraph(briefFactsOf(report), lang)),
    '',
  ];
  const active = view.plans.filter((plan) => !view.ended.some((e) => e.id === plan.id));
  if (active.length > 0)
    out.push(
      markdownText(
        t(lang, 'heading.plans', {
          plans: active.map((p) => `${p.title} (${p.id}${p.ended ? t(lang, 'heading.plan_ended', { end: p.end }) : ''})`).join('; '),
        }),
      ),
      '',
    );
  for (const line of summaryLines(view.summary, view.deadlineSummary, ctx, plain)) out.push(markdownText(line), '');
  if (view.targets.length > 0) {
    const heading = view.showingAllTargets
      ? t(lang, 'heading.targets_all', { count: view.targets.length })
      : t(lang, 'heading.targets_attention', { count: view.targets.length, total: view.detailTotal });
    out.push(
      `### ${markdownText(heading)}`,
      '',
      markdownTable(targetHead(ctx.lang), targetCells(view.targets, ctx, fromOnePlan(view.targets))),
      '',
    );
  }
  if (view.deadlines.length > 0) {
    const heading = view.showingAllDeadlines
      ? t(lang, 'heading.deadlines', { count: groupDeadlineRows(view.deadlines).length })
      : t(lang, 'heading.deadlines_attention', { days: view.warnDays, count: groupDeadlineRows(view.deadlines).length });
    out.push(
      `### ${markdownText(heading)}`,
      '',
      markdownTable(deadlineHead(ctx.lang), deadlineCells(view.deadlines, ctx, fromOnePlan(view.deadlines))),
      '',
    );
  }
  if (view.targets.length === 0 && view.deadlines.length === 0)
    out.push(markdownText(t(lang, view.endedProblems > 0 ? 'summary.nothing_current' : 'summary.nothing')), '');
  const units = unitsWithDeadlinesDue(view.units);
  if (units.length > 0)
    out.push(
      `### ${markdownText(t(lang, 'heading.on_time', { asOf: view.asOf }))}`,
      '',
      markdownTable(onTimeHead(lang), onTimeCells(units)),
      '',
    );
  const owners = unitsOwningTargets(view.units);
  if (owners.length > 0)
    out.push(
      `### ${markdownText(t(lang, 'heading.unit_figures', { asOf: view.asOf, days: view.staleDays }))}`,
      '',
      markdownTable(unitFiguresHead(lang), unitFiguresCells(owners)),
      '',
    );
  if (view.ended.length > 0) {
    out.push(`### ${markdownText(t(lang, 'heading.ended_plans'))}`, '');
    for (const plan of view.ended)
      out.push(
        `- ${markdownText(t(lang, 'summary.ended_plan', { title: plan.title, id: plan.id, end: plan.end, parts: (targetSummaryParts(plan.counts, ctx, plain) || '—') + (plan.overdue > 0 ? t(lang, 'summary.ended_overdue', { count: plan.overdue }) : '') }))}`,
      );
    out.push('');
  }
  return out.join('\n');
}
