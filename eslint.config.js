import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // the bin shim is CommonJS (bin/package.json): it must load before anything else, without the ES module loader
    files: ['**/*.cjs', 'bin/plan-check.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', __dirname: 'readonly', module: 'writable' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // type-aware rules where they catch real bugs: a promise nobody awaits loses its errors and
    // its ordering (a command's output written after the exit code was decided)
    files: ['src/**/*.ts', 'tests/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: fileURLToPath(new URL('.', import.meta.url)) } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // files are touched only in src/io (and by the start shim, which must read the bundle before anything is loaded)
    files: ['src/**/*.ts'],
    ignores: ['src/io/**', 'src/cli/start.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['node:fs', 'node:fs/*', 'fs', 'fs/*'], message: 'read and write files in src/io' }] },
      ],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'fs/*', 'process', 'chalk', 'child_process'] }],
      'no-restricted-globals': ['error', 'process', 'console'],
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'core is pure: pass as-of in' }],
    },
  },
);
