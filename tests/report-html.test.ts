// plan-check report as text: self-contained (no script, no URL), every user string escaped, the same
// figures and lights as status --format json, one chart per red or yellow target whose points are
// the core's evaluation at each reported date. Figures are worked out by hand from
// tests/fixtures/papers (2024: 366 days; 2024-03-31 is day 91, 06-30 day 182, 09-30 day 274).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { targetHistory } from '../src/core/target-history.js';
import { escapeHtml } from '../src/report/escape.js';
import { toNumber } from '../src/core/rational.js';
import { day, project, runBin, runCli, timezones } from './helpers.js';
import { readFileSync } from 'node:fs';

const fixture = 'tests/fixtures/papers';
const fixtureFiles = Object.fromEntries(
  ['papers-2024.plan.yaml', 'papers-2024.actuals.yaml'].map((name) => [name, readFileSync(path.join(fixture, name), 'utf8')]),
);

/** Every attribute value that names a resource: none may leave the file. */
const resourceAttributes = (html: string): string[] =>
  [...html.matchAll(/\s(?:src|href|xlink:href|action|poster|srcset)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi)].map((match) => match[1]!);

function selfContained(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/<(link|img|iframe|object|embed|base|video|audio|source)\b/i);
  expect(html).not.toMatch(/@import|url\(/i);
  for (const value of resourceAttributes(html)) expect(value).not.toMatch(/https?:|\/\//i);
  expect(html).not.toMatch(/https?:\/\//i);
}

describe.each(timezones)('report on the papers fixture in TZ=%s', (tz) => {
  const report = (asOf: string, lang = 'zh-CN') =>
    runBin(['report', '--no-config', '--as-of', asOf, '--lang', lang, fixture], { env: { TZ: tz } });

  it.each([
    // 03-31: only the sampling is yellow (lag (248.63 − 150)/1000 × 100 = 9.86)
    ['2024-03-31', ['papers-2024:1/sampling']],
    // 06-30: training (missed), incidents (breached): red; sampling, recheck, 乙街道's shops: yellow
    [
      '2024-06-30',
      ['papers-2024:4/training', 'papers-2024:2/incidents', 'papers-2024:1/sampling', 'papers-2024:1/recheck', 'papers-2024:3/shops'],
    ],
    // 09-30: 甲街道 is yellow too (lag 74.86 − 60 = 14.86): two charts for the shops
    [
      '2024-09-30',
      [
        'papers-2024:4/training',
        'papers-2024:2/incidents',
        'papers-2024:1/sampling',
        'papers-2024:3/shops',
        'papers-2024:3/shops',
        'papers-2024:1/recheck',
      ],
    ],
  ])('at %s: a chart per red or yellow target, self-contained', (asOf, charted) => {
    const result = report(asOf);
    expect(result.status).toBe(0);
    selfContained(result.stdout);
    const charts = [...result.stdout.matchAll(/<figure class="chart" data-ref="([^"]+)"/g)].map((match) => match[1]);
    expect(charts.sort()).toEqual([...charted].sort());
  });

  it('the same lights as status --format json, a row per target', () => {
    const html = report('2024-06-30').stdout;
    const json = JSON.parse(
      runBin(['status', '--no-config', '--as-of', '2024-06-30', '--format', 'json', fixture], { env: { TZ: tz } }).stdout,
    ) as { targets: { ref: string; light: string }[] };
    const rows = [...html.matchAll(/<tr data-ref="([^"]+)" data-light="([^"]+)"/g)].map((match) => ({ ref: match[1], light: match[2] }));
    expect(rows.sort((a, b) => a.ref!.localeCompare(b.ref!))).toEqual(
      json.targets.map((target) => ({ ref: target.ref, light: target.light })).sort((a, b) => a.ref.localeCompare(b.ref)),
    );
  });
});

describe('report contents at 2024-06-30', () => {
  const args = ['report', '--no-config', '--as-of', '2024-06-30', '--lang', 'zh-CN', fixture];

  it('the paragraph, the lights, bars with the pace marker, deadlines by light, units, footer', async () => {
    const { stdout: html, status } = await runCli(args);
    expect(status).toBe(0);
    const brief = (
      await runCli(['status', '--no-config', '--as-of', '2024-06-30', '--lang', 'zh-CN', '--format', 'brief', fixture])
    ).stdout.trim();
    expect(html).toContain(`<p class="brief">${brief.replace(/"/g, '&quot;')}</p>`);
    for (const id of ['brief', 'targets', 'charts', 'each', 'deadlines', 'units']) expect(html).toContain(`<section id="${id}">`);
    // the light counts: red 2, yellow 3, grey 0, green 1
    const boxes = [...html.matchAll(/<div class="light-box (\w+)"[^>]*>.*?<span class="count">(\d+)<\/span>/g)].map((m) => [
      m[1],
      Number(m[2]),
    ]);
    expect(boxes).toEqual([
      ['red', 2],
      ['yellow', 3],
      ['grey', 0],
      ['green', 1],
    ]);
    // sampling: 300/1000 = 30% filled, the pace marker at 182/366 = 49.7%
    expect(html).toMatch(/<div class="bar-fill yellow" style="width:30%"><\/div><div class="bar-pace" style="left:49\.7%"><\/div>/);
    expect(html).toContain(`完成率 30%，序时进度 ${Math.round((182 / 366) * 1000) / 10}%`);
    // the lights as words beside the colour
    expect(html).toMatch(/<span class="light red" data-light="red"><span class="light-dot" aria-hidden="true"><\/span>红<\/span>/);
    // deadlines: red (overdue) 3 lines, yellow (due soon) 1; the rest counted
    expect(html).toContain('红灯（3项）');
    expect(html).toContain('黄灯（1项）');
    // 区民政局: 6 due (Jan–Jun), 3 on time (Jan, Feb, Apr), 1 late (Mar), 2 overdue (May, Jun): 3/6 = 50%, listed first (worst)
    const units = [...html.matchAll(/<section id="units">.*?<\/section>/gs)][0]![0];
    expect(units.indexOf('区民政局')).toBeLessThan(units.indexOf('区卫健局'));
    expect(units).toMatch(
      /区民政局<\/td>.*?<td class="num">6<\/td><td class="num">3<\/td><td class="num">1<\/td><td class="num">2<\/td>.*?50%/s,
    );
    expect(html).toContain('tests/fixtures/papers/papers-2024.plan.yaml');
    expect(html).toMatch(/<footer>.*数据截至 2024-06-30/s);
  });

  it('in English', async () => {
    const { stdout: html } = await runCli([...args.slice(0, -1), '--lang', 'en', fixture]);
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('done 30%, pace 49.7%');
    expect(html).not.toMatch(/[，。；（）]/);
  });

  it('-o writes the paper of the shipped examples to a file, self-contained', async () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'plan-check-report-'));
    try {
      const out = path.join(folder, 'report.html');
      const result = await runCli(['report', '-o', out]);
      expect(result.status).toBe(0);
      selfContained(readFileSync(out, 'utf8'));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('escaping', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'plan-check-report-escape-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const hostile = '<img src=x onerror=alert(1)> & "quoted" \'single\'';

  it('a title, metric or unit cannot open an element or an attribute', async () => {
    const plan = fixtureFiles['papers-2024.plan.yaml']!.replace(
      'title: 2024年会议材料测试方案',
      `title: ${JSON.stringify(`方案 ${hostile}`)}`,
    )
      .replace('metric: 食品监督抽检量', `metric: ${JSON.stringify(`抽检 ${hostile}`)}`)
      .replace('title: 报送月度进展', `title: ${JSON.stringify(`<script>alert(2)</script>`)}`);
    writeFileSync(path.join(folder, 'papers-2024.plan.yaml'), plan);
    writeFileSync(path.join(folder, 'papers-2024.actuals.yaml'), fixtureFiles['papers-2024.actuals.yaml']!);
    const { stdout: html, status } = await runCli(['report', '--no-config', '--as-of', '2024-06-30', folder]);
    expect(status).toBe(0);
    selfContained(html);
    expect(html).not.toContain('<img');
    expect(html).toContain('抽检 &lt;img src=x onerror=alert(1)&gt; &amp; &quot;quoted&quot; &#39;single&#39;');
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
  });
});

describe('targetHistory: the chart points are the evaluation at each reported date', () => {
  const loaded = project(fixtureFiles);
  const plan = loaded.plans[0]!;
  const target = (ref: string) => plan.tasks.flatMap((task) => task.targets).find((candidate) => candidate.ref === ref)!;
  const rows = (ref: string) => loaded.joined.rowsByTarget.get(ref) ?? [];

  it('sampling at 2024-06-30: 150 at day 91, 300 at day 182; the pace from 1000/366 to 1000', () => {
    const history = targetHistory(target('papers-2024:1/sampling'), rows('papers-2024:1/sampling'), day('2024-06-30'));
    expect(history.reported.map((point) => [point.day, toNumber(point.actual!), toNumber(point.expected!)])).toEqual([
      [day('2024-03-31'), 150, (1000 * 91) / 366],
      [day('2024-06-30'), 300, (1000 * 182) / 366],
    ]);
    // E at the start (day 1), the day before due (day 365) and at due (day 366)
    expect(history.pace.map((point) => toNumber(point.expected!))).toEqual([1000 / 366, (1000 * 365) / 366, 1000]);
    expect(toNumber(history.required!)).toBe(1000);
  });

  it('rows after T are not points; a unit of an each target has its own', () => {
    const early = targetHistory(target('papers-2024:1/sampling'), rows('papers-2024:1/sampling'), day('2024-05-01'));
    expect(early.reported.map((point) => toNumber(point.actual!))).toEqual([150]);
    const street = targetHistory(target('papers-2024:3/shops'), rows('papers-2024:3/shops'), day('2024-06-30'), { unit: '乙街道' });
    expect(street.reported.map((point) => [point.day, toNumber(point.actual!)])).toEqual([[day('2024-06-30'), 20]]);
    expect(toNumber(street.required!)).toBe(100);
  });

  it('a level is flat at R from its start; a limit has no pace', () => {
    const level = targetHistory(target('papers-2024:1/recheck'), rows('papers-2024:1/recheck'), day('2024-06-30'));
    expect(level.pace.map((point) => toNumber(point.expected!))).toEqual([98, 98, 98]);
    // 47/50 = 94%
    expect(level.reported.map((point) => toNumber(point.actual!))).toEqual([94]);
    const limit = targetHistory(target('papers-2024:2/incidents'), rows('papers-2024:2/incidents'), day('2024-06-30'));
    expect(limit.pace).toEqual([]);
    expect(limit.reported.map((point) => toNumber(point.actual!))).toEqual([2]);
  });
});

describe('escapeHtml', () => {
  it('the five markup characters as entities; controls and bidi overrides shown, not obeyed', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(escapeHtml('区\u202e局\u0007')).toBe('区\\u202e局\\u0007');
  });
});

describe('report on bad input and bad usage', () => {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'plan-check-report-bad-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('an invalid plan: its diagnostic with file:line:col on stderr, no page, exit 1, no stack', async () => {
    writeFileSync(
      path.join(folder, 'papers-2024.plan.yaml'),
      fixtureFiles['papers-2024.plan.yaml']!.replace(
        'period: { start: 2024-01-01, end: 2024-12-31 }',
        'period: { start: 2024-13-01, end: 2024-12-31 }',
      ),
    );
    const result = await runCli(['report', '--no-config', '--as-of', '2024-06-30', '--lang', 'zh-CN', folder]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/papers-2024\.plan\.yaml:\d+:\d+/);
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });

  it('an unknown --format is a usage error (exit 2) naming the choices', async () => {
    const result = await runCli(['report', '--format', 'pdf', fixture]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('html');
  });
});
