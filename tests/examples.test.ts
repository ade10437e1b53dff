// The shipped examples encode the five seed documents faithfully: hand-counted inventories must
// match, every target quotes its source sentence, and every file validates.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMap, isSeq, parseDocument } from 'yaml';
import { repoRoot } from './helpers.js';
import { loadProject, sourceKindOf } from '../src/core/project.js';

interface Inventory {
  plan: string;
  tasks: number;
  targets: number;
  phases: number;
  duties: number;
}

const examplesDir = path.join(repoRoot, 'examples');
const inventoryDir = path.join(repoRoot, 'tests', 'fixtures', 'inventory');
const seedsDir = path.join(repoRoot, '..', 'shared', 'seeds');

function exampleFiles(): string[] {
  return readdirSync(examplesDir, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(examplesDir, name))
    .filter((file) => sourceKindOf(file));
}

const inventories: Inventory[] = readdirSync(inventoryDir).flatMap((name) => JSON.parse(readFileSync(path.join(inventoryDir, name), 'utf8')) as Inventory[]);
const loaded = loadProject(exampleFiles().map((file) => ({ path: path.relative(repoRoot, file), kind: sourceKindOf(file)!, bytes: readFileSync(file) })));

describe('examples', () => {
  it('cover the five seeds: six plans (seed 001 holds two)', () => {
    expect(loaded.plans.map((p) => p.id).sort()).toEqual(inventories.map((i) => i.plan).sort());
    expect(loaded.plans).toHaveLength(6);
  });

  it('validate with no errors and no warnings', () => {
    expect(loaded.diagnostics).toEqual([]);
  });

  it.each(inventories)('$plan matches the hand-counted inventory', (inventory) => {
    const plan = loaded.plans.find((p) => p.id === inventory.plan)!;
    expect({
      plan: plan.id,
      tasks: plan.tasks.length,
      targets: plan.tasks.reduce((n, task) => n + task.targets.length, 0),
      phases: plan.phases.length,
      duties: plan.duties.length,
    }).toEqual(inventory);
  });

  it('every plan and actuals file starts with the yaml-language-server modeline', () => {
    for (const file of exampleFiles().filter((f) => /\.ya?ml$/.test(f))) {
      const first = readFileSync(file, 'utf8').split('\n')[0];
      const kind = file.includes('.plan.') ? 'plan' : 'actuals';
      expect(first, file).toBe(`# yaml-language-server: $schema=../../schemas/${kind}.schema.json`);
    }
  });

  it('every actuals file is marked as sample data', () => {
    for (const file of exampleFiles().filter((f) => f.includes('.actuals.'))) {
      expect(readFileSync(file, 'utf8'), file).toMatch(/示例数据/);
    }
  });

  const seedText = existsSync(seedsDir)
    ? readdirSync(seedsDir).map((name) => readFileSync(path.join(seedsDir, name), 'utf8')).join('\n').replace(/\s+/g, '')
    : undefined;

  it('every target carries a comment quoting its source sentence (verbatim in a seed when the seeds are present)', () => {
    let targets = 0;
    for (const file of exampleFiles().filter((f) => f.endsWith('.plan.yaml'))) {
      const doc = parseDocument(readFileSync(file, 'utf8'));
      const walkTasks = (tasks: unknown) => {
        if (!isSeq(tasks)) return;
        for (const task of tasks.items) {
          if (!isMap(task)) continue;
          const list = task.get('targets', true);
          if (!isSeq(list)) continue;
          for (const [index, target] of list.items.entries()) {
            targets += 1;
            // the first item's comment sits right after `targets:` and yaml attaches it to the list
            const comment = (target as { commentBefore?: string }).commentBefore || (index === 0 ? list.commentBefore : '') || '';
            const id = isMap(target) ? String(target.get('id')) : '?';
            expect(comment, `${path.basename(file)} target ${id} has no source comment`).toMatch(/\S/);
            const quote = /[“"「]([^”"」]{6,})[”"」]/.exec(comment)?.[1];
            if (seedText !== undefined && quote) {
              const fragments = quote.split(/…|\.\.\./).map((part) => part.replace(/\s+/g, '')).filter((part) => part.length >= 4);
              for (const fragment of fragments) expect(seedText.includes(fragment), `${path.basename(file)} ${id}: "${fragment}" not in any seed`).toBe(true);
            }
          }
        }
      };
      const root = doc.contents;
      if (!isMap(root)) continue;
      walkTasks(root.get('tasks', true));
      const sections = root.get('sections', true);
      if (isSeq(sections)) for (const section of sections.items) if (isMap(section)) walkTasks(section.get('tasks', true));
    }
    expect(targets).toBe(inventories.reduce((n, i) => n + i.targets, 0));
  });
});
