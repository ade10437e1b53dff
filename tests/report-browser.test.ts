// plan-check report in a real browser: headless Chromium (Debian's `chromium`, driven by
// playwright-core; no browser is downloaded) opens the paper, a screenshot shows each light in its
// colour where the page puts it, no text overflows its box, and printing gives the page count worked
// out from the content and a PDF whose text holds every red target's figures. Nothing here is
// skipped: without Chromium or poppler-utils the suite fails and says what to install (.ci/run
// installs them).
// PLAN_CHECK_WRITE_SCREENSHOT=1 also writes docs/report.png from the shipped examples.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Browser, type Page, chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lightColours } from '../src/report/html-style.js';
import { repoRoot, runCli } from './helpers.js';

const CHROMIUM = process.env.PLAN_CHECK_CHROMIUM ?? '/usr/bin/chromium';
const BROWSER_TIMEOUT = 180_000;
const fixture = 'tests/fixtures/papers';

/** A4 landscape less the 10 mm margins of the page's @page rule, in CSS pixels (96 per inch). */
const MM = 96 / 25.4;
const PRINTABLE = { width: (297 - 20) * MM, height: (210 - 20) * MM };

function requireTool(command: string, args: string[]): void {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
  } catch {
    throw new Error(
      `${command} is required by the browser tests: apt-get install -y chromium fonts-noto-cjk poppler-utils (.ci/run installs them)`,
    );
  }
}

let browser: Browser;
let folder: string;
const papers: Record<string, string> = {};

async function writePaper(name: string, args: string[]): Promise<void> {
  const file = path.join(folder, `${name}.html`);
  const result = await runCli(['report', ...args, '-o', file]);
  expect(result.status, result.stderr).toBe(0);
  papers[name] = file;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk poppler-utils (.ci/run installs them), or set PLAN_CHECK_CHROMIUM`,
    );
  requireTool('pdfinfo', ['-v']);
  requireTool('pdftotext', ['-v']);
  folder = mkdtempSync(path.join(os.tmpdir(), 'plan-check-browser-'));
  await writePaper('fixture-zh', ['--no-config', '--as-of', '2024-06-30', '--lang', 'zh-CN', fixture]);
  await writePaper('fixture-en', ['--no-config', '--as-of', '2024-09-30', '--lang', 'en', fixture]);
  // the shipped examples with plan-check.yaml (as_of 2024-09-30)
  await writePaper('examples', ['--lang', 'zh-CN']);
  // every plan in full after all have ended: long tables over several pages, many charts
  await writePaper('examples-all', ['--lang', 'zh-CN', '--all', '--as-of', '2025-03-01']);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}, BROWSER_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

async function open(name: string, viewport = { width: 1280, height: 900 }): Promise<Page> {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  // the page is self-contained: any request beyond the file itself fails the test
  const requests: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) requests.push(request.url());
  });
  await page.goto(pathToFileURL(papers[name]!).href);
  expect(requests).toEqual([]);
  return page;
}

const hexToRgb = (hex: string): number[] => [1, 3, 5].map((index) => parseInt(hex.slice(index, index + 2), 16));

/** The pixel at (x, y) of a decoded screenshot. */
function pixel(png: PNG, x: number, y: number): number[] {
  const offset = (Math.round(y) * png.width + Math.round(x)) * 4;
  return [png.data[offset]!, png.data[offset + 1]!, png.data[offset + 2]!];
}

const closeTo = (actual: number[], expected: number[]): boolean => actual.every((value, index) => Math.abs(value - expected[index]!) <= 6);

describe.each(['fixture-zh', 'fixture-en', 'examples', 'examples-all'])('%s in Chromium', (name) => {
  it(
    'every light shows its colour where its word is',
    async () => {
      const page = await open(name);
      const png = PNG.sync.read(await page.screenshot({ fullPage: true }));
      const dots = await page.locator('.light[data-light] .light-dot').all();
      const rows = await page.locator('tr[data-ref]').count();
      // one dot per target row at least, the four summary boxes, the charts' legends
      expect(dots.length).toBeGreaterThanOrEqual(rows + 4);
      const wrong: string[] = [];
      for (const dot of dots) {
        const light = await dot.evaluate((element) => element.parentElement!.dataset.light!);
        const box = (await dot.boundingBox())!;
        const seen = pixel(png, box.x + box.width / 2, box.y + box.height / 2);
        if (!closeTo(seen, hexToRgb(lightColours[light as keyof typeof lightColours])))
          wrong.push(`${light} at ${box.x},${box.y}: ${seen}`);
      }
      expect(wrong).toEqual([]);
      // each bar is filled in its row's colour
      for (const row of await page.locator('tr[data-ref] .bar-fill').all()) {
        const light = await row.evaluate((element) => element.closest('tr')!.dataset.light!);
        const box = (await row.boundingBox())!;
        if (box.width < 4) continue;
        expect(pixel(png, box.x + 2, box.y + box.height / 2)).toSatisfy((seen: number[]) =>
          closeTo(seen, hexToRgb(lightColours[light as keyof typeof lightColours])),
        );
      }
      await page.close();
    },
    BROWSER_TIMEOUT,
  );

  it.each([
    ['a wide screen', { width: 1280, height: 900 }, 'screen'],
    ['a laptop', { width: 1024, height: 768 }, 'screen'],
    ['A4 landscape, printed', { width: Math.floor(PRINTABLE.width), height: Math.floor(PRINTABLE.height) }, 'print'],
  ] as const)(
    'no text overflows its box on %s',
    async (_label, viewport, media) => {
      const page = await open(name, viewport);
      await page.emulateMedia({ media });
      // run in the page (a string: the tests are type-checked without the DOM library)
      const overflowing = await page.evaluate<
        string[]
      >(`[...document.querySelectorAll('td, th, .bar, .bar-text, figcaption, figure, .light-box, .legend, p, h1, h2, h3, li')]
      .filter((element) => element.scrollWidth > element.clientWidth + 1)
      .map((element) => element.tagName + '.' + element.className + ': ' + element.textContent.slice(0, 40) + ' (' + element.scrollWidth + ' > ' + element.clientWidth + ')')`);
      expect(overflowing).toEqual([]);
      // nor does the page itself scroll sideways
      expect(await page.evaluate<boolean>('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);
      await page.close();
    },
    BROWSER_TIMEOUT,
  );
});

/**
 * Pages the print should take, from the laid-out content: each section starts a page (print CSS)
 * and takes ceil(height / page height) pages; the masthead sits on the first, the footer on the last.
 */
async function expectedPages(page: Page): Promise<{ pages: number; heights: number[] }> {
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: Math.floor(PRINTABLE.width), height: Math.floor(PRINTABLE.height) });
  const heights = await page.evaluate<number[]>(`(() => {
    const height = (selector) => {
      const element = document.querySelector(selector);
      if (!element) return 0;
      const style = getComputedStyle(element);
      return element.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
    };
    const sections = [...document.querySelectorAll('section')].map((section) => section.getBoundingClientRect().height);
    sections[0] += height('header.masthead');
    sections[sections.length - 1] += height('footer');
    return sections;
  })()`);
  return { pages: heights.reduce((sum, height) => sum + Math.ceil(height / PRINTABLE.height), 0), heights };
}

async function printToPdf(page: Page, name: string): Promise<{ pages: number; text: string }> {
  const file = path.join(folder, `${name}.pdf`);
  await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return { pages, text };
}

/** Text as pdftotext may break it: without any white space. */
const squeeze = (text: string): string => text.replace(/\s+/g, '');

describe('printing to PDF', () => {
  it(
    "the papers fixture: the page count worked out from the content; the red targets' figures in its text",
    async () => {
      const page = await open('fixture-zh');
      const expected = await expectedPages(page);
      // six sections (brief, targets, charts, each, deadlines, units), each short enough for one page
      expect(expected.heights).toHaveLength(6);
      expect(expected.pages).toBe(6);
      const pdf = await printToPdf(page, 'fixture-zh');
      expect(pdf.pages).toBe(expected.pages);
      const text = squeeze(pdf.text);
      // the red targets at 2024-06-30: the training (6 of 10 场 by 2024-06-15: 60%) and the limit (2 起 against 0)
      for (const figure of [
        '专题培训场次',
        '区卫健局',
        '>=10场',
        `完成率${(6 / 10) * 100}%`,
        '完成6场（目标10场，完成率60%）',
        '较大食品安全事故',
        '区食药安办',
        '<=0起',
        `超出上限（0起）${2 - 0}起`,
      ]) {
        expect(text).toContain(figure);
      }
      await page.close();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'every plan in full: long tables and many charts print on the pages worked out',
    async () => {
      const page = await open('examples-all');
      const expected = await expectedPages(page);
      const pdf = await printToPdf(page, 'examples-all');
      expect(expected.pages).toBeGreaterThan(expected.heights.length);
      expect(pdf.pages).toBe(expected.pages);
      await page.close();
    },
    BROWSER_TIMEOUT,
  );

  it(
    'the shipped examples: page count from the content; every red target of status --format json in the text',
    async () => {
      const page = await open('examples');
      const expected = await expectedPages(page);
      const pdf = await printToPdf(page, 'examples');
      expect(pdf.pages).toBe(expected.pages);
      const json = JSON.parse((await runCli(['status', '--format', 'json', '--plan', 'district-2024-food-drug'])).stdout) as {
        targets: { metric: string; owner: string; actual: number | null; progress: number | null; light: string; units: unknown }[];
      };
      const red = json.targets.filter((target) => target.light === 'red');
      expect(red.length).toBeGreaterThan(0);
      const text = squeeze(pdf.text);
      for (const target of red) {
        expect(text).toContain(squeeze(target.metric));
        expect(text).toContain(target.owner);
        // the actual as the paper rounds it (2 decimals) and the 完成率 (1 decimal)
        if (target.actual !== null) expect(text).toContain(String(Math.round(target.actual * 100) / 100));
        if (target.progress !== null) expect(text).toContain(`${Math.round(target.progress * 1000) / 10}%`);
      }
      await page.close();
    },
    BROWSER_TIMEOUT,
  );
});

describe('docs/report.png', () => {
  it(
    "a screenshot of the shipped examples' paper (written to docs/ with PLAN_CHECK_WRITE_SCREENSHOT=1)",
    async () => {
      const page = await open('examples', { width: 1200, height: 1500 });
      const shot = await page.screenshot({ fullPage: false });
      const png = PNG.sync.read(shot);
      expect([png.width, png.height]).toEqual([1200, 1500]);
      if (process.env.PLAN_CHECK_WRITE_SCREENSHOT === '1') writeFileSync(path.join(repoRoot, 'docs', 'report.png'), shot);
      // the committed screenshot is a PNG of the same size
      const committed = PNG.sync.read(readFileSync(path.join(repoRoot, 'docs', 'report.png')));
      expect([committed.width, committed.height]).toEqual([1200, 1500]);
      await page.close();
    },
    BROWSER_TIMEOUT,
  );
});
