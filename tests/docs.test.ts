// The user docs stay true to the code: every diagnostic code the catalog defines has its section
// in docs/diagnostics.md (with the catalog's severity and text in both languages), and every
// relative link in README.md, SECURITY.md and docs/*.md reaches a file inside the repository (and,
// for a link into a Markdown file, one of its headings).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { diagnosticCodes } from '../src/core/diagnostics.js';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const read = (relative: string): string => readFileSync(path.join(repoRoot, relative), 'utf8');

/** Markdown without fenced code blocks and inline code spans, where a link or heading is only text. */
function withoutCode(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '').replace(/(`+)[^`\n]*?\1/g, '');
}

interface CodeSection {
  code: string;
  body: string;
}

/** The sections headed `### \`code\`` and the text under each, up to the next heading of any level. */
function codeSections(markdown: string): CodeSection[] {
  return [...markdown.matchAll(/^### `([a-z0-9-]+)`[ \t]*$/gm)].map((match) => {
    const rest = markdown.slice(match.index! + match[0].length);
    const next = rest.search(/^#{1,6} /m);
    return { code: match[1]!, body: next === -1 ? rest : rest.slice(0, next) };
  });
}

/** Codes of the catalog without a section, and sections whose severity line disagrees with it. */
function checkDiagnosticsDoc(
  markdown: string,
  catalog: Readonly<Record<string, string>>,
): { undocumented: string[]; wrongSeverity: string[]; oneLanguage: string[]; twice: string[] } {
  const sections = codeSections(markdown);
  const byCode = new Map<string, CodeSection>();
  const twice: string[] = [];
  for (const section of sections) {
    if (byCode.has(section.code)) twice.push(section.code);
    byCode.set(section.code, section);
  }
  const undocumented = Object.keys(catalog).filter((code) => !byCode.has(code));
  const wrongSeverity = Object.entries(catalog)
    .filter(([code, severity]) => {
      const body = byCode.get(code)?.body;
      return body !== undefined && !new RegExp(`^- 级别 / Severity: \`${severity}\`\\s*$`, 'm').test(body);
    })
    .map(([code]) => code);
  const oneLanguage = [...byCode.values()]
    .filter(
      ({ body }) =>
        !/^- 含义：.*[\u4e00-\u9fff]/m.test(body) ||
        !/^- Meaning: .*[A-Za-z]{3}/m.test(body) ||
        !/^- 修改：/m.test(body) ||
        !/^- Fix: /m.test(body),
    )
    .map(({ code }) => code);
  return { undocumented, wrongSeverity, oneLanguage, twice };
}

/** GitHub's heading anchor: lower case, punctuation dropped (letters, marks, digits, _ and - kept), spaces to hyphens. */
function githubSlug(heading: string): string {
  const text = heading
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_]{1,2}([^*_]+)[*_]{1,2}/g, '$1')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '').replace(/ /g, '-');
}

/** Every anchor a Markdown file offers: its headings' slugs, repeated ones numbered as GitHub does. */
function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  const noFences = markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '');
  for (const match of noFences.matchAll(/^#{1,6} +(.+?) *#*$/gm)) {
    const slug = githubSlug(match[1]!);
    const count = seen.get(slug) ?? 0;
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
    seen.set(slug, count + 1);
  }
  return anchors;
}

interface Link {
  file: string;
  target: string;
}

function linksIn(file: string): Link[] {
  const text = withoutCode(read(file));
  return [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => ({ file, target: match[1]! }));
}

/** Why a relative link does not resolve, or undefined when it does. */
function brokenLink({ file, target }: Link): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined; // https:, mailto: — not a file of the repository
  const [pathPart, anchor] = target.split('#', 2) as [string, string | undefined];
  const resolved = pathPart === '' ? path.join(repoRoot, file) : path.resolve(path.dirname(path.join(repoRoot, file)), decodeURI(pathPart));
  const inside = path.relative(repoRoot, resolved);
  if (inside.startsWith('..') || path.isAbsolute(inside)) return `${file}: ${target} leads outside the repository`;
  if (!existsSync(resolved)) return `${file}: ${target} does not exist`;
  if (anchor !== undefined && resolved.endsWith('.md') && statSync(resolved).isFile()) {
    if (!anchorsOf(readFileSync(resolved, 'utf8')).has(decodeURIComponent(anchor)))
      return `${file}: ${target} has no heading with that anchor`;
  }
  return undefined;
}

const docFiles = [
  'README.md',
  'SECURITY.md',
  ...readdirSync(path.join(repoRoot, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

describe('docs/diagnostics.md', () => {
  const result = checkDiagnosticsDoc(read('docs/diagnostics.md'), diagnosticCodes);

  it('has a section for every code of the catalog', () => {
    expect(Object.keys(diagnosticCodes).length).toBeGreaterThan(40);
    expect(result.undocumented).toEqual([]);
  });

  it('gives each code the severity the catalog gives it, once, in Chinese and English', () => {
    expect(result.wrongSeverity).toEqual([]);
    expect(result.oneLanguage).toEqual([]);
    expect(result.twice).toEqual([]);
  });

  it('would notice a missing code, a wrong severity and a section in one language', () => {
    const section = (code: string, severity: string, zh = '- 含义：文件是空的\n- 修改：写入内容\n') =>
      `### \`${code}\`\n\n- 级别 / Severity: \`${severity}\`\n${zh}- Meaning: the file is empty\n- Fix: write into it\n\n`;
    const markdown = `# t\n\n${section('file-empty', 'error')}${section('duplicate-row', 'error')}${section('zero-of', 'error', '')}`;
    const checked = checkDiagnosticsDoc(markdown, {
      'file-empty': 'error',
      'duplicate-row': 'warning',
      'zero-of': 'error',
      'csv-syntax': 'error',
    });
    expect(checked.undocumented).toEqual(['csv-syntax']);
    expect(checked.wrongSeverity).toEqual(['duplicate-row']);
    expect(checked.oneLanguage).toEqual(['zero-of']);
  });
});

describe('links in README.md, SECURITY.md and docs/', () => {
  it('finds the docs', () => {
    expect(docFiles).toEqual(
      expect.arrayContaining(['README.md', 'docs/format.md', 'docs/diagnostics.md', 'docs/performance.md', 'docs/architecture.md']),
    );
  });

  it.each(docFiles)('every relative link in %s resolves inside the repository', (file) => {
    const links = linksIn(file);
    expect(links.map(brokenLink).filter(Boolean)).toEqual([]);
  });

  it('README links to every document in docs/', () => {
    const targets = new Set(linksIn('README.md').map((link) => link.target.split('#')[0]));
    for (const file of docFiles.filter((name) => name.startsWith('docs/'))) expect(targets).toContain(file);
  });

  it('would notice a missing file, a missing anchor and a link out of the repository', () => {
    expect(brokenLink({ file: 'README.md', target: 'docs/no-such-file.md' })).toMatch(/does not exist/);
    expect(brokenLink({ file: 'README.md', target: 'docs/diagnostics.md#no-such-heading' })).toMatch(/anchor/);
    expect(brokenLink({ file: 'README.md', target: '../shared/docs/plan-format.md' })).toMatch(/outside/);
    expect(brokenLink({ file: 'docs/format.md', target: 'diagnostics.md#file-empty' })).toBeUndefined();
  });

  it('makes anchors as GitHub does', () => {
    expect(githubSlug('`file-empty`')).toBe('file-empty');
    expect(githubSlug('交通灯 / Traffic lights')).toBe('交通灯--traffic-lights');
    expect(githubSlug('退出码（Exit codes）')).toBe('退出码exit-codes');
    expect([...anchorsOf('# A\n## A\n```\n# B\n```\n')]).toEqual(['a', 'a-1']);
  });
});
