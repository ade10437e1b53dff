// Parse one YAML text into plain data plus a locator from JSON paths to line:col.
// The format is YAML 1.2 core schema; anchors/aliases, explicit tags and multiple documents are
// not part of it. Duplicate keys are found here in one linear pass (yaml's own check is quadratic).
import {
  type Document,
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

export interface YamlLimits {
  maxDepth: number;
  maxNodes: number;
}

export const defaultYamlLimits: YamlLimits = { maxDepth: 64, maxNodes: 2_000_000 };

export interface Locator {
  /** line:col of the node at `path`; of its key when `key` is set; else of the nearest existing parent */
  locate(path: JsonPath, options?: { key?: boolean }): Position;
  /** the node's text exactly as written (for "quote it" hints), when the node is a scalar */
  sourceText(path: JsonPath): string | undefined;
}

export interface ParsedYaml {
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

export function parseYaml(text: string, file: string, limits: YamlLimits = defaultYamlLimits): ParsedYaml {
  const lineCounter = new LineCounter();
  const diagnostics: Diagnostic[] = [];
  const positionOf = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const docs = parseAllDocuments(text, { ...yamlOptions, lineCounter });
  const documents = Array.isArray(docs) ? docs : [];
  const first = documents[0] as Document.Parsed | undefined;
  const locator = makeLocator(first, positionOf);

  if (!first || first.contents === null || (isScalar(first.contents) && first.contents.value === null)) {
    diagnostics.push(makeDiagnostic('file-empty', file, { line: 1, column: 1 }));
    return { data: undefined, locator, diagnostics };
  }
  for (const doc of documents) {
    for (const error of doc.errors) {
      diagnostics.push(makeDiagnostic('yaml-syntax', file, positionOf(error.pos[0]), { detail: cleanYamlMessage(error.message) }));
    }
  }
  for (const extra of documents.slice(1)) {
    diagnostics.push(makeDiagnostic('yaml-multiple-documents', file, positionOf(extra.range[0])));
  }
  const version = first.directives?.yaml;
  if (version?.explicit) {
    diagnostics.push(makeDiagnostic('yaml-directive', file, { line: 1, column: 1 }, { version: version.version }));
  }
  const structural = checkStructure(first.contents, file, positionOf, limits);
  diagnostics.push(...structural);
  if (diagnostics.some((d) => d.severity === 'error')) return { data: undefined, locator, diagnostics };
  const data = toPlainData(first.contents);
  return { data, locator, diagnostics };
}

function cleanYamlMessage(message: string): string {
  // yaml appends "at line N, column M" and a code frame; we print our own place and frame.
  return message.replace(/ at line \d+, column \d+[\s\S]*$/, '').trim();
}

/** Keys are compared as the text a reader sees: `1:` and `"1":` are one key; so are NFC twins. */
export function keyIdentity(key: unknown): string {
  return String(key).normalize('NFC');
}

function checkStructure(
  root: YamlNode,
  file: string,
  positionOf: (offset: number) => Position,
  limits: YamlLimits,
): Diagnostic[] {
  const out: Diagnostic[] = [];
  const at = (node: { range?: readonly number[] | null } | null | undefined): Position =>
    positionOf(node?.range?.[0] ?? 0);
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
    if (tagged.anchor) out.push(makeDiagnostic('yaml-alias', file, at(tagged), { name: tagged.anchor }));
    if (tagged.tag) out.push(makeDiagnostic('yaml-tag', file, at(tagged), { tag: tagged.tag }));
    if (isMap(node)) {
      const seen = new Map<string, Pair>();
      for (const pair of node.items) {
        const key = pair.key as YamlNode | null;
        if (key !== null && !isScalar(key)) {
          out.push(makeDiagnostic('yaml-key-not-scalar', file, at(key)));
        } else {
          const identity = keyIdentity(key === null ? '' : key.value);
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
          if (key && (key as { tag?: string }).tag) out.push(makeDiagnostic('yaml-tag', file, at(key), { tag: (key as { tag?: string }).tag }));
        }
        stack.push({ node: pair.value, depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push({ node: item, depth: depth + 1 });
    }
  }
  return out;
}

/** Plain data with null-prototype objects: keys such as __proto__ are ordinary data here. */
function toPlainData(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  if (isScalar(node)) return node.value;
  if (isSeq(node)) return node.items.map((item) => toPlainData(item));
  if (isMap(node)) {
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? keyIdentity(pair.key.value) : '';
      out[key] = toPlainData(pair.value);
    }
    return out;
  }
  return null;
}

function childOf(node: unknown, segment: string | number): { key?: YamlNode; value: unknown } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((p) => isScalar(p.key) && keyIdentity(p.key.value) === String(segment));
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
  return {
    locate(path, options) {
      const found = resolve(path);
      const target = options?.key && found.exact && found.key ? found.key : found.node;
      const range = (isPair(target) ? (target.key as YamlNode) : (target as YamlNode | null))?.range;
      return range ? positionOf(range[0]) : { line: 1, column: 1 };
    },
    sourceText(path) {
      const found = resolve(path);
      if (!found.exact || !isScalar(found.node)) return undefined;
      const scalar = found.node as { source?: string; range?: number[] };
      return scalar.source ?? undefined;
    },
  };
}
