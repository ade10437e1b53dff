// The summary lines every human view prints (status, gaps, deadlines; table and Markdown): targets
// by status and light, and deadlines by status. Every status --fail-on can find among the
// selected results is counted here, so the text and the exit code always agree.
import type { ChalkInstance } from 'chalk';
import { lightOrder } from '../core/lights.js';
import { type DeadlineStatus, targetStatuses } from '../core/statuses.js';
import { t } from '../i18n/labels.js';
import type { FormatContext } from './context.js';
import type { DeadlineCounts, StatusCounts } from './status-view.js';
import { paintInLight, paintStatus, statusLabel } from './status-text.js';
import { lightLabel } from './target-labels.js';

/** Worst first, as the deadlines table orders them. */
const deadlineOrder: readonly DeadlineStatus[] = ['overdue', 'due_soon', 'done', 'upcoming'];

/** "met 6 · on track 9; lights: green 15", coloured when `chalk` has colour. */
export function targetSummaryParts(counts: StatusCounts, ctx: FormatContext, chalk: ChalkInstance = ctx.chalk): string {
  const statuses = targetStatuses
    .filter((status) => counts[status] > 0)
    .map((status) => paintStatus(chalk, status, `${statusLabel(ctx.lang, status)} ${counts[status]}`))
    .join(' · ');
  const lights = lightOrder
    .filter((light) => counts.lights[light] > 0)
    .map((light) => paintInLight(chalk, light, `${lightLabel(ctx.lang, light)} ${counts.lights[light]}`))
    .join(' · ');
  return lights ? `${statuses}${t(ctx.lang, 'summary.lights', { parts: lights })}` : statuses;
}

/** "overdue 2 · due soon 1 · done 3", coloured when `chalk` has colour. */
function deadlineSummaryParts(counts: DeadlineCounts, ctx: FormatContext, chalk: ChalkInstance = ctx.chalk): string {
  return deadlineOrder
    .filter((status) => counts[status] > 0)
    .map((status) => paintStatus(chalk, status, `${statusLabel(ctx.lang, status)} ${counts[status]}`))
    .join(' · ');
}

/** The summary as lines: targets (when given), then deadlines (when given). */
export function summaryLines(
  targets: StatusCounts | undefined,
  deadlines: DeadlineCounts | undefined,
  ctx: FormatContext,
  chalk: ChalkInstance = ctx.chalk,
): string[] {
  const lines: string[] = [];
  if (targets)
    lines.push(t(ctx.lang, 'summary.counts', { targets: targets.targets, parts: targetSummaryParts(targets, ctx, chalk) || '—' }));
  if (deadlines)
    lines.push(
      t(ctx.lang, 'summary.deadline_counts', { deadlines: deadlines.deadlines, parts: deadlineSummaryParts(deadlines, ctx, chalk) || '—' }),
    );
  return lines;
}
