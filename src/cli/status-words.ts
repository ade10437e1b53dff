// The words a user may give --status and --fail-on: the codes, the labels the tables print in
// either language (滞后, 已逾期, on track…) and the short forms people say in a meeting (逾期, 未完成,
// 红灯). A word may stand for several codes: 已完成 is a met target and a done deadline.
import { type FailOnValue, allStatuses, failOnValues } from '../core/statuses.js';
import { type Lang, type LabelKey, catalogs } from '../i18n/labels.js';

const labelKeys: ReadonlyArray<readonly [LabelKey, FailOnValue]> = [
  ['status.met', 'met'],
  ['status.on_track', 'on_track'],
  ['status.behind', 'behind'],
  ['status.missed', 'missed'],
  ['status.breached', 'breached'],
  ['status.no_data', 'no_data'],
  ['status.not_started', 'not_started'],
  ['status.within_limit', 'met'],
  ['status.below_target', 'behind'],
  ['deadline.done', 'done'],
  ['deadline.done_report', 'done'],
  ['deadline.done_activity', 'done'],
  ['deadline.overdue', 'overdue'],
  ['deadline.due_soon', 'due_soon'],
  ['deadline.upcoming', 'upcoming'],
  ['light.red', 'red'],
  ['light.yellow', 'yellow'],
];

/** Short forms beyond the printed labels. 逾期 is whatever is past its due date and not done. */
const spokenForms: Readonly<Record<string, readonly FailOnValue[]>> = {
  逾期: ['missed', 'overdue'],
  未完成: ['missed'],
  到期未完成: ['missed'],
  红灯: ['red'],
  黄灯: ['yellow'],
  临期: ['due_soon'],
};

const wordTable: ReadonlyMap<string, readonly FailOnValue[]> = (() => {
  const table = new Map<string, FailOnValue[]>();
  const add = (word: string, code: FailOnValue): void => {
    const key = word.normalize('NFKC').trim().toLowerCase();
    const codes = table.get(key) ?? [];
    if (!codes.includes(code)) codes.push(code);
    table.set(key, codes);
  };
  for (const code of failOnValues) add(code, code);
  for (const lang of Object.keys(catalogs) as Lang[]) for (const [key, code] of labelKeys) add(catalogs[lang][key], code);
  for (const [word, codes] of Object.entries(spokenForms)) for (const code of codes) add(word, code);
  return table;
})();

/** The codes a word given to --status or --fail-on stands for; undefined when it names none. */
export function statusCodesOf(word: string): readonly FailOnValue[] | undefined {
  return wordTable.get(word.normalize('NFKC').trim().toLowerCase());
}

/** The same for --status, which takes statuses only (no lights). */
export function statusOnlyCodesOf(word: string): readonly FailOnValue[] | undefined {
  const codes = statusCodesOf(word)?.filter((code) => (allStatuses as readonly string[]).includes(code));
  return codes && codes.length > 0 ? codes : undefined;
}

/**
 * The choices of --status or --fail-on as a usage error lists them: each code with the words the
 * tables print for it in the interface language, e.g. behind（滞后）, overdue（已逾期）.
 */
export function choicesWithLabels(lang: Lang, codes: readonly string[]): string[] {
  const catalog = catalogs[lang];
  return codes.map((code) => {
    const words = [...new Set(labelKeys.filter(([, labelled]) => labelled === code).map(([key]) => catalog[key]))].filter(
      (word) => word !== code,
    );
    if (words.length === 0) return code;
    return lang === 'en' ? `${code} (${words.join(', ')})` : `${code}（${words.join('、')}）`;
  });
}
