// The fast path of parseYaml: js-yaml with the YAML 1.2 core schema rebuilt from the same rules the
// `yaml` package applies, for files that use nothing but the plain core of the format. It answers
// "here is the data" or "not sure" (undefined); "not sure" sends the file to the full parse, which
// is the reference for every diagnostic and its line:col. So the fast path never has to explain a
// problem, only to be certain there is none that the full parse would find in the YAML itself.
//
// It declines: directives, document markers, anchors, aliases, tags, explicit or collection keys
// (by a scan of the text, which may decline more than needed but never less), any js-yaml error,
// keys that are null, empty or not NFC, and data deeper or larger than the limits.
import jsYaml from 'js-yaml';
import { newMapping } from './plain-data.js';

/** How deep and how big a YAML document may be before it is refused (billion laughs, 3,000-deep nesting). */
export interface YamlLimits {
  maxDepth: number;
  maxNodes: number;
}

export const defaultYamlLimits: YamlLimits = { maxDepth: 64, maxNodes: 2_000_000 };

const { FAILSAFE_SCHEMA, Type, load } = jsYaml;

interface Rule {
  test: RegExp;
  construct: (text: string) => unknown;
}

// one js-yaml type per tag (js-yaml keeps only the last type of a tag), trying the rules in order;
// js-yaml asks every type about every plain scalar, so a scalar whose first character no rule of
// the type can start with (most titles and ids) is turned away before any pattern runs
function coreType(tag: string, mayStartWith: (first: number) => boolean, rules: Rule[]) {
  const ruleFor = (text: string | null): Rule | undefined =>
    text === null || (text !== '' && !mayStartWith(text.charCodeAt(0))) ? undefined : rules.find((rule) => rule.test.test(text));
  return new Type(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    resolve: (text: string | null) => ruleFor(text) !== undefined,
    construct: (text: string) => ruleFor(text)!.construct(text),
  });
}

// The core schema's implicit types, with the `yaml` package's patterns, order and conversions.
const coreSchema = FAILSAFE_SCHEMA.extend({
  implicit: [
    coreType('null', (c) => c === 0x7e || c === 0x6e || c === 0x4e, [{ test: /^(?:~|[Nn]ull|NULL)?$/, construct: () => null }]),
    coreType('bool', (c) => c === 0x74 || c === 0x54 || c === 0x66 || c === 0x46, [
      { test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, construct: (text) => text[0] === 't' || text[0] === 'T' },
    ]),
    coreType('int', (c) => c === 0x2b || c === 0x2d || (c >= 0x30 && c <= 0x39), [
      { test: /^0o[0-7]+$/, construct: (text) => parseInt(text.substring(2), 8) },
      { test: /^[-+]?[0-9]+$/, construct: (text) => parseInt(text, 10) },
      { test: /^0x[0-9a-fA-F]+$/, construct: (text) => parseInt(text.substring(2), 16) },
    ]),
    coreType('float', (c) => c === 0x2b || c === 0x2d || c === 0x2e || (c >= 0x30 && c <= 0x39), [
      {
        test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
        construct: (text) =>
          text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      },
      { test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, construct: (text) => parseFloat(text) },
      { test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, construct: (text) => parseFloat(text) },
    ]),
  ],
});

// Anything the fast path does not handle the way the full parse does:
// directives, document markers and ideographic-space indentation at a line start, anchors (&),
// aliases (*) and tags (!) where a node can start (a line start, a space, a bracket or comma: a
// glob like examples/**/*.yaml is plain text), a BOM inside the text, a carriage return not followed by a line feed (js-yaml reads it as a line
// break, yaml does not), explicit keys (`? `), flow collections used as keys (`]:` or `}:`), and a
// `#` straight after a bracket, quote or comma (a comment for js-yaml, an error for yaml).
const declined = /^(?:%|---|\.\.\.|[ \t]*\u3000)|(?:^|[\s[{,])[&*!]|\uFEFF|\r(?!\n)|(?:^|[\s[{,])\?(?:\s|$)|[\]}][ \t]*:|[\]}"',]#/m;

/**
 * True when every quoted string ends on the line it starts on, and every line that continues a flow
 * collection is indented past the column where the collection opened. Other continuations are read
 * differently by the two parsers (yaml asks for more indentation than js-yaml), so such files take
 * the full parse. Errs towards "no": a quote inside plain text or a bracket in a block scalar only
 * costs speed.
 */
function simpleContinuations(text: string): boolean {
  let depth = 0;
  let quote = 0; // 0, or the char code of the open quote
  let previous = 10;
  let lineStart = 0;
  let flowColumn = 0; // where the outermost open flow collection began
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      if (quote !== 0) return false;
      lineStart = i + 1;
      if (depth !== 0) {
        let indent = lineStart;
        while (text.charCodeAt(indent) === 32) indent += 1;
        const next = text.charCodeAt(indent);
        if (indent - lineStart <= flowColumn || Number.isNaN(next) || next === 10 || next === 13 || next === 35 || next === 9) return false;
      }
    } else if (quote !== 0) {
      if (c === quote) quote = 0;
      else if (c === 92 && quote === 34) i += 1; // a backslash escapes the next char in "…"
    } else if (c === 34 || c === 39) {
      quote = c;
    } else if (c === 35 && (previous === 32 || previous === 9 || previous === 10)) {
      if (depth !== 0) return false;
      const end = text.indexOf('\n', i);
      if (end < 0) break;
      i = end - 1; // the newline itself is read next
    } else if (c === 123 || c === 91) {
      if (depth === 0) flowColumn = i - lineStart;
      depth += 1;
    } else if (c === 125 || c === 93) {
      depth -= 1;
      if (depth < 0) return false;
    }
    previous = c;
  }
  return quote === 0 && depth === 0;
}

class Decline extends Error {}

const isAscii = /^[\x20-\x7e]*$/;

/** Copy into mappings that inherit nothing (plain-data.ts), as the full parse does, checking keys, depth and size. */
function toPlain(value: unknown, depth: number, limits: YamlLimits, budget: { nodes: number }): unknown {
  budget.nodes += 1;
  if (budget.nodes > limits.maxNodes || depth > limits.maxDepth) throw new Decline();
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => toPlain(item, depth + 1, limits, budget));
  const out = newMapping();
  for (const key of Object.keys(value)) {
    // a null key reads back as "null", a collection key as "a,b" or "[object Object]"
    if (key === '' || key === 'null' || /[,[\]{}]/.test(key)) throw new Decline();
    if (!isAscii.test(key) && key.normalize('NFC') !== key) throw new Decline();
    out[key] = toPlain((value as Record<string, unknown>)[key], depth + 1, limits, budget);
  }
  return out;
}

/** The file's data when it is certainly well-formed plain core YAML, else undefined. */
export function parseYamlFast(text: string, limits: YamlLimits): unknown {
  if (declined.test(text) || !simpleContinuations(text)) return undefined;
  try {
    const data = load(text, { schema: coreSchema, json: false });
    // empty, comment-only and scalar files are for the full parse to describe
    if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
    return toPlain(data, 1, limits, { nodes: 0 });
  } catch {
    // a js-yaml error (or a stack overflow on absurd nesting): the full parse will explain it
    return undefined;
  }
}
