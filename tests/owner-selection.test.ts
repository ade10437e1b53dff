// Who owns what (issue 17, item 5): --owner selects what the unit answers for; --role support|any
// widens it; status, gaps, deadlines and template agree; unknown names and refs get candidates.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nearestNames } from '../src/core/edit-distance.js';
import { runCli } from './helpers.js';

// 区市场监管局 leads task 1 (owns a1), co-leads task 2 (b1 is owned by the first lead, 区卫生健康委),
// supports task 3 (lead 区卫生健康委; `stores` is reported by each of 甲街道 and 乙街道), and owes the
// monthly duty. Real plans name most departments as 配合 or co-lead: neither makes a target theirs.
const plan = `format: plan/1
id: owners-2024
title: 2024年食品安全责任分工
period: { start: 2024-01-01, end: 2024-12-31 }
units:
  - 区市场监管局
  - { name: 区卫生健康委, aliases: [区卫生健康委员会] }
  - 甲街道
  - 乙街道
tasks:
  - id: "1"
    title: 抽检
    lead: [区市场监管局]
    support: [区卫生健康委]
    due: 2024-11-30
    targets:
      - { id: a1, metric: 食品抽检量, target: ">= 100", unit: 批次 }
  - id: "2"
    title: 监测
    lead: [区卫生健康委, 区市场监管局]
    due: 2024-10-31
    targets:
      - { id: b1, metric: 风险监测样本量, target: ">= 50", unit: 批次 }
  - id: "3"
    title: 诚信建设
    lead: [区卫生健康委]
    support: [区市场监管局]
    due: 2024-09-30
    targets:
      - { id: stores, metric: 守信超市创建数, target: ">= 4", unit: 家, each: [甲街道, 乙街道] }
duties:
  - { id: monthly, title: 报工作进展, owner: 区市场监管局, every: month, day: 10, start: 2024-06-01, until: 2024-08-31 }
`;

function folder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-check-owner-'));
  writeFileSync(path.join(dir, 'owners.plan.yaml'), plan);
  return dir;
}

const dir = folder();
const json = async (command: string, args: string[]) =>
  JSON.parse((await runCli([command, dir, '--no-config', '--as-of', '2024-06-30', '--format', 'json', ...args])).stdout);
const targetRefs = async (args: string[]) =>
  ((await json('gaps', args)).targets as { ref: string; owner: string }[]).map((t) => `${t.ref.split(':')[1]}@${t.owner}`).sort();
const deadlineRefs = async (args: string[]) =>
  [...new Set(((await json('deadlines', ['--all', ...args])).deadlines as { ref: string }[]).map((d) => d.ref.split(':')[1]))].sort();

describe('--owner selects what the unit answers for', () => {
  it('by default: the targets it owns, the tasks it leads (co-lead too), the duties it owes; not what it supports', async () => {
    expect(await targetRefs(['--owner', '区市场监管局'])).toEqual(['1/a1@区市场监管局']);
    // the duty falls due 06-10, 07-10 and 08-10 (start 06-01, until 08-31)
    expect(await deadlineRefs(['--owner', '区市场监管局'])).toEqual([
      'duty/monthly@2024-06-10',
      'duty/monthly@2024-07-10',
      'duty/monthly@2024-08-10',
      'task/1',
      'task/2',
    ]);
    // --role lead is the default, spelt out
    expect(await targetRefs(['--owner', '区市场监管局', '--role', 'lead'])).toEqual(['1/a1@区市场监管局']);
  });

  it('--role support: the tasks it supports; --role any: everything it is named on', async () => {
    expect(await targetRefs(['--owner', '区市场监管局', '--role', 'support'])).toEqual(['3/stores@区卫生健康委']);
    expect(await deadlineRefs(['--owner', '区市场监管局', '--role', 'support'])).toEqual(['task/3']);
    expect(await targetRefs(['--owner', '区市场监管局', '--role', 'any'])).toEqual([
      '1/a1@区市场监管局',
      '2/b1@区卫生健康委',
      '3/stores@区卫生健康委',
    ]);
  });

  it('an `each` unit gets its own line; the owner of the each target gets the whole', async () => {
    expect(await targetRefs(['--owner', '甲街道'])).toEqual(['3/stores@甲街道']);
    expect(await targetRefs(['--owner', '区卫生健康委'])).toEqual(['2/b1@区卫生健康委', '3/stores@区卫生健康委']);
    // an alias from the registry finds the canonical unit
    expect(await targetRefs(['--owner', '区卫生健康委员会'])).toEqual(['2/b1@区卫生健康委', '3/stores@区卫生健康委']);
  });

  it('status counts the same targets as gaps', async () => {
    const status = await json('status', ['--owner', '区市场监管局']);
    expect((status.targets as { ref: string }[]).map((t) => t.ref)).toEqual(['owners-2024:1/a1']);
  });

  it('template --owner: the lines a unit reports, each unit of an each target under its own name', async () => {
    const form = async (owner: string) =>
      (await runCli(['template', dir, '--no-config', '--owner', owner, '--format', 'csv', '--lang', 'en'])).stdout
        .trim()
        .split(/\r?\n/)
        .slice(1)
        .map((line) => line.split(','))
        .map((cells) => `${cells[1]}@${cells[10]}`);
    expect(await form('区市场监管局')).toEqual(['1/a1@区市场监管局']);
    expect(await form('甲街道')).toEqual(['3/stores@甲街道']);
    expect(await form('区卫生健康委')).toEqual(['2/b1@区卫生健康委', '3/stores@甲街道', '3/stores@乙街道']);
  });
});

describe('candidates for what matches nothing', () => {
  it('--owner 区卫健委 suggests 区卫生健康委 (a short form of the registered name)', async () => {
    const result = await runCli(['status', dir, '--no-config', '--as-of', '2024-06-30', '--owner', '区卫健委', '--lang', 'zh-CN']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('是否应为：区卫生健康委');
    const english = await runCli(['gaps', dir, '--no-config', '--as-of', '2024-06-30', '--owner', '区市场监督局', '--lang', 'en']);
    // one substitution (督 for 管): within the 2 edits allowed for 6 characters
    expect(english.stderr).toContain('Did you mean: 区市场监管局?');
    const template = await runCli(['template', dir, '--no-config', '--owner', '区卫健委', '--lang', 'en']);
    expect(template.stderr).toContain('区卫生健康委');
  });

  it('explain 3/守信超市 lists the target whose metric says so; explain 1/a2 the close ref', async () => {
    const metric = await runCli(['explain', '3/守信超市', dir, '--no-config', '--as-of', '2024-06-30', '--lang', 'zh-CN']);
    expect(metric.status).toBe(2);
    expect(metric.stderr).toContain('最接近的：owners-2024:3/stores（守信超市创建数）');
    const typo = await runCli(['explain', '1/a2', dir, '--no-config', '--as-of', '2024-06-30', '--lang', 'en']);
    expect(typo.stderr).toMatch(/Closest: owners-2024:1\/a1 \(食品抽检量\)/);
    // a unit of an each target: that target
    const unit = await runCli(['explain', '3/甲街道', dir, '--no-config', '--as-of', '2024-06-30', '--lang', 'zh-CN']);
    expect(unit.stderr).toContain('最接近的：owners-2024:3/stores（守信超市创建数）');
    // a task number with a name that matches nothing: that task's targets
    const task = await runCli(['explain', '2/nothing-like-it', dir, '--no-config', '--as-of', '2024-06-30', '--lang', 'en']);
    expect(task.stderr).toContain('owners-2024:2/b1');
  });

  it('nearestNames keeps the plausible ones, nearest first', () => {
    expect(nearestNames('区市场监督局', ['区卫生健康委', '区市场监管局', '区市场监管'])).toEqual(['区市场监管局', '区市场监管']);
    expect(nearestNames('abc', ['xyz'])).toEqual([]);
  });
});
