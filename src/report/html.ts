// plan-check report: the meeting paper as one self-contained HTML page. No script, no network, no
// external font, image or link: inline CSS and SVG only, so it opens from an e-mail on an offline
// office PC and prints on A4 landscape. Every text from the plans and actuals is escaped.
import { parseIsoDate } from '../core/dates.js';
import { type Light, deadlineLight, lightOrder } from '../core/lights.js';
import { targetStatuses } from '../core/statuses.js';
import { type Lang, t } from '../i18n/labels.js';
import { VERSION } from '../version.js';
import { briefFactsOf, briefParagraph } from './brief.js';
import type { FormatContext } from './context.js';
import { deadlineOwnerText, deadlineStatusLine, groupDeadlineRows } from './deadline-lines.js';
import { displayNumber, displayPercent } from './display.js';
import { escapeHtml } from './escape.js';
import { targetChartSvg } from './html-chart.js';
import { reportCss } from './html-style.js';
import type { PaperReport } from './reports.js';
import { type DeadlineRow, type TargetRow, type UnitScorecardRow, toDeadlineRow } from './rows.js';
import { buildStatusView } from './status-view.js';
import { deadlineTitle } from './table.js';
import { statusesPresent, unitColumns } from './units.js';
import { actualCell, lightLabel, requiredCell, targetStatusLabel, taskText } from './target-labels.js';

type View = ReturnType<typeof buildStatusView>;

const text = escapeHtml;
const isLimit = (row: Pick<TargetRow, 'op'>): boolean => row.op === '<=' || row.op === '<';
const flagged = (light: Light): boolean => light === 'red' || light === 'yellow';

/** A light as its word beside a coloured dot: the word carries the meaning, the colour repeats it. */
function lightBadge(lang: Lang, light: Light, words = lightLabel(lang, light)): string {
  return `<span class="light ${light}" data-light="${light}"><span class="light-dot" aria-hidden="true"></span>${text(words)}</span>`;
}

function table(
  head: readonly string[],
  rows: readonly string[],
  widths: readonly number[],
  numeric: ReadonlySet<number> = new Set(),
): string {
  const cols = widths.map((width) => `<col style="width:${width}%">`).join('');
  const ths = head.map((cell, index) => `<th${numeric.has(index) ? ' class="num"' : ''}>${text(cell)}</th>`).join('');
  return `<table><colgroup>${cols}</colgroup><thead><tr>${ths}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

const cell = (html: string, className?: string): string => `<td${className ? ` class="${className}"` : ''}>${html}</td>`;

/** 序时进度 as a share of R: E / R, or for a level the floor itself (100%); none for a limit. */
function paceShare(row: Pick<TargetRow, 'expected' | 'required' | 'op'>): number | null {
  if (isLimit(row) || row.expected === null || row.required === null || row.required === 0) return null;
  return row.expected / row.required;
}

/** The progress bar: A / R filled in the light's colour, a marker at the pace, both figures in words under it. */
function progressBar(lang: Lang, row: Pick<TargetRow, 'progress' | 'expected' | 'required' | 'op' | 'light'>): string {
  if (row.progress === null) return '<span class="bar-text">—</span>';
  const pace = paceShare(row);
  const clamp = (value: number): number => Math.round(Math.min(Math.max(value, 0), 1) * 1000) / 10;
  const label =
    pace === null
      ? displayPercent(row.progress)
      : t(lang, 'report.bar_label', { progress: displayPercent(row.progress), pace: displayPercent(pace) });
  const marker = pace === null ? '' : `<div class="bar-pace" style="left:${clamp(pace)}%"></div>`;
  return `<div class="bar" role="img" aria-label="${text(label)}"><div class="bar-fill ${row.light}" style="width:${clamp(row.progress)}%"></div>${marker}</div><span class="bar-text">${text(label)}</span>`;
}

const lagCell = (row: Pick<TargetRow, 'lag'>): string => cell(row.lag === null ? '—' : text(String(Math.round(row.lag * 10) / 10)), 'num');

function targetsSection(lang: Lang, rows: readonly TargetRow[]): string {
  const head = [
    t(lang, 'col.task'),
    t(lang, 'col.metric'),
    t(lang, 'col.owner'),
    t(lang, 'col.required'),
    t(lang, 'col.actual'),
    t(lang, 'report.col.bar'),
    t(lang, 'report.col.lag'),
    t(lang, 'col.status'),
    t(lang, 'col.light'),
  ];
  const body = rows.map((row) => {
    const progress = row.units
      ? `<span class="bar-text">${text(t(lang, 'cell.units_met', { met: row.units.filter((unit) => unit.status === 'met').length, total: row.units.length }))}</span>`
      : progressBar(lang, row);
    return `<tr data-ref="${text(row.ref)}" data-light="${row.light}">${[
      cell(text(taskText(row, lang))),
      cell(text(row.metric)),
      cell(text(row.owner)),
      cell(text(requiredCell(row, lang)), 'num'),
      cell(text(actualCell(row, lang)), 'num'),
      cell(progress, 'bar-cell'),
      lagCell(row),
      cell(text(targetStatusLabel(lang, row))),
      cell(lightBadge(lang, row.light), 'light-cell'),
    ].join('')}</tr>`;
  });
  const content =
    rows.length === 0
      ? `<p class="note">${text(t(lang, 'report.nothing'))}</p>`
      : table(head, body, [13, 18, 10, 9, 8, 17, 9, 8, 8], new Set([3, 4, 6]));
  return `<section id="targets"><h2>${text(t(lang, 'report.section.targets', { count: rows.length }))}</h2>${content}</section>`;
}

/** One chart per red or yellow target, or per red or yellow unit of an `each` target. */
function chartsSection(lang: Lang, report: PaperReport, rows: readonly TargetRow[], asOf: number): string {
  const figures = rows
    .filter((row) => flagged(row.light))
    .flatMap((row) => {
      const start = parseIsoDate(row.start)!;
      const due = parseIsoDate(row.due)!;
      const subjects = row.units
        ? row.units
            .filter((unit) => flagged(unit.light))
            .map((unit) => ({ unit: unit.unit as string | undefined, light: unit.light, owner: unit.unit }))
        : [{ unit: undefined, light: row.light, owner: row.owner }];
      return subjects.map((subject) => {
        const title = t(lang, 'report.chart_title', { metric: row.metric, owner: subject.owner });
        const history = report.historyOf(row.ref, subject.unit);
        const body =
          history.reported.length === 0
            ? `<p class="note">${text(t(lang, 'report.chart_empty'))}</p>`
            : targetChartSvg(
                { history, light: subject.light, start, due, asOf, limit: isLimit(row), percent: row.kind === 'percent', label: title },
                lang,
              );
        const legend = `<p class="legend">${lightBadge(lang, subject.light)} <span class="legend-pace"></span> ${text(t(lang, isLimit(row) ? 'report.legend.limit' : 'report.legend.pace'))} · ● ${text(t(lang, 'report.legend.actual'))}</p>`;
        return `<figure class="chart" data-ref="${text(row.ref)}"><figcaption>${text(title)}</figcaption>${body}${legend}</figure>`;
      });
    });
  if (figures.length === 0) return '';
  return `<section id="charts"><h2>${text(t(lang, 'report.section.charts'))}</h2><div class="charts">${figures.join('')}</div></section>`;
}

/** Each `each` target broken out by unit: the unit's own R, pace, figure and light. */
function eachSection(lang: Lang, rows: readonly TargetRow[]): string {
  const eachRows = rows.filter((row) => row.units);
  if (eachRows.length === 0) return '';
  const head = [
    t(lang, 'col.unit'),
    t(lang, 'col.required'),
    t(lang, 'col.expected'),
    t(lang, 'col.actual'),
    t(lang, 'report.col.bar'),
    t(lang, 'report.col.lag'),
    t(lang, 'col.status'),
    t(lang, 'col.light'),
  ];
  const tables = eachRows.map((row) => {
    const body = (row.units ?? []).map((unit) => {
      const line = { ...row, ...unit, unit: row.unit };
      return `<tr data-light="${unit.light}">${[
        cell(text(unit.unit)),
        cell(text(requiredCell(line, lang)), 'num'),
        cell(text(displayNumber(unit.expected, lang, row.kind === 'percent' ? '%' : '')), 'num'),
        cell(text(actualCell(line, lang)), 'num'),
        cell(progressBar(lang, line), 'bar-cell'),
        lagCell(line),
        cell(text(targetStatusLabel(lang, line))),
        cell(lightBadge(lang, unit.light), 'light-cell'),
      ].join('')}</tr>`;
    });
    return `<h3>${text(`${taskText(row, lang)} · ${t(lang, 'report.chart_title', { metric: row.metric, owner: row.owner })}`)}</h3>${table(head, body, [18, 11, 10, 10, 21, 10, 10, 10], new Set([1, 2, 3, 5]))}`;
  });
  return `<section id="each"><h2>${text(t(lang, 'report.section.each'))}</h2>${tables.join('')}</section>`;
}

function deadlineTable(lang: Lang, rows: readonly DeadlineRow[]): string {
  const head = [
    t(lang, 'col.kind'),
    t(lang, 'col.title'),
    t(lang, 'col.owner'),
    t(lang, 'col.due'),
    t(lang, 'col.days_left'),
    t(lang, 'col.status'),
    t(lang, 'col.light'),
  ];
  const body = groupDeadlineRows(rows).map(
    (line) =>
      `<tr data-light="${line.row.light}">${[
        cell(text(t(lang, `kind.${line.row.kind}`))),
        cell(text(deadlineTitle(line.row))),
        cell(text(deadlineOwnerText(lang, line))),
        cell(text(line.row.due)),
        cell(text(String(line.row.days_left)), 'num'),
        cell(text(deadlineStatusLine(lang, line))),
        cell(lightBadge(lang, line.row.light), 'light-cell'),
      ].join('')}</tr>`,
  );
  return table(head, body, [8, 26, 14, 11, 8, 23, 10], new Set([4]));
}

/** Red (overdue) and yellow (due soon) listed; green counted, or listed too with --all. */
function deadlinesSection(lang: Lang, report: PaperReport, view: View): string {
  const detailed = new Set(view.plans.filter((plan) => !view.ended.some((ended) => ended.id === plan.id)).map((plan) => plan.id));
  const green = groupDeadlineRows(
    report.status.evaluation.deadlines.filter((d) => detailed.has(d.plan) && deadlineLight(d.status) === 'green').map(toDeadlineRow),
  ).length;
  const parts = (['red', 'yellow', 'green'] as const).map((light) => {
    const rows = view.deadlines.filter((row) => row.light === light);
    if (rows.length === 0)
      return light === 'green' && green > 0
        ? `<p class="note">${text(t(lang, 'report.deadlines_green_counted', { count: green }))}</p>`
        : '';
    return `<h3>${lightBadge(lang, light, t(lang, 'report.deadlines_light', { light: lightLabel(lang, light), count: groupDeadlineRows(rows).length }))}</h3>${deadlineTable(lang, rows)}`;
  });
  const body = parts.join('') || `<p class="note">${text(t(lang, 'report.nothing'))}</p>`;
  return `<section id="deadlines"><h2>${text(t(lang, 'report.section.deadlines'))}</h2>${body}</section>`;
}

/**
 * The unit scorecards (the rows of `plan-check units`, worst on-time rate first): targets by light
 * and status, stale figures, deadlines due so far and the two on-time rates, each rate with a bar.
 */
function unitsSection(lang: Lang, rows: readonly UnitScorecardRow[], asOf: string): string {
  if (rows.length === 0) return '';
  const columns = unitColumns(lang, statusesPresent(rows));
  const rateCell = (rate: number | null): string =>
    cell(
      rate === null
        ? '—'
        : `<div class="bar"><div class="bar-fill neutral" style="width:${Math.round(rate * 1000) / 10}%"></div></div><span class="bar-text">${text(displayPercent(rate))}</span>`,
      'bar-cell',
    );
  const body = rows.map(
    (row) =>
      `<tr>${columns
        .map((column, index) => {
          const value = column.value(row);
          if (column.rate) return rateCell(typeof value === 'number' ? value : null);
          return index === 0 ? cell(text(String(value))) : cell(value === null ? '—' : String(value), 'num');
        })
        .join('')}</tr>`,
  );
  const rest = (100 - 14 - 2 * 9) / (columns.length - 3);
  const widths = columns.map((column, index) => (index === 0 ? 14 : column.rate ? 9 : rest));
  const numeric = new Set(columns.flatMap((column, index) => (index > 0 && !column.rate ? [index] : [])));
  return `<section id="units"><h2>${text(t(lang, 'report.section.units'))}</h2><p class="note">${text(t(lang, 'heading.on_time', { asOf }))}</p>${table(
    columns.map((column) => column.header),
    body,
    widths,
    numeric,
  )}</section>`;
}

function endedSection(lang: Lang, view: View): string {
  if (view.ended.length === 0) return '';
  const items = view.ended.map((plan) => {
    const counts = targetStatuses
      .filter((status) => plan.counts[status] > 0)
      .map((status) => t(lang, `brief.count.${status}`, { count: plan.counts[status] }))
      .join(t(lang, 'brief.separator'));
    const parts = (counts || '—') + (plan.overdue > 0 ? t(lang, 'summary.ended_overdue', { count: plan.overdue }) : '');
    return `<li>${text(t(lang, 'summary.ended_plan', { title: plan.title, id: plan.id, end: plan.end, parts }))}</li>`;
  });
  return `<section id="ended"><h2>${text(t(lang, 'report.section.ended'))}</h2><p class="note">${text(t(lang, 'heading.ended_plans'))}</p><ul>${items.join('')}</ul></section>`;
}

function briefSection(lang: Lang, report: PaperReport, view: View): string {
  const boxes = lightOrder.map(
    (light) =>
      `<div class="light-box ${light}" data-light="${light}"><span class="word">${lightBadge(lang, light)}</span><span class="count">${view.summary.lights[light]}</span></div>`,
  );
  return `<section id="brief"><h2>${text(t(lang, 'report.section.brief'))}</h2><p class="brief">${text(briefParagraph(briefFactsOf(report.status), lang))}</p><h3>${text(t(lang, 'report.section.lights'))}</h3><div class="light-boxes">${boxes.join('')}</div></section>`;
}

export function formatReportHtml(report: PaperReport, ctx: FormatContext): string {
  const lang = ctx.lang;
  const status = report.status;
  // the paper lists every target of the plans shown in detail, not only those needing attention:
  // the view is asked as --status asks it (the attention rule replaced), nothing else changes
  const view = buildStatusView(status.evaluation, status.shownPlans, { ...status.view, explicitStatuses: true });
  const detailedPlans = view.plans.filter((plan) => !view.ended.some((ended) => ended.id === plan.id));
  const title = `${t(lang, 'report.title')} · ${t(lang, 'report.as_of', { asOf: view.asOf })}`;
  const sections = [
    briefSection(lang, report, view),
    targetsSection(lang, view.targets),
    chartsSection(lang, report, view.targets, status.evaluation.asOf),
    eachSection(lang, view.targets),
    deadlinesSection(lang, report, view),
    unitsSection(lang, status.view.scorecardsOf?.() ?? [], view.asOf),
    endedSection(lang, view),
  ].filter((section) => section !== '');
  const plans = detailedPlans.map((plan) => `${plan.title} (${plan.id})`).join(t(lang, 'help.list_separator'));
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="plan-check ${VERSION}">
<title>${text(title)}</title>
<style>${reportCss}</style>
</head>
<body>
<header class="masthead"><h1>${text(t(lang, 'report.title'))}</h1><p class="meta">${text(t(lang, 'report.as_of', { asOf: view.asOf }))}${plans ? ` · ${text(t(lang, 'report.plans', { plans }))}` : ''}</p></header>
${sections.join('\n')}
<footer><p>${text(t(lang, 'report.footer.sources', { files: report.sources.join(t(lang, 'help.list_separator')) }))}</p><p>${text(t(lang, 'report.footer.generated', { asOf: view.asOf, version: VERSION }))}</p></footer>
</body>
</html>
`;
}
