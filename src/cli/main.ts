// Process wiring: the only place that touches process.*. Output is written whole and the exit code
// set through process.exitCode, so piped output is never cut short; a closed pipe ends quietly.
import { run } from './run.js';

export async function main(): Promise<void> {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') return; // the reader has gone: end quietly
      // a full disk or closed terminal: one line where it can still be read, and exit 2
      process.exitCode = 2;
      try {
        if (stream !== process.stderr) process.stderr.write(`plan-check: cannot write output: ${error.code ?? error.message}\n`);
      } catch {
        // nothing left to tell
      }
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
  process.exitCode = process.exitCode === 2 ? 2 : code;
}
