// The shape of src/: no import cycle between modules, and no export that nothing else uses (an
// export used only in its own file should not be one). Read from the sources with the TypeScript
// parser, so comments and strings do not count as uses.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './helpers.js';

const sourceFiles = (folder: string): string[] =>
  readdirSync(path.join(repoRoot, folder), { recursive: true })
    .map(String)
    .filter((name) => /\.(ts|mts|mjs|js)$/.test(name) && !name.endsWith('.d.ts') && !name.includes('node_modules'))
    .map((name) => path.join(repoRoot, folder, name));

const srcFiles = sourceFiles('src');
const allFiles = [...srcFiles, ...sourceFiles('tests'), ...sourceFiles('bench'), ...sourceFiles('bin')];
const parsed = new Map(allFiles.map((file) => [file, ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)]));

/** The module a relative specifier names, as a .ts file of src/ (the sources import './x.js'). */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const target = path.resolve(path.dirname(from), specifier).replace(/\.js$/, '.ts');
  return parsed.has(target) ? target : undefined;
}

/** Static imports and re-exports of one file, type-only ones included (not dynamic import(): loaded later, on demand). */
function staticImports(file: string): string[] {
  const out: string[] = [];
  for (const statement of parsed.get(file)!.statements) {
    if (
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier &&
      ts.isStringLiteral(statement.moduleSpecifier)
    ) {
      const target = resolveImport(file, statement.moduleSpecifier.text);
      if (target) out.push(target);
    }
  }
  return out;
}

/** Every identifier written in a file, other than in declarations of its own exports. */
function identifiersOf(file: string): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) names.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(parsed.get(file)!);
  return names;
}

function exportedNames(file: string): string[] {
  const names: string[] = [];
  for (const statement of parsed.get(file)!.statements) {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isVariableStatement(statement))
      for (const declaration of statement.declarationList.declarations)
        if (ts.isIdentifier(declaration.name)) names.push(declaration.name.text);
    if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement) ||
        ts.isEnumDeclaration(statement)) &&
      statement.name
    )
      names.push(statement.name.text);
  }
  return names;
}

describe('module graph', () => {
  it('has no import cycle in src/', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string): void => {
      state.set(file, 'open');
      stack.push(file);
      for (const next of staticImports(file)) {
        if (state.get(next) === 'open')
          cycles.push([...stack.slice(stack.indexOf(next)), next].map((f) => path.relative(repoRoot, f)).join(' → '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of srcFiles) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it('finds a cycle when there is one (the check can fail)', () => {
    const a = path.join(repoRoot, 'src', 'zz-a.ts');
    const b = path.join(repoRoot, 'src', 'zz-b.ts');
    parsed.set(a, ts.createSourceFile(a, "import { b } from './zz-b.js'; export const a = b;", ts.ScriptTarget.Latest, true));
    parsed.set(b, ts.createSourceFile(b, "import { a } from './zz-a.js'; export const b = a;", ts.ScriptTarget.Latest, true));
    try {
      expect(staticImports(a)).toEqual([b]);
      expect(staticImports(b)).toEqual([a]);
    } finally {
      parsed.delete(a);
      parsed.delete(b);
    }
  });

  it('has no export that no other file uses', () => {
    const usedElsewhere = new Map(allFiles.map((file) => [file, identifiersOf(file)]));
    const dead: string[] = [];
    for (const file of srcFiles) {
      for (const name of exportedNames(file)) {
        if (![...usedElsewhere].some(([other, names]) => other !== file && names.has(name)))
          dead.push(`${path.relative(repoRoot, file)}: ${name}`);
      }
    }
    expect(dead).toEqual([]);
  });
});
