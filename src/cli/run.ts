// The whole program as a function of its inputs: run(io) → exit code. No process.exit anywhere.
import { Command, CommanderError, Option } from 'commander';
import { UsageError } from '../io/find-sources.js';
import { t } from '../i18n/labels.js';
import { type Outcome, getExitCode } from './exit-code.js';
import type { CliIo } from './io.js';
import { resolveLang } from './settings.js';
import { runDeadlines } from './commands/deadlines.js';
import { runExplain } from './commands/explain.js';
import { runGaps } from './commands/gaps.js';
import { runSchema } from './commands/schema.js';
import { runStatus } from './commands/status.js';
import { runInit } from './commands/init.js';
import { runValidate, validateFormats } from './commands/validate.js';

export const VERSION = '0.1.0';

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

function addCommonOptions(command: Command): Command {
  return command
    .option('--as-of <date>', 'evaluate at this date (YYYY-MM-DD) instead of today')
    .option('--lang <lang>', 'interface language: zh-CN or en')
    .option('--no-color', 'no colours, even on a terminal')
    .option('--config <file>', 'read this plan-check.yaml instead of searching for one')
    .option('--no-config', 'do not read any plan-check.yaml')
    .option('--timezone <zone>', 'IANA timezone for "today" (default: config, else the system\'s)')
    .option('--warn-days <days>', 'days before a deadline that count as due soon (default 14)')
    .option('--encoding <name>', 'read files in this encoding instead of UTF-8 (e.g. gb18030)')
    .option('--delimiter <char>', 'CSV delimiter for actuals files (default ,)')
    .option('--max-file-size <bytes>', 'refuse files larger than this (default 20 MiB)')
    .option('--debug', 'show stack traces of internal errors');
}

function addSelectionOptions(command: Command): Command {
  return command
    .option('--owner <unit>', 'only targets and deadlines of this unit (lead or support; aliases from the registry)')
    .addOption(new Option('--role <role>', 'with --owner: only where the unit leads, or only where it supports').choices(['lead', 'support']))
    .option('--plan <id>', 'only this plan (repeatable, or comma-separated)', collect)
    .option('--status <status>', 'only these statuses (repeatable, or comma-separated)', collect)
    .option('--fail-on <statuses>', 'exit 1 when any of these statuses is present (for CI gates)');
}

export async function run(io: CliIo): Promise<number> {
  let outcome: Outcome = {};
  let debug = io.argv.includes('--debug');
  const program = new Command('plan-check')
    .description('Keep government work plans honest: validate plan YAML, track targets against the time-proportional pace (序时进度) and deadlines.')
    .version(VERSION, '-V, --version')
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });

  addCommonOptions(program.command('validate').argument('[paths...]', 'plan and actuals files or folders'))
    .description('check plans and actuals: every problem of every file, with file:line:col')
    .addOption(new Option('--format <format>', 'output format').choices([...validateFormats]).default('text'))
    .addHelpText('after', '\nExamples:\n  plan-check validate examples\n  plan-check validate plans --format github')
    .action((paths: string[], options) => { outcome = runValidate(paths, options, io); });

  addSelectionOptions(addCommonOptions(program.command('status').argument('[paths...]', 'plan and actuals files or folders')))
    .description('the meeting view: summary, targets behind or missed, deadlines overdue or due soon')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'md']).default('table'))
    .option('--all', 'every target and deadline, and ended plans in detail')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .addHelpText('after', '\nExamples:\n  plan-check status\n  plan-check status --owner 区市场监管局 --as-of 2024-06-30\n  plan-check status --format json --fail-on missed,overdue')
    .action((paths: string[], options) => { outcome = runStatus(paths, options, io); });

  addSelectionOptions(addCommonOptions(program.command('gaps').argument('[paths...]', 'plan and actuals files or folders')))
    .description('every target, one row each: required, expected, actual, gap, progress, status')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv', 'json', 'md']).default('table'))
    .option('-o, --output <file>', 'write to a file (atomically; CSV gets a UTF-8 BOM for Excel/WPS)')
    .option('--no-bom', 'CSV file without the UTF-8 BOM')
    .addHelpText('after', '\nExamples:\n  plan-check gaps --format csv -o gaps.csv\n  plan-check gaps --status behind,missed')
    .action((paths: string[], options) => { outcome = runGaps(paths, options, io); });

  addSelectionOptions(addCommonOptions(program.command('deadlines').argument('[paths...]', 'plan and actuals files or folders')))
    .description('tasks, phases and report occurrences, overdue first')
    .option('--within <days>', 'only deadlines not done and due within this many days (overdue included)')
    .option('--all', 'include deadlines already done')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv', 'json', 'md']).default('table'))
    .option('-o, --output <file>', 'write to a file (atomically)')
    .option('--no-bom', 'CSV file without the UTF-8 BOM')
    .addHelpText('after', '\nExamples:\n  plan-check deadlines --within 14\n  plan-check deadlines --owner 区食药安办 --format csv -o deadlines.csv')
    .action((paths: string[], options) => { outcome = runDeadlines(paths, options, io); });

  addCommonOptions(program.command('explain').argument('<ref>', 'a target (PLAN:TASK/TARGET or TASK/TARGET) or deadline (PLAN:task/ID, PLAN:report/ID@DATE)').argument('[paths...]', 'plan and actuals files or folders'))
    .description('the arithmetic behind one target or deadline')
    .addHelpText('after', '\nExamples:\n  plan-check explain district-2024-food-drug:4/food-sampling --as-of 2024-06-30')
    .action((ref: string, paths: string[], options) => { outcome = runExplain(ref, paths, options, io); });

  program.command('init').argument('[dir]', 'folder to create or fill (default: the current folder)')
    .description('scaffold a plan repository: config, example plan and actuals, CI and editor settings')
    .action((dir: string | undefined, options) => { outcome = runInit(dir, options, io); });

  program.command('schema').argument('<name>', 'plan, actuals or config')
    .description('print a JSON Schema (for editors and other tools)')
    .action((name: string) => { outcome = runSchema(name, io); });

  try {
    await program.parseAsync(io.argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return 0;
      return 2;
    }
    if (error instanceof UsageError) {
      io.stderr.write(`plan-check: ${error.message}\n`);
      return 2;
    }
    const lang = resolveLang({}, {}, io.env);
    io.stderr.write(`plan-check: ${t(lang, 'error.internal', { message: (error as Error)?.message ?? String(error) })}\n`);
    if (debug) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    debug = false;
    return 2;
  }
  return getExitCode(outcome);
}
