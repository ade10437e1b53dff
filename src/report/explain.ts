// The arithmetic behind one target or deadline, in words a meeting can follow.
import { formatDay } from '../core/dates.js';
import type { DeadlineResult, DutyOccurrence } from '../core/deadlines.js';
import type { TargetResult } from '../core/evaluate.js';
import type { Duty, Plan } from '../core/model.js';
import { subtract, toNumber } from '../core/rational.js';
import { type Lang, t } from '../i18n/labels.js';
import type { FormatContext } from './context.js';
import { displayNumber, displayPercent, safeText } from './display.js';
import { escapeForTerminal } from './escape.js';
import { paintStatus, statusLabel } from './status-text.js';
import { deadlineStatusLabel } from './deadline-lines.js';
import { lightLabel, targetStatusLabel } from './target-labels.js';
import { deadlineLight } from '../core/lights.js';

/** Exact where short, else rounded to 4 decimals for reading (JSON keeps every digit). */
const exact = (value: number): string => {
  const text = String(value);
  return /\.\d{5,}/.test(text) ? `≈${Number(value.toFixed(4))}` : text;
};

function progressWhy(target: TargetResult['target']): 'written' | 'percent' | 'count' | 'baseline' {
  if (target.progressWritten) return 'written';
  if (target.baseline !== undefined) return 'baseline';
  return target.expression.kind === 'percent' ? 'percent' : 'count';
}

export function formatTargetExplanation(result: TargetResult, plan: Plan, asOf: number, ctx: FormatContext): string {
  const lang = ctx.lang;
  const target = result.target;
  const percent = target.expression.kind === 'percent';
  const suffix = percent ? '%' : target.unit ? ` ${safeText(target.unit)}` : '';
  const show = (value: Parameters<typeof toNumber>[0] | undefined): string =>
    value === undefined ? '—' : `${exact(toNumber(value))}${suffix}`;
  const points = (value: Parameters<typeof toNumber>[0] | undefined): string => (value === undefined ? '—' : exact(toNumber(value)));
  const limit = target.expression.op === '<=' || target.expression.op === '<';
  const row = { status: result.status, op: target.expression.op, progress_kind: limit ? null : target.progress };
  const out: string[] = [
    ctx.chalk.bold(t(lang, 'explain.target', { ref: target.ref })),
    t(lang, 'explain.metric', { metric: safeText(target.metric), owner: safeText(target.owner) }),
  ];
  // v2: a target in the plan's own words shows the canonical form it reads as, then the words
  const written = target.expression.written;
  out.push(
    t(lang, 'explain.expression', { expression: written ? `${target.expression.text}（${safeText(written)}）` : target.expression.text }),
  );
  if (target.expression.kind === 'per_capita' && target.expression.per && (plan.population || target.each)) {
    if (!target.each && plan.population)
      out.push(
        t(lang, 'explain.required_per_capita', {
          rate: exact(toNumber(target.expression.value)),
          population: exact(toNumber(plan.population)),
          per: exact(toNumber(target.expression.per)),
          value: show(result.required),
        }),
      );
  } else {
    out.push(t(lang, percent ? 'explain.required_percent' : 'explain.required_count', { value: exact(toNumber(target.required)) }));
  }
  const asOfText = formatDay(asOf);
  out.push(
    t(lang, 'explain.window', {
      start: formatDay(target.start),
      due: formatDay(target.due),
      total: result.window.total,
      asOf: asOfText,
      elapsed: result.window.elapsed,
    }),
  );
  if (!limit)
    out.push(
      t(lang, 'explain.progress_kind', {
        kind: t(lang, `explain.kind.${target.progress}`),
        why: t(lang, `explain.why.${progressWhy(target)}`),
      }),
    );
  if (target.combine === 'mean') out.push(t(lang, 'explain.combine_mean'));
  if (result.units) {
    const met = result.units.filter((unit) => unit.status === 'met').length;
    out.push(t(lang, 'explain.each', { met, total: result.units.length }));
    for (const unit of result.units) {
      const unitRow = { ...row, status: unit.status };
      out.push(
        paintStatus(
          ctx.chalk,
          unit.status,
          t(lang, 'explain.each_unit', {
            unit: safeText(unit.eachUnit ?? ''),
            required: show(unit.target.required),
            expected: show(unit.expected),
            actual: show(unit.actual),
            gap: show(unit.gap),
            lag: points(unit.lag),
            status: targetStatusLabel(lang, unitRow),
            light: lightLabel(lang, unit.light),
          }),
        ),
      );
    }
    if (result.latestAsOf !== undefined)
      out.push(t(lang, 'explain.latest', { date: formatDay(result.latestAsOf), stale: result.stale ? ` ${t(lang, 'cell.stale')}` : '' }));
    out.push(paintStatus(ctx.chalk, result.status, t(lang, 'explain.rule.each', { status: targetStatusLabel(lang, row) })));
    out.push(t(lang, 'explain.light', { light: lightLabel(lang, result.light) }));
    return `${out.join('\n')}\n`;
  }
  if (limit) out.push(t(lang, 'explain.expected_limit', { op: target.expression.op }));
  else if (target.progress === 'at_due') out.push(t(lang, 'explain.expected_at_due', { value: show(result.expected) }));
  else if (target.progress === 'level')
    out.push(t(lang, 'explain.expected_level', { value: show(result.expected), start: formatDay(target.start) }));
  else if (target.baseline !== undefined) {
    out.push(
      t(lang, 'explain.expected_baseline', {
        elapsed: result.window.elapsed,
        total: result.window.total,
        baseline: exact(toNumber(target.baseline)),
        required: exact(toNumber(target.required)),
        value: show(result.expected),
      }),
    );
  } else
    out.push(
      t(lang, 'explain.expected_linear', { elapsed: result.window.elapsed, total: result.window.total, value: show(result.expected) }),
    );
  if (result.rowsUsed.length === 0) {
    out.push(t(lang, 'explain.no_rows', { asOf: asOfText }));
  } else {
    out.push(t(lang, target.accumulate === 'sum' ? 'explain.rows_sum' : 'explain.rows_latest', { asOf: asOfText }));
    for (const used of result.rowsUsed) {
      const value =
        used.value.kind === 'fraction'
          ? `${exact(toNumber(used.value.done))}/${exact(toNumber(used.value.of))}`
          : `${exact(toNumber(used.value.value))}${used.value.kind === 'percent' ? '%' : ''}`;
      out.push(
        t(lang, 'explain.row', {
          unit: safeText(used.reportedBy || '—'),
          date: formatDay(used.asOf),
          value,
          place: `${escapeForTerminal(used.place.file)}:${used.place.line}`,
        }),
      );
    }
    out.push(t(lang, 'explain.actual', { value: show(result.actual) }));
    out.push(t(lang, limit ? 'explain.gap_limit' : 'explain.gap_up', { value: show(result.gap) }));
    if (result.progress)
      out.push(
        t(lang, 'explain.progress', { value: `${exact(toNumber(result.progress))} (${displayPercent(toNumber(result.progress))})` }),
      );
    if (result.lag) out.push(t(lang, 'explain.lag', { value: exact(toNumber(result.lag)) }));
    if (result.latestAsOf !== undefined)
      out.push(t(lang, 'explain.latest', { date: formatDay(result.latestAsOf), stale: result.stale ? ` ${t(lang, 'cell.stale')}` : '' }));
  }
  const shortfall = result.expected && result.actual ? displayNumber(toNumber(subtract(result.expected, result.actual)), lang, suffix) : '';
  const ruleValues = { op: target.expression.op, start: formatDay(target.start), due: formatDay(target.due), shortfall };
  const ruleKey =
    result.status === 'met' && limit
      ? 'within_limit'
      : result.status === 'behind' && target.progress === 'level'
        ? 'below_target'
        : result.status;
  out.push(paintStatus(ctx.chalk, result.status, t(lang, `explain.rule.${ruleKey}`, ruleValues)));
  out.push(t(lang, 'explain.light', { light: lightLabel(lang, result.light) }));
  return `${out.join('\n')}\n`;
}

/** Days left as a reader says them: 剩余 5 天, 当天截止, 已逾期 132 天 (never 剩余 -132 天). */
function daysLeftText(lang: Lang, daysLeft: number): string {
  if (daysLeft > 0) return t(lang, 'explain.days_left', { days: daysLeft });
  return daysLeft === 0 ? t(lang, 'explain.due_today') : t(lang, 'explain.days_overdue', { days: -daysLeft });
}

function formatDeadlineExplanation(result: DeadlineResult, asOf: number, ctx: FormatContext): string {
  const lang = ctx.lang;
  if (result.occurrence) return formatOccurrenceExplanation(result, result.occurrence, asOf, ctx);
  const out = [
    ctx.chalk.bold(t(lang, 'explain.deadline', { ref: result.ref, title: safeText(result.title) })),
    t(lang, 'explain.deadline_due', {
      due: formatDay(result.due),
      owner: safeText(result.owner || '—'),
      asOf: formatDay(asOf),
      when: daysLeftText(lang, result.daysLeft),
    }),
    result.completed !== undefined
      ? t(lang, 'explain.deadline_done', { date: formatDay(result.completed), late: result.late ? ` (${t(lang, 'deadline.late')})` : '' })
      : t(lang, 'explain.deadline_open', { asOf: formatDay(asOf) }),
    paintStatus(ctx.chalk, result.status, t(lang, 'explain.deadline_rule', { status: statusLabel(lang, result.status) })),
    t(lang, 'explain.light', { light: lightLabel(lang, deadlineLight(result.status)) }),
  ];
  return `${out.join('\n')}\n`;
}

/** Where a duty's occurrences start, in words: its own start, the date issued, or the period start. */
function dutyStartText(duty: Duty, plan: Plan | undefined, first: number, lang: FormatContext['lang']): string {
  const values = { start: formatDay(duty.start), first: formatDay(first), periodStart: plan ? formatDay(plan.period.start) : '—' };
  return t(lang, `explain.duty_start_${duty.startSource}`, values);
}

/** A duty occurrence: the duty, where its occurrences start, and every owner's state. */
function formatOccurrenceExplanation(
  result: DeadlineResult,
  occurrence: DutyOccurrence,
  asOf: number,
  ctx: FormatContext,
  plan?: Plan,
): string {
  const lang = ctx.lang;
  const duty = occurrence.duty;
  const separator = t(lang, 'help.list_separator');
  const out = [
    ctx.chalk.bold(t(lang, 'explain.deadline', { ref: result.ref, title: safeText(result.title) })),
    t(lang, `explain.duty_kind_${duty.kind}`, { owners: duty.owners.map(safeText).join(separator) }),
    dutyStartText(duty, plan, occurrence.first, lang),
    t(lang, 'explain.duty_due', { due: formatDay(occurrence.due), asOf: formatDay(asOf), when: daysLeftText(lang, occurrence.due - asOf) }),
  ];
  for (const owner of occurrence.owners) {
    const status =
      owner.status === 'done' ? deadlineStatusLabel(lang, { kind: duty.kind, status: 'done' }) : statusLabel(lang, owner.status);
    const line =
      owner.completed !== undefined
        ? t(lang, 'explain.duty_owner_done', {
            owner: safeText(owner.owner),
            status,
            date: formatDay(owner.completed),
            late: owner.late ? ` (${t(lang, 'deadline.late')})` : '',
            place: owner.completedPlace ? `${escapeForTerminal(owner.completedPlace.file)}:${owner.completedPlace.line}` : '—',
          })
        : t(lang, 'explain.duty_owner_open', { owner: safeText(owner.owner), status, asOf: formatDay(asOf) });
    out.push(paintStatus(ctx.chalk, owner.status, line));
  }
  out.push(t(lang, duty.owners.length > 1 ? 'explain.duty_rule_owners' : 'explain.duty_rule_single'));
  return `${out.join('\n')}\n`;
}

/** explain for a duty occurrence, given its plan (for the period start it may count from). */
export function formatDutyExplanation(result: DeadlineResult, plan: Plan | undefined, asOf: number, ctx: FormatContext): string {
  return result.occurrence
    ? formatOccurrenceExplanation(result, result.occurrence, asOf, ctx, plan)
    : formatDeadlineExplanation(result, asOf, ctx);
}
