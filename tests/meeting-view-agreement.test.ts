// The meeting view never hides a problem (contract v2, "The meeting view"): for every combination
// of statuses the generated fixtures hold, the exit code of `status --fail-on V` is 1 exactly when
// V is among the selected results, and the text says so in its summary; the text never says that
// nothing needs attention while something is missed, breached, behind or overdue. Ended plans are
// shown in full for `recent_days` after their end, then as one line.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { failOnValues } from '../src/core/statuses.js';
import { runCli, timezones } from './helpers.js';

const UNIT = '区市场监管局';

/**
 * What each status needs, at the as-of dates below. Active plan: 2024-01-01 … 2024-12-31, T =
 * 2024-06-30, 182 of 366 days gone. A linear ">= 100" due 2024-12-31 expects E = 100 × 182/366 ≈
 * 49.73: 60 is on track; 40 is behind with lag (49.73 − 40)/100 × 100 ≈ 9.73 (0 < 9.73 ≤ 30:
 * yellow). Due 2024-03-31 and 40 < 100 after due: missed. "<= 5" with 8: breached. Start
 * 2024-09-01 after T with a row of 1 < 10: not started. Phases: due 2024-04-30 not done: overdue;
 * due 2024-07-05 (5 days ≤ warn_days 14): due soon; due 2024-11-30: upcoming; done 2024-05-20: done.
 * Ended plan: 2023-01-01 … 2023-12-31, every target due at the end: 12 ≥ 10 met, 40 < 100 missed,
 * 8 > 5 breached; a phase due 2023-10-31 not done: overdue.
 */
interface Piece {
  target?: string;
  row?: string;
  phase?: string;
}

const activePieces: Record<string, Piece> = {
  met: { target: '{ id: t-met, metric: 检查户数, target: ">= 10", owner: OWNER }', row: '{ target: t-met, value: 12, as_of: 2024-06-01 }' },
  on_track: {
    target: '{ id: t-on-track, metric: 抽检批次, target: ">= 100", owner: OWNER }',
    row: '{ target: t-on-track, value: 60, as_of: 2024-06-01 }',
  },
  behind: {
    target: '{ id: t-behind, metric: 培训人次, target: ">= 100", owner: OWNER }',
    row: '{ target: t-behind, value: 40, as_of: 2024-06-01 }',
  },
  missed: {
    target: '{ id: t-missed, metric: 整改户数, target: ">= 100", due: 2024-03-31, owner: OWNER }',
    row: '{ target: t-missed, value: 40, as_of: 2024-03-31 }',
  },
  breached: {
    target: '{ id: t-breached, metric: 投诉件数, target: "<= 5", owner: OWNER }',
    row: '{ target: t-breached, value: 8, as_of: 2024-06-01 }',
  },
  no_data: { target: '{ id: t-no-data, metric: 宣传场次, target: ">= 10", owner: OWNER }' },
  not_started: {
    target: '{ id: t-not-started, metric: 复查户数, target: ">= 10", start: 2024-09-01, owner: OWNER }',
    row: '{ target: t-not-started, value: 1, as_of: 2024-06-01 }',
  },
  done: { phase: '{ id: p-done, title: 部署阶段, due: 2024-05-31, done: 2024-05-20, owner: OWNER }' },
  overdue: { phase: '{ id: p-overdue, title: 排查阶段, due: 2024-04-30, owner: OWNER }' },
  due_soon: { phase: '{ id: p-due-soon, title: 整治阶段, due: 2024-07-05, owner: OWNER }' },
  upcoming: { phase: '{ id: p-upcoming, title: 总结阶段, due: 2024-11-30, owner: OWNER }' },
};

const endedPieces: Record<string, Piece> = {
  met: { target: '{ id: t-met, metric: 检查户数, target: ">= 10", owner: OWNER }', row: '{ target: t-met, value: 12, as_of: 2023-12-01 }' },
  missed: {
    target: '{ id: t-missed, metric: 整改户数, target: ">= 100", owner: OWNER }',
    row: '{ target: t-missed, value: 40, as_of: 2023-12-01 }',
  },
  breached: {
    target: '{ id: t-breached, metric: 投诉件数, target: "<= 5", owner: OWNER }',
    row: '{ target: t-breached, value: 8, as_of: 2023-12-01 }',
  },
  no_data: { target: '{ id: t-no-data, metric: 宣传场次, target: ">= 10", owner: OWNER }' },
  done: { phase: '{ id: p-done, title: 部署阶段, due: 2023-05-31, done: 2023-05-20, owner: OWNER }' },
  overdue: { phase: '{ id: p-overdue, title: 排查阶段, due: 2023-10-31, owner: OWNER }' },
};

function fixture(statuses: readonly string[], pieces: Record<string, Piece>, period: { start: string; end: string }): string {
  const chosen = statuses.map((status) => pieces[status]!);
  const list = (items: (string | undefined)[]) =>
    items
      .filter((item): item is string => item !== undefined)
      .map((item) => `  - ${item.replace('OWNER', UNIT)}\n`)
      .join('');
  const targets = list(chosen.map((piece) => piece.target));
  const phases = list(chosen.map((piece) => piece.phase));
  const rows = list(chosen.map((piece) => piece.row));
  const plan = `format: plan/1\nid: combo\ntitle: 组合方案\nperiod: { start: ${period.start}, end: ${period.end} }\n${targets ? `targets:\n${targets}` : ''}${phases ? `phases:\n${phases}` : ''}tasks: []\n`;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-check-agree-'));
  writeFileSync(path.join(dir, 'combo.plan.yaml'), plan);
  if (rows) writeFileSync(path.join(dir, 'combo.actuals.yaml'), `format: actuals/1\nplan: combo\nreported_by: ${UNIT}\nvalues:\n${rows}`);
  return dir;
}

function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((all, item) => [...all, ...all.map((subset) => [...subset, item])], [[]]);
}

const labels: Record<string, string> = {
  met: 'met',
  on_track: 'on track',
  behind: 'behind',
  missed: 'missed',
  breached: 'breached',
  no_data: 'no data',
  not_started: 'not started',
  done: 'done',
  overdue: 'overdue',
  due_soon: 'due soon',
  upcoming: 'upcoming',
};
const targetStatusNames = ['met', 'on_track', 'behind', 'missed', 'breached', 'no_data', 'not_started'];
/** What each fail-on value is, in terms of generated statuses: a light stands for the statuses that light it. */
const lightOf: Record<string, string[]> = { red: ['missed', 'breached', 'overdue'], yellow: ['behind', 'due_soon'] };

/** "missed 2" in the summary line that counts targets (or deadlines), a count above 0. */
function summaryMentions(text: string, value: string): boolean {
  const lines = text.split('\n');
  const targetLine = lines.find((line) => /^\d+ targets?: /.test(line)) ?? '';
  const deadlineLine = lines.find((line) => /^Deadlines \(\d+\): /.test(line)) ?? '';
  const has = (line: string, label: string) => new RegExp(`(: |; lights: | · )${label} [1-9]`).test(line);
  if (value === 'red') return has(targetLine, 'red') || has(deadlineLine, labels.overdue!);
  if (value === 'yellow') return has(targetLine, 'yellow') || has(deadlineLine, labels.due_soon!);
  return targetStatusNames.includes(value) ? has(targetLine, labels[value]!) : has(deadlineLine, labels[value]!);
}

interface Case {
  name: string;
  statuses: string[];
  dir: string;
  asOf: string;
}

const problems = ['behind', 'missed', 'breached', 'overdue'];
const background = ['met', 'on_track', 'no_data', 'not_started', 'done', 'due_soon', 'upcoming'];
const active = { start: '2024-01-01', end: '2024-12-31' };
const ended = { start: '2023-01-01', end: '2023-12-31' };

const cases: Case[] = [
  // every subset of the problems, alone and over every other status
  ...subsets(problems).flatMap((set) => [
    { name: `active: ${set.join('+') || '—'}`, statuses: set, dir: fixture(set, activePieces, active), asOf: '2024-06-30' },
    {
      name: `active: ${set.join('+') || '—'} + background`,
      statuses: [...set, ...background],
      dir: fixture([...set, ...background], activePieces, active),
      asOf: '2024-06-30',
    },
  ]),
  // every status alone
  ...Object.keys(activePieces).map((status) => ({
    name: `active: only ${status}`,
    statuses: [status],
    dir: fixture([status], activePieces, active),
    asOf: '2024-06-30',
  })),
  // ended plans: 2024-01-20 is 20 days after the end (shown in full), 2024-06-30 is 182 (one line)
  ...subsets(['missed', 'breached', 'overdue']).flatMap((set) =>
    ['2024-01-20', '2024-06-30'].flatMap((asOf) => [
      { name: `ended (${asOf}): ${set.join('+') || '—'}`, statuses: set, dir: fixture(set, endedPieces, ended), asOf },
      {
        name: `ended (${asOf}): ${set.join('+') || '—'} + met, no data, done`,
        statuses: [...set, 'met', 'no_data', 'done'],
        dir: fixture([...set, 'met', 'no_data', 'done'], endedPieces, ended),
        asOf,
      },
    ]),
  ),
];

describe('status: the exit code of --fail-on and the text agree, for every combination of statuses', () => {
  for (const testCase of cases) {
    it(testCase.name, async () => {
      const present = new Set(testCase.statuses);
      const base = ['status', testCase.dir, '--no-config', '--as-of', testCase.asOf, '--lang', 'en'];
      for (const value of failOnValues) {
        const expected = lightOf[value] ? lightOf[value]!.some((status) => present.has(status)) : present.has(value);
        const result = await runCli([...base, '--fail-on', value]);
        expect(result.stderr).toBe('');
        // the generated statuses are what the run finds …
        expect({ value, exit: result.status }).toEqual({ value, exit: expected ? 1 : 0 });
        // … and what its summary says
        expect({ value, mentioned: summaryMentions(result.stdout, value) }).toEqual({ value, mentioned: expected });
      }
      const text = (await runCli(base)).stdout;
      const zh = (await runCli([...base.slice(0, -2), '--lang', 'zh-CN'])).stdout;
      const saysNothing = {
        en: text.includes('Nothing needs attention.'),
        zh: zh.includes('没有需要关注的事项。') && !zh.includes('进行中的方案没有需要关注的事项'),
      };
      if (problems.some((status) => present.has(status))) expect(saysNothing).toEqual({ en: false, zh: false });
      // only what is fine (no data and due soon are listed, so they are not "nothing" either)
      if (testCase.statuses.every((status) => ['met', 'on_track', 'not_started', 'done', 'upcoming'].includes(status)))
        expect(saysNothing).toEqual({ en: true, zh: true });
    });
  }

  it('agrees in Markdown too', async () => {
    for (const testCase of cases.filter((c) => c.name.endsWith('background'))) {
      const present = new Set(testCase.statuses);
      for (const value of ['missed', 'breached', 'behind', 'overdue', 'red', 'yellow']) {
        const result = await runCli([
          'status',
          testCase.dir,
          '--no-config',
          '--as-of',
          testCase.asOf,
          '--lang',
          'en',
          '--format',
          'md',
          '--fail-on',
          value,
        ]);
        const expected = lightOf[value] ? lightOf[value]!.some((status) => present.has(status)) : present.has(value);
        expect(result.status).toBe(expected ? 1 : 0);
        expect(summaryMentions(result.stdout, value)).toBe(expected);
      }
    }
  });
});

describe('recent_days: an ended plan in full, then as one line', () => {
  // ended 2023-12-31: 2024-03-30 − 2023-12-31 = 31 + 29 + 30 = 90 days (≤ 90: in full);
  // 2024-03-31 is 91 days (one line)
  const dir = fixture(['met', 'missed', 'overdue'], endedPieces, ended);
  const ENDED_LINE =
    /Plans whose period has ended[^\n]*\n {2}组合方案 \(combo\), ended 2023-12-31: met 1 · missed 1; lights: red 1 · green 1; overdue deadlines: 1\n/;
  for (const tz of timezones) {
    it(`uses the default 90 days (TZ=${tz})`, async () => {
      const run = (asOf: string) => runCli(['status', dir, '--no-config', '--as-of', asOf, '--lang', 'en'], { env: { TZ: tz } });
      const inFull = (await run('2024-03-30')).stdout;
      expect(inFull).toContain('Plans: 组合方案 (combo, ended 2023-12-31)');
      expect(inFull).toContain('Targets that need attention (1 of 2)');
      expect(inFull).toContain('Deadlines overdue or due within 14 days (1)');
      expect(inFull).not.toContain('Plans whose period has ended');
      // the summary counts the same in both views: 2 targets (met 1, missed 1), 1 deadline overdue
      expect(inFull).toContain('2 targets: met 1 · missed 1; lights: red 1 · green 1\nDeadlines (1): overdue 1\n');
      const oneLine = (await run('2024-03-31')).stdout;
      expect(oneLine).toMatch(ENDED_LINE);
      expect(oneLine).toContain('2 targets: met 1 · missed 1; lights: red 1 · green 1\nDeadlines (1): overdue 1\n');
      expect(oneLine).not.toContain('Targets that need attention');
    });
  }

  it('takes recent_days from plan-check.yaml', async () => {
    const config = path.join(dir, 'plan-check.yaml');
    writeFileSync(config, 'recent_days: 10\n');
    const run = (asOf: string) => runCli(['status', dir, '--config', config, '--as-of', asOf, '--lang', 'en']);
    // 2024-01-10 − 2023-12-31 = 10 days: in full; 2024-01-11 = 11 days: one line
    expect((await run('2024-01-10')).stdout).toContain('Targets that need attention (1 of 2)');
    expect((await run('2024-01-11')).stdout).toMatch(ENDED_LINE);
    writeFileSync(config, 'recent_days: 0\n');
    // 0: one line from the day after the end (on the end date itself the plan has not ended)
    expect((await run('2024-01-01')).stdout).toMatch(ENDED_LINE);
  });

  it.each([['-1'], ['2.5'], ['"90"'], ['3661']])('refuses recent_days: %s as it refuses stale_days', async (value) => {
    const config = path.join(mkdtempSync(path.join(os.tmpdir(), 'plan-check-recent-')), 'plan-check.yaml');
    writeFileSync(config, `recent_days: ${value}\n`);
    const result = await runCli(['status', dir, '--config', config, '--as-of', '2024-01-10', '--lang', 'en']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/plan-check\.yaml:1:14 {2}error {2}[a-z-]+ {2}"recent_days"/);
    const stale = path.join(path.dirname(config), 'plan-check.yaml');
    writeFileSync(stale, `stale_days: ${value}\n`);
    const staleResult = await runCli(['status', dir, '--config', stale, '--as-of', '2024-01-10', '--lang', 'en']);
    expect(staleResult.stderr.match(/error {2}([a-z-]+)/)?.[1]).toBe(result.stderr.match(/error {2}([a-z-]+)/)?.[1]);
  });
});

describe('every summary counts overdue deadlines', () => {
  // active plan at 2024-06-30: one overdue phase (due 2024-04-30), one due soon (2024-07-05), one
  // done; targets met 1 and missed 1
  const dir = fixture(['met', 'missed', 'overdue', 'due_soon', 'done'], activePieces, active);
  const base = [dir, '--no-config', '--as-of', '2024-06-30', '--lang', 'en'];

  it('status: table, Markdown and JSON', async () => {
    expect((await runCli(['status', ...base])).stdout).toContain('Deadlines (3): overdue 1 · due soon 1 · done 1\n');
    expect((await runCli(['status', ...base, '--format', 'md'])).stdout).toContain(
      '\n\nDeadlines (3): overdue 1 · due soon 1 · done 1\n\n',
    );
    const json = JSON.parse((await runCli(['status', ...base, '--format', 'json'])).stdout);
    expect(json.summary).toMatchObject({ targets: 2, met: 1, missed: 1, deadlines: 3, overdue: 1, due_soon: 1, done: 1, upcoming: 0 });
  });

  it('gaps: names the overdue deadlines it does not list', async () => {
    expect((await runCli(['gaps', ...base])).stdout).toMatch(
      /2 targets: met 1 · missed 1; lights: red 1 · green 1\nOverdue deadlines \(not listed here; plan-check deadlines\): 1\n$/,
    );
    expect((await runCli(['gaps', ...base, '--format', 'md'])).stdout).toContain(
      '\n\nOverdue deadlines (not listed here; plan-check deadlines): 1\n',
    );
    expect(JSON.parse((await runCli(['gaps', ...base, '--format', 'json'])).stdout).summary).toMatchObject({
      targets: 2,
      missed: 1,
      overdue_deadlines: 1,
    });
    expect((await runCli(['gaps', ...base, '--lang', 'zh-CN'])).stdout).toContain(
      '另有逾期未完成的截止事项 1 项（本表不列，见 plan-check deadlines）',
    );
  });

  it('deadlines: every selected deadline, the done ones it hides included', async () => {
    const table = (await runCli(['deadlines', ...base])).stdout;
    // done is hidden without --all, but counted
    expect(table).not.toContain('部署阶段');
    expect(table).toMatch(/Deadlines \(3\): overdue 1 · due soon 1 · done 1\n$/);
    expect((await runCli(['deadlines', ...base, '--format', 'md'])).stdout).toContain('Deadlines (3): overdue 1 · due soon 1 · done 1');
    expect(JSON.parse((await runCli(['deadlines', ...base, '--format', 'json'])).stdout).summary).toEqual({
      deadlines: 3,
      overdue: 1,
      due_soon: 1,
      done: 1,
      upcoming: 0,
    });
    // --within 7 selects the overdue one (days left −61) and the one due in 5 days
    expect((await runCli(['deadlines', ...base, '--within', '7'])).stdout).toMatch(/Deadlines \(2\): overdue 1 · due soon 1\n$/);
  });
});
