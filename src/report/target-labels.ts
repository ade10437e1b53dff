// Words for a target's cells that depend on its kind: a limit that holds reads "within limit" and
// its progress "share of limit"; a level below its floor reads "below target" and its pace column
// shows the floor. Codes (JSON, CSV status) never change; only what a reader sees.
import type { Light } from '../core/lights.js';
import { type Lang, t } from '../i18n/labels.js';
import { displayNumber, displayPercent } from './display.js';
import type { TargetRow } from './rows.js';

type RowKind = Pick<TargetRow, 'status' | 'op' | 'progress_kind'>;

const isLimit = (row: Pick<TargetRow, 'op'>): boolean => row.op === '<=' || row.op === '<';

export function targetStatusLabel(lang: Lang, row: RowKind): string {
  if (row.status === 'met' && isLimit(row)) return t(lang, 'status.within_limit');
  if (row.status === 'behind' && row.progress_kind === 'level') return t(lang, 'status.below_target');
  return t(lang, `status.${row.status}`);
}

/** The status as a table shows it: with "(stale)" when its newest figure is older than stale_days (no data is never stale). */
export function targetStatusText(lang: Lang, row: RowKind & Pick<TargetRow, 'stale'>): string {
  return row.stale && row.status !== 'no_data'
    ? `${targetStatusLabel(lang, row)}${t(lang, 'cell.stale_status')}`
    : targetStatusLabel(lang, row);
}

export function lightLabel(lang: Lang, light: Light): string {
  return t(lang, `light.${light}`);
}

const withUnit = (value: number | null, row: TargetRow, lang: Lang): string =>
  displayNumber(value, lang, row.kind === 'percent' ? '%' : '');

/** R with its comparison; a per-capita `each` target (no single R) shows its rate. */
export function requiredCell(row: TargetRow, lang: Lang): string {
  const unit = row.unit && row.kind !== 'percent' ? ` ${row.unit}` : '';
  if (row.required === null) return `${row.expression}${unit}`;
  return `${row.op} ${withUnit(row.required, row, lang)}${unit}`;
}

/** E; for a level target the floor itself (from its start), not a share of the year. */
export function expectedCell(row: TargetRow, lang: Lang): string {
  if (row.progress_kind === 'level' && row.required !== null && row.expected !== null && row.expected !== 0)
    return `${row.op} ${withUnit(row.required, row, lang)}`;
  return withUnit(row.expected, row, lang);
}

export function actualCell(row: TargetRow, lang: Lang): string {
  return withUnit(row.actual, row, lang);
}

export function gapCell(row: TargetRow, lang: Lang): string {
  return withUnit(row.gap, row, lang);
}

/** A / R; a limit's as its share of the limit; an `each` target's as how many units meet it. */
export function progressCell(row: TargetRow, lang: Lang): string {
  if (row.units)
    return t(lang, 'cell.units_met', { met: row.units.filter((unit) => unit.status === 'met').length, total: row.units.length });
  if (isLimit(row) && row.progress !== null) return t(lang, 'cell.share_of_limit', { value: displayPercent(row.progress) });
  return displayPercent(row.progress);
}

/** The task: its id and title; a plan-level target says so; a unit's line of an `each` target names the unit. */
export function taskText(row: TargetRow, lang: Lang): string {
  if (row.sub_line && row.each_unit !== undefined) return `  └ ${row.each_unit}`;
  if (row.task === null) return t(lang, 'task.plan_level');
  return `${row.task} ${row.task_title}`;
}
