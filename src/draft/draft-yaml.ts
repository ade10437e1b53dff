// A draft plan as plan YAML a person reviews: the source sentence above each target, phase and
// duty, `# 核对:` wherever the draft guessed, and every number that became nothing listed at its task.
import { stringify } from 'yaml';
import type { DraftPlan, DraftTarget, DraftTask } from './draft-plan.js';

/** A string as a YAML scalar that reads back as the same string inside a flow mapping or list too. */
const scalar = (value: string | number): string => {
  const text = String(value);
  const plain = stringify(text, { lineWidth: 0 }).trimEnd();
  // YAML would read it as something else, or a flow context would end it at a comma or bracket
  return plain !== text || /[,[\]{}:#'"]|^\s|\s$|^[-?!&*|>%@`]/.test(text) ? JSON.stringify(text) : text;
};
const flowList = (values: readonly string[]): string => `[${values.map(scalar).join(', ')}]`;
/** One-line comment text: no line breaks, not endless. */
const commentText = (text: string, limit = 200): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return [...flat].length > limit ? `${[...flat].slice(0, limit).join('')}…` : flat;
};

interface DraftYamlOptions {
  id: string;
  source: string;
  /** the schema path for editors, relative to where the file is written */
  schema?: string;
}

export function formatDraftYaml(plan: DraftPlan, options: DraftYamlOptions): string {
  const out: string[] = [];
  if (options.schema) out.push(`# yaml-language-server: $schema=${options.schema}`);
  out.push(`# plan-check draft：由 ${commentText(options.source, 120)} 起草。逐条阅读“# 核对:”注释，改正后运行 plan-check validate。`);
  for (const check of plan.checks) out.push(`# 核对: ${commentText(check)}`);
  for (const reference of plan.references) out.push(`# 依据: ${commentText(reference)}`);
  out.push('format: plan/1');
  out.push(`# 核对: id 由标题生成，可改为更好记的名字（小写字母、数字、连字符）`);
  out.push(`id: ${options.id}`);
  out.push(`title: ${scalar(plan.title)}`);
  if (plan.issuer) out.push(`issuer: ${scalar(plan.issuer)}`);
  if (plan.docNo) out.push(`doc_no: ${scalar(plan.docNo)}`);
  if (plan.issued) out.push(`issued: ${plan.issued}`);
  out.push(`period: { start: ${plan.period.start}, end: ${plan.period.end} }`);
  const perCapita = [...plan.targets, ...plan.sections.flatMap((s) => s.tasks.flatMap((t) => t.targets))].some(
    (x) => x.kind === 'per_capita',
  );
  if (perCapita) {
    out.push('# 核对: 有按人口计算的指标（如 4批次/千人），请填写常住人口后取消下一行及这些指标的注释');
    out.push('# population: 0');
  }
  if (plan.units.length > 0) {
    out.push('units:');
    for (const unit of plan.units) out.push(`  - ${scalar(unit)}`);
  }
  if (plan.phases.length > 0) {
    out.push('phases:');
    for (const phase of plan.phases) {
      out.push(`  # 原文：${commentText(phase.source)}`);
      for (const check of phase.checks) out.push(`  # 核对: ${commentText(check)}`);
      out.push(`  - { id: ${phase.id}, title: ${scalar(phase.title)}${phase.start ? `, start: ${phase.start}` : ''}, due: ${phase.due} }`);
    }
  }
  if (plan.duties.length > 0) {
    out.push('duties:');
    for (const duty of plan.duties) {
      out.push(`  # 原文：${commentText(duty.source)}`);
      for (const check of duty.checks) out.push(`  # 核对: ${commentText(check)}`);
      const owner = Array.isArray(duty.owner) ? flowList(duty.owner) : scalar(duty.owner);
      const when = duty.every ? `every: ${duty.every}, day: ${duty.day}${duty.month ? `, month: ${duty.month}` : ''}` : `due: ${duty.due}`;
      out.push(
        `  - { id: ${duty.id}, ${duty.kind === 'activity' ? 'kind: activity, ' : ''}title: ${scalar(duty.title)}, owner: ${owner}, ${when} }`,
      );
    }
  }
  for (const sentence of plan.unreadOutside) out.push(`# 核对: 任务之外含数字但未成为指标：${commentText(sentence)}`);
  if (plan.targets.length > 0) {
    out.push(plan.targets.some((t) => t.kind !== 'per_capita') ? 'targets:' : '# targets:');
    for (const target of plan.targets) {
      out.push(`  # 原文：${commentText(target.source)}`);
      out.push(`  # 核对: 方案整体的要求，原文未写责任单位，owner 暂取${target.owner}`);
      out.push(...targetLines(target, '  ', `, owner: ${scalar(target.owner)}`));
    }
  }
  if (plan.sections.length === 0) {
    out.push('# 核对: 未找到编号任务。原文各句如下，请据此补写 sections（至少一项任务）：');
    for (const sentence of plan.sentences) out.push(`#   ${commentText(sentence)}`);
    out.push('tasks:');
    out.push('  - id: "1"');
    out.push(`    title: ${scalar(plan.title)}`);
    // a unit of the registry when there is one (every lead must be in it), else the issuer
    out.push(`    lead: ${flowList([plan.units[0] ?? plan.issuer ?? '待定单位'])}`);
    return `${out.join('\n')}\n`;
  }
  out.push('sections:');
  for (const section of plan.sections) {
    out.push(`  - title: ${scalar(section.title)}`);
    out.push('    tasks:');
    for (const task of section.tasks) out.push(...formatTask(task));
  }
  return `${out.join('\n')}\n`;
}

function formatTask(task: DraftTask): string[] {
  const out: string[] = [];
  const pad = '      ';
  for (const check of task.checks) out.push(`${pad}# 核对: ${commentText(check)}`);
  const lead = task.lead;
  out.push(`${pad}- id: ${scalar(task.id)}`);
  out.push(`${pad}  title: ${scalar(task.title)}`);
  out.push(`${pad}  lead: ${flowList(lead)}`);
  if (task.support.length > 0) out.push(`${pad}  support: ${flowList(task.support)}`);
  if (task.due) out.push(`${pad}  due: ${task.due}`);
  for (const sentence of task.unread) out.push(`${pad}  # 核对: 含数字但未成为指标：${commentText(sentence)}`);
  if (task.targets.length > 0) {
    // per-capita targets stay comments until population is filled in; a list of comments alone is no list
    out.push(task.targets.some((t) => t.kind !== 'per_capita') ? `${pad}  targets:` : `${pad}  # targets:`);
    for (const target of task.targets) {
      out.push(`${pad}    # 原文：${commentText(target.source)}`);
      out.push(...targetLines(target, `${pad}    `));
    }
  }
  out.push('');
  return out;
}

/** A target's 核对 lines and its line; a per-capita one stays a comment until population is filled in. */
function targetLines(target: DraftTarget, pad: string, extra = ''): string[] {
  const hidden = target.kind === 'per_capita';
  const out: string[] = [];
  if (hidden) out.push(`${pad}# 核对: 按人口计算，填写 population 后取消注释`);
  if (target.check) out.push(`${pad}# 核对: ${commentText(target.check)}`);
  out.push(
    `${pad}${hidden ? '# ' : ''}- { id: ${target.id}, metric: ${scalar(target.metric)}, target: ${JSON.stringify(target.target)}${target.unit ? `, unit: ${scalar(target.unit)}` : ''}${target.start ? `, start: ${target.start}` : ''}${target.due ? `, due: ${target.due}` : ''}${extra} }`,
  );
  return out;
}
