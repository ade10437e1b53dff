// Bad inputs too large to commit, generated at test time (tests/bad-inputs.test.ts) into a
// temporary folder. Each export writes the files of one case into `dir` (which exists); the case's
// folder under tests/bad-inputs/ holds only a README naming the function. Deterministic: the same
// bytes every run, so every expected line:col in the test is a fixed number.
//
//   node tests/bad-inputs/generate.mjs OUT_DIR [CASE…]   writes the cases to look at by hand
import { Buffer } from 'node:buffer';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const MIB = 1024 * 1024;

const header = (id, title) => `format: plan/1\nid: ${id}\ntitle: ${title}\nperiod: { start: 2024-01-01, end: 2024-12-31 }\n`;

/** The valid companion plan of the committed actuals cases. */
export const demoPlan = `# valid companion plan for the actuals in this folder
format: plan/1
id: demo-2024
title: 示例工作方案
period: { start: 2024-01-01, end: 2024-12-31 }
units:
  - 区市场监管局
  - 区卫健局
  - 区教育局
tasks:
  - id: "4"
    title: 提升风险预警能力
    lead: 区市场监管局
    support: [区卫健局, 区教育局]
    targets:
      - { id: food-sampling, metric: 食品监督抽检量, target: ">= 1900", unit: 批次 }
      - { id: recheck-rate, metric: 不合格食品核查处置率, target: ">= 100%" }
`;

/**
 * "Billion laughs": ten aliases of the level below on each of nine levels, 10^9 strings if
 * expanded. Line 3 holds the anchor &a0 (column 8); line 3+i (i = 1…9) holds the anchor &ai at
 * column 5 and ten aliases *a(i-1) at columns 10, 14, …, 46.
 */
export function billionLaughs(dir) {
  const lines = ['format: plan/1', 'id: laughs', `title: &a0 [${Array(10).fill('"哈"').join(',')}]`];
  for (let i = 1; i <= 9; i += 1) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(',')}]`);
  lines.push('period: { start: 2024-01-01, end: 2024-12-31 }');
  writeFileSync(path.join(dir, 'x.plan.yaml'), `${lines.join('\n')}\n`);
}

/** Block nesting 3,000 deep: line 5+k holds `sub:` indented k spaces (depth k+1). */
export function deepBlockText() {
  let text = `${header('deep-block', '嵌套过深')}sections:\n`;
  for (let k = 1; k <= 3000; k += 1) text += `${' '.repeat(k)}sub:\n`;
  return text;
}

/** Flow sequences 3,000 deep on line 3, from column 8. */
export const deepFlowText = () => `format: plan/1\nid: deep-flow\ntitle: ${'['.repeat(3000)}${']'.repeat(3000)}\nperiod: { start: 2024-01-01, end: 2024-12-31 }\n`;

/** Flow mappings 3,000 deep on line 3: `{a: ` repeated from column 8. */
export const deepFlowMapText = () => `format: plan/1\nid: deep-map\ntitle: ${'{a: '.repeat(3000)}1${'}'.repeat(3000)}\nperiod: { start: 2024-01-01, end: 2024-12-31 }\n`;

export function deepBlock(dir) {
  writeFileSync(path.join(dir, 'x.plan.yaml'), deepBlockText());
}

export function deepFlow(dir) {
  writeFileSync(path.join(dir, 'x.plan.yaml'), deepFlowText());
}

/** Twenty 3,000-deep files in one folder, parsed in one process: d00 block, d01 flow list, d02 flow map, d03 block, … */
export function deepTwentyFiles(dir) {
  const kinds = [deepBlockText, deepFlowText, deepFlowMapText];
  for (let i = 0; i < 20; i += 1) writeFileSync(path.join(dir, `d${String(i).padStart(2, '0')}.plan.yaml`), kinds[i % 3]());
}

/** An actuals value nested 3,000 lists deep, in a flow mapping on line 6 (the first `[` at column 39). */
export function deepActualsValue(dir) {
  writeFileSync(path.join(dir, 'demo-2024.plan.yaml'), demoPlan);
  writeFileSync(
    path.join(dir, 'x.actuals.yaml'),
    `format: actuals/1\nplan: demo-2024\nreported_by: 区市场监管局\nas_of: 2024-06-30\nvalues:\n  - { target: 4/food-sampling, value: ${'['.repeat(3000)}${']'.repeat(3000)} }\n`,
  );
}

const keyLines = (count, indent) => {
  const lines = new Array(count);
  for (let i = 0; i < count; i += 1) lines[i] = `${indent}k${i}: ${i}`;
  return lines.join('\n');
};

/** 200,000 keys in one mapping under `lookup:` (line 5), on lines 6…200005; then `k0` again on line 200006. */
export function manyKeysDuplicate(dir) {
  writeFileSync(path.join(dir, 'x.plan.yaml'), `${header('many-keys-dup', '很多键')}lookup:\n${keyLines(200_000, '  ')}\n  k0: again\n`);
}

/** 200,000 unknown keys at the top level of a plan: k0 on line 5 … k199999 on line 200004. */
export function manyUnknownKeys(dir) {
  writeFileSync(path.join(dir, 'x.plan.yaml'), `${header('many-unknown', '很多未知键')}${keyLines(200_000, '')}\n`);
}

/** A valid plan of 50 MiB: the whole policy text pasted, line by line, into a task's note. */
export function fiftyMegabytePlan(dir) {
  const head = `${header('big-note', '大文件')}tasks:\n  - id: "1"\n    title: 全文\n    lead: 区市场监管局\n    targets:\n      - { id: a, metric: 抽检, target: ">= 10" }\n    note: |\n`;
  const line = `      ${'各有关单位要高度重视食品药品安全工作，切实加强组织领导。'.repeat(4)}\n`;
  const count = Math.ceil((50 * MIB - Buffer.byteLength(head)) / Buffer.byteLength(line));
  writeFileSync(path.join(dir, 'x.plan.yaml'), Buffer.concat([Buffer.from(head), Buffer.from(line.repeat(count))]));
}

/** A 50 MiB actuals CSV: a year of rows exported from a database (the plan beside it is valid). */
export function fiftyMegabyteCsv(dir) {
  writeFileSync(path.join(dir, 'demo-2024.plan.yaml'), demoPlan);
  const row = 'demo-2024,4/food-sampling,2024-06-30,1020,区市场监管局,按月汇总的抽检批次\n';
  const count = Math.ceil((50 * MIB) / Buffer.byteLength(row));
  writeFileSync(path.join(dir, 'x.actuals.csv'), `plan,target,as_of,value,reported_by,note\n${row.repeat(count)}`);
}

/** A value cell of two million digits (1.000…0001) on line 2, column 38. */
export function millionDigitValue(dir) {
  writeFileSync(path.join(dir, 'demo-2024.plan.yaml'), demoPlan);
  writeFileSync(
    path.join(dir, 'x.actuals.csv'),
    `plan,target,as_of,value,reported_by,note\ndemo-2024,4/food-sampling,2024-06-30,1.${'0'.repeat(1_999_998)}1,区市场监管局,\n`,
  );
}

/** A target expression of a million digits, the `target` value at line 10, column 38. */
export function millionDigitTarget(dir) {
  writeFileSync(
    path.join(dir, 'x.plan.yaml'),
    `${header('long-target', '超长目标')}tasks:\n  - id: "1"\n    title: 抽检\n    lead: 区市场监管局\n    targets:\n      - { id: a, metric: 抽检, target: ">= 3.${'1415926535'.repeat(100_000)}" }\n`,
  );
}

/** A folder that contains a link to itself (ln -s . loop): the plan must be read once. */
export function symlinkLoop(dir) {
  writeFileSync(path.join(dir, 'demo-2024.plan.yaml'), demoPlan);
  symlinkSync('.', path.join(dir, 'loop'));
}

/**
 * A pull request adds `x.plan.yaml`, a link to a file outside the folder being checked (a stand-in
 * for ~/.git-credentials, in a folder beside the case's): its text must not reach the CI log.
 */
export function symlinkOutside(dir) {
  writeFileSync(path.join(dir, 'demo-2024.plan.yaml'), demoPlan);
  const outside = `${dir}-outside`;
  mkdirSync(outside, { recursive: true });
  writeFileSync(path.join(outside, 'credentials'), 'https://ci-bot:plan-check-canary-7f3a@git.example.invalid\n');
  symlinkSync(path.join(outside, 'credentials'), path.join(dir, 'x.plan.yaml'));
}

/** A link named like a plan that points at an endless device (/dev/zero): refused, not read. */
export function symlinkDevice(dir) {
  writeFileSync(path.join(dir, 'demo-2024.plan.yaml'), demoPlan);
  symlinkSync('/dev/zero', path.join(dir, 'x.plan.yaml'));
}

/** A CSV whose header has 10,000 unknown columns x0…x9999 after the five known ones (line 1), and one row. */
export function csvManyUnknownColumns(dir) {
  writeFileSync(path.join(dir, 'demo-2024.plan.yaml'), demoPlan);
  const extra = Array.from({ length: 10_000 }, (_, i) => `x${i}`);
  writeFileSync(
    path.join(dir, 'x.actuals.csv'),
    `plan,target,as_of,value,reported_by,${extra.join(',')}\ndemo-2024,4/food-sampling,2024-06-30,1020,区市场监管局,${Array(10_000).fill('').join(',')}\n`,
  );
}

/** An 89 KB plan written on one line (a flow mapping), with a task due 2024-13-01 near its end. */
export function yamlOneLongLineText() {
  const tasks = Array.from({ length: 1_000 }, (_, i) => `{ id: "t${i}", title: 第${i}项任务的标题写得很长很长, lead: 区市场监管局, due: 2024-12-31 }`);
  tasks.push('{ id: "last", title: 最后一项, lead: 区市场监管局, due: 2024-13-01 }');
  return `{ format: plan/1, id: one-line, title: 一行, period: { start: 2024-01-01, end: 2024-12-31 }, tasks: [${tasks.join(', ')}] }\n`;
}

export function yamlOneLongLine(dir) {
  writeFileSync(path.join(dir, 'x.plan.yaml'), yamlOneLongLineText());
}

/** 20,000 tasks that all have the id "1" (a numbering column filled down in a spreadsheet): tasks on lines 6, 8, … */
export function manyDuplicateIds(dir) {
  const lines = [];
  for (let i = 0; i < 20_000; i += 1) lines.push('  - { id: "1", title: 同一编号, lead: 区市场监管局 }', '    # 另一行');
  writeFileSync(path.join(dir, 'x.plan.yaml'), `${header('dup-ids', '重复编号')}tasks:\n${lines.join('\n')}\n`);
}

/**
 * A registry of 2,000 units with 25 aliases each (50,000 names), and 5,000 CSV rows each from a
 * different unit that is not registered: each gets unknown-unit with the closest name.
 */
export function manyAliases(dir) {
  const units = Array.from({ length: 2_000 }, (_, u) => `  - { name: 第${u}街道办事处, aliases: [${Array.from({ length: 25 }, (_, a) => `街道${u}-${a}`).join(', ')}] }`);
  writeFileSync(
    path.join(dir, 'x.plan.yaml'),
    `${header('aliases', '很多简称')}units:\n${units.join('\n')}\ntasks:\n  - id: "1"\n    title: 抽检\n    lead: 第0街道办事处\n    targets:\n      - { id: a, metric: 抽检, target: ">= 10" }\n`,
  );
  const rows = Array.from({ length: 5_000 }, (_, r) => `aliases,1/a,2024-06-30,1,未登记单位${r}号`);
  writeFileSync(path.join(dir, 'x.actuals.csv'), `plan,target,as_of,value,reported_by\n${rows.join('\n')}\n`);
}

/** 50,000 CSV rows, each naming a plan id that is misspelt (demo-2042): 50,000 unknown-plan errors, text output. */
export function csvManyMisspeltRows(dir) {
  writeFileSync(path.join(dir, 'demo-2024.plan.yaml'), demoPlan);
  const row = 'demo-2042,4/food-sampling,2024-06-30,1020,区市场监管局\n';
  writeFileSync(path.join(dir, 'x.actuals.csv'), `plan,target,as_of,value,reported_by\n${row.repeat(50_000)}`);
}

/** 300 weekly duties with 20 owners each over a 10-year period: 300 × 522 × 20 ≈ 3.1 million deadlines if all were kept. */
export function manyWeeklyDuties(dir) {
  const owners = Array.from({ length: 20 }, (_, i) => `单位${i}`);
  const duties = Array.from({ length: 300 }, (_, d) => `  - { id: d${d}, title: 周报${d}, owner: [${owners.join(', ')}], every: week, day: ${1 + (d % 5)} }`);
  writeFileSync(
    path.join(dir, 'x.plan.yaml'),
    `format: plan/1\nid: weekly\ntitle: 很多周报\nperiod: { start: 2021-01-01, end: 2030-12-31 }\nduties:\n${duties.join('\n')}\n`,
  );
}

/** case folder name → generator */
export const generators = {
  'alias-billion-laughs': billionLaughs,
  'deep-block-3000': deepBlock,
  'deep-flow-3000': deepFlow,
  'deep-twenty-files': deepTwentyFiles,
  'deep-actuals-value': deepActualsValue,
  'keys-200k-duplicate': manyKeysDuplicate,
  'keys-200k-unknown': manyUnknownKeys,
  'file-50mb-plan': fiftyMegabytePlan,
  'file-50mb-plan-raised-limit': fiftyMegabytePlan,
  'file-50mb-csv': fiftyMegabyteCsv,
  'csv-million-digits': millionDigitValue,
  'target-million-digits': millionDigitTarget,
  'symlink-loop': symlinkLoop,
  'symlink-outside-folder': symlinkOutside,
  'symlink-to-device': symlinkDevice,
  'csv-10k-unknown-columns': csvManyUnknownColumns,
  'yaml-one-long-line': yamlOneLongLine,
  'duplicate-ids-20k': manyDuplicateIds,
  'aliases-50k': manyAliases,
  'csv-50k-misspelt-rows': csvManyMisspeltRows,
  'duties-weekly-many': manyWeeklyDuties,
};

/** Write one case into `root/name/` and return that folder. */
export function generate(name, root) {
  const generator = generators[name];
  if (!generator) throw new Error(`no generator for ${name}`);
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true });
  generator(dir);
  return dir;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [out, ...names] = process.argv.slice(2);
  if (!out) {
    console.error('usage: node tests/bad-inputs/generate.mjs OUT_DIR [CASE…]');
    process.exit(2);
  }
  for (const name of names.length > 0 ? names : Object.keys(generators)) console.log(generate(name, path.resolve(out)));
}
