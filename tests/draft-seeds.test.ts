// Every real document this product was made for drafts into plans that validate as written, duties
// included. The seeds sit beside the clone (../shared/seeds), as they do in CI.
import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runCli } from './helpers.js';

const seeds = path.resolve(repoRoot, '..', 'shared', 'seeds');

describe('draft on the seed documents', () => {
  it('finds the seed documents beside the clone', () => {
    expect(existsSync(seeds), `no seed documents at ${seeds}`).toBe(true);
  });

  const files = existsSync(seeds)
    ? readdirSync(seeds)
        .filter((f) => f.endsWith('.txt'))
        .sort()
    : [];
  it.each(files)('%s drafts into plans that validate as written', async (file) => {
    const out = mkdtempSync(path.join(os.tmpdir(), 'plan-check-draft-'));
    const drafted = await runCli(['draft', path.join(seeds, file), '-o', path.join(out, 'draft.plan.yaml'), '--lang', 'en']);
    expect(drafted.status, drafted.stderr).toBe(0);
    const plans = readdirSync(out).filter((f) => f.endsWith('.plan.yaml'));
    expect(plans.length).toBeGreaterThan(0);
    const checked = await runCli(['validate', out, '--no-config', '--format', 'json']);
    expect(JSON.parse(checked.stdout).diagnostics).toEqual([]);
    expect(checked.status).toBe(0);
    // every plan has tasks and a units registry
    for (const plan of plans) {
      const text = readFileSync(path.join(out, plan), 'utf8');
      expect(text).toMatch(/^units:$/m);
      expect(text).toMatch(/^\s+- id: /m);
    }
  });
});
