// Every text plan-check shows in English, one catalog: the labels of the interface, one message
// per diagnostic code, the rule texts of SARIF output and the texts of the files init writes. src/i18n/zh-CN.ts has the same keys in
// Chinese; a key missing there does not type-check.
import type { DiagnosticArgs, DiagnosticCode } from '../core/diagnostics.js';
import { list, typeNames } from './message-helpers.js';

export const labels = {
  'status.no_data': 'no data',
  'status.met': 'met',
  'status.breached': 'breached',
  'status.not_started': 'not started',
  'status.missed': 'missed',
  'status.on_track': 'on track',
  'status.behind': 'behind',
  'status.within_limit': 'within limit',
  'status.below_target': 'below target',
  'light.red': 'red',
  'light.yellow': 'yellow',
  'light.green': 'green',
  'light.grey': 'grey',
  'col.light': 'Light',
  'cell.share_of_limit': '{value} of limit',
  'cell.units_met': '{met}/{total} met',
  'cell.stale': '(stale)',
  'cell.stale_status': ' (stale)',
  'task.plan_level': '(plan-wide)',
  'summary.lights': '; lights: {parts}',
  'explain.progress_kind': 'Pace: {kind} ({why})',
  'explain.kind.linear': 'linear, time-proportional',
  'explain.kind.at_due': 'all at the due date',
  'explain.kind.level': 'a level that must hold from the start',
  'explain.why.written': 'written in the plan',
  'explain.why.percent': 'the default for a percentage target',
  'explain.why.count': 'the default for a count or per-capita target',
  'explain.why.baseline': 'the default with a baseline',
  'explain.expected_level': 'Expected by now E = {value} (a level: R from {start} on, 0 before)',
  'explain.expected_baseline':
    'Expected by now E = B + (R − B) × {elapsed}/{total} = {baseline} + ({required} − {baseline}) × {elapsed}/{total} = {value} (linear pace from the baseline)',
  'explain.combine_mean': 'Across reporting units: the mean of their values (a fraction counts as its percentage).',
  'explain.lag': 'Lag = (E − A) ÷ R × 100 = {value} points behind the pace (negative: ahead)',
  'explain.light': 'Light: {light}',
  'explain.latest': 'Newest figure used: {date}{stale}',
  'explain.each': 'Each listed unit on its own ({met} of {total} met); the target takes the worst status and the reddest light:',
  'explain.each_unit': '  {unit}: R = {required}, E = {expected}, A = {actual}, gap {gap}, lag {lag} → {status}, {light}',
  'explain.rule.within_limit': 'Status within limit: A {op} R holds.',
  'explain.rule.below_target': 'Status below target: A {op} R does not hold, and a level must hold from {start}.',
  'explain.rule.each': 'Status {status}: the worst of its units.',
  'deadline.done': 'done',
  'deadline.overdue': 'overdue',
  'deadline.due_soon': 'due soon',
  'deadline.upcoming': 'upcoming',
  'deadline.late': 'late',
  'deadline.done_report': 'submitted',
  'deadline.done_activity': 'carried out',
  'deadline.owners': '{count} {count|unit|units}',
  'deadline.progress_report': '{done}/{total} submitted',
  'deadline.progress_activity': '{done}/{total} carried out',
  'deadline.missing_report': '; not yet: {units}',
  'deadline.missing_activity': '; not yet: {units}',
  'deadline.late_count': '{count} late',
  'deadline.part_separator': '; ',
  'kind.task': 'task',
  'kind.phase': 'phase',
  'kind.report': 'report',
  'kind.activity': 'activity',
  'col.plan': 'Plan',
  'col.task': 'Task',
  'col.metric': 'Metric',
  'col.owner': 'Owner',
  'col.target': 'Target',
  'col.required': 'Required',
  'col.expected': 'Expected now',
  'col.actual': 'Actual',
  'col.gap': 'Gap',
  'col.progress': 'Progress',
  'col.due': 'Due',
  'col.status': 'Status',
  'col.kind': 'Kind',
  'col.title': 'Title',
  'col.days_left': 'Days left',
  'col.unit': 'Unit',
  'col.ref': 'Ref',
  'col.status_label': 'Status (label)',
  'col.start': 'Start',
  'col.done': 'Done on',
  'col.due_so_far': 'Due so far',
  'col.on_time': 'On time',
  'col.late': 'Late',
  'col.overdue': 'Overdue',
  'col.on_time_rate': 'On-time rate',
  'col.reports_on_time_rate': 'Reports on time',
  'col.targets': 'Targets',
  'col.targets_with_status': 'Targets {status}',
  'col.stale': 'Stale figures',
  'col.light_red': 'Red',
  'col.light_yellow': 'Yellow',
  'col.light_green': 'Green',
  'col.light_grey': 'Grey',
  'col.lag': 'Lag (points)',
  'col.latest_as_of': 'Latest figure',
  'col.measure_unit': 'Unit of measure',
  'col.item': 'Item',
  'col.count': 'Count',
  'col.period': 'Period',
  'col.targets_owned': 'Targets',
  'col.latest_figure': 'Newest figure',
  'col.stale_targets': 'Stale',
  'heading.status': 'Status as of {asOf}',
  'heading.as_of_from_config': '{asOf} (from plan-check.yaml)',
  'heading.plans': 'Plans: {plans}',
  'heading.targets_attention': 'Targets that need attention ({count} of {total})',
  'heading.targets_all': 'All targets ({count})',
  'heading.deadlines_attention': 'Deadlines overdue or due within {days} {days|day|days} ({count})',
  'heading.deadlines': 'Deadlines ({count})',
  'heading.on_time': 'On time by unit (deadlines due on or before {asOf}; rate = done on or before due ÷ due so far)',
  'heading.units': 'Units at {asOf}, worst first by {column}',
  'papers.title': '{plans} · as of {asOf}',
  'papers.plan_name': '{title} ({id})',
  'papers.plan_separator': '; ',
  'papers.sheet_summary': 'Summary',
  'papers.sheet_targets': 'Targets',
  'papers.sheet_deadlines': 'Deadlines',
  'papers.sheet_units': 'Units',
  'papers.targets_by_light': 'Targets by light',
  'papers.targets_by_status': 'Targets by status',
  'papers.deadlines_by_status': 'Deadlines by status',
  'papers.plans': 'Plans',
  'papers.yes': 'yes',
  'heading.unit_figures': 'Newest figure by unit (over the targets it owns; stale = newest figure more than {days} days before {asOf})',
  'heading.ended_plans': 'Plans whose period has ended (final figures; --all or --plan ID for detail)',
  'summary.counts': '{targets} {targets|target|targets}: {parts}',
  'summary.nothing': 'Nothing needs attention.',
  'summary.nothing_current': 'Nothing in the plans shown in detail needs attention; the ended plans below still have open problems.',
  'summary.deadline_counts': 'Deadlines ({deadlines}): {parts}',
  'heading.plan_ended': ', ended {end}',
  'summary.overdue_elsewhere': 'Overdue deadlines (not listed here; plan-check deadlines): {count}',
  'partial.heading': 'PARTIAL REPORT: the input has errors ({errors}, on standard error); only what is valid is shown.',
  'partial.plans': 'Plans left out (their files have errors): {plans}',
  'partial.files': 'Actuals files left out as a whole: {files}',
  'partial.entries': 'Rows and records left out because of errors: {count}; what lost data is marked {marker}.',
  'partial.marker': '⚠ data errors',
  'summary.ended_overdue': '; overdue deadlines: {count}',
  'summary.ended_plan': '{title} ({id}), ended {end}: {parts}',
  'summary.more_deadlines': '… and {count} more (plan-check deadlines)',
  'validate.ok':
    'Checked {plans} {plans|plan|plans}, {tasks} {tasks|task|tasks}, {targets} {targets|target|targets}, {actuals} actuals {actuals|file|files} ({rows} {rows|row|rows}): no problems.',
  'validate.problems':
    '{errors} {errors|error|errors} and {warnings} {warnings|warning|warnings} in {files} {files|file|files} ({plans} {plans|plan|plans}, {tasks} {tasks|task|tasks}, {targets} {targets|target|targets} checked).',
  'validate.warnings_only':
    'Checked {plans} {plans|plan|plans}, {tasks} {tasks|task|tasks}, {targets} {targets|target|targets}, {actuals} actuals {actuals|file|files} ({rows} {rows|row|rows}): {warnings} {warnings|warning|warnings}.',
  'diagnostics.follow_plan':
    'References not checked because their plan did not load: {count} more (fix the plan first; --format json lists each).',
  'diagnostics.follow_target':
    'References not checked because their task, target or duty did not load: {count} more (fix the plan first; --format json lists each).',
  'diagnostics.more': '… and {more} more not shown here (--format json lists every one).',
  'severity.error': 'error',
  'severity.warning': 'warning',
  'explain.target': 'Target {ref}',
  'explain.metric': 'Metric: {metric} ({owner})',
  'explain.expression': 'Target expression: {expression}',
  'explain.required_count': 'Required R = {value}',
  'explain.required_percent': 'Required R = {value}% (percentage points)',
  'explain.required_per_capita': 'Required R = {rate} × population {population} ÷ {per} = {value}',
  'explain.window': 'Window {start} – {due}: {total} {total|day|days}; as of {asOf}, {elapsed} {elapsed|day has|days have} elapsed',
  'explain.expected_linear': 'Expected by now E = R × {elapsed}/{total} = {value} (linear pace, 序时进度)',
  'explain.expected_at_due': 'Expected by now E = {value} (all at the due date)',
  'explain.expected_limit': 'No expected pace: a limit ({op}) must hold at every date',
  'explain.rows_latest': 'Actual rows used (latest per reporting unit, on or before {asOf}):',
  'explain.rows_sum': 'Actual rows used (every row on or before {asOf}, added):',
  'explain.row': '  {unit}  {date}  {value}  ({place})',
  'explain.no_rows': 'No reported row on or before {asOf}.',
  'explain.actual': 'Actual A = {value}',
  'explain.gap_up': 'Gap = max(R − A, 0) = {value}',
  'explain.gap_limit': 'Excess = max(A − R, 0) = {value}',
  'explain.progress': 'Progress = A ÷ R = {value}',
  'explain.rule.no_data': 'Status no data: no row on or before the as-of date.',
  'explain.rule.met': 'Status met: A {op} R holds.',
  'explain.rule.breached': 'Status breached: the limit A {op} R does not hold.',
  'explain.rule.not_started': 'Status not started: the as-of date is before the target starts ({start}).',
  'explain.rule.missed': 'Status missed: the due date {due} has passed and A {op} R does not hold.',
  'explain.rule.on_track': 'Status on track: A ≥ E.',
  'explain.rule.behind': 'Status behind: A < E (behind the linear pace by {shortfall}).',
  'explain.deadline': 'Deadline {ref}: {title}',
  'explain.deadline_due': 'Due {due}; owner {owner}; as of {asOf}: {when}.',
  'explain.deadline_done': 'Completed {date}{late}.',
  'explain.deadline_open': 'Not completed on or before {asOf}.',
  'explain.deadline_rule': 'Status {status}.',
  'explain.duty_kind_report': 'A report (something submitted); owners: {owners}',
  'explain.duty_kind_activity': 'An activity (something carried out); owners: {owners}',
  'explain.duty_start_start': "Occurrences count from the duty's own start {start}; the first falls due {first}.",
  'explain.duty_start_issued':
    'Occurrences count from {start}, the date the plan was issued (later than the period start {periodStart}); the first falls due {first}.',
  'explain.duty_start_period': 'Occurrences count from the period start {start}; the first falls due {first}.',
  'explain.duty_due': 'This occurrence is due {due}; as of {asOf}: {when}.',
  'explain.days_left': '{days} {days|day|days} left',
  'explain.due_today': 'due that day',
  'explain.days_overdue': 'overdue by {days} {days|day|days}',
  'explain.duty_owner_done': '  {owner}: {status} {date}{late} ({place})',
  'explain.duty_owner_open': '  {owner}: nothing recorded on or before {asOf}: {status}',
  'explain.duty_rule_owners': "Each owner has its own deadline, done by that owner's earliest record (reported_by).",
  'explain.duty_rule_single': 'Done by the earliest record for this occurrence, whoever filed it.',
  'explain.not_found': 'No target or deadline matches "{ref}".',
  'explain.not_found_suggest': 'No target or deadline matches "{ref}". Closest: {candidates}',
  'explain.candidate': '{ref} ({metric})',
  'explain.ambiguous': '"{ref}" matches several: {matches}',
  'error.no_plans': 'No plans found. Give paths to plan files or folders, or add a plan-check.yaml (see README).',
  'error.has_errors_partial':
    'Errors in the input: {errors} (above). The report covers only what is valid; the exit code is 1. --strict prints no report.',
  'error.has_errors': 'The input has {errors} {errors|error|errors}; fix them first (plan-check validate).',
  'error.unknown_owner': 'No unit matches --owner "{owner}".',
  'error.unknown_owner_suggest': 'No unit matches --owner "{owner}". Did you mean: {candidates}?',
  'error.output_is_input': 'Refusing to write {path}: it is one of the input files.',
  'error.output_not_a_file':
    'Refusing to write {path}: it is a {kind}, not a regular file. Name a file or a new path, or leave out -o (or use -o -) for standard output.',
  'output_kind.folder': 'folder',
  'output_kind.device': 'device',
  'output_kind.fifo': 'named pipe (FIFO)',
  'output_kind.socket': 'socket',
  'output_kind.other': 'special file',
  'note.config_from_parent': 'using {path} from a parent folder (--no-config ignores it; --config FILE names another).',
  'error.write_failed': 'Could not write {path}: {reason}',
  'error.internal': 'internal error: {message} (run with --debug for details)',
  wrote: 'Wrote {path} ({rows} {rows|row|rows}).',
  'rows.truncated': '{shown} of {total} rows shown; use --format csv -o FILE for all, or filter with --owner / --plan / --status.',
  // the command line: help, option and argument descriptions, examples, commander's own words
  'cli.description':
    'Keep government work plans honest: validate plan YAML, track targets against the time-proportional pace and deadlines.',
  'cli.version': 'print the version number',
  'cli.help': 'show help for a command',
  'help.usage': 'Usage:',
  'help.arguments': 'Arguments:',
  'help.options': 'Options:',
  'help.commands': 'Commands:',
  'help.global_options': 'Global Options:',
  'help.examples': 'Examples:',
  'help.extra': ' ({items})',
  'help.list_separator': ', ',
  'help.extra_separator': '; ',
  'help.choices': 'choices: {choices}',
  'help.default': 'default: {value}',
  'cmd.validate': 'check plans and actuals: every problem of every file, with file:line:col',
  'cmd.status': 'the meeting view: summary, targets behind or missed, deadlines overdue or due soon',
  'cmd.gaps': 'every target, one row each: required, expected, actual, gap, progress, status',
  'cmd.deadlines': 'tasks, phases and duty occurrences (one per owner), overdue first',
  'cmd.explain': 'the arithmetic behind one target or deadline',
  'cmd.template': 'write the fill-in form (XLSX or CSV) for a unit, or one per owning unit',
  'opt.split': 'write one form per owning unit into this folder',
  'opt.template_owner': 'the unit whose targets the form lists (aliases from the registry)',
  'template.need_unit': 'say whose form: --owner UNIT, or --split DIR for every owning unit',
  'template.none': 'no target is owned by "{owner}"',
  'cmd.init': 'scaffold a plan repository: config, example plan and actuals, CI and editor settings',
  'cmd.schema': 'print a JSON Schema (for editors and other tools)',
  'cmd.draft': 'draft a plan YAML from the published document (.txt, .md, .docx), to review and validate',
  'arg.document': 'the document: .txt, .md or .docx',
  'cmd.diff':
    "what a change does to the plans' commitments: targets lowered or raised, deadlines moved, tasks and duties added, removed or re-owned",
  'cmd.units':
    'unit scorecards: per unit, the targets it owns by light and status, deadlines due so far done on time, late or overdue, on-time rates, stale figures',
  'arg.paths': 'plan and actuals files or folders (default: the files plan-check.yaml names, else the current folder)',
  'arg.ref': 'a target (PLAN:TASK/TARGET or TASK/TARGET) or a deadline (PLAN:task/ID, PLAN:phase/ID, PLAN:duty/ID@DATE)',
  'arg.dir': 'folder to create or fill (default: the current folder)',
  'arg.schema': 'plan, actuals or config',
  'arg.sides':
    'OLD NEW (each a plan file, a folder or a git revision), or REV..REV [paths], or with --base the paths to compare (default: the current folder)',
  'opt.as_of': 'evaluate at this date (YYYY-MM-DD) instead of today',
  'opt.lang': 'interface language: zh-CN or en',
  'opt.no_color': 'no colours, even on a terminal',
  'opt.config': 'read this plan-check.yaml instead of searching for one',
  'opt.no_config': 'do not read any plan-check.yaml',
  'opt.timezone': 'IANA timezone for "today" (default: plan-check.yaml, else the system\'s)',
  'opt.warn_days': 'days before a deadline that count as due soon (default 14)',
  'opt.encoding': 'read files that are not UTF-8 in this encoding (e.g. gb18030)',
  'opt.delimiter': 'CSV delimiter for actuals files (default ,)',
  'opt.max_file_size': 'refuse files larger than this (default 20 MiB)',
  'opt.no_cache': 'do not read or write the parse cache',
  'opt.debug': 'show stack traces of internal errors',
  'opt.owner': 'only targets and deadlines of this unit (lead or support; aliases from the registry)',
  'opt.role':
    'with --owner: lead = what the unit answers for (targets it owns, tasks it leads, duties it owes); support = tasks it supports; any = both',
  'opt.plan': 'only this plan (repeatable, or comma-separated)',
  'opt.status': 'only these statuses (repeatable, or comma-separated)',
  'opt.fail_on':
    'exit 1 when any of these is present, for CI gates (statuses such as missed,overdue, or lights red,yellow; for diff, kinds of change such as lowered,removed)',
  'opt.all_gaps': 'also one line per unit of each `each` target',
  'opt.base': 'compare the working tree with this git revision (e.g. origin/main)',
  'opt.format': 'output format',
  'opt.output': 'write to this file instead of standard output (atomically)',
  'opt.sort': 'the column to sort by, worst first (default on_time_rate: the lowest on-time rate first)',
  'opt.no_bom': 'CSV file without the UTF-8 BOM (by default a file gets one, for Excel/WPS)',
  'csv.target.ref': 'ref',
  'csv.target.plan': 'plan',
  'csv.target.task': 'task',
  'csv.target.task_title': 'task_title',
  'csv.target.target': 'target',
  'csv.target.metric': 'metric',
  'csv.target.owner': 'owner',
  'csv.target.unit': 'unit',
  'csv.target.op': 'op',
  'csv.target.required': 'required',
  'csv.target.expected': 'expected',
  'csv.target.actual': 'actual',
  'csv.target.gap': 'gap',
  'csv.target.progress': 'progress_percent',
  'csv.target.start': 'start',
  'csv.target.due': 'due',
  'csv.target.status': 'status',
  'csv.target.status_label': 'status_label',
  'csv.target.lag': 'lag_points',
  'csv.target.light': 'light',
  'csv.target.light_label': 'light_label',
  'csv.target.progress_kind': 'progress_kind',
  'csv.target.latest_as_of': 'latest_as_of',
  'csv.target.stale': 'stale',
  'csv.target.each_unit': 'each_unit',
  'csv.target.data_errors': 'data_errors',
  'csv.deadline.ref': 'ref',
  'csv.deadline.kind': 'kind',
  'csv.deadline.plan': 'plan',
  'csv.deadline.title': 'title',
  'csv.deadline.owner': 'owner',
  'csv.deadline.due': 'due',
  'csv.deadline.days_left': 'days_left',
  'csv.deadline.status': 'status',
  'csv.deadline.status_label': 'status_label',
  'csv.deadline.late': 'late',
  'csv.deadline.completed': 'completed',
  'csv.deadline.light': 'light',
  'csv.deadline.light_label': 'light_label',
  'csv.deadline.data_errors': 'data_errors',
  'csv.yes': 'true',
  'csv.no': 'false',
  'opt.headers': 'CSV column names (and yes/no cells) in en or zh (default: the report language)',
  'opt.within': 'only deadlines not done and due within this many days (overdue included)',
  'opt.strict': 'with errors in the input, print no report (default: report on what is valid, exit 1)',
  'opt.all_status': 'every target and deadline, and ended plans in detail',
  'opt.all_deadlines': 'include deadlines already done',
  'ex.root.status': 'the meeting view of the plans plan-check.yaml names',
  'ex.root.init': 'start a new plan repository in the folder my-plans',
  'ex.root.help': 'the options and examples of one command',
  'ex.validate.config': 'check every file plan-check.yaml names',
  'ex.validate.paths': 'check these folders',
  'ex.validate.github': 'annotations on a GitHub pull request',
  'ex.validate.junit': 'a JUnit report for GitLab and other CI systems',
  'ex.status.today': 'the meeting view for today',
  'ex.status.owner': 'one unit, at a past date',
  'ex.status.fail_on': 'machine-readable, and exit 1 when anything is missed or overdue',
  'ex.gaps.csv': 'every target as a CSV file for Excel or WPS',
  'ex.gaps.status': 'only the targets behind or missed',
  'ex.deadlines.within': 'what falls due in the next two weeks',
  'ex.deadlines.owner': "one unit's deadlines as a CSV file",
  'ex.units.default': 'units, the lowest on-time rate first',
  'ex.units.sort': 'units with the most red targets first, as a spreadsheet',
  'ex.explain.target': 'how the figures of one target were computed',
  'ex.explain.task': 'the due date and completion of one task',
  'ex.init.here': 'scaffold the current folder',
  'ex.init.dir': 'create the folder food-safety-plans and scaffold it',
  'ex.schema.plan': 'save the plan schema for an editor',
  'ex.schema.config': 'the schema of plan-check.yaml',
  'ex.diff.base': 'what the uncommitted edits change, and exit 1 on a lowered target, a removal or a later deadline',
  'ex.diff.md': 'the changes of a branch as a pull-request comment',
  'ex.diff.files': 'two versions of a plan file',
  'commander.error': 'error: {message}',
  'commander.unknown_option': "unknown option '{option}'",
  'commander.unknown_command': "unknown command '{command}'",
  'commander.missing_argument': "missing required argument '{argument}'",
  'commander.option_missing_argument': "option '{option}' argument missing",
  'commander.invalid_choice': "option '{option}' argument '{value}' is invalid. Allowed choices are {choices}.",
  'commander.too_many_arguments': 'too many arguments',
  'commander.too_many_arguments_for': "too many arguments for '{command}'. Expected {expected} but got {received}.",
  'commander.did_you_mean': '(Did you mean {suggestion}?)',
  'usage.bad_as_of':
    '--as-of "{value}" is not a real calendar date: write 2024-06-30 (2024/6/30, 2024-6-30, 2024.6.30 and the Chinese year-month-day form are read too)',
  'usage.bad_timezone': 'unknown timezone "{zone}" (use an IANA name such as Asia/Shanghai)',
  'usage.bad_warn_days': '--warn-days must be a whole number of days, not "{value}"',
  'usage.bad_lang': '--lang must be zh-CN or en, not "{value}"',
  'usage.bad_choice': '{name} must be one of {choices}, not "{value}"',
  'usage.bad_encoding': 'unknown encoding "{value}" (for example gb18030, gbk, utf-16le)',
  'usage.bad_max_file_size': '--max-file-size must be a number of bytes',
  'usage.bad_within': '--within must be a whole number of days, not "{value}"',
  'usage.xlsx_needs_output': '--format xlsx writes a spreadsheet file: name it with -o, for example -o report.xlsx',
  'usage.bad_delimiter':
    '--delimiter must be a character such as , ; or a tab, not "{value}" (empty, a quote or a line break cannot separate fields)',
  'usage.empty_owner': '--owner needs a unit name (an empty name would match every unit)',
  'warning.unknown_tz_env':
    'warning: TZ="{zone}" is not a known timezone, so today is taken in UTC; set --timezone or timezone: in plan-check.yaml to an IANA name such as Asia/Shanghai',
  'usage.glob_outside':
    'the pattern "{pattern}" in plan-check.yaml looks outside the config\'s folder; write patterns relative to it, without a leading / or ..',
  'debug.cache_ignored':
    "cache: {count} {count|entry|entries} ignored (not a regular file of yours, over the size bound, or not verified with this install's key)",
  'usage.config_unreadable': 'cannot read the config file {path}',
  'usage.no_such_path': 'cannot read {path}: no such file or folder',
  'usage.not_a_source': '{path} is not a plan-check file (*.plan.yaml, *.actuals.yaml or *.actuals.csv)',
  'usage.no_such_plan': '--plan {plan}: no such plan ({plans})',
  'init.created': 'created',
  'init.skipped': 'kept',
  'init.skipped_note': ' (already there, not changed)',
  'init.failed': 'failed',
  'init.summary': 'plan-check init {dir}: {created} {created|file|files} created, {skipped} existing {skipped|file|files} kept.',
  'init.next': 'Next:',
  'init.next_cd': 'cd {dir}',
  'init.next_validate': 'npx plan-check validate      # check the example files',
  'init.next_status': 'npx plan-check status        # the meeting view',
  'init.next_edit': 'Then replace the example plan in plans/ with your own, and keep the actuals in actuals/.',
  'init.not_a_folder': '{dir} exists and is not a folder',
  'init.write_failed': ' (could not create it: {reason})',
  // plan-check diff
  'diff.heading': 'Plan changes: {old} → {new}',
  'diff.none': 'No change to the commitments.',
  'diff.summary': '{count} {count|change|changes} ({parts}).',
  'diff.summary_approved': '{approved} approved',
  'diff.working_tree': 'working tree',
  'diff.col.change': 'Change',
  'diff.col.item': 'Item',
  'diff.col.old': 'Old',
  'diff.col.new': 'New',
  'diff.col.detail': 'Detail',
  'diff.percent': '{percent} ({direction})',
  'diff.weaker': 'weaker',
  'diff.stronger': 'stronger',
  'diff.days_later': '{days} {days|day|days} later',
  'diff.days_earlier': '{days} {days|day|days} earlier',
  'diff.list_added': 'added: {items}',
  'diff.list_removed': 'removed: {items}',
  'diff.moved': 'moves R of {refs}',
  'diff.cause_population': 'through the population',
  'diff.approved': 'approved',
  'diff.default': '(default)',
  'diff.none_value': '—',
  'diff.gate_failed': '{count} {count|change|changes} of the kinds named by --fail-on ({kinds}) {count|is|are} not approved.',
  'usage.diff_sides': 'give OLD and NEW (files, folders or git revisions), or REV..REV, or --base REV',
  'usage.diff_not_a_side': '{side}: no such file or folder, and not a git revision here',
  'usage.diff_git': 'git: {message}',
  'usage.diff_fail_on': '--fail-on: "{value}" is not a kind of change (one of {kinds}, or any)',
  'subject.plan': 'plan',
  'subject.task': 'task',
  'subject.target': 'target',
  'subject.phase': 'phase',
  'subject.duty': 'duty',
  'change.added': 'added',
  'change.removed': 'removed',
  'change.retitled': 'retitled',
  'change.lowered': 'target lowered',
  'change.raised': 'target raised',
  'change.op-changed': 'comparison changed',
  'change.kind-changed': 'kind changed',
  'change.expression-changed': 'target rewritten',
  'change.metric-changed': 'metric changed',
  'change.progress-changed': 'progress changed',
  'change.baseline-changed': 'baseline changed',
  'change.accumulate-changed': 'accumulate changed',
  'change.combine-changed': 'combine changed',
  'change.lead-changed': 'lead units changed',
  'change.support-changed': 'supporting units changed',
  'change.owner-changed': 're-owned',
  'change.each-changed': 'units of "each" changed',
  'change.start-earlier': 'starts earlier',
  'change.start-later': 'starts later',
  'change.deadline-earlier': 'due earlier',
  'change.deadline-later': 'due later',
  'change.schedule-changed': 'schedule changed',
  'change.population-changed': 'population changed',
  // the 通报 paragraph (status --format brief, the top of --format md and of the report)
  'brief.counts': 'As of {asOf}, targets tracked: {targets}{parts}.',
  'brief.counts_parts': ' ({statuses}; lights: {lights})',
  'brief.separator': ', ',
  'brief.clause_separator': '; ',
  'brief.count.met': '{count} met',
  'brief.count.on_track': '{count} on track',
  'brief.count.behind': '{count} behind',
  'brief.count.missed': '{count} missed',
  'brief.count.breached': '{count} over their limit',
  'brief.count.no_data': '{count} without data',
  'brief.count.not_started': '{count} not started',
  'brief.light.red': '{count} red',
  'brief.light.yellow': '{count} yellow',
  'brief.light.grey': '{count} grey',
  'brief.light.green': '{count} green',
  'brief.targets': '{clauses}.',
  'brief.subject': '"{metric}" (led by {owner}) ',
  'brief.subject_unit': '"{metric}" for {unit} ',
  'brief.behind': 'stands at {progress} of its target, {lag} points behind the pace ({pace})',
  'brief.behind_plain': 'stands at {actual}, behind the pace ({expected})',
  'brief.below_level_points': 'stands at {actual}, {gap} points below the target ({required})',
  'brief.below_level': 'stands at {actual}, {gap} short of the target ({required})',
  'brief.missed': 'was due on {due} and reached {actual} of {required} ({progress}): missed',
  'brief.breached': 'stands at {actual}, {gap} over its limit ({required})',
  'brief.overdue': 'Overdue deadlines: {count}, namely {items}.',
  'brief.overdue_item': '"{title}" ({owner}, due {due})',
  'brief.overdue_item_no_owner': '"{title}" (due {due})',
  'brief.overdue_more': ' and others, {count} in all',
  'brief.unreported': 'Units with reports overdue: {units}.',
  'brief.unreported_unit': '{unit} ({count})',
  'brief.due_soon': 'Falling due within {days} days: {count} more.',
  'brief.ended_problems': 'Missed, breached or overdue items still open in plans that have ended: {count}.',
  'brief.all_clear': 'No target is behind, missed or over its limit, and no deadline is overdue.',
  // plan-check report: the meeting paper (HTML)
  'report.title': 'Progress report',
  'report.as_of': 'As of {asOf}',
  'report.plans': 'Plans: {plans}',
  'report.section.brief': 'Summary',
  'report.section.lights': 'Targets by light',
  'report.section.targets': 'Targets ({count})',
  'report.section.charts': 'Red and yellow targets over time',
  'report.section.each': 'Targets for each unit',
  'report.section.deadlines': 'Deadlines by light',
  'report.section.units': 'Units: deadlines done on time',
  'report.section.ended': 'Plans that have ended',
  'report.light_count': '{light}: {count}',
  'report.deadlines_light': '{light} ({count})',
  'report.deadlines_green_counted': 'Green ({count}): done or not yet due; --all lists them.',
  'report.col.lag': 'Behind pace (points)',
  'report.col.bar': 'Done against the pace',
  'report.bar_label': 'done {progress}, pace {pace}',
  'report.legend.pace': 'pace',
  'report.legend.actual': 'reported',
  'report.legend.limit': 'limit',
  'report.chart_empty': 'No figures reported yet.',
  'report.chart_title': '{metric} ({owner})',
  'report.nothing': 'None.',
  'report.footer.sources': 'Sources: {files}',
  'report.footer.generated': 'Figures as of {asOf}; written by plan-check {version}.',
  'cmd.report':
    'Write the meeting paper: one self-contained HTML file (summary, lights, progress bars, charts, deadlines, units) that prints on A4 landscape',
  'ex.report.html': 'the meeting paper, opens offline and prints',
  'ex.report.lang': 'in English, at a past date',
} as const;

const hintEn = (a: DiagnosticArgs): string => (a.suggestion ? ` Did you mean "${a.suggestion}"?` : '');
/** The yaml library's error codes as sentences (its own message, in English, is the fallback). */
const yamlErrorEn: Record<string, string> = {
  TAB_AS_INDENT: 'a tab used for indentation; indent with spaces',
  BAD_INDENT: 'the indentation does not line up with the lines above; indent items of one list or map by the same number of spaces',
  MISSING_CHAR: 'a closing quote or bracket is missing',
  BAD_DQ_ESCAPE: 'a backslash escape in double quotes that YAML does not know; write \\\\ for a backslash, or use single quotes',
  BAD_SCALAR_START: 'a plain value cannot start with this character; put the value in quotes',
  BLOCK_AS_IMPLICIT_KEY: 'a nested block where a key is expected; check the colon and the indentation',
  MULTILINE_IMPLICIT_KEY: 'a key runs over several lines; a key must fit on one line (check for a missing colon or quote)',
  KEY_OVER_1024_CHARS: 'a key longer than 1024 characters; shorten it',
  UNEXPECTED_TOKEN: 'unexpected text here; check the colon, the dash of a list item and the indentation',
  BLOCK_IN_FLOW: 'a block inside brackets [ ] or { }; write it on one line or without brackets',
  DUPLICATE_KEY: 'a key written twice in one map',
  MULTIPLE_ANCHORS: 'more than one anchor on one value',
  MULTIPLE_TAGS: 'more than one tag on one value',
  BAD_PROP_ORDER: 'an anchor or tag in the wrong place',
  ALIAS_PROPS: 'an alias cannot have an anchor or tag',
  BAD_ALIAS: 'an alias that names no anchor',
  BAD_DIRECTIVE: 'a % directive YAML does not know; remove it',
  MULTIPLE_DOCS: 'more than one document; remove the extra "---"',
  NON_STRING_KEY: 'a key that is not text; write the key as text',
  TAG_RESOLVE_FAILED: 'a value that does not fit its tag',
  BAD_COLLECTION_TYPE: 'a list where a map is expected, or a map where a list is expected',
  IMPOSSIBLE: 'the text could not be read as YAML here',
};

const looksLikeEn: Record<string, string> = {
  gb18030:
    'it looks like GB18030/GBK (common on Chinese Windows): re-save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8), or pass --encoding gb18030',
  'utf-16': 'it is UTF-16: re-save it as UTF-8',
  zip: 'it is a ZIP archive (an .xlsx or .docx renamed?): export it as CSV or YAML text',
  binary: 'it is a binary file, not text',
  ole2: 'it is an old Office file (.xls, .et or .doc renamed?): in Excel or WPS, save it as "CSV UTF-8"',
  png: 'it is a PNG image, not text',
  jpeg: 'it is a JPEG image, not text',
  pdf: 'it is a PDF document: copy the figures into a CSV or YAML file',
  unknown: 'it is not valid UTF-8: re-save it as UTF-8',
};
const valueProblemEn: Record<string, string> = {
  'thousands-separator': 'write numbers without thousands separators (1900, not 1,900)',
  'chinese-multiplier': 'write the full number (12000, not 1.2万)',
  'not-finite': 'the value must be a finite number',
  'not-a-value': 'write a number (1020), a percentage (94%) or a fraction (47/50)',
  'decimal-comma': 'write the decimal point as "." (1020.5, not 1020,5)',
  'too-many-digits': 'a figure has at most 40 digits',
  'fraction-and-value': 'give either a value or done and of, not both',
  'half-fraction': 'done and of go together: fill in both cells',
  'excel-date': 'Excel took this fraction for a date: give it in two columns done,of (完成数,应完成数), or format the cell as text',
};
const typeEn: Record<string, string> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  list: 'a list',
  object: 'a mapping (key: value)',
  mapping: 'a mapping (key: value)',
  null: 'empty',
};
const ruleEn: Record<string, string> = {
  'plan-id': 'use lower-case letters, digits and "-", starting with a letter or digit',
  slug: 'use letters, digits, "_" and "-", starting with a letter or digit',
  'task-id': 'an id has no "/", ":", "@" or spaces',
};

const draftKindEn: Record<string, string> = {
  doc: 'this is an old Word file (.doc): open it in Word or WPS and save as .docx',
  wps: 'this is a WPS file (.wps): open it in WPS and save as .docx',
  pdf: 'this is a PDF: copy its text into a .txt file (or save it as .docx in WPS), then draft from that',
  image: 'this is an image (a scan): run text recognition (OCR) and save the text as .txt',
  ofd: 'this is an OFD file: export its text to .txt',
  rtf: 'this is an RTF file: save it as .docx',
  'not-docx': 'the file is not a Word .docx document: open it in Word or WPS and save as .docx',
};

export const messages = {
  'file-unreadable': (a) => `cannot read the file: ${a.reason}`,
  'file-encoding': (a) => `the file is not UTF-8 text; ${looksLikeEn[String(a.looksLike)] ?? `it could not be read as ${a.looksLike}`}`,
  'file-binary': (a) => `not a text file: ${looksLikeEn[String(a.looksLike)]}`,
  'file-text-too-long': () =>
    'the file holds more text than one string can (about 512 million characters, a limit of Node, whatever --max-file-size says)',
  'file-too-large': (a) => `the file is ${a.size} bytes, over the limit of ${a.limit} (raise it with --max-file-size)`,
  'file-empty': () => 'the file is empty',
  'draft-unsupported-file': (a) =>
    `plan-check draft reads .txt, .md and .docx; ${draftKindEn[String(a.kind)] ?? 'this file is none of them'}`,
  'yaml-syntax': (a) =>
    `YAML syntax error: ${
      a.detail === 'fullwidth-colon'
        ? 'a full-width colon "：" where a key needs ":" (type it with the input method in half-width mode)'
        : a.detail === 'nbsp'
          ? 'a no-break space (U+00A0) after ":"; type an ordinary space'
          : a.detail === 'ideographic-indent'
            ? 'indented with full-width spaces (U+3000); indent with ordinary spaces'
            : (yamlErrorEn[String(a.yamlCode)] ?? a.detail)
    }`,
  'yaml-duplicate-key': (a) => `duplicate key "${a.key}" (first at line ${a.firstLine})`,
  'yaml-alias': (a) => `anchors and aliases (&${a.name} / *${a.name}) are not part of the format: write the value out`,
  'yaml-tag': (a) => `explicit tags (${a.tag}) are not part of the format: remove it`,
  'yaml-multiple-documents': () => 'a file holds one document: remove the extra "---" section or move it to its own file',
  'yaml-directive': (a) => `%YAML ${a.version} directive ignored: files are always read as YAML 1.2`,
  'yaml-key-not-scalar': () => 'a key must be plain text, not a list or mapping',
  'yaml-too-deep': (a) => `nesting deeper than ${a.limit} levels`,
  'yaml-too-many-nodes': (a) => `more than ${a.limit} YAML nodes`,
  'yaml-number-form': (a) =>
    a.form === 'underflow'
      ? `${a.value} is too small to be a number: YAML would read it as 0. Write the figure as an ordinary decimal number`
      : `YAML reads ${a.value} as the ${a.form === 'hex' ? 'hexadecimal' : 'octal'} number ${a.decimal}: write the figure in decimal (${a.decimal}), or quote it if it is text`,
  'unknown-key': (a) => `unknown key "${a.key}".${hintEn(a)} Allowed: ${list(a.allowed)}`,
  'renamed-key': (a) => `"${a.key}" was renamed "${a.name}" (format v2): rename the key to "${a.name}"`,
  'missing-key': (a) => `missing required key "${a.key}"`,
  'wrong-type': (a) =>
    a.field === ''
      ? `the file must be a mapping of keys and values (format: plan/1 …), not ${typeNames(a.actual, typeEn, ' or ')}`
      : `"${a.field}" must be ${typeNames(a.expected, typeEn, ' or ')}, not ${typeNames(a.actual, typeEn, ' or ')}`,
  'number-as-text': (a) =>
    `"${a.field}" is text, but YAML reads ${a.text} as ${a.kind === 'boolean' ? 'true/false' : 'a number'}: quote it ("${a.text}")`,
  'invalid-value': (a) =>
    a.reason === 'red-below-yellow'
      ? `"lights.red" ${a.red} is below "lights.yellow" ${a.yellow} (a band not written takes its default: yellow 0, red 30): make red at least yellow`
      : a.reason === 'month-unused'
        ? `"month" only applies to every: quarter, half_year or year; remove it or change "every"`
        : a.reason === 'exclusive-done'
          ? 'a completion names either "task" or "phase", not both'
          : a.reason === 'empty'
            ? `"${a.field}" must not be empty`
            : a.reason === 'exclusive'
              ? 'a duty has either "every" (recurring) or "due" (one-off), not both: remove one'
              : a.allowed
                ? `"${a.field}" is "${a.value}"; allowed: ${list(a.allowed)}.${hintEn(a)}`
                : a.reason === 'too-long'
                  ? `"${a.field}" is longer than ${a.limit} characters ("${a.value}…")`
                  : a.rule && ruleEn[String(a.rule)]
                    ? `"${a.field}" is "${a.value}": ${ruleEn[String(a.rule)]}`
                    : a.pattern
                      ? `"${a.field}" is "${a.value}", which does not match ${a.pattern}`
                      : `"${a.field}" has an invalid value "${a.value}" (${a.reason ?? ''})`,
  'unknown-format': (a) => `unknown file format "${a.value}": this version of plan-check reads "${a.expected}"`,
  'invalid-date': (a) =>
    `"${a.field}" is "${a.value}", not a real calendar date YYYY-MM-DD${a.hint === 'serial' ? " (a number like this is a spreadsheet's day count: format the cell as a date YYYY-MM-DD)" : a.hint === 'forms' ? ' (write 2024-06-30; 2024/6/30, 2024-6-30, 2024.6.30 and 2024年6月30日 are read too)' : ''}`,
  'duplicate-id': (a) => `duplicate ${a.kind} id "${a.id}" (first at ${a.firstFile ? `${a.firstFile}:` : 'line '}${a.firstLine})`,
  'start-after-due': (a) => `start ${a.start} is after the ${a.endName ?? 'due date'} ${a.due}`,
  'period-too-long': (a) =>
    `the plan period ${a.start} – ${a.end} is longer than ${a.years} years: check the years (a typo?); a longer programme is split into plans of at most ${a.years} years`,
  'too-many-deadlines': (a) =>
    `with duty ${a.duty} the plan's duties have more than ${a.limit} deadlines (every occurrence once per owner): this duty and those after it are not worked out. Check "every" and the owners, or split the plan`,
  'due-outside-period': (a) => `due date ${a.due} is outside the plan period ${a.start} – ${a.end}`,
  'missing-population': (a) => `"${a.target}" is per head of population, but the plan has no "population"`,
  'invalid-target': (a) => `cannot read the target "${a.value}";${hintEn(a)} accepted forms: ${list(a.forms)}`,
  'target-unit-conflict': (a) =>
    `"unit" is "${a.unit}" but the target "${a.written}" names the unit "${a.wordingUnit}"; remove "unit" or make them agree`,
  'unknown-unit': (a) =>
    `"${a.name}" is not in the plan's units registry.${hintEn(a)} Use a registered name or alias, or add the unit to "units"${a.alias ? ` (if it is the same unit, add it as an alias: { name: ${a.alias}, aliases: [${a.name}] })` : ''}`,
  'absurd-number': (a) => `"${a.field}" is ${a.value}: outside what a real plan holds (${a.limit})`,
  'baseline-not-allowed': (a) =>
    a.reason === 'limit'
      ? `a limit (${a.op}) has no baseline: it must hold at every date; remove "baseline"`
      : `"baseline" applies to progress: linear, not ${a.progress}: remove "baseline" or write progress: linear`,
  'baseline-above-target': (a) =>
    `baseline ${a.baseline} is above the target ${a.required}: the baseline is the value at the start and must be at most the target`,
  'each-with-combine': () => '"each" evaluates every listed unit on its own, so "combine" does not apply: remove "combine" (or "each")',
  'each-missing-population': (a) =>
    `the target is per head of population, so "${a.unit}" needs its own population: write { unit: ${a.unit}, population: N }`,
  'target-id-is-task-id': (a) =>
    `plan-level target id "${a.id}" is also a task id (line ${a.taskLine}): refs would be ambiguous; rename the target`,
  'unknown-plan': (a) => `no loaded plan has the id "${a.plan}".${hintEn(a)}`,
  'unknown-ref': (a) =>
    a.ambiguous
      ? `"${a.ref}" matches several targets of plan ${a.plan}: ${list(a.candidates)}; write the ref`
      : `plan ${a.plan} has no ${a.kind} "${a.ref}".${hintEn(a)}${a.candidates ? ` Closest: ${list(a.candidates)}` : ''}`,
  'value-kind-mismatch': (a) =>
    `target ${a.ref} takes a ${a.expected === 'percent' ? 'percentage ("94%" or {done, of})' : 'count (a plain number)'}, not a ${a.actual}`,
  'invalid-value-cell': (a) => `cannot read the value "${a.value}": ${valueProblemEn[String(a.problem)]}`,
  'negative-value': () => 'a reported value cannot be negative',
  'done-exceeds-of': () => '"done" is larger than "of"',
  'zero-of': () => '"of" is 0: the percentage is undefined',
  'as-of-outside-period': (a) => `as-of date ${a.as_of} is outside the plan period ${a.start} – ${a.end}`,
  'percent-needs-fraction': (a) =>
    `${a.units} units report on percentage target ${a.ref}: bare percentages cannot be combined; report done/of (e.g. 47/50)`,
  'duplicate-row': (a) =>
    `${a.ref} is reported twice by "${a.unit}" for ${a.as_of} (also at ${a.firstFile}:${a.firstLine}); the later row is used`,
  'unknown-occurrence': (a) =>
    `duty ${a.duty} has no occurrence due ${a.due}${a.nearest ? `; the nearest is due ${a.nearest}: correct "due"` : ': it has no occurrence at all between its start and until'}; the record counts for nothing`,
  'missing-reported-by': (a) =>
    `duty ${a.duty} has several owners (${list(a.owners)}): say which one this record is for with "reported_by" (on the record or at the top of the file)`,
  'not-duty-owner': (a) =>
    `"${a.unit}" is not an owner of duty ${a.duty} (owners: ${list(a.owners)}); the record counts for no one: correct "reported_by" or the duty's owners`,
  'record-before-start': (a) =>
    `date ${a.date} is before duty ${a.duty} starts (${a.start}${a.source === 'issued' ? ', the date the plan was issued' : a.source === 'period' ? ', the period start' : ''}): correct the date`,
  'each-unit-not-listed': (a) => `"${a.unit}" is not listed in "each" of target ${a.ref}: the row is ignored (listed: ${list(a.units)})`,
  'similar-units': (a) =>
    `"${a.unit}" and "${a.other}" both report on ${a.ref} and look like one unit spelt two ways: their figures are combined as two units. Use one name, or add a units registry with aliases`,
  'invisible-character': (a) =>
    `"${a.field}" is "${a.value}", which holds the invisible character${(a.chars as string[]).length > 1 ? 's' : ''} ${list(a.chars)}: removed before comparing, so it reads "${a.name}". Delete ${(a.chars as string[]).length > 1 ? 'them' : 'it'} from the file (usually pasted in from a web page or a word processor)`,
  'csv-syntax': (a) =>
    a.detail === 'unclosed-quote'
      ? 'a quoted field is never closed: add the closing "'
      : a.detail === 'bad-quote'
        ? 'a quote inside a field must be doubled ("") and the field quoted'
        : a.detail === 'ragged'
          ? `this row has ${a.fields} fields, the header has ${a.expected}`
          : a.detail === 'delimiter'
            ? `the header looks separated by "${a.delimiter}", not commas: pass --delimiter "${a.delimiter === 'tab' ? '\\t' : a.delimiter}" or save as comma-separated CSV`
            : `malformed CSV: ${a.detail}`,
  'csv-unknown-column': (a) =>
    a.unnamed
      ? `this value is in a column without a header, so it would be ignored: name the column (${list(a.allowed)}) or move the value`
      : `unknown column "${a.column}".${hintEn(a)} Known: ${list(a.allowed)}`,
  'csv-duplicate-column': (a) => `column "${a.column}" appears twice`,
  'csv-missing-column': (a) => `missing column "${a.column}" (${list(a.names)})`,
  'xlsx-unreadable': (a) =>
    `cannot read this file as an .xlsx workbook (${a.problem === 'ole' ? 'an old .xls/.et file or a password-protected workbook' : a.problem === 'no-sheet' ? 'it has no visible sheet' : 'not a valid .xlsx file'}): open it in Excel or WPS, remove any password and save as .xlsx`,
  'xlsx-formula-no-value': () =>
    'this formula cell has no saved result: open the file in Excel or WPS and save it again, so that the values are stored',
  'xlsx-date-serial': (a) => `the date cell holds the day number ${a.value}; read as ${a.date}: check it is the date meant`,
} satisfies Record<DiagnosticCode, (a: DiagnosticArgs) => string>;

/** SARIF rule texts: a short title and the full description of each code. */
export const ruleTexts = {
  'file-unreadable': {
    short: 'File cannot be read',
    full: 'The file could not be opened or read (missing, a folder, no permission). Check the path and its permissions.',
  },
  'file-encoding': {
    short: 'File is not UTF-8',
    full: 'Plans and actuals must be UTF-8 text. Re-save the file as UTF-8 (a GB18030/GBK file can also be read with --encoding gb18030).',
  },
  'file-binary': {
    short: 'File is not text',
    full: 'The file is binary (for example an .xlsx renamed to .csv). Export it as CSV or YAML text.',
  },
  'file-text-too-long': {
    short: 'File text is too long to read',
    full: 'The file is valid text, but longer than Node can hold as one string (about 512 million characters). Split it into several files (one per period or per unit).',
  },
  'file-too-large': {
    short: 'File is over the size limit',
    full: 'The file is larger than --max-file-size allows. Split it, or raise the limit.',
  },
  'file-empty': { short: 'File is empty', full: 'The file holds no content. Write the plan or actuals into it, or remove it.' },
  'draft-unsupported-file': {
    short: 'Document type draft cannot read',
    full: "plan-check draft reads .txt, .md and .docx. Save .doc/.wps as .docx; copy a PDF's text into .txt; run OCR on a scan.",
  },
  'yaml-syntax': {
    short: 'YAML syntax error',
    full: 'The file is not valid YAML (indentation, an unclosed quote or bracket). Fix the text at the place shown.',
  },
  'yaml-duplicate-key': {
    short: 'Duplicate YAML key',
    full: 'A mapping names the same key twice; YAML would silently keep only one. Remove or rename one of them.',
  },
  'yaml-alias': {
    short: 'YAML anchor or alias',
    full: 'Anchors (&name) and aliases (*name) are not part of the format. Write the value out in full.',
  },
  'yaml-tag': {
    short: 'Explicit YAML tag',
    full: 'Explicit tags (!!str, !custom) are not part of the format. Remove the tag; quote text instead.',
  },
  'yaml-multiple-documents': {
    short: 'Several YAML documents in one file',
    full: 'A file holds one document. Remove the extra "---" section or move it to a file of its own.',
  },
  'yaml-directive': {
    short: '%YAML directive ignored',
    full: 'Files are always read as YAML 1.2 whatever a %YAML directive says. Remove the directive.',
  },
  'yaml-key-not-scalar': { short: 'YAML key is not plain text', full: 'A key must be plain text, not a list or mapping.' },
  'yaml-too-deep': {
    short: 'YAML nested too deeply',
    full: 'The file nests deeper than any plan needs; it is refused to keep parsing safe.',
  },
  'yaml-too-many-nodes': {
    short: 'Too many YAML nodes',
    full: 'The file has more YAML nodes than the limit; it is refused to keep parsing safe.',
  },
  'yaml-number-form': {
    short: 'Number in a form YAML misreads',
    full: 'A hexadecimal (0x10) or octal (0o17) number, or one too small to hold (1e-400, read as 0): YAML would read a figure nobody wrote. Write figures as ordinary decimal numbers.',
  },
  'unknown-key': {
    short: 'Unknown key',
    full: 'The key is not part of the format (often a misspelling). Use one of the allowed keys listed in the message.',
  },
  'renamed-key': {
    short: 'Renamed key',
    full: 'Format v2 renamed this key (reports → duties, submitted → date). Rename it as the message says; the meaning is the same.',
  },
  'missing-key': { short: 'Missing required key', full: 'A key the format requires is absent. Add it.' },
  'wrong-type': {
    short: 'Value of the wrong type',
    full: 'The value has the wrong type (for example a list where text is expected). Write it in the expected form.',
  },
  'number-as-text': {
    short: 'Number where text is expected',
    full: 'YAML reads an unquoted 01 or 4 as a number, but this field is text. Quote it ("01").',
  },
  'invalid-value': { short: 'Invalid value', full: 'The value is not one of those allowed, or does not match the required pattern.' },
  'unknown-format': {
    short: 'Unknown file format',
    full: 'The "format" key names a format this version of plan-check does not read (plan/1 or actuals/1).',
  },
  'invalid-date': { short: 'Invalid date', full: 'Dates are real calendar dates written YYYY-MM-DD.' },
  'duplicate-id': { short: 'Duplicate id', full: 'Two plans, tasks, targets, phases or reporting duties share an id. Ids must be unique.' },
  'start-after-due': { short: 'Start after due date', full: 'A start date is later than its due (or end) date.' },
  'period-too-long': {
    short: 'Plan period too long',
    full: 'A plan period may span at most 10 years; a longer one is usually a typo in a year. Nothing is worked out over it (no deadlines, no pace).',
  },
  'too-many-deadlines': {
    short: 'Too many duty deadlines',
    full: 'A plan may hold at most 100,000 duty deadlines (each occurrence once per owner). The duty that goes past the limit, and those after it, are not worked out.',
  },
  'due-outside-period': {
    short: 'Due date outside the plan period',
    full: 'A due date falls outside the plan period. Check the date or the period.',
  },
  'missing-population': { short: 'Per-capita target without population', full: 'A per-capita target needs the plan\'s "population".' },
  'invalid-target': {
    short: 'Unreadable target',
    full: 'The target expression cannot be read. Write it as ">= 1900", ">= 100%", "<= 0" or ">= 3.5 per 1000".',
  },
  'target-unit-conflict': {
    short: 'Unit differs from the target wording',
    full: 'The target is written in the plan\'s words with a unit (不少于1900批次) and "unit" names another. Remove "unit" or make the two agree.',
  },
  'unknown-unit': {
    short: 'Unit not in the registry',
    full: 'The plan has a units registry and this unit is not in it. Add it to "units" (or as an alias), or fix the name.',
  },
  'absurd-number': {
    short: 'Number out of range',
    full: 'The number is outside what a real plan holds (often a typo or a missing decimal point).',
  },
  'baseline-not-allowed': {
    short: 'Baseline not allowed here',
    full: 'A baseline applies only to a linear >= or > target: not to a limit, nor with progress level or at_due.',
  },
  'baseline-above-target': {
    short: 'Baseline above the target',
    full: 'The baseline (the value at the start) must not exceed the target.',
  },
  'each-with-combine': { short: 'each with combine', full: 'An each target is evaluated per unit, so combine does not apply.' },
  'each-missing-population': {
    short: 'Unit of each without population',
    full: "A per-capita each target needs every listed unit's own population.",
  },
  'target-id-is-task-id': {
    short: 'Plan-level target id is a task id',
    full: 'A plan-level target id must differ from every task id of the plan, or refs would be ambiguous.',
  },
  'unknown-plan': { short: 'Unknown plan', full: 'The actuals name a plan id that no loaded plan has.' },
  'unknown-ref': { short: 'Unknown task, target, phase or duty', full: 'The actuals refer to something the plan does not have.' },
  'value-kind-mismatch': {
    short: 'Value of the wrong kind for the target',
    full: 'A percentage target takes "94%" or done/of; a count takes a plain number.',
  },
  'invalid-value-cell': {
    short: 'Unreadable value',
    full: 'A reported value must be a number (1020), a percentage (94%) or a fraction (47/50).',
  },
  'negative-value': { short: 'Negative value', full: 'A reported value cannot be negative.' },
  'done-exceeds-of': { short: 'Done larger than of', full: 'In done/of, "done" cannot exceed "of".' },
  'zero-of': { short: 'Of is zero', full: 'In done/of, "of" is 0, so the percentage is undefined.' },
  'as-of-outside-period': {
    short: 'As-of date outside the plan period',
    full: 'The actuals are dated outside the plan period. Check the date.',
  },
  'percent-needs-fraction': {
    short: 'Bare percentages from several units',
    full: 'Several units report one percentage target: bare percentages cannot be combined. Each must report done/of.',
  },
  'duplicate-row': { short: 'Value reported twice', full: 'One unit reported one target twice for one date; the later row is used.' },
  'unknown-occurrence': {
    short: 'No such duty occurrence',
    full: 'A duty record names a due date on which the duty has no occurrence; the message names the nearest one. The record counts for nothing until "due" is corrected.',
  },
  'missing-reported-by': {
    short: 'Record needs reported_by',
    full: 'The duty has several owners, so each record must say whose it is with reported_by (on the record or at the top of the file).',
  },
  'not-duty-owner': {
    short: 'Not an owner of the duty',
    full: "The record's unit is not among the owners of this multi-owner duty, so it counts for no one. Correct reported_by, or the duty's owner list.",
  },
  'record-before-start': {
    short: 'Record before the duty starts',
    full: 'The record is dated before the duty starts (its start, else the later of the period start and the date issued). Correct the date.',
  },
  'each-unit-not-listed': {
    short: 'Unit not listed in each',
    full: 'A unit reported on an each target that does not list it; the row is left out.',
  },
  'similar-units': {
    short: 'Probably one unit, two names',
    full: 'Two reporting units of one target look like one unit spelt two ways; without a registry their figures are added as two units.',
  },
  'invisible-character': {
    short: 'Invisible character in a name or id',
    full: 'A unit name or an id holds a character nobody can see (zero-width space, soft hyphen, bidi mark, variation selector, tag character: Unicode default-ignorable code points). It is removed before names are compared; delete it from the file.',
  },
  'csv-syntax': {
    short: 'CSV syntax error',
    full: 'The CSV is malformed (an unclosed quote, a row with the wrong number of fields, another delimiter).',
  },
  'csv-unknown-column': { short: 'Unknown CSV column', full: 'The header names a column the actuals format does not have.' },
  'csv-duplicate-column': { short: 'Duplicate CSV column', full: 'The header names one column twice.' },
  'csv-missing-column': { short: 'Missing CSV column', full: 'The header lacks a column the actuals format requires.' },
  'xlsx-unreadable': {
    short: 'Not a readable .xlsx',
    full: 'The file is an old .xls/.et, a password-protected workbook or not an .xlsx at all: save it as .xlsx.',
  },
  'xlsx-formula-no-value': {
    short: 'Formula without a saved value',
    full: 'A formula cell has no cached result: open the file in Excel or WPS and save it.',
  },
  'xlsx-date-serial': {
    short: 'Date read from a day number',
    full: 'A date cell held a day number (a date style exceljs does not know); it was read as the date shown in the message.',
  },
} satisfies Record<DiagnosticCode, { short: string; full: string }>;

/** The comments and notes of the files `plan-check init` writes (src/init/scaffold.ts). */
export const initTexts = {
  gitlab_diff_2: 'or a later deadline unless the plan has "# approved: ID" or the merge request the plan-change-approved label.',
  gitlab_diff_1: "What a merge request does to the plans' commitments, in the job log; it fails on a lowered target, a removal",
  github_diff_2:
    'it fails on a lowered target, a removal or a later deadline unless the plan has "# approved: ID" or the PR the plan-change-approved label.',
  github_diff_1: "What the pull request does to the plans' commitments, in the summary and on the changed lines;",
  github_fetch_depth: "the plan changes (diff) need the target branch's history",
  github_pr_labels: 'labeled/unlabeled too: adding or removing the plan-change-approved label runs the check again',
  plan_duties:
    'duties: reports (kind: report, the default) or activities (kind: activity); owner may be a list, each unit counted on its own',
  config_heading: 'plan-check settings. Command-line flags win over these; every setting: plan-check schema config.',
  config_warn_days: 'days before a deadline that count as due soon',
  config_timezone: 'the timezone of "today" (CI machines usually run in UTC)',
  config_locale: 'interface language zh-CN or en; when absent: LANG, else the language of the plans',
  config_as_of: 'a fixed evaluation date (archived plans only); --as-of wins',
  plan_heading: 'An example plan: write each published work plan as one YAML file like this one, then delete this file.',
  plan_quotes: 'The comment above each target quotes the sentence of the plan it encodes.',
  plan_units: 'the units registry: every lead, supporting and reporting unit must be here; aliases are short names',
  actuals_heading: 'Example figures (invented): what the food safety office reports: values, completions and duty records.',
  package_note: (where: string) =>
    `# How plan-check is installed: it is not on the npm registry yet, so PLAN_CHECK_PACKAGE says where
# npm install gets it from, pinned to a release, for example
#   ./tools/plan-check-0.1.0.tgz                                (made by npm pack, committed here)
#   git+https://git.example.org/tools/plan-check.git#v0.1.0   (a tag of its git repository; npm builds it)
# Set it in ${where}. Unset, this check fails rather than fetch whatever package of that name the
# registry may hold. Once plan-check is published, plan-check@0.1 will do.`,
  github_heading_1: 'plan-check: on every push and pull request, validate the plans and actuals (problems are shown on',
  github_heading_2: "the lines of the files) and add the meeting view to the run's summary.",
  github_where: 'Settings → Secrets and variables → Actions → Variables, or on the line below',
  github_missing_variable: 'set the repository variable PLAN_CHECK_PACKAGE (see the comment in .github/workflows/plan-check.yml)',
  gitlab_heading_1: "plan-check: validate the plans and actuals; the JUnit report shows in merge requests and the pipeline's Tests tab.",
  gitlab_heading_2: 'If the repository already has a .gitlab-ci.yml, copy the job below into it.',
  gitlab_where: "Settings → CI/CD → Variables, or in the job's variables",
  gitlab_missing_variable: 'set the CI/CD variable PLAN_CHECK_PACKAGE (see the comment in .gitlab-ci.yml)',
  gitlab_on_failure: 'on failure, print the problems as text too, for the job log',
  schema_readme: `# .plan-check/schemas

The JSON Schemas of plans, actuals and plan-check.yaml, written by \`plan-check init\` for editors
(the VS Code YAML extension reads them through \`.vscode/settings.json\` and the
\`# yaml-language-server: $schema=…\` line at the top of each file): completion, hover help and
errors as you type.

After upgrading plan-check, write them again:

\`\`\`sh
npx plan-check schema plan > .plan-check/schemas/plan.schema.json
npx plan-check schema actuals > .plan-check/schemas/actuals.schema.json
npx plan-check schema config > .plan-check/schemas/config.schema.json
\`\`\`
`,
};
