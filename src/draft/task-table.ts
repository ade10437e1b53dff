// Task-division tables (重点任务分工表, 任务清单) in a published plan: rows in Markdown pipe form
// (| 序号 | 重点任务 | 牵头单位 | 完成时限 |, as .md files and src/io/read-docx.ts write them) or
// separated by tabs (a Word table copied into a text editor). A table is a task table when a row
// names a task column (任务, 工作内容, 具体措施 …) and a unit column (牵头单位, 责任单位, 配合单位 …);
// each row after it is a task, its units read by the one responsibility rule (docs/format.md). Pure.
import { daysInMonth } from '../core/dates.js';
import { emptyResponsibility, findResponsibility, settleResponsibility, splitUnits } from './responsibility.js';
import { datePoint } from './schedule.js';

type Responsibility = ReturnType<typeof emptyResponsibility>;

type ColumnRole = 'id' | 'task' | 'lead' | 'responsible' | 'support' | 'due' | 'group' | 'text';

interface Row {
  cells: string[];
  line: number;
}

interface TableTask {
  /** the 序号 cell (or the number the task cell opens with), when it is a number */
  number?: string;
  /** the task cell, without a number it opens with */
  text: string;
  /** other text of the row (具体措施, 备注), rows continuing it, and the group cell where it starts */
  more: string[];
  lead: string[];
  support: string[];
  /** the 完成时限 cell as written */
  dueText?: string;
  checks: string[];
  line: number;
}

interface TableSection {
  title: string;
  tasks: TableTask[];
}

export interface TaskTable {
  /** lines (1-based) of every row of the table, header and title rows included */
  lines: number[];
  sections: TableSection[];
}

const TASK_HEADER = /任务|内容|措施|事项|举措|重点工作|工作要点/;
const UNIT_HEADER = /单位|部门/;
const NOT_TASK = /单位|部门|时限|时间|期限|节点|序号|编号|目标|类别|领域|类型|方面|板块|备注|领导|责任人/;

function columnRole(header: string): ColumnRole {
  const cell = header.replace(/[\s*]/g, '');
  if (/^(?:序号|编号|序|No\.?)$/i.test(cell)) return 'id';
  if (UNIT_HEADER.test(cell) && !/领导|责任人|联系人/.test(cell)) {
    if (/牵头|主办|主责/.test(cell)) return 'lead';
    if (/配合|参与|协办|协助|协同|协作/.test(cell)) return 'support';
    return 'responsible';
  }
  if (/时限|期限|时间|节点|完成时|进度/.test(cell)) return 'due';
  if (TASK_HEADER.test(cell) && !NOT_TASK.test(cell)) return 'task';
  return 'text';
}

/** The cells of a table row, or undefined when the line is no row: | a | b |, or three or more tab-separated cells. */
function cellsOf(line: string): string[] | undefined {
  const text = line.trim().replace(/｜/g, '|');
  if (/^\|.*\|$/.test(text) && text.length > 2) {
    const cells = text
      .slice(1, -1)
      .split(/(?<!\\)\|/)
      .map((cell) => cell.replace(/\\\|/g, '／').trim());
    return cells;
  }
  const tabbed = line.replace(/^[\t ]+|[\t ]+$/g, '').split('\t');
  return tabbed.length >= 3 ? tabbed.map((cell) => cell.trim()) : undefined;
}

const isSeparator = (cells: readonly string[]): boolean => cells.every((cell) => /^:?-{2,}:?$/.test(cell.replace(/\s/g, '')));

/** Runs of table rows, blank lines between rows allowed; with the line just above each run. */
function findRuns(lines: readonly string[]): { rows: Row[]; above?: string }[] {
  const runs: { rows: Row[]; above?: string }[] = [];
  let current: { rows: Row[]; above?: string } | undefined;
  let lastText: string | undefined;
  for (const [index, line] of lines.entries()) {
    const cells = cellsOf(line);
    // a one-cell row continues a table (a sub-item under a task); it starts none
    if (cells && (current || cells.length >= 2)) {
      if (!current) {
        current = { rows: [], ...(lastText ? { above: lastText } : {}) };
        runs.push(current);
      }
      current.rows.push({ cells, line: index + 1 });
    } else if (line.trim() !== '') {
      current = undefined;
      lastText = line.trim();
    }
  }
  return runs;
}

/** A header row: a task column and at least one unit column. */
function headerRoles(cells: readonly string[]): ColumnRole[] | undefined {
  const roles = cells.map(columnRole);
  // no column named as the task alone: one named 目标任务, 工作项目, 目标 … is
  if (!roles.includes('task')) {
    const named = cells.findIndex((cell, i) => roles[i] === 'text' && /任务|内容|措施|工作|目标(?!值)|项目|事项/.test(cell));
    if (named >= 0) roles[named] = 'task';
  }
  if (!roles.includes('task') || !roles.some((r) => r === 'lead' || r === 'responsible' || r === 'support')) return undefined;
  // one task column: a second such column is more text of the task (工作任务 | 具体措施)
  const first = roles.indexOf('task');
  const settled = roles.map((role, i) => (role === 'task' && i !== first ? 'text' : role));
  // a first column before the task column that is neither number nor unit names the row's group (工作目标, 类别)
  const group = settled.findIndex((role, i) => i < first && role === 'text');
  return settled.map((role, i) => (i === group ? 'group' : role));
}

/** 附件2：2025年重点任务分工表 → 2025年重点任务分工表; nothing when the line is a sentence. */
function tableTitle(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const title = text
    .replace(/^附件\s*\d*\s*[：:]?\s*/, '')
    .replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{1,2}[.、．])/, '')
    .trim();
  // a sentence of the prose above (…抽检3200批次。（牵头单位：…）) is no table's title
  return title !== '' && [...title].length <= 40 && !/[。；，]/.test(title) && !/牵头|负责|配合/.test(title) ? title : undefined;
}

const HEADING = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十]+[部分章节])/;

/** Every task table in the text, its rows read: sections by the group column, tasks with their units. */
export function findTaskTables(text: string): TaskTable[] {
  const tables: TaskTable[] = [];
  for (const run of findRuns(text.split('\n'))) {
    const headerAt = run.rows.findIndex((row) => headerRoles(row.cells) !== undefined);
    if (headerAt < 0) continue;
    let roles = headerRoles(run.rows[headerAt]!.cells)!;
    let header = run.rows[headerAt]!.cells;
    let dataAt = headerAt + 1;
    // a second header row under a merged 责任单位 cell (| | | 牵头单位 | 配合单位 | |) names its columns
    const sub = run.rows[dataAt];
    const subRoles = sub?.cells.map((cell) => (cell === '' ? undefined : columnRole(cell)));
    if (
      sub &&
      (sub.cells[roles.indexOf('task')] ?? '') === '' &&
      subRoles!.some((role) => role === 'lead' || role === 'responsible' || role === 'support')
    ) {
      roles = roles.map((role, i) => (subRoles![i] && subRoles![i] !== 'text' ? subRoles![i]! : role));
      header = header.map((cell, i) => sub.cells[i] || cell);
      dataAt += 1;
    }
    // a title row above the header inside the table (a merged first row), else the line above the table
    const titleRow = run.rows
      .slice(0, headerAt)
      .map((row) => row.cells.filter((c) => c !== ''))
      .find((cells) => cells.length === 1)?.[0];
    const title = tableTitle(titleRow) ?? tableTitle(run.above) ?? '重点任务';
    const sections = readRows(run.rows.slice(dataAt), roles, header, title);
    // a header with no task under it stays text
    if (sections.length > 0) tables.push({ lines: run.rows.map((row) => row.line), sections });
  }
  return tables;
}

function readRows(rows: readonly Row[], firstRoles: readonly ColumnRole[], firstHeader: readonly string[], title: string): TableSection[] {
  let roles = firstRoles;
  let header = firstHeader;
  const sections: TableSection[] = [];
  // text of rows that are no task (a heading row, a line before the first task): read at the next task, so no figure is lost
  const pending: string[] = [];
  let taskColumn = roles.indexOf('task');
  // the columns a merged cell carries down: the group, the leading units, the time limit
  let leading: ColumnRole = roles.includes('lead') ? 'lead' : 'responsible';
  const carried = new Map<number, string>();
  let section: TableSection | undefined;
  let task: TableTask | undefined;
  const sectionFor = (name: string): TableSection => {
    if (section?.title !== name) {
      section = { title: name, tasks: [] };
      sections.push(section);
    }
    return section;
  };
  let count = 0;
  const named = new Map<TableTask, Responsibility>();
  for (const row of rows) {
    if (isSeparator(row.cells)) continue;
    // the header again (repeated after a page break), or another table's right below: its columns from here on
    const again = headerRoles(row.cells);
    if (again) {
      if (again.length === roles.length && again.every((role, i) => role === roles[i])) continue;
      roles = again;
      header = row.cells;
      taskColumn = roles.indexOf('task');
      leading = roles.includes('lead') ? 'lead' : 'responsible';
      carried.clear();
      task = undefined;
      continue;
    }
    const filled = row.cells.filter((c) => c !== '');
    if (filled.length === 0) continue;
    // fewer cells than the header: a line continuing the task above (a sub-item)
    if (row.cells.length < roles.length) {
      if (task) task.more.push(filled.join('；'));
      else pending.push(filled.join('；'));
      continue;
    }
    // cells beyond the header's columns are more text of the row
    const beyond = row.cells.slice(roles.length).filter((c) => c !== '');
    const cell = (i: number): string => (row.cells[i] ?? '').trim().replace(/[。；，、\s]+$/, '');
    // a row with one cell of text (a merged row across the table), other than the task's, or opening
    // with 一、: a heading for the rows below
    const only = row.cells.findIndex((c) => c !== '');
    if (
      filled.length === 1 &&
      !/^\d+[.、．]?$/.test(filled[0]!) &&
      (only !== taskColumn || HEADING.test(filled[0]!)) &&
      roles[only] !== 'group'
    ) {
      const heading = filled[0]!.replace(HEADING, '').trim();
      if (/\d/.test(heading)) pending.push(heading);
      carried.clear();
      if (roles.includes('group')) carried.set(roles.indexOf('group'), heading);
      sectionFor(heading || title);
      task = undefined;
      continue;
    }
    // | 一 | 产业发展 | | | |: a group numbered in the 序号 column, no unit and no date: a heading too
    const idAt = roles.indexOf('id');
    if (
      idAt >= 0 &&
      /^(?:[一二三四五六七八九十]+、?|（[一二三四五六七八九十]+）)$/.test(cell(idAt)) &&
      roles.every((role, i) => !['lead', 'responsible', 'support', 'due'].includes(role) || cell(i) === '')
    ) {
      const heading = filled.filter((c) => c !== row.cells[idAt]).join('') || title;
      if (/\d/.test(heading)) pending.push(heading);
      carried.clear();
      if (roles.includes('group')) carried.set(roles.indexOf('group'), heading);
      sectionFor(heading);
      task = undefined;
      continue;
    }
    const checks: string[] = [];
    const valueOf = (i: number): string => {
      const own = cell(i);
      if (own !== '' || !['group', leading, 'due'].includes(roles[i]!)) {
        if (own !== '') carried.set(i, own);
        return own;
      }
      const above = carried.get(i) ?? '';
      if (above !== '' && roles[i] !== 'group') checks.push(`“${header[i]}”一栏空白，沿用上一行的“${above}”（合并单元格）`);
      return above;
    };
    const groupColumn = roles.indexOf('group');
    const groupOwn = groupColumn >= 0 ? cell(groupColumn) : '';
    const group = groupColumn >= 0 ? valueOf(groupColumn) : '';
    // the task cell as written, its full stop kept for the sentence it is
    const taskText = (row.cells[taskColumn] ?? '').trim();
    if (taskText === '') {
      // a row under a merged task cell: its units and dates belong to the task above
      if (task) {
        readUnits(
          row.cells.map((_c, i) => cell(i)),
          roles,
          task,
          named.get(task)!,
        );
        const due = roles.findIndex((r) => r === 'due');
        if (due >= 0 && cell(due) !== '') task.dueText = [task.dueText, cell(due)].filter(Boolean).join('；');
        task.more.push(...roles.flatMap((r, i) => (r === 'text' && cell(i) !== '' ? [cell(i)] : [])), ...beyond);
      } else pending.push(...filled);
      continue;
    }
    const target = sectionFor(group !== '' ? group.replace(HEADING, '').trim() || title : (section?.title ?? title));
    count += 1;
    const idColumn = roles.indexOf('id');
    const opening = /^(\d{1,3})[.、．](?!\d)\s*(.*)$/.exec(taskText);
    const number =
      idColumn >= 0 && /^\d{1,3}[.、．]?$/.test(cell(idColumn)) ? cell(idColumn).replace(/\D/g, '') : opening ? opening[1]! : undefined;
    const found = emptyResponsibility();
    task = {
      ...(number ? { number: String(Number(number)) } : { number: String(count) }),
      // a bracket of the task's own text may name units too (（县农业农村局牵头）)
      text: findResponsibility(opening ? opening[2]! : taskText, found).trim(),
      more: [],
      lead: [],
      support: [],
      checks,
      line: row.line,
    };
    // the group cell where it starts is text of the plan too: its figures are read at its first task
    if (groupOwn !== '' && target.tasks.length === 0) task.more.push(groupOwn);
    const values = row.cells.map((_c, i) => valueOf(i));
    named.set(task, found);
    readUnits(values, roles, task, found);
    const due = roles.indexOf('due');
    if (due >= 0 && values[due]) task.dueText = values[due];
    task.more.push(...roles.flatMap((r, i) => (r === 'text' && values[i] ? [values[i]!] : [])), ...beyond, ...pending.splice(0));
    target.tasks.push(task);
  }
  // text after the last task is the last task's
  if (pending.length > 0)
    sections
      .flatMap((s) => s.tasks)
      .at(-1)
      ?.more.push(...pending);
  return sections.filter((s) => s.tasks.length > 0);
}

/**
 * The row's unit cells into what the task names, then the task's lead and support by the
 * responsibility rule: a 牵头 column leads; a 责任单位 column leads where no 牵头 unit is named, else
 * supports; 配合/参与/协办 support; a cell that says who does what itself (A牵头，B、C配合) is read as
 * the text would be.
 */
function readUnits(values: readonly string[], roles: readonly ColumnRole[], task: TableTask, found: Responsibility): void {
  roles.forEach((role, i) => {
    // 县农业农村局（牵头）: the role in a bracket after the unit, as 县农业农村局牵头
    const value = (values[i] ?? '').replace(/（(牵头|配合|参与|协助|协办|负责)）/g, '$1');
    if (value === '' || (role !== 'lead' && role !== 'responsible' && role !== 'support')) return;
    // 牵头：县农业局；配合：县财政局: labels, as the text's 牵头单位：…；配合单位：…
    if (/(?:牵头|主办|责任|配合|参与|协办)(?:单位|部门)?[：:]/.test(value)) {
      findResponsibility(value.replace(/(牵头|主办|责任|配合|参与|协办)(?:单位|部门)?[：:]/g, '$1单位：'), found);
      return;
    }
    if (/牵头|配合|参与|协助|协办/.test(value)) {
      findResponsibility(`（${value}）`, found);
      return;
    }
    const units = splitUnits(value.replace(/(?:按照?职责分工|根据职责|按职责|分别|共同)?负责(?![人])/g, ''));
    if (units.length === 0) task.checks.push(`“${value}”未能读出单位名称，请核对`);
    const into = role === 'lead' ? found.lead : role === 'responsible' ? found.joint : found.support;
    for (const unit of units) if (!into.includes(unit)) into.push(unit);
  });
  const settled = settleResponsibility(found);
  task.lead = settled.lead;
  task.support = settled.support;
}

// where a table stood: a line of its own that ends a sentence, so the prose before the table never
// runs on into the prose after it; one private-use character per table, so no two are alike
const TABLE_MARK = /[\uE000-\uE0FF]。/g;

/**
 * The lines of the text without the rows of its task tables: blank lines, so line numbers hold,
 * and a mark on the table's last line that withoutTableMarks takes out of the paragraphs again.
 */
export function withoutTaskTables(text: string, tables: readonly TaskTable[]): string {
  const rows = new Set(tables.flatMap((table) => table.lines));
  const ends = new Map(tables.map((table, i) => [table.lines.at(-1)!, `${String.fromCharCode(0xe000 + (i % 256))}。`]));
  return text
    .split('\n')
    .map((line, index) => ends.get(index + 1) ?? (rows.has(index + 1) ? '' : line))
    .join('\n');
}

/** The paragraphs without the marks withoutTaskTables left (a mark alone was a paragraph of its own). */
export function withoutTableMarks<T extends { text: string }>(paragraphs: readonly T[]): T[] {
  return paragraphs.flatMap((paragraph) => {
    const text = paragraph.text.replace(TABLE_MARK, '');
    return text === paragraph.text ? [paragraph] : text.trim() === '' ? [] : [{ ...paragraph, text }];
  });
}

/**
 * Table rows kept as rows before the text is tidied: a line break written <br> inside a pipe row is a
 * space (not the end of the row), and the tab-separated rows of a task table (a Word table pasted
 * into a text editor) are pipe rows, whose cells survive the tidying of spaces.
 */
export function keepTableRows(source: string): string {
  const text = source
    .split('\n')
    .map((line) => (/^\s*[|｜].*[|｜]\s*$/.test(line) ? line.replace(/<br\s*\/?>/gi, ' ') : line))
    .join('\n');
  const lines = text.split('\n');
  for (const table of findTaskTables(text))
    for (const line of table.lines) {
      const cells = lines[line - 1]!.replace(/^[\t ]+|[\t ]+$/g, '').split('\t');
      if (cells.length >= 3 && !/^\s*[|｜]/.test(lines[line - 1]!))
        lines[line - 1] = `| ${cells.map((c) => c.trim().replace(/[|｜]/g, '／')).join(' | ')} |`;
    }
  return lines.join('\n');
}

/**
 * A time limit (完成时限) as a date: 2025年11月底前 → 2025-11-30, 6月30日前, 2025年底, 年底前 → the
 * year's last day; 初/上旬 → the 10th, 中旬 → the 20th, 下旬 or a month alone → its last day, with a
 * check; 上半年, 第三季度 → their last day. Several dates: the latest. 长期坚持, 持续推进, 常态化: none.
 */
export function dueOf(text: string, year: number): { due?: string; check?: string } {
  const pad = (n: number): string => String(n).padStart(2, '0');
  // 每年12月底前, 每季度末: a requirement that recurs has no one deadline
  if (/每(?:年|季|月|半年|周)/.test(text)) return { check: `完成时限“${text}”是持续性要求，未设截止日期（取方案期间结束）` };
  const found: { date: string; guessed: boolean }[] = [];
  const plain = text.replace(/\s/g, '');
  for (const m of plain.matchAll(/(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})/g)) {
    const [y, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(y, month))
      found.push({ date: `${y}-${pad(month)}-${pad(day)}`, guessed: false });
  }
  // 2025年6月—12月: a month without a year is in the year named last before it
  let namedYear: number | undefined;
  for (const m of plain.matchAll(/(?:(\d{4})年)?(\d{1,2})月(?:份)?(?:(\d{1,2})[日号]|(底|末|初|上旬|中旬|下旬))?/g)) {
    if (m[1]) namedYear = Number(m[1]);
    // the day as a deadline reads it (旬 and 底 as schedule.ts reads them); 底 and 末 are no guess here
    const point = datePoint([m[1] ?? String(namedYear ?? year), m[2], m[3], m[4]], year, true);
    if (point) found.push({ date: point.date, guessed: !m[3] && m[4] !== '底' && m[4] !== '末' });
  }
  for (const m of plain.matchAll(
    /(?:(\d{4})年)?(?:(?<=\d年)(?:年?(?:底|末)|内)|年(?:底|末)|年内|全年|(上|下)半年|第?([一二三四1-4])季度)/g,
  )) {
    const y = m[1] ? Number(m[1]) : year;
    const quarter = m[3] ? '一二三四1234'.indexOf(m[3]) % 4 : undefined;
    const month = m[2] === '上' ? 6 : quarter !== undefined ? (quarter + 1) * 3 : 12;
    found.push({
      date: `${y}-${pad(month)}-${pad(daysInMonth(y, month))}`,
      guessed: m[2] !== undefined || quarter !== undefined || /年内|全年/.test(m[0]),
    });
  }
  // 2025年 alone: by the end of that year
  const yearOnly = /^(\d{4})年(?:前|以前|之前)?$/.exec(plain.replace(/完成|前$/g, ''));
  if (yearOnly && found.length === 0) found.push({ date: `${yearOnly[1]}-12-31`, guessed: true });
  if (found.length === 0) {
    if (/长期|持续|常态|经常|全年|每年|每季|每月|逐年/.test(plain))
      return { check: `完成时限“${text}”是持续性要求，未设截止日期（取方案期间结束）` };
    return { check: `完成时限“${text}”未能读出日期，未设截止日期（取方案期间结束）` };
  }
  const latest = found.reduce((a, b) => (b.date > a.date ? b : a));
  const checks = [
    latest.guessed ? `完成时限“${text}”取 ${latest.date}` : undefined,
    found.length > 1 ? `完成时限“${text}”有多个日期，取最晚的 ${latest.date}` : undefined,
    /长期|持续|常态/.test(plain) ? `完成时限“${text}”另有持续性要求` : undefined,
  ].filter(Boolean);
  return { due: latest.date, ...(checks.length > 0 ? { check: checks.join('；') } : {}) };
}
