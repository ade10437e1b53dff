// What each family of formats is given: one report type per family, the same for every format of it.
import type { Diagnostic } from '../core/diagnostics.js';
import type { Plan } from '../core/model.js';
import type { TemplateRow } from '../core/template.js';
import type { Evaluation, countProject } from '../core/project.js';
import type { SourceKind } from '../core/source-kinds.js';
import type { TargetHistory } from '../core/target-history.js';
import type { DeadlineRow, TargetRow } from './rows.js';
import type { StatusViewOptions } from './status-view.js';

/** status: the selected results, the plans, and what the meeting view shows of them. */
export interface StatusReport {
  /** the evaluation with only the selected targets and deadlines */
  evaluation: Evaluation;
  /** every plan loaded */
  plans: readonly Plan[];
  /** the plans the view covers (those named with --plan, else all) */
  shownPlans: readonly Plan[];
  view: StatusViewOptions;
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
  asOf: string;
  rows: readonly TargetRow[];
}

/** deadlines: one row per deadline shown. */
export interface DeadlinesReport {
  asOf: string;
  rows: readonly DeadlineRow[];
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
