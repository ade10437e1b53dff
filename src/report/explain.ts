// The arithmetic behind one target or deadline, in words a meeting can follow.
import { formatDay } from '../core/dates.js';
import type { DeadlineResult } from '../core/deadlines.js';
import type { TargetResult } from '../core/evaluate.js';
import type { Plan } from '../core/model.js';
import { subtract, toNumber } from '../core/rational.js';
import { t } from '../i18n/labels.js';
import type { FormatContext } from './context.js';
import { displayNumber, displayPercent, safeText } from './display.js';
import { escapeForTerminal } from './escape.js';
import { paintStatus, statusLabel } from './status-text.js';

/** Exact where short, else rounded to 4 decimals for reading (JSON keeps every digit). */
const exact = (value: number): string => {
  const text = String(value);
  return /\.\d{5,}/.test(text) ? `≈${Number(value.toFixed(4))}` : text;
};

export function formatTargetExplanation(result: TargetResult, plan: Plan, asOf: number, ctx: FormatContext): string {
  const lang = ctx.lang;
  const target = result.target;
  const percent = target.expression.kind === 'percent';
  const suffix = percent ? '%' : target.unit ? ` ${safeText(target.unit)}` : '';
  const show = (value: Parameters<typeof toNumber>[0] | undefined): string => (value === undefined ? '—' : `${exact(toNumber(value))}${suffix}`);
  const out: string[] = [ctx.chalk.bold(t(lang, 'explain.target', { ref: target.ref })), t(lang, 'explain.metric', { metric: safeText(target.metric), owner: safeText(target.owner) })];
  out.push(t(lang, 'explain.expression', { expression: target.expression.text }));
  if (target.expression.kind === 'per_capita' && plan.population && target.expression.per) {
    out.push(t(lang, 'explain.required_per_capita', { rate: exact(toNumber(target.expression.value)), population: exact(toNumber(plan.population)), per: exact(toNumber(target.expression.per)), value: show(result.required) }));
  } else {
    out.push(t(lang, percent ? 'explain.required_percent' : 'explain.required_count', { value: exact(toNumber(result.required)) }));
  }
  const asOfText = formatDay(asOf);
  out.push(t(lang, 'explain.window', { start: formatDay(target.start), due: formatDay(target.due), total: result.window.total, asOf: asOfText, elapsed: result.window.elapsed }));
  const limit = target.expression.op === '<=' || target.expression.op === '<';
  if (limit) out.push(t(lang, 'explain.expected_limit', { op: target.expression.op }));
  else if (target.progress === 'at_due') out.push(t(lang, 'explain.expected_at_due', { value: show(result.expected) }));
  else out.push(t(lang, 'explain.expected_linear', { elapsed: result.window.elapsed, total: result.window.total, value: show(result.expected) }));
  if (result.rowsUsed.length === 0) {
    out.push(t(lang, 'explain.no_rows', { asOf: asOfText }));
  } else {
    out.push(t(lang, target.accumulate === 'sum' ? 'explain.rows_sum' : 'explain.rows_latest', { asOf: asOfText }));
    for (const row of result.rowsUsed) {
      const value = row.value.kind === 'fraction' ? `${exact(toNumber(row.value.done))}/${exact(toNumber(row.value.of))}` : `${exact(toNumber(row.value.value))}${row.value.kind === 'percent' ? '%' : ''}`;
      out.push(t(lang, 'explain.row', { unit: safeText(row.reportedBy || '—'), date: formatDay(row.asOf), value, place: `${escapeForTerminal(row.place.file)}:${row.place.line}` }));
    }
    out.push(t(lang, 'explain.actual', { value: show(result.actual) }));
    out.push(t(lang, limit ? 'explain.gap_limit' : 'explain.gap_up', { value: show(result.gap) }));
    if (result.progress) out.push(t(lang, 'explain.progress', { value: `${exact(toNumber(result.progress))} (${displayPercent(toNumber(result.progress))})` }));
  }
  const shortfall = result.expected && result.actual ? displayNumber(toNumber(subtract(result.expected, result.actual)), lang, suffix) : '';
  const ruleValues = { op: target.expression.op, start: formatDay(target.start), due: formatDay(target.due), shortfall };
  out.push(paintStatus(ctx.chalk, result.status, t(lang, `explain.rule.${result.status}`, ruleValues)));
  return `${out.join('\n')}\n`;
}

export function formatDeadlineExplanation(result: DeadlineResult, asOf: number, ctx: FormatContext): string {
  const lang = ctx.lang;
  const out = [
    ctx.chalk.bold(t(lang, 'explain.deadline', { ref: result.ref, title: safeText(result.title) })),
    t(lang, 'explain.deadline_due', { due: formatDay(result.due), owner: safeText(result.owner || '—'), asOf: formatDay(asOf), daysLeft: result.daysLeft }),
    result.completed !== undefined
      ? t(lang, 'explain.deadline_done', { date: formatDay(result.completed), late: result.late ? ` (${t(lang, 'deadline.late')})` : '' })
      : t(lang, 'explain.deadline_open', { asOf: formatDay(asOf) }),
    paintStatus(ctx.chalk, result.status, t(lang, 'explain.deadline_rule', { status: statusLabel(lang, result.status) })),
  ];
  return `${out.join('\n')}\n`;
}

