// The text of a .docx, from the document's own XML (word/document.xml) through fflate and
// fast-xml-parser, one paragraph a line. Word's automatic numbering (word/numbering.xml) is written
// out as the text it shows, so 一、 （一） 1. survive as they do on paper. A table (重点任务分工表) is
// written one row a line in Markdown pipe form, | 序号 | 重点任务 | 牵头单位 |, its columns kept
// aligned: a cell spanning columns (w:gridSpan) is followed by empty cells, and a cell continuing a
// vertical merge (w:vMerge) is empty (the drafter carries the value down).
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';

type Node = Record<string, unknown>;

// text stays text: "1." is a heading number, not the number 1
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  preserveOrder: true,
  trimValues: false,
  parseTagValue: false,
});

interface Level {
  format: string;
  text: string;
  start: number;
}

const CHINESE = '〇一二三四五六七八九';
function chineseCount(n: number): string {
  if (n < 10) return CHINESE[n]!;
  if (n < 20) return `十${n % 10 ? CHINESE[n % 10] : ''}`;
  if (n < 100) return `${CHINESE[Math.floor(n / 10)]}十${n % 10 ? CHINESE[n % 10] : ''}`;
  return String(n);
}

function formatNumber(format: string, n: number): string {
  if (/chinese|ideograph|japaneseCounting|taiwaneseCounting/i.test(format)) return chineseCount(n);
  if (format === 'lowerLetter') return String.fromCharCode(96 + ((n - 1) % 26) + 1);
  if (format === 'upperLetter') return String.fromCharCode(64 + ((n - 1) % 26) + 1);
  if (format === 'none' || format === 'bullet') return '';
  return String(n);
}

const childrenOf = (node: Node, name: string): Node[] => (node[name] as Node[] | undefined) ?? [];
const attr = (node: Node, name: string): string | undefined => (node[':@'] as Record<string, string> | undefined)?.[`@${name}`];
function find(nodes: readonly Node[], name: string): Node | undefined {
  return nodes.find((n) => name in n);
}
/** Children named `name`, also those wrapped in content controls or custom XML (w:sdt, w:customXml). */
function within(nodes: readonly Node[], name: string): Node[] {
  return nodes.flatMap((n) =>
    name in n
      ? [n]
      : 'w:sdt' in n || 'w:sdtContent' in n || 'w:customXml' in n
        ? within((n['w:sdt'] ?? n['w:sdtContent'] ?? n['w:customXml']) as Node[], name)
        : [],
  );
}

/** abstract numbering definitions by numId → level → {format, text, start} */
function readNumbering(xml: string | undefined): Map<string, Map<number, Level>> {
  const result = new Map<string, Map<number, Level>>();
  if (!xml) return result;
  const root = find(parser.parse(xml) as Node[], 'w:numbering');
  if (!root) return result;
  const abstracts = new Map<string, Map<number, Level>>();
  for (const node of childrenOf(root, 'w:numbering')) {
    if ('w:abstractNum' in node) {
      const levels = new Map<number, Level>();
      for (const lvl of childrenOf(node, 'w:abstractNum')) {
        if (!('w:lvl' in lvl)) continue;
        const inner = childrenOf(lvl, 'w:lvl');
        const value = (name: string): string | undefined => {
          const found = find(inner, name);
          return found ? attr(found, 'w:val') : undefined;
        };
        levels.set(Number(attr(lvl, 'w:ilvl') ?? 0), {
          format: value('w:numFmt') ?? 'decimal',
          text: value('w:lvlText') ?? '',
          start: Number(value('w:start') ?? 1),
        });
      }
      abstracts.set(attr(node, 'w:abstractNumId') ?? '', levels);
    }
  }
  for (const node of childrenOf(root, 'w:numbering')) {
    if ('w:num' in node) {
      const abstract = find(childrenOf(node, 'w:num'), 'w:abstractNumId');
      const levels = abstract ? abstracts.get(attr(abstract, 'w:val') ?? '') : undefined;
      if (levels) result.set(attr(node, 'w:numId') ?? '', levels);
    }
  }
  return result;
}

function textOf(nodes: readonly Node[]): string {
  let out = '';
  for (const node of nodes) {
    if ('#text' in node) out += String(node['#text']);
    else if ('w:tab' in node) out += ' ';
    else if ('w:br' in node) out += '\n';
    else if ('w:instrText' in node || 'w:delText' in node) continue;
    // a text box is stored twice (the drawing and, for old readers, a VML fallback): read it once
    else if ('mc:Fallback' in node) continue;
    // a text box's paragraphs (a 红头 title, a stamp's caption) are lines of their own
    else if ('w:txbxContent' in node)
      out += `\n${(node['w:txbxContent'] as Node[]).flatMap((inner) => ('w:p' in inner ? [textOf(inner['w:p'] as Node[])] : [])).join('\n')}\n`;
    else {
      const key = Object.keys(node).find((k) => k !== ':@');
      if (key && Array.isArray(node[key])) out += textOf(node[key] as Node[]);
    }
  }
  return out;
}

/** The document's paragraphs as lines, numbering included; undefined when this is no Word document. */
export function readDocxText(bytes: Uint8Array): string | undefined {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => file.name === 'word/document.xml' || file.name === 'word/numbering.xml' });
  } catch {
    return undefined;
  }
  const documentXml = files['word/document.xml'];
  if (!documentXml) return undefined;
  const numbering = readNumbering(files['word/numbering.xml'] ? strFromU8(files['word/numbering.xml']) : undefined);
  const counters = new Map<string, number[]>();
  const lines: string[] = [];
  const paragraphText = (node: Node): string => {
    const inner = childrenOf(node, 'w:p');
    const properties = find(inner, 'w:pPr');
    const numPr = properties ? find(childrenOf(properties, 'w:pPr'), 'w:numPr') : undefined;
    let prefix = '';
    if (numPr) {
      const parts = childrenOf(numPr, 'w:numPr');
      const numId = attr(find(parts, 'w:numId') ?? {}, 'w:val') ?? '';
      const ilvl = Number(attr(find(parts, 'w:ilvl') ?? {}, 'w:val') ?? 0);
      const levels = numbering.get(numId);
      if (levels && numId !== '0') {
        const count = counters.get(numId) ?? [];
        count[ilvl] = (count[ilvl] ?? (levels.get(ilvl)?.start ?? 1) - 1) + 1;
        count.length = ilvl + 1;
        counters.set(numId, count);
        prefix = (levels.get(ilvl)?.text ?? '').replace(/%(\d)/g, (_m, d: string) =>
          formatNumber(levels.get(Number(d) - 1)?.format ?? 'decimal', count[Number(d) - 1] ?? levels.get(Number(d) - 1)?.start ?? 1),
        );
      }
    }
    return prefix + textOf(inner.filter((n) => !('w:pPr' in n)));
  };
  /** A cell's text on one line: its paragraphs, and the rows of a table nested in it, joined with spaces. */
  const cellText = (nodes: readonly Node[]): string => {
    const parts: string[] = [];
    const collect = (children: readonly Node[]): void => {
      for (const node of children) {
        if ('w:p' in node) parts.push(paragraphText(node));
        else if ('w:tbl' in node) parts.push(...tableRows(node).map((cells) => cells.filter((c) => c !== '').join(' ')));
        else if (!('w:tcPr' in node)) {
          const key = Object.keys(node).find((k) => k !== ':@');
          if (key && Array.isArray(node[key])) collect(node[key] as Node[]);
        }
      }
    };
    collect(nodes);
    return parts.join(' ').replace(/\s+/g, ' ').replace(/[|｜]/g, '／').trim();
  };
  /** A table's rows, each as many cells as the columns it covers. */
  const tableRows = (table: Node): string[][] => {
    const rows: string[][] = [];
    for (const row of within(childrenOf(table, 'w:tbl'), 'w:tr')) {
      const inner = childrenOf(row, 'w:tr');
      const rowProperties = childrenOf(find(inner, 'w:trPr') ?? {}, 'w:trPr');
      const gridValue = (name: string): number => Number(attr(find(rowProperties, name) ?? {}, 'w:val') ?? 0) || 0;
      const cells: string[] = Array.from({ length: Math.min(gridValue('w:gridBefore'), 50) }, () => '');
      for (const cell of within(inner, 'w:tc')) {
        const content = childrenOf(cell, 'w:tc');
        const properties = childrenOf(find(content, 'w:tcPr') ?? {}, 'w:tcPr');
        const span = Math.min(Math.max(Number(attr(find(properties, 'w:gridSpan') ?? {}, 'w:val') ?? 1) || 1, 1), 50);
        const merge = find(properties, 'w:vMerge');
        // <w:vMerge/> or w:val="continue" continues the cell above; w:val="restart" starts a merge
        const continues = merge !== undefined && attr(merge, 'w:val') !== 'restart';
        // read even when continuing a merge, so numbered paragraphs count as Word counts them
        const text = cellText(content);
        cells.push(continues ? '' : text, ...Array.from({ length: span - 1 }, () => ''));
      }
      // a row that stops short of the grid (w:gridAfter) still has its columns
      cells.push(...Array.from({ length: Math.min(gridValue('w:gridAfter'), 50) }, () => ''));
      if (cells.some((c) => c !== '')) rows.push(cells);
    }
    return rows;
  };
  const walk = (nodes: readonly Node[]): void => {
    for (const node of nodes) {
      if ('w:p' in node) lines.push(paragraphText(node));
      else if ('w:tbl' in node) for (const cells of tableRows(node)) lines.push(`| ${cells.join(' | ')} |`);
      else {
        const key = Object.keys(node).find((k) => k !== ':@');
        if (key && Array.isArray(node[key])) walk(node[key] as Node[]);
      }
    }
  };
  try {
    walk(parser.parse(strFromU8(documentXml)) as Node[]);
  } catch {
    return undefined;
  }
  return lines.join('\n');
}
