// Process wiring: the only place that touches process.*. Output is written whole and the exit code
// set through process.exitCode, so piped output is never cut short; a closed pipe ends quietly.
import { run } from './run.js';

export async function main(): Promise<void> {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exitCode = process.exitCode ?? 0;
      else throw error;
    });
  }
  const code = await run({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    now: new Date(),
  });
  process.exitCode = code;
}
