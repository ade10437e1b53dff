// Settings from the command line, plan-check.yaml and the environment, in that order of precedence.
import path from 'node:path';
import { Chalk, type ChalkInstance } from 'chalk';
import { formatDay, parseIsoDate, parseWrittenDate } from '../core/dates.js';
import type { Plan } from '../core/model.js';
import { type Lang, langFromLocale, t } from '../i18n/labels.js';
import { type Config, findConfigFile } from '../io/config.js';
import { UsageError } from '../io/find-sources.js';
import { isKnownTimezone, todayIn } from '../io/today.js';
import { loadConfigOnce } from './config-file.js';
import type { CliIo } from './io.js';

export interface CommonOptions {
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
}

/** The language of a usage error raised before the plans are read: --lang, config, environment, English. */
function messageLang(options: CommonOptions, config: Config, env: CliIo['env']): Lang {
  try {
    return resolveLang(options, config, env);
  } catch {
    return 'en';
  }
}

export function resolveAsOf(options: CommonOptions, config: Config, io: CliIo): number {
  const given = options.asOf ?? config.as_of;
  if (given !== undefined) {
    const day = parseWrittenDate(given);
    if (day === undefined) throw new UsageError(t(messageLang(options, config, io.env), 'usage.bad_as_of', { value: given }));
    return day;
  }
  const chosen = options.timezone ?? config.timezone;
  if (chosen !== undefined && !isKnownTimezone(chosen)) throw new UsageError(t(messageLang(options, config, io.env), 'usage.bad_timezone', { zone: chosen }));
  // TZ from the environment may be POSIX-style (":/etc/localtime", "CST-8"): Node already applies
  // it to local time, so an unknown name there means "the system's", not an error
  const zone = chosen ?? (io.env.TZ && isKnownTimezone(io.env.TZ) ? io.env.TZ : undefined);
  return parseIsoDate(todayIn(io.now, zone))!;
}

export function resolveWarnDays(options: CommonOptions, config: Config, env: CliIo['env'] = {}): number {
  if (options.warnDays !== undefined) {
    const days = Number(options.warnDays);
    if (!Number.isInteger(days) || days < 0) throw new UsageError(t(messageLang(options, config, env), 'usage.bad_warn_days', { value: options.warnDays }));
    return days;
  }
  return config.warn_days ?? 14;
}

const CJK = /[\u4e00-\u9fff]/;

/** --lang, else config locale, else LANG/LC_ALL when they name a language, else the plans' own language. */
export function resolveLang(options: CommonOptions, config: Config, env: CliIo['env'], plans: readonly Plan[] = []): Lang {
  if (options.lang !== undefined) {
    const lang = langFromLocale(options.lang);
    if (!lang) throw new UsageError(`--lang must be zh-CN or en, not "${options.lang}"`);
    return lang;
  }
  if (config.locale) return config.locale;
  const fromEnv = langFromLocale(env.LC_ALL || env.LC_MESSAGES || env.LANG);
  if (fromEnv && !/^(C|POSIX)/.test(env.LC_ALL || env.LC_MESSAGES || env.LANG || '')) return fromEnv;
  return plans.some((plan) => CJK.test(plan.title)) ? 'zh-CN' : 'en';
}

/** What the command line says before commander parses it: --lang, --config FILE, --no-config. */
export function scanArgv(argv: readonly string[]): { lang?: string; config?: string | false } {
  const found: { lang?: string; config?: string | false } = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--') break;
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
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
  const scanned = scanArgv(io.argv);
  const given = langFromLocale(scanned.lang);
  if (given) return given;
  let config: Config = {};
  if (scanned.config !== false) {
    try {
      const file = scanned.config !== undefined ? path.resolve(io.cwd, scanned.config) : findConfigFile(io.cwd);
      if (file) config = loadConfigOnce(io, file).config;
    } catch {
      // unreadable: the command says so
    }
  }
  return resolveLang({}, config, io.env);
}

/** Colour only on a TTY; never with NO_COLOR or --no-color; FORCE_COLOR forces it. */
export function resolveChalk(options: CommonOptions, env: CliIo['env'], isTTY: boolean | undefined): ChalkInstance {
  if (options.color === false) return new Chalk({ level: 0 });
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return new Chalk({ level: 0 });
  const force = env.FORCE_COLOR;
  if (force !== undefined) {
    if (force === '0' || force === 'false') return new Chalk({ level: 0 });
    const level = Number(force);
    return new Chalk({ level: level >= 1 && level <= 3 ? (level as 1 | 2 | 3) : 1 });
  }
  if (!isTTY || env.TERM === 'dumb') return new Chalk({ level: 0 });
  return new Chalk({ level: env.COLORTERM === 'truecolor' ? 3 : /256/.test(env.TERM ?? '') ? 2 : 1 });
}

export function parseList(value: string | string[] | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  return ([] as string[]).concat(value).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
}

export { formatDay };
