// Settings from the command line, plan-check.yaml and the environment, in that order of precedence.
import { Chalk, type ChalkInstance } from 'chalk';
import { formatDay, parseIsoDate } from '../core/dates.js';
import type { Plan } from '../core/model.js';
import { type Lang, langFromLocale } from '../i18n/labels.js';
import type { Config } from '../io/config.js';
import { UsageError } from '../io/find-sources.js';
import { isKnownTimezone, todayIn } from '../io/today.js';
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
}

export function resolveAsOf(options: CommonOptions, config: Config, io: CliIo): number {
  const given = options.asOf ?? config.as_of;
  if (given !== undefined) {
    const day = parseIsoDate(given);
    if (day === undefined) throw new UsageError(`--as-of "${given}" is not a real date YYYY-MM-DD`);
    return day;
  }
  const chosen = options.timezone ?? config.timezone;
  if (chosen !== undefined && !isKnownTimezone(chosen)) throw new UsageError(`unknown timezone "${chosen}" (use an IANA name such as Asia/Shanghai)`);
  // TZ from the environment may be POSIX-style (":/etc/localtime", "CST-8"): Node already applies
  // it to local time, so an unknown name there means "the system's", not an error
  const zone = chosen ?? (io.env.TZ && isKnownTimezone(io.env.TZ) ? io.env.TZ : undefined);
  return parseIsoDate(todayIn(io.now, zone))!;
}

export function resolveWarnDays(options: CommonOptions, config: Config): number {
  if (options.warnDays !== undefined) {
    const days = Number(options.warnDays);
    if (!Number.isInteger(days) || days < 0) throw new UsageError(`--warn-days must be a whole number of days, not "${options.warnDays}"`);
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
