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
    testTimeout: 30_000,
    hookTimeout: 60_000,
    server: { deps: { inline: [/cli-table3/] } },
  },
});
