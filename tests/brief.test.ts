// The 通报 paragraph (status --format brief, and the top of --format md): every figure worked out
// by hand from tests/fixtures/papers, at three as-of dates, in three timezones, in both languages.
// 2024 has 366 days; day n of 2024 counts 2024-01-01 as day 1 (Jan 31 + Feb 29 + Mar 31 = 91).
import { describe, expect, it } from 'vitest';
import { briefParagraph, briefSentences, type BriefFacts } from '../src/report/brief.js';
import type { DeadlineRow, TargetRow } from '../src/report/rows.js';
import { countStatuses } from '../src/report/status-view.js';
import { catalogs } from '../src/i18n/labels.js';
import { runBin, runCli, targetRowFixture, timezones } from './helpers.js';

const fixture = 'tests/fixtures/papers';
const round1 = (value: number): number => Math.round(value * 10) / 10;
const percent1 = (value: number): string => `${round1(value * 100)}%`;

describe.each(timezones)('status --format brief in TZ=%s', (tz) => {
  const brief = (asOf: string, lang = 'zh-CN') =>
    runBin(['status', '--no-config', '--format', 'brief', '--as-of', asOf, '--lang', lang, fixture], { env: { TZ: tz } });

  it('2024-03-31: day 91 of 366; only the sampling is behind', () => {
    const result = brief('2024-03-31');
    expect(result.status).toBe(0);
    // sampling: A = 150 of R = 1000, E = 1000 × 91/366 = 248.63, lag = (248.63 − 150)/1000 × 100 = 9.86
    const lag = round1((((1000 * 91) / 366 - 150) / 1000) * 100);
    expect(lag).toBe(9.9);
    expect(result.stdout).toBe(
      '截至2024年3月31日，共跟踪指标6项，其中进度正常1项、滞后1项、无数据4项；黄灯1项、灰灯4项、绿灯1项。' +
        `区市场监管局牵头的“食品监督抽检量”完成目标的${percent1(150 / 1000)}，低于序时进度（${percent1(91 / 366)}）${lag}个百分点。` +
        // the monthly report of 2024-04-10 is 10 days away (warn_days 14): one occurrence of two owners, one line
        '另有1项事项将在14天内到期。\n',
    );
  });

  it('2024-06-30: day 182; a missed, a breached and three behind, three overdue lines', () => {
    const result = brief('2024-06-30');
    expect(result.status).toBe(0);
    const pace = 182 / 366;
    const samplingLag = round1(((1000 * pace - 300) / 1000) * 100); // 19.7
    const streetLag = round1(((100 * pace - 20) / 100) * 100); // 乙街道: 29.7, yellow (≤ 30)
    expect([samplingLag, streetLag]).toEqual([19.7, 29.7]);
    expect(result.stdout).toBe(
      '截至2024年6月30日，共跟踪指标6项，其中进度正常1项、滞后3项、逾期未完成1项、超限1项；红灯2项、黄灯3项、绿灯1项。' +
        // red first: the training (due 2024-06-15, 6 of 10), then the limit (2 incidents against 0)
        `区卫健局牵头的“专题培训场次”已于2024年6月15日到期，完成6场（目标10场，完成率${percent1(6 / 10)}），未完成；` +
        `区食药安办牵头的“较大食品安全事故”为2起，超出上限（0起）${2 - 0}起；` +
        `区市场监管局牵头的“食品监督抽检量”完成目标的${percent1(300 / 1000)}，低于序时进度（${percent1(pace)}）${samplingLag}个百分点；` +
        // a level: 47/50 = 94% against 98%, 98 − 94 = 4 points
        `区市场监管局牵头的“不合格食品核查处置率”为${(47 / 50) * 100}%，低于目标（98%）${98 - (47 / 50) * 100}个百分点；` +
        // 甲街道 (60 ≥ 49.7) is green and not named
        `乙街道的“街道检查门店数”完成目标的${percent1(20 / 100)}，低于序时进度（${percent1(pace)}）${streetLag}个百分点。` +
        '逾期未完成事项3项：“报送月度进展”（区民政局，2024年5月10日到期）、“报送月度进展”（区卫健局、区民政局，2024年6月10日到期）、“专题培训”（区卫健局，2024年6月15日到期）。' +
        '逾期未报送的单位：区民政局（2次）、区卫健局（1次）。' +
        '另有1项事项将在14天内到期。\n',
    );
  });

  it('2024-09-30: day 274; the sampling and 乙街道 turn red, 甲街道 yellow', () => {
    const result = brief('2024-09-30');
    const pace = 274 / 366;
    const samplingLag = round1((1000 * pace - 300) / 10); // 44.9 > 30: red
    const lagA = round1(100 * pace - 60); // 14.9
    const lagB = round1(100 * pace - 20); // 54.9
    expect([samplingLag, lagA, lagB]).toEqual([44.9, 14.9, 54.9]);
    expect(result.stdout).toContain('其中进度正常1项、滞后3项、逾期未完成1项、超限1项；红灯4项、黄灯1项、绿灯1项。');
    expect(result.stdout).toContain(`“食品监督抽检量”完成目标的30%，低于序时进度（${percent1(pace)}）${samplingLag}个百分点`);
    expect(result.stdout).toContain(
      `甲街道的“街道检查门店数”完成目标的60%，低于序时进度（74.9%）${lagA}个百分点；乙街道的“街道检查门店数”完成目标的20%，低于序时进度（74.9%）${lagB}个百分点`,
    );
    // overdue: May (区民政局), Jun, Jul, Aug, Sep (both), the training task: 6 lines; 区民政局 owes May–Sep (5), 区卫健局 Jun–Sep (4)
    expect(result.stdout).toContain('逾期未完成事项6项：');
    expect(result.stdout).toContain('逾期未报送的单位：区民政局（5次）、区卫健局（4次）。');
  });

  it('in English, the same figures', () => {
    const result = brief('2024-06-30', 'en');
    expect(result.stdout).toContain(
      'As of 2024-06-30, targets tracked: 6 (1 on track, 3 behind, 1 missed, 1 over their limit; lights: 2 red, 3 yellow, 1 green).',
    );
    expect(result.stdout).toContain(
      `"食品监督抽检量" (led by 区市场监管局) stands at 30% of its target, 19.7 points behind the pace (${percent1(182 / 366)})`,
    );
    expect(result.stdout).toContain('Units with reports overdue: 区民政局 (2), 区卫健局 (1).');
    expect(result.stdout).not.toMatch(/[，。；]/);
  });
});

describe('status --format md starts with the paragraph', () => {
  it.each(['zh-CN', 'en'])('%s', async (lang) => {
    const args = ['status', '--no-config', '--as-of', '2024-06-30', '--lang', lang, fixture];
    const brief = (await runCli([...args, '--format', 'brief'])).stdout.trim();
    const md = (await runCli([...args, '--format', 'md'])).stdout.split('\n');
    expect(md[0]).toMatch(/^## /);
    // Markdown escapes its own characters; the fixture's text has none, so the line is the paragraph
    expect(md[2]).toBe(brief);
  });
});

// A target row with only what the paragraph reads; the rest does not matter here.
function targetRow(status: TargetRow['status'], light: TargetRow['light']): TargetRow {
  return targetRowFixture({ status, light, progress_written: true });
}

function deadlineRow(status: DeadlineRow['status']): DeadlineRow {
  return {
    ref: 'p:duty/m@2024-06-10',
    kind: 'report',
    plan: 'p',
    title: '报送',
    owner: '单位',
    due: '2024-06-10',
    days_left: -20,
    status,
    late: false,
    completed: null,
    light: status === 'overdue' ? 'red' : 'green',
    data_errors: 0,
  };
}

describe('never a clean bill while something is wrong', () => {
  const facts = (targets: TargetRow[], deadlines: DeadlineRow[], endedProblems: number): BriefFacts => ({
    asOf: '2024-06-30',
    warnDays: 14,
    summary: countStatuses(targets),
    targets,
    deadlines,
    endedProblems,
  });
  const clean = (lang: 'zh-CN' | 'en') => catalogs[lang]['brief.all_clear'];
  const problems = {
    behind: facts([targetRow('behind', 'yellow')], [], 0),
    'behind within the yellow band (green)': facts([targetRow('behind', 'green')], [], 0),
    missed: facts([targetRow('missed', 'red')], [], 0),
    breached: facts([targetRow('breached', 'red')], [], 0),
    overdue: facts([targetRow('met', 'green')], [deadlineRow('overdue')], 0),
    'ended plans': facts([targetRow('met', 'green')], [], 3),
  };
  for (const [name, problem] of Object.entries(problems)) {
    it.each(['zh-CN', 'en'] as const)(`${name} (%s)`, (lang) => {
      expect(briefSentences(problem, lang)).not.toContain(clean(lang));
    });
  }
  it.each(['zh-CN', 'en'] as const)('all met, no deadline overdue (%s): the clean sentence', (lang) => {
    const sentences = briefSentences(facts([targetRow('met', 'green'), targetRow('on_track', 'green')], [deadlineRow('done')], 0), lang);
    expect(sentences.at(-1)).toBe(clean(lang));
    expect(briefParagraph(facts([targetRow('met', 'green')], [], 0), lang)).toContain(clean(lang));
  });
});
