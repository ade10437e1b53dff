// Formatters of `plan-check diff`: a terminal table, Markdown for a pull-request comment, JSON, and
// GitHub workflow annotations on the changed lines of the new files. One registry; --format
// choices come from its keys.
import type { PlanChange } from '../diff/compare-plans.js';
import type { ChangeKind, ChangeSubject } from '../diff/change-kinds.js';
import { type LabelKey, type Lang, t } from '../i18n/labels.js';
import type { FormatContext } from './context.js';
import { displayNumber, safeText } from './display.js';
import { markdownText } from './markdown.js';
import { makeTable } from './table.js';
import { displayWidth, wrapToWidth } from './wrap.js';

export interface DiffReport {
  /** how the sides were given: a path, a revision, "working tree" */
  old: string;
  new: string;
  changes: readonly PlanChange[];
  /** the kinds named by --fail-on (every kind for `any`) */
  failOn: readonly string[];
}

/** The changes the gate counts: a kind it names, not approved. */
export const gateHits = (report: DiffReport): PlanChange[] =>
  report.changes.filter((change) => !change.approved && report.failOn.includes(change.kind));

const changeLabel = (lang: Lang, kind: ChangeKind): string => t(lang, `change.${kind}`);
const subjectLabel = (lang: Lang, subject: ChangeSubject): string => t(lang, `subject.${subject}`);

const fieldsWithDefaults = new Set(['progress', 'accumulate', 'combine', 'baseline', 'unit', 'owner', 'start', 'due', 'kind']);

function shownValue(value: PlanChange['old'], change: PlanChange, ctx: FormatContext): string {
  if (value === null) return fieldsWithDefaults.has(change.field) ? t(ctx.lang, 'diff.default') : t(ctx.lang, 'diff.none_value');
  if (typeof value === 'number') {
    if (change.unit === '%') return displayNumber(value, ctx.lang, '%');
    return `${displayNumber(value, ctx.lang)}${change.unit ? ` ${change.unit}` : ''}`;
  }
  if (typeof value === 'string') return value;
  return value.join(ctx.lang === 'zh-CN' ? '、' : ', ');
}

function signedPercent(value: number, ctx: FormatContext): string {
  const magnitude = displayNumber(Math.abs(value), ctx.lang, '%');
  return `${value < 0 ? '−' : '+'}${magnitude}`;
}

/** What a reader needs besides old and new: the change in %, the days, the units added or removed. */
function detail(change: PlanChange, ctx: FormatContext, shortRef: (ref: string) => string): string[] {
  const say = (key: LabelKey, values?: Record<string, string | number>) => t(ctx.lang, key, values);
  const parts: string[] = [];
  if (change.change_percent !== undefined && change.change_percent !== null) {
    parts.push(
      say('diff.percent', {
        percent: signedPercent(change.change_percent, ctx),
        direction: say(change.kind === 'lowered' ? 'diff.weaker' : 'diff.stronger'),
      }),
    );
  } else if (change.kind === 'lowered' || change.kind === 'raised')
    parts.push(say(change.kind === 'lowered' ? 'diff.weaker' : 'diff.stronger'));
  if (change.cause === 'population') parts.push(say('diff.cause_population'));
  if (change.days !== undefined)
    parts.push(say(change.days > 0 ? 'diff.days_later' : 'diff.days_earlier', { days: Math.abs(change.days) }));
  const separator = ctx.lang === 'zh-CN' ? '、' : ', ';
  if (change.added && change.added.length > 0) parts.push(say('diff.list_added', { items: change.added.join(separator) }));
  if (change.removed && change.removed.length > 0) parts.push(say('diff.list_removed', { items: change.removed.join(separator) }));
  if (change.moved && change.moved.length > 0) parts.push(say('diff.moved', { refs: change.moved.map(shortRef).join(separator) }));
  if (change.approved) parts.push(say('diff.approved'));
  return parts;
}

/** Refs without the plan id when every change is in one plan. */
function refShortener(report: DiffReport): (ref: string) => string {
  const plans = new Set(report.changes.map((change) => change.plan));
  if (plans.size !== 1) return (ref) => ref;
  const prefix = `${[...plans][0]}:`;
  return (ref) => (ref.startsWith(prefix) ? ref.slice(prefix.length) : ref);
}

interface Cells {
  change: string;
  item: string;
  old: string;
  new: string;
  detail: string;
  id: string;
}

function cellsOf(report: DiffReport, ctx: FormatContext): Cells[] {
  const shortRef = refShortener(report);
  const detailSeparator = ctx.lang === 'zh-CN' ? '；' : '; ';
  return report.changes.map((change) => ({
    change: changeLabel(ctx.lang, change.kind),
    item: `${subjectLabel(ctx.lang, change.subject)} ${shortRef(change.ref)}${change.label && change.subject !== 'plan' ? ` ${change.label}` : ''}${change.field && !['target', 'title', ''].includes(change.field) ? ` · ${change.field}` : ''}`,
    old: change.kind === 'added' ? t(ctx.lang, 'diff.none_value') : shownValue(change.old, change, ctx),
    new: change.kind === 'removed' ? t(ctx.lang, 'diff.none_value') : shownValue(change.new, change, ctx),
    detail: detail(change, ctx, shortRef).join(detailSeparator),
    id: `${change.kind}@${shortRef(change.ref)}`,
  }));
}

function summaryLine(report: DiffReport, ctx: FormatContext): string {
  if (report.changes.length === 0) return t(ctx.lang, 'diff.none');
  const counts = new Map<string, number>();
  for (const change of report.changes) counts.set(change.kind, (counts.get(change.kind) ?? 0) + 1);
  const separator = ctx.lang === 'zh-CN' ? '，' : ', ';
  const parts = [...counts].map(([kind, count]) => `${changeLabel(ctx.lang, kind as PlanChange['kind'])} ${count}`);
  const approved = report.changes.filter((change) => change.approved).length;
  if (approved > 0) parts.push(t(ctx.lang, 'diff.summary_approved', { approved }));
  return t(ctx.lang, 'diff.summary', { count: report.changes.length, parts: parts.join(separator) });
}

function gateLine(report: DiffReport, ctx: FormatContext): string[] {
  const hits = gateHits(report);
  if (hits.length === 0) return [];
  const kinds = [...new Set(hits.map((change) => change.kind))].join(', ');
  return [t(ctx.lang, 'diff.gate_failed', { count: hits.length, kinds })];
}

/**
 * On a terminal narrower than the table, the long columns (item, old, new, detail) are wrapped to
 * share what the change column and the borders leave, so nothing runs past the edge.
 */
function fitToTerminal(head: readonly string[], rows: string[][], columns: number | undefined): string[][] {
  if (columns === undefined) return rows;
  const widths = head.map((title, column) => Math.max(displayWidth(title), ...rows.map((row) => displayWidth(row[column]!))));
  const borders = 3 * head.length + 1;
  if (widths.reduce((total, width) => total + width, 0) + borders <= columns) return rows;
  const room = Math.max(columns - borders - widths[0]!, 40);
  // item and detail take the most, old and new what they need up to a fifth each
  const oldWidth = Math.min(widths[2]!, Math.floor(room / 5));
  const newWidth = Math.min(widths[3]!, Math.floor(room / 5));
  const rest = room - oldWidth - newWidth;
  const itemWidth = Math.max(Math.min(widths[1]!, Math.ceil(rest / 2)), rest - widths[4]!);
  const limits = [widths[0]!, itemWidth, oldWidth, newWidth, Math.max(rest - itemWidth, 10)];
  return rows.map((row) => row.map((cell, column) => wrapToWidth(cell, limits[column]!)));
}

export function formatDiffTable(report: DiffReport, ctx: FormatContext): string {
  const lines = [ctx.chalk.bold(safeText(t(ctx.lang, 'diff.heading', { old: report.old, new: report.new })))];
  if (report.changes.length > 0) {
    const head = (['diff.col.change', 'diff.col.item', 'diff.col.old', 'diff.col.new', 'diff.col.detail'] as const).map((key) =>
      t(ctx.lang, key),
    );
    const gate = new Set(gateHits(report));
    const cells = cellsOf(report, ctx).map((row) => [row.change, row.item, row.old, row.new, row.detail].map(safeText));
    const wrapped = fitToTerminal(head, cells, ctx.columns);
    const rows = wrapped.map((row, index) => {
      const change = report.changes[index]!;
      const paint = gate.has(change)
        ? ctx.chalk.red
        : change.kind === 'lowered' || change.kind === 'removed'
          ? ctx.chalk.yellow
          : (text: string) => text;
      return [paint(row[0]!), ...row.slice(1)];
    });
    lines.push(makeTable(head, rows, ctx));
  }
  lines.push(summaryLine(report, ctx), ...gateLine(report, ctx));
  return `${lines.join('\n')}\n`;
}

/** A pull-request comment; the first line is a marker a workflow can find to update its own comment. */
export function formatDiffMarkdown(report: DiffReport, ctx: FormatContext): string {
  const lines = ['<!-- plan-check-diff -->', `### ${markdownText(t(ctx.lang, 'diff.heading', { old: report.old, new: report.new }))}`, ''];
  if (report.changes.length > 0) {
    const head = [
      ...(['diff.col.change', 'diff.col.item', 'diff.col.old', 'diff.col.new', 'diff.col.detail'] as const).map((key) => t(ctx.lang, key)),
      'id',
    ];
    lines.push(`| ${head.map(markdownText).join(' | ')} |`, `| ${head.map(() => '---').join(' | ')} |`);
    const gate = new Set(gateHits(report));
    cellsOf(report, ctx).forEach((cells, index) => {
      const flag = gate.has(report.changes[index]!) ? '❌ ' : '';
      lines.push(
        `| ${flag}${markdownText(cells.change)} | ${markdownText(cells.item)} | ${markdownText(cells.old)} | ${markdownText(cells.new)} | ${markdownText(cells.detail)} | \`${safeText(cells.id).replace(/`/g, "'").replace(/\|/g, '\\|')}\` |`,
      );
    });
    lines.push('');
  }
  lines.push(markdownText(summaryLine(report, ctx)), ...gateLine(report, ctx).map((line) => `\n**${markdownText(line)}**`));
  return `${lines.join('\n')}\n`;
}

export function formatDiffJson(report: DiffReport): string {
  const byKind: Record<string, number> = {};
  for (const change of report.changes) byKind[change.kind] = (byKind[change.kind] ?? 0) + 1;
  const hits = gateHits(report);
  const body = {
    old: report.old,
    new: report.new,
    summary: { changes: report.changes.length, approved: report.changes.filter((change) => change.approved).length, by_kind: byKind },
    gate: { fail_on: report.failOn, failed: hits.length > 0, changes: hits.map((change) => change.id) },
    changes: report.changes,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

const escapeData = (text: string): string => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string): string => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** One workflow command per change, on its line of the new file: an error where the gate fails on it, else a notice. */
export function formatDiffGithub(report: DiffReport, ctx: FormatContext): string {
  const gate = new Set(gateHits(report));
  const cells = cellsOf(report, ctx);
  return report.changes
    .map((change, index) => {
      const cell = cells[index]!;
      const message = `${cell.change}: ${cell.item}: ${cell.old} → ${cell.new}${cell.detail ? ` (${cell.detail})` : ''} [${cell.id}]`;
      const level = gate.has(change) ? 'error' : 'notice';
      return `::${level} file=${escapeProperty(change.at.file)},line=${change.at.line},col=${change.at.column},title=${escapeProperty(`plan-check diff: ${change.kind}`)}::${escapeData(safeText(message))}\n`;
    })
    .join('');
}
