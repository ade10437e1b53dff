// GitHub-flavoured Markdown: the meeting view for job summaries and pull requests.
// The cells are built here rather than borrowed from the terminal table: a terminal cell is
// wrapped to a column width (a line break that Markdown would turn into a stray space in the middle
// of a Chinese title) and coloured (escape codes that have no place in a .md file).
import { t } from '../i18n/labels.js';
import type { FormatContext } from './context.js';
import { lightOrder } from '../core/lights.js';
import { safeText } from './display.js';
import { actualCell, expectedCell, gapCell, lightLabel, progressCell, requiredCell, targetStatusText, taskText } from './target-labels.js';
import type { DeadlineRow, TargetRow } from './rows.js';
import type { DeadlinesReport, GapsReport, StatusReport } from './reports.js';
import { type StatusCounts, buildStatusView } from './status-view.js';
import { targetStatuses } from '../core/statuses.js';
import { statusLabel } from './status-text.js';
import { deadlineTitle, onTimeCells, onTimeHead, unitFiguresCells, unitFiguresHead, unitsOwningTargets, unitsWithDeadlinesDue } from './table.js';
import { deadlineOwnerText, deadlineStatusLine, groupDeadlineRows } from './deadline-lines.js';

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

const targetHead = (ctx: FormatContext): string[] =>
  (['col.task', 'col.metric', 'col.owner', 'col.required', 'col.expected', 'col.actual', 'col.gap', 'col.progress', 'col.due', 'col.status', 'col.light'] as const).map((k) => t(ctx.lang, k));
const deadlineHead = (ctx: FormatContext): string[] =>
  (['col.kind', 'col.title', 'col.owner', 'col.due', 'col.days_left', 'col.status', 'col.light'] as const).map((k) => t(ctx.lang, k));

/** The terminal table's columns, one line per cell: task ids repeat across plans, so the plan is named when rows span several. */
function targetCells(rows: readonly TargetRow[], ctx: FormatContext): string[][] {
  const manyPlans = new Set(rows.map((row) => row.plan)).size > 1;
  const lang = ctx.lang;
  return rows.map((row) => [
    `${manyPlans && !row.sub_line ? `${row.plan} ` : ''}${taskText(row, lang)}`,
    row.metric,
    row.owner,
    requiredCell(row, lang),
    expectedCell(row, lang),
    actualCell(row, lang),
    gapCell(row, lang),
    progressCell(row, lang),
    row.due,
    targetStatusText(lang, row),
    lightLabel(lang, row.light),
  ]);
}

function deadlineCells(rows: readonly DeadlineRow[], ctx: FormatContext): string[][] {
  return groupDeadlineRows(rows).map((line) => [
    t(ctx.lang, `kind.${line.row.kind}`),
    deadlineTitle(line.row),
    deadlineOwnerText(ctx.lang, line),
    line.row.due,
    String(line.row.days_left),
    deadlineStatusLine(ctx.lang, line),
    lightLabel(ctx.lang, line.row.light),
  ]);
}

/** "met 6 · on track 9; lights: green 15", without colour. */
function summaryText(counts: StatusCounts, ctx: FormatContext): string {
  const statuses = targetStatuses.filter((status) => counts[status] > 0).map((status) => `${statusLabel(ctx.lang, status)} ${counts[status]}`).join(' · ');
  const lights = lightOrder.filter((light) => counts.lights[light] > 0).map((light) => `${lightLabel(ctx.lang, light)} ${counts.lights[light]}`).join(' · ');
  return lights ? `${statuses}${t(ctx.lang, 'summary.lights', { parts: lights })}` : statuses;
}

export function formatTargetsMarkdown(report: GapsReport, ctx: FormatContext): string {
  return `${markdownTable(targetHead(ctx), targetCells(report.rows, ctx))}\n`;
}

export function formatDeadlinesMarkdown(report: DeadlinesReport, ctx: FormatContext): string {
  return `${markdownTable(deadlineHead(ctx), deadlineCells(report.rows, ctx))}\n`;
}

export function formatStatusMarkdown(report: StatusReport, ctx: FormatContext): string {
  const view = buildStatusView(report.evaluation, report.shownPlans, report.view);
  const lang = ctx.lang;
  const out = [`## ${markdownText(t(lang, 'heading.status', { asOf: view.asOf }))}`, ''];
  const active = view.plans.filter((plan) => !view.ended.some((e) => e.id === plan.id));
  if (active.length > 0) out.push(markdownText(t(lang, 'heading.plans', { plans: active.map((p) => `${p.title} (${p.id})`).join('; ') })), '');
  out.push(markdownText(t(lang, 'summary.counts', { targets: view.summary.targets, parts: summaryText(view.summary, ctx) || '—' })), '');
  if (view.targets.length > 0) {
    const heading = view.showingAllTargets ? t(lang, 'heading.targets_all', { count: view.targets.length }) : t(lang, 'heading.targets_attention', { count: view.targets.length, total: view.summary.targets });
    out.push(`### ${markdownText(heading)}`, '', markdownTable(targetHead(ctx), targetCells(view.targets, ctx)), '');
  }
  if (view.deadlines.length > 0) {
    const heading = view.showingAllDeadlines ? t(lang, 'heading.deadlines', { count: groupDeadlineRows(view.deadlines).length }) : t(lang, 'heading.deadlines_attention', { days: view.warnDays, count: groupDeadlineRows(view.deadlines).length });
    out.push(`### ${markdownText(heading)}`, '', markdownTable(deadlineHead(ctx), deadlineCells(view.deadlines, ctx)), '');
  }
  if (view.targets.length === 0 && view.deadlines.length === 0) out.push(markdownText(t(lang, view.endedProblems > 0 ? 'summary.nothing_current' : 'summary.nothing')), '');
  const units = unitsWithDeadlinesDue(view.units);
  if (units.length > 0) out.push(`### ${markdownText(t(lang, 'heading.on_time', { asOf: view.asOf }))}`, '', markdownTable(onTimeHead(lang), onTimeCells(units)), '');
  const owners = unitsOwningTargets(view.units);
  if (owners.length > 0) out.push(`### ${markdownText(t(lang, 'heading.unit_figures', { asOf: view.asOf, days: view.staleDays }))}`, '', markdownTable(unitFiguresHead(lang), unitFiguresCells(owners)), '');
  if (view.ended.length > 0) {
    out.push(`### ${markdownText(t(lang, 'heading.ended_plans'))}`, '');
    for (const plan of view.ended) out.push(`- ${markdownText(t(lang, 'summary.ended_plan', { title: plan.title, id: plan.id, end: plan.end, parts: (summaryText(plan.counts, ctx) || '—') + (plan.overdue > 0 ? t(lang, 'summary.ended_overdue', { count: plan.overdue }) : '') }))}`);
    out.push('');
  }
  return out.join('\n');
}
