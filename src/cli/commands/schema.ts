// plan-check schema plan|actuals|config: print a JSON Schema, for editors and other tools.
import { schemas } from '../../core/schema-validators.js';
import { t } from '../../i18n/labels.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { type CommandOptions, resolveLangOption } from '../settings.js';
import { UsageError } from '../usage-error.js';

export function runSchema(name: string, options: Pick<CommandOptions, 'lang'>, io: CliIo): Outcome {
  const lang = resolveLangOption(options, io) ?? 'en';
  const names = Object.keys(schemas);
  if (!names.includes(name))
    throw new UsageError(t(lang, 'usage.bad_choice', { name: 'schema name', choices: names.join(', '), value: name }));
  io.stdout.write(`${JSON.stringify(schemas[name as keyof typeof schemas], null, 2)}\n`);
  return {};
}
