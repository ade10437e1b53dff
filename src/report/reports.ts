// What each family of formats is given: one report type per family, the same for every format of it.
import type { Diagnostic } from '../core/diagnostics.js';
import type { Plan } from '../core/model.js';
import type { TemplateRow } from '../core/template.js';
import type { Evaluation, countProject } from '../core/project.js';
import type { SourceKind } from '../core/source-kinds.js';
import type { TargetHistory } from '../core/target-history.js';
import type { DeadlineRow, TargetRow, UnitScorecardRow } from './rows.js';
import type { DeadlineCounts, StatusViewOptions } from './status-view.js';

/** What a report on input with errors left out (contract v2, "The meeting view"). */
export interface PartialInput {
  /** errors in the input (printed on standard error) */
  errors: number;
  /** plan files with errors, left out: their plan id when it could be read */
  plans: { file: string; plan?: string }[];
  /** actuals files with an error in the file as a whole, left out */
  files: string[];
  /** actuals rows and records left out because of an error in them or in their file */
  entries: number;
}

/** status: the selected results, the plans, and what the meeting view shows of them. */
export interface StatusReport {
  /** set when the input has errors: what was left out */
  partial?: PartialInput;
  /** the evaluation with only the selected targets and deadlines */
  evaluation: Evaluation;
  /** every plan loaded */
  plans: readonly Plan[];
  /** the plans the view covers (those named with --plan, else all) */
  shownPlans: readonly Plan[];
  view: StatusViewOptions;
}

/** The plans a paper covers, for the title row of a spreadsheet. */
export interface PlanTitle {
  id: string;
  title: string;
}

/**
 * report: the meeting paper. The status report (the same selection and view as `status`), each
 * target's figures over time for the charts, and the files the figures came from.
 */
export interface PaperReport {
  status: StatusReport;
  /** a target's figures over time, by its ref; for an `each` target, one unit's */
  historyOf: (ref: string, unit?: string) => TargetHistory;
  /** the config file and the input files, as shown to the user */
  sources: readonly string[];
}

/** gaps: one row per selected target. */
export interface GapsReport {
  partial?: PartialInput;
  asOf: string;
  rows: readonly TargetRow[];
  /** overdue deadlines among the selected ones: gaps lists targets only, but its summary names them */
  overdueDeadlines?: number;
  /** one plan loaded: the tables show refs without the plan id (explain takes them so) */
  onePlan?: boolean;
  /** the plans the rows come from (the spreadsheet's title row) */
  plans?: readonly PlanTitle[];
}

/** deadlines: one row per deadline shown. */
export interface DeadlinesReport {
  partial?: PartialInput;
  asOf: string;
  rows: readonly DeadlineRow[];
  /** every selected deadline by status, those not shown (done, without --all) included; absent: the rows' */
  summary?: DeadlineCounts;
  /** one plan loaded: the tables show refs without the plan id */
  onePlan?: boolean;
  plans?: readonly PlanTitle[];
}

/** units: one scorecard per unit, in the order asked for (--sort). */
export interface UnitsReport {
  asOf: string;
  rows: readonly UnitScorecardRow[];
  plans: readonly PlanTitle[];
  /** the column the rows are sorted by */
  sort: string;
}

/** template: the lines of one unit's fill-in form. */
export interface TemplateReport {
  rows: readonly TemplateRow[];
}

/** A file validate checked, as displayed: relative to the working folder when inside it. */
export interface CheckedFile {
  path: string;
  kind: SourceKind | 'config';
}

/** validate: every diagnostic of every file checked. */
export interface DiagnosticsReport {
  diagnostics: readonly Diagnostic[];
  /** decoded text per displayed path, for code frames, columns and fingerprints */
  texts: ReadonlyMap<string, string>;
  /** every file checked: the config file first when one was read */
  files: readonly CheckedFile[];
  counts: ReturnType<typeof countProject>;
  /** the plans that loaded, for the canonical reading of targets written in the plan's own words */
  plans: readonly Plan[];
}
