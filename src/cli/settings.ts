// Settings, settled once at the door: the command line, then plan-check.yaml, then the environment,
// in that order of precedence. resolveSettings checks every value before any input file is read,
// so the first bad one is a usage error (exit 2) whether the input is valid or not. Only the
// language can depend on the data (the plans' own language), decided once after loading.
import path from 'node:path';
import { type DayNumber, parseIsoDate, parseWrittenDate } from '../core/dates.js';
import type { Plan } from '../core/model.js';
import type { Selection } from '../core/select.js';
import { type EvaluationSettings, defaultEvaluationSettings } from '../core/evaluate.js';
import { defaultLightBands } from '../core/lights.js';
import { type FailOnValue, type Status, allStatuses, failOnValues } from '../core/statuses.js';
import { type Lang, type LabelKey, langFromLocale, t } from '../i18n/labels.js';
import { type Config, type LoadedConfig, findConfigFile } from '../io/config.js';
import { displayPath, findFromGlobs, findFromPaths, pathKind, sampleInputText } from '../io/find-sources.js';
import { defaultGlobs, sourceKindOf } from '../core/source-kinds.js';
import { defaultMaxFileBytes } from '../core/project.js';
import { isKnownTimezone, todayIn } from '../io/today.js';
import { loadConfigOnce } from './config-file.js';
import { escapeForTerminal } from '../report/escape.js';
import type { CliIo } from './io.js';
import { UsageError } from './usage-error.js';
import { choicesWithLabels, statusCodesOf, statusOnlyCodesOf } from './status-words.js';

/** The options as commander hands them over (strings, as typed). */
export interface CommandOptions {
  asOf?: string;
  lang?: string;
  color?: boolean;
  debug?: boolean;
  encoding?: string;
  delimiter?: string;
  config?: string | false;
  warnDays?: string;
  timezone?: string;
  maxFileSize?: string;
  /** false with --no-cache: neither read nor write the parse cache */
  cache?: boolean;
  owner?: string;
  role?: string;
  plan?: string[];
  status?: string[];
  failOn?: string;
  format?: string;
  output?: string;
  bom?: boolean;
  /** the language of CSV column names: en or zh */
  headers?: string;
  all?: boolean;
  within?: string;
  /** template: a folder for one form per owning unit */
  split?: string;
  /** status, gaps, deadlines: refuse input with errors instead of reporting on what is valid */
  strict?: boolean;
  /** units: the column to sort by */
  sort?: string;
}

export type ColourLevel = 0 | 1 | 2 | 3;

/** Every setting of a run, checked: plain data, no functions. */
export interface Settings {
  asOf: DayNumber;
  /** where the as-of date came from: --as-of, the as_of of plan-check.yaml, or today's date */
  asOfSource: 'option' | 'config' | 'today';
  /** --debug: say more on standard error (the cache entries ignored; stack traces) */
  debug?: boolean;
  warnDays: number;
  timezone?: string;
  /** the language the user chose (--lang, config locale, LANG…); undefined: the plans decide */
  lang?: Lang;
  /** the language of a message written before the plans are read */
  messageLang: Lang;
  colour: { stdout: ColourLevel; stderr: ColourLevel };
  encoding?: string;
  delimiter?: string;
  maxFileBytes: number;
  cache: boolean;
  /** plan-check.yaml as read (no file: no settings, no diagnostics) */
  config: LoadedConfig;
  /** the path arguments other than a plan-check.yaml among them */
  paths: string[];
  selection: Selection;
  failOn: readonly FailOnValue[];
  format: string;
  /** a file to write; undefined: stdout */
  output?: string;
  /** a byte order mark in front of CSV written to a file */
  bom: boolean;
  /** --headers: the language of CSV column names (and of its yes/no cells); undefined: the report's language */
  headers?: 'en' | 'zh';
  all: boolean;
  /** deadlines: only those due within this many days */
  within?: number;
  /** template: the folder to write one form per owning unit into */
  split?: string;
  /** --strict: input with errors gets no report at all */
  strict: boolean;
  /** the meeting view shows a plan in full until this many days after its end (plan-check.yaml recent_days) */
  recentDays: number;
  /** the light bands and the stale age of plan-check.yaml */
  evaluation: EvaluationSettings;
}

/** What a command accepts beyond the common options: its formats (the first is the default). */
interface CommandSpec {
  formats?: readonly string[];
  /** formats that only go to a file (a spreadsheet): -o is required with them */
  fileFormats?: readonly string[];
}

/** Ended plans stay in full in the meeting view this many days (contract v2, "The meeting view"). */
const defaultRecentDays = 90;

const noConfig: LoadedConfig = { config: {}, diagnostics: [] };

function parseList(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return ([] as string[])
    .concat(value)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);
}

const CJK = /[\u4e00-\u9fff]/;

/** --lang, else config locale, else LANG/LC_ALL when they name a language; undefined: none chosen. */
function chosenLang(options: Pick<CommandOptions, 'lang'>, config: Config, env: CliIo['env']): Lang | undefined {
  if (options.lang !== undefined) {
    const lang = langFromLocale(options.lang);
    if (!lang) throw new UsageError(t(chosenLang({}, config, env) ?? 'en', 'usage.bad_lang', { value: options.lang }));
    return lang;
  }
  if (config.locale) return config.locale;
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG;
  const fromEnv = langFromLocale(locale);
  if (fromEnv && !/^(C|POSIX)/.test(locale || '')) return fromEnv;
  return undefined;
}

/**
 * The language of a run's report: the one chosen, else the plans' own (Chinese titles: zh-CN),
 * else, when no plan loaded, the inputs' own text (Chinese titles, units, headers or comments in
 * any file read: zh-CN), else the language the command line and plan-check.yaml are written in.
 */
export function reportLang(settings: Pick<Settings, 'lang' | 'messageLang'>, plans: readonly Plan[], texts: Iterable<string> = []): Lang {
  if (settings.lang) return settings.lang;
  if (plans.some((plan) => CJK.test(plan.title))) return 'zh-CN';
  if (plans.length > 0) return 'en';
  for (const text of texts) if (CJK.test(text)) return 'zh-CN';
  return settings.messageLang;
}

/**
 * The language of the inputs' own text, for a message written before anything is loaded: the
 * first bytes of a few of the files the command would read (the paths among the arguments, else
 * the config's plans, else the working folder's). Chinese anywhere: zh-CN. Read only when such a
 * message is about to be written.
 */
function langOfInputs(io: Pick<CliIo, 'argv' | 'cwd'>, config?: Pick<LoadedConfig, 'config' | 'folder'>): Lang | undefined {
  try {
    const given = io.argv.filter(
      (arg) => !arg.startsWith('-') && (sourceKindOf(arg) !== undefined || pathKind(path.resolve(io.cwd, arg)) === 'folder'),
    );
    const files =
      given.length > 0
        ? findFromPaths(given, io.cwd).files
        : findFromGlobs(config?.config.plans ?? defaultGlobs.plans, config?.folder ?? io.cwd, io.cwd);
    return CJK.test(sampleInputText(files)) ? 'zh-CN' : undefined;
  } catch {
    return undefined;
  }
}

/** Chinese in what the user typed (an --owner, a --status label, a path) or in plan-check.yaml: the user reads Chinese. */
function langOfUserText(argv: readonly string[], configText: string | undefined): Lang | undefined {
  return argv.some((arg) => CJK.test(arg)) || (configText !== undefined && CJK.test(configText)) ? 'zh-CN' : undefined;
}

/** What the command line says before commander parses it: --lang, --config FILE, --no-config. */
function scanArgv(argv: readonly string[]): { lang?: string; config?: string | false } {
  const found: { lang?: string; config?: string | false } = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--') break;
    const [name, inline] =
      arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => inline ?? argv[++i];
    if (name === '--lang') found.lang = value();
    else if (name === '--config') found.config = value();
    else if (name === '--no-config') found.config = false;
  }
  return found;
}

/**
 * The language of help and of commander's own messages, decided before commander parses: --lang,
 * else the locale of the plan-check.yaml the command would read, else LC_ALL/LC_MESSAGES/LANG when
 * it names a language, else English. Nothing here fails: a bad --lang or a broken config is
 * reported by the command itself.
 */
export function resolveInterfaceLang(io: Pick<CliIo, 'argv' | 'cwd' | 'env'>): Lang {
  return interfaceLangs(io).lang;
}

/**
 * The interface language, and the language of an error commander writes before anything is read:
 * the same when chosen (or when Chinese is typed or in plan-check.yaml), else the inputs' own
 * text decides it, read only when such an error is written. `draft` reads Chinese documents, so
 * undecided it speaks Chinese, help and usage errors included.
 */
export function interfaceLangs(io: Pick<CliIo, 'argv' | 'cwd' | 'env'>): { lang: Lang; forErrors: () => Lang } {
  const scanned = scanArgv(io.argv);
  const given = langFromLocale(scanned.lang);
  if (given) return { lang: given, forErrors: () => given };
  let loaded: LoadedConfig | undefined;
  if (scanned.config !== false) {
    try {
      const file = scanned.config !== undefined ? path.resolve(io.cwd, scanned.config) : findConfigFile(io.cwd);
      loaded = file ? loadConfigOnce(io, file, { found: scanned.config === undefined }) : undefined;
    } catch {
      // unreadable: the command says so
    }
  }
  let decided: Lang | undefined;
  try {
    decided = chosenLang({}, loaded?.config ?? {}, io.env) ?? langOfUserText(io.argv, loaded?.text);
  } catch {
    decided = undefined;
  }
  const commandDefault: Lang | undefined = io.argv.find((arg) => !arg.startsWith('-')) === 'draft' ? 'zh-CN' : undefined;
  let forErrors: Lang | undefined;
  return {
    lang: decided ?? commandDefault ?? 'en',
    forErrors: () => (forErrors ??= decided ?? commandDefault ?? langOfInputs(io, loaded) ?? 'en'),
  };
}

/** Colour only on a TTY; never with NO_COLOR or --no-color; FORCE_COLOR forces it. */
function colourLevel(options: Pick<CommandOptions, 'color'>, env: CliIo['env'], isTTY: boolean | undefined): ColourLevel {
  if (options.color === false) return 0;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return 0;
    const level = Number(force);
    return level >= 1 && level <= 3 ? (level as ColourLevel) : 1;
  }
  if (!isTTY || env.TERM === 'dumb') return 0;
  return env.COLORTERM === 'truecolor' ? 3 : /256/.test(env.TERM ?? '') ? 2 : 1;
}

/**
 * plan-check.yaml: --config FILE, none with --no-config, a plan-check.yaml named among the paths
 * (as pre-commit passes a commit's files: "this project"), else the nearest one upwards.
 */
function readConfig(options: CommandOptions, configPaths: readonly string[], io: CliIo, lang: () => Lang): LoadedConfig {
  const named = options.config ?? configPaths[0];
  if (named === false) return noConfig;
  const file = named === undefined ? findConfigFile(io.cwd) : path.resolve(io.cwd, named);
  if (file === undefined) return noConfig;
  const limit = Number(options.maxFileSize);
  const maxBytes = options.maxFileSize !== undefined && Number.isFinite(limit) && limit > 0 ? limit : defaultMaxFileBytes;
  const loaded = loadConfigOnce(io, file, { found: named === undefined, maxBytes });
  if (loaded.missing)
    throw new UsageError(t(lang(), 'usage.config_unreadable', { path: escapeForTerminal(named ?? displayPath(file, io.cwd)) }));
  // a config from a parent folder (another project's, perhaps) is applied, but never silently
  const fromParent = named === undefined && path.dirname(file) !== path.resolve(io.cwd);
  return fromParent ? { ...loaded, fromParent } : loaded;
}

/** The codes the words given to --status or --fail-on stand for (a code, or a label in either language), in order, once each. */
function codesOf(
  lang: () => Lang,
  name: string,
  words: readonly string[],
  choices: readonly string[],
  lookUp: (word: string) => readonly string[] | undefined,
): string[] {
  const codes: string[] = [];
  for (const word of words) {
    const found = lookUp(word);
    if (!found)
      throw new UsageError(t(lang(), 'usage.bad_choice', { name, choices: choicesWithLabels(lang(), choices).join(', '), value: word }));
    for (const code of found ?? []) if (!codes.includes(code)) codes.push(code);
  }
  return codes;
}

/** A choice among fixed values, or a usage error that lists them. */
function checkChoice(lang: () => Lang, name: string, value: string, choices: readonly string[]): void {
  if (!choices.includes(value)) throw new UsageError(t(lang(), 'usage.bad_choice', { name, choices: choices.join(', '), value }));
}

function wholeDays(lang: () => Lang, key: LabelKey, given: string): number {
  const days = Number(given);
  if (!Number.isInteger(days) || days < 0) throw new UsageError(t(lang(), key, { value: given }));
  return days;
}

/** A POSIX TZ value: ":file", or "STD offset [DST [offset] [,rule]]" such as CST-8 or EST5EDT,M3.2.0,M11.1.0. */
function looksLikePosixTz(value: string): boolean {
  if (value.startsWith(':')) return true;
  const name = '(?:[A-Za-z]{3,}|<[A-Za-z0-9+-]{3,}>)';
  const offset = '[+-]?\\d{1,2}(?::\\d{2}){0,2}';
  return new RegExp(`^${name}${offset}(?:${name}(?:${offset})?(?:,.+)?)?$`).test(value);
}

function resolveAsOf(given: string | undefined, zone: string | undefined, lang: () => Lang, io: CliIo): DayNumber {
  if (given !== undefined) {
    const day = parseWrittenDate(given);
    if (day === undefined) throw new UsageError(t(lang(), 'usage.bad_as_of', { value: given }));
    return day;
  }
  // TZ from the environment may be POSIX-style (":/etc/localtime", "CST-8"): Node already applies
  // it to local time. Any other name Node does not know (a typo such as Asia/Shangai) makes local
  // time UTC without a word: say so, and take today in UTC as Node does.
  const tz = io.env.TZ;
  if (zone === undefined && tz && !isKnownTimezone(tz) && !looksLikePosixTz(tz)) {
    io.stderr.write(`plan-check: ${t(lang(), 'warning.unknown_tz_env', { zone: escapeForTerminal(tz) })}\n`);
    return parseIsoDate(todayIn(io.now, 'UTC'))!;
  }
  const fromEnv = tz && isKnownTimezone(tz) ? tz : undefined;
  return parseIsoDate(todayIn(io.now, zone ?? fromEnv))!;
}

/** Every setting of a command, checked before any input file is read. */
export function resolveSettings(paths: readonly string[], options: CommandOptions, io: CliIo, spec: CommandSpec = {}): Settings {
  const configPaths = paths.filter((given) => path.basename(given) === 'plan-check.yaml');
  const envLang = (): Lang => chosenLang({}, {}, io.env) ?? 'en';
  const config = readConfig(options, configPaths, io, () =>
    options.lang !== undefined ? (langFromLocale(options.lang) ?? envLang()) : envLang(),
  );
  const lang = chosenLang(options, config.config, io.env);
  const messageLang = lang ?? langOfUserText(io.argv, config.text) ?? 'en';
  // a usage error: when nothing chose the language, the inputs' own text decides (read only then)
  let errorLang: Lang | undefined;
  const say = (): Lang => (errorLang ??= lang ?? langOfUserText(io.argv, config.text) ?? langOfInputs(io, config) ?? 'en');
  if (config.fromParent && config.file)
    io.stderr.write(
      `plan-check: ${t(messageLang, 'note.config_from_parent', { path: escapeForTerminal(displayPath(config.file, io.cwd)) })}\n`,
    );
  const timezone = options.timezone ?? config.config.timezone;
  if (timezone !== undefined && !isKnownTimezone(timezone)) throw new UsageError(t(say(), 'usage.bad_timezone', { zone: timezone }));
  const asOf = resolveAsOf(options.asOf ?? config.config.as_of, timezone, say, io);
  const warnDays =
    options.warnDays !== undefined ? wholeDays(say, 'usage.bad_warn_days', options.warnDays) : (config.config.warn_days ?? 14);
  if (options.encoding !== undefined) {
    try {
      new TextDecoder(options.encoding);
    } catch {
      throw new UsageError(t(say(), 'usage.bad_encoding', { value: options.encoding }));
    }
  }
  if (options.delimiter !== undefined && (options.delimiter === '' || /["\r\n]/.test(options.delimiter))) {
    throw new UsageError(t(say(), 'usage.bad_delimiter', { value: escapeForTerminal(options.delimiter) }));
  }
  if (options.owner !== undefined && options.owner.trim() === '') throw new UsageError(t(say(), 'usage.empty_owner'));
  const maxFileBytes = options.maxFileSize !== undefined ? Number(options.maxFileSize) : defaultMaxFileBytes;
  if (!Number.isFinite(maxFileBytes) || maxFileBytes <= 0)
    throw new UsageError(t(say(), 'usage.bad_max_file_size', { value: options.maxFileSize ?? '' }));
  const format = options.format ?? spec.formats?.[0] ?? '';
  if (spec.formats) checkChoice(say, '--format', format, spec.formats);
  const output = options.output && options.output !== '-' ? options.output : undefined;
  if (output === undefined && spec.fileFormats?.includes(format)) throw new UsageError(t(say(), 'usage.xlsx_needs_output'));
  const failOn = codesOf(say, '--fail-on', parseList(options.failOn) ?? [], failOnValues, statusCodesOf);
  const givenStatuses = parseList(options.status);
  const statuses = givenStatuses && codesOf(say, '--status', givenStatuses, allStatuses, statusOnlyCodesOf);
  if (options.headers !== undefined) checkChoice(say, '--headers', options.headers, ['en', 'zh']);
  if (options.role !== undefined) checkChoice(say, '--role', options.role, ['lead', 'support', 'any']);
  const within = options.within === undefined ? undefined : wholeDays(say, 'usage.bad_within', options.within);
  const plans = parseList(options.plan);
  return {
    asOf,
    asOfSource: options.asOf !== undefined ? 'option' : config.config.as_of !== undefined ? 'config' : 'today',
    warnDays,
    timezone,
    lang,
    messageLang,
    colour: { stdout: colourLevel(options, io.env, io.stdout.isTTY), stderr: colourLevel(options, io.env, io.stderr.isTTY) },
    encoding: options.encoding,
    delimiter: options.delimiter,
    maxFileBytes,
    cache: options.cache !== false,
    debug: options.debug === true,
    config,
    paths: paths.filter((given) => path.basename(given) !== 'plan-check.yaml'),
    selection: {
      owner: options.owner,
      role: options.role as Selection['role'],
      plans: plans ?? 'all',
      statuses: (statuses as Status[] | undefined) ?? 'all',
    },
    failOn: failOn as FailOnValue[],
    format,
    output,
    bom: options.bom !== false,
    headers: options.headers as Settings['headers'],
    all: Boolean(options.all),
    within,
    split: options.split,
    recentDays: config.config.recent_days ?? defaultRecentDays,
    strict: options.strict === true,
    evaluation: {
      lights: { ...defaultLightBands, ...config.config.lights },
      staleDays: config.config.stale_days ?? defaultEvaluationSettings.staleDays,
    },
  };
}

/** init and schema take only --lang: a bad one is a usage error in the language of the environment. */
export function resolveLangOption(options: Pick<CommandOptions, 'lang'>, io: CliIo): Lang | undefined {
  return chosenLang(options, {}, io.env);
}

/** Today in the environment's timezone (TZ when it is a known name). */
export function today(io: CliIo): DayNumber {
  return resolveAsOf(undefined, undefined, () => 'en', io);
}
