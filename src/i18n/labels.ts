// Every human-facing label, in zh-CN and en: the labels of the two catalogs (src/i18n/en.ts,
// src/i18n/zh-CN.ts). A key missing in one does not type-check, and a test compares them.
import { labels as en } from './en.js';
import { labels as zh } from './zh-CN.js';

export type Lang = 'zh-CN' | 'en';

export type LabelKey = keyof typeof en;

export const catalogs: Record<Lang, Record<LabelKey, string>> = { en, 'zh-CN': zh };

/**
 * A catalog text with its values filled in. `{name}` is the value; `{name|one|other}` is the word
 * for that count (English plurals: "1 error", "2 errors"), so a text reads right for any number.
 */
export function t(lang: Lang, key: LabelKey, values: Record<string, string | number> = {}): string {
  return catalogs[lang][key].replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (match, name: string, one?: string, other?: string) => {
    if (!(name in values)) return match;
    if (one === undefined) return String(values[name]);
    return Number(values[name]) === 1 ? one : other!;
  });
}

/** zh-CN when the locale names Chinese (zh, zh_CN.UTF-8, zh-Hans…), English otherwise. */
export function langFromLocale(locale: string | undefined): Lang | undefined {
  if (!locale) return undefined;
  if (/^zh/i.test(locale)) return 'zh-CN';
  if (/^en/i.test(locale) || /^(C|POSIX)(\.|$)/.test(locale)) return 'en';
  return undefined;
}
