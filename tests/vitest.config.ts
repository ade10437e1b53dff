// Tests run the sources with the same cli-table3 fix the build applies (bin/patch-cli-table3.mjs).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { cellModule, patchCell } from '../bin/patch-cli-table3.mjs';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  plugins: [
    {
      name: 'cli-table3-debug-preview',
      transform: (code: string, id: string) => (cellModule.test(id) ? { code: patchCell(code), map: null } : undefined),
    },
  ],
  test: {
    globalSetup: ['tests/global-setup.ts'],
    // One worker process runs many files, its modules imported once: a fresh process per file
    // cost more than the tests themselves (12 files: 16.2 s CPU isolated, 8.5 s shared). Safe
    // because no test mocks a module or keeps global state: the one that sets TZ restores it.
    // Forks, not threads: a worker thread does not re-read TZ, and the timezone tests fail there.
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
    // The bad-input corpus runs last and alone: its generated cases time runs of the built binary,
    // and test files in other workers beside it would slow those runs towards their limits.
    // Two workers on this 2-core machine, idle: 81 s wall for 1,916 tests against 107 s with
    // vitest's default of one (the browser tests, 28 s, run beside the rest).
    projects: [
      {
        extends: true,
        test: { name: 'suite', include: ['tests/**/*.test.ts'], exclude: ['tests/bad-inputs.test.ts'], sequence: { groupOrder: 0 } },
      },
      { extends: true, test: { name: 'bad-inputs', include: ['tests/bad-inputs.test.ts'], sequence: { groupOrder: 1 } } },
    ],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    server: { deps: { inline: [/cli-table3/] } },
  },
});
