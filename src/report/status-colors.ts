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
