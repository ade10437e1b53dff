// Who leads and who supports, by the responsibility rule (docs/format.md): every unit the text names
// as 牵头, or as 负责 for any part of the task where that part names no 牵头, is a lead (X、Y按职责分工负责
// makes all of them leads); 配合/参与/协助 are support, and so are units that share a 负责 beside a 牵头
// in the same part (X牵头，Y、Z按职责分工负责). Pure.

interface Responsibility {
  lead: string[];
  support: string[];
  /** units responsible jointly (X、Y负责, 按职责分工负责) */
  joint: string[];
  /** what the draft guessed, for # 核对 comments */
  checks: string[];
}

const CLAUSE_WORDS = /牵头|负责|配合|参与|协助|协办|责任单位|主办/;
const LABELS = '牵头单位|主办单位|责任单位|配合单位|参与单位|协办单位|协助单位|责任部门|牵头部门|配合部门';
const ROLE_WORDS = '牵头负责|牵头|配合|参与|协助|协办|负责';
const UNIT_END =
  /(?:局|委|办|院|部|府|会|队|所|科|中心|组|处|站|社|协|室|馆|关|门|单位|街道|镇|乡|街|区|县|市|司|厅|行|台|团|联|校|公司|机构|部门|分局|支队|大队|办事处|政府|管委会|委员会)(?:（[^（）]{1,12}）)?$/;

export function emptyResponsibility(): Responsibility {
  return { lead: [], support: [], joint: [], checks: [] };
}

/** A list of units as written: 区市场监管局、区卫健局，各街道 (and 等 at the end dropped). */
export function splitUnits(text: string): string[] {
  return splitTopLevel(text, '、，,；')
    .flatMap(splitJoined)
    .map(cleanUnit)
    .filter((u): u is string => u !== undefined);
}

/**
 * 区食药安委相关成员单位及有关部门: two units joined by 及/和/以及/与, when every part is a unit's name on
 * its own (区工业和信息化局 stays one: 区工业 is no name).
 */
function splitJoined(piece: string): string[] {
  const parts = splitTopLevel(piece.replace(/以及|及|和|与/g, '\u0000'), '\u0000');
  return parts.length > 1 && parts.every((part) => cleanUnit(part) !== undefined) ? parts : [piece];
}

function cleanUnit(raw: string): string | undefined {
  const unit = raw
    .trim()
    // 二是各乡镇: an enumeration's 一是/二是 is no part of the name
    .replace(/^[一二三四五六七八九十]+是/, '')
    .replace(/^(?:由|请|和|及|以及|其他|并由)/, '')
    .replace(/(?:等(?:部门|单位)?|根据职责|按职责|分别|共同)$/, '')
    .replace(/^[：:]/, '')
    .trim();
  if ([...unit].length < 2 || [...unit].length > 30) return undefined;
  // people, not a body: 包保干部, 单位负责人, 监管人员; and a verb phrase is no name (督促…, 组织…)
  if (/(?:干部|负责人|人员|群众|职工)$/.test(unit) || /^(?:督促|组织|推动|推进|加强|开展|指导|落实|建立|健全|完善)/.test(unit))
    return undefined;
  if (/[。；！？“”《》]|\d{3,}年/.test(unit)) return undefined;
  // a unit's name ends as one does (…局, …办, …街道); a short group may not (各地, 各乡镇); a role word is no name
  if ((!UNIT_END.test(unit) && !/^各\p{Script=Han}{1,5}$/u.test(unit)) || new RegExp(ROLE_WORDS).test(unit)) return undefined;
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
  // the labelled parts of one bracket (牵头单位：X；责任单位：Y) are one part of the task's responsibility
  const labelledParts = emptyResponsibility();
  // 牵头单位：A，配合单位：B — a comma before a label ends a part as a semicolon does
  const parts = text.replace(new RegExp(`[，,](?=(?:${LABELS})[：:])`, 'g'), '；').split('；');
  for (const part of parts) {
    const labelled = new RegExp(`^(${LABELS})[：:]?(.*)$`).exec(part.trim());
    if (labelled) {
      readLabelled(labelled[1]!, labelled[2]!, labelledParts);
      continue;
    }
    let pending: string[] = [];
    const clause = emptyResponsibility();
    // a role word ends its group of units whatever follows it: 区工信局牵头、区财政局配合
    for (const piece of splitTopLevel(part.replace(new RegExp(`(${ROLE_WORDS})、`, 'g'), '$1，'), '，')) {
      const role = roleOf(piece);
      if (!role) {
        pending = [...pending, ...splitUnits(piece)];
        continue;
      }
      const units = [...pending, ...role.units];
      pending = [];
      const verb = role.verb;
      if (verb.startsWith('牵头')) addAll(clause.lead, units);
      else if (verb === '负责') addAll(clause.joint, units);
      else addAll(clause.support, units);
    }
    // a bare list of units, （区市场监管局） or （区公安分局、区商务局）, is who is responsible
    addAll(clause.lead.length === 0 && clause.joint.length === 0 && clause.support.length === 0 ? clause.joint : clause.support, pending);
    mergeClause(clause, into);
  }
  mergeClause(labelledParts, into);
}

// a role word, not the start of a noun (负责人, 负责同志, 牵头人)
const ROLE = new RegExp(`^(.*?)(?:根据职责|按职责分工|按照职责分工|按职责|分别|共同)?(${ROLE_WORDS})(?![人者制同])(.*)$`);

/** Every piece of a list a unit's name: 区法院、区公安分局. */
function allUnits(text: string): boolean {
  const pieces = splitTopLevel(text, '、，,');
  return pieces.length > 0 && pieces.every((piece) => cleanUnit(piece) !== undefined);
}

/**
 * Units and the role the text gives them: 区商务局牵头; 区市场监管局、区卫健局按职责分工负责; and, with
 * what the role is for after it, 区司法局负责普法宣传 (then every word before the role is a unit's name).
 */
function roleOf(piece: string): { units: string[]; verb: string } | undefined {
  const role = ROLE.exec(piece.trim());
  if (!role) return undefined;
  if (role[3] !== '' && !allUnits(role[1]!)) return undefined;
  return { units: splitUnits(role[1]!), verb: role[2]! };
}

/**
 * One part of a task's responsibility into the task's: its 牵头 units lead and the units it names as
 * sharing the work beside them support; a part that names no 牵头 makes every unit it names as
 * responsible a lead, groups too (［区食药安办、各街道负责］, ［成员单位按职责分工负责］).
 */
function mergeClause(clause: Responsibility, into: Responsibility): void {
  if (clause.lead.length > 0) {
    addAll(into.lead, clause.lead);
    addAll(into.support, [...clause.joint, ...clause.support]);
    return;
  }
  addAll(into.lead, clause.joint);
  addAll(into.support, clause.support);
}

function readLabelled(label: string, value: string, into: Responsibility): void {
  // 牵头单位：区市场监管局（食品生产流通监管科牵头负责，综合执法大队配合）: the unit leads, and so does the
  // part of it that the bracket names as 牵头; the bracket's 配合 units support
  const inner = /^(.*?)（(.*)）$/.exec(value.trim());
  const named = inner && CLAUSE_WORDS.test(inner[2]!) ? inner[1]! : value;
  if (named !== value) readClause(inner![2]!, into);
  const units = splitUnits(named);
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
  rest = rest.replace(
    /(?:^|(?<=[。\n]))((?:牵头单位|主办单位|责任单位|配合单位|参与单位|协办单位|牵头部门|责任部门|配合部门)[：:][^。\n]*)/g,
    (_m, clause: string) => {
      readClause(clause, into);
      return '';
    },
  );
  // a bracket opened with one kind and closed with another, a typing slip (［区食药安办牵头，成员单位负责）),
  // is closed with its own kind when nothing but units and role words stand between
  rest = rest.replace(
    /([［【〔（])([^［］【】〔〕（）。\n]{2,300}?(?:牵头|负责|配合|参与|协助|协办))([］】〕）])/g,
    (whole, open: string, inside: string, close: string) => {
      const closing: Record<string, string> = { '［': '］', '【': '】', '〔': '〕', '（': '）' };
      return closing[open] === close ? whole : `${open}${inside}${closing[open]!}`;
    },
  );
  rest = replaceGroups(rest, '［', '］', into);
  rest = replaceGroups(rest, '〔', '〕', into);
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
    const pieces = splitTopLevel(inside, '，；');
    const worded =
      (CLAUSE_WORDS.test(inside) && /(?:牵头|负责|配合|参与|协助|协办)$|责任单位|牵头单位/.test(inside.replace(/（[^（）]*）$/, ''))) ||
      // nothing but who does what: 区检察院牵头，区法院配合；区司法局负责普法宣传
      (pieces.some((piece) => roleOf(piece) !== undefined) && pieces.every((piece) => roleOf(piece) !== undefined || allUnits(piece)));
    // （区市场监管局） after a sentence: a bare list of units, every piece of it a unit's name
    const bare =
      !worded && /(?:^|[。；\n])$/.test(text.slice(0, start)) && inside.split(/[、，]/).every((piece) => splitUnits(piece).length === 1);
    const isClause = (worded || bare) && inside.length <= 300 && !/[。]/.test(inside);
    out += text.slice(index, start);
    if (isClause) readClause(inside, into);
    else out += text.slice(start, end + 1);
    index = end + 1;
  }
  return out + text.slice(index);
}

/**
 * The task's final lead and support lists by the rule above. Units named after a label 责任单位：/责任部门：
 * are leads where the task names no 牵头 (（责任部门：A、B）), and support beside one
 * (（牵头单位：X；责任单位：Y、Z）: Y and Z as in “X牵头，Y、Z按职责分工负责”).
 */
export function settleResponsibility(found: Responsibility): { lead: string[]; support: string[]; checks: string[] } {
  const lead = found.lead.length > 0 ? [...found.lead] : [...found.joint];
  const support: string[] = [];
  addAll(
    support,
    [...(found.lead.length > 0 ? found.joint : []), ...found.support].filter((u) => !lead.includes(u)),
  );
  return { lead, support, checks: [...found.checks] };
}

/** 区食药安委成员单位及有关部门 read as two units: a guess the reader confirms (# 核对). */
export function unitSplits(text: string, units: readonly string[]): string[] {
  const checks: string[] = [];
  for (const [i, first] of units.entries())
    for (const second of units.slice(i + 1)) {
      const joined = new RegExp(`${escapeRegExp(first)}(以及|及|和|与)${escapeRegExp(second)}`).exec(text);
      if (joined) checks.push(`“${joined[0]}”拆为两个单位：${first}、${second}`);
    }
  return checks;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
