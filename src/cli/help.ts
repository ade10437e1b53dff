// Commander in the interface language: its headings, the (choices, default) notes, widths and
// wrapping that count a CJK character as two columns, and its own error messages.
import { Help, type Option, type Argument } from 'commander';
import { type Lang, type LabelKey, t } from '../i18n/labels.js';
import { displayWidth } from '../report/wrap.js';

const titles: Record<string, LabelKey> = {
  'Usage:': 'help.usage',
  'Arguments:': 'help.arguments',
  'Options:': 'help.options',
  'Commands:': 'help.commands',
  'Global Options:': 'help.global_options',
};

// eslint-disable-next-line no-control-regex
const stripSgr = (text: string): string => text.replace(/\x1b\[\d*(;\d*)*m/g, '');

const WIDE = '\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef';
/** a wide character, or a run of anything else that is not a space: the pieces a line may break between */
const CHUNK = new RegExp(`\\s*(?:[${WIDE}]|[^\\s${WIDE}]+)`, 'g');
/** punctuation that must not begin a line */
const NO_BREAK_BEFORE = /^[，。、；：！？）》」』”’%,.;:!?)]/;

/** Greedy wrapping at spaces and between wide characters; explicit line breaks are kept. */
function wrapHelpText(text: string, width: number): string {
  return text
    .split(/\r?\n/)
    .map((line) => {
      const chunks = line.match(CHUNK);
      if (!chunks) return '';
      const lines: string[] = [];
      let current = chunks.shift()!;
      for (const chunk of chunks) {
        if (displayWidth(stripSgr(current + chunk)) <= width || NO_BREAK_BEFORE.test(chunk.trimStart())) {
          current += chunk;
        } else {
          lines.push(current);
          current = chunk.trimStart();
        }
      }
      lines.push(current);
      return lines.join('\n');
    })
    .join('\n');
}

function withNotes(lang: Lang, description: string, notes: string[]): string {
  if (notes.length === 0) return description;
  return `${description}${t(lang, 'help.extra', { items: notes.join(t(lang, 'help.extra_separator')) })}`;
}

function choicesNote(lang: Lang, choices: readonly string[] | undefined): string[] {
  return choices ? [t(lang, 'help.choices', { choices: choices.join(t(lang, 'help.list_separator')) })] : [];
}

/** Settings for commander's configureHelp (inherited by every subcommand created afterwards). */
export function helpConfiguration(lang: Lang): Partial<Help> {
  return {
    styleTitle: (title: string) => (titles[title] ? t(lang, titles[title]) : title),
    optionDescription(option: Option): string {
      const notes = choicesNote(lang, option.argChoices);
      // a default is worth showing for an option that takes a value, not for --no-color's `true`
      if (option.defaultValue !== undefined && (option.required || option.optional)) {
        notes.push(t(lang, 'help.default', { value: option.defaultValueDescription ?? String(option.defaultValue) }));
      }
      return withNotes(lang, option.description, notes);
    },
    argumentDescription(argument: Argument): string {
      const notes = choicesNote(lang, argument.argChoices);
      if (argument.defaultValue !== undefined)
        notes.push(t(lang, 'help.default', { value: argument.defaultValueDescription ?? String(argument.defaultValue) }));
      return withNotes(lang, argument.description, notes);
    },
    displayWidth: (text: string) => displayWidth(stripSgr(text)),
    boxWrap(this: Help, text: string, width: number): string {
      return width < this.minWidthToWrap ? text : wrapHelpText(text, width);
    },
  };
}

/** Example lines for addHelpText('after'): the command, then what it does, aligned. */
export function formatExamples(lang: Lang, examples: ReadonlyArray<readonly [command: string, key: LabelKey]>): string {
  const width = Math.max(...examples.map(([command]) => displayWidth(command)));
  const lines = examples.map(([command, key]) => `  ${command}${' '.repeat(width - displayWidth(command) + 2)}# ${t(lang, key)}`);
  return `\n${t(lang, 'help.examples')}\n${lines.join('\n')}\n`;
}

const commanderMessages: Array<[RegExp, (m: RegExpMatchArray, lang: Lang) => string]> = [
  [/^unknown option '(.*)'$/, (m, lang) => t(lang, 'commander.unknown_option', { option: m[1]! })],
  [/^unknown command '(.*)'$/, (m, lang) => t(lang, 'commander.unknown_command', { command: m[1]! })],
  [/^missing required argument '(.*)'$/, (m, lang) => t(lang, 'commander.missing_argument', { argument: m[1]! })],
  [/^option '(.*)' argument missing$/, (m, lang) => t(lang, 'commander.option_missing_argument', { option: m[1]! })],
  [
    /^option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/,
    (m, lang) =>
      t(lang, 'commander.invalid_choice', { option: m[1]!, value: m[2]!, choices: m[3]!.split(', ').join(t(lang, 'help.list_separator')) }),
  ],
  [/^too many arguments$/, (_m, lang) => t(lang, 'commander.too_many_arguments')],
  [
    /^too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.$/,
    (m, lang) => t(lang, 'commander.too_many_arguments_for', { command: m[1]!, expected: m[2]!, received: m[3]! }),
  ],
];

/** Commander's own error text ("error: unknown option '--x'\n(Did you mean --y?)") in the interface language. */
export function localiseCommanderError(text: string, lang: Lang): string {
  if (lang === 'en') return text;
  const match = /^error: ([\s\S]*?)(?:\n\(Did you mean (?:one of )?(.*)\?\))?\n?$/.exec(text);
  if (!match) return text;
  const [, message, suggestion] = match;
  const known = commanderMessages
    .map(([pattern, render]) => {
      const found = pattern.exec(message!);
      return found ? render(found, lang) : undefined;
    })
    .find((rendered) => rendered !== undefined);
  const hint = suggestion ? `\n${t(lang, 'commander.did_you_mean', { suggestion })}` : '';
  return `${t(lang, 'commander.error', { message: known ?? message! })}${hint}\n`;
}
