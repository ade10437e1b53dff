// A published document's text, made regular before it is read: one punctuation style, no page
// numbers or running headers, and lines that PDF extraction broke mid-sentence joined again.
// Pure: text in, paragraphs out.
import { parseChineseInteger } from '../core/chinese-number.js';

/** ASCII punctuation that Chinese documents write in full width, and back. */
const FULL_WIDTH: Record<string, string> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '(': '（',
  ')': '）',
  '!': '！',
  '?': '？',
  '[': '［',
  ']': '］',
};
const SENTENCE_END = /[。；！？：:]$/;
const PAGE_NUMBER = /^[-—–－·•\s]*(?:第\s*)?\d{1,3}\s*(?:页|\/\s*\d{1,3})?(?:\s*共\s*\d+\s*页)?[-—–－·•\s]*$/;
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’《》〔〕、]/;

/** NFKC, then the document's own punctuation style: （一） and ，； whatever the input used. */
export function regularisePunctuation(text: string): string {
  const folded = text
    .normalize('NFKC')
    .replace(/\u00a0|\u3000/g, ' ')
    .replace(/<br\s*\/?>/gi, '\n')
    // a Word bookmark a converter wrote out as text ([bookmark: _GoBack]22.发展现代农业) hides the item's number
    .replace(/\[bookmark:[^\]\n]{0,80}\]/gi, '');
  let out = '';
  const chars = [...folded];
  chars.forEach((c, i) => {
    // a half-width full stop after Chinese text ends a sentence (加强监管.开展检查), as 。 does; 1. and
    // 3.5 stay
    if (c === '.' && /[\p{Script=Han}）”》]/u.test(chars[i - 1] ?? '') && !/[0-9A-Za-z]/.test(chars[i + 1] ?? '')) {
      out += '。';
      return;
    }
    const full = FULL_WIDTH[c];
    if (full === undefined) {
      out += c;
      return;
    }
    // 1,900 and 3:30 stay; a comma between digits is a thousands separator, dropped later
    const before = chars[i - 1] ?? '';
    const after = chars[i + 1] ?? '';
    if ((c === ',' || c === ':') && /\d/.test(before) && /\d/.test(after)) out += c;
    else out += full;
  });
  // spaces inside Chinese text are layout (PDF, justified Word text), not words
  return out.replace(/[ \t]+/g, (spaces, offset: number, whole: string) => {
    const before = whole[offset - 1] ?? '';
    const after = whole[offset + spaces.length] ?? '';
    return /[A-Za-z0-9]/.test(before) && /[A-Za-z0-9]/.test(after)
      ? ' '
      : CJK.test(before) || CJK.test(after) || before === '' || after === ''
        ? ''
        : ' ';
  });
}

/** Markdown marks out: # headings, emphasis, list bullets, <br>. */
export function stripMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s{0,3}#{1,6}\s+/, '')
        .replace(/^\s*[-*+]\s+/, '')
        .replace(/\*\*|__/g, '')
        .replace(/<br\s*\/?>/gi, '\n'),
    )
    .join('\n');
}

export interface Paragraph {
  text: string;
  /** 1-based line of the source where it starts */
  line: number;
}

const HEADING_START =
  /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{1,2}[.、．](?!\d)|（\d{1,2}）|第[一二三四五六七八九十]+[部分章节条])/;

/**
 * Lines to paragraphs. A line joins the next when it does not end a sentence and is about as long
 * as the document's full lines (so a wrapped PDF line joins, a short title does not), and the next
 * does not open a numbered heading. Page numbers and running headers (a short line seen three or
 * more times) are dropped.
 */
export function toParagraphs(text: string): Paragraph[] {
  const raw = splitInlineHeadings(text.split('\n').map((line, index) => ({ text: line.trim(), line: index + 1 })));
  const counts = new Map<string, number>();
  for (const { text: t } of raw) if (t) counts.set(t, (counts.get(t) ?? 0) + 1);
  const lines = raw.filter(
    ({ text: t }) =>
      t !== '' &&
      !PAGE_NUMBER.test(t) &&
      !(t.length < 40 && (counts.get(t) ?? 0) >= 3 && !HEADING_START.test(t) && !/(?:局|委员会|政府|办公室|办公厅)$/.test(t)),
  );
  const lengths = lines.map((l) => [...l.text].length).sort((a, b) => a - b);
  const fullWidth = lengths.length ? lengths[Math.floor(lengths.length * 0.8)]! : 0;
  const paragraphs: Paragraph[] = [];
  let current: Paragraph | undefined;
  for (const line of lines) {
    if (current && !HEADING_START.test(line.text) && !startsDocumentPart(line.text)) {
      current.text += line.text;
    } else {
      if (current) paragraphs.push(current);
      current = { ...line };
    }
    const length = line.width ?? [...line.text].length;
    // only a text laid out in short lines (PDF extraction, 20 to 60 characters) is wrapped; a Word or web text keeps a paragraph on one line
    // and a body paragraph (longer than any title) that stops without punctuation was broken mid-sentence
    // and a line that opens a bracket it does not close (…（市市场监管局牵 / 头，市卫健委配合）) goes on
    const unclosed = (line.text.match(/[（［【〔]/g) ?? []).length > (line.text.match(/[）］】〕]/g) ?? []).length;
    const wrapped =
      unclosed ||
      (!SENTENCE_END.test(line.text) &&
        ((fullWidth >= 15 && fullWidth <= 60 && length >= fullWidth * 0.85) || (length > 60 && !/[）)」”]$/.test(line.text))));
    if (!wrapped) {
      paragraphs.push(current);
      current = undefined;
    }
  }
  if (current) paragraphs.push(current);
  return paragraphs;
}

const INLINE_HEADING =
  /(?<=[。；！？”）］】〕」]|(?:^|[。；！？：”）］】〕」])(?:(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)\p{Script=Han}{2,16}){1,3})(?:([一二三四五六七八九十]{1,3})、(?![一二三四五六七八九十])|（([一二三四五六七八九十]{1,3})）|(\d{1,2})[.、．](?![\d、])|（(\d{1,2})）)/gu;
/** A line this long has lost its breaks (a web copy); a paragraph of a laid-out document is shorter. */
const LOST_BREAKS = 300;
/** The standard part names of a plan: 三、工作要求各县区… is 三、工作要求 and a new line. */
const PART_NAME =
  /^((?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）)(?:指导思想|总体要求|基本原则|工作目标|主要目标|目标任务|主要任务|重点任务|工作任务|工作措施|主要措施|保障措施|工作要求|组织领导|工作步骤|实施步骤|时间安排|进度安排|职责分工|任务分工|工作安排|组织实施))(?![和及与、，。：；（])(?=\p{Script=Han}.{9,})/u;

/**
 * A text copied from a web page often has no line breaks: 制定本方案。一、总体要求（一）指导思想。…（二）落实责任1.….
 * In a line that long, a marker after a sentence's end, or after a heading's short title (一、总体要求,
 * （二）落实责任), starts a line of its own when it is the next number of its kind (二、 after 一、, 5.
 * after 4.) or a kind's first (一、, 1.), so a stray （3） inside a sentence does not; 3、4月 and
 * 一、二级 are no markers, and a list after ： stays in its sentence. A standard part name run into its
 * text (三、工作要求各县区每月…) ends its line.
 */
function splitInlineHeadings(lines: { text: string; line: number }[]): { text: string; line: number; width?: number }[] {
  const last = new Map<number, number>();
  const out: { text: string; line: number; width?: number }[] = [];
  const push = (piece: { text: string; line: number; width?: number }): void => {
    const named = [...piece.text].length >= LOST_BREAKS / 10 ? PART_NAME.exec(piece.text) : null;
    if (named) {
      out.push({ text: named[1]!, line: piece.line });
      out.push({ ...piece, text: piece.text.slice(named[1]!.length) });
    } else out.push(piece);
  };
  for (const { text, line } of lines) {
    const head = LINE_START_HEADING.exec(text);
    if (head) remember(last, head);
    let start = 0;
    if ([...text].length >= LOST_BREAKS)
      for (const marker of text.matchAll(INLINE_HEADING)) {
        const kind = [1, 2, 3, 4].find((k) => marker[k] !== undefined)!;
        const value = markerValue(marker[kind]!);
        if (value < 1 || (value !== 1 && value !== (last.get(kind) ?? 0) + 1)) continue;
        last.set(kind, value);
        push({ text: text.slice(start, marker.index).trim(), line });
        start = marker.index;
      }
    // the rest of a split line ends where the line did: a wrapped line's tail is wrapped too
    push({ text: text.slice(start).trim(), line, ...(start > 0 ? { width: [...text].length } : {}) });
  }
  return out;
}

const LINE_START_HEADING =
  /^(?:([一二三四五六七八九十]{1,3})、|（([一二三四五六七八九十]{1,3})）|(\d{1,2})[.、．](?![\d、])|（(\d{1,2})）)/;

/** 三 → 3, 12 → 12: a heading marker's number (0 when it is none). */
function markerValue(number: string): number {
  return /^\d+$/.test(number) ? Number(number) : Number(parseChineseInteger(number) ?? 0n);
}

function remember(last: Map<number, number>, head: RegExpExecArray): void {
  const kind = [1, 2, 3, 4].find((k) => head[k] !== undefined)!;
  last.set(kind, markerValue(head[kind]!));
}

/** 完成时限：2024年6月底前 (a task's time limit, on its own line or inside its bracket): the label. */
export const TIME_LIMIT_LABEL = '(?:完成时限|完成时间|时间节点|时限要求)[：:]';
/** A line that labels a task's units or time limit: 牵头单位：…, 完成时限：…. */
const LABEL_LINE = new RegExp(
  `^(?:(?:牵头单位|主办单位|责任单位|配合单位|参与单位|协办单位|牵头部门|责任部门|配合部门)[：:]|${TIME_LIMIT_LABEL})`,
);

/** Lines that never continue a sentence: a document number, a date line, a title of a plan. */
function startsDocumentPart(text: string): boolean {
  return /〔\d{4}〕\d+号$/.test(text) || /^\d{4}年\d{1,2}月\d{1,2}日/.test(text) || LABEL_LINE.test(text);
}

/** Sentences of a paragraph: split after 。；！？ (a bracket group stays with its sentence). */
export function toSentences(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  const chars = [...text];
  chars.forEach((c, i) => {
    if (c === '（' || c === '［' || c === '【' || c === '《') depth += 1;
    else if ((c === '）' || c === '］' || c === '】' || c === '》') && depth > 0) depth -= 1;
    else if (depth === 0 && /[。；！？]/.test(c)) {
      // a responsibility bracket right after the full stop belongs to this sentence
      let end = i + 1;
      if (chars[end] === '［' || chars[end] === '【' || chars[end] === '（') {
        const close = chars.indexOf(chars[end] === '［' ? '］' : chars[end] === '【' ? '】' : '）', end);
        const inside = chars.slice(end, close + 1).join('');
        if (close > 0 && /牵头|负责|配合|参与|责任单位/.test(inside)) end = close + 1;
      }
      out.push(chars.slice(start, end).join(''));
      start = end;
    }
  });
  if (start < chars.length) out.push(chars.slice(start).join(''));
  return out.map((s) => s.trim()).filter((s) => s !== '' && !/^[）］】]+$/.test(s));
}
