// Who leads and who supports, by the responsibility rule: every unit the text names as 牵头, or as
// solely 负责 for any part of the task, is a lead; 配合/参与/协助 are support; units that share a
// 负责 (X、Y按职责分工负责) are leads only where the task names no lead at all. Pure.

interface Responsibility {
  lead: string[];
  support: string[];
  /** units responsible jointly (X、Y负责, 按职责分工负责) */
  joint: string[];
  /** what the draft guessed, for # 核对 comments */
  checks: string[];
}

const CLAUSE_WORDS = /牵头|负责|配合|参与|协助|协办|责任单位|主办/;
const UNIT_END = /(?:局|委|办|院|部|府|会|队|所|科|中心|组|处|站|社|协|室|馆|关|门|单位|街道|镇|乡|街|区|县|市|司|厅|行|台|团|联|校|公司|机构|部门|分局|支队|大队|办事处|政府|管委会|委员会)(?:（[^（）]{1,12}）)?$/;

export function emptyResponsibility(): Responsibility {
  return { lead: [], support: [], joint: [], checks: [] };
}

/** A list of units as written: 区市场监管局、区卫健局，各街道 (and 等 at the end dropped). */
export function splitUnits(text: string): string[] {
  return splitTopLevel(text, '、，,；').map(cleanUnit).filter((u): u is string => u !== undefined);
}

function cleanUnit(raw: string): string | undefined {
  const unit = raw
    .trim()
    .replace(/^(?:由|请|和|及|以及|其他|并由)/, '')
    .replace(/(?:等(?:部门|单位)?|根据职责|按职责|分别|共同)$/, '')
    .replace(/^[：:]/, '')
    .trim();
  if ([...unit].length < 2 || [...unit].length > 30) return undefined;
  if (/[。；！？“”《》]|\d{3,}年/.test(unit)) return undefined;
  if (!UNIT_END.test(unit) && !/^各/.test(unit)) return undefined;
  return unit;
}

function addAll(into: string[], units: readonly string[]): void {
  for (const unit of units) if (!into.includes(unit)) into.push(unit);
}

/**
 * One clause of responsibility, as found in a bracket or after a label: 区农业农村局牵头，各镇街按职责分工负责;
 * 牵头单位：市食安办；责任单位：市发改委、市财政局; 区市场监管局负责.
 */
function readClause(text: string, into: Responsibility): void {
  for (const part of text.split('；')) {
    const labelled = /^(牵头单位|主办单位|责任单位|配合单位|参与单位|协办单位|协助单位|责任部门|牵头部门|配合部门)[：:]?(.*)$/.exec(part.trim());
    if (labelled) {
      readLabelled(labelled[1]!, labelled[2]!, into);
      continue;
    }
    let pending: string[] = [];
    const clause = emptyResponsibility();
    for (const piece of splitTopLevel(part, '，')) {
      const role = /^(.*?)(?:根据职责|按职责分工|按照职责分工|按职责|分别|共同)?(牵头负责|牵头|配合|参与|协助|协办|负责)$/.exec(piece.trim());
      if (!role) {
        pending = [...pending, ...splitUnits(piece)];
        continue;
      }
      const units = [...pending, ...splitUnits(role[1]!)];
      pending = [];
      const verb = role[2]!;
      if (verb.startsWith('牵头')) addAll(clause.lead, units);
      else if (verb === '负责') addAll(clause.joint, units);
      else addAll(clause.support, units);
    }
    // a bare list of units, （区市场监管局） or （区公安分局、区商务局）, is who is responsible
    addAll(clause.lead.length === 0 && clause.joint.length === 0 && clause.support.length === 0 ? clause.joint : clause.support, pending);
    mergeClause(clause, into);
  }
}

/** 各镇街, 成员单位, 相关部门: bodies named as a group, which support unless nobody else is named. */
function isCollective(unit: string): boolean {
  return /^各|成员单位|相关部门|有关部门|相关单位|有关单位/.test(unit);
}

/**
 * One part of a task's responsibility into the task's: its 牵头 units lead; where it names no 牵头,
 * the first named unit of those responsible leads (the order of a Chinese list of owners), the
 * others support; a part that names only groups (各街道, 成员单位) leads only if no part names a lead.
 */
function mergeClause(clause: Responsibility, into: Responsibility): void {
  if (clause.lead.length > 0) {
    addAll(into.lead, clause.lead);
    addAll(into.support, [...clause.joint, ...clause.support]);
    return;
  }
  const first = clause.joint.find((u) => !isCollective(u));
  if (first) {
    addAll(into.lead, [first]);
    if (clause.joint.length > 1) into.checks.push(`“${clause.joint.join('、')}”未写牵头，取第一个单位“${first}”为牵头`);
    addAll(into.support, [...clause.joint.filter((u) => u !== first), ...clause.support]);
    return;
  }
  addAll(into.joint, clause.joint);
  addAll(into.support, clause.support);
}

function readLabelled(label: string, value: string, into: Responsibility): void {
  // 牵头单位：区市场监管局（食品生产流通监管科牵头负责，综合执法大队配合）: the bracket names who in it leads
  const inner = /^(.*?)（(.*)）$/.exec(value.trim());
  if (inner && CLAUSE_WORDS.test(inner[2]!)) {
    const refined = emptyResponsibility();
    readClause(inner[2]!, refined);
    if (refined.lead.length > 0 || refined.joint.length > 0) {
      addAll(into.lead, refined.lead.length > 0 ? refined.lead : refined.joint);
      addAll(into.support, refined.support);
      const outer = splitUnits(inner[1]!);
      into.checks.push(`牵头单位“${outer.join('、')}”括号内写明由${[...refined.lead, ...refined.joint].join('、')}牵头，取括号内单位为牵头`);
      return;
    }
  }
  const units = splitUnits(value);
  if (/牵头|主办/.test(label)) addAll(into.lead, units);
  else if (/责任/.test(label)) addAll(into.joint, units);
  else addAll(into.support, units);
}

/** The text cut at any of `separators` outside full-width brackets (（…）): a bracket keeps its commas. */
function splitTopLevel(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const c of text) {
    if (c === '（') depth += 1;
    if (c === '）' && depth > 0) depth -= 1;
    if (depth === 0 && separators.includes(c)) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

/**
 * Responsibility clauses in a task's text: bracket groups （…牵头…）, ［X负责］, and lines that start
 * with 牵头单位：/责任单位：/配合单位：. Returns the text without them (for targets and titles).
 */
export function findResponsibility(text: string, into: Responsibility): string {
  let rest = text;
  // labelled lines first: they may hold brackets of their own
  rest = rest.replace(/(?:^|(?<=[。\n]))((?:牵头单位|主办单位|责任单位|配合单位|参与单位|协办单位|牵头部门|责任部门|配合部门)[：:][^。\n]*)/g, (_m, clause: string) => {
    readClause(clause, into);
    return '';
  });
  rest = replaceGroups(rest, '［', '］', into);
  rest = replaceGroups(rest, '【', '】', into);
  rest = replaceGroups(rest, '（', '）', into);
  return rest;
}

function replaceGroups(text: string, open: string, close: string, into: Responsibility): string {
  let out = '';
  let index = 0;
  while (index < text.length) {
    const start = text.indexOf(open, index);
    if (start < 0) break;
    // the matching close, counting nested brackets of the same kind
    let depth = 0;
    let end = -1;
    for (let i = start; i < text.length; i += 1) {
      if (text[i] === open) depth += 1;
      else if (text[i] === close) {
        depth -= 1;
        if (depth === 0) {
          end = i;
          break;
        }
      }
    }
    if (end < 0) break;
    const inside = text.slice(start + 1, end);
    const worded = CLAUSE_WORDS.test(inside) && /(?:牵头|负责|配合|参与|协助|协办)$|责任单位|牵头单位/.test(inside.replace(/（[^（）]*）$/, ''));
    // （区市场监管局） after a sentence: a bare list of units, every piece of it a unit's name
    const bare = !worded && /(?:^|[。；\n])$/.test(text.slice(0, start)) && inside.split(/[、，]/).every((piece) => splitUnits(piece).length === 1);
    const isClause = (worded || bare) && inside.length <= 300 && !/[。]/.test(inside);
    out += text.slice(index, start);
    if (isClause) readClause(inside, into);
    else out += text.slice(start, end + 1);
    index = end + 1;
  }
  return out + text.slice(index);
}

/** The task's final lead and support lists by the rule above. */
export function settleResponsibility(found: Responsibility): { lead: string[]; support: string[]; checks: string[] } {
  const lead = found.lead.length > 0 ? [...found.lead] : found.joint.slice(0, 1);
  const support: string[] = [];
  addAll(support, [...(found.lead.length > 0 ? found.joint : []), ...found.support].filter((u) => !lead.includes(u)));
  const checks = [...found.checks];
  if (found.lead.length === 0 && found.joint.length > 1) checks.push(`原文未写牵头单位，取第一个单位“${found.joint[0]}”为牵头`);
  return { lead, support, checks };
}
