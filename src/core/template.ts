// The form a department fills in (plan-check template): one line per target it owns, the columns
// of contract v2 ("Actuals"), its latest figure beside each for reference. Pure: rows and header
// only; the CSV and XLSX writers lay them out.
import { formatDay } from './dates.js';
import { reportingUnit } from './unit-registry.js';
import { type ActualRow, type ActualValue, type Plan, allTargets } from './model.js';
import type { Project } from './project.js';
import { type Rational, toNumber } from './rational.js';

/** The template's columns, in order, by the header names of each language. */
export const templateColumns = {
  en: ['plan', 'target', 'metric', 'required', 'unit', 'previous', 'as_of', 'value', 'done', 'of', 'reported_by', 'note'],
  zh: ['计划', '指标', '指标名称', '目标', '计量单位', '上次数值', '截至日期', '数值', '完成数', '应完成数', '填报单位', '备注'],
} as const;

/** The header language of a form: Chinese for a Chinese report, else English. */
export const formLang = (lang: string): 'zh' | 'en' => (lang === 'zh-CN' ? 'zh' : 'en');

/** A unit's name as a file name: characters no file system takes become _. */
export const formFileName = (unit: string, extension: string): string =>
  `${[...unit].map((char) => (/[\\/:*?"<>|]/.test(char) || char.charCodeAt(0) < 0x20 ? '_' : char)).join('')}.actuals.${extension}`;

/** Columns a person fills in (the rest are for reading and are locked in the XLSX form). */
export const inputColumns = new Set([6, 7, 8, 9, 10, 11]);

export interface TemplateRow {
  plan: string;
  /** the local ref, TASK/TARGET */
  ref: string;
  metric: string;
  required: string;
  unit: string;
  /** the unit's latest figure and its date, or empty */
  previous: string;
  /** a percentage target is reported as done and of (Excel turns 47/50 into a date) */
  fraction: boolean;
  reportedBy: string;
}

const numberText = (value: Rational): string => String(Number(toNumber(value).toPrecision(15)));

function valueText(value: ActualValue): string {
  if (value.kind === 'fraction') return `${numberText(value.done)}/${numberText(value.of)}`;
  return value.kind === 'percent' ? `${numberText(value.value)}%` : numberText(value.value);
}

/** The latest row of one unit, with its date: 47/50（2024-06-30）. */
function previousFigure(rows: readonly ActualRow[], plan: Plan, unit: string): string {
  let latest: ActualRow | undefined;
  for (const row of rows) if (reportingUnit(plan.units, row.reportedBy) === unit && (!latest || row.asOf >= latest.asOf)) latest = row;
  return latest ? `${valueText(latest.value)}（${formatDay(latest.asOf)}）` : '';
}

/** Every unit that owns a target or is listed in an `each` target, in plan order, each once. */
export function owningUnits(project: Project): string[] {
  const units = new Set<string>();
  for (const plan of project.plans) {
    for (const target of allTargets(plan)) {
      units.add(reportingUnit(plan.units, target.owner));
      for (const unit of target.each ?? []) units.add(reportingUnit(plan.units, unit.unit));
    }
  }
  return [...units];
}

/**
 * The lines of one unit's form, in plan order: the targets it owns, and its own line of each
 * `each` target it is listed in. An `each` target is reported unit by unit (a row of a unit not
 * listed is ignored), so its owner's form has one line per listed unit, each filled in that
 * unit's name.
 */
export function templateRows(project: Project, units: ReadonlySet<string>): TemplateRow[] {
  const rows: TemplateRow[] = [];
  for (const plan of project.plans) {
    // a task's targets, then the plan-level ones (contract v2), referred to by their local ref
    for (const target of allTargets(plan)) {
      const owner = reportingUnit(plan.units, target.owner);
      const owns = units.has(owner) || units.has(target.owner);
      const reporters = target.each
        ? target.each.map((unit) => reportingUnit(plan.units, unit.unit)).filter((unit) => owns || units.has(unit))
        : owns
          ? [owner]
          : [];
      for (const reporter of reporters) {
        rows.push({
          plan: plan.id,
          ref: target.ref.slice(plan.id.length + 1),
          metric: target.metric,
          required: target.expression.text,
          unit: target.unit ?? (target.expression.kind === 'percent' ? '%' : ''),
          previous: previousFigure(project.joined.rowsByTarget.get(target.ref) ?? [], plan, reporter),
          fraction: target.expression.kind === 'percent',
          reportedBy: reporter,
        });
      }
    }
  }
  return rows;
}

/** A row's cells in column order, the input cells empty but the reporting unit. */
export const templateCells = (row: TemplateRow): string[] => [
  row.plan,
  row.ref,
  row.metric,
  row.required,
  row.unit,
  row.previous,
  '',
  '',
  '',
  '',
  row.reportedBy,
  '',
];
