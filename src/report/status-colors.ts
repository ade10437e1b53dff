// Colour by status only; the text alone must carry the meaning (colour is off without a TTY).
import type { ChalkInstance } from 'chalk';

const colourOf: Record<string, 'red' | 'yellow' | 'green' | 'gray' | undefined> = {
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
};

export function paintStatus(chalk: ChalkInstance, status: string, text: string): string {
  const colour = colourOf[status];
  return colour ? chalk[colour](text) : text;
}

const lightColour = { red: 'red', yellow: 'yellow', green: 'green', grey: 'gray' } as const;

/** A light as a word; on a colour terminal a coloured dot before it (the word carries the meaning). */
export function paintLight(chalk: ChalkInstance, light: keyof typeof lightColour, word: string): string {
  return chalk.level > 0 ? chalk[lightColour[light]](`● ${word}`) : word;
}

/** Text in a light's colour (nothing without colour). */
export function paintInLight(chalk: ChalkInstance, light: keyof typeof lightColour, text: string): string {
  return chalk[lightColour[light]](text);
}
