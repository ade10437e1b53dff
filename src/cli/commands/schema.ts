// plan-check schema plan|actuals|config: print a JSON Schema, for editors and other tools.
import { schemas } from '../../core/schema-validators.js';
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';
import { checkChoice } from './shared.js';

export function runSchema(name: string, io: CliIo): Outcome {
  checkChoice('schema name', name, Object.keys(schemas));
  io.stdout.write(`${JSON.stringify(schemas[name as keyof typeof schemas], null, 2)}\n`);
  return {};
}
