// Targets in the plan's own words (contract v2): 不少于1900批次, 98%以上, 全覆盖, 4批次/千人,
// 万分之三, 4/10万以下, 控制在5起以内, 未发生…. Each wording reads as exactly one canonical form.
//
// The reading is a small grammar, not a phrase list: [每 DENOMINATOR] [OP-WORD] NUMBER [%] [UNIT]
// [/ DENOMINATOR] [OP-SUFFIX] [(不含 …)], with the comparison words matched longest first, so
// that 不少于 is never read as 少于 and 不低于 never as 低于.
import { NUMBER_SOURCE, decimalText, dropThousandsSeparators, parseNumberToken } from './chinese-number.js';
import { type Rational, fromDecimalString } from './rational.js';

type WordingOp = '>=' | '>' | '<=' | '<';

interface TargetReading {
  op: WordingOp;
  value: Rational;
  kind: 'count' | 'percent' | 'per_capita';
  per?: Rational;
  /** the unit the wording names (批次, 家, 个工作日), if any */
  unit?: string;
  /** the canonical form: ">= 1900", ">= 98%", "<= 4 per 100000" */
  canonical: string;
}

/** Comparison words before the number, longest first (so 不少于 wins over 少于). */
const PREFIX_OPS: ReadonlyArray<readonly [string, WordingOp]> = (
  [
    ['大于或等于', '>='],
    ['大于等于', '>='],
    ['不得少于', '>='],
    ['不得低于', '>='],
    ['不少于', '>='],
    ['不低于', '>='],
    ['不小于', '>='],
    ['至少达到', '>='],
    ['至少', '>='],
    ['确保达到', '>='],
    ['达到', '>='],
    ['达', '>='],
    ['>=', '>='],
    ['≥', '>='],
    ['小于或等于', '<='],
    ['小于等于', '<='],
    ['不得超过', '<='],
    ['不得高于', '<='],
    ['不超过', '<='],
    ['不多于', '<='],
    ['不高于', '<='],
    ['不大于', '<='],
    ['控制在', '<='],
    ['最多', '<='],
    ['至多', '<='],
    ['<=', '<='],
    ['≤', '<='],
    ['超过', '>'],
    ['多于', '>'],
    ['高于', '>'],
    ['大于', '>'],
    ['>', '>'],
    ['少于', '<'],
    ['低于', '<'],
    ['小于', '<'],
    ['<', '<'],
  ] as const
)
  .slice()
  .sort((a, b) => b[0].length - a[0].length);

/** Comparison words after the number. */
const SUFFIX_OPS: ReadonlyArray<readonly [string, WordingOp]> = [
  ['及以上', '>='],
  ['或以上', '>='],
  ['以上', '>='],
  ['及以下', '<='],
  ['或以下', '<='],
  ['以下', '<='],
  ['以内', '<='],
  ['之内', '<='],
];

const EVERY_FORMS = /^(?:实现|达到|确保)?(?:全覆盖|全面覆盖|全部覆盖|100%覆盖|全部)$/;
const NONE_FORMS = /^(?:确保)?(?:全年)?(?:未发生|不发生|零发生)(?:[\p{Script=Han}A-Za-z、()]{0,30})$|^零$/u;
/** 千人, 万人, 10万人, 十万人, 1000人, 千, 10万: people per the rate */
const DENOMINATOR = new RegExp(`^(${NUMBER_SOURCE}|[千万])(?:人口?)?年?$`);
const FRACTION_WORDS: Record<string, string> = { 百分之: '100', 千分之: '1000', 万分之: '10000' };

/** A unit of measure as documents write one: 批次, 家, 起, 个工作日, 人次, 万元. */
const UNIT = /^[\p{Script=Han}A-Za-z]{1,6}$/u;
/** Words that show the rest is a sentence, not a unit. */
const NOT_A_UNIT = /[，。；的和及或在为是于以上下内对将把约]|以上|以下|以内|左右|上下/;

function canonicalText(op: WordingOp, value: Rational, kind: TargetReading['kind'], per?: Rational): string {
  const number = decimalText(value) ?? String(value.n);
  if (kind === 'percent') return `${op} ${number}%`;
  if (kind === 'per_capita' && per) return `${op} ${number} per ${decimalText(per) ?? String(per.n)}`;
  return `${op} ${number}`;
}

/** Fold what typing and PDF extraction vary: width, spaces, thousands separators, end punctuation. */
function foldWording(text: string): string {
  return dropThousandsSeparators(text.normalize('NFKC').replace(/\s+/g, ''))
    .replace(/[。;；,，、!！]+$/u, '')
    .replace(/．/g, '.');
}

/** The one canonical reading of a wording, or undefined. */
export function readTargetWording(input: string): TargetReading | undefined {
  const text = foldWording(input);
  if (text === '' || /[。;；!！?？]/.test(text)) return undefined; // two sentences: 以上 after a full stop is not a comparison
  if (EVERY_FORMS.test(text)) return reading('>=', fromDecimalString('100'), 'percent');
  if (NONE_FORMS.test(text)) return reading('<=', fromDecimalString('0'), 'count');
  return readComparison(text);
}

function reading(op: WordingOp, value: Rational, kind: TargetReading['kind'], per?: Rational, unit?: string): TargetReading {
  return { op, value, kind, ...(per ? { per } : {}), ...(unit ? { unit } : {}), canonical: canonicalText(op, value, kind, per) };
}

function takePrefixOp(text: string): [WordingOp | undefined, string] {
  for (const [word, op] of PREFIX_OPS) if (text.startsWith(word)) return [op, text.slice(word.length)];
  return [undefined, text];
}

function takeSuffixOp(text: string): [WordingOp | undefined, string] {
  for (const [word, op] of SUFFIX_OPS) if (text.endsWith(word)) return [op, text.slice(0, -word.length)];
  return [undefined, text];
}

function readDenominator(text: string): Rational | undefined {
  if (!DENOMINATOR.test(text)) return undefined;
  const token = text.replace(/年$/, '').replace(/人口?$/, '');
  const value = token === '千' ? fromDecimalString('1000') : token === '万' ? fromDecimalString('10000') : parseNumberToken(token);
  return value && value.n > 0n && value.d === 1n ? value : undefined;
}

function readComparison(whole: string): TargetReading | undefined {
  let rest = whole;
  // 5家以上（不含5家）: the bound itself excluded
  let exclusive: boolean | undefined;
  const note = new RegExp(`\\((不)?含本?(?:数|${NUMBER_SOURCE}[^()]*)?\\)$`).exec(rest);
  if (note) {
    exclusive = Boolean(note[1]);
    rest = rest.slice(0, note.index);
  }
  // 每千人4批次, 每10万人不超过4人
  let per: Rational | undefined;
  const every = new RegExp(`^每(${NUMBER_SOURCE}?[千万]?人)`).exec(rest);
  if (every) {
    per = readDenominator(every[1]!);
    if (!per) return undefined;
    rest = rest.slice(every[0].length);
  }
  const [prefixOp, afterPrefix] = takePrefixOp(rest);
  rest = afterPrefix;
  let op = prefixOp;
  // 百分之九十八, 万分之三
  let kind: TargetReading['kind'] = 'count';
  let value: Rational | undefined;
  const fraction = /^(百分之|千分之|万分之)/.exec(rest);
  if (fraction) {
    rest = rest.slice(fraction[0].length);
    const number = new RegExp(`^${NUMBER_SOURCE}`).exec(rest);
    if (!number) return undefined;
    value = parseNumberToken(number[0]);
    rest = rest.slice(number[0].length);
    if (fraction[1] === '百分之') kind = 'percent';
    else {
      if (per) return undefined;
      kind = 'per_capita';
      per = fromDecimalString(FRACTION_WORDS[fraction[1]!]!);
    }
  } else {
    const number = new RegExp(`^${NUMBER_SOURCE}`).exec(rest);
    if (!number) return undefined;
    value = parseNumberToken(number[0]);
    rest = rest.slice(number[0].length);
    if (rest.startsWith('%') || rest.startsWith('‰')) {
      if (rest.startsWith('‰')) {
        if (per) return undefined;
        kind = 'per_capita';
        per = fromDecimalString('1000');
      } else kind = 'percent';
      rest = rest.slice(1);
    }
  }
  if (!value) return undefined;
  const [suffixOp, beforeSuffix] = takeSuffixOp(rest);
  rest = beforeSuffix;
  if (op && suffixOp && !compatible(op, suffixOp)) return undefined;
  op = prefixOp === '<=' && suffixOp ? suffixOp : (op ?? suffixOp ?? '>=');
  if (exclusive !== undefined) {
    if (!suffixOp) return undefined;
    if (exclusive) op = op === '>=' ? '>' : op === '<=' ? '<' : op;
  }
  // UNIT [/ DENOMINATOR]
  let unit: string | undefined;
  const english = /^per(?=\d)/.test(rest); // 4 per 1000 without a comparison: no unit named
  if (english) rest = rest.replace(/^per/, '/');
  const slash = rest.indexOf('/');
  if (slash >= 0) {
    if (per || kind !== 'count') return undefined;
    per = readDenominator(rest.slice(slash + 1));
    if (!per) return undefined;
    kind = 'per_capita';
    unit = rest.slice(0, slash) || (english ? undefined : '人');
  } else {
    if (per && kind === 'count') kind = 'per_capita';
    unit = rest || undefined;
  }
  if (unit !== undefined && (!UNIT.test(unit) || NOT_A_UNIT.test(unit))) return undefined;
  // 个小时, 个工作日, 个月: 个 is the measure word of the unit, not the unit
  if (unit !== undefined && /^个(?:小时|工作日|月)$/.test(unit)) unit = unit.slice(1);
  if (unit !== undefined && kind === 'percent') return undefined;
  return reading(op, value, kind, per, unit);
}

function compatible(prefix: WordingOp, suffix: WordingOp): boolean {
  const upward = (op: WordingOp): boolean => op === '>=' || op === '>';
  return upward(prefix) === upward(suffix);
}

/**
 * The closest reading of a wording that has none: its first number, the comparison word nearest
 * before it, a percent sign if one follows. For the error's "did you mean".
 */
export function suggestTargetReading(input: string): string | undefined {
  const text = foldWording(input);
  const number = new RegExp(NUMBER_SOURCE).exec(text.replace(/[。;；!！?？].*$/u, ''));
  if (!number) return /覆盖|全部/.test(text) ? '>= 100%' : /未|不发生|零/.test(text) ? '<= 0' : undefined;
  const value = parseNumberToken(number[0]);
  if (!value) return undefined;
  const before = text.slice(0, number.index);
  // the comparison word that ends nearest the number; of two ending there, the longer (不超过, not 超过)
  let op: WordingOp = '>=';
  let bestEnd = -1;
  for (const [word, wordOp] of PREFIX_OPS) {
    const at = before.lastIndexOf(word);
    if (at >= 0 && at + word.length > bestEnd) {
      bestEnd = at + word.length;
      op = wordOp;
    }
  }
  const after = text.slice(number.index + number[0].length);
  const suffix = SUFFIX_OPS.find(([word]) => after.includes(word));
  if (suffix && compatible(op, suffix[1])) op = op === '>=' || op === '<=' ? suffix[1] : op;
  else if (suffix && op === '>=') op = suffix[1];
  return canonicalText(op, value, after.startsWith('%') ? 'percent' : 'count');
}
