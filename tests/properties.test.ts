// Property-based tests (fast-check): random valid plans and actuals keep the evaluation's
// invariants, whatever the figures, dates and file order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateProject, loadProject } from '../src/core/project.js';
import { toDeadlineRow, toTargetRow } from '../src/report/rows.js';
import { countStatuses } from '../src/report/status-view.js';
import { day, source } from './helpers.js';

const ops = ['>=', '>', '<=', '<'] as const;
const dateIn2024 = fc.integer({ min: 0, max: 365 }).map((offset) => {
  const d = new Date(Date.UTC(2024, 0, 1 + offset));
  return d.toISOString().slice(0, 10);
});

const targetArb = fc.record({
  op: fc.constantFrom(...ops),
  value: fc.integer({ min: 0, max: 5000 }),
  kind: fc.constantFrom('count', 'percent', 'per_capita'),
  progress: fc.constantFrom('linear', 'at_due'),
  accumulate: fc.constantFrom('latest', 'sum'),
});

const planArb = fc.record({
  targets: fc.array(targetArb, { minLength: 1, maxLength: 6 }),
  rows: fc.array(
    fc.record({
      target: fc.nat(),
      unit: fc.constantFrom('甲局', '乙局', '丙局'),
      date: dateIn2024,
      done: fc.integer({ min: 0, max: 400 }),
      extra: fc.integer({ min: 0, max: 400 }),
    }),
    { maxLength: 25 },
  ),
  asOf: fc.integer({ min: -30, max: 420 }).map((offset) => new Date(Date.UTC(2024, 0, 1 + offset)).toISOString().slice(0, 10)),
});

type ArbitraryValue<A> = A extends fc.Arbitrary<infer T> ? T : never;
type PlanInput = ArbitraryValue<typeof planArb>;

function buildFiles(input: PlanInput): Record<string, string> {
  const targets = input.targets.map((t, i) => {
    const expression =
      t.kind === 'percent'
        ? `${t.op} ${Math.min(t.value, 100)}%`
        : t.kind === 'per_capita'
          ? `${t.op} ${t.value} per 1000`
          : `${t.op} ${t.value}`;
    return `      - { id: t${i}, metric: 指标${i}, target: "${expression}", progress: ${t.progress}, accumulate: ${t.accumulate} }`;
  });
  const plan = [
    'format: plan/1',
    'id: prop',
    'title: 随机方案',
    'period: { start: 2024-01-01, end: 2024-12-31 }',
    'population: 543210',
    'tasks:',
    '  - id: "1"',
    '    title: 任务',
    '    lead: 甲局',
    '    targets:',
    ...targets,
  ].join('\n');
  const seen = new Set<string>();
  const rows = input.rows.flatMap((row) => {
    const index = row.target % input.targets.length;
    const key = `${index}|${row.unit}|${row.date}`;
    if (seen.has(key)) return [];
    seen.add(key);
    const value = input.targets[index]!.kind === 'percent' ? `{ done: ${row.done}, of: ${row.done + row.extra + 1} }` : String(row.done);
    return [`  - { target: 1/t${index}, value: ${value}, as_of: ${row.date}, reported_by: ${row.unit} }`];
  });
  const half = Math.ceil(rows.length / 2);
  const actuals = (part: string[]) => ['format: actuals/1', 'plan: prop', `values:${part.length ? '' : ' []'}`, ...part].join('\n');
  return { 'a/prop.plan.yaml': plan, 'b/one.actuals.yaml': actuals(rows.slice(0, half)), 'c/two.actuals.yaml': actuals(rows.slice(half)) };
}

function evaluate(files: Record<string, string>, asOf: string) {
  const project = loadProject(Object.entries(files).map(([name, text]) => source(name, text)));
  const evaluation = evaluateProject(project, day(asOf), 14);
  const plans = new Map(project.plans.map((plan) => [plan.id, plan]));
  return { project, targets: evaluation.targets.map((r) => toTargetRow(r, plans)), deadlines: evaluation.deadlines.map(toDeadlineRow) };
}

describe('evaluation invariants on random plans', () => {
  it('status counts add up, gap ≥ 0, progress = A / R, nulls go together', () => {
    fc.assert(
      fc.property(planArb, (input) => {
        const { project, targets } = evaluate(buildFiles(input), input.asOf);
        expect(project.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        const counts = countStatuses(targets);
        expect(counts.met + counts.on_track + counts.behind + counts.missed + counts.breached + counts.no_data + counts.not_started).toBe(
          counts.targets,
        );
        expect(counts.targets).toBe(input.targets.length);
        for (const row of targets) {
          if (row.actual === null) {
            expect(row.status).toBe('no_data');
            expect(row.gap).toBeNull();
            expect(row.progress).toBeNull();
            continue;
          }
          expect(row.gap!).toBeGreaterThanOrEqual(0);
          // these plans have no each targets: every row has its R
          expect(row.required).not.toBeNull();
          const required = row.required!;
          if (required === 0) expect(row.progress).toBeNull();
          else expect(row.progress!).toBeCloseTo(row.actual / required, 9);
          if (row.op === '<=' || row.op === '<') expect(row.expected).toBeNull();
          else expect(row.expected!).toBeLessThanOrEqual(required + 1e-9);
          if (row.status === 'met') expect(row.gap!).toBeLessThanOrEqual(1e-9);
        }
      }),
      { numRuns: 150, seed: 20241122 },
    );
  });

  it('gives the same figures whatever order the files are named in', () => {
    fc.assert(
      fc.property(planArb, (input) => {
        const files = buildFiles(input);
        // the join reads files in path order: swapping the two actuals files' contents changes
        // the order rows arrive in, which must not change any figure
        const swapped = {
          ...files,
          'b/one.actuals.yaml': files['c/two.actuals.yaml']!,
          'c/two.actuals.yaml': files['b/one.actuals.yaml']!,
        };
        const a = evaluate(files, input.asOf);
        const b = evaluate(swapped, input.asOf);
        expect(b.targets).toEqual(a.targets);
        expect(b.deadlines).toEqual(a.deadlines);
      }),
      { numRuns: 60, seed: 7 },
    );
  });
});

describe('mutated files never break the validator', () => {
  const valid = buildFiles({
    targets: [
      { op: '>=', value: 10, kind: 'percent', progress: 'linear', accumulate: 'latest' },
      { op: '<=', value: 0, kind: 'count', progress: 'linear', accumulate: 'sum' },
    ],
    rows: [
      { target: 0, unit: '甲局', date: '2024-03-01', done: 3, extra: 4 },
      { target: 1, unit: '乙局', date: '2024-04-01', done: 0, extra: 0 },
    ],
    asOf: '2024-06-30',
  });
  const mutation = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('delete-line' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('indent' as const), at: fc.nat() }),
  );
  function mutate(text: string, m: ArbitraryValue<typeof mutation>): Uint8Array {
    const bytes = new TextEncoder().encode(text);
    const at = m.at % Math.max(bytes.length, 1);
    if (m.kind === 'flip') {
      const copy = bytes.slice();
      copy[at] = m.byte;
      return copy;
    }
    if (m.kind === 'truncate') return bytes.slice(0, at);
    const lines = text.split('\n');
    const line = m.at % lines.length;
    if (m.kind === 'delete-line') lines.splice(line, 1);
    else lines[line] = lines[line]!.startsWith('  ') ? lines[line]!.slice(2) : `   ${lines[line]}`;
    return new TextEncoder().encode(lines.join('\n'));
  }

  it('answers every mutation with diagnostics that name a real place, never an exception', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(valid)), mutation, (name, m) => {
        const files = Object.entries(valid).map(([file, text]) => {
          const kind = file.includes('.plan.') ? ('plan' as const) : ('actuals-yaml' as const);
          return { path: file, kind, bytes: file === name ? mutate(text, m) : new TextEncoder().encode(text) };
        });
        const project = loadProject(files);
        for (const d of project.diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1);
          expect(d.column).toBeGreaterThanOrEqual(1);
          expect(['error', 'warning']).toContain(d.severity);
          expect(Object.keys(valid)).toContain(d.file);
        }
        const evaluation = evaluateProject(project, day('2024-06-30'), 14);
        expect(evaluation.targets.length).toBeLessThanOrEqual(2);
      }),
      { numRuns: 400, seed: 11 },
    );
  });
});
