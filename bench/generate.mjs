// Synthetic inputs in the shape of the seed plans (Chinese titles and unit names), reproducible
// from a seed: N tasks with one or two targets each, and actual rows in CSV.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const units = ['区市场监管局', '区卫健局', '区教育局', '区农业农村局', '区公安分局', '区商务局', '区民政局', '区食药安办', '各街道'];
const verbs = ['提升', '强化', '深化', '完善', '推进', '压实'];
const topics = [
  '风险预警能力',
  '食品抽检监测',
  '校园食品安全',
  '农产品质量安全',
  '餐饮质量安全',
  '药品安全监管',
  '执法办案能力',
  '社会共治',
];

export function generatePlan({ id, tasks, seed = 1 }) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const lines = [
    'format: plan/1',
    `id: ${id}`,
    `title: ${id} 年度食品药品安全工作要点（合成数据）`,
    'period: { start: 2024-01-01, end: 2024-12-31 }',
    'population: 543000',
    'units:',
    ...units.map((u) => `  - ${u}`),
    'duties:',
    '  - { id: monthly, title: 报送工作落实情况, owner: 区食药安办, every: month, day: 10 }',
    'tasks:',
  ];
  const refs = [];
  for (let i = 1; i <= tasks; i += 1) {
    const lead = pick(units);
    lines.push(
      `  - id: "${i}"`,
      `    title: ${pick(verbs)}${pick(topics)}（第${i}项）`,
      `    lead: [${lead}]`,
      `    support: [${pick(units)}]`,
      '    targets:',
    );
    lines.push(`      - { id: count, metric: 监督检查户次${i}, target: ">= ${100 + Math.floor(next() * 900)}", unit: 户次 }`);
    refs.push({ ref: `${i}/count`, kind: 'count' });
    if (i % 2 === 0) {
      lines.push(`      - { id: rate, metric: 问题整改率${i}, target: ">= ${80 + Math.floor(next() * 21)}%" }`);
      refs.push({ ref: `${i}/rate`, kind: 'percent' });
    }
  }
  return { text: `${lines.join('\n')}\n`, refs };
}

/** Row i's target, unit and date: every (target, unit, date) at most once, as real reports are. */
function rowKey(i, refs) {
  const { ref, kind } = refs[i % refs.length];
  const rest = Math.floor(i / refs.length);
  const unit = units[rest % units.length];
  const dayIndex = Math.floor(rest / units.length) % (9 * 28);
  const date = `2024-${String(1 + Math.floor(dayIndex / 28)).padStart(2, '0')}-${String(1 + (dayIndex % 28)).padStart(2, '0')}`;
  return { ref, kind, unit, date };
}

export function generateActualsCsv({ planId, refs, rows, seed = 2 }) {
  const next = random(seed);
  const out = ['plan,target,as_of,value,reported_by,note'];
  for (let i = 0; i < rows; i += 1) {
    const { ref, kind, unit, date } = rowKey(i, refs);
    const value = kind === 'percent' ? `${Math.floor(next() * 50)}/${50 + Math.floor(next() * 50)}` : String(Math.floor(next() * 1000));
    out.push(`${planId},${ref},${date},${value},${unit},`);
  }
  return `${out.join('\n')}\n`;
}

export function generateActualsYaml({ planId, refs, rows, seed = 2 }) {
  const next = random(seed);
  const out = ['format: actuals/1', `plan: ${planId}`, 'values:'];
  for (let i = 0; i < rows; i += 1) {
    const { ref, kind, unit, date } = rowKey(i, refs);
    const value =
      kind === 'percent' ? `{ done: ${Math.floor(next() * 50)}, of: ${50 + Math.floor(next() * 50)} }` : String(Math.floor(next() * 1000));
    out.push(`  - { target: ${ref}, as_of: ${date}, value: ${value}, reported_by: ${unit} }`);
  }
  return `${out.join('\n')}\n`;
}

/** Write a folder of `plans` plans of `tasks` tasks each, with `rows` CSV actual rows in all. */
export function writeScenario(folder, { plans = 1, tasks, rows = 0, seed = 1, actuals = 'csv' }) {
  mkdirSync(folder, { recursive: true });
  for (let p = 1; p <= plans; p += 1) {
    const id = `bench-${p}`;
    const plan = generatePlan({ id, tasks, seed: seed + p });
    writeFileSync(path.join(folder, `${id}.plan.yaml`), plan.text);
    const share = { planId: id, refs: plan.refs, rows: Math.ceil(rows / plans), seed: seed + 100 + p };
    if (rows > 0 && actuals === 'csv') writeFileSync(path.join(folder, `${id}.actuals.csv`), generateActualsCsv(share));
    if (rows > 0 && actuals === 'yaml') writeFileSync(path.join(folder, `${id}.actuals.yaml`), generateActualsYaml(share));
  }
  return folder;
}
