// A status as a reader sees it: its label in the catalog and its colour. The colour only
// underlines what the text already says (colour is off without a TTY).
import type { ChalkInstance } from 'chalk';
import { type Light, type Status, isDeadlineStatus } from '../core/statuses.js';
import { type Lang, type LabelKey, t } from '../i18n/labels.js';

const colourOf = {
  missed: 'red',
  breached: 'red',
  overdue: 'red',
  behind: 'yellow',
  due_soon: 'yellow',
  no_data: 'gray',
  not_started: 'gray',
  on_track: 'green',
  met: 'green',
  done: 'green',
  upcoming: undefined,
} as const satisfies Record<Status, 'red' | 'yellow' | 'green' | 'gray' | undefined>;

export function paintStatus(chalk: ChalkInstance, status: Status, text: string): string {
  const colour = colourOf[status];
  return colour ? chalk[colour](text) : text;
}

export function statusLabel(lang: Lang, status: Status): string {
  return t(lang, (isDeadlineStatus(status) ? `deadline.${status}` : `status.${status}`) satisfies LabelKey);
}

const lightColour = { red: 'red', yellow: 'yellow', green: 'green', grey: 'gray' } as const satisfies Record<
  Light,
  'red' | 'yellow' | 'green' | 'gray'
>;

/** A light as a word; on a colour terminal a coloured dot before it (the word carries the meaning). */
export function paintLight(chalk: ChalkInstance, light: Light, word: string): string {
  return chalk.level > 0 ? chalk[lightColour[light]](`● ${word}`) : word;
}

/** Text in a light's colour (nothing without colour). */
export function paintInLight(chalk: ChalkInstance, light: Light, text: string): string {
  return chalk[lightColour[light]](text);
}
