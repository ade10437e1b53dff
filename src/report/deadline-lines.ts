// Deadlines as the lines of a human table (terminal, Markdown): the owners of one multi-owner duty
// occurrence share a line that says how many have done it and names those who have not
// ("3/5 已报送，未报：区卫健局、区教体局"). The machine formats keep one entry per owner.
import { type Lang, t } from '../i18n/labels.js';
import type { DeadlineRow } from './rows.js';
import { statusLabel } from './status-text.js';

interface DeadlineLine {
  /** the line's own row: the first of its group, with the group's most urgent status */
  row: DeadlineRow;
  /** every row shown on this line (one, or the shown owners of one occurrence) */
  rows: DeadlineRow[];
}

const urgency: Record<DeadlineRow['status'], number> = { overdue: 0, due_soon: 1, upcoming: 2, done: 3 };

/** One line per row, except that the rows of one multi-owner occurrence share the line of the first. */
export function groupDeadlineRows(rows: readonly DeadlineRow[]): DeadlineLine[] {
  const lines: DeadlineLine[] = [];
  const byOccurrence = new Map<string, DeadlineLine>();
  for (const row of rows) {
    if (!row.occurrence) {
      lines.push({ row, rows: [row] });
      continue;
    }
    const key = `${row.ref}\u0000${row.kind}`;
    const line = byOccurrence.get(key);
    if (!line) {
      const created = { row, rows: [row] };
      byOccurrence.set(key, created);
      lines.push(created);
      continue;
    }
    line.rows.push(row);
    if (urgency[row.status] < urgency[line.row.status]) line.row = { ...line.row, status: row.status, late: row.late, light: row.light };
  }
  return lines;
}

/** 已报送 / submitted and 已开展 / carried out where a duty is done; the status label otherwise. */
export function deadlineStatusLabel(lang: Lang, row: Pick<DeadlineRow, 'kind' | 'status'>): string {
  if (row.status === 'done' && row.kind === 'report') return t(lang, 'deadline.done_report');
  if (row.status === 'done' && row.kind === 'activity') return t(lang, 'deadline.done_activity');
  return statusLabel(lang, row.status);
}

/** The owner cell: the owner, or "5 个单位" for a line that stands for several. */
export function deadlineOwnerText(lang: Lang, line: DeadlineLine): string {
  const occurrence = line.row.occurrence;
  return occurrence && line.rows.length > 1 ? t(lang, 'deadline.owners', { count: occurrence.owners }) : line.row.owner;
}

/**
 * The status cell, as parts: the label ("(late)" where a single deadline was done late), then for
 * an occurrence of several owners its progress with who is missing, then how many were late.
 */
export function deadlineStatusText(lang: Lang, line: DeadlineLine): string[] {
  const row = line.row;
  const occurrence = row.occurrence;
  const single = deadlineStatusLabel(lang, row) + (row.late ? ` (${t(lang, 'deadline.late')})` : '');
  if (!occurrence) return [single];
  const kind = row.kind === 'activity' ? 'activity' : 'report';
  let progress = t(lang, `deadline.progress_${kind}`, { done: occurrence.done.length, total: occurrence.owners });
  if (occurrence.missing.length > 0)
    progress += t(lang, `deadline.missing_${kind}`, { units: occurrence.missing.join(t(lang, 'help.list_separator')) });
  const parts = [line.rows.length > 1 ? statusLabel(lang, row.status) : single, progress];
  if (occurrence.late.length > 0) parts.push(t(lang, 'deadline.late_count', { count: occurrence.late.length }));
  return parts;
}

/** The status cell on one line (Markdown): "已逾期 2/3 已报送，未报：区教体局，其中逾期 1 个". */
export function deadlineStatusLine(lang: Lang, line: DeadlineLine): string {
  const [label, ...parts] = deadlineStatusText(lang, line);
  return parts.length === 0 ? label! : `${label} ${parts.join(t(lang, 'deadline.part_separator'))}`;
}
