// The whole program as a function of its inputs: run(io) → exit code. No process.exit anywhere.
// Every word a user reads here comes from the catalog, in the language decided before commander
// parses (interfaceLangs), so --help is in the user's language too.
import { Argument, Command, CommanderError, Option } from 'commander';
import { UsageError } from './usage-error.js';
import { escapeForTerminal } from '../report/escape.js';
import { type LabelKey, type Lang, t } from '../i18n/labels.js';
import { VERSION } from '../version.js';
import { type Outcome, getExitCode } from './exit-code.js';
import { formatExamples, helpConfiguration, localiseCommanderError } from './help.js';
import type { CliIo } from './io.js';
import { interfaceLangs } from './settings.js';
import {
  deadlinesFormats,
  diagnosticsFormats,
  diffFormats,
  formatNames,
  gapsFormats,
  reportFormats,
  statusFormats,
  templateFormats,
  unitsFormats,
} from '../report/formats.js';
import { defaultScorecardSort, scorecardColumns } from '../core/unit-scorecard.js';
import type { CommandName } from './command-names.js';

// Each command's module (and the libraries only it needs) is loaded when that command runs, so
// `--help`, `--version`, `init` and `schema` do not load the plan reader, and each command skips
// the formatters of the others (the build splits them into chunks).
const commands = {
  validate: () => import('./commands/validate.js'),
  status: () => import('./commands/status.js'),
  gaps: () => import('./commands/gaps.js'),
  deadlines: () => import('./commands/deadlines.js'),
  explain: () => import('./commands/explain.js'),
  template: () => import('./commands/template.js'),
  init: () => import('./commands/init.js'),
  schema: () => import('./commands/schema.js'),
  diff: () => import('./commands/diff.js'),
  draft: () => import('./commands/draft.js'),
  units: () => import('./commands/units.js'),
  report: () => import('./commands/report.js'),
} satisfies Record<CommandName, () => Promise<unknown>>;

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Every option is defined here once, so a flag is spelled and described the same in every command. */
function optionsIn(lang: Lang) {
  const option = (flags: string, key: LabelKey) => new Option(flags, t(lang, key));
  /** the choices are the registry's formats, the first the default */
  const format = (choices: readonly string[]) =>
    option('--format <format>', 'opt.format')
      .choices([...choices])
      .default(choices[0]);
  return {
    common: (): Option[] => [
      option('--as-of <date>', 'opt.as_of'),
      option('--lang <lang>', 'opt.lang'),
      option('--no-color', 'opt.no_color'),
      option('--config <file>', 'opt.config'),
      option('--no-config', 'opt.no_config'),
      option('--timezone <zone>', 'opt.timezone'),
      option('--warn-days <days>', 'opt.warn_days'),
      option('--encoding <name>', 'opt.encoding'),
      option('--delimiter <char>', 'opt.delimiter'),
      option('--max-file-size <bytes>', 'opt.max_file_size'),
      option('--no-cache', 'opt.no_cache'),
      option('--debug', 'opt.debug'),
    ],
    /** for commands that read no plans (init, schema): only what still applies */
    minimal: (): Option[] => [option('--lang <lang>', 'opt.lang'), option('--debug', 'opt.debug')],
    selection: (): Option[] => [
      option('--owner <unit>', 'opt.owner'),
      option('--role <role>', 'opt.role').choices(['lead', 'support', 'any']).default('lead'),
      option('--plan <id>', 'opt.plan').argParser(collect),
      option('--status <status>', 'opt.status').argParser(collect),
      option('--fail-on <statuses>', 'opt.fail_on'),
    ],
    format,
    output: () => option('-o, --output <file>', 'opt.output'),
    noBom: () => option('--no-bom', 'opt.no_bom'),
    headers: () => option('--headers <lang>', 'opt.headers').choices(['en', 'zh']),
    within: () => option('--within <days>', 'opt.within'),
    strict: () => option('--strict', 'opt.strict'),
    all: (key: 'opt.all_status' | 'opt.all_deadlines' | 'opt.all_gaps') => option('--all', key),
  };
}

function addOptions(command: Command, options: Option[]): Command {
  for (const option of options) command.addOption(option);
  return command;
}

type Examples = ReadonlyArray<readonly [command: string, key: LabelKey]>;

const examples = {
  root: [
    ['plan-check status', 'ex.root.status'],
    ['plan-check init my-plans', 'ex.root.init'],
    ['plan-check status --help', 'ex.root.help'],
  ],
  validate: [
    ['plan-check validate', 'ex.validate.config'],
    ['plan-check validate examples', 'ex.validate.paths'],
    ['plan-check validate --format github', 'ex.validate.github'],
    ...('junit' in diagnosticsFormats ? [['plan-check validate --format junit > plan-check-junit.xml', 'ex.validate.junit'] as const] : []),
  ],
  status: [
    ['plan-check status', 'ex.status.today'],
    ['plan-check status --owner 区市场监管局 --as-of 2024-06-30', 'ex.status.owner'],
    ['plan-check status --format json --fail-on missed,overdue', 'ex.status.fail_on'],
  ],
  gaps: [
    ['plan-check gaps --format csv -o gaps.csv', 'ex.gaps.csv'],
    ['plan-check gaps --status behind,missed', 'ex.gaps.status'],
  ],
  deadlines: [
    ['plan-check deadlines --within 14', 'ex.deadlines.within'],
    ['plan-check deadlines --owner 区食药安办 --format csv -o deadlines.csv', 'ex.deadlines.owner'],
  ],
  units: [
    ['plan-check units --as-of 2024-06-30', 'ex.units.default'],
    ['plan-check units --sort red --format xlsx -o units.xlsx', 'ex.units.sort'],
  ],
  explain: [
    ['plan-check explain district-2024-food-drug:4/food-sampling-total --as-of 2024-06-30', 'ex.explain.target'],
    ['plan-check explain district-2024-food-drug:task/4', 'ex.explain.task'],
  ],
  report: [
    ['plan-check report -o report.html', 'ex.report.html'],
    ['plan-check report --lang en --as-of 2024-06-30 -o report-en.html', 'ex.report.lang'],
  ],
  init: [
    ['plan-check init', 'ex.init.here'],
    ['plan-check init food-safety-plans', 'ex.init.dir'],
  ],
  schema: [
    ['plan-check schema plan > plan.schema.json', 'ex.schema.plan'],
    ['plan-check schema config', 'ex.schema.config'],
  ],
  diff: [
    ['plan-check diff --base HEAD --fail-on lowered,removed,deadline-later', 'ex.diff.base'],
    ['plan-check diff origin/main...HEAD --format md > plan-changes.md', 'ex.diff.md'],
    ['plan-check diff old.plan.yaml new.plan.yaml -o changes.txt', 'ex.diff.files'],
  ],
} satisfies Record<string, Examples>;

/** The help examples of every command, for the tests (the first word after plan-check is the command). */
export const helpExamples: Readonly<Record<string, Examples>> = examples;

function buildProgram(lang: Lang, errorLang: () => Lang, io: CliIo, settle: (outcome: Outcome) => void): Command {
  const say = (key: LabelKey) => t(lang, key);
  const make = optionsIn(lang);
  const option = (flags: string, key: LabelKey) => new Option(flags, say(key));
  const paths = () => new Argument('[paths...]', say('arg.paths'));
  const helpWidth = (stream: CliIo['stdout']) => () => (stream.isTTY && stream.columns ? stream.columns : 80);
  // help, output and error settings are inherited by the subcommands created after them; the
  // examples are laid out only when help is shown
  const program = new Command('plan-check')
    .description(say('cli.description'))
    .version(VERSION, '-V, --version', say('cli.version'))
    .helpOption('-h, --help', say('cli.help'))
    .helpCommand('help [command]', say('cli.help'))
    .configureHelp(helpConfiguration(lang))
    .showHelpAfterError(false)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(localiseCommanderError(s, errorLang())),
      getOutHelpWidth: helpWidth(io.stdout),
      getErrHelpWidth: helpWidth(io.stderr),
    })
    .addHelpText('after', () => formatExamples(lang, examples.root));

  addOptions(program.command('validate').description(say('cmd.validate')).addArgument(paths()), make.common())
    .addOption(make.format(formatNames(diagnosticsFormats)))
    .addHelpText('after', () => formatExamples(lang, examples.validate))
    .action(async (paths: string[], options) => settle(await (await commands.validate()).runValidate(paths, options, io)));

  addOptions(program.command('status').description(say('cmd.status')).addArgument(paths()), [...make.common(), ...make.selection()])
    .addOption(make.format(formatNames(statusFormats)))
    .addOption(make.all('opt.all_status'))
    .addOption(make.output())
    .addOption(make.strict())
    .addHelpText('after', () => formatExamples(lang, examples.status))
    .action(async (paths: string[], options) => settle(await (await commands.status()).runStatus(paths, options, io)));

  addOptions(program.command('gaps').description(say('cmd.gaps')).addArgument(paths()), [...make.common(), ...make.selection()])
    .addOption(make.format(formatNames(gapsFormats)))
    .addOption(make.all('opt.all_gaps'))
    .addOption(make.output())
    .addOption(make.noBom())
    .addOption(make.strict())
    .addOption(make.headers())
    .addHelpText('after', () => formatExamples(lang, examples.gaps))
    .action(async (paths: string[], options) => settle(await (await commands.gaps()).runGaps(paths, options, io)));

  addOptions(program.command('deadlines').description(say('cmd.deadlines')).addArgument(paths()), [...make.common(), ...make.selection()])
    .addOption(make.within())
    .addOption(make.all('opt.all_deadlines'))
    .addOption(make.format(formatNames(deadlinesFormats)))
    .addOption(make.output())
    .addOption(make.noBom())
    .addOption(make.strict())
    .addOption(make.headers())
    .addHelpText('after', () => formatExamples(lang, examples.deadlines))
    .action(async (paths: string[], options) => settle(await (await commands.deadlines()).runDeadlines(paths, options, io)));

  addOptions(program.command('units').description(say('cmd.units')).addArgument(paths()), [...make.common(), ...make.selection()])
    .addOption(make.format(formatNames(unitsFormats)))
    .addOption(
      option('--sort <column>', 'opt.sort')
        .choices([...scorecardColumns])
        .default(defaultScorecardSort),
    )
    .addOption(make.output())
    .addOption(make.noBom())
    .addHelpText('after', () => formatExamples(lang, examples.units))
    .action(async (paths: string[], options) => settle(await (await commands.units()).runUnits(paths, options, io)));

  addOptions(
    program
      .command('explain')
      .description(say('cmd.explain'))
      .addArgument(new Argument('<ref>', say('arg.ref')))
      .addArgument(paths()),
    make.common(),
  )
    .addHelpText('after', () => formatExamples(lang, examples.explain))
    .action(async (ref: string, paths: string[], options) => settle(await (await commands.explain()).runExplain(ref, paths, options, io)));

  addOptions(program.command('report').description(say('cmd.report')).addArgument(paths()), [...make.common(), ...make.selection()])
    .addOption(make.format(formatNames(reportFormats)))
    .addOption(make.all('opt.all_status'))
    .addOption(make.output())
    .addOption(make.strict())
    .addHelpText('after', () => formatExamples(lang, examples.report))
    .action(async (paths: string[], options) => settle(await (await commands.report()).runReport(paths, options, io)));

  addOptions(program.command('template').description(say('cmd.template')).addArgument(paths()), make.common())
    .addOption(new Option('--owner <unit>', say('opt.template_owner')))
    .addOption(new Option('--split <dir>', say('opt.split')))
    .addOption(make.format(formatNames(templateFormats)))
    .addOption(make.output())
    .addOption(make.noBom())
    .action(async (paths: string[], options) => settle(await (await commands.template()).runTemplate(paths, options, io)));

  addOptions(
    program
      .command('init')
      .description(say('cmd.init'))
      .addArgument(new Argument('[dir]', say('arg.dir'))),
    make.minimal(),
  )
    .addHelpText('after', () => formatExamples(lang, examples.init))
    .action(async (dir: string | undefined, options) => settle((await commands.init()).runInit(dir, options, io)));

  addOptions(
    program
      .command('schema')
      .description(say('cmd.schema'))
      .addArgument(new Argument('<name>', say('arg.schema'))),
    make.minimal(),
  )
    .addHelpText('after', () => formatExamples(lang, examples.schema))
    .action(async (name: string, options) => settle((await commands.schema()).runSchema(name, options, io)));

  const diffOptions = [...make.common(), ...make.selection(), make.output(), option('--base <rev>', 'opt.base')].filter(
    (o) => !/^--(as-of|warn-days|timezone|delimiter|owner|role|plan|status)$/.test(o.long!),
  );
  addOptions(
    program
      .command('diff')
      .description(say('cmd.diff'))
      .addArgument(new Argument('[sides...]', say('arg.sides'))),
    diffOptions,
  )
    .addOption(make.format(formatNames(diffFormats)))
    .addHelpText('after', () => formatExamples(lang, examples.diff))
    .action(async (sides: string[], options) => settle(await (await commands.diff()).runDiff(sides, options, io)));

  addOptions(
    program
      .command('draft')
      .description(say('cmd.draft'))
      .addArgument(new Argument('<file>', say('arg.document'))),
    [...make.minimal(), make.output()],
  ).action(async (file: string, options) => settle(await (await commands.draft()).runDraft(file, options, io)));

  return program;
}

export async function run(io: CliIo): Promise<number> {
  let outcome: Outcome = {};
  const debug = io.argv.includes('--debug');
  const { lang, forErrors } = interfaceLangs(io);
  const program = buildProgram(lang, forErrors, io, (result) => {
    outcome = result;
  });
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
    io.stderr.write(
      `plan-check: ${t(lang, 'error.internal', { message: escapeForTerminal((error as Error)?.message ?? String(error)) })}\n`,
    );
    if (debug) io.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
    return 2;
  }
  return getExitCode(outcome);
}
