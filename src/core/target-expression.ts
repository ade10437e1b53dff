// Target expressions: ">= 1900", "> 0", "<= 0", ">= 100%", ">= 3.5 per 1000", or the structured
// form {op, value, per?, percent?}. The grammar is ours, so it is parsed here.
import { type Rational, fromDecimalString, fromNumber } from './rational.js';
import { readTargetWording } from './target-wording.js';

export type Comparison = '>=' | '>' | '<=' | '<';
type TargetKind = 'count' | 'percent' | 'per_capita';

export interface TargetExpression {
  op: Comparison;
  value: Rational;
  kind: TargetKind;
  /** people per `value` for per-capita targets (3.5 per 1000 → 1000) */
  per?: Rational;
  /** the expression as it reads, normalised: ">= 3.5 per 1000" (the canonical form) */
  text: string;
  /** v2: the plan's own words when the target was written so ("不少于1900批次") */
  written?: string;
  /** v2: the unit the wording names ("批次"), which fills the target's `unit` */
  unit?: string;
}

const EXPRESSION = /^\s*(>=|>|<=|<|≥|≤)\s*(\d+(?:\.\d+)?)\s*(?:(%)|per\s+(\d+(?:\.\d+)?))?\s*$/;

export const acceptedTargetForms = ['>= 1900', '> 0', '<= 0', '< 5', '>= 100%', '<= 5%', '>= 3.5 per 1000'] as const;

export function parseTargetExpression(input: unknown): TargetExpression | undefined {
  if (typeof input === 'string') return parseTargetString(input.normalize('NFKC')) ?? parseTargetWording(input);
  if (input && typeof input === 'object') return parseStructuredTarget(input as Record<string, unknown>);
  return undefined;
}

function parseTargetString(text: string): TargetExpression | undefined {
  const match = EXPRESSION.exec(text);
  if (!match) return undefined;
  const op = normaliseOp(match[1]!);
  const value = fromDecimalString(match[2]!);
  if (match[3]) return { op, value, kind: 'percent', text: `${op} ${match[2]}%` };
  if (match[4]) {
    const per = fromDecimalString(match[4]);
    if (per.n === 0n) return undefined;
    return { op, value, kind: 'per_capita', per, text: `${op} ${match[2]} per ${match[4]}` };
  }
  return { op, value, kind: 'count', text: `${op} ${match[2]}` };
}

/** v2: the document's own wording (不少于1900批次, 98%以上, 4/10万以下), read to one canonical form. */
function parseTargetWording(text: string): TargetExpression | undefined {
  const reading = readTargetWording(text);
  if (!reading) return undefined;
  if (reading.kind === 'per_capita' && reading.per && reading.per.n === 0n) return undefined;
  return {
    op: reading.op,
    value: reading.value,
    kind: reading.kind,
    ...(reading.per ? { per: reading.per } : {}),
    text: reading.canonical,
    written: text.trim(),
    ...(reading.unit ? { unit: reading.unit } : {}),
  };
}

function parseStructuredTarget(input: Record<string, unknown>): TargetExpression | undefined {
  const { op, value, per, percent } = input;
  if (typeof op !== 'string' || typeof value !== 'number' || !Number.isFinite(value) || value < 0) return undefined;
  if (!['>=', '>', '<=', '<'].includes(op)) return undefined;
  const comparison = op as Comparison;
  if (per !== undefined) {
    if (typeof per !== 'number' || !(per > 0) || percent === true) return undefined;
    return { op: comparison, value: fromNumber(value), kind: 'per_capita', per: fromNumber(per), text: `${op} ${value} per ${per}` };
  }
  if (percent === true) return { op: comparison, value: fromNumber(value), kind: 'percent', text: `${op} ${value}%` };
  return { op: comparison, value: fromNumber(value), kind: 'count', text: `${op} ${value}` };
}

function normaliseOp(op: string): Comparison {
  if (op === '≥') return '>=';
  if (op === '≤') return '<=';
  return op as Comparison;
}
