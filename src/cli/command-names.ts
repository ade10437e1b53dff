// The commands, named once: the CLI defines them (run.ts), and start-up keeps compiled code per command (start.ts).
export const commandNames = [
  'validate',
  'status',
  'gaps',
  'deadlines',
  'explain',
  'template',
  'init',
  'schema',
  'diff',
  'draft',
  'units',
  'report',
] as const;
export type CommandName = (typeof commandNames)[number];
