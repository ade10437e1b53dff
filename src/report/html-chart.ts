// One small chart per red or yellow target: its reported figures over time (A at each date a row
// came in, as evaluateTarget gives it) against the pace line (E from start to due) or, for a limit,
// the limit. Hand-written SVG: a polyline, dots and a few labels need no charting library.
import { formatDay } from '../core/dates.js';
import type { Light } from '../core/lights.js';
import { toNumber } from '../core/rational.js';
import type { TargetHistory } from '../core/target-history.js';
import { type Lang, t } from '../i18n/labels.js';
import { displayNumber } from './display.js';
import { escapeHtml } from './escape.js';
import { lightColours } from './html-style.js';

const WIDTH = 360;
const HEIGHT = 170;
const PLOT = { left: 48, right: 340, top: 16, bottom: 136 };

interface ChartInput {
  history: TargetHistory;
  light: Light;
  /** the target's window and T, as day numbers */
  start: number;
  due: number;
  asOf: number;
  limit: boolean;
  percent: boolean;
  /** what the chart is about, for the reader of a screen reader */
  label: string;
}

const round = (value: number): string => String(Math.round(value * 10) / 10);

/** The chart as an inline <svg>, every text escaped. */
export function targetChartSvg(input: ChartInput, lang: Lang): string {
  const { history } = input;
  const suffix = input.percent ? '%' : '';
  const required = history.required === undefined ? 0 : toNumber(history.required);
  const reported = history.reported
    .filter((point) => point.actual !== undefined)
    .map((point) => ({ day: point.day, value: toNumber(point.actual!) }));
  const pace = history.pace.map((point) => ({ day: point.day, value: toNumber(point.expected!) }));
  const firstDay = Math.min(input.start, ...reported.map((p) => p.day));
  const lastDay = Math.max(input.due, input.asOf, ...reported.map((p) => p.day));
  const top = Math.max(required, ...reported.map((p) => p.value), ...pace.map((p) => p.value)) * 1.1 || 1;
  const x = (day: number): number => PLOT.left + ((day - firstDay) / Math.max(lastDay - firstDay, 1)) * (PLOT.right - PLOT.left);
  const y = (value: number): number => PLOT.bottom - (Math.max(value, 0) / top) * (PLOT.bottom - PLOT.top);
  const points = (list: readonly { day: number; value: number }[]): string =>
    list.map((p) => `${round(x(p.day))},${round(y(p.value))}`).join(' ');
  const colour = lightColours[input.light];
  // the as-of label stays inside the chart at either end
  const asOfAnchor = x(input.asOf) > PLOT.right - 50 ? 'end' : x(input.asOf) < PLOT.left + 50 ? 'start' : 'middle';
  const parts: string[] = [
    `<line x1="${PLOT.left}" y1="${PLOT.bottom}" x2="${PLOT.right}" y2="${PLOT.bottom}" stroke="#9aa0a6"/>`,
    `<line x1="${PLOT.left}" y1="${PLOT.top}" x2="${PLOT.left}" y2="${PLOT.bottom}" stroke="#9aa0a6"/>`,
    `<text x="${PLOT.left - 4}" y="${PLOT.bottom + 4}" text-anchor="end" font-size="10" fill="#5f6368">0</text>`,
    // R: the target (or the limit) as a gridline
    `<line x1="${PLOT.left}" y1="${round(y(required))}" x2="${PLOT.right}" y2="${round(y(required))}" stroke="${input.limit ? lightColours.red : '#dadce0'}"${input.limit ? ' stroke-dasharray="6 3"' : ''}/>`,
    `<text x="${PLOT.left - 4}" y="${round(y(required) + 4)}" text-anchor="end" font-size="10" fill="#5f6368">${escapeHtml(displayNumber(required, lang, suffix))}</text>`,
    `<text x="${PLOT.left}" y="${HEIGHT - 18}" font-size="10" fill="#5f6368">${formatDay(firstDay)}</text>`,
    `<text x="${PLOT.right}" y="${HEIGHT - 18}" text-anchor="end" font-size="10" fill="#5f6368">${formatDay(lastDay)}</text>`,
    // T
    `<line x1="${round(x(input.asOf))}" y1="${PLOT.top}" x2="${round(x(input.asOf))}" y2="${PLOT.bottom}" stroke="#9aa0a6" stroke-dasharray="2 2"/>`,
    `<text x="${round(x(input.asOf))}" y="${HEIGHT - 4}" text-anchor="${asOfAnchor}" font-size="10" fill="#5f6368">${escapeHtml(t(lang, 'report.as_of', { asOf: formatDay(input.asOf) }))}</text>`,
  ];
  if (pace.length > 1)
    parts.push(`<polyline class="pace" points="${points(pace)}" fill="none" stroke="#5f6368" stroke-width="1.5" stroke-dasharray="5 3"/>`);
  if (reported.length > 1)
    parts.push(`<polyline class="reported" points="${points(reported)}" fill="none" stroke="${colour}" stroke-width="2"/>`);
  for (const point of reported)
    parts.push(`<circle class="reported-point" cx="${round(x(point.day))}" cy="${round(y(point.value))}" r="3.5" fill="${colour}"/>`);
  const last = reported.at(-1);
  if (last) {
    const anchor = x(last.day) > PLOT.right - 40 ? 'end' : 'start';
    parts.push(
      `<text x="${round(x(last.day) + (anchor === 'end' ? -6 : 6))}" y="${round(y(last.value) - 6)}" text-anchor="${anchor}" font-size="11" font-weight="700" fill="${colour}">${escapeHtml(displayNumber(last.value, lang, suffix))}</text>`,
    );
  }
  return `<svg viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${escapeHtml(input.label)}">${parts.join('')}</svg>`;
}
