// plan-check init [dir]: scaffold a working plan repository (placeholder; see issue 6).
import type { Outcome } from '../exit-code.js';
import type { CliIo } from '../io.js';

export function runInit(dir: string | undefined, _options: Record<string, unknown>, io: CliIo): Outcome {
  io.stderr.write(`plan-check: init is not implemented yet (${dir ?? '.'})\n`);
  return { usageError: true };
}
