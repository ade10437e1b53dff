// GitHub-flavoured Markdown: the meeting view for job summaries and pull requests.
import { t } from '../i18n/labels.js';
import type { FormatContext } from './context.js';
import { deadlineTableRows, summaryParts, targetTableRows } from './table.js';
import type { DeadlineRow, TargetRow } from './rows.js';
import type { StatusView } from './status-view.js';

const cell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\n/g, ' ');

function markdownTable(head: string[], rows: string[][]): string {
  const lines = [`| ${head.map(cell).join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.map(cell).join(' | ')} |`);
  return lines.join('\n');
}

const plain = (ctx: FormatContext): FormatContext => ({ ...ctx, columns: undefined });

const targetHead = (ctx: FormatContext): string[] =>
  (['col.task', 'col.metric', 'col.owner', 'col.required', 'col.expected', 'col.actual', 'col.gap', 'col.progress', 'col.due', 'col.status'] as const).map((k) => t(ctx.lang, k));
const deadlineHead = (ctx: FormatContext): string[] =>
  (['col.kind', 'col.title', 'col.owner', 'col.due', 'col.days_left', 'col.status'] as const).map((k) => t(ctx.lang, k));

export function formatTargetsMarkdown(rows: readonly TargetRow[], ctx: FormatContext): string {
  return `${markdownTable(targetHead(ctx), targetTableRows(rows, plain(ctx)))}\n`;
}

export function formatDeadlinesMarkdown(rows: readonly DeadlineRow[], ctx: FormatContext): string {
  return `${markdownTable(deadlineHead(ctx), deadlineTableRows(rows, plain(ctx)))}\n`;
}

export function formatStatusMarkdown(view: StatusView, ctx: FormatContext): string {
  const lang = ctx.lang;
  const out = [`## ${t(lang, 'heading.status', { asOf: view.asOf })}`, '', t(lang, 'summary.counts', { targets: view.summary.targets, parts: summaryParts(view.summary, ctx) || '—' }), ''];
  if (view.targets.length > 0) {
    out.push(`### ${view.showingAllTargets ? t(lang, 'heading.targets_all', { count: view.targets.length }) : t(lang, 'heading.targets_attention', { count: view.targets.length, total: view.summary.targets })}`, '');
    out.push(markdownTable(targetHead(ctx), targetTableRows(view.targets, plain(ctx))), '');
  }
  if (view.deadlines.length > 0) {
    out.push(`### ${t(lang, 'heading.deadlines_attention', { days: view.warnDays, count: view.deadlines.length })}`, '');
    out.push(markdownTable(deadlineHead(ctx), deadlineTableRows(view.deadlines, plain(ctx))), '');
  }
  if (view.ended.length > 0) {
    out.push(`### ${t(lang, 'heading.ended_plans')}`, '');
    for (const plan of view.ended) out.push(`- ${cell(t(lang, 'summary.ended_plan', { title: plan.title, id: plan.id, end: plan.end, parts: summaryParts(plan.counts, ctx) || '—' }))}`);
    out.push('');
  }
  return out.join('\n');
}
