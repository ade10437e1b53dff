// `npm run draft-eval` drafts each seed document and compares the drafts with the examples: the
// issue's goals hold, and the table in docs/draft.md is the one the script prints now.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

const seeds = path.resolve(repoRoot, '..', 'shared', 'seeds');

describe('npm run draft-eval', () => {
  it('meets the drafting goals on the seeds, and docs/draft.md shows the table it prints', () => {
    expect(existsSync(seeds), `no seed documents at ${seeds}`).toBe(true);
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'draft-eval.mjs')], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Goals met/m);
    expect(run.status).toBe(0);
    const table = run.stdout.split('\n').filter((line) => line.startsWith('| '));
    expect(table.length).toBeGreaterThan(3);
    const docs = readFileSync(path.join(repoRoot, 'docs', 'draft.md'), 'utf8');
    for (const row of table) expect(docs).toContain(row);
  });
});
