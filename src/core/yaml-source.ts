// Parse one YAML text into plain data plus a locator from JSON paths to line:col.
// The format is YAML 1.2 core schema; anchors/aliases, explicit tags and multiple documents are
// not part of it. Duplicate keys are found here in one linear pass (yaml's own check is quadratic).
import {
  CST,
  type Document,
  Lexer,
  LineCounter,
  type Node as YamlNode,
  type Pair,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
} from 'yaml';
import { type Diagnostic, type JsonPath, type Position, makeDiagnostic } from './diagnostics.js';
import type { SourcePlace } from './model.js';
import { type YamlLimits, defaultYamlLimits, parseYamlFast } from './yaml-fast.js';
import { newMapping } from './plain-data.js';

// the limits live with the fast path, which yaml-source builds on (no import back)
export { type YamlLimits, defaultYamlLimits };

export interface Locator {
  /** line:col of the node at `path`; of its key when `key` is set; else of the nearest existing parent */
  locate(path: JsonPath, options?: { key?: boolean }): Position;
  /** the node's text exactly as written (for "quote it" hints), when the node is a scalar */
  sourceText(path: JsonPath): string | undefined;
  /** `locate(path)` in `file`, as a place to keep in the model (it may be resolved only when read) */
  place(file: string, path: JsonPath): SourcePlace;
}

/** Parsed data kept between runs, by file content (src/io/parse-cache.ts); only clean parses are kept. */
export interface YamlCache {
  get(text: string): unknown;
  set(text: string, data: unknown): void;
}

interface ParsedYaml {
  data: unknown;
  locator: Locator;
  diagnostics: Diagnostic[];
}

const yamlOptions = {
  version: '1.2',
  schema: 'core',
  uniqueKeys: false,
  merge: false,
  prettyErrors: false,
  keepSourceTokens: false,
} as const;

/**
 * Parse one YAML file. Well-formed files that use nothing outside the plain core of the format
 * take a fast path (js-yaml, about five times faster, checked to give the same data); positions are
 * then worked out only if something asks for one, by the full parse below. Every other file, and
 * every file with a problem, goes through the full parse, which gives every diagnostic its line:col.
 * A cache, when given, answers for a text it has seen parse cleanly before.
 */
export function parseYaml(text: string, file: string, limits: YamlLimits = defaultYamlLimits, cache?: YamlCache): ParsedYaml {
  let data = cache?.get(text);
  if (data === undefined) {
    data = parseYamlFast(text, limits);
    if (data === undefined) {
      const full = parseYamlFull(text, file, limits);
      if (full.data !== undefined && full.diagnostics.length === 0) cache?.set(text, full.data);
      return full;
    }
    cache?.set(text, data);
  }
  return { data, locator: deferredLocator(text, file, limits), diagnostics: [] };
}

function lazyPosition(resolve: () => Position): Position {
  let position: Position | undefined;
  return {
    get line() {
      return (position ??= resolve()).line;
    },
    get column() {
      return (position ??= resolve()).column;
    },
  };
}

/**
 * A place whose line and column are worked out only when read, by the file's full parse (for
 * data from the fast path or from a cache): most places are never read. One small object per
 * task, target and phase, with the getters on the class. Read `line` and `column`; spreading or
 * serialising the object gives only its file.
 */
export class LazyPlace implements SourcePlace {
  readonly file: string;
  readonly #path: JsonPath;
  readonly #locate: (path: JsonPath) => Position;
  #position: Position | undefined;
  constructor(file: string, path: JsonPath, locate: (path: JsonPath) => Position) {
    this.file = file;
    this.#path = path;
    this.#locate = locate;
  }
  get line(): number {
    return (this.#position ??= this.#locate(this.#path)).line;
  }
  get column(): number {
    return (this.#position ??= this.#locate(this.#path)).column;
  }
  /** the JSON path it was made for */
  get path(): JsonPath {
    return this.#path;
  }
}

/** The JSON path of the places the full parse makes (lazy places carry theirs). */
const placePaths = new WeakMap<SourcePlace, JsonPath>();

/** The JSON path a place was made for, so a plan kept between runs can be given its places again. */
export function pathOfPlace(place: SourcePlace): JsonPath | undefined {
  return place instanceof LazyPlace ? place.path : placePaths.get(place);
}

/** A locator that parses `text` fully only when a position is read (for data that came from a cache). */
export function deferredLocator(text: string, file: string, limits: YamlLimits = defaultYamlLimits): Locator {
  let full: Locator | undefined;
  return lazyLocator(() => (full ??= parseYamlFull(text, file, limits).locator));
}

function lazyLocator(full: () => Locator): Locator {
  const locatePlace = (path: JsonPath): Position => full().locate(path);
  return {
    locate: (path, options) => lazyPosition(() => full().locate(path, options)),
    sourceText: (path) => full().sourceText(path),
    place: (file, path) => new LazyPlace(file, path, locatePlace),
  };
}

/** The reference parse: yaml's composer, with positions for everything. */
export function parseYamlFull(text: string, file: string, limits: YamlLimits = defaultYamlLimits): ParsedYaml {
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const positionOf = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    // columns count characters, as in CSV files and editors; yaml counts UTF-16 units (😀 is two)
    const before = text.slice(offset - (col - 1), offset);
    return { line, column: /[\uD800-\uDBFF]/.test(before) ? [...before].length + 1 : col };
  };
  const depth = measureDepth(text, limits.maxDepth);
  if (depth.depth > limits.maxDepth) {
    lineCounter.addNewLine(0);
    let offset = text.indexOf('\n');
    while (offset >= 0) {
      lineCounter.addNewLine(offset + 1);
      offset = text.indexOf('\n', offset + 1);
    }
    const at = positionOf(depth.offset);
    return {
      data: undefined,
      locator: makeLocator(undefined, positionOf),
      diagnostics: [makeDiagnostic('yaml-too-deep', file, at, { limit: limits.maxDepth })],
    };
  }
  const indented = ideographicIndents(text, file);
  if (indented.length > 0)
    return { data: undefined, locator: makeLocator(undefined, () => ({ line: 1, column: 1 })), diagnostics: indented };
  const docs = parseAllDocuments(text, { ...yamlOptions, lineCounter });
  const documents = Array.isArray(docs) ? docs : [];
  const first = documents[0] as Document.Parsed | undefined;
  const locator = makeLocator(first, positionOf);

  if (!first || first.contents === null || (isScalar(first.contents) && first.contents.value === null)) {
    diagnostics.push(makeDiagnostic('file-empty', file, { line: 1, column: 1 }));
    return { data: undefined, locator, diagnostics };
  }
  const syntaxPlaces = new Set<string>();
  let lines: string[] | undefined;
  for (const doc of documents) {
    for (const error of doc.errors) {
      const code = error.code === 'RESOURCE_EXHAUSTION' ? 'yaml-too-deep' : 'yaml-syntax';
      const yamlAt = positionOf(syntaxErrorOffset(text, error.code, error.message, error.pos[0]));
      // a full-width colon or a no-break space typed by an input method: say so, where it is
      const slip = code === 'yaml-syntax' ? typingSlipOn((lines ??= text.split('\n'))[yamlAt.line - 1] ?? '') : undefined;
      const at = slip ? { line: yamlAt.line, column: slip.column } : yamlAt;
      if (slip) {
        const place = `${at.line}:${at.column}`;
        if (!syntaxPlaces.has(place)) diagnostics.push(makeDiagnostic('yaml-syntax', file, at, { detail: slip.detail }));
        syntaxPlaces.add(place);
        continue;
      }
      // one message per place: yaml often explains a single slip twice
      const place = `${at.line}:${at.column}`;
      if (syntaxPlaces.has(place)) continue;
      syntaxPlaces.add(place);
      diagnostics.push(
        makeDiagnostic(code, file, at, { detail: cleanYamlMessage(error.message), yamlCode: error.code, limit: limits.maxDepth }),
      );
    }
  }
  for (const extra of documents.slice(1)) {
    diagnostics.push(makeDiagnostic('yaml-multiple-documents', file, positionOf(extra.range[0])));
  }
  const version = first.directives?.yaml;
  if (version?.explicit) {
    diagnostics.push(makeDiagnostic('yaml-directive', file, { line: 1, column: 1 }, { version: version.version }));
  }
  const structural = checkStructure(text, first.contents, file, positionOf, limits);
  diagnostics.push(...structural);
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  if (diagnostics.some((d) => d.severity === 'error')) return { data: undefined, locator, diagnostics };
  const data = toPlainData(first.contents);
  return { data, locator, diagnostics };
}

const MARKERS = new Set([CST.BOM, CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);

/**
 * Nesting depth measured on the lexer's tokens, before anything is composed: a 3,000-deep file
 * must be refused, not recursed into. Flow depth counts brackets; block depth counts the columns
 * at which keys and list items start, like an indentation stack.
 */
export function measureDepth(text: string, limit = Infinity): { depth: number; offset: number } {
  let flow = 0;
  let column = 0;
  let offset = 0;
  let deepest = { depth: 0, offset: 0 };
  const blockColumns: number[] = [];
  let expectContent = true;
  for (const token of new Lexer().lex(text)) {
    if (MARKERS.has(token)) {
      continue;
    }
    const type = CST.tokenType(token);
    if (type === 'newline') {
      column = 0;
      expectContent = true;
    } else if (type === 'flow-map-start' || type === 'flow-seq-start') {
      flow += 1;
    } else if (type === 'flow-map-end' || type === 'flow-seq-end') {
      flow = Math.max(flow - 1, 0);
    } else if (
      flow === 0 &&
      (type === 'seq-item-ind' || type === 'explicit-key-ind' || (expectContent && type !== 'space' && type !== 'comment'))
    ) {
      while (blockColumns.length > 0 && blockColumns[blockColumns.length - 1]! >= column) blockColumns.pop();
      blockColumns.push(column);
      expectContent = type === 'seq-item-ind' || type === 'explicit-key-ind';
    }
    const depth = flow + blockColumns.length;
    if (depth > deepest.depth && deepest.depth <= limit) deepest = { depth, offset };
    else if (depth > deepest.depth) deepest.depth = depth;
    if (type !== 'newline') column += token.length;
    offset += token.length;
  }
  return deepest;
}

/**
 * Slips of a Chinese input method on a line yaml could not read: a full-width colon where a key's
 * colon belongs (`title：…`, no `:` before it), or a no-break space after the colon.
 */
function typingSlipOn(source: string): { column: number; detail: string } | undefined {
  const columnOf = (index: number): number => [...source.slice(0, index)].length + 1;
  const nbsp = source.search(/:\u00a0/);
  if (nbsp >= 0) return { column: columnOf(nbsp + 1), detail: 'nbsp' };
  if (/^[ ]*(?:- +)?[^\s:#"'：][^:#"'：]*：/.test(source)) return { column: columnOf(source.indexOf('：')), detail: 'fullwidth-colon' };
  return undefined;
}

/** Lines indented with ideographic spaces (U+3000): not indentation to YAML; one error each. */
function ideographicIndents(text: string, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  text.split('\n').forEach((source, index) => {
    const match = /^[ \t]*\u3000/.exec(source);
    if (match)
      out.push(makeDiagnostic('yaml-syntax', file, { line: index + 1, column: match[0].length }, { detail: 'ideographic-indent' }));
  });
  return out;
}

/** Where a person should look: the opening quote of an unclosed string, the key of a mis-indented line. */
function syntaxErrorOffset(text: string, code: string, message: string, offset: number): number {
  if (code === 'MISSING_CHAR' && /quote/i.test(message)) {
    const quote = message.includes("'") && !message.includes('"') ? "'" : '"';
    const opening = text.lastIndexOf(quote, Math.max(offset - 1, 0));
    if (opening >= 0) return opening;
  }
  if (code === 'BAD_INDENT' && (offset === 0 || text[offset - 1] === '\n')) {
    let first = offset;
    while (text[first] === ' ' || text[first] === '\t') first += 1;
    return first;
  }
  return offset;
}

function cleanYamlMessage(message: string): string {
  // yaml appends "at line N, column M" and a code frame; we print our own place and frame.
  return message.replace(/ at line \d+, column \d+[\s\S]*$/, '').trim();
}

/** Keys are compared as the text a reader sees: `1:` and `"1":` are one key; so are NFC twins. */
function keyIdentity(key: unknown): string {
  return String(key).normalize('NFC');
}

/** A key with no text (`: x`, `~: x`) is the empty key, never the word "null". */
const scalarKeyIdentity = (value: unknown): string => (value === null ? '' : keyIdentity(value));

/** Anchors and tags are written before their node; find them on the text just before it. */
function propertyOffset(text: string, property: string, nodeStart: number): number {
  const found = text.lastIndexOf(property, nodeStart);
  return found >= 0 && nodeStart - found < 1000 ? found : nodeStart;
}

function tagDiagnostic(
  node: { tag?: string; range?: number[] },
  text: string,
  file: string,
  positionOf: (offset: number) => Position,
): Diagnostic {
  const start = node.range?.[0] ?? 0;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = /(?:^|\s)(!\S*)\s*(?:&\S+\s*)?$/.exec(text.slice(lineStart, start));
  if (!before) return makeDiagnostic('yaml-tag', file, positionOf(start), { tag: node.tag });
  const offset = lineStart + before.index + before[0].indexOf('!');
  return makeDiagnostic('yaml-tag', file, positionOf(offset), { tag: before[1] });
}

function checkStructure(
  text: string,
  root: YamlNode,
  file: string,
  positionOf: (offset: number) => Position,
  limits: YamlLimits,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (node: { range?: readonly number[] | null } | null | undefined): Position => positionOf(node?.range?.[0] ?? 0);
  const stack: { node: unknown; depth: number }[] = [{ node: root, depth: 1 }];
  let count = 0;
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (node === null || node === undefined) continue;
    count += 1;
    if (count > limits.maxNodes) {
      out.push(makeDiagnostic('yaml-too-many-nodes', file, { line: 1, column: 1 }, { limit: limits.maxNodes }));
      break;
    }
    if (depth > limits.maxDepth) {
      out.push(makeDiagnostic('yaml-too-deep', file, at(node as YamlNode), { limit: limits.maxDepth }));
      break;
    }
    if (isAlias(node)) {
      out.push(makeDiagnostic('yaml-alias', file, at(node), { name: node.source }));
      continue;
    }
    const tagged = node as { tag?: string; anchor?: string; range?: number[] };
    if (tagged.anchor) {
      out.push(
        makeDiagnostic('yaml-alias', file, positionOf(propertyOffset(text, `&${tagged.anchor}`, tagged.range?.[0] ?? 0)), {
          name: tagged.anchor,
        }),
      );
    }
    if (tagged.tag) out.push(tagDiagnostic(tagged, text, file, positionOf));
    if (isMap(node)) {
      const seen = new Map<string, Pair>();
      for (const pair of node.items) {
        const key = pair.key as YamlNode | null;
        if (key !== null && !isScalar(key)) {
          out.push(makeDiagnostic('yaml-key-not-scalar', file, at(key)));
        } else {
          const identity = key === null ? '' : scalarKeyIdentity(key.value);
          const firstPair = seen.get(identity);
          if (firstPair) {
            out.push(
              makeDiagnostic('yaml-duplicate-key', file, at(key), {
                key: identity,
                firstLine: at(firstPair.key as YamlNode).line,
              }),
            );
          } else {
            seen.set(identity, pair);
          }
          if (key && (key as { tag?: string }).tag)
            out.push(tagDiagnostic(key as { tag?: string; range?: number[] }, text, file, positionOf));
        }
        stack.push({ node: pair.value, depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
    }
  }
  return out;
}

/** Plain data in mappings that inherit nothing (plain-data.ts): keys such as __proto__ are ordinary data here. */
function toPlainData(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  if (isScalar(node)) return node.value;
  if (isSeq(node)) return node.items.map((item) => toPlainData(item));
  if (isMap(node)) {
    const out = newMapping();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? scalarKeyIdentity(pair.key.value) : '';
      out[key] = toPlainData(pair.value);
    }
    return out;
  }
  return null;
}

/** Pairs by key identity, built once per map: a lookup per key made 200,000 keys quadratic. */
const pairIndex = new WeakMap<object, Map<string, Pair>>();

function childOf(node: unknown, segment: string | number): { key?: YamlNode; value: unknown } | undefined {
  if (isMap(node)) {
    let index = pairIndex.get(node);
    if (!index) {
      index = new Map();
      for (const pair of node.items) {
        const identity = isScalar(pair.key) ? scalarKeyIdentity(pair.key.value) : undefined;
        if (identity !== undefined && !index.has(identity)) index.set(identity, pair);
      }
      pairIndex.set(node, index);
    }
    const pair = index.get(String(segment));
    return pair ? { key: pair.key as YamlNode, value: pair.value } : undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    return segment < node.items.length ? { value: node.items[segment] } : undefined;
  }
  return undefined;
}

function makeLocator(doc: Document.Parsed | undefined, positionOf: (offset: number) => Position): Locator {
  const resolve = (path: JsonPath): { node: unknown; key?: YamlNode; exact: boolean } => {
    let node: unknown = doc?.contents ?? null;
    let key: YamlNode | undefined;
    for (const segment of path) {
      const child = childOf(node, segment);
      if (!child) return { node, key, exact: false };
      node = child.value;
      key = child.key;
      if (node === null || node === undefined) return { node: key, key, exact: true };
    }
    return { node, key, exact: true };
  };
  const locate = (path: JsonPath, options?: { key?: boolean }): Position => {
    const found = resolve(path);
    const target = options?.key && found.exact && found.key ? found.key : found.node;
    const range = (isPair(target) ? (target.key as YamlNode) : (target as YamlNode | null))?.range;
    return range ? positionOf(range[0]) : { line: 1, column: 1 };
  };
  return {
    locate,
    place(file, path) {
      const place = { file, ...locate(path) };
      placePaths.set(place, path);
      return place;
    },
    sourceText(path) {
      const found = resolve(path);
      if (!found.exact || !isScalar(found.node)) return undefined;
      const scalar = found.node as { source?: string; range?: number[] };
      return scalar.source ?? undefined;
    },
  };
}
